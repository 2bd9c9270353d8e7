"""The page-tree cache: values that depend only on what is published, kept until it changes.

Pages, menus, course outlines, routes and rendered fragments change only when an editor publishes,
moves or deletes something (or changes a site, an image, a document, a footer, or who may edit).
Every such change bumps one number, the *page-tree version* (``invalidate``, connected to those
events in ``website.signals``). ``cached`` puts the version into every key, so nothing is ever
deleted: a bump makes every old entry unreachable, in every process at once.

One call does it all::

    outline = treecache.cached(("outline", course.pk, language), build, timeout=300)

Scopes say where a value lives:

``SHARED`` (the default)
    In the Django cache (Redis in production, shared by every worker) and in this process's memory.
    A miss in memory costs one cache round trip; a miss in both calls ``build()``.
``PROCESS``
    Only in this process's memory: for values that are cheap to rebuild once per worker but large or
    many (rendered HTML, database rows of pages), which would only crowd Redis.
``for_user(user)``
    Shared like ``SHARED``, with the user's id in the key, in a memory of its own, so that answers
    about many people cannot push the site-wide entries out.

Generations: the page-tree version is the default *generation*. Values that depend on one kind of
content only can live in a generation of their own (``Generation("case-library")``), bumped only
when that content changes, so that publishing anything else leaves them in place. A generation's
entries are kept apart in every scope; ``cached(..., generation=...)`` chooses it.

The version itself is read from the Django cache once per request (``request_started``), or on every
call outside requests (tasks, commands, tests). This module knows no models."""

import hashlib
import threading
import time
from collections import OrderedDict

from asgiref.local import Local
from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "website:tree-version"


class _Scope:
    __slots__ = ("name", "memory", "shared", "user_id")

    def __init__(self, name, memory, shared, user_id=None):
        self.name, self.memory, self.shared, self.user_id = name, memory, shared, user_id


class _ProcessMemory:
    """At most ``size`` entries, least recently used dropped first; a generation's entries of an older
    version are dropped as soon as one of its new version is stored.

    Values are shared by every request of the process: store only values nobody mutates (tuples,
    strings, and dicts or lists that are only read)."""

    def __init__(self, size):
        self.size = size
        self.versions = {}  # generation name -> the version whose entries are held
        self.entries = OrderedDict()  # full key -> (generation name, expires, value)
        self.lock = threading.Lock()

    def get(self, generation, number, key):
        with self.lock:
            if self.versions.get(generation) != number:
                return _MISSING
            found = self.entries.get(key)
            if found is None:
                return _MISSING
            _generation, expires, value = found
            if expires < time.monotonic():
                del self.entries[key]
                return _MISSING
            self.entries.move_to_end(key)
            return value

    def set(self, generation, number, key, value, timeout):
        with self.lock:
            if self.versions.get(generation) != number:
                for stale in [k for k, entry in self.entries.items() if entry[0] == generation]:
                    del self.entries[stale]
                self.versions[generation] = number
            self.entries[key] = (generation, time.monotonic() + timeout, value)
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def discard(self, key):
        with self.lock:
            self.entries.pop(key, None)

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.versions.clear()


_MISSING = object()

SHARED = _Scope("shared", _ProcessMemory(4000), shared=True)
PROCESS = _Scope("process", _ProcessMemory(8000), shared=False)
_USER_MEMORY = _ProcessMemory(10000)


def for_user(user):
    """The scope of answers about one person (``user`` must have a primary key)."""
    return _Scope("user", _USER_MEMORY, shared=True, user_id=user.pk)


# The versions as read once in this request (a page asks for them a dozen times).
_request_memo = Local()


class Generation:
    """A version number for values that depend on one kind of content; ``invalidate`` starts anew.

    ``name`` is part of every key (``tree:<version>:…``), so generations never meet."""

    def __init__(self, name):
        self.name = name
        self.key = f"website:{name}-version"

    def __repr__(self):
        return f"<Generation {self.name}>"

    def version(self):
        """The current version of this generation."""
        memo = getattr(_request_memo, "versions", None)
        value = memo.get(self.name) if memo is not None else None
        if value is None:
            value = cache.get(self.key)
            if value is None:
                # Start from the clock, not from 1: after the cache is flushed or restarted,
                # processes still hold entries of the old numbers in memory, and a new number must
                # not meet them.
                cache.add(self.key, time.time_ns() // 1000, None)
                # A cache that keeps nothing (DummyCache): a number of its own each time, so nothing
                # is ever reused.
                value = cache.get(self.key) or time.time_ns()
            if getattr(_request_memo, "in_request", False):
                _request_memo.versions[self.name] = value
        return value

    def _bump(self):
        memo = getattr(_request_memo, "versions", None)
        if memo is not None:
            memo.pop(self.name, None)
        try:
            cache.incr(self.key)
        except ValueError:
            cache.set(self.key, time.time_ns() // 1000, None)

    def invalidate(self, *args, **kwargs):
        """Start a new version: every entry of this generation cached so far is unreachable (a
        signal receiver).

        Inside a transaction the version is bumped at once (this request sees its own change) and
        again when the transaction commits: another request may have rebuilt an entry in between
        from the data as it was before, and that entry must not outlive the commit."""
        self._bump()
        if transaction.get_connection().in_atomic_block:
            transaction.on_commit(self._bump)


TREE = Generation("tree")
VERSION_KEY = TREE.key


def version():
    """The current page-tree version."""
    return TREE.version()


def invalidate(*args, **kwargs):
    """Start a new page-tree version (a signal receiver; see ``Generation.invalidate``)."""
    TREE.invalidate()


def request_started(*args, **kwargs):
    """Each request reads the current version once, afresh (a signal receiver)."""
    _request_memo.in_request = True
    _request_memo.versions = {}


def request_finished(*args, **kwargs):
    """Outside requests (tasks, commands) the version is read on every call (a signal receiver)."""
    _request_memo.in_request = False
    _request_memo.versions = None


def _full_key(generation, number, key, scope):
    parts = key if isinstance(key, tuple) else (key,)
    if scope.user_id is not None:
        parts = ("user", scope.user_id, *parts)
    text = ":".join(str(part) for part in parts)
    # A key holds what a visitor sent (a page path, search words): a long or unusual one is hashed, so
    # every cache backend takes it (memcached refuses keys over 250 characters or with spaces).
    if len(text) > 200 or not text.isprintable() or " " in text:
        text = "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return generation.name + ":" + str(number) + ":" + text


def cached(key, build, *, timeout, scope=SHARED, generation=TREE):
    """The value kept under ``key`` for the current version of ``generation``, else ``build()``
    (kept).

    ``key`` is a string or a tuple of values whose ``str`` is stable (ids, language codes, names);
    ``timeout`` is in seconds and bounds how stale a value can be when something changes that does
    not bump the version. ``None`` is a value like any other."""
    number = generation.version()
    full_key = _full_key(generation, number, key, scope)
    memory = scope.memory
    value = memory.get(generation.name, number, full_key)
    if value is not _MISSING:
        return value
    if scope.shared:
        value = cache.get(full_key, _MISSING)
    if value is _MISSING:
        value = build()
        if scope.shared:
            cache.set(full_key, value, timeout)
    memory.set(generation.name, number, full_key, value, timeout)
    return value


def forget(key, *, scope=SHARED, generation=TREE):
    """Drop one entry of the current version (a cached answer found to be wrong, e.g. a route to a
    page deleted without a signal)."""
    full_key = _full_key(generation, generation.version(), key, scope)
    scope.memory.discard(full_key)
    if scope.shared:
        cache.delete(full_key)


def clear_process_memory():
    """Forget everything this process holds (tests: the database they ran against is rolled back)."""
    for memory in (SHARED.memory, PROCESS.memory, _USER_MEMORY):
        memory.clear()

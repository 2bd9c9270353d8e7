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
    """At most ``size`` entries of the current version, least recently used dropped first.

    Values are shared by every request of the process: store only values nobody mutates (tuples,
    strings, and dicts or lists that are only read)."""

    def __init__(self, size):
        self.size = size
        self.version = None
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, tree_version, key):
        with self.lock:
            if tree_version != self.version:
                return _MISSING
            found = self.entries.get(key)
            if found is None:
                return _MISSING
            expires, value = found
            if expires < time.monotonic():
                del self.entries[key]
                return _MISSING
            self.entries.move_to_end(key)
            return value

    def set(self, tree_version, key, value, timeout):
        with self.lock:
            if tree_version != self.version:
                self.entries.clear()
                self.version = tree_version
            self.entries[key] = (time.monotonic() + timeout, value)
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def discard(self, key):
        with self.lock:
            self.entries.pop(key, None)

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.version = None


_MISSING = object()

SHARED = _Scope("shared", _ProcessMemory(4000), shared=True)
PROCESS = _Scope("process", _ProcessMemory(8000), shared=False)
_USER_MEMORY = _ProcessMemory(10000)


def for_user(user):
    """The scope of answers about one person (``user`` must have a primary key)."""
    return _Scope("user", _USER_MEMORY, shared=True, user_id=user.pk)


# The version as read once in this request (a page asks for it a dozen times).
_request_memo = Local()


def version():
    """The current page-tree version."""
    value = getattr(_request_memo, "version", None)
    if value is None:
        value = cache.get(VERSION_KEY)
        if value is None:
            # Start from the clock, not from 1: after the cache is flushed or restarted, processes
            # still hold entries of the old numbers in memory, and a new number must not meet them.
            cache.add(VERSION_KEY, time.time_ns() // 1000, None)
            # A cache that keeps nothing (DummyCache): a number of its own each time, so nothing is
            # ever reused.
            value = cache.get(VERSION_KEY) or time.time_ns()
        if getattr(_request_memo, "in_request", False):
            _request_memo.version = value
    return value


def _bump():
    _request_memo.version = None
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, time.time_ns() // 1000, None)


def invalidate(*args, **kwargs):
    """Start a new version: every entry cached so far is unreachable (a signal receiver).

    Inside a transaction the version is bumped at once (this request sees its own change) and again
    when the transaction commits: another request may have rebuilt an entry in between from the
    data as it was before, and that entry must not outlive the commit."""
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)


def request_started(*args, **kwargs):
    """Each request reads the current version once, afresh (a signal receiver)."""
    _request_memo.in_request = True
    _request_memo.version = None


def request_finished(*args, **kwargs):
    """Outside requests (tasks, commands) the version is read on every call (a signal receiver)."""
    _request_memo.in_request = False
    _request_memo.version = None


def _full_key(tree_version, key, scope):
    parts = key if isinstance(key, tuple) else (key,)
    if scope.user_id is not None:
        parts = ("user", scope.user_id, *parts)
    text = ":".join(str(part) for part in parts)
    # A key holds what a visitor sent (a page path, search words): a long or unusual one is hashed, so
    # every cache backend takes it (memcached refuses keys over 250 characters or with spaces).
    if len(text) > 200 or not text.isprintable() or " " in text:
        text = "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return "tree:" + str(tree_version) + ":" + text


def cached(key, build, *, timeout, scope=SHARED):
    """The value kept under ``key`` for the current page-tree version, else ``build()`` (kept).

    ``key`` is a string or a tuple of values whose ``str`` is stable (ids, language codes, names);
    ``timeout`` is in seconds and bounds how stale a value can be when something changes that does
    not bump the version. ``None`` is a value like any other."""
    tree_version = version()
    full_key = _full_key(tree_version, key, scope)
    memory = scope.memory
    value = memory.get(tree_version, full_key)
    if value is not _MISSING:
        return value
    if scope.shared:
        value = cache.get(full_key, _MISSING)
    if value is _MISSING:
        value = build()
        if scope.shared:
            cache.set(full_key, value, timeout)
    memory.set(tree_version, full_key, value, timeout)
    return value


def forget(key, *, scope=SHARED):
    """Drop one entry of the current version (a cached answer found to be wrong, e.g. a route to a
    page deleted without a signal)."""
    full_key = _full_key(version(), key, scope)
    scope.memory.discard(full_key)
    if scope.shared:
        cache.delete(full_key)


def clear_process_memory():
    """Forget everything this process holds (tests: the database they ran against is rolled back)."""
    for memory in (SHARED.memory, PROCESS.memory, _USER_MEMORY):
        memory.clear()

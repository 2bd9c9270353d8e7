"""Cached reads for the site shell (navigation, footer, language links, localized home).

Every page renders the shell, so its page-tree lookups are cached per site and language under a
version number that any publish, unpublish, move or delete of a page (or a footer change) bumps.
With a per-process cache other processes catch up within SHELL_CACHE_SECONDS.

Entries whose key holds the version never change, only expire, so ``versioned_get`` and
``versioned_set`` also keep them in a small per-process memory: once a request has read the version
(one cache round trip), the navigation, footer, routes and lesson bodies come from memory instead
of one Redis round trip each. A bump of the version, seen by every process at its next request,
leaves the old entries unused."""

import threading
import time
from collections import OrderedDict

from asgiref.local import Local
from django.conf import settings
from django.core.cache import cache
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Locale, Page, Site
from wagtail.models.sites import get_site_for_hostname

VERSION_KEY = "website:shell-version"


def cache_seconds():
    return getattr(settings, "SHELL_CACHE_SECONDS", 300)


# The version read once per request (a page asks for it a dozen times; with Redis each is a round trip).
_request_memo = Local()


def version():
    value = getattr(_request_memo, "version", None)
    if value is None:
        value = cache.get(VERSION_KEY)
        if value is None:
            # Start from the clock, not from 1: after the cache is flushed or restarted, processes
            # still hold entries of the old numbers in memory, and a new number must not meet them.
            cache.add(VERSION_KEY, time.time_ns() // 1000, None)
            # A cache that keeps nothing (DummyCache): a number of its own each time, so nothing
            # is ever reused.
            value = cache.get(VERSION_KEY) or time.time_ns()
        if getattr(_request_memo, "in_request", False):
            _request_memo.version = value
    return value


def request_started(*args, **kwargs):
    """Each request reads the current version once, afresh."""
    _request_memo.in_request = True
    _request_memo.version = None


def request_finished(*args, **kwargs):
    """Outside requests (tasks, commands) the version is read every time."""
    _request_memo.in_request = False
    _request_memo.version = None


def invalidate(*args, **kwargs):
    _request_memo.version = None
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, time.time_ns() // 1000, None)


class _ProcessMemory:
    """At most ``size`` entries of the current version, least recently used dropped first.

    Values are shared by every request of the process: store only values nobody mutates (tuples,
    strings, dicts and lists that are only read)."""

    def __init__(self, size):
        self.size = size
        self.version = None
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, tree_version, key):
        with self.lock:
            if tree_version != self.version:
                return None
            found = self.entries.get(key)
            if found is None:
                return None
            expires, value = found
            if expires < time.monotonic():
                del self.entries[key]
                return None
            self.entries.move_to_end(key)
            return value

    def discard(self, key):
        with self.lock:
            self.entries.pop(key, None)

    def set(self, tree_version, key, value, timeout):
        with self.lock:
            if tree_version != self.version:
                self.entries.clear()
                self.version = tree_version
            self.entries[key] = (time.monotonic() + timeout, value)
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


_memory = _ProcessMemory(2000)


def versioned_get(tree_version, key, memory=None, timeout=None):
    """The value cached under ``key`` for ``tree_version`` (the key must contain the version)."""
    memory = memory or _memory
    value = memory.get(tree_version, key)
    if value is None:
        value = cache.get(key)
        if value is not None:
            memory.set(tree_version, key, value, timeout or cache_seconds())
    return value


def remember(memory, key, build, timeout=None):
    """``build()``, kept in this process's ``memory`` under ``key`` while the page-tree version holds
    (nothing in the shared cache). A ``None`` result is not kept."""
    tree_version = version()
    value = memory.get(tree_version, key)
    if value is None:
        value = build()
        if value is not None:
            memory.set(tree_version, key, value, timeout or cache_seconds())
    return value


def versioned_set(tree_version, key, value, timeout):
    cache.set(key, value, timeout)
    _memory.set(tree_version, key, value, timeout)


def versioned_delete(tree_version, key):
    cache.delete(key)
    _memory.discard(key)


def _cached(key, build):
    tree_version = version()
    full_key = f"website:shell:{tree_version}:{key}"
    value = versioned_get(tree_version, full_key)
    if value is None:
        value = build()
        versioned_set(tree_version, full_key, value, cache_seconds())
    return value


def site_for(request):
    """The Wagtail site serving ``request``, as ``Site.find_for_request`` finds it, but cached.

    Wagtail queries the site table on every request; here the answer is kept per host and port
    under the page-tree version (saving or deleting a site bumps it)."""
    if request is None:
        return None
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    # As Wagtail does: the raw host, so that ALLOWED_HOSTS is checked where it always is.
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    tree_version = version()
    key = f"website:site:{tree_version}:{hostname}:{port}"
    found = versioned_get(tree_version, key)
    if found is None:
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            site = None
        found = (site,)
        versioned_set(tree_version, key, found, cache_seconds())
    request._wagtail_site = found[0]
    return found[0]


def homes(site):
    """{language code: (page id, url path)} of the live home page in each language."""

    def build():
        root = site.root_page
        result = {}
        for page in root.get_translations(inclusive=True).live().select_related("locale"):
            with translation.override(page.locale.language_code):
                result[page.locale.language_code] = (page.pk, page.get_url(None, site))
        return result

    return _cached(f"homes:{site.pk}", build)


def home_url(request, language_code=None):
    site = site_for(request)
    code = language_code or translation.get_language()
    if site is None:
        return f"/{code}/"
    found = homes(site)
    return (found.get(code) or found.get(settings.LANGUAGE_CODE) or (None, "/"))[1]


def navigation(request):
    """[(title, url, page id)] of the menu pages under the home page of the current language."""
    site = site_for(request)
    if site is None:
        return []
    code = translation.get_language()

    def build():
        home_id = (homes(site).get(code) or homes(site).get(settings.LANGUAGE_CODE) or (None,))[0]
        if home_id is None:
            return []
        home = Page.objects.get(pk=home_id)
        return [
            (child.title, child.get_url(None, site), child.pk)
            for child in home.get_children().live().in_menu().public()
        ]

    return _cached(f"nav:{site.pk}:{code}", build)


def footer(request):
    site = site_for(request)
    if site is None:
        return {}
    code = translation.get_language()

    def build():
        from website.models import FooterSettings

        settings_row = FooterSettings.for_site(site)
        links = {"contact_email": settings_row.contact_email}
        locale = Locale.objects.filter(language_code=code).first()
        for key in ("privacy_page", "imprint_page"):
            page = getattr(settings_row, key)
            if page is None:
                continue
            if locale is not None:
                page = page.get_translation_or_none(locale) or page
            links[key] = {"title": page.title, "url": page.get_url(None, site)}
        return links

    return _cached(f"footer:{site.pk}:{code}", build)


def page_translations(page, site):
    """{language code: url} of the live translations of a page."""

    def build():
        result = {}
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            result[translated.locale.language_code] = translated.get_url(None, site)
        return result

    return _cached(f"translations:{page.translation_key}", build)


# Per-user answers live apart from the shared entries so that many users cannot push routes out.
_user_memory = _ProcessMemory(10000)


def may_use_admin(user):
    """Whether ``user`` may open the Wagtail admin.

    Kept under the page-tree version, which changes of groups, permissions and superuser or active
    flags bump (``website.signals``), for at most EDITOR_CHECK_CACHE_SECONDS; in process memory after
    the first read, so a learner's page costs no query and no cache round trip for it."""
    if user.is_superuser:
        return user.is_active
    tree_version = version()
    key = f"website:may-use-admin:{tree_version}:{user.pk}"
    timeout = getattr(settings, "EDITOR_CHECK_CACHE_SECONDS", 300)
    allowed = versioned_get(tree_version, key, memory=_user_memory, timeout=timeout)
    if allowed is None:
        allowed = user.has_perm("wagtailadmin.access_admin")
        cache.set(key, allowed, timeout)
        _user_memory.set(tree_version, key, allowed, timeout)
    return allowed

"""Serving Wagtail pages with cached routing, and the site a request is for.

Wagtail finds the page for a URL by walking the tree from the site's root: the site lookup, the
localized home page and, for every path segment, a child lookup plus a query for the specific page,
then two more queries for view restrictions. On a lesson page that is about a dozen queries and a
third of the CPU time, repeated on every visit although the answer changes only when the tree does.

``serve`` remembers, per site, language and path, which page Wagtail routed to and which view
restrictions applied, under the page-tree version (``website.treecache``). A visit after the first
builds the page from its database row (kept per process under the same version) and hands it to
Wagtail's own ``serve`` view, so the serve hooks (privacy, passwords, login) and ``Page.serve`` run
exactly as before. Routes that carry arguments (routable pages) are not cached.

Wagtail keeps the request's site and route in two private request attributes, which its public
``Site.find_for_request`` and ``Page.route_for_request`` read before doing any work. They are set
only here (``_remember_site``, ``_remember_route``); ``website/tests/test_routing.py`` fails if
Wagtail stops reading them. Checked against Wagtail 8.0.1."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from website import treecache
from website.queries import PreparedQuery

# The request attributes Wagtail 8.0.1 caches the site and the route in (wagtail/models/sites.py
# ``Site.find_for_request``, wagtail/models/pages.py ``Page.route_for_request``).
_SITE_ATTRIBUTE = "_wagtail_site"
_ROUTE_ATTRIBUTE = "_wagtail_route_for_request"


def _remember_site(request, site):
    setattr(request, _SITE_ATTRIBUTE, site)


def _remember_route(request, page):
    setattr(request, _ROUTE_ATTRIBUTE, (page, [], {}))


def _timeout():
    return settings.PAGE_ROUTE_CACHE_SECONDS


def site_for(request):
    """The Wagtail site serving ``request``, as ``Site.find_for_request`` finds it, but cached.

    Wagtail queries the site table on every request; here the answer is kept per host and port
    under the page-tree version (saving or deleting a site bumps it), and handed to Wagtail so that
    its own lookups in the same request find it."""
    if request is None:
        return None
    if hasattr(request, _SITE_ATTRIBUTE):
        return Site.find_for_request(request)
    # As Wagtail does: the raw host, so that ALLOWED_HOSTS is checked where it always is.
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def build():
        try:
            return get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None

    site = treecache.cached(("site", hostname, port), build, timeout=settings.SHELL_CACHE_SECONDS)
    _remember_site(request, site)
    return site


def _restriction_ids(page):
    return tuple(sorted(page.get_view_restrictions().values_list("page_id", flat=True)))


_live_page_queries = {}


def _live_page(model):
    """The prepared query (``website.queries``) that loads a live page of ``model`` by id."""
    query = _live_page_queries.get(model)
    if query is None:
        query = _live_page_queries[model] = PreparedQuery(
            model,
            lambda page_id: model.objects.filter(pk=page_id, live=True).order_by(),
            page_id=model._meta.pk,
        )
    return query


def _cached_live_page(model, page_id):
    """A fresh instance of the live page ``page_id`` of ``model``, or None. Its row is read once per
    process and page-tree version (every save of a page but draft and lock bookkeeping bumps it, see
    ``website.signals``); the row holds only immutable values (the body is JSON text until used)."""
    query = _live_page(model)
    row = treecache.cached(
        ("page-row", model._meta.label, page_id),
        lambda: query.row(page_id=page_id),
        timeout=_timeout(),
        scope=treecache.PROCESS,
    )
    return None if row is None else query.instance(row)


def cached_route(request, path):
    """Give Wagtail the route for ``path`` from the cache; return whether it came from there."""
    site = site_for(request)
    if site is None:
        return False
    routed = []

    def build():
        routed.append(True)
        result = Page.route_for_request(request, path)
        if result is None or result[1] or result[2]:
            return None  # no page, or a routable page's sub-route: Wagtail routes it every time
        page = result[0]
        # Wagtail's privacy hook runs next and reads the same restrictions from the page.
        page._view_restriction_ids = _restriction_ids(page)
        return (page.content_type_id, page.pk, page._view_restriction_ids)

    key = ("route", site.pk, translation.get_language(), path)
    entry = treecache.cached(key, build, timeout=_timeout())
    if entry is None:
        # Not worth keeping: a random URL would otherwise take a cache entry for every 404.
        treecache.forget(key)
        return False
    if routed:
        return False  # Wagtail has just routed this request itself
    content_type_id, page_id, restriction_ids = entry
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = _cached_live_page(model, page_id) if model is not None else None
    if page is None:
        treecache.forget(key)  # unpublished or deleted since: Wagtail routes afresh
        return False
    page._view_restriction_ids = restriction_ids
    _remember_route(request, page)
    return True


def serve(request, path):
    from wagtail import views as wagtail_views  # needs the app registry, which models do not have

    cached_route(request, path)
    return wagtail_views.serve(request, path)

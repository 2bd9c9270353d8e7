"""Serving Wagtail pages with cached routing.

Wagtail finds the page for a URL by walking the tree from the site's root: the site lookup, the
localized home page and, for every path segment, a child lookup plus a query for the specific page,
then two more queries for view restrictions. On a lesson page that is about a dozen queries and a
third of the CPU time, repeated on every visit although the answer changes only when the tree does.

``serve`` remembers, per site, language and path, which page Wagtail routed to and which view
restrictions applied, under the page-tree version of ``website.shell`` (bumped on every publish,
unpublish, move, slug change or delete of a page, and on every change of a view restriction). A
visit after the first loads the page with one query and hands it to Wagtail's own ``serve`` view,
so the serve hooks (privacy, passwords, login) and ``Page.serve`` run exactly as before. Routes
that carry arguments (routable pages) are not cached."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from website import shell
from website.queries import PreparedQuery


def _timeout():
    return getattr(settings, "PAGE_ROUTE_CACHE_SECONDS", 300)


def _route_key(tree_version, site, path):
    return f"website:route:{tree_version}:{site.pk}:{translation.get_language()}:{path}"


def _restriction_ids(page):
    return sorted(page_id for page_id in page.get_view_restrictions().values_list("page_id", flat=True))


_live_page_queries = {}


def _live_page(model):
    """The prepared query (``website.queries``) that loads a live page of ``model`` by id."""
    query = _live_page_queries.get(model)
    if query is None:
        query = _live_page_queries[model] = PreparedQuery(
            model,
            lambda page_id: model.objects.filter(pk=page_id, live=True).order_by(),
            page_id=(model._meta.pk, -7_301_916),
        )
    return query


# The database rows of routed pages, per process, under the page-tree version: every save of a page
# except draft and lock bookkeeping bumps it (website.signals), so a row here is the page as stored.
_page_rows = shell._ProcessMemory(2000)


def _cached_live_page(model, page_id):
    """A fresh instance of the live page ``page_id`` of ``model``, or None; the row is read once per
    process and version. Rows hold only immutable values (the body is JSON text until converted)."""
    query = _live_page(model)
    row = shell.remember(
        _page_rows, (model._meta.label, page_id), lambda: query.row(page_id=page_id), _timeout()
    )
    return None if row is None else query.instance(row)


def cached_route(request, path):
    """Set Wagtail's per-request route for ``path`` from the cache; return whether it was cached."""
    tree_version = shell.version()
    site = shell.site_for(request)
    if site is None:
        return False
    key = _route_key(tree_version, site, path)
    entry = shell.versioned_get(tree_version, key)
    if entry is not None:
        content_type_id, page_id, restriction_ids = entry
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = _cached_live_page(model, page_id) if model is not None else None
        if page is not None:
            page._view_restriction_ids = restriction_ids
            request._wagtail_route_for_request = (page, [], {})
            return True
        shell.versioned_delete(tree_version, key)
    result = Page.route_for_request(request, path)
    if result is not None:
        page, args, kwargs = result
        if not args and not kwargs:
            # Wagtail's privacy hook runs next and reads the same restrictions from the page.
            page._view_restriction_ids = _restriction_ids(page)
            entry = (page.content_type_id, page.pk, tuple(page._view_restriction_ids))
            shell.versioned_set(tree_version, key, entry, _timeout())
    return False


def serve(request, path):
    from wagtail import views as wagtail_views  # needs the app registry, which models do not have

    cached_route(request, path)
    return wagtail_views.serve(request, path)


class CachedRouteMixin:
    """For page models: view restrictions come from the route cache when ``serve`` found them there.

    Outside a cached route (the admin, previews, first visits) Wagtail's own lookup runs."""

    def get_view_restrictions(self):
        ids = getattr(self, "_view_restriction_ids", None)
        if ids is None:
            return super().get_view_restrictions()
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page_id__in=ids)

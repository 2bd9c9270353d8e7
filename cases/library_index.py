"""The case library's facet index: the facet values of every live case, which cases each language
shows, and those cases in each fixed order, for the current page-tree version.

Each part is read with one narrow query the first time it is needed after a publish and then kept in
each process (``treecache.PROCESS``): the facet values once for all languages, the visible set once
per language, an order once per language and sort. A library state nobody asked for since the last
publish then costs set arithmetic over a few thousand ids and, with a search word, one full-text
query, instead of a count query per facet that each worked the visible set out again
(docs/benchmarks.md, "Cases"). Only ids and facet values are held, never text: about 2 MB for
5,000 cases per process.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q
from wagtail.models import Page

from website import treecache

from .models import CaseFacet, CasePage

FALLBACK_LANGUAGE = "en"
FIXED_ORDERS = {
    "relevance": (F("case_number").asc(nulls_last=True), "-first_published_at", "pk"),
    "title": ("title", "pk"),
    "recent": (F("start_year").desc(nulls_last=True), "title", "pk"),
}


def visible_page_rows(language):
    """The live case pages shown in ``language`` as rows of Wagtail's narrow page table: its own
    pages and the English page of cases without a live translation into it."""
    pages = Page.objects.filter(content_type=ContentType.objects.get_for_model(CasePage), live=True)
    own = Q(locale__language_code=language)
    if language == FALLBACK_LANGUAGE:
        return pages.filter(own)
    translated = pages.filter(own).values("translation_key")
    untranslated = Q(locale__language_code=FALLBACK_LANGUAGE) & ~Q(translation_key__in=translated)
    return pages.filter(own | untranslated)


def _kept(key, build):
    return treecache.cached(key, build, timeout=settings.CASES_SEARCH_CACHE_SECONDS, scope=treecache.PROCESS)


def visible(language):
    """The ids of the cases ``language`` shows."""
    return _kept(
        ("case-library-visible", language),
        lambda: frozenset(visible_page_rows(language).values_list("pk", flat=True)),
    )


def _members():
    """{(facet, value): frozenset of the ids of live case pages carrying it}, in any language."""

    def build():
        members = {}
        for page_id, facet, value in (
            CaseFacet.objects.filter(page__live=True).order_by().values_list("page_id", "facet", "value")
        ):
            members.setdefault((facet, value), set()).add(page_id)
        return {pair: frozenset(ids) for pair, ids in members.items()}

    return _kept(("case-library-facets",), build)


def having(facet, values):
    """The ids of live cases with any of ``values`` for ``facet`` (values of a facet are alternatives)."""
    members = _members()
    return frozenset().union(*(members.get((facet, value), ()) for value in values))


def counts(ids, facets):
    """How many of ``ids`` (a set) carry each value of each of ``facets``: {facet: {value: n}}."""
    found = {name: {} for name in facets}
    for (facet, value), members in _members().items():
        if facet in found:
            n = len(members & ids)  # CPython walks the smaller of the two sets
            if n:
                found[facet][value] = n
    return found


def in_order(language, sort, ids):
    """``ids`` in the library's order ``sort`` (one of FIXED_ORDERS)."""
    order = _kept(
        ("case-library-order", language, sort),
        lambda: tuple(
            CasePage.objects.filter(pk__in=visible_page_rows(language).values("pk"))
            .order_by(*FIXED_ORDERS[sort])
            .values_list("pk", flat=True)
        ),
    )
    return [pk for pk in order if pk in ids]

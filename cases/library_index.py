"""The case library's facet index: the facet values of every live case, which cases each language
shows, and those cases in each fixed order.

Everything here depends on the case pages alone, so it is kept in a generation of its own
(``LIBRARY``, ``website.treecache``) that only a saved or deleted case starts anew: publishing a
lesson, uploading an image or changing a menu leaves the library as it was. Each part is read with
one narrow query the first time it is needed and kept in the shared cache (Redis in production) and
in each process: a library state nobody asked for yet then costs set arithmetic over a few thousand
ids and, with a search word, one full-text query, instead of a count query per facet that each
worked the visible set out again (docs/benchmarks.md, "Cases"). Only ids and facet values are held,
never text: a few hundred kilobytes for 5,000 cases.

When a case changes, ``changed`` schedules ``cases.tasks.prepare_library`` for after the commit, so
the index is rebuilt by a worker before the next visitor asks, rather than by that visitor.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.aggregates import ArrayAgg
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F, Q
from wagtail.models import Page

from website import treecache

from .models import CaseFacet, CasePage

LIBRARY = treecache.Generation("case-library")
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


def kept(key, build):
    """``build()`` kept under ``key`` until a case changes (or for ``CASES_SEARCH_CACHE_SECONDS``)."""
    return treecache.cached(key, build, timeout=settings.CASES_SEARCH_CACHE_SECONDS, generation=LIBRARY)


def changed():
    """A case was saved or deleted: start a new library generation and, once the change is
    committed, have a worker build the index for it."""
    LIBRARY.invalidate()
    # robust: a broker that cannot be reached must not undo an editor's publish; the first visitor
    # then builds the index, as without a worker.
    transaction.on_commit(_schedule_preparation, robust=True)


# Set while a preparation waits in the queue: a burst of saved cases (an import, the demo loader)
# queues one task, not one per case. The task clears it before it reads the generation, so a case
# saved after that queues the next one; a task lost with its worker delays no later one for long.
QUEUED_KEY = "case-library-preparation-queued"
QUEUED_SECONDS = 60


def _schedule_preparation():
    from .tasks import prepare_library

    if cache.add(QUEUED_KEY, True, QUEUED_SECONDS):
        try:
            prepare_library.delay()
        except Exception:
            cache.delete(QUEUED_KEY)  # nothing is queued: the next change tries again
            raise


def claim_preparation():
    """True for the first caller for the current generation: only one worker builds the index ahead."""
    cache.delete(QUEUED_KEY)
    return cache.add(f"case-library-prepared:{LIBRARY.version()}", True, settings.CASES_SEARCH_CACHE_SECONDS)


def visible(language):
    """The ids of the cases ``language`` shows."""
    return kept(
        ("case-library-visible", language),
        lambda: frozenset(visible_page_rows(language).values_list("pk", flat=True)),
    )


def _members():
    """{(facet, value): frozenset of the ids of live case pages carrying it}, in any language."""

    def build():
        live = CaseFacet.objects.filter(page__live=True).order_by()
        if connection.vendor == "postgresql":
            # One row per facet value with its pages as an array: a few dozen rows to read instead
            # of one per page and value.
            rows = live.values("facet", "value").annotate(pages=ArrayAgg("page_id"))
            return {(row["facet"], row["value"]): frozenset(row["pages"]) for row in rows}
        members = {}
        for page_id, facet, value in live.values_list("page_id", "facet", "value"):
            members.setdefault((facet, value), set()).add(page_id)
        return {pair: frozenset(ids) for pair, ids in members.items()}

    return kept(("case-library-facets",), build)


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
    order = kept(
        ("case-library-order", language, sort),
        lambda: tuple(
            CasePage.objects.filter(pk__in=visible_page_rows(language).values("pk"))
            .order_by(*FIXED_ORDERS[sort])
            .values_list("pk", flat=True)
        ),
    )
    return [pk for pk in order if pk in ids]

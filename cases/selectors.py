"""Reads of the case library: the search with facet counts, similar cases, cases for themes.

A language shows its own case pages and, for cases not translated into it yet, the English page,
so every case is findable in every interface language."""

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, Count, F, Q, Sum, Value, When
from django.http import QueryDict
from django.utils import translation

from . import library_index
from .library_index import FALLBACK_LANGUAGE
from .models import CaseFacet, CasePage
from .taxonomy import FACETS, search_config

PAGE_SIZE = 12
MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FACET = 20
SORTS = ("relevance", "title", "recent")
CARD_DEFERRED = (
    "challenge",
    "activities",
    "results",
    "obstacles",
    "lessons",
    "funding",
    "search_vector",
    "figures",
    "links",
    "related_courses",
    "related_cases",
)


def visible_cases(language):
    """Live case pages in ``language``, plus the English page of cases without a live translation."""
    return CasePage.objects.filter(pk__in=library_index.visible_page_rows(language).values("pk"))


def untranslated_case(index, path_components):
    """The live English case at ``path_components`` below ``index``'s English original, if it has no
    live translation in ``index``'s language; otherwise None."""
    if len(path_components) != 1 or index.locale.language_code == FALLBACK_LANGUAGE:
        return None
    case = (
        visible_cases(index.locale.language_code)
        .filter(locale__language_code=FALLBACK_LANGUAGE, slug=path_components[0])
        .first()
    )
    if case is None or not case.get_parent().specific.get_translations().filter(pk=index.pk).exists():
        return None
    return case


def library_in(language):
    from .models import CaseIndexPage

    return CaseIndexPage.objects.live().filter(locale__language_code=language).first()


def with_urls(cases, language, request=None, library=None):
    """Give each case ``shown_url``: its own URL, or for an English case shown in another language
    the address below that language's library, so the interface stays in that language."""
    library = library if library is not None else (library_in(language) if cases else None)
    base = library.get_url(request) if library is not None else None
    for case in cases:
        if base and case.locale.language_code != language:
            case.shown_url = f"{base}{case.slug}/"
        else:
            case.shown_url = case.get_url(request)
    return cases


def _search_query(query, language):
    search = SearchQuery(query, config=search_config(language), search_type="websearch")
    if language != FALLBACK_LANGUAGE:
        search = search | SearchQuery(query, config=search_config(FALLBACK_LANGUAGE), search_type="websearch")
    return search


def _ranked_matches(query, language):
    """The ids of case pages matching ``query``, best first (ties in the library's default order):
    PostgreSQL full text through the GIN index, or Wagtail's database search backend elsewhere
    (SQLite), whose results come in its own relevance order."""
    if connection.vendor == "postgresql":
        search = _search_query(query, language)
        return list(
            CasePage.objects.filter(search_vector=search)
            .annotate(relevance=SearchRank(F("search_vector"), search))
            .order_by("-relevance", F("case_number").asc(nulls_last=True), "pk")
            .values_list("pk", flat=True)
        )
    return [page.pk for page in CasePage.objects.live().search(query, operator="and")]


class SearchResults:
    """The cases a search found, in order, read a page at a time: what ``Paginator`` needs (a length
    and slices). Only the cards of the page shown are loaded."""

    def __init__(self, ids):
        self.ids = ids

    def __len__(self):
        return len(self.ids)

    def count(self):
        return len(self.ids)

    def _pages(self, ids):
        found = CasePage.objects.filter(pk__in=ids).select_related("locale").defer(*CARD_DEFERRED).in_bulk()
        return [found[pk] for pk in ids if pk in found]

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._pages(self.ids[index])
        return self._pages([self.ids[index]])[0]

    def __iter__(self):
        for start in range(0, len(self.ids), 500):
            yield from self._pages(self.ids[start : start + 500])


def search_cases(*, language, query="", selected=None, sort="relevance"):
    """The matching cases (``SearchResults``, in order) and the count of every facet value among them.

    Values within a facet are alternatives (Germany or Austria), facets narrow each other (Germany and
    mentoring). A facet's counts ignore its own selection, so they say what choosing another value of
    it would give; facets without a selection share one counting query.

    The library changes only when a case is saved or deleted, so the ids and counts of each library
    state are kept until then (``library_index.kept``): a state asked for again, by anyone, costs
    one cache read instead of a full-text match and a count per facet."""
    selected = {name: list(values) for name, values in (selected or {}).items() if name in FACETS and values}
    key = (
        "case-search",
        language,
        sort,
        query,
        *(f"{name}={','.join(sorted(values))}" for name, values in sorted(selected.items())),
    )
    ids, counts = library_index.kept(key, lambda: _search(language, query, selected, sort))
    return SearchResults(ids), counts


def prepare_library():
    """Build the facet index and each language's library as first opened (every order), so that
    the first visitor after a case changed finds them ready; False if another worker did."""
    if not library_index.claim_preparation():
        return False
    for language, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        for sort in SORTS:
            search_cases(language=language, sort=sort)
    return True


def _search(language, query, selected, sort):
    candidates = library_index.visible(language)
    ranked = None
    if query:
        ranked = [pk for pk in _ranked_matches(query, language) if pk in candidates]
        candidates = frozenset(ranked)
    narrowed_by = {name: library_index.having(name, values) for name, values in selected.items()}

    def narrowed(skip=None):
        ids = candidates
        for name, having in narrowed_by.items():
            if name != skip:
                ids = ids & having
        return ids

    matching = narrowed()
    counts = {}
    unselected = [name for name in FACETS if name not in selected]
    if unselected:
        counts.update(library_index.counts(matching, unselected))
    for name in selected:
        counts.update(library_index.counts(narrowed(skip=name), [name]))
    if query and sort == "relevance":
        return [pk for pk in ranked if pk in matching], counts
    return library_index.in_order(language, sort, matching), counts


def read_library_query(params):
    """The library's state from a query string; anything odd is trimmed, never an error."""
    query = " ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH]
    selected = {}
    for name in FACETS:
        values = [value.strip()[:40] for value in params.getlist(name) if value.strip()]
        if values:
            selected[name] = list(dict.fromkeys(values))[:MAX_VALUES_PER_FACET]
    sort = params.get("sort", "")
    if sort not in SORTS:
        sort = "relevance"
    return query, selected, sort


def _query_string(query, selected, sort, **change):
    params = QueryDict(mutable=True)
    if query:
        params["q"] = query
    for name, values in selected.items():
        params.setlist(name, values)
    if sort != "relevance":
        params["sort"] = sort
    for key, value in change.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


def _toggled(selected, name, value):
    values = list(selected.get(name, []))
    values = [item for item in values if item != value] if value in values else values + [value]
    changed = {key: list(items) for key, items in selected.items()}
    if values:
        changed[name] = values
    else:
        changed.pop(name, None)
    return changed


def facet_panels(query, selected, sort, counts):
    panels = []
    for name, (label, choices) in FACETS.items():
        chosen = selected.get(name, [])
        options = []
        for value, value_label in choices:
            count = counts.get(name, {}).get(value, 0)
            if count or value in chosen:
                options.append(
                    {
                        "value": value,
                        "label": value_label,
                        "count": count,
                        "selected": value in chosen,
                        "url": _query_string(query, _toggled(selected, name, value), sort),
                    }
                )
        panels.append({"name": name, "label": label, "options": options})
    return panels


def active_filters(query, selected, sort):
    names = {name: dict(choices) for name, (_label, choices) in FACETS.items()}
    chips = []
    for name, values in selected.items():
        for value in values:
            chips.append(
                {
                    "facet": FACETS[name][0],
                    # A value outside the vocabulary (an edited URL) is shown as typed; it matches nothing.
                    "label": names[name].get(value, value),
                    "url": _query_string(query, _toggled(selected, name, value), sort),
                }
            )
    return chips


def library_context(request, index):
    language = translation.get_language()
    query, selected, sort = read_library_query(request.GET)
    results, counts = search_cases(language=language, query=query, selected=selected, sort=sort)
    paginator = Paginator(results, PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    cards = with_urls(list(page_obj.object_list), language, request, library=index)
    return {
        "query": query,
        "sort": sort,
        "sorts": SORTS,
        "selected": selected,
        "cases": cards,
        "page_obj": page_obj,
        "paginator": paginator,
        "facet_panels": facet_panels(query, selected, sort, counts),
        "active_filters": active_filters(query, selected, sort),
        "filtered": bool(query or selected),
        "page_links": {
            "previous": _query_string(query, selected, sort, page=str(page_obj.previous_page_number()))
            if page_obj.has_previous()
            else None,
            "next": _query_string(query, selected, sort, page=str(page_obj.next_page_number()))
            if page_obj.has_next()
            else None,
        },
        "hidden_facets": [(name, value) for name, values in selected.items() for value in values],
        "language": language,
    }


def similar_cases(page, *, language=None, limit=3):
    """Cases sharing themes (two points each), the sector or the country (one point) with ``page``."""
    language = language or translation.get_language()
    candidates = visible_cases(language).exclude(translation_key=page.translation_key)
    match = Q(facet="sector", value=page.sector) | Q(facet="country", value=page.country)
    if page.themes:
        match |= Q(facet="theme", value__in=page.themes)
    scores = list(
        CaseFacet.objects.filter(match, page_id__in=candidates.values("pk"))
        .values("page_id")
        .annotate(score=Sum(Case(When(facet="theme", then=Value(2)), default=Value(1))))
        .order_by("-score", "page_id")
        .values_list("page_id", flat=True)[:limit]
    )
    pages = {case.pk: case for case in CasePage.objects.filter(pk__in=scores).defer(*CARD_DEFERRED)}
    return [pages[pk] for pk in scores if pk in pages]


def cases_for_themes(themes, *, language, limit=3):
    """Live cases for an integration-plan step: those sharing most of ``themes`` (slugs from
    ``cases.taxonomy.THEME_CHOICES``), in ``language`` where translated, else in English.

    Each page carries ``shared_themes``, the number of the given themes it has."""
    themes = [theme for theme in themes or [] if theme]
    if not themes:
        return []
    scores = list(
        CaseFacet.objects.filter(
            facet="theme", value__in=themes, page_id__in=visible_cases(language).values("pk")
        )
        .values("page_id")
        .annotate(shared=Count("pk"))
        .order_by("-shared", "page_id")
        .values_list("page_id", "shared")[:limit]
    )
    pages = {
        case.pk: case
        for case in CasePage.objects.filter(pk__in=[pk for pk, _n in scores]).defer(*CARD_DEFERRED)
    }
    result = []
    for pk, shared in scores:
        if pk in pages:
            pages[pk].shared_themes = shared
            result.append(pages[pk])
    return result


def localized(pages, language):
    """Each page in ``language`` where a live translation exists, else as it is; missing pages dropped."""
    keys = [page.translation_key for page in pages]
    translations = (
        {
            page.translation_key: page
            for page in type(pages[0])
            .objects.live()
            .filter(translation_key__in=keys, locale__language_code=language)
        }
        if pages
        else {}
    )
    return [translations.get(page.translation_key, page) for page in pages if page.live]


def case_page_context(request, page):
    language = translation.get_language()
    related_cases = [block.value for block in page.related_cases if block.value is not None]
    related_courses = [block.value.specific for block in page.related_courses if block.value is not None]
    library = library_in(language)
    similar = with_urls(similar_cases(page, language=language), language, request, library)
    chosen = (
        with_urls(localized(related_cases, language), language, request, library) if related_cases else []
    )
    return {
        "library": library or page.get_parent(),
        "similar_cases": similar,
        "chosen_cases": chosen,
        "related_courses": localized(related_courses, language) if related_courses else [],
        "in_other_language": page.locale.language_code != language,
        "content_language": page.locale.language_code,
        "content_language_name": dict(settings.LANGUAGES).get(page.locale.language_code, ""),
        "interface_language": language,
        "interface_direction": "rtl" if translation.get_language_bidi() else "ltr",
    }

"""Benchmark: the case library's full-text search and facet counts on PostgreSQL.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/wt_cases CACHE_URL=redis://127.0.0.1:6379/3 \
        .venv/bin/python bench/cases_search.py [--size 5000] [--requests 300]
(``CACHE_URL`` as in production: the facet index is read from the shared cache; without it each
process's own memory stands in for it.)
Migrates the database, loads the demo shell and library, then adds generated case pages (English,
every fifth with a German translation) until there are ``size`` live English cases. It times, one
request at a time, a mix of library states: no filter, a search word, a word with a facet, two and
three facets, sorting by title, a later result page, and the German library (own pages plus English
ones not translated yet). Each state is measured six ways, in process (no network): the selector
alone (``search_cases`` with every facet's counts and the first result page read) and the whole page
through Django's request handling and templates for a **new** state (nobody asked for it since the
last case changed, but the library was used since, so ``cases.library_index`` holds the facet index);
the whole page for a **repeated** state (each state's ids and counts are kept); the first request
**after another page was published** (the site shell is built again, the library index stands); the
first request **after a case was published**, once the worker has prepared the library
(``cases.tasks.prepare_library``; this process then holds nothing of the new generation and reads
the index from the shared cache); and the same when the visitor comes **before the worker** (the
request builds the index). Target: p95 under 50 ms with 5,000 cases. Results go to
var/bench/cases_search_<size>.json."""

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")

WORDS = (
    "apprentice bakery warehouse mentor buddy language course kitchen hotel permit shift nursing care "
    "welding factory software developer recruitment fair internship coaching network volunteer housing "
    "family childcare retail store logistics driver forklift municipality chamber trade union guide "
    "handbook diversity leadership entrepreneur startup farm harvest construction site engineer accounting"
).split()
GERMAN = (
    "Ausbildung Bäckerei Lager Patenschaft Sprachkurs Küche Pflege Praktikum Netzwerk Wohnung Betrieb".split()
)


SYLLABLES = "ka ri mo len ta su vi ne dor pa li sen ro mu fe tal gi no bar"
# A few thousand filler words, so a domain word appears in a few percent of the cases as real words
# do (a search for one matches hundreds of cases, not all of them).
FILLER = [
    a + b + c for a in SYLLABLES.split() for b in SYLLABLES.split() for c in ("", "n", "s", "ter", "ing")
]


def generated_entry(number, rng):
    from cases.taxonomy import COUNTRY_CHOICES, SECTOR_CHOICES, TARGET_GROUP_CHOICES, THEME_CHOICES

    def sentence(words=WORDS, length=14):
        chosen = [rng.choice(words) if rng.random() < 0.03 else rng.choice(FILLER) for _ in range(length)]
        return " ".join(chosen).capitalize() + "."

    def paragraphs(count, words=WORDS):
        return "\n\n".join(" ".join(sentence(words) for _ in range(4)) for _ in range(count))

    def text(words):
        return {
            "title": " ".join([rng.choice(words), rng.choice(FILLER), rng.choice(FILLER)]).title()
            + f" {number}",
            "summary": " ".join(sentence(words) for _ in range(3)),
            "challenge": paragraphs(1, words),
            "activities": paragraphs(2, words),
            "results": paragraphs(1, words),
            "obstacles": paragraphs(1, words),
            "lessons": paragraphs(1, words),
            "funding": sentence(words),
        }

    start = rng.choice([None, *range(2005, 2025)])
    entry = {
        "slug": f"generated-{number}",
        "number": None,
        "source": "Generated for the benchmark",
        "organisation": f"Generated Company {number}",
        "country": rng.choice(COUNTRY_CHOICES)[0],
        "region": rng.choice(["", "North", "South", "Capital region"]),
        "sector": rng.choice(SECTOR_CHOICES)[0],
        "start_year": start,
        "end_year": None,
        "years": {"en": f"Since {start}" if start else "Not stated"},
        "target_groups": sorted({rng.choice(TARGET_GROUP_CHOICES)[0] for _ in range(2)}),
        "themes": sorted({rng.choice(THEME_CHOICES)[0] for _ in range(rng.randint(2, 4))}),
        "text": {"en": text(WORDS)},
        "links": [{"url": f"https://example.org/case/{number}", "label": "Source"}],
        "figures": [{"en": f"{rng.randint(2, 300)} people hired"}],
    }
    if number % 5 == 0:
        entry["text"]["de"] = text(GERMAN + WORDS[:10])
    return entry


def fill(index, size, rounds_with_pages=250):
    """Generated cases until ``size`` live English ones exist.

    The first ``rounds_with_pages`` are made the way an editor's would be (``add_child``, every fifth
    with a German translation through ``copy_for_translation``); the rest are inserted in bulk below
    the library (tree paths computed as treebeard does, the same fields, facet rows and search vectors
    written by ``services.index_case``), because one page at a time took over an hour on the shared
    reference machine. Revisions are not created: the library reads live pages only."""
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.test.utils import override_settings
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from cases import services
    from cases.models import CasePage

    german = Locale.objects.get(language_code="de")
    have = CasePage.objects.live().filter(locale=index.locale).count()
    rng = random.Random(20261202)
    for _skip in range(have):
        generated_entry(0, rng)
    started = time.perf_counter()
    no_wagtail_index = {"default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}}
    with override_settings(WAGTAILSEARCH_BACKENDS=no_wagtail_index):
        for number in range(have, min(size, rounds_with_pages)):
            entry = generated_entry(number, rng)
            page = CasePage(slug=entry["slug"], locale=index.locale)
            services.fill_case_from_entry(page, entry, "en")
            page.live, page.has_unpublished_changes, page.first_published_at = True, False, timezone.now()
            index.add_child(instance=page)
            if "de" in entry["text"]:
                translated = page.copy_for_translation(german).specific
                services.fill_case_from_entry(translated, entry, "de")
                translated.live, translated.has_unpublished_changes = True, False
                translated.save()
            if (number + 1) % 250 == 0:
                print(f"  {number + 1} cases ({time.perf_counter() - started:.0f} s)", flush=True)
    have = CasePage.objects.live().filter(locale=index.locale).count()
    if have >= size:
        return
    content_type = ContentType.objects.get_for_model(CasePage)
    local_fields = CasePage._meta.local_concrete_fields
    while have < size:
        with transaction.atomic():
            index = Page.objects.select_for_update().get(pk=index.pk)
            children = index.numchild
            batch = []
            now = timezone.now()
            for offset, number in enumerate(range(have, min(size, have + 500))):
                entry = generated_entry(number, rng)
                page = CasePage(slug=entry["slug"], locale=index.locale, content_type=content_type)
                services.fill_case_from_entry(page, entry, "en")
                page.path = CasePage._get_path(index.path, index.depth + 1, children + offset + 1)
                page.depth, page.numchild = index.depth + 1, 0
                page.url_path = f"{index.url_path}{page.slug}/"
                page.draft_title, page.translation_key = page.title, uuid.uuid4()
                page.live, page.has_unpublished_changes = True, False
                page.first_published_at = page.last_published_at = now
                batch.append(page)
            bases = Page.objects.bulk_create(
                [
                    Page(
                        **{
                            f.attname: getattr(p, f.attname)
                            for f in Page._meta.concrete_fields
                            if f.attname != "id"
                        }
                    )
                    for p in batch
                ]
            )
            for page, base in zip(batch, bases, strict=True):
                page.pk = page.id = page.page_ptr_id = base.pk
            CasePage.objects._insert(batch, fields=local_fields)
            Page.objects.filter(pk=index.pk).update(numchild=children + len(batch))
            for page in batch:
                services.index_case(page)
        have += len(batch)
        print(f"  {have} cases ({time.perf_counter() - started:.0f} s, bulk)", flush=True)


SCENARIOS = [
    ("no filter", "en", {}),
    ("one word", "en", {"q": "{word}"}),
    ("two words", "en", {"q": "{word} {word2}"}),
    ("word + country", "en", {"q": "{word}", "country": "{country}"}),
    ("two facets", "en", {"country": "{country}", "theme": "{theme}"}),
    (
        "three facets, title order",
        "en",
        {"sector": "{sector}", "theme": "{theme}", "target": "refugees", "sort": "title"},
    ),
    (
        "word + two facets, page 2",
        "en",
        {"q": "{word}", "theme": "{theme}", "country": "{country}", "page": "2"},
    ),
    ("German library, word", "de", {"q": "{word}"}),
    ("German library, facet", "de", {"theme": "{theme}"}),
]


COLUMNS = (
    "selector_new",
    "page_new",
    "page_repeat",
    "page_other_published",
    "page_published",
    "page_unprepared",
)


def fill_params(params, rng):
    from cases.taxonomy import COUNTRY_CHOICES, SECTOR_CHOICES, THEME_CHOICES

    values = {
        "word": rng.choice(WORDS),
        "word2": rng.choice(WORDS),
        "country": rng.choice(COUNTRY_CHOICES)[0],
        "theme": rng.choice(THEME_CHOICES)[0],
        "sector": rng.choice(SECTOR_CHOICES)[0],
    }
    return {key: value.format(**values) for key, value in params.items()}


def percentile(samples, share):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure(requests_per_scenario):
    from django.core.paginator import Paginator
    from django.http import QueryDict
    from django.test import Client
    from django.utils import translation

    from cases import library_index
    from cases.selectors import PAGE_SIZE, SORTS, prepare_library, read_library_query, search_cases
    from website import treecache

    rng = random.Random(7)
    client = Client(HTTP_HOST="localhost")

    def case_published():
        # What saving a case does: a new page-tree version and a new library generation.
        treecache.invalidate()
        library_index.LIBRARY.invalidate()

    def page_time(language, params):
        started = time.perf_counter()
        response = client.get(f"/{language}/cases/", params)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, response.status_code
        return elapsed

    results = {}
    for name, language, template in SCENARIOS:
        timings = {column: [] for column in COLUMNS}
        totals = []
        for _ in range(requests_per_scenario):
            params = fill_params(template, rng)
            query = QueryDict(mutable=True)
            query.update(params)
            # A new state: nobody asked for it since the last case change, but the library has been
            # used since (the facet index of cases.library_index is built, in every sort order).
            case_published()
            for sort in SORTS:
                search_cases(language=language, sort=sort)
            with translation.override(language):
                started = time.perf_counter()
                q, selected, sort = read_library_query(query)
                found, counts = search_cases(language=language, query=q, selected=selected, sort=sort)
                page = Paginator(found, PAGE_SIZE).get_page(params.get("page"))
                list(page.object_list)
                timings["selector_new"].append((time.perf_counter() - started) * 1000)
            totals.append(page.paginator.count)
            case_published()
            for sort in SORTS:
                search_cases(language=language, sort=sort)
            # The site shell, the menus and the library page's route were built by an earlier visitor.
            assert client.get(f"/{language}/cases/").status_code == 200
            timings["page_new"].append(page_time(language, params))
            # The same state again (a second visitor, the back button, a shared link).
            timings["page_repeat"].append(page_time(language, params))
            # The first library request after another page was published: the library's generation
            # stands, the site shell and the library page's route are built again.
            treecache.invalidate()
            timings["page_other_published"].append(page_time(language, params))
            # The first library request after a case was published, once the worker has run
            # cases.tasks.prepare_library: this web process holds nothing of the new generation
            # and reads the index from the shared cache; the shell is built again.
            case_published()
            prepare_library()
            treecache.clear_process_memory()
            timings["page_published"].append(page_time(language, params))
            # The same, when the visitor comes before the worker has run (it builds the index).
            case_published()
            treecache.clear_process_memory()
            timings["page_unprepared"].append(page_time(language, params))
        results[name] = {"results_median": statistics.median(totals)}
        for column, values in timings.items():
            results[name][f"{column}_p50_ms"] = round(percentile(values, 0.5), 1)
            results[name][f"{column}_p95_ms"] = round(percentile(values, 0.95), 1)
        print(f"{name:32} {results[name]}", flush=True)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=300)
    arguments = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database (the benchmark measures PostgreSQL search).")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from cases import demo as cases_demo
    from cases.models import CaseIndexPage
    from website import demo as website_demo

    website_demo.load()
    cases_demo.load()
    index = CaseIndexPage.objects.get(locale__language_code="en")
    print("filling…", flush=True)
    fill(index, arguments.size)
    from wagtail.models import Page

    problems = [len(found) for found in Page.find_problems()]
    assert not any(problems), f"page tree problems after filling: {problems}"
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    # One untimed round so the first figures do not carry connection set-up and cold caches.
    measure(3)
    results = measure(arguments.requests)
    columns = [f"{column}_p95_ms" for column in COLUMNS]
    worst = {column: max(item[column] for item in results.values()) for column in columns}
    print(f"worst p95: {worst}")
    out = ROOT / "var" / "bench" / f"cases_search_{arguments.size}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps({"size": arguments.size, "requests": arguments.requests, "results": results}, indent=1)
    )


if __name__ == "__main__":
    main()

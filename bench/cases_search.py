"""Benchmark: the case library's full-text search and facet counts on PostgreSQL.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/wt_cases .venv/bin/python bench/cases_search.py \
        [--size 5000] [--requests 300]
Migrates the database, loads the demo shell and library, then adds generated case pages (English,
every fifth with a German translation) until there are ``size`` live English cases. It times, one
request at a time, a mix of library states: no filter, a search word, a word with a facet, two and
three facets, sorting by title, a later result page, and the German library (own pages plus English
ones not translated yet). Each is measured twice: the selector alone (``search_cases`` with every
facet's counts and the first result page read) and the whole page through Django's request handling
and templates (in process, no network). Target: p95 under 50 ms with 5,000 cases. Results go to
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


def generated_entry(number, rng):
    from cases.taxonomy import COUNTRY_CHOICES, SECTOR_CHOICES, TARGET_GROUP_CHOICES, THEME_CHOICES

    def sentence(words=WORDS, length=14):
        return " ".join(rng.choice(words) for _ in range(length)).capitalize() + "."

    def paragraphs(count, words=WORDS):
        return "\n\n".join(" ".join(sentence(words) for _ in range(4)) for _ in range(count))

    def text(words):
        return {
            "title": " ".join(rng.choice(words) for _ in range(4)).title() + f" {number}",
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


def fill(index, size):
    """Generated cases, created live without revisions: the library reads live pages only, and a
    revision per page would make filling take most of an hour on the reference machine."""
    from django.test.utils import override_settings
    from django.utils import timezone
    from wagtail.models import Locale

    from cases import services
    from cases.models import CasePage

    german = Locale.objects.get(language_code="de")
    have = CasePage.objects.live().filter(locale=index.locale).count()
    rng = random.Random(20261202)
    for _skip in range(have):
        generated_entry(0, rng)
    started = time.perf_counter()
    # Wagtail's own search index is what the site-wide search uses; the library does not read it.
    with override_settings(
        WAGTAILSEARCH_BACKENDS={
            "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
        }
    ):
        for number in range(have, size):
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
    return have


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

    from cases.selectors import PAGE_SIZE, read_library_query, search_cases

    rng = random.Random(7)
    client = Client(HTTP_HOST="localhost")
    results = {}
    for name, language, template in SCENARIOS:
        selector_ms, page_ms, totals = [], [], []
        for _ in range(requests_per_scenario):
            params = fill_params(template, rng)
            query = QueryDict(mutable=True)
            query.update(params)
            with translation.override(language):
                started = time.perf_counter()
                q, selected, sort = read_library_query(query)
                found, counts = search_cases(language=language, query=q, selected=selected, sort=sort)
                page = Paginator(found, PAGE_SIZE).get_page(params.get("page"))
                list(page.object_list)
                selector_ms.append((time.perf_counter() - started) * 1000)
            totals.append(page.paginator.count)
            started = time.perf_counter()
            response = client.get(f"/{language}/cases/", params)
            page_ms.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
        results[name] = {
            "results_median": statistics.median(totals),
            "selector_p50_ms": round(percentile(selector_ms, 0.5), 1),
            "selector_p95_ms": round(percentile(selector_ms, 0.95), 1),
            "page_p50_ms": round(percentile(page_ms, 0.5), 1),
            "page_p95_ms": round(percentile(page_ms, 0.95), 1),
        }
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
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    # One untimed round so the first figures do not carry connection set-up and cold caches.
    measure(3)
    results = measure(arguments.requests)
    overall_selector = max(item["selector_p95_ms"] for item in results.values())
    overall_page = max(item["page_p95_ms"] for item in results.values())
    print(f"worst p95: selector {overall_selector} ms, whole page {overall_page} ms")
    out = ROOT / "var" / "bench" / f"cases_search_{arguments.size}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps({"size": arguments.size, "requests": arguments.requests, "results": results}, indent=1)
    )


if __name__ == "__main__":
    main()

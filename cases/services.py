"""Writes of the case library: facet rows and search vectors, the fixture loader, submissions and
their moderation, and the weekly digest."""

import hashlib
import json
import logging
from pathlib import Path

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Value
from django.utils.html import format_html_join, strip_tags
from django.utils.text import slugify
from wagtail.models import Locale

from .models import CaseFacet, CaseIndexPage, CasePage
from .taxonomy import COUNTRIES, SECTORS, TARGET_GROUPS, THEMES, search_config

logger = logging.getLogger(__name__)

FIXTURE_PATH = Path(__file__).resolve().parent / "fixtures" / "cases.json"
TEXT_KEYS = ("title", "summary", "challenge", "activities", "results", "obstacles", "lessons", "funding")
RICH_TEXT_KEYS = ("challenge", "activities", "results", "obstacles", "lessons", "funding")


# --- index rows -------------------------------------------------------------------------------


def facet_rows(page):
    rows = [(CaseFacet.Facet.COUNTRY, page.country), (CaseFacet.Facet.SECTOR, page.sector)]
    rows += [(CaseFacet.Facet.THEME, slug) for slug in dict.fromkeys(page.themes or [])]
    rows += [(CaseFacet.Facet.TARGET, slug) for slug in dict.fromkeys(page.target_groups or [])]
    return [(facet, value) for facet, value in rows if value]


def _search_text(page):
    sections = " ".join(strip_tags(getattr(page, name) or "") for name in RICH_TEXT_KEYS)
    return {
        "A": f"{page.title} {page.organisation}",
        "B": f"{page.region} {page.summary} {' '.join(str(name) for name in page.theme_names)}",
        "C": sections,
    }


@transaction.atomic
def index_case(page):
    """Rewrite the facet rows (and on PostgreSQL the search vector) of ``page`` from its fields."""
    CaseFacet.objects.filter(page_id=page.pk).delete()
    CaseFacet.objects.bulk_create(
        [CaseFacet(page_id=page.pk, facet=facet, value=value) for facet, value in facet_rows(page)]
    )
    if connection.vendor == "postgresql":
        config = search_config(page.locale.language_code)
        texts = _search_text(page)
        vector = None
        for weight, text in texts.items():
            part = SearchVector(Value(text), weight=weight, config=config)
            vector = part if vector is None else vector + part
        CasePage.objects.filter(pk=page.pk).update(search_vector=vector)


# --- the fixture ------------------------------------------------------------------------------


class FixtureError(ValueError):
    """The case fixture names a value outside the controlled vocabularies or misses a field."""


def paragraphs_to_html(text):
    """Plain text with blank lines between paragraphs, as rich-text paragraphs (escaped)."""
    paragraphs = [part.strip() for part in (text or "").split("\n\n") if part.strip()]
    return format_html_join("", "<p>{}</p>", ((paragraph,) for paragraph in paragraphs))


def validate_entry(entry):
    slug = entry.get("slug") or "?"
    problems = []
    for key in ("slug", "organisation", "country", "sector", "text"):
        if not entry.get(key):
            problems.append(f"missing {key}")
    if entry.get("country") and entry["country"] not in COUNTRIES:
        problems.append(f"unknown country {entry['country']}")
    if entry.get("sector") and entry["sector"] not in SECTORS:
        problems.append(f"unknown sector {entry['sector']}")
    problems += [f"unknown theme {slug_}" for slug_ in entry.get("themes", []) if slug_ not in THEMES]
    problems += [
        f"unknown target group {slug_}"
        for slug_ in entry.get("target_groups", [])
        if slug_ not in TARGET_GROUPS
    ]
    english = (entry.get("text") or {}).get("en") or {}
    if not english.get("title") or not english.get("summary"):
        problems.append("missing English title or summary")
    if problems:
        raise FixtureError(f"case {slug}: " + "; ".join(problems))


def read_fixture(path=FIXTURE_PATH):
    entries = json.loads(Path(path).read_text(encoding="utf-8"))
    for entry in entries:
        validate_entry(entry)
    return entries


def _fingerprint(entry, language):
    data = {key: value for key, value in entry.items() if key not in ("text", "years", "figures")}
    data["text"] = entry["text"].get(language)
    data["years"] = (entry.get("years") or {}).get(language)
    data["figures"] = [figure.get(language) for figure in entry.get("figures", [])]
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def _fill_case(page, entry, language):
    text = entry["text"][language]
    english_years = (entry.get("years") or {}).get("en", "")
    page.title = text["title"]
    page.summary = text["summary"]
    for key in RICH_TEXT_KEYS:
        setattr(page, key, paragraphs_to_html(text.get(key, "")))
    page.organisation = entry["organisation"]
    page.country = entry["country"]
    page.region = entry.get("region") or ""
    page.sector = entry["sector"]
    page.start_year = entry.get("start_year")
    page.end_year = entry.get("end_year")
    page.years = (entry.get("years") or {}).get(language) or english_years
    page.case_number = entry.get("number")
    page.source = entry.get("source") or ""
    page.themes = list(entry.get("themes", []))
    page.target_groups = list(entry.get("target_groups", []))
    page.links = [
        ("link", {"url": link["url"], "label": link.get("label") or link["url"]})
        for link in entry.get("links", [])
    ]
    page.figures = [
        ("figure", figure.get(language) or figure["en"])
        for figure in entry.get("figures", [])
        if figure.get("en")
    ]
    page.fixture_fingerprint = _fingerprint(entry, language)


def _publish(page):
    page.save_revision().publish()


def load_cases(index, entries):
    """Create or bring up to date the English case pages below ``index`` and their German
    translations; a case whose fixture entry is unchanged is not touched. Returns what changed."""
    changed = []
    german = Locale.objects.filter(language_code="de").first()
    german_index = index.get_translation_or_none(german) if german else None
    for entry in entries:
        page = CasePage.objects.child_of(index).filter(slug=entry["slug"]).first()
        if page is None:
            page = CasePage(slug=entry["slug"], locale=index.locale)
            _fill_case(page, entry, "en")
            index.add_child(instance=page)
            _publish(page)
            changed.append(f"case {entry['slug']}")
        elif page.fixture_fingerprint != _fingerprint(entry, "en"):
            _fill_case(page, entry, "en")
            _publish(page)
            changed.append(f"case {entry['slug']} (updated)")
        if "de" in entry["text"] and german_index is not None:
            translated = page.get_translation_or_none(german)
            if translated is None:
                # A translation of the English page (same translation key), placed under the German library.
                translated = page.copy_for_translation(german).specific
                _fill_case(translated, entry, "de")
                translated.slug = page.slug
                _publish(translated)
                changed.append(f"case {entry['slug']} (de)")
            else:
                translated = translated.specific
                if translated.fixture_fingerprint != _fingerprint(entry, "de"):
                    _fill_case(translated, entry, "de")
                    _publish(translated)
                    changed.append(f"case {entry['slug']} (de, updated)")
    return changed


def ensure_library(home, titles):
    """The library index below each home page; ``titles`` maps a language to (title, intro)."""
    index = CaseIndexPage.objects.child_of(home).filter(slug="cases").first()
    created = []
    if index is None:
        title, intro = titles["en"]
        index = CaseIndexPage(title=title, slug="cases", intro=intro, show_in_menus=True)
        home.add_child(instance=index)
        _publish(index)
        created.append("case library")
    for code, (title, intro) in titles.items():
        if code == "en":
            continue
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or home.get_translation_or_none(locale) is None:
            continue
        if index.get_translation_or_none(locale) is None:
            translated = index.copy_for_translation(locale).specific
            translated.title, translated.intro = title, intro
            _publish(translated)
            created.append(f"case library ({code})")
    return index, created


def unique_case_slug(index, title):
    base = slugify(title)[:70] or "case"
    slug, number = base, 2
    while CasePage.objects.child_of(index).filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def site_url(path):
    return settings.SITE_URL + path

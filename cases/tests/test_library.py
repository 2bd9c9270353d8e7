import json

import pytest
from django.test import Client
from wagtail.models import Locale, Revision

from cases import demo, services
from cases.models import CaseFacet, CaseIndexPage, CasePage
from cases.selectors import cases_for_themes, search_cases, similar_cases

from .factories import SAMPLE_FIXTURE, add_case, load_sample_library

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    return load_sample_library()


def slugs(response):
    return sorted(case.slug for case in response.context["page_obj"].paginator.object_list)


def get(path, **params):
    return Client().get(path, params)


def test_loading_the_fixture_creates_every_case_in_english_and_the_german_translations(library):
    english = CasePage.objects.live().filter(locale__language_code="en")
    assert sorted(english.values_list("slug", flat=True)) == [
        "bakery-apprentices",
        "coding-school",
        "hotel-language-lessons",
        "warehouse-buddies",
    ]
    bakery = english.get(slug="bakery-apprentices")
    german = bakery.get_translation(Locale.objects.get(language_code="de"))
    assert german.live and german.title == "Auszubildende in einer Dorfbäckerei"
    assert german.get_parent().specific_class is CaseIndexPage
    assert german.specific.country == "DE" and german.specific.themes == bakery.themes
    assert german.specific.years == "Seit 2016"
    assert "<p>They needed staff.</p><p>Nobody applied.</p>" == bakery.challenge


def test_loading_twice_changes_nothing(library):
    revisions = Revision.objects.count()
    assert demo.load(fixture=SAMPLE_FIXTURE) == []
    assert Revision.objects.count() == revisions


def test_a_changed_fixture_entry_updates_only_that_case(library, tmp_path):
    entries = json.loads(SAMPLE_FIXTURE.read_text())
    entries[1]["text"]["en"]["summary"] = "Buddies, now for every shift."
    changed = tmp_path / "cases.json"
    changed.write_text(json.dumps(entries))
    assert demo.load(fixture=changed) == ["case warehouse-buddies (updated)"]
    assert CasePage.objects.get(slug="warehouse-buddies", locale__language_code="en").summary == (
        "Buddies, now for every shift."
    )


def test_a_fixture_value_outside_the_vocabulary_is_refused_with_the_case_named():
    entries = json.loads(SAMPLE_FIXTURE.read_text())
    entries[0]["themes"].append("cooking")
    with pytest.raises(services.FixtureError, match="bakery-apprentices: unknown theme cooking"):
        services.validate_entry(entries[0])


def test_facet_rows_follow_the_published_page(library):
    page = CasePage.objects.get(slug="warehouse-buddies", locale__language_code="en")
    page.themes = ["networking"]
    page.save_revision()  # a draft: the library keeps the published facts
    assert set(CaseFacet.objects.filter(page=page, facet="theme").values_list("value", flat=True)) == {
        "mentoring",
        "onboarding",
    }
    page.get_latest_revision().publish()
    assert list(CaseFacet.objects.filter(page=page, facet="theme").values_list("value", flat=True)) == [
        "networking"
    ]


def test_an_empty_search_shows_all_cases(library):
    response = get("/en/cases/", q="")
    assert response.status_code == 200
    assert len(slugs(response)) == 4
    assert "4 cases" in response.content.decode()


def test_a_search_term_finds_the_cases_that_mention_it(library):
    response = get("/en/cases/", q="bakery")
    assert slugs(response) == ["bakery-apprentices"]


def test_filtering_by_country_returns_the_cases_of_that_country(library):
    assert slugs(get("/en/cases/", country="DE")) == ["bakery-apprentices", "coding-school"]


def test_two_values_of_one_facet_are_alternatives_and_two_facets_narrow(library):
    assert slugs(get("/en/cases/", country=["DE", "BE"])) == [
        "bakery-apprentices",
        "coding-school",
        "warehouse-buddies",
    ]
    assert slugs(get("/en/cases/", country="DE", theme="mentoring")) == ["bakery-apprentices"]


def test_facet_counts_count_the_results_and_ignore_their_own_facet(library):
    _results, counts = search_cases(language="en", selected={"country": ["DE"]})
    assert counts["theme"] == {
        "language": 1,
        "mentoring": 1,
        "training-and-vocational-education": 1,
        "digital-skills": 1,
        "recruitment": 1,
    }
    # Country counts still offer the other countries, so choosing one more widens the results.
    assert counts["country"] == {"DE": 2, "BE": 1, "CH": 1}
    assert counts["sector"] == {"food-and-agriculture": 1, "it-and-digital": 1}


def test_a_facet_value_that_does_not_exist_shows_no_results_not_an_error(library):
    response = get("/en/cases/", country="XX", theme="<script>")
    assert response.status_code == 200
    assert slugs(response) == []
    assert "No case matches" in response.content.decode()


def test_odd_sort_and_page_values_fall_back_to_the_defaults(library):
    response = get("/en/cases/", sort="drop table", page="9999")
    assert response.status_code == 200
    assert response.context["sort"] == "relevance"


def test_sorting_by_title_orders_alphabetically(library):
    response = get("/en/cases/", sort="title")
    titles = [case.title for case in response.context["cases"]]
    assert titles == sorted(titles)


def test_facet_links_are_shareable_urls_of_the_filter_state(library):
    response = get("/en/cases/", q="bakery", country="DE")
    panel = next(panel for panel in response.context["facet_panels"] if panel["name"] == "theme")
    mentoring = next(option for option in panel["options"] if option["value"] == "mentoring")
    assert mentoring["url"] == "?q=bakery&country=DE&theme=mentoring"
    country = next(panel for panel in response.context["facet_panels"] if panel["name"] == "country")
    germany = next(option for option in country["options"] if option["value"] == "DE")
    assert germany["selected"] and germany["url"] == "?q=bakery"


def test_pagination_keeps_the_filters(library):
    index = CaseIndexPage.objects.get(locale__language_code="en")
    for number in range(12):
        add_case(index, country="NO", title=f"Norwegian case {number}")
    response = get("/en/cases/", country="NO")
    assert response.context["paginator"].count == 12 and not response.context["page_links"]["next"]
    add_case(index, country="NO", title="Norwegian case 12")
    response = get("/en/cases/", country="NO")
    assert response.context["page_links"]["next"] == "?country=NO&page=2"
    assert len(get("/en/cases/", country="NO", page="2").context["cases"]) == 1


def test_the_german_library_shows_german_pages_and_english_ones_not_yet_translated(library):
    response = get("/de/cases/")
    languages = {
        case.slug: case.locale.language_code for case in response.context["page_obj"].paginator.object_list
    }
    assert languages == {
        "bakery-apprentices": "de",
        "warehouse-buddies": "en",
        "hotel-language-lessons": "en",
        "coding-school": "en",
    }


def test_the_arabic_library_lists_every_case_and_marks_english_text(library):
    response = get("/ar/cases/")
    assert response.status_code == 200
    body = response.content.decode()
    assert len(slugs(response)) == 4
    assert 'lang="en" dir="ltr"' in body


def test_a_case_page_shows_its_facts_and_cases_like_it(library):
    response = get("/en/cases/bakery-apprentices/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Sample Bakery GmbH" in body and "Germany" in body and "Kassel" in body
    assert "12 apprentices" in body and "Lessons for employers" in body
    similar = [case.slug for case in response.context["similar_cases"]]
    # Warehouse shares mentoring (2), the coding school Germany (1), the hotel language (2).
    assert similar == ["warehouse-buddies", "hotel-language-lessons", "coding-school"] or similar == [
        "hotel-language-lessons",
        "warehouse-buddies",
        "coding-school",
    ]


def test_similar_cases_rank_shared_themes_above_country_or_sector(library):
    bakery = CasePage.objects.get(slug="bakery-apprentices", locale__language_code="en")
    assert [case.slug for case in similar_cases(bakery, language="en", limit=2)] != ["coding-school"]
    assert "coding-school" == similar_cases(bakery, language="en")[-1].slug


def test_cases_for_themes_returns_the_best_matches_in_the_language_asked(library):
    found = cases_for_themes(["language", "mentoring"], language="de", limit=2)
    assert [(case.slug, case.locale.language_code, case.shared_themes) for case in found][0] == (
        "bakery-apprentices",
        "de",
        2,
    )
    assert len(found) == 2
    assert cases_for_themes([], language="en", limit=3) == []


def test_a_case_below_an_unpublished_library_is_not_served(library):
    index = CaseIndexPage.objects.get(locale__language_code="en")
    index.unpublish()
    assert get("/en/cases/bakery-apprentices/").status_code == 404


def test_editors_see_themes_and_target_groups_as_checkboxes_in_the_admin(library, make_user):
    admin = make_user(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    page = CasePage.objects.get(slug="bakery-apprentices", locale__language_code="en")
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'type="checkbox" name="themes" value="mentoring"' in body
    assert 'type="checkbox" name="target_groups" value="women"' in body


def test_an_untranslated_case_is_read_in_the_visitors_interface_language(library):
    listed = get("/ar/cases/")
    warehouse = next(case for case in listed.context["cases"] if case.slug == "warehouse-buddies")
    assert warehouse.shown_url == "/ar/cases/warehouse-buddies/"
    response = get("/ar/cases/warehouse-buddies/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in body and "Warehouse buddies" in body
    assert 'href="/ar/cases/"' in body  # back to the Arabic library
    # A translated case is not served twice: the German library has its own bakery page.
    assert get("/ar/cases/no-such-case/").status_code == 404


def test_a_translated_case_is_not_reachable_through_the_fallback(library):
    german = get("/de/cases/bakery-apprentices/")
    assert german.status_code == 200 and "Auszubildende in einer Dorfbäckerei" in german.content.decode()


def test_a_word_that_ends_a_paragraph_is_found(library):
    # The sample's challenge reads "They needed staff." then "Nobody applied." in a second paragraph.
    assert len(slugs(get("/en/cases/", q="staff", sort="relevance"))) == 4
    assert len(slugs(get("/en/cases/", q="nobody"))) == 4


def test_a_library_state_asked_again_is_answered_from_the_cache(library, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    selected = {"country": ["DE"], "theme": ["mentoring"]}
    with CaptureQueriesContext(connection) as first:
        results, counts = search_cases(language="en", query="apprentices", selected=selected)
        assert [case.slug for case in results] == ["bakery-apprentices"]
    with django_assert_max_num_queries(1):  # only the page of cards shown
        again, counts_again = search_cases(language="en", query="apprentices", selected=selected)
        assert [case.slug for case in again] == ["bakery-apprentices"]
    assert counts_again == counts and len(first) > 3


def test_a_case_published_after_a_search_is_found_by_the_same_search_at_once(library):
    index = CaseIndexPage.objects.get(locale__language_code="en")
    assert len(search_cases(language="en", selected={"country": ["NO"]})[0]) == 0
    add_case(index, country="NO", title="Norwegian shipyard")
    results, counts = search_cases(language="en", selected={"country": ["NO"]})
    assert [case.title for case in results] == ["Norwegian shipyard"]
    assert counts["country"]["NO"] == 1


def _search_queries(language="en", **search):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        found, _counts = search_cases(language=language, **search)
        results = list(found[:12])
    return results, len(queries)


def test_publishing_a_page_that_is_not_a_case_leaves_the_library_index_in_place(library):
    from wagtail.models import Page

    _search_queries(selected={"theme": ["mentoring"]})
    home = Page.objects.get(depth=2, locale__language_code="en").specific
    home.title = "Welcome, employers"
    home.save_revision().publish()
    # The same state again and a new one: only the page of cards is read, no facet, visible-set or
    # order query again.
    assert _search_queries(selected={"theme": ["mentoring"]})[1] == 1
    assert _search_queries(selected={"country": ["DE"]})[1] == 1


def test_a_deleted_case_leaves_the_library_at_once(library):
    assert "coding-school" in [case.slug for case in search_cases(language="en")[0]]
    CasePage.objects.get(slug="coding-school", locale__language_code="en").delete()
    found, counts = search_cases(language="en")
    assert "coding-school" not in [case.slug for case in found]
    assert sum(counts["country"].values()) == len(found)


def test_after_a_case_is_published_a_worker_prepares_the_library_before_the_next_visitor(
    library, django_capture_on_commit_callbacks
):
    from website import treecache

    index = CaseIndexPage.objects.get(locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        add_case(index, country="NO", title="Norwegian shipyard")
    assert callbacks  # the preparation ran once the change was committed (Celery runs eagerly here)
    treecache.clear_process_memory()  # the visitor's request is served by another process
    for language in ("en", "de", "ar"):
        results, queries = _search_queries(language=language)
        assert queries == 1  # the page of cards only: the index and the counts were built ahead
        assert "Norwegian shipyard" in [case.title for case in results]


def test_only_the_first_preparation_of_a_library_generation_does_the_work(library):
    from cases.selectors import prepare_library

    assert prepare_library() is True
    assert prepare_library() is False
    add_case(CaseIndexPage.objects.get(locale__language_code="en"), title="Another one")
    assert prepare_library() is True


def test_a_broker_that_cannot_be_reached_does_not_undo_a_published_case(
    library, django_capture_on_commit_callbacks
):
    from unittest import mock

    index = CaseIndexPage.objects.get(locale__language_code="en")
    with mock.patch("cases.tasks.prepare_library.delay", side_effect=ConnectionError("no broker")):
        with django_capture_on_commit_callbacks(execute=True):
            add_case(index, country="NO", title="Norwegian shipyard")
    results, _queries = _search_queries(selected={"country": ["NO"]})
    assert [case.title for case in results] == ["Norwegian shipyard"]
    # Nothing was queued, so the next change tries the broker again.
    with mock.patch("cases.tasks.prepare_library.delay") as delay:
        with django_capture_on_commit_callbacks(execute=True):
            add_case(index, country="NO", title="Norwegian ferry yard")
    assert delay.call_count == 1


def test_many_cases_saved_together_queue_one_preparation(library, django_capture_on_commit_callbacks):
    from unittest import mock

    index = CaseIndexPage.objects.get(locale__language_code="en")
    with mock.patch("cases.tasks.prepare_library.delay") as delay:
        with django_capture_on_commit_callbacks(execute=True):
            for number in range(5):
                add_case(index, title=f"Imported case {number}")
        assert delay.call_count == 1
        # Once the worker has started on it, the next change queues the next preparation.
        from cases.selectors import prepare_library

        assert prepare_library() is True
        with django_capture_on_commit_callbacks(execute=True):
            add_case(index, title="Published later")
        assert delay.call_count == 2

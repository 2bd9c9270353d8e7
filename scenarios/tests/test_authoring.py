"""Editors write scenarios in the Wagtail admin; the engine checks the graph on every save."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from scenarios.models import ScenarioPage
from scenarios.tests.factories import make_index, make_scenario


def _list(items):
    data = {"count": len(items)}
    for n, item in enumerate(items):
        data[str(n)] = {"value": item, "deleted": "", "order": n, "id": ""}
    return data


def _choice(key, text, leads_to, **effects):
    return {
        "key": key,
        "text": text,
        "leads_to": leads_to,
        "feedback": "",
        "awareness": effects.get("awareness", 0),
        "knowledge": effects.get("knowledge", 0),
        "skills": effects.get("skills", 0),
    }


def _scene(key, title, choices, start=False, role="newcomer"):
    value = {
        "key": key,
        "title": title,
        "role": role,
        "text": f"Situation of {title}",
        "image": "",
        "discussion_prompt": "",
        "max_visits": 1,
        "choices": _list(choices),
    }
    if start:
        value["start"] = "on"
    return ("scene", value)


def form(scenes, endings=(("good", "Good end"),), action="action-publish"):
    data = nested_form_data(
        {
            "title": "Shift planning",
            "slug": "shift-planning",
            "summary": "",
            "decision_mode": "turn",
            "max_participants": 40,
            "roles": streamfield([("role", {"key": "newcomer", "name": "New colleague", "description": ""})]),
            "scenes": streamfield(list(scenes)),
            "endings": streamfield(
                [("ending", {"key": k, "title": t, "debrief": "Why."}) for k, t in endings]
            ),
        }
    )
    data[action] = "1"
    return data


@pytest.fixture
def editor_client(client, django_user_model, site_content):
    admin = django_user_model.objects.create_superuser(email="editor@example.org", password="x")
    client.force_login(admin)
    return client


def test_a_sound_scenario_is_published_from_the_editor(editor_client):
    index = make_index()
    response = editor_client.post(
        reverse("wagtailadmin_pages:add", args=["scenarios", "scenariopage", index.pk]),
        form([_scene("start", "Start", [_choice("go", "Go", "good")], start=True)]),
    )
    assert response.status_code == 302
    page = ScenarioPage.objects.get(slug="shift-planning")
    assert page.live and page.validation_errors() == []


def test_an_error_is_shown_on_the_scene_that_causes_it_and_nothing_is_saved(editor_client):
    index = make_index()
    response = editor_client.post(
        reverse("wagtailadmin_pages:add", args=["scenarios", "scenariopage", index.pk]),
        form(
            [
                _scene("start", "Start", [_choice("go", "Go", "good")], start=True),
                _scene("island", "Island", [_choice("swim", "Swim", "nowhere")]),
            ]
        ),
    )
    assert response.status_code == 200
    assert not ScenarioPage.objects.filter(slug="shift-planning").exists()
    form_obj = response.context["form"]
    scene_errors = form_obj.errors["scenes"].as_data()[0]
    assert set(scene_errors.block_errors) == {1}  # the second scene, not the first
    island = scene_errors.block_errors[1]
    assert "cannot be reached" in str(island.non_block_errors.as_data()[0].message)
    wrong_target = island.block_errors["choices"].block_errors[0].block_errors["leads_to"]
    assert "nowhere" in wrong_target.message
    assert "it was not published" in response.content.decode()


def test_a_half_built_scenario_is_saved_as_a_draft_with_its_problems_listed_but_not_published(
    editor_client,
):
    page = make_scenario()
    live_title = page.title
    response = editor_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        form([_scene("start", "Start", [_choice("go", "Go", "good")])], action="action-save"),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == live_title and page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title == "Shift planning"
    editor = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "cannot be published until they are fixed" in editor
    assert "No scene is marked as the start scene." in editor

    published = editor_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        form([_scene("start", "Start", [_choice("go", "Go", "good")])], action="action-publish"),
    )
    assert published.status_code == 200
    assert "No scene is marked as the start scene." in published.content.decode()
    assert "it was not published" in published.content.decode()
    page.refresh_from_db()
    assert page.title == live_title


def test_an_unreachable_ending_is_shown_on_the_ending(editor_client):
    index = make_index()
    response = editor_client.post(
        reverse("wagtailadmin_pages:add", args=["scenarios", "scenariopage", index.pk]),
        form(
            [_scene("start", "Start", [_choice("go", "Go", "good")], start=True)],
            endings=(("good", "Good"), ("never", "Never")),
        ),
    )
    ending_errors = response.context["form"].errors["endings"].as_data()[0]
    assert set(ending_errors.block_errors) == {1}


def test_the_preview_draws_the_graph_and_lets_the_editor_play(editor_client, site_content):
    page = make_scenario()
    graph = editor_client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]) + "?mode=graph")
    html = graph.content.decode()
    assert graph.status_code == 200
    assert "<svg" in html and html.count('class="graph-node') == 5
    play = editor_client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    html = play.content.decode()
    assert 'id="scene-arrival"' in html and 'href="#feedback-arrival-ask"' in html
    assert 'href="#ending-welcomed"' in html


def test_an_invalid_saved_revision_is_listed_in_the_editor(editor_client):
    page = make_scenario()
    raw = page.scenes.raw_data
    raw[0]["value"]["start"] = False
    page.scenes = raw
    page.save_revision()
    page.save()
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert "cannot be published until they are fixed" in response.content.decode()

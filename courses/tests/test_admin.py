from django.urls import reverse

from courses.tests.factories import lessons_of


def test_editor_can_open_the_lesson_editor_with_every_block_type(client, course, make_user):
    editor = make_user(email="editor@example.org", is_staff=True, is_superuser=True)
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[lessons_of(course)[1].pk]))
    html = response.content.decode()
    assert response.status_code == 200
    for label in ("Quiz", "Reflection prompt", "Video with captions", "Checklist", "H5P activity"):
        assert label in html


def test_editor_can_add_a_course_catalogue_under_the_home_page(client, site_content, make_user):
    from courses.tests.factories import english_home

    editor = make_user(email="editor@example.org", is_staff=True, is_superuser=True)
    client.force_login(editor)
    home = english_home()
    url = reverse("wagtailadmin_pages:add", args=["courses", "coursecatalogpage", home.pk])
    assert client.get(url).status_code == 200


def test_module_page_lists_its_lessons_with_ticks(learner_client, course, enrolled, learner):
    from courses import services

    services.mark_lesson_done(learner, lessons_of(course)[0])
    module = lessons_of(course)[0].get_parent()
    html = learner_client.get(module.url).content.decode()
    assert "Lesson 1.1" in html and "Lesson 1.2" in html and "is-done" in html


def test_course_progress_report_counts_enrolments_across_languages(
    client, course, enrolled, learner, make_user
):
    from courses import services
    from courses.tests.factories import translate_course

    arabic_first_lesson = lessons_of(translate_course(course, "ar"))[0]
    services.mark_lesson_done(learner, arabic_first_lesson)
    admin = make_user(email="admin@example.org", is_staff=True, is_superuser=True)
    client.force_login(admin)
    html = client.get(reverse("courses_progress_report")).content.decode()
    assert html.count("Hiring refugees") == 1
    assert "<td>1</td>" in html and "25%" in html


def test_course_progress_report_is_forbidden_without_permission(client, site_content, make_user):
    from django.contrib.auth.models import Permission

    editor = make_user(email="editor@example.org", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(reverse("courses_progress_report"))
    # Wagtail's admin turns a refused permission into a redirect to the dashboard with a message.
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_editor_preview_of_a_lesson_shows_its_content_without_enrolment(rf, course, make_user):
    editor = make_user(email="editor@example.org", is_staff=True, is_superuser=True)
    request = rf.get("/")
    request.user = editor
    lesson = lessons_of(course)[1]
    response = lesson.make_preview_request(original_request=request)
    assert response.status_code == 200
    assert "Before the quiz" in response.content.decode()

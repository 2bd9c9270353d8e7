"""The H5P player's endpoints for the fuzz harness (docs/testing.md): package files, the xAPI capture,
mark-as-done and the content-user-data protocol, called as an enrolled learner."""

from hypothesis import strategies as st

from website.tests.fuzzing import Target, form_data, ids, json_bodies, url_text

BLOCK = "h5p-block-1"


def lesson_with_activity(context):
    import json

    from django.test import Client
    from wagtail.models import Locale

    from accounts.tests.factories import UserFactory
    from courses.models import CourseCatalogPage, CoursePage, LessonPage, ModulePage
    from courses.services import enrol
    from h5p import services
    from h5p.tests.packages import true_false_package, upload
    from website import demo
    from website.models import HomePage

    context["settings"].MEDIA_ROOT = str(context["tmp_path"] / "media")
    demo.load()
    editor = UserFactory(is_staff=True, is_superuser=True)
    package = services.upload_package(
        uploaded_file=upload(true_false_package(), "work-permit.h5p"), user=editor
    )
    home = HomePage.objects.get(locale=Locale.objects.get(language_code="en"))
    catalog = CourseCatalogPage.objects.child_of(home).first() or home.add_child(
        instance=CourseCatalogPage(title="Courses", slug="courses")
    )
    course = catalog.add_child(instance=CoursePage(title="Hiring refugees", slug="course-fuzz", summary="s"))
    module = course.add_child(instance=ModulePage(title="Legal basics", slug="module-fuzz"))
    body = [{"type": "h5p", "id": BLOCK, "value": {"package": package.pk, "completion": "mark_done"}}]
    lesson = module.add_child(instance=LessonPage(title="Work permits", slug="fuzz", body=json.dumps(body)))
    learner = UserFactory()
    enrol(learner, course)
    client = Client()
    client.force_login(learner)
    return {"lesson": lesson, "package": package, "learner_client": client}


def as_learner(context):
    return context["learner_client"]


def lesson_id(context):
    return st.one_of(st.just(str(context["lesson"].pk)), ids)


def block_id(context):
    return st.one_of(st.just(BLOCK), url_text.filter(lambda t: t and "/" not in t))


def package_uid(context):
    return st.one_of(st.just(str(context["package"].uid)), st.just("00000000-0000-0000-0000-000000000000"))


STATEMENT = {
    "statement": {
        "actor": {"mbox": "mailto:someone@example.org"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "object": {"id": "http://h5p.example/x", "definition": {"extensions": {}}},
        "result": {"score": {"raw": 1, "max": 1, "scaled": 1.0}, "completion": True, "success": True},
        "context": {"contextActivities": {"parent": [{"id": "http://h5p.example/x"}]}},
    }
}


def player(url_name, method, **kwargs):
    return Target(url_name, method, setup=lesson_with_activity, client=as_learner, **kwargs)


TARGETS = [
    player(
        "h5p:capture",
        "POST",
        kwargs={"lesson_id": lesson_id, "block_id": block_id},
        body=json_bodies(STATEMENT),
    ),
    player("h5p:mark_done", "POST", kwargs={"lesson_id": lesson_id, "block_id": block_id}),
    player(
        "h5p:content_user_data",
        "GET",
        kwargs={
            "uid": package_uid,
            "lesson_id": lesson_id,
            "block_id": block_id,
            "data_type": st.sampled_from(["state", "x" * 101]),
            "sub_content_id": st.sampled_from(["0", "1"]),
        },
    ),
    player(
        "h5p:content_user_data",
        "POST",
        kwargs={
            "uid": package_uid,
            "lesson_id": lesson_id,
            "block_id": block_id,
            "data_type": st.sampled_from(["state"]),
            "sub_content_id": st.sampled_from(["0"]),
        },
        form=form_data(
            ["data", "invalidate"], values=st.one_of(json_bodies({"answers": [1]}), st.just("0"), url_text)
        ),
    ),
    player(
        "h5p:content",
        "GET",
        kwargs={
            "uid": package_uid,
            "revision": st.one_of(st.just("1"), ids),
            "path": st.one_of(
                st.sampled_from(["h5p.json", "content/content.json", "../../settings.py"]), url_text
            ),
        },
        tables=["h5p.H5PPackage"],
    ),
    player(
        "h5p:content_root",
        "GET",
        kwargs={"uid": package_uid, "revision": st.one_of(st.just("1"), ids)},
        tables=["h5p.H5PPackage"],
    ),
]

"""Permission-matrix entries for H5P: package files, xAPI capture, mark-as-done and saved state.
The package is used in a lesson whose only learner belongs to the other organisation."""

import json

from django.urls import reverse

from website.tests.access import ADMIN_LOGIN, ADMINS, DENIED, NO_ADMIN, NOT_FOUND, OK, Rule, get, post, roles

BLOCK_ID = "6d0b0c2e-1f0a-4e35-9a55-0b7f6c1a2b3c"


def build(world):
    from courses.models import LessonPage
    from h5p import services
    from h5p.tests.packages import true_false_package, upload

    world.package = services.upload_package(
        uploaded_file=upload(true_false_package(), "work-permit.h5p"), user=world.users["superuser"]
    )
    body = [
        {"type": "h5p", "id": BLOCK_ID, "value": {"package": world.package.pk, "completion": "mark_done"}}
    ]
    world.h5p_lesson = world.module.add_child(
        instance=LessonPage(title="Work permits", slug="work-permits", body=json.dumps(body))
    )
    world.h5p_lesson.save_revision().publish()


def user_data(world):
    return reverse(
        "h5p:content_user_data",
        kwargs={
            "uid": world.package.uid,
            "lesson_id": world.h5p_lesson.pk,
            "block_id": BLOCK_ID,
            "data_type": "state",
            "sub_content_id": "0",
        },
    )


STATEMENT = json.dumps(
    {"statement": {"verb": {"id": "http://adlnet.gov/expapi/verbs/answered"}, "object": {"id": "x"}}}
)
EDITORS_SEE_FILES = roles(NOT_FOUND, **{role: OK for role in ADMINS})
ADMIN_SCREEN = roles(NO_ADMIN, anonymous=ADMIN_LOGIN, editor=OK, moderator=OK, superuser=OK)

RULES = [
    Rule(
        "h5p:content_root",
        get(lambda w: reverse("h5p:content_root", args=[w.package.uid, w.package.revision])),
        EDITORS_SEE_FILES,
        note="The root itself is a file name; as for every file, enrolled learners and editors only.",
    ),
    Rule(
        "h5p:content",
        get(lambda w: reverse("h5p:content", args=[w.package.uid, w.package.revision, "h5p.json"])),
        EDITORS_SEE_FILES,
    ),
    Rule(
        "h5p:capture",
        post(lambda w: reverse("h5p:capture", args=[w.h5p_lesson.pk, BLOCK_ID]), STATEMENT),
        roles(DENIED),
        extra={"content_type": "application/json"},
        note="Only learners who may open the lesson (enrolled) record statements.",
    ),
    Rule(
        "h5p:mark_done",
        post(lambda w: reverse("h5p:mark_done", args=[w.h5p_lesson.pk, BLOCK_ID])),
        roles(DENIED),
    ),
    Rule(
        "h5p:content_user_data",
        post(user_data, {"data": '{"answer": true}'}),
        roles(DENIED),
        note="Saved state follows the lesson's permission.",
    ),
    Rule("h5p_packages:*", get(lambda w: reverse("h5p_packages:index")), ADMIN_SCREEN),
    Rule(
        "h5p_package_chooser:*",
        get(lambda w: reverse("h5p_package_chooser:choose")),
        ADMIN_SCREEN,
        note="Editors and moderators choose packages for lesson blocks.",
    ),
]

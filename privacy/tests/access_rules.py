"""Permission-matrix entries for privacy. The export belongs to the learner of the other
organisation; only its owner may see or download it (everyone else: 404)."""

from django.urls import reverse

from website.tests.access import (
    ADMIN_LOGIN,
    BAD,
    DONE,
    LOGIN,
    NO_ADMIN,
    NOT_FOUND,
    OK,
    Rule,
    everyone,
    get,
    post,
    roles,
)


def build(world):
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from privacy.models import DataExport

    world.data_export = DataExport.objects.create(
        user=world.other_learner,
        requested_by=world.other_learner,
        status=DataExport.Status.READY,
        progress=100,
        finished_at=timezone.now(),
        expires_at=timezone.now() + timezone.timedelta(hours=1),
    )
    world.data_export.file.save("other.zip", ContentFile(b"PK\x05\x06" + b"\x00" * 18))


SIGNED_IN = roles(OK, anonymous=LOGIN)
OWNER_ONLY = roles(NOT_FOUND, anonymous=LOGIN)
ADMIN_SUPERUSER = roles(NO_ADMIN, anonymous=ADMIN_LOGIN, superuser=OK)

RULES = [
    Rule("privacy:my_data", get(lambda w: reverse("privacy:my_data")), SIGNED_IN),
    Rule("privacy:agree", get(lambda w: reverse("privacy:agree")), SIGNED_IN),
    Rule("privacy:delete_account", get(lambda w: reverse("privacy:delete_account")), SIGNED_IN),
    Rule("privacy:deleted", get(lambda w: reverse("privacy:deleted")), everyone(OK)),
    Rule(
        "privacy:export",
        get(lambda w: reverse("privacy:export", args=[w.data_export.uuid])),
        OWNER_ONLY,
        note="Another person's export.",
    ),
    Rule(
        "privacy:download",
        post(lambda w: reverse("privacy:download", args=[w.data_export.uuid])),
        OWNER_ONLY,
        note="Another person's export; POST only, so a mail scanner cannot use up the link.",
    ),
    Rule("privacy_admin:people", get(lambda w: reverse("privacy_admin:people")), ADMIN_SUPERUSER),
    Rule("privacy_admin:audit_log", get(lambda w: reverse("privacy_admin:audit_log")), ADMIN_SUPERUSER),
    Rule(
        "privacy_admin:person",
        get(lambda w: reverse("privacy_admin:person", args=[w.other_learner.pk])),
        ADMIN_SUPERUSER,
    ),
    Rule(
        "privacy_admin:export",
        post(lambda w: reverse("privacy_admin:export", args=[w.other_learner.pk])),
        roles(NO_ADMIN, anonymous=ADMIN_LOGIN, superuser=DONE),
    ),
    Rule(
        "privacy_admin:erase",
        post(lambda w: reverse("privacy_admin:erase", args=[w.other_learner.pk])),
        roles(NO_ADMIN, anonymous=ADMIN_LOGIN, superuser=BAD),
        note="Without the request note and the confirmation nothing is erased.",
    ),
    Rule(
        "privacy_admin:download",
        post(lambda w: reverse("privacy_admin:download", args=[w.data_export.uuid])),
        roles(NO_ADMIN, anonymous=ADMIN_LOGIN, superuser=NOT_FOUND),
        note="An administrator downloads only the exports they prepared.",
    ),
]

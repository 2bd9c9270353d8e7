"""Permission-matrix entries for certificates. The certificate and the export belong to a learner
and a trainer of the other organisation (see website/tests/access.py)."""

from django.urls import reverse

from website.tests.access import ADMIN_LOGIN, LOGIN, NO_ADMIN, NOT_FOUND, OK, Rule, everyone, get, roles


def build(world):
    from django.core.files.base import ContentFile

    from certificates import services
    from certificates.models import CertificateExport

    world.certificate = services.issue(
        world.other_learner, world.course, issued_by=world.other_trainer, basis="attendance at the workshop"
    )
    world.export = CertificateExport.objects.create(
        requested_by=world.other_trainer,
        course_key=world.course.translation_key,
        course_title=world.course.title,
        total=1,
        state=CertificateExport.State.DONE,
    )
    world.export.archive.save("other.zip", ContentFile(b"PK\x05\x06" + b"\x00" * 18))


def code(world):
    return world.certificate.code_display


ADMIN_SUPERUSER = roles(NO_ADMIN, anonymous=ADMIN_LOGIN, superuser=OK)
# Only the holder, the holder's trainers and company admins, and platform staff with certificate
# permissions; everyone else gets 404 (not 403: the code is not confirmed to exist).
HOLDER_OR_MANAGERS = roles(NOT_FOUND, anonymous=LOGIN, superuser=OK)
REQUESTER_ONLY = roles(NOT_FOUND, anonymous=LOGIN)

RULES = [
    Rule("certificates:lookup", get(lambda w: reverse("certificates:lookup")), everyone(OK)),
    Rule("certificates:verify", get(lambda w: reverse("certificates:verify", args=[code(w)])), everyone(OK)),
    Rule(
        "certificates:verify_json",
        get(lambda w: reverse("certificates:verify_json", args=[code(w)])),
        everyone(OK),
    ),
    Rule(
        "certificates:public_badge",
        get(lambda w: reverse("certificates:public_badge", args=[code(w)])),
        everyone(OK),
        note="Public by design: whoever holds the code may verify it.",
    ),
    Rule("certificates:jwks", get(lambda w: reverse("certificates:jwks")), everyone(OK)),
    Rule(
        "certificates:issuer",
        get(lambda w: reverse("certificates:issuer", args=[w.org_b.slug])),
        everyone(OK),
    ),
    Rule(
        "certificates:download_pdf",
        get(lambda w: reverse("certificates:download_pdf", args=[code(w)])),
        HOLDER_OR_MANAGERS,
    ),
    Rule(
        "certificates:download_badge",
        get(lambda w: reverse("certificates:download_badge", args=[code(w)])),
        HOLDER_OR_MANAGERS,
    ),
    Rule(
        "certificates:manage",
        get(lambda w: reverse("certificates:manage")),
        roles(NOT_FOUND, anonymous=LOGIN, trainer=OK, company_admin=OK, superuser=OK),
        note="Trainers and company admins see only their own organisation's learners.",
    ),
    Rule(
        "certificates:export",
        get(lambda w: reverse("certificates:export", args=[w.export.uuid])),
        REQUESTER_ONLY,
    ),
    Rule(
        "certificates:export_status",
        get(lambda w: reverse("certificates:export_status", args=[w.export.uuid])),
        REQUESTER_ONLY,
    ),
    Rule(
        "certificates:export_download",
        get(lambda w: reverse("certificates:export_download", args=[w.export.uuid])),
        REQUESTER_ONLY,
        note="Only the person who asked for the export, superusers included.",
    ),
    Rule("certificates_admin:index", get(lambda w: reverse("certificates_admin:index")), ADMIN_SUPERUSER),
    Rule(
        "certificates_admin:revoke",
        get(lambda w: reverse("certificates_admin:revoke", args=[w.certificate.pk])),
        ADMIN_SUPERUSER,
    ),
    Rule("certificates_admin:issue", get(lambda w: reverse("certificates_admin:issue")), ADMIN_SUPERUSER),
    Rule("certificates_admin:audit", get(lambda w: reverse("certificates_admin:audit")), ADMIN_SUPERUSER),
]

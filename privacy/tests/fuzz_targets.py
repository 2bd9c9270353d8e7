"""The privacy app's input surfaces for the fuzz harness (docs/testing.md): agreeing to a new
notice, asking for an export, its status page and single-use download, and deleting the account."""

from hypothesis import strategies as st

from website.tests.fuzzing import Target, form_data, query_strings, url_text

uuids = st.one_of(st.uuids().map(str), st.just("00000000-0000-0000-0000-000000000000"))


def person_with_export(context):
    from django.core.files.base import ContentFile
    from django.test import Client
    from django.utils import timezone

    from accounts.tests.factories import UserFactory
    from privacy.models import DataExport, NoticeVersion
    from website import demo

    demo.load()
    NoticeVersion.objects.get_or_create(number=1)
    person = UserFactory()
    export = DataExport.objects.create(
        user=person,
        requested_by=person,
        status=DataExport.Status.READY,
        finished_at=timezone.now(),
        expires_at=timezone.now() + timezone.timedelta(hours=1),
    )
    export.file.save("fuzz.zip", ContentFile(b"PK\x05\x06" + b"\x00" * 18))
    client = Client()
    client.force_login(person)
    return {"person": person, "export": export, "client": client}


def own_or_random(context):
    return st.one_of(st.just(str(context["export"].uuid)), uuids)


TARGETS = [
    Target(
        "privacy:agree",
        "POST",
        setup=person_with_export,
        client=lambda context: context["client"],
        form=form_data(
            ["accept_privacy", "next"], values=st.one_of(url_text, st.sampled_from(["on", "//evil.example"]))
        ),
    ),
    Target(
        "privacy:agree",
        "GET",
        setup=person_with_export,
        client=lambda context: context["client"],
        query=query_strings(["next"]),
    ),
    Target(
        "privacy:my_data",
        "POST",
        setup=person_with_export,
        client=lambda context: context["client"],
        form=form_data(["action"]),
    ),
    Target(
        "privacy:export",
        "GET",
        setup=person_with_export,
        client=lambda context: context["client"],
        kwargs={"export_uuid": own_or_random},
    ),
    Target(
        "privacy:download",
        "POST",
        setup=person_with_export,
        client=lambda context: context["client"],
        kwargs={"export_uuid": own_or_random},
    ),
    Target(
        "privacy:delete_account",
        "POST",
        setup=person_with_export,
        client=lambda context: context["client"],
        form=form_data(["password", "understood"]),
    ),
]

NO_INPUT = {
    "privacy:deleted": "a fixed page after the account was deleted; reads nothing from the request",
}

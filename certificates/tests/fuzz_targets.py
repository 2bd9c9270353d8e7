"""Certificate verification, downloads and the management screen for the fuzz harness (docs/testing.md)."""

import uuid

from hypothesis import strategies as st

from website.tests.fuzzing import Target, form_data, ids, query_strings, url_text

codes = st.one_of(st.sampled_from(["ABCD-EFGH-JKLM", "0000"]), url_text).filter(lambda t: t and "/" not in t)
uuids = st.one_of(st.builds(lambda: str(uuid.uuid4())), st.just("00000000-0000-0000-0000-000000000000"))


def site(context):
    from website import demo

    demo.load()


def logged_in(context):
    from django.test import Client

    from accounts.tests.factories import UserFactory

    client = Client()
    client.force_login(UserFactory())
    return client


def public(url_name, **kwargs):
    return Target(url_name, "GET", setup=site, kwargs={"code": codes}, **kwargs)


def own(url_name, **kwargs):
    return Target(url_name, "GET", setup=site, client=logged_in, **kwargs)


TARGETS = [
    Target("certificates:lookup", "GET", setup=site, query=query_strings(["code"])),
    public("certificates:verify"),
    public("certificates:verify_json"),
    public("certificates:public_badge"),
    Target(
        "certificates:issuer", "GET", kwargs={"slug": st.from_regex(r"[-a-zA-Z0-9_]{1,30}", fullmatch=True)}
    ),
    own("certificates:download_pdf", kwargs={"code": codes}),
    own("certificates:download_badge", kwargs={"code": codes}),
    own("certificates:manage", query=query_strings(["course", "learners"], values=st.one_of(ids, url_text))),
    Target(
        "certificates:manage",
        "POST",
        setup=site,
        client=logged_in,
        form=form_data(["course", "learners", "action"], values=st.one_of(ids, url_text)),
    ),
    own("certificates:export", kwargs={"export_uuid": uuids}),
    own("certificates:export_status", kwargs={"export_uuid": uuids}),
    own("certificates:export_download", kwargs={"export_uuid": uuids}),
]

NO_INPUT = {
    "certificates:jwks": "the platform's public signing keys; reads nothing from the request",
}

"""The site's own input surfaces (search, language switch, Wagtail page serving) for the fuzz harness."""

from urllib.parse import quote

from hypothesis import strategies as st

from website.tests.fuzzing import Target, form_data, ids, query_strings, url_text


def site(context):
    from website import demo

    demo.load()


def page_path(kwargs):
    return kwargs["path"]


paths = st.one_of(
    st.sampled_from(["/en/", "/de/", "/ar/", "/en/privacy/", "/nl/"]),
    url_text.map(lambda text: "/en/" + quote(text, safe="/")),
)

TARGETS = [
    Target("search", "GET", setup=site, query=query_strings(["q", "page"]), tables=["wagtailcore.Page"]),
    Target(
        "set_language",
        "POST",
        setup=site,
        form=form_data(
            ["language", "next"], values=st.one_of(st.sampled_from(["en", "de", "ar", "xx"]), url_text)
        ),
        tables=["wagtailcore.Page"],
    ),
    Target(
        "wagtail_serve",
        "GET",
        setup=site,
        kwargs={"path": paths},
        path=page_path,
        query=query_strings(["q", "page", "topic"]),
    ),
    Target(
        "wagtail_serve",
        "POST",
        setup=site,
        kwargs={"path": paths},
        path=page_path,
        form=form_data(["password", "q"]),
        tables=["wagtailcore.Page"],
    ),
    Target(
        "wagtaildocs_serve",
        "GET",
        kwargs={"id": ids, "name": url_text},
        path=lambda kwargs: f"/documents/{kwargs['id']}/{kwargs['name'].replace('/', '')}",
        tables=["wagtaildocs.Document"],
    ),
    Target(
        "wagtaildocs_authenticate_with_password",
        "POST",
        kwargs={"restriction_id": ids},
        form=form_data(["password", "return_url"]),
        tables=["wagtaildocs.Document"],
    ),
    Target(
        "wagtailcore_authenticate_with_password",
        "POST",
        setup=site,
        kwargs={"page_view_restriction_id": ids, "page_id": ids},
        form=form_data(["password", "return_url"]),
        tables=["wagtailcore.Page"],
    ),
    Target("wagtailcore_login", "GET", query=query_strings(["next"]), tables=["wagtailcore.Page"]),
]

NO_INPUT = {
    "healthz": "answers ok or 503 from a database ping; reads nothing from the request",
}

"""Permission-matrix entries for the root URLs: the admin areas (third-party screens by prefix),
documents, language switching, search, health and the page types of the site shell."""

from website.tests.access import (
    ADMIN_LOGIN,
    NO_ADMIN,
    NOT_FOUND,
    OK,
    REDIRECT,
    PageRule,
    Rule,
    everyone,
    get,
    post,
    roles,
)


def build(world):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    world.document = Document.objects.create(
        title="Leaflet", file=ContentFile(b"COME IN leaflet", name="leaflet.txt")
    )


def home(world):
    from wagtail.models import Locale

    from website.models import HomePage

    return HomePage.objects.get(locale=Locale.objects.get(language_code="en"))


def standard_page(world):
    from website.models import StandardPage

    return StandardPage.objects.live().first()


EDITORS = roles(NO_ADMIN, anonymous=ADMIN_LOGIN, editor=OK, moderator=OK, superuser=OK)

RULES = [
    Rule(
        "route:admin/",
        get("/admin/"),
        EDITORS,
        note="Wagtail's screens: its permissions decide inside; editors and moderators pass two-step login.",
    ),
    Rule("route:admin/pages/", get("/admin/pages/"), EDITORS),
    Rule(
        "route:django-admin/",
        get("/django-admin/"),
        roles(REDIRECT, superuser=OK),
        note="Django's admin: staff only (django-axes and django-otp screens live here too).",
    ),
    Rule(
        "wagtaildocs_serve",
        get(lambda w: w.document.url),
        everyone(OK),
        note="Documents are public content (leaflets, captions); private files never are documents.",
    ),
    Rule(
        "wagtaildocs_authenticate_with_password",
        get("/documents/authenticate_with_password/999999/"),
        everyone(NOT_FOUND),
    ),
    Rule("set_language", post("/i18n/setlang/", {"language": "de", "next": "/"}), everyone(REDIRECT)),
    Rule("healthz", get("/healthz"), everyone(OK)),
    Rule("search", get("/en/search/?q=refugees"), everyone(OK)),
    Rule(
        "wagtailcore_authenticate_with_password",
        get("/en/_util/authenticate_with_password/999999/999999/"),
        everyone(NOT_FOUND),
    ),
    Rule(
        "wagtailcore_login",
        get("/en/_util/login/"),
        everyone(OK),
        note="Wagtail's front-end login form; the site links its own (LOGIN_URL), so nothing leads here.",
    ),
    Rule(
        "wagtail_serve",
        get("/en/"),
        everyone(OK),
        note="Every page type has a PageRule below and in its app.",
    ),
]

PAGES = [
    PageRule("website.HomePage", home, everyone(OK)),
    PageRule("website.StandardPage", standard_page, everyone(OK)),
]

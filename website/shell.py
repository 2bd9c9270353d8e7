"""What the site header and footer show: the localized home pages, the menu, the footer links and
the language links of a page.

Every page renders the header and footer, so these page-tree reads are kept under the page-tree
version (``website.treecache``), which any publish, unpublish, move or delete of a page, and any
footer change, bumps. The header and footer HTML itself is cached by ``{% treecache %}`` in
``templates/base.html``."""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page

from website import routing, treecache


def _cached(key, build):
    return treecache.cached(key, build, timeout=settings.SHELL_CACHE_SECONDS)


def audience(user):
    """Which version of the header a visitor sees: ``anonymous``, ``member`` or ``staff``."""
    if user is None or not user.is_authenticated:
        return "anonymous"
    return "staff" if user.is_staff else "member"


def homes(site):
    """{language code: (page id, url path)} of the live home page in each language."""

    def build():
        root = site.root_page
        result = {}
        for page in root.get_translations(inclusive=True).live().select_related("locale"):
            with translation.override(page.locale.language_code):
                result[page.locale.language_code] = (page.pk, page.get_url(None, site))
        return result

    return _cached(("homes", site.pk), build)


def home_url(request, language_code=None):
    site = routing.site_for(request)
    code = language_code or translation.get_language()
    if site is None:
        return f"/{code}/"
    found = homes(site)
    return (found.get(code) or found.get(settings.LANGUAGE_CODE) or (None, "/"))[1]


def navigation(request):
    """[(title, url, page id)] of the menu pages under the home page of the current language."""
    site = routing.site_for(request)
    if site is None:
        return []
    code = translation.get_language()

    def build():
        home_id = (homes(site).get(code) or homes(site).get(settings.LANGUAGE_CODE) or (None,))[0]
        if home_id is None:
            return []
        home = Page.objects.get(pk=home_id)
        return [
            (child.title, child.get_url(None, site), child.pk)
            for child in home.get_children().live().in_menu().public()
        ]

    return _cached(("navigation", site.pk, code), build)


def footer(request):
    site = routing.site_for(request)
    if site is None:
        return {}
    code = translation.get_language()

    def build():
        from website.models import FooterSettings

        settings_row = FooterSettings.for_site(site)
        links = {"contact_email": settings_row.contact_email}
        locale = Locale.objects.filter(language_code=code).first()
        for key in ("privacy_page", "imprint_page"):
            page = getattr(settings_row, key)
            if page is None:
                continue
            if locale is not None:
                page = page.get_translation_or_none(locale) or page
            links[key] = {"title": page.title, "url": page.get_url(None, site)}
        return links

    return _cached(("footer", site.pk, code), build)


def page_translations(page, site):
    """{language code: url} of the live translations of a page."""

    def build():
        result = {}
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            result[translated.locale.language_code] = translated.get_url(None, site)
        return result

    return _cached(("translations", page.translation_key), build)

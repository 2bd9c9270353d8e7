"""Cached reads for the site shell (navigation, footer, language links, localized home).

Every page renders the shell, so its page-tree lookups are cached per site and language under a
version number that any publish, unpublish, move or delete of a page (or a footer change) bumps.
With a per-process cache other processes catch up within SHELL_CACHE_SECONDS."""

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale, Page, Site

VERSION_KEY = "website:shell-version"


def _timeout():
    return getattr(settings, "SHELL_CACHE_SECONDS", 300)


def version():
    value = cache.get(VERSION_KEY)
    if value is None:
        value = 1
        cache.add(VERSION_KEY, value, None)
    return value


def invalidate(*args, **kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def _cached(key, build):
    full_key = f"website:shell:{version()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, _timeout())
    return value


def site_for(request):
    return Site.find_for_request(request)


def homes(site):
    """{language code: (page id, url path)} of the live home page in each language."""

    def build():
        root = site.root_page
        result = {}
        for page in root.get_translations(inclusive=True).live().select_related("locale"):
            with translation.override(page.locale.language_code):
                result[page.locale.language_code] = (page.pk, page.get_url(None, site))
        return result

    return _cached(f"homes:{site.pk}", build)


def home_url(request, language_code=None):
    site = site_for(request)
    code = language_code or translation.get_language()
    if site is None:
        return f"/{code}/"
    found = homes(site)
    return (found.get(code) or found.get(settings.LANGUAGE_CODE) or (None, "/"))[1]


def navigation(request):
    """[(title, url, page id)] of the menu pages under the home page of the current language."""
    site = site_for(request)
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

    return _cached(f"nav:{site.pk}:{code}", build)


def footer(request):
    site = site_for(request)
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

    return _cached(f"footer:{site.pk}:{code}", build)


def page_translations(page, site):
    """{language code: url} of the live translations of a page."""

    def build():
        result = {}
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            result[translated.locale.language_code] = translated.get_url(None, site)
        return result

    return _cached(f"translations:{page.translation_key}", build)

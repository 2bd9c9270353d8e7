from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

from website.models import FooterSettings

register = template.Library()


def _localized_home(request, language_code=None):
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    code = language_code or translation.get_language()
    try:
        locale = Locale.objects.get(language_code=code)
    except Locale.DoesNotExist:
        return root
    return root.get_translation_or_none(locale) or root


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per interface language: the translation of the current page, or that language's home."""
    request = context["request"]
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    current = translation.get_language()
    links = []
    translations = {}
    if page is not None:
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translated.locale.language_code] = translated
    for code, name in settings.LANGUAGES:
        if page is not None:
            target = translations.get(code) or _localized_home(request, code)
            with translation.override(code):
                url = target.get_url(request) if target else f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def navigation_pages(context):
    request = context["request"]
    home = _localized_home(request)
    if home is None:
        return []
    return list(home.get_children().live().in_menu().specific())


@register.simple_tag(takes_context=True)
def home_url(context):
    request = context["request"]
    home = _localized_home(request)
    return home.get_url(request) if home else "/"


@register.simple_tag(takes_context=True)
def footer_links(context):
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return {}
    footer = FooterSettings.for_site(site)
    links = {}
    for key in ("privacy_page", "imprint_page"):
        page = getattr(footer, key)
        if page is not None:
            page = page.localized
            links[key] = {"title": page.title, "url": page.get_url(request)}
    links["contact_email"] = footer.contact_email
    return links

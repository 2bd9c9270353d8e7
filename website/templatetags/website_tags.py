from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from accounts.selectors import may_use_admin
from website import routing, shell

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per interface language: the translation of the current page, or that language's home."""
    request = context["request"]
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    current = translation.get_language()
    site = routing.site_for(request)
    translations = shell.page_translations(page, site) if page is not None and site is not None else {}
    links = []
    for code, name in settings.LANGUAGES:
        if page is not None:
            url = translations.get(code) or shell.home_url(request, code)
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def navigation_pages(context):
    return [{"title": title, "url": url, "pk": pk} for title, url, pk in shell.navigation(context["request"])]


@register.simple_tag(takes_context=True)
def home_url(context):
    return shell.home_url(context["request"])


@register.simple_tag(takes_context=True)
def footer_links(context):
    return shell.footer(context["request"])


@register.simple_tag(takes_context=True)
def editor_userbar(context):
    """Wagtail's user bar, for people who may use the editor area; nothing for everyone else.

    Whether a user may use the admin is remembered for ``EDITOR_CHECK_CACHE_SECONDS`` so that a
    learner's pages do not pay two permission queries each."""
    from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not may_use_admin(user):
        return ""
    return wagtailuserbar(context)


@register.simple_tag(takes_context=True)
def audience(context):
    """``anonymous``, ``member`` or ``staff``: the header varies on it (``{% treecache %}``)."""
    request = context.get("request")
    return shell.audience(getattr(request, "user", None))


@register.simple_tag(takes_context=True)
def wagtail_page_id(context):
    """The id of the Wagtail page being shown, or "" on views that are not pages (whose language
    links keep the query string, so their header is rendered afresh)."""
    page = context.get("page")
    return page.pk if isinstance(page, Page) and page.pk else ""

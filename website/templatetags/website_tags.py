from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from website import shell

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per interface language: the translation of the current page, or that language's home."""
    request = context["request"]
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    current = translation.get_language()
    site = shell.site_for(request)
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
    if user is None or not user.is_authenticated or not shell.may_use_admin(user):
        return ""
    return wagtailuserbar(context)


@register.simple_tag(takes_context=True)
def site_header(context):
    """``includes/site_header.html``, rendered once per page, language and audience (website.fragments)."""
    from website.fragments import cached_fragment

    return cached_fragment(context, "includes/site_header.html", per_page=True)


@register.simple_tag(takes_context=True)
def site_footer(context):
    """``includes/site_footer.html``, rendered once per language (website.fragments)."""
    from website.fragments import cached_fragment

    return cached_fragment(context, "includes/site_footer.html", per_page=False)

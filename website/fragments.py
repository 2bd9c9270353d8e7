"""The site header and footer, rendered once and reused.

Every page renders the same header (brand, navigation, account links, language switcher) and
footer; only the language, the page (for ``aria-current`` and the language links), whether someone
is logged in and whether they are staff change it. Rendering it through the template engine took
about a tenth of a lesson page's CPU (docs/benchmarks.md), so the HTML is kept per process under
the page-tree version of ``website.shell`` (bumped by every publish, move, navigation or footer
change, and by changes of who may edit).

The one per-request part, the CSRF token of the log-out form, is rendered as a placeholder and put
in on every request. Views that are not Wagtail pages (forms, dashboards) render the header
afresh: their language links keep the query string."""

from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from wagtail.models import Page

from website import shell

CSRF_PLACEHOLDER = "csrf-placeholder-8d1f2a6c"

# Shared with other per-request HTML kept the same way (courses.rendering's quiz questions).
memory = shell._ProcessMemory(5000)


def _audience(user):
    if user is None or not user.is_authenticated:
        return "anonymous"
    return "staff" if user.is_staff else "member"


def _render(context, template_name):
    """The fragment with the CSRF token as a placeholder (the page is shared by many visitors)."""
    template = get_template(template_name).template
    with context.push(csrf_token=CSRF_PLACEHOLDER):
        return str(template.render(context))


def cached_fragment(context, template_name, per_page):
    """``template_name`` rendered with ``context``, reused for the same language, site, audience and
    (``per_page``) page while the page-tree version holds."""
    request = context.get("request")
    if request is None:
        return get_template(template_name).template.render(context)
    page = context.get("page")
    if per_page and not isinstance(page, Page):
        html = _render(context, template_name)
    else:
        site = shell.site_for(request)
        key = (
            template_name,
            site.pk if site else 0,
            translation.get_language(),
            _audience(getattr(request, "user", None)),
            page.pk if per_page else None,
            timezone.localdate().year,
        )
        html = shell.remember(memory, key, lambda: _render(context, template_name))
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    return mark_safe(html)  # the template engine escaped what it rendered

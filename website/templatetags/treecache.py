"""``{% treecache name vary... %}…{% endtreecache %}``: a template fragment kept under the page-tree
version (``website.treecache``), like Django's ``{% cache %}`` and Wagtail's ``{% wagtailcache %}``.

The key is the name, the vary-on values, the active language and the site. The fragment lives in
this process's memory (rendered HTML is cheap to rebuild once per worker and would only crowd
Redis) for ``SHELL_CACHE_SECONDS`` at most, and a publish, move or delete anywhere starts afresh.

- Previews and contexts without a request render afresh, as ``{% wagtailcache %}`` does.
- A vary-on value that is missing (``None`` or ``""``) renders afresh: a fragment that varies on a
  page is not cached on views that have no page.
- ``{% csrf_token %}`` inside the fragment is rendered as a placeholder and each visitor's own token
  is put in on every request, so a cached log-out form still works."""

from django import template
from django.conf import settings
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.safestring import mark_safe

from website import routing, treecache

register = template.Library()

CSRF_PLACEHOLDER = "csrf-placeholder-8d1f2a6c"


class TreeCacheNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def _render(self, context):
        with context.push(csrf_token=CSRF_PLACEHOLDER):
            return self.nodelist.render(context)

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        values = [value.resolve(context) for value in self.vary_on]
        if any(value is None or value == "" for value in values):
            return self.nodelist.render(context)
        site = routing.site_for(request)
        key = (
            "fragment",
            self.name.resolve(context),
            site.pk if site else 0,
            translation.get_language(),
            *values,
        )
        html = treecache.cached(
            key,
            lambda: str(self._render(context)),
            timeout=settings.SHELL_CACHE_SECONDS,
            scope=treecache.PROCESS,
        )
        if CSRF_PLACEHOLDER in html:
            html = html.replace(CSRF_PLACEHOLDER, get_token(request))
        return mark_safe(html)  # the template engine escaped what it rendered


@register.tag("treecache")
def do_treecache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'treecache' needs a fragment name.")
    nodelist = parser.parse(("endtreecache",))
    parser.delete_first_token()
    return TreeCacheNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with a second policy for the admin areas.

    Public pages get ``CONTENT_SECURITY_POLICY`` (scripts from the platform or carrying the
    request's nonce). Wagtail's and Django's admin write inline scripts without a nonce, so under
    ``/admin/`` and ``/django-admin/`` the policy is ``ADMIN_CONTENT_SECURITY_POLICY`` instead, and no
    nonce is added there (a nonce would switch 'unsafe-inline' off). Responses that set their own
    policy (H5P package files) keep it."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIXES) and parts.config is None:
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
            parts.nonce = None
        return parts


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 under a path that has no language prefix by design
    (APIs, the admin, files) stays a 404: Wagtail's catch-all route would otherwise make every such
    miss look like a page in the default language and redirect there."""

    unprefixed_paths = ("/xapi/", "/h5p/", "/admin/", "/django-admin/", "/documents/", "/static/", "/media/")

    def process_response(self, request, response):
        if request.path_info.startswith(self.unprefixed_paths) or request.path_info == "/healthz":
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


class TrustedProxyMiddleware:
    """Behind a reverse proxy, REMOTE_ADDR is the proxy. When the direct peer is one of TRUSTED_PROXIES,
    take the client address from X-Forwarded-For (the right-most hop that is not a trusted proxy), so
    per-client limits such as certificate verification count real clients. Untrusted peers cannot
    spoof it: their header is ignored."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.trusted = set(settings.TRUSTED_PROXIES)

    def __call__(self, request):
        if self.trusted and request.META.get("REMOTE_ADDR") in self.trusted:
            hops = [
                hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()
            ]
            for hop in reversed(hops):
                if hop not in self.trusted:
                    request.META["REMOTE_ADDR"] = hop
                    break
        return self.get_response(request)

from django.conf import settings


class SecurityHeadersMiddleware:
    """Adds the Content-Security-Policy to public pages; the Wagtail admin manages its own scripts."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(("/admin/", "/django-admin/")):
            response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

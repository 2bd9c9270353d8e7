from django.conf import settings


def site_shell(request):
    """Values every page of the shell needs, computed lazily so unused ones cost nothing."""
    return {"SITE_NAME": settings.WAGTAIL_SITE_NAME}

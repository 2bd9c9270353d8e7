"""The "My learning" panel on the learner dashboard."""

from django.utils import translation

from .models import CourseCatalogPage
from .selectors import my_learning


def catalogue_url(request):
    language = translation.get_language()
    catalogue = (
        CourseCatalogPage.objects.live().filter(locale__language_code=language).first()
        or CourseCatalogPage.objects.live().first()
    )
    return catalogue.get_url(request) if catalogue else None


def my_learning_panel(request):
    if not request.user.is_authenticated:
        return None
    learning = my_learning(request)
    return {
        "template": "courses/dashboard_panel.html",
        "in_progress": learning["in_progress"],
        "completed": learning["completed"],
        "catalogue_url": catalogue_url(request),
    }

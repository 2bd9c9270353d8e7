from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import routing, views

handler404 = "website.views.page_not_found"
handler500 = "website.views.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.healthz, name="healthz"),
    path("xapi/", include("tracking.urls")),
    path("h5p/", include("h5p.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("search/", views.search, name="search"),
    path("learning/", include("courses.urls")),
    path("certificates/", include("certificates.urls")),
    path("case-library/", include("cases.urls")),
    path("scenarios/", include("scenarios.urls")),
    path("plans/", include("plans.urls")),
    path("workshops/", include("workshops.urls")),
    path("my-data/", include("privacy.urls")),
    # Wagtail serves every other path; it must come last. Pages go through the cached router first
    # (same pattern and name as Wagtail's own serve view, so page URLs reverse as before).
    # Wagtail's own views under _util/ (the form that unlocks a password-protected page, its login)
    # are left to wagtail_urls below: the serve pattern would otherwise take them for page paths.
    re_path(
        r"^(?!_util/)" + wagtail_urls.serve_pattern.removeprefix("^"), routing.serve, name="wagtail_serve"
    ),
    path("", include(wagtail_urls)),
)

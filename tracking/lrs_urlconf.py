"""A URLconf with only the LRS, without language-prefixed patterns.

LocaleMiddleware turns any 404 under a site using i18n_patterns into a redirect to /<lang>/...; an xAPI
404 ("no such statement") must stay a 404, so LRS responses point the middleware at this URLconf."""

from django.urls import include, path

urlpatterns = [path("xapi/", include("tracking.urls"))]

from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("verify/", views.lookup, name="lookup"),
    path("verify/<str:code>/", views.verify, name="verify"),
    path("verify/<str:code>/status.json", views.verify_json, name="verify_json"),
    path("verify/<str:code>/open-badge.jwt", views.public_badge, name="public_badge"),
    path("jwks.json", views.jwks, name="jwks"),
    path("issuers/<slug:slug>.json", views.issuer, name="issuer"),
    path("mine/<str:code>/certificate.pdf", views.download_pdf, name="download_pdf"),
    path("mine/<str:code>/open-badge.jwt", views.download_badge, name="download_badge"),
    path("manage/", views.manage, name="manage"),
    path("exports/<uuid:export_uuid>/", views.export_detail, name="export"),
    path("exports/<uuid:export_uuid>/status.json", views.export_status, name="export_status"),
    path("exports/<uuid:export_uuid>/download/", views.export_download, name="export_download"),
]

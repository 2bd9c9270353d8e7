from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.my_data, name="my_data"),
    path("agree/", views.agree, name="agree"),
    path("exports/<uuid:export_uuid>/", views.export_status, name="export"),
    path("exports/<uuid:export_uuid>/download/", views.download_export, name="download"),
    path("delete-account/", views.delete_account, name="delete_account"),
    path("account-deleted/", views.deleted, name="deleted"),
]

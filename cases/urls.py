from django.urls import path

from website import converters  # noqa: F401  (registers the <id:…> and <token:…> converters)

from . import views

app_name = "cases"

urlpatterns = [
    path("submit/", views.submit, name="submit"),
    path("submissions/", views.submissions, name="submissions"),
    path("submissions/<id:pk>/edit/", views.edit_submission, name="edit_submission"),
    path("digest/", views.digest, name="digest"),
    path("digest/unsubscribe/<token:token>/", views.unsubscribe, name="unsubscribe"),
]

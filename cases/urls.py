from django.urls import path

from . import views

app_name = "cases"

urlpatterns = [
    path("submit/", views.submit, name="submit"),
    path("submissions/", views.submissions, name="submissions"),
    path("submissions/<int:pk>/edit/", views.edit_submission, name="edit_submission"),
    path("digest/", views.digest, name="digest"),
    path("digest/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]

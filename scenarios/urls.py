from django.urls import path

from . import views

app_name = "scenarios"

urlpatterns = [
    path("play/<int:page_id>/choose/", views.choose, name="choose"),
    path("play/<int:page_id>/start-again/", views.start_again, name="start_again"),
]

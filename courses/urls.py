from django.urls import path

from website import converters  # noqa: F401  (registers the <id:…> converter: ids that fit 64 bits)

from . import views

app_name = "courses"

urlpatterns = [
    path("courses/<id:course_id>/enrol/", views.enrol, name="enrol"),
    path("courses/<id:course_id>/enrol-others/", views.enrol_others, name="enrol_others"),
    path("courses/<id:course_id>/resume/", views.resume, name="resume"),
    path("courses/<id:course_id>/take-again/", views.take_again, name="take_again"),
    path("lessons/<id:lesson_id>/done/", views.mark_done, name="mark_done"),
    path("lessons/<id:lesson_id>/quiz/<str:block_id>/", views.submit_quiz, name="submit_quiz"),
    path("lessons/<id:lesson_id>/reflection/<str:block_id>/", views.save_reflection, name="save_reflection"),
]

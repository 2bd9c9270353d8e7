from django.urls import path

from website import converters  # noqa: F401  (registers the <id:…> converter: ids that fit 64 bits)

from . import views

app_name = "scenarios"

urlpatterns = [
    path("play/<id:page_id>/choose/", views.choose, name="choose"),
    path("play/<id:page_id>/start-again/", views.start_again, name="start_again"),
    path("play/<id:page_id>/live/", views.start_session, name="start_session"),
    path("join/", views.join, name="join"),
    path("live/", views.my_sessions, name="my_sessions"),
    path("live/<id:session_id>/", views.participant_view, name="participant"),
    path("live/<id:session_id>/decide/", views.decide, name="decide"),
    path("live/<id:session_id>/state/", views.live_state, name="live_state"),
    path("live/<id:session_id>/trainer/", views.trainer_view, name="trainer"),
    path("live/<id:session_id>/trainer/<slug:action>/", views.trainer_action, name="trainer_action"),
    path("live/<id:session_id>/projector/", views.projector_view, name="projector"),
    path("live/<id:session_id>/debrief/", views.debrief_view, name="debrief"),
    path("live/<id:session_id>/debrief.pdf", views.debrief_pdf, name="debrief_pdf"),
]

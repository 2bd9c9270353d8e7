from django.urls import path

from website import converters  # noqa: F401  (registers the <id:…> and <token:…> converters)

from . import views

app_name = "plans"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/<slug:company>/", views.start, name="start"),
    path("drafts/<uuid:draft>/autosave/", views.autosave, name="autosave"),
    path("drafts/<uuid:draft>/discard/", views.discard_draft, name="discard_draft"),
    path("drafts/<uuid:draft>/<slug:step>/", views.wizard, name="wizard"),
    path("<id:pk>/", views.detail, name="detail"),
    path("<id:pk>/timeline/", views.timeline, name="timeline"),
    path("<id:pk>/edit/", views.edit, name="edit"),
    path("<id:pk>/people/", views.people, name="people"),
    path("<id:pk>/close/", views.close, name="close"),
    path("<id:pk>/tasks/new/", views.task_add, name="task_add"),
    path("<id:pk>/tasks/<id:task_pk>/", views.task_edit, name="task_edit"),
    path("<id:pk>/tasks/<id:task_pk>/done/", views.task_done, name="task_done"),
    path("<id:pk>/mentoring/", views.meetings, name="meetings"),
    path("<id:pk>/mentoring/close/", views.close_mentoring, name="close_mentoring"),
    path("<id:pk>/mentoring/<id:meeting_pk>/", views.meeting, name="meeting"),
    path("<id:pk>/follow-up/<slug:milestone>/", views.outcome, name="outcome"),
    path("<id:pk>/invite/", views.invite, name="invite"),
    path("<id:pk>/welcome/", views.welcome, name="welcome"),
    path("<id:pk>/plan.pdf", views.export_pdf, name="pdf"),
    path("<id:pk>/plan.csv", views.export_csv, name="csv"),
    path("<id:pk>/calendar/", views.calendar, name="calendar"),
    path("<id:pk>/calendar/<token:token>.ics", views.feed, name="feed"),
    path("invitations/<token:token>/", views.accept_invitation, name="accept_invitation"),
]

from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/<slug:company>/", views.start, name="start"),
    path("drafts/<uuid:draft>/autosave/", views.autosave, name="autosave"),
    path("drafts/<uuid:draft>/discard/", views.discard_draft, name="discard_draft"),
    path("drafts/<uuid:draft>/<slug:step>/", views.wizard, name="wizard"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/timeline/", views.timeline, name="timeline"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/people/", views.people, name="people"),
    path("<int:pk>/close/", views.close, name="close"),
    path("<int:pk>/tasks/new/", views.task_add, name="task_add"),
    path("<int:pk>/tasks/<int:task_pk>/", views.task_edit, name="task_edit"),
    path("<int:pk>/tasks/<int:task_pk>/done/", views.task_done, name="task_done"),
    path("<int:pk>/mentoring/", views.meetings, name="meetings"),
    path("<int:pk>/mentoring/close/", views.close_mentoring, name="close_mentoring"),
    path("<int:pk>/mentoring/<int:meeting_pk>/", views.meeting, name="meeting"),
    path("<int:pk>/follow-up/<slug:milestone>/", views.outcome, name="outcome"),
    path("<int:pk>/invite/", views.invite, name="invite"),
    path("<int:pk>/welcome/", views.welcome, name="welcome"),
    path("<int:pk>/plan.pdf", views.export_pdf, name="pdf"),
    path("<int:pk>/plan.csv", views.export_csv, name="csv"),
    path("<int:pk>/calendar/", views.calendar, name="calendar"),
    path("<int:pk>/calendar/<str:token>.ics", views.feed, name="feed"),
    path("invitations/<str:token>/", views.accept_invitation, name="accept_invitation"),
]

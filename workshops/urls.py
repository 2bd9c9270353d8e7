from django.urls import path

from website import converters  # noqa: F401  (registers the <id:…> converter: ids that fit 64 bits)

from . import views

app_name = "workshops"

urlpatterns = [
    path("", views.cohort_list, name="cohorts"),
    path("new/", views.cohort_create, name="create"),
    path("<id:cohort_id>/", views.dashboard, name="dashboard"),
    path("<id:cohort_id>/grid/", views.grid_fragment, name="grid"),
    path("<id:cohort_id>/qr.svg", views.qr_code, name="qr"),
    path("<id:cohort_id>/code/", views.new_code, name="new_code"),
    path("<id:cohort_id>/invite/", views.invite, name="invite"),
    path("<id:cohort_id>/list/", views.participant_list, name="participant_list"),
    path("<id:cohort_id>/attendance/<id:day_id>/", views.attendance, name="attendance"),
    path("<id:cohort_id>/people/<id:user_id>/", views.learner, name="learner"),
    path("<id:cohort_id>/people/<id:user_id>/grant/", views.grant_attempt, name="grant_attempt"),
    path("<id:cohort_id>/people/<id:user_id>/reset/", views.reset_lesson, name="reset_lesson"),
    path("<id:cohort_id>/export.csv", views.export, name="export"),
    path("<id:cohort_id>/certificates/", views.issue_certificates, name="issue_certificates"),
    path("<id:cohort_id>/facilitate/", views.facilitate, name="facilitate"),
    path("<id:cohort_id>/facilitate/<id:lesson_id>/", views.facilitate, name="facilitate_lesson"),
    path("join/", views.join, name="join"),
    path("join/<str:code>/", views.join_code, name="join_code"),
    path("mine/<id:cohort_id>/", views.mine, name="mine"),
    path("mine/<id:cohort_id>/evaluation/<id:template_id>/<slug:phase>/", views.evaluate, name="evaluate"),
    path("company/", views.company, name="company"),
    path("company/<id:organisation_id>/", views.company, name="company_of"),
]

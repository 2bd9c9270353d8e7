from django.urls import path

from . import views

app_name = "workshops"

urlpatterns = [
    path("", views.cohort_list, name="cohorts"),
    path("new/", views.cohort_create, name="create"),
    path("<int:cohort_id>/", views.dashboard, name="dashboard"),
    path("<int:cohort_id>/grid/", views.grid_fragment, name="grid"),
    path("<int:cohort_id>/qr.svg", views.qr_code, name="qr"),
    path("<int:cohort_id>/code/", views.new_code, name="new_code"),
    path("<int:cohort_id>/invite/", views.invite, name="invite"),
    path("<int:cohort_id>/list/", views.participant_list, name="participant_list"),
    path("<int:cohort_id>/attendance/<int:day_id>/", views.attendance, name="attendance"),
    path("<int:cohort_id>/people/<int:user_id>/", views.learner, name="learner"),
    path("<int:cohort_id>/people/<int:user_id>/grant/", views.grant_attempt, name="grant_attempt"),
    path("<int:cohort_id>/people/<int:user_id>/reset/", views.reset_lesson, name="reset_lesson"),
    path("<int:cohort_id>/export.csv", views.export, name="export"),
    path("<int:cohort_id>/certificates/", views.issue_certificates, name="issue_certificates"),
    path("<int:cohort_id>/facilitate/", views.facilitate, name="facilitate"),
    path("<int:cohort_id>/facilitate/<int:lesson_id>/", views.facilitate, name="facilitate_lesson"),
    path("join/", views.join, name="join"),
    path("join/<str:code>/", views.join_code, name="join_code"),
    path("mine/<int:cohort_id>/", views.mine, name="mine"),
    path("mine/<int:cohort_id>/evaluation/<int:template_id>/<slug:phase>/", views.evaluate, name="evaluate"),
    path("company/", views.company, name="company"),
    path("company/<int:organisation_id>/", views.company, name="company_of"),
]

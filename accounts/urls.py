from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("signup/", views.sign_up, name="signup"),
    path("signup/done/", views.sign_up_done, name="signup_done"),
    path("confirm/<uidb64>/<token>/", views.confirm, name="confirm"),
    path("confirm-again/", views.resend_confirmation, name="resend_confirmation"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password-reset/sent/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"
    ),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("two-step/", views.two_factor_page, name="two_factor"),
    path("two-step/set-up/", views.two_factor_setup, name="two_factor_setup"),
    path("two-step/backup-codes/", views.two_factor_backup_codes, name="two_factor_backup_codes"),
    path("two-step/verify/", views.two_factor_verify, name="two_factor_verify"),
]

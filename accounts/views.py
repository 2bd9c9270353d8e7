from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import services
from .forms import LoginForm, ResendConfirmationForm, SignUpForm
from .models import User


@never_cache
def sign_up(request):
    if request.user.is_authenticated:
        return redirect("accounts:dashboard")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        existing = services.find_user_by_email(data["email"])
        if existing is not None:
            # The same answer as a new sign-up, so the page tells nobody which addresses have accounts;
            # the owner of the address learns about it by email.
            services.send_already_registered_email(request, existing)
        else:
            user = services.sign_up(
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                password=data["password1"],
                language=translation.get_language() or "",
            )
            services.send_confirmation_email(request, user)
        request.session["signup_email"] = data["email"]
        return redirect("accounts:signup_done")
    return render(request, "accounts/signup.html", {"form": form})


@never_cache
def sign_up_done(request):
    return render(request, "accounts/signup_done.html", {"email": request.session.get("signup_email", "")})


@never_cache
def confirm(request, uidb64, token):
    user = services.user_for_confirmation(uidb64, token)
    if user is None:
        messages.error(
            request,
            _(
                "This confirmation link is not valid: it was used already, has expired or was replaced. "
                "If your account is not confirmed yet, ask for a new link below; otherwise log in."
            ),
        )
        return redirect("accounts:resend_confirmation")
    services.confirm_email(user)
    login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
    messages.success(request, _("Thank you, your email address is confirmed. Welcome!"))
    return redirect("accounts:dashboard")


@never_cache
def resend_confirmation(request):
    form = ResendConfirmationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = User.objects.filter(email__iexact=form.cleaned_data["email"], is_active=False).first()
        if user is not None:
            services.send_confirmation_email(request, user)
        # The same answer whether or not the address is known: it reveals nothing about accounts.
        messages.success(request, _("If an unconfirmed account uses this address, we have sent a new link."))
        return redirect("accounts:login")
    return render(request, "accounts/resend_confirmation.html", {"form": form})


@method_decorator(never_cache, name="dispatch")
class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    next_page = "/"

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You are logged out. See you soon."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset_body.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@login_required
def dashboard(request):
    memberships = request.user.memberships.select_related("organisation").order_by("organisation__name")
    sections = []
    # Other apps add their panels to the dashboard through this registry, so accounts imports none of them.
    from .dashboard import panels_for

    sections = panels_for(request)
    return render(
        request,
        "accounts/dashboard.html",
        {"memberships": memberships, "sections": sections, "logout_url": reverse("accounts:logout")},
    )

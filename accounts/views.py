from base64 import b32encode
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from . import services, throttling, two_factor
from .forms import LoginForm, ResendConfirmationForm, SignUpForm, TwoFactorCodeForm
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
            if throttling.email_allowed(request, existing.email, "signup"):
                services.send_already_registered_email(request, existing)
        else:
            user = services.sign_up(
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                password=data["password1"],
                language=translation.get_language() or "",
            )
            # The box on the form was ticked: the consent is kept with its time and the notice's version.
            from privacy.services import record_sign_up_consent

            record_sign_up_consent(user)
            services.send_confirmation_email(request, user)
        request.session["signup_email"] = data["email"]
        return redirect("accounts:signup_done")
    from privacy.selectors import notice_url

    return render(request, "accounts/signup.html", {"form": form, "privacy_url": notice_url(request)})


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
    login(request, user, backend="accounts.backends.AccountBackend")
    messages.success(request, _("Thank you, your email address is confirmed. Welcome!"))
    return redirect("accounts:dashboard")


@never_cache
def resend_confirmation(request):
    form = ResendConfirmationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        user = User.objects.filter(email__iexact=email, is_active=False).first()
        # Counted whether or not the address is known, so the limit reveals nothing either.
        if throttling.email_allowed(request, email, "confirm") and user is not None:
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

    def form_valid(self, form):
        if not throttling.email_allowed(self.request, form.cleaned_data["email"], "reset"):
            # The same page as a sent email: the limit reveals nothing about the address.
            return redirect(self.get_success_url())
        return super().form_valid(form)


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


# --- Two-step login (django-otp) ---


def _safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


@login_required
@never_cache
def two_factor_setup(request):
    """Set up the authenticator app: scan the QR code, type the first code, receive backup codes."""
    if two_factor.is_enrolled(request.user) and not request.user.is_verified():
        # Replacing an app needs the current one first (or a superuser's reset).
        return redirect(f"{reverse('accounts:two_factor_verify')}?{urlencode({'next': request.path})}")
    device = two_factor.pending_authenticator(request.user)
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm_authenticator(device, form.cleaned_data["code"])
        if codes is None:
            form.add_error("code", _("This code is not right. Type the six digits your app shows now."))
        else:
            otp_login(request, device)
            request.session["two_factor_new_codes"] = codes
            request.session["two_factor_next"] = _safe_next(request, reverse("accounts:dashboard"))
            return redirect("accounts:two_factor_backup_codes")
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_code": two_factor.qr_code_svg(device),
            "secret": b32encode(device.bin_key).decode("ascii"),
            "next": _safe_next(request, ""),
            "required": two_factor.must_use_two_factor(request.user),
        },
    )


@login_required
@never_cache
def two_factor_backup_codes(request):
    """Shows the backup codes once, right after they were made."""
    codes = request.session.pop("two_factor_new_codes", None)
    if not codes:
        return redirect("accounts:two_factor")
    return render(
        request,
        "accounts/two_factor_backup_codes.html",
        {"codes": codes, "next": request.session.pop("two_factor_next", reverse("accounts:dashboard"))},
    )


@login_required
@never_cache
def two_factor_verify(request):
    """The second step: a code from the app, or one of the backup codes."""
    next_url = _safe_next(request, reverse("wagtailadmin_home"))
    if not two_factor.is_enrolled(request.user):
        return redirect(f"{reverse('accounts:two_factor_setup')}?{urlencode({'next': next_url})}")
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = two_factor.matching_device(request.user, form.cleaned_data["code"])
        if device is None:
            form.add_error(
                "code", _("This code is not right or was used already. Try the current code from your app.")
            )
        else:
            otp_login(request, device)
            left = two_factor.backup_codes_left(request.user)
            if left <= 3:
                messages.warning(
                    request,
                    ngettext(
                        "Only %(count)d backup code is left. Make new ones on your account page.",
                        "Only %(count)d backup codes are left. Make new ones on your account page.",
                        left,
                    )
                    % {"count": left},
                )
            return redirect(next_url)
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": next_url})


@login_required
@never_cache
def two_factor_page(request):
    """The account page's two-step section: status, switch on, new backup codes, switch off."""
    user = request.user
    enrolled = two_factor.is_enrolled(user)
    required = two_factor.must_use_two_factor(user)
    if request.method == "POST":
        if enrolled and not user.is_verified():
            return redirect(f"{reverse('accounts:two_factor_verify')}?{urlencode({'next': request.path})}")
        action = request.POST.get("action")
        if action == "new_codes" and enrolled:
            request.session["two_factor_new_codes"] = two_factor.new_backup_codes(user)
            request.session["two_factor_next"] = reverse("accounts:two_factor")
            return redirect("accounts:two_factor_backup_codes")
        if action == "switch_off" and enrolled and not required:
            two_factor.reset(user)
            messages.success(request, _("Two-step login is switched off."))
            return redirect("accounts:two_factor")
        messages.error(request, _("This cannot be done for your account."))
    return render(
        request,
        "accounts/two_factor.html",
        {
            "enrolled": enrolled,
            "required": required,
            "codes_left": two_factor.backup_codes_left(user) if enrolled else 0,
        },
    )

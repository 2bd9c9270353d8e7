from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

User = get_user_model()


class SignUpForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("Email address"), max_length=254)
    # Typed passwords are never written back into the page (render_value=False): after an error the
    # person types them again, and no password sits in the HTML, a browser cache or a proxy log.
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}, render_value=False),
        help_text=_("At least 10 characters; not a common password and not only digits."),
    )
    password2 = forms.CharField(
        label=_("Repeat the password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}, render_value=False),
    )
    accept_privacy = forms.BooleanField(
        label=_("I have read the privacy notice and agree that my learning progress is recorded."),
        error_messages={"required": _("Please accept the privacy notice to create an account.")},
    )

    error_messages = {
        "password_mismatch": _("The two passwords differ. Please type the same password twice."),
    }

    def clean_email(self):
        # Whether the address has an account is not checked here: the view answers the same either way.
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        # Every problem at once: a mismatch does not hide that the first password is too weak.
        if password1 and password2 and password1 != password2:
            self.add_error("password2", forms.ValidationError(self.error_messages["password_mismatch"]))
        if password1:
            candidate = User(
                email=cleaned.get("email", ""),
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("Email address"), widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )

    error_messages = {
        "invalid_login": _("The email address or the password is wrong. Please try again."),
        "inactive": _("Please confirm your email address first: open the link we sent you."),
        "erased": _(
            "The account with this email address was deleted, and its data erased. "
            "You can create a new account with the same address."
        ),
    }

    def clean(self):
        email = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if email and password:
            from privacy.selectors import erasure_for_email

            # Say why a deleted account cannot log in, unless the address has been used for a new one.
            if erasure_for_email(email) is not None and not User.objects.filter(email__iexact=email).exists():
                raise forms.ValidationError(self.error_messages["erased"], code="erased")
            # Django's backend ignores inactive accounts; tell a person who has not confirmed yet why.
            pending = User.objects.filter(email__iexact=email, is_active=False).first()
            if pending is not None and pending.check_password(password):
                raise forms.ValidationError(self.error_messages["inactive"], code="inactive")
        return super().clean()


class ResendConfirmationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))


class TwoFactorCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The six digits your authenticator app shows, or one of your backup codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True, "dir": "ltr"}
        ),
    )

import re
from datetime import date

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from courses.selectors import course_choices

from .models import EvaluationTemplate

MAX_DAYS = 60


class CohortForm(forms.Form):
    organisation = forms.ChoiceField(label=_("Training provider"))
    title = forms.CharField(label=_("Title"), max_length=200)
    courses = forms.MultipleChoiceField(label=_("Courses"), widget=forms.CheckboxSelectMultiple)
    days = forms.CharField(
        label=_("Session dates"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One date per line or separated by commas, as YYYY-MM-DD, e.g. 2026-12-03."),
    )
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    meeting_url = forms.URLField(label=_("Online meeting link"), required=False, assume_scheme="https")
    capacity = forms.IntegerField(label=_("Capacity"), min_value=1, max_value=500, initial=20)
    code_valid_days = forms.IntegerField(
        label=_("Join code valid for (days)"), min_value=1, max_value=90, initial=14
    )
    stuck_after_days = forms.IntegerField(
        label=_("Call someone stuck after (days without progress)"), min_value=1, max_value=90, initial=7
    )
    self_assessment = forms.ModelChoiceField(
        label=_("Self-assessment (before and after)"),
        queryset=EvaluationTemplate.objects.filter(kind=EvaluationTemplate.Kind.SELF_ASSESSMENT),
        required=False,
    )
    satisfaction = forms.ModelChoiceField(
        label=_("Satisfaction form"),
        queryset=EvaluationTemplate.objects.filter(kind=EvaluationTemplate.Kind.SATISFACTION),
        required=False,
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {str(org.pk): org for org in organisations}
        self.fields["organisation"].choices = [(str(org.pk), org.name) for org in organisations]
        self.fields["courses"].choices = [
            (str(page.translation_key), page.title) for page in course_choices()
        ]

    def clean_organisation(self):
        return self.organisations[self.cleaned_data["organisation"]]

    def clean_days(self):
        found = []
        for part in re.split(r"[\s,;]+", self.cleaned_data["days"].strip()):
            if not part:
                continue
            try:
                found.append(date.fromisoformat(part))
            except ValueError as error:
                raise forms.ValidationError(
                    _("“%(value)s” is not a date. Write dates as YYYY-MM-DD."), params={"value": part[:20]}
                ) from error
        if not found:
            raise forms.ValidationError(_("Give at least one session date."))
        if len(set(found)) > MAX_DAYS:
            raise forms.ValidationError(_("A cohort has at most 60 session days."))
        return sorted(set(found))

    def clean(self):
        data = super().clean()
        if not data.get("place") and not data.get("meeting_url"):
            self.add_error("place", _("Give a place, an online meeting link, or both."))
        return data


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Workshop code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "inputmode": "text"}
        ),
        help_text=_("The code your trainer shows, for example K7P 2QX. Spaces and case do not matter."),
    )


class QuickSignUpForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("Email address"))
    password = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}), strip=False
    )
    # The same consent as the full sign-up form: a newcomer who joins with a code agrees here.
    accept_privacy = forms.BooleanField(
        label=_("I have read the privacy notice and agree that my learning progress is recorded."),
        error_messages={"required": _("Please accept the privacy notice to create an account.")},
    )

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this address exists. Log in to join instead."))
        return email

    def clean(self):
        data = super().clean()
        if data.get("password"):
            user = get_user_model()(email=data.get("email", ""), first_name=data.get("first_name", ""))
            try:
                password_validation.validate_password(data["password"], user)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


class InviteForm(forms.Form):
    emails = forms.CharField(
        label=_("E-mail addresses"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line or separated by commas."),
    )

    def clean_emails(self):
        found, bad = [], []
        for part in re.split(r"[\s,;]+", self.cleaned_data["emails"].strip()):
            if not part:
                continue
            try:
                validate_email(part)
                if part.lower() not in found:
                    found.append(part.lower())
            except forms.ValidationError:
                bad.append(part[:80])
        if bad:
            raise forms.ValidationError(
                _("These are not e-mail addresses: %(list)s"), params={"list": ", ".join(bad)}
            )
        if not found:
            raise forms.ValidationError(_("Give at least one e-mail address."))
        if len(found) > 200:
            raise forms.ValidationError(_("Invite at most 200 people at once."))
        return found


class ParticipantListForm(forms.Form):
    file = forms.FileField(
        label=_("CSV list"),
        help_text=_("Columns email, first_name, last_name; the first line names them."),
    )


class CertificatesForm(forms.Form):
    minimum_attendance = forms.IntegerField(
        label=_("Minimum attendance (%)"), min_value=0, max_value=100, initial=80
    )


class EvaluationForm(forms.Form):
    """The fields of one evaluation template: 1–5 for statements and ratings, text for open questions."""

    def __init__(self, *args, template, **kwargs):
        super().__init__(*args, **kwargs)
        scale = [(str(value), str(value)) for value in range(1, 6)]
        for item in template.items:
            name = f"item-{item.id}"
            if item.block_type == "open":
                self.fields[name] = forms.CharField(
                    label=item.value["question"],
                    required=False,
                    max_length=2000,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
            else:
                label = item.value.get("statement") or item.value.get("question")
                self.fields[name] = forms.ChoiceField(
                    label=label, choices=scale, widget=forms.RadioSelect(attrs={"class": "scale"})
                )

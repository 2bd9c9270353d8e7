from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import ForwardingDestination, LRSKey


class LRSKeyForm(WagtailAdminModelForm):
    revoked = forms.BooleanField(
        label=_("Revoked"),
        required=False,
        help_text=_("A revoked key is refused within a few seconds on every server process."),
    )

    class Meta:
        model = LRSKey
        fields = ["name", "organisation", "scope"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["revoked"].initial = self.instance.revoked_at is not None
        else:
            del self.fields["revoked"]

    def save(self, commit=True):
        instance = super().save(commit=False)
        if "revoked" in self.cleaned_data:
            if self.cleaned_data["revoked"] and instance.revoked_at is None:
                instance.revoked_at = timezone.now()
            elif not self.cleaned_data["revoked"]:
                instance.revoked_at = None
        if commit:
            instance.save()
        return instance


class ForwardingDestinationForm(WagtailAdminModelForm):
    endpoint = forms.URLField(
        label=_("Endpoint"),
        assume_scheme="https",
        help_text=_("The xAPI base URL, e.g. https://lrs.example.org/xapi/"),
    )
    password = forms.CharField(
        label=_("Password (secret)"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave empty to keep the current secret."),
    )

    class Meta:
        model = ForwardingDestination
        fields = [
            "name",
            "organisation",
            "endpoint",
            "username",
            "password",
            "xapi_version",
            "verb_filter",
            "course_filter",
            "is_active",
        ]

    def clean_password(self):
        value = self.cleaned_data.get("password")
        if not value and self.instance.pk:
            return self.instance.password
        return value or ""

    def clean_verb_filter(self):
        from .validation import IRI_RE

        value = self.cleaned_data.get("verb_filter", "")
        for line in value.splitlines():
            if line.strip() and not IRI_RE.match(line.strip()):
                raise forms.ValidationError(_("%(line)s is not a verb IRI.") % {"line": line.strip()})
        return value

    def clean_course_filter(self):
        from .validation import IRI_RE

        value = self.cleaned_data.get("course_filter", "")
        for line in value.splitlines():
            if line.strip() and not IRI_RE.match(line.strip()):
                raise forms.ValidationError(_("%(line)s is not an activity IRI.") % {"line": line.strip()})
        return value

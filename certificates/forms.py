from django import forms
from django.utils.translation import gettext_lazy as _

from . import codes


class LookupForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        help_text=_("12 letters and digits, for example 7K3M-Q9XA-2RTD. Dashes and case do not matter."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
    )

    def clean_code(self):
        try:
            return codes.normalise(self.cleaned_data["code"])
        except codes.MalformedCode as error:
            raise forms.ValidationError(
                _("This is not a verification code. Codes have 12 letters and digits, like 7K3M-Q9XA-2RTD."),
                code="malformed",
            ) from error


class ManageForm(forms.Form):
    course = forms.TypedChoiceField(label=_("Course"), coerce=str)
    learners = forms.TypedMultipleChoiceField(label=_("Learners"), coerce=int, required=False, choices=())

    def __init__(self, *args, courses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.courses = {str(page.translation_key): page for page in courses}
        self.fields["course"].choices = [("", _("Choose a course"))] + [
            # The page in the active language when it is published there (Wagtail's `localized`).
            (key, page.localized.title)
            for key, page in self.courses.items()
        ]
        # Whom a manager may pick is checked in the view against the course's learners.
        submitted = self.data.getlist("learners") if hasattr(self.data, "getlist") else []
        self.fields["learners"].choices = [(value, value) for value in submitted]

    def clean_course(self):
        return self.courses[self.cleaned_data["course"]]

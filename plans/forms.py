import datetime

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .models import FollowUpOutcome
from .vocabulary import COUNTRIES, PERMIT_TYPES, ROLES, SECTORS

# Dates further away than this are typing mistakes, not plans.
FARTHEST_PAST = datetime.timedelta(days=2 * 365)
FARTHEST_FUTURE = datetime.timedelta(days=2 * 365)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.email


class HireForm(forms.Form):
    """The new hire, kept to what the plan needs: no full name, no nationality, no documents."""

    hire_name = forms.CharField(
        label=_("Name or initials"),
        max_length=120,
        help_text=_("Initials are enough; the plan needs no more about the person."),
    )
    hire_role = forms.CharField(label=_("Role or job title"), max_length=200)
    start_date = forms.DateField(label=_("First working day"), widget=DateInput())
    hire_languages = forms.CharField(
        label=_("Languages the new hire speaks"),
        max_length=200,
        required=False,
        help_text=_("For example: Arabic, English, some German."),
    )
    hire_language = forms.ChoiceField(
        label=_("Language of the new hire's own view"), choices=settings.LANGUAGES
    )
    country = forms.ChoiceField(label=_("Country of work"), choices=COUNTRIES)
    sector = forms.ChoiceField(
        label=_("Sector"), choices=[("", _("No sector steps"))] + SECTORS, required=False
    )
    permit_type = forms.ChoiceField(label=_("Residence or permit type"), choices=PERMIT_TYPES)
    permit_expires_on = forms.DateField(
        label=_("Permit expires on"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty when the permit does not expire. HR is reminded 90, 30 and 7 days before."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.warnings = []

    def clean_start_date(self):
        start = self.cleaned_data["start_date"]
        today = timezone.localdate()
        if start < today - FARTHEST_PAST or start > today + FARTHEST_FUTURE:
            raise forms.ValidationError(_("Choose a start date within two years of today."))
        if start < today:
            self.warnings.append(
                _("The start date is in the past: tasks before it are created as overdue. Check the date.")
            )
        return start

    def clean(self):
        data = super().clean()
        start, expires = data.get("start_date"), data.get("permit_expires_on")
        if start and expires and expires < start:
            self.add_error(
                "permit_expires_on",
                _(
                    "The permit expires on %(expires)s, before the start date %(start)s. Check both dates: "
                    "nobody may start work on an expired permit."
                )
                % {
                    "expires": date_format(expires, "DATE_FORMAT"),
                    "start": date_format(start, "DATE_FORMAT"),
                },
            )
        if data.get("permit_type") == "eu" and expires:
            self.add_error("permit_expires_on", _("EU citizens need no permit; leave the expiry date empty."))
        return data


class TemplatesForm(forms.Form):
    templates = forms.MultipleChoiceField(
        label=_("Templates to combine"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one template.")},
    )

    def __init__(self, *args, templates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["templates"].choices = [(str(t.translation_key), t.title) for t in templates]


class OwnersForm(forms.Form):
    hr = MemberChoiceField(label=_("HR owner"), queryset=None, empty_label=None)
    manager = MemberChoiceField(
        label=_("Direct manager"), queryset=None, required=False, empty_label=_("Not yet chosen")
    )
    tutor = MemberChoiceField(
        label=_("Tutor or buddy"), queryset=None, required=False, empty_label=_("Not yet chosen")
    )
    trainer = MemberChoiceField(
        label=_("Trainer"), queryset=None, required=False, empty_label=_("Not yet chosen")
    )
    adviser = forms.CharField(
        label=_("Adviser from the employment or integration agency"),
        max_length=200,
        required=False,
        help_text=_("A name and organisation; advisers need no account."),
    )

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("hr", "manager", "tutor", "trainer"):
            self.fields[name].queryset = members


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=200)
    due_on = forms.DateField(label=_("Due on"), widget=DateInput())
    owner = MemberChoiceField(label=_("Owner"), queryset=None, required=False, empty_label=_("Nobody yet"))
    guidance = forms.CharField(label=_("Guidance"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, plan, members, task=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.task = task
        self.fields["owner"].queryset = members

    def clean_due_on(self):
        due = self.cleaned_data["due_on"]
        start = self.plan.start_date
        if due < start - FARTHEST_PAST or due > start + datetime.timedelta(days=5 * 365):
            raise forms.ValidationError(
                _("Choose a date within two years before and five years after the start.")
            )
        # Tasks meant for the time after the first day (the welcome, the new hire's own tasks, follow-up)
        # make no sense before it; preparation tasks may move freely.
        after_start = self.task is not None and (
            self.task.role == "hire" or (self.task.offset_days is not None and self.task.offset_days >= 0)
        )
        if after_start and due < start:
            raise forms.ValidationError(
                _("This task belongs after the start date (%(start)s); it cannot be moved before it.")
                % {"start": date_format(start, "DATE_FORMAT")}
            )
        return due


class CustomTaskForm(TaskForm):
    role = forms.ChoiceField(label=_("Role"), choices=ROLES)
    phase = forms.TypedChoiceField(label=_("Phase"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, phases=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase"].choices = [("", _("Other tasks"))] + [(p["number"], p["title"]) for p in phases]


class DoneForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class MeetingForm(forms.Form):
    mentor = MemberChoiceField(label=_("Tutor or mentor"), queryset=None, empty_label=None)
    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    place = forms.CharField(label=_("Place or link"), max_length=200, required=False)
    frame = forms.CharField(
        label=_("1. Set the frame"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Time, confidentiality, what this meeting is for."),
    )
    rapport = forms.CharField(
        label=_("2. Build rapport"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("How are things, at work and outside it?"),
    )
    goal = forms.CharField(
        label=_("3. Agree a goal"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One goal for this session, in the new hire's words."),
    )
    action_plan = forms.CharField(
        label=_("4. Make a plan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Small steps, who does what, by when."),
    )
    evaluation = forms.CharField(
        label=_("5. Evaluate"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What was useful? What next time?"),
    )

    def __init__(self, *args, mentors=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = mentors


class MeetingOutcomeForm(forms.Form):
    evaluation = forms.CharField(
        label=_("5. Evaluate"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    outcome = forms.CharField(label=_("Outcome"), widget=forms.Textarea(attrs={"rows": 3}))
    next_steps = forms.CharField(
        label=_("Agreed next steps"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class CloseMentoringForm(forms.Form):
    summary = forms.CharField(
        label=_("What the mentoring achieved"), widget=forms.Textarea(attrs={"rows": 3})
    )


class OutcomeForm(forms.Form):
    still_employed = forms.TypedChoiceField(
        label=_("Still employed with you?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    role = forms.CharField(label=_("Current role"), max_length=200, required=False)
    progression = forms.CharField(
        label=_("Progression"),
        max_length=200,
        required=False,
        help_text=_("For example: permanent contract, team lead, training finished."),
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    milestone_choices = FollowUpOutcome.Milestone.choices


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email address of the new hire"))

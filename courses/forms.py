from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from website.countries import COUNTRY_CHOICES

from .models.pages import DURATION_CHOICES, TOPIC_CHOICES


class CatalogueFilterForm(forms.Form):
    topic = forms.ChoiceField(
        label=_("Topic"), required=False, choices=[("", _("All topics"))] + TOPIC_CHOICES
    )
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=[("", _("All countries"))] + COUNTRY_CHOICES
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("All languages"))] + list(settings.LANGUAGES)
    )
    duration = forms.ChoiceField(
        label=_("Duration"),
        required=False,
        choices=[("", _("Any duration"))] + [(code, label) for code, label, _low, _high in DURATION_CHOICES],
    )


class LearnerChoiceField(forms.ModelMultipleChoiceField):
    """Refuses ids that are not numbers of at most 64 bits before they reach the database, where
    SQLite raises OverflowError instead of finding nothing."""

    def _check_values(self, value):
        for pk in value if isinstance(value, list | tuple) else [value]:
            text = str(pk)
            if not (text.isascii() and text.isdigit()) or int(text) >= 2**63:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)


class EnrolOthersForm(forms.Form):
    learners = LearnerChoiceField(
        label=_("People to enrol"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one person.")},
    )

    def __init__(self, *args, learners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["learners"].queryset = learners
        self.fields["learners"].label_from_instance = person_label


# First-strong isolates (the plain-text <bdi>): option labels cannot hold markup, and without them an
# Arabic page reorders a name followed by an e-mail address.
ISOLATE, END_ISOLATE = "\u2068", "\u2069"


def person_label(user):
    email = f"{ISOLATE}<{user.email}>{END_ISOLATE}"
    name = user.get_full_name()
    return f"{ISOLATE}{name}{END_ISOLATE} {email}" if name else email

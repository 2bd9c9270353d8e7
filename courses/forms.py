from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models.pages import COUNTRY_CHOICES, DURATION_CHOICES, TOPIC_CHOICES


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


class EnrolOthersForm(forms.Form):
    learners = forms.ModelMultipleChoiceField(
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

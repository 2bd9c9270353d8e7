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
        self.fields["learners"].label_from_instance = lambda user: f"{user} <{user.email}>"

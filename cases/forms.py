"""The public form through which a company member submits a case (and edits it when asked to)."""

import re

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.images.fields import WagtailImageField

from .models import CASE_TEXT_FEATURES
from .taxonomy import COUNTRY_CHOICES, SECTOR_CHOICES, TARGET_GROUP_CHOICES, THEME_CHOICES

RICH_FIELDS = ("challenge", "activities", "results", "obstacles", "lessons", "funding")
MAX_LINKS = 10


def sanitised_rich_text(value):
    """Submitted text as the rich text an editor could have written: plain paragraphs, or HTML
    reduced to the case features (bold, italic, lists, links). Scripts, styles, event handlers and
    any other element or attribute are dropped by Wagtail's own whitelister."""
    value = (value or "").strip()
    if not value:
        return ""
    if not re.search(r"<[a-zA-Z/!]", value):
        from .services import paragraphs_to_html

        return str(paragraphs_to_html(value.replace("\r\n", "\n")))
    # Whatever a script or style element holds is code, not text to keep.
    value = re.sub(r"(?is)<(script|style)\b.*?(</\1\s*>|$)", "", value)
    return EditorHTMLConverter(features=CASE_TEXT_FEATURES).to_database_format(value)


def rich_text_to_plain(html):
    """Rich text back into the textarea (paragraph breaks kept), for editing a submission."""
    from django.utils.html import strip_tags

    text = re.sub(r"(?i)</p>\s*", "\n\n", html or "")
    text = re.sub(r"(?i)<br\s*/?>", "\n", text)
    return strip_tags(text).strip()


class CaseSubmissionForm(forms.Form):
    title = forms.CharField(label=_("Title of the case"), max_length=255)
    organisation_name = forms.CharField(
        label=_("Organisation that did it"),
        max_length=300,
        help_text=_("Your company, or the partner that ran it with you."),
    )
    country = forms.ChoiceField(label=_("Country"), choices=[("", "—")] + COUNTRY_CHOICES)
    region = forms.CharField(label=_("Region or city"), max_length=200, required=False)
    sector = forms.ChoiceField(label=_("Sector"), choices=[("", "—")] + SECTOR_CHOICES)
    years = forms.CharField(
        label=_("When"), max_length=120, required=False, help_text=_("For example: since 2019, or 2017–2018.")
    )
    start_year = forms.IntegerField(label=_("First year"), min_value=1950, max_value=2100, required=False)
    end_year = forms.IntegerField(
        label=_("Last year"),
        min_value=1950,
        max_value=2100,
        required=False,
        help_text=_("Leave empty while it is running."),
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Who it is for"), choices=TARGET_GROUP_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"), choices=THEME_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    summary = forms.CharField(
        label=_("Summary"),
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: who did what, and what came of it."),
    )
    challenge = forms.CharField(
        label=_("The challenge"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    activities = forms.CharField(label=_("What you did"), widget=forms.Textarea(attrs={"rows": 6}))
    results = forms.CharField(
        label=_("Results and evidence"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    obstacles = forms.CharField(
        label=_("Obstacles"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    lessons = forms.CharField(
        label=_("Lessons for other employers"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    funding = forms.CharField(
        label=_("Funding and partners"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    links = forms.CharField(
        label=_("Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: the address, a space, then a label."),
    )
    image = WagtailImageField(label=_("Photo (optional)"), required=False)

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = list(organisations)
        if len(self.organisations) > 1:
            self.fields["submitting_for"] = forms.TypedChoiceField(
                label=_("Submit on behalf of"),
                coerce=int,
                choices=[(organisation.pk, organisation.name) for organisation in self.organisations],
            )
        # Wagtail words the accepted formats and sizes when the field is built: build it in this
        # request's language rather than the one active when the module was imported.
        self.fields["image"] = WagtailImageField(label=_("Photo (optional)"), required=False)
        for name in RICH_FIELDS:
            self.fields[name].help_text = self.fields[name].help_text or _(
                "Plain text; a blank line starts a new paragraph."
            )

    def fieldsets(self):
        """The fields in the groups the form shows them in."""
        groups = [
            (
                _("About the case"),
                ["submitting_for", "title", "organisation_name", "country", "region", "sector"],
            ),
            (_("Years"), ["years", "start_year", "end_year"]),
            (_("For whom and on what"), ["target_groups", "themes"]),
            (_("The story"), ["summary", *RICH_FIELDS]),
            (_("Sources and picture"), ["links", "image"]),
        ]
        return [(legend, [self[name] for name in names if name in self.fields]) for legend, names in groups]

    def clean(self):
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("The last year cannot be before the first year."))
        for name in RICH_FIELDS:
            if name in data:
                data[name] = sanitised_rich_text(data[name])
        if "activities" in data and not data["activities"]:
            self.add_error("activities", _("Describe what you did; the text had no content left."))
        return data

    def clean_links(self):
        links = []
        validate = URLValidator(schemes=["http", "https"])
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        if len(lines) > MAX_LINKS:
            raise forms.ValidationError(_("At most %(count)d links."), params={"count": MAX_LINKS})
        for line in lines:
            url, _space, label = line.partition(" ")
            try:
                validate(url)
            except forms.ValidationError as error:
                raise forms.ValidationError(
                    _("“%(line)s” does not start with a web address (http:// or https://)."),
                    params={"line": line},
                ) from error
            links.append({"url": url, "label": label.strip()[:200] or url})
        return links

    def submitting_organisation(self):
        if "submitting_for" in self.cleaned_data:
            return next(org for org in self.organisations if org.pk == self.cleaned_data["submitting_for"])
        return self.organisations[0]

    @classmethod
    def initial_from(cls, page):
        """The form filled from the page's latest revision (what the submitter last sent)."""
        initial = {
            "title": page.title,
            "organisation_name": page.organisation,
            "country": page.country,
            "region": page.region,
            "sector": page.sector,
            "years": page.years,
            "start_year": page.start_year,
            "end_year": page.end_year,
            "target_groups": page.target_groups,
            "themes": page.themes,
            "summary": page.summary,
            "links": "\n".join(f"{block.value['url']} {block.value['label']}" for block in page.links),
        }
        for name in RICH_FIELDS:
            initial[name] = rich_text_to_plain(getattr(page, name))
        return initial

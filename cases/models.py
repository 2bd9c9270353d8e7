"""Case library pages, the facet rows the library filters and counts by, submissions and the digest."""

import secrets

from django import forms
from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import AbstractGroupApprovalTask, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult
from wagtail_localize.fields import SynchronizedField

from website.models import BasePage

from .taxonomy import (
    COUNTRIES,
    COUNTRY_CHOICES,
    SECTOR_CHOICES,
    SECTORS,
    TARGET_GROUP_CHOICES,
    THEME_CHOICES,
    labels,
)

CASE_TEXT_FEATURES = ["bold", "italic", "ul", "ol", "link"]
# The narrative sections of a case, in the order the page shows them.
CASE_SECTIONS = [
    ("challenge", _("The challenge")),
    ("activities", _("What they did")),
    ("results", _("Results and evidence")),
    ("obstacles", _("Obstacles")),
    ("lessons", _("Lessons for employers")),
    ("funding", _("Funding and partners")),
]
FACET_FIELDS = ("country", "sector", "themes", "target_groups")


class ChoiceListField(models.JSONField):
    """A list of slugs from a fixed vocabulary, edited as checkboxes and stored as a JSON list."""

    def __init__(self, *args, choices_list=(), **kwargs):
        self.choices_list = list(choices_list)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        # The vocabulary lives in code (taxonomy.py); migrations need not follow its labels.
        return name, "django.db.models.JSONField", args, kwargs

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.choices_list,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        known = {slug for slug, _label in self.choices_list}
        unknown = [slug for slug in value or [] if slug not in known]
        if unknown:
            raise ValidationError(_("Unknown values: %(values)s."), params={"values": ", ".join(unknown)})


class CaseLinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("Address"))
    label = blocks.CharBlock(label=_("Label"), max_length=200)

    class Meta:
        icon = "link"
        label = _("Link")


class CaseIndexPage(BasePage):
    """The library: full-text search with facets over the cases below it."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["cases.CasePage"]
    max_count_per_parent = 1
    template = "cases/case_index_page.html"

    class Meta:
        verbose_name = _("case library")

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            # A case not translated into this language yet is read here in English, so the visitor
            # keeps their interface language (see selectors.visible_cases).
            from .selectors import untranslated_case

            case = untranslated_case(self, path_components)
            if case is None:
                raise
            return RouteResult(case)

    def get_context(self, request, *args, **kwargs):
        from .selectors import library_context

        context = super().get_context(request, *args, **kwargs)
        context.update(library_context(request, self))
        return context


class CasePage(BasePage):
    """One best-practice example: who did what, for whom, with which results and lessons."""

    case_number = models.PositiveSmallIntegerField(
        _("number in the source"), null=True, blank=True, help_text=_("Keeps the source report's order.")
    )
    organisation = models.CharField(_("organisation"), max_length=300)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES)
    region = models.CharField(_("region or city"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=40, choices=SECTOR_CHOICES)
    start_year = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(
        _("last year"), null=True, blank=True, help_text=_("Empty while it is still running.")
    )
    years = models.CharField(
        _("years as shown"),
        max_length=120,
        blank=True,
        help_text=_("For example: since 2016."),
    )
    target_groups = ChoiceListField(_("target groups"), choices_list=TARGET_GROUP_CHOICES)
    themes = ChoiceListField(_("themes"), choices_list=THEME_CHOICES)
    summary = models.TextField(_("summary"), max_length=1500)
    challenge = RichTextField(_("the challenge"), blank=True, features=CASE_TEXT_FEATURES)
    activities = RichTextField(_("what they did"), blank=True, features=CASE_TEXT_FEATURES)
    results = RichTextField(_("results and evidence"), blank=True, features=CASE_TEXT_FEATURES)
    obstacles = RichTextField(_("obstacles"), blank=True, features=CASE_TEXT_FEATURES)
    lessons = RichTextField(_("lessons for employers"), blank=True, features=CASE_TEXT_FEATURES)
    funding = RichTextField(_("funding and partners"), blank=True, features=CASE_TEXT_FEATURES)
    source = models.CharField(_("source"), max_length=300, blank=True)
    figures = StreamField(
        [("figure", blocks.CharBlock(label=_("Figure"), max_length=300))],
        blank=True,
        verbose_name=_("key figures"),
    )
    links = StreamField([("link", CaseLinkBlock())], blank=True, verbose_name=_("sources and links"))
    related_courses = StreamField(
        [("course", blocks.PageChooserBlock(page_type="courses.CoursePage", label=_("Course")))],
        blank=True,
        verbose_name=_("related courses"),
    )
    related_cases = StreamField(
        [("case", blocks.PageChooserBlock(page_type="cases.CasePage", label=_("Case")))],
        blank=True,
        verbose_name=_("related cases"),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    # Written by services.index_case on PostgreSQL (one text-search configuration per language).
    search_vector = SearchVectorField(null=True, editable=False)
    # What the demo loader last wrote, so loading the fixture again changes nothing.
    fixture_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
                FieldPanel("sector"),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year"), FieldPanel("years")]),
                FieldPanel("case_number"),
            ],
            heading=_("Facts"),
        ),
        FieldPanel("summary"),
        FieldPanel("challenge"),
        FieldPanel("activities"),
        FieldPanel("results"),
        FieldPanel("figures"),
        FieldPanel("obstacles"),
        FieldPanel("lessons"),
        FieldPanel("funding"),
        FieldPanel("image"),
        MultiFieldPanel([FieldPanel("themes"), FieldPanel("target_groups")], heading=_("Taxonomy")),
        MultiFieldPanel(
            [
                FieldPanel("source"),
                FieldPanel("links"),
                FieldPanel("related_courses"),
                FieldPanel("related_cases"),
            ],
            heading=_("Sources and related content"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("organisation", boost=2),
        index.SearchField("region"),
        index.SearchField("summary"),
        index.SearchField("challenge"),
        index.SearchField("activities"),
        index.SearchField("results"),
        index.SearchField("lessons"),
        index.FilterField("locale_id"),
    ]
    override_translatable_fields = [
        SynchronizedField("themes"),
        SynchronizedField("target_groups"),
        SynchronizedField("start_year"),
        SynchronizedField("end_year"),
        SynchronizedField("case_number"),
        SynchronizedField("image"),
        SynchronizedField("related_courses"),
        SynchronizedField("related_cases"),
    ]
    parent_page_types = ["cases.CaseIndexPage"]
    subpage_types = []
    template = "cases/case_page.html"

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        # Drafts and workflow bookkeeping save only a few columns; the facts as stored are unchanged.
        if update_fields is None or set(update_fields) & {*FACET_FIELDS, "title", "summary", "live"}:
            from . import library_index
            from .services import index_case

            index_case(self)
            library_index.changed()
        return result

    @property
    def country_name(self):
        return COUNTRIES.get(self.country, self.country)

    @property
    def sector_name(self):
        return SECTORS.get(self.sector, self.sector)

    @property
    def theme_names(self):
        return labels(THEME_CHOICES, self.themes or [])

    @property
    def target_group_names(self):
        return labels(TARGET_GROUP_CHOICES, self.target_groups or [])

    @property
    def sections(self):
        return [(name, label, getattr(self, name)) for name, label in CASE_SECTIONS if getattr(self, name)]

    def get_context(self, request, *args, **kwargs):
        from .selectors import case_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(case_page_context(request, self))
        return context

    def serve(self, request, *args, **kwargs):
        parent = self.get_parent()
        if parent is None or not parent.live:
            raise Http404
        return super().serve(request, *args, **kwargs)


class CaseFacet(models.Model):
    """One facet value of one case page (its country, sector, each theme, each target group).

    Rewritten whenever the page's stored facts change, so the library counts and filters with
    indexed lookups in one table instead of reading JSON lists."""

    class Facet(models.TextChoices):
        COUNTRY = "country", _("Country")
        SECTOR = "sector", _("Sector")
        THEME = "theme", _("Theme")
        TARGET = "target", _("Target group")

    page = models.ForeignKey(CasePage, on_delete=models.CASCADE, related_name="facet_values")
    facet = models.CharField(max_length=10, choices=Facet.choices)
    value = models.CharField(max_length=40)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "facet", "value"], name="unique_case_facet")]
        indexes = [models.Index(fields=["facet", "value", "page"], name="case_facet_lookup")]

    def __str__(self):
        return f"{self.page_id} {self.facet}={self.value}"


class CaseSubmission(models.Model):
    """A case a company member sent in: who, for which organisation, and where moderation stands.

    The case itself is a draft ``CasePage`` under the library; moderators act on it in the Wagtail
    workflow, and the submitter edits it through the public form while changes are requested."""

    class Status(models.TextChoices):
        IN_REVIEW = "in_review", _("In review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        PUBLISHED = "published", _("Published")
        DECLINED = "declined", _("Declined")

    page = models.OneToOneField(CasePage, on_delete=models.CASCADE, related_name="submission")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_submissions"
    )
    organisation_id = models.BigIntegerField(
        _("organisation"), help_text=_("The submitter's organisation (accounts.Organisation).")
    )
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IN_REVIEW)
    moderator_comment = models.TextField(_("moderator's comment"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("case submission")
        verbose_name_plural = _("case submissions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.page.title} ({self.get_status_display()})"


class CaseReviewTask(AbstractGroupApprovalTask):
    """Group approval with a fourth answer: decline the case outright (the workflow ends)."""

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions:
            actions.append(("decline", _("Decline"), True))
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "decline":
            from .services import decline_submission

            decline_submission(task_state, user, comment=kwargs.get("comment", ""))
            return None
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("Case moderators approve a submitted case, ask for changes or decline it")

    class Meta:
        verbose_name = _("case review")
        verbose_name_plural = _("case reviews")


def _new_token():
    return secrets.token_urlsafe(24)


class DigestSubscription(models.Model):
    """Someone who asked for the weekly e-mail of newly published cases."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_digest_subscription"
    )
    language = models.CharField(_("language"), max_length=10)
    # The unsubscribe link carries this; it works without logging in and can be rotated.
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("case digest subscription")
        verbose_name_plural = _("case digest subscriptions")

    def __str__(self):
        return f"{self.user} ({'on' if self.active else 'off'})"

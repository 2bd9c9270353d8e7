"""Course catalogue → course → module → lesson pages."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from website.countries import COUNTRY_CHOICES
from website.models import BasePage

from ..blocks import LESSON_BODY_BLOCKS, required_activities

TOPIC_CHOICES = [
    ("legal", _("Legal hiring and work permits")),
    ("recruitment", _("Recruitment and qualifications")),
    ("onboarding", _("Onboarding and integration")),
    ("intercultural", _("Intercultural teamwork")),
    ("mentoring", _("Mentoring and career development")),
]

COUNTRY_CODES = {code for code, _name in COUNTRY_CHOICES}

DURATION_CHOICES = [
    ("short", _("Up to 1 hour"), 0, 60),
    ("medium", _("1 to 3 hours"), 61, 180),
    ("long", _("More than 3 hours"), 181, None),
]


def validate_country_codes(value):
    codes = value.split()
    unknown = [code for code in codes if code not in COUNTRY_CODES]
    if unknown:
        raise ValidationError(
            _("Unknown country codes: %(codes)s. Use: %(known)s."),
            params={"codes": ", ".join(unknown), "known": " ".join(sorted(COUNTRY_CODES))},
        )


class CourseCatalogPage(BasePage):
    """Lists the courses below it, filtered by topic, country, language and duration."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["courses.CoursePage"]
    show_in_menus_default = True
    template = "courses/course_catalog_page.html"

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import catalogue_context

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_context(request, self))
        return context


class CoursePage(BasePage):
    summary = models.TextField(_("summary"), max_length=600)
    audience = models.TextField(_("who it is for"), blank=True)
    learning_objectives = StreamField(
        [("objective", blocks.CharBlock(label=_("Objective"), max_length=300))],
        blank=True,
        verbose_name=_("learning objectives"),
    )
    prerequisites = models.TextField(_("prerequisites"), blank=True)
    topic = models.CharField(_("topic"), max_length=30, choices=TOPIC_CHOICES, default="legal")
    countries = models.CharField(
        _("countries it applies to"),
        max_length=200,
        blank=True,
        validators=[validate_country_codes],
        help_text=_("ISO codes separated by spaces, e.g. 'DE AT BE'. Empty means all countries."),
    )
    estimated_duration_minutes = models.PositiveIntegerField(_("estimated duration (minutes)"), default=60)
    certificate_requires_pass_mark = models.PositiveSmallIntegerField(
        _("pass mark for the certificate (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Leave empty to certify completion alone."),
    )
    certificate_validity_months = models.PositiveSmallIntegerField(
        _("certificate valid for (months)"), null=True, blank=True, help_text=_("Leave empty: never expires.")
    )
    refresher_course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("refresher course"),
        help_text=_("Suggested when the certificate expires."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldPanel("learning_objectives"),
        FieldPanel("prerequisites"),
        MultiFieldPanel(
            [FieldPanel("topic"), FieldPanel("countries"), FieldPanel("estimated_duration_minutes")],
            heading=_("Catalogue"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("certificate_requires_pass_mark"),
                FieldPanel("certificate_validity_months"),
                FieldPanel("refresher_course"),
            ],
            heading=_("Certificate"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("audience")]
    parent_page_types = ["courses.CourseCatalogPage"]
    subpage_types = ["courses.ModulePage"]
    template = "courses/course_page.html"

    class Meta:
        verbose_name = _("course")

    def clean(self):
        super().clean()
        self.countries = " ".join(code.upper() for code in re.split(r"[\s,;]+", self.countries or "") if code)

    @property
    def country_codes(self):
        return self.countries.split()

    @property
    def country_names(self):
        names = dict(COUNTRY_CHOICES)
        return [names[code] for code in self.country_codes if code in names]

    @property
    def duration_hours(self):
        return self.estimated_duration_minutes / 60

    def route(self, request, path_components):
        # A lesson URL is course/module/lesson: load both pages directly (two queries) instead of
        # Wagtail's child lookup plus `.specific` per level (four).
        if len(path_components) == 2:
            module = ModulePage.objects.child_of(self).filter(slug=path_components[0]).first()
            lesson = (
                LessonPage.objects.child_of(module).filter(slug=path_components[1]).first()
                if module
                else None
            )
            if lesson is not None:
                module._cached_parent_obj = self
                lesson._cached_parent_obj = module
                return lesson.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from ..selectors import course_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_page_context(request, self))
        return context


class ModulePage(BasePage):
    summary = models.TextField(_("summary"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary")]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]
    template = "courses/module_page.html"

    class Meta:
        verbose_name = _("module")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import module_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(module_page_context(request, self))
        return context

    def serve(self, request, *args, **kwargs):
        course = self.get_parent()
        if not course.live and not getattr(request, "is_preview", False):
            raise Http404
        return super().serve(request, *args, **kwargs)


class LessonPage(BasePage):
    summary = models.TextField(_("summary"), max_length=600, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated time (minutes)"), default=10)
    body = StreamField(LESSON_BODY_BLOCKS, blank=True, verbose_name=_("content"))
    # Derived from ``body`` on save so completion checks never read page content.
    required_activities = models.JSONField(default=list, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []
    template = "courses/lesson_page.html"

    class Meta:
        verbose_name = _("lesson")

    def save(self, *args, **kwargs):
        self.required_activities = required_activities(self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = list(set(update_fields) | {"required_activities"})
        return super().save(*args, **kwargs)

    @property
    def required_activity_ids(self):
        return [activity["id"] for activity in self.required_activities]

    @property
    def is_reading_only(self):
        """A lesson without required activities completes when the learner marks it done."""
        return not self.required_activities

    def with_content_json(self, content):
        # Revisions saved before an edit to the blocks carry an older list; recompute from the body.
        page = super().with_content_json(content)
        page.required_activities = required_activities(page.body)
        return page

    def serve(self, request, *args, **kwargs):
        from ..selectors import lesson_page_context
        from ..services import note_lesson_opened

        state = lesson_page_context(request, self)
        if state is None:
            raise Http404
        if state["locked"]:
            return TemplateResponse(
                request, "courses/lesson_locked.html", {"page": self, **state}, status=403
            )
        if state["enrolment"] is not None and not getattr(request, "is_preview", False):
            note_lesson_opened(
                state["enrolment"],
                self,
                state["module"],
                state["course"],
                request=request,
                last_launched_at=state["outline"]["current_launched_at"],
                progress_exists=state["outline"]["current_has_progress"],
            )
        context = self.get_context(request, *args, **kwargs)
        context.update(state)
        return TemplateResponse(request, self.get_template(request, *args, **kwargs), context)

"""Scenario pages (authored in Wagtail), solo plays and live workshop sessions."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from website.models import BasePage

from . import engine
from .blocks import EndingBlock, RoleBlock, SceneBlock
from .forms import ScenarioPageForm
from .panels import GraphCheckPanel


class DecisionMode(models.TextChoices):
    TURN = "turn", _("The role whose turn it is decides")
    VOTE = "vote", _("The whole group votes")


class ScenarioIndexPage(BasePage):
    """Lists the role-play scenarios below it."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["scenarios.ScenarioPage"]
    template = "scenarios/scenario_index_page.html"

    class Meta:
        verbose_name = _("scenario list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["scenarios"] = ScenarioPage.objects.child_of(self).live().specific().order_by("path")
        return context


class ScenarioPage(BasePage):
    """A role-play: roles, scenes with choices, and endings. The graph is checked by ``engine``.

    Scenes, choices and endings are StreamField blocks rather than inline models: editors add,
    reorder and nest choices inside their scene in one form, and wagtail-localize translates every
    text while the keys that link scenes (RegexBlock) and the effects (IntegerBlock) stay the same
    in every language, so a translation can never break the graph."""

    summary = models.TextField(_("summary"), max_length=600, blank=True)
    decision_mode = models.CharField(
        _("in live sessions"), max_length=10, choices=DecisionMode.choices, default=DecisionMode.TURN
    )
    max_participants = models.PositiveSmallIntegerField(_("most participants in a live session"), default=40)
    roles = StreamField([("role", RoleBlock())], blank=True, verbose_name=_("roles"))
    scenes = StreamField([("scene", SceneBlock())], blank=True, verbose_name=_("scenes"))
    endings = StreamField([("ending", EndingBlock())], blank=True, verbose_name=_("endings"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        GraphCheckPanel(
            template="scenarios/admin/graph_check_panel.html",
            heading=_("Check of the scenario"),
        ),
        MultiFieldPanel(
            [FieldPanel("decision_mode"), FieldPanel("max_participants")], heading=_("Live sessions")
        ),
        FieldPanel("roles"),
        FieldPanel("scenes"),
        FieldPanel("endings"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("scenes")]
    parent_page_types = ["scenarios.ScenarioIndexPage"]
    subpage_types = []
    template = "scenarios/scenario_page.html"
    preview_modes = [("", _("Play")), ("graph", _("Graph"))]
    base_form_class = ScenarioPageForm

    class Meta:
        verbose_name = _("role-play scenario")

    def scenario(self):
        """The engine's view of this page (built once per instance)."""
        cached = getattr(self, "_scenario", None)
        if cached is None:
            cached = self._scenario = engine.build(graph_data(self))
        return cached

    def validation_errors(self):
        return engine.validate(self.scenario())

    def get_context(self, request, *args, **kwargs):
        from .selectors import scenario_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(scenario_page_context(request, self))
        return context

    def serve_preview(self, request, mode_name):
        from django.template.response import TemplateResponse

        from .selectors import preview_context

        return TemplateResponse(request, "scenarios/preview.html", preview_context(self, mode_name))


def graph_data(page):
    """The page's stream contents as the engine's plain dictionaries.

    Read from the streams' raw JSON: turning every block into Wagtail values first cost more than
    the rest of a live session's state together."""

    def text(value):
        return str(value or "").strip()

    def raw(stream):
        return stream.raw_data if hasattr(stream, "raw_data") else list(stream)

    def values(stream):
        for item in raw(stream):
            yield item.get("value", item) if isinstance(item, dict) else item.value

    return {
        "title": page.title,
        "roles": [
            {
                "key": text(v.get("key")),
                "name": text(v.get("name")),
                "description": text(v.get("description")),
            }
            for v in values(page.roles)
        ],
        "scenes": [
            {
                "key": text(v.get("key")),
                "title": text(v.get("title")),
                "text": text(v.get("text")),
                "role": text(v.get("role")),
                "start": bool(v.get("start")),
                "max_visits": v.get("max_visits") or 1,
                "discussion_prompt": text(v.get("discussion_prompt")),
                "image": _image_id(v.get("image")),
                "choices": [
                    {
                        "key": text(c.get("key")),
                        "text": text(c.get("text")),
                        "leads_to": text(c.get("leads_to")),
                        "feedback": text(c.get("feedback")),
                        "effects": {name: _number(c.get(name)) for name in engine.COMPETENCES},
                    }
                    for c in (
                        item.get("value", item) if isinstance(item, dict) and "value" in item else item
                        for item in (v.get("choices") or [])
                    )
                ],
            }
            for v in values(page.scenes)
        ],
        "endings": [
            {"key": text(v.get("key")), "title": text(v.get("title")), "debrief": text(v.get("debrief"))}
            for v in values(page.endings)
        ],
    }


def _number(value):
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _image_id(value):
    if value is None or value == "":
        return None
    return getattr(value, "pk", value)


# Live pages' graphs per process, keyed by page and published revision (a new revision is a new key).
_PUBLISHED_GRAPHS = {}


def published_scenario(page):
    """The engine's scenario of a page read from the database, built once per published revision."""
    key = (page.pk, page.live_revision_id)
    found = _PUBLISHED_GRAPHS.get(key)
    if found is None:
        if len(_PUBLISHED_GRAPHS) > 500:
            _PUBLISHED_GRAPHS.clear()
        found = _PUBLISHED_GRAPHS[key] = engine.build(graph_data(page))
    return found


class ScenarioPlay(models.Model):
    """One learner playing one scenario alone, on its page or in a lesson block: the choices so far.

    The scenario is identified by its translation key, so switching language keeps the progress;
    the choices are replayed through the engine every time, which makes a forged or stale choice
    impossible to store."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scenario_plays"
    )
    scenario_key = models.UUIDField(_("scenario"), db_index=True)
    lesson_key = models.UUIDField(_("lesson"), null=True, blank=True)
    block_id = models.CharField(_("lesson block"), max_length=64, blank=True)
    registration = models.UUIDField(default=uuid.uuid4, editable=False)
    choices = models.JSONField(default=list)
    scores = models.JSONField(default=dict)
    ending_key = models.CharField(max_length=64, blank=True)
    score_scaled = models.FloatField(null=True, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("scenario play")
        indexes = [models.Index(fields=["user", "scenario_key", "lesson_key", "block_id"])]

    def __str__(self):
        return f"{self.user} · {self.scenario_key}"

    @property
    def finished(self):
        return self.finished_at is not None


class LiveSession(models.Model):
    """A workshop playing one scenario together; all of its state is in this row and its votes."""

    class Phase(models.TextChoices):
        LOBBY = "lobby", _("Waiting for participants")
        DECIDING = "deciding", _("Deciding")
        FEEDBACK = "feedback", _("Feedback")
        ENDED = "ended", _("Ended")

    scenario = models.ForeignKey(
        ScenarioPage, on_delete=models.CASCADE, related_name="live_sessions", verbose_name=_("scenario")
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scenario_sessions_run"
    )
    code = models.CharField(_("join code"), max_length=8, unique=True)
    registration = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    decision_mode = models.CharField(max_length=10, choices=DecisionMode.choices, default=DecisionMode.TURN)
    assign_roles = models.BooleanField(_("assign roles in turn"), default=False)
    max_participants = models.PositiveSmallIntegerField(default=40)
    phase = models.CharField(max_length=10, choices=Phase.choices, default=Phase.LOBBY)
    discussion = models.BooleanField(_("paused for discussion"), default=False)
    choices = models.JSONField(default=list)
    deciders = models.JSONField(default=list)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("live session")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.scenario.title} · {self.code}"


class Participant(models.Model):
    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scenario_participations"
    )
    role_key = models.CharField(_("role"), max_length=64)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="one_participation_per_session")
        ]

    def __str__(self):
        return f"{self.user} · {self.role_key}"


class Vote(models.Model):
    """A participant's choice at one step of a session: the decision itself in turn mode, one vote
    of the group otherwise. ``step`` is the number of decisions taken before it."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="votes")
    step = models.PositiveSmallIntegerField()
    scene_key = models.CharField(max_length=64)
    choice_key = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vote")
        constraints = [
            models.UniqueConstraint(fields=["session", "participant", "step"], name="one_vote_per_step")
        ]

    def __str__(self):
        return f"{self.participant} · {self.step} · {self.choice_key}"

"""Writes of the case library: facet rows and search vectors, the fixture loader, submissions and
their moderation, and the weekly digest."""

import hashlib
import json
import logging
from pathlib import Path

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Value
from django.utils.html import format_html_join
from django.utils.text import slugify
from wagtail.models import Locale
from wagtail.rich_text import get_text_for_indexing

from .models import CaseFacet, CaseIndexPage, CasePage
from .taxonomy import COUNTRIES, SECTORS, TARGET_GROUPS, THEMES, search_config

logger = logging.getLogger(__name__)

FIXTURE_PATH = Path(__file__).resolve().parent / "fixtures" / "cases.json"
TEXT_KEYS = ("title", "summary", "challenge", "activities", "results", "obstacles", "lessons", "funding")
RICH_TEXT_KEYS = ("challenge", "activities", "results", "obstacles", "lessons", "funding")


# --- index rows -------------------------------------------------------------------------------


def facet_rows(page):
    rows = [(CaseFacet.Facet.COUNTRY, page.country), (CaseFacet.Facet.SECTOR, page.sector)]
    rows += [(CaseFacet.Facet.THEME, slug) for slug in dict.fromkeys(page.themes or [])]
    rows += [(CaseFacet.Facet.TARGET, slug) for slug in dict.fromkeys(page.target_groups or [])]
    return [(facet, value) for facet, value in rows if value]


def _search_text(page):
    # Wagtail's plain-text version keeps a space between paragraphs: "staff.</p><p>Nobody" would
    # otherwise become one token, "staff.nobody", that no search for "staff" finds.
    sections = " ".join(get_text_for_indexing(getattr(page, name) or "") for name in RICH_TEXT_KEYS)
    return {
        "A": f"{page.title} {page.organisation}",
        "B": f"{page.region} {page.summary} {' '.join(str(name) for name in page.theme_names)}",
        "C": sections,
    }


@transaction.atomic
def index_case(page):
    """Rewrite the facet rows (and on PostgreSQL the search vector) of ``page`` from its fields."""
    CaseFacet.objects.filter(page_id=page.pk).delete()
    CaseFacet.objects.bulk_create(
        [CaseFacet(page_id=page.pk, facet=facet, value=value) for facet, value in facet_rows(page)]
    )
    if connection.vendor == "postgresql":
        config = search_config(page.locale.language_code)
        texts = _search_text(page)
        vector = None
        for weight, text in texts.items():
            part = SearchVector(Value(text), weight=weight, config=config)
            vector = part if vector is None else vector + part
        CasePage.objects.filter(pk=page.pk).update(search_vector=vector)


# --- the fixture ------------------------------------------------------------------------------


class FixtureError(ValueError):
    """The case fixture names a value outside the controlled vocabularies or misses a field."""


def paragraphs_to_html(text):
    """Plain text with blank lines between paragraphs, as rich-text paragraphs (escaped)."""
    paragraphs = [part.strip() for part in (text or "").split("\n\n") if part.strip()]
    return format_html_join("", "<p>{}</p>", ((paragraph,) for paragraph in paragraphs))


def validate_entry(entry):
    slug = entry.get("slug") or "?"
    problems = []
    for key in ("slug", "organisation", "country", "sector", "text"):
        if not entry.get(key):
            problems.append(f"missing {key}")
    if entry.get("country") and entry["country"] not in COUNTRIES:
        problems.append(f"unknown country {entry['country']}")
    if entry.get("sector") and entry["sector"] not in SECTORS:
        problems.append(f"unknown sector {entry['sector']}")
    problems += [f"unknown theme {slug_}" for slug_ in entry.get("themes", []) if slug_ not in THEMES]
    problems += [
        f"unknown target group {slug_}"
        for slug_ in entry.get("target_groups", [])
        if slug_ not in TARGET_GROUPS
    ]
    english = (entry.get("text") or {}).get("en") or {}
    if not english.get("title") or not english.get("summary"):
        problems.append("missing English title or summary")
    if problems:
        raise FixtureError(f"case {slug}: " + "; ".join(problems))


def read_fixture(path=FIXTURE_PATH):
    entries = json.loads(Path(path).read_text(encoding="utf-8"))
    for entry in entries:
        validate_entry(entry)
    return entries


def _fingerprint(entry, language):
    data = {key: value for key, value in entry.items() if key not in ("text", "years", "figures")}
    data["text"] = entry["text"].get(language)
    data["years"] = (entry.get("years") or {}).get(language)
    data["figures"] = [figure.get(language) for figure in entry.get("figures", [])]
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def fill_case_from_entry(page, entry, language):
    text = entry["text"][language]
    english_years = (entry.get("years") or {}).get("en", "")
    page.title = text["title"]
    page.summary = text["summary"]
    for key in RICH_TEXT_KEYS:
        setattr(page, key, paragraphs_to_html(text.get(key, "")))
    page.organisation = entry["organisation"]
    page.country = entry["country"]
    page.region = entry.get("region") or ""
    page.sector = entry["sector"]
    page.start_year = entry.get("start_year")
    page.end_year = entry.get("end_year")
    page.years = (entry.get("years") or {}).get(language) or english_years
    page.case_number = entry.get("number")
    page.source = entry.get("source") or ""
    page.themes = list(entry.get("themes", []))
    page.target_groups = list(entry.get("target_groups", []))
    page.links = [
        ("link", {"url": link["url"], "label": link.get("label") or link["url"]})
        for link in entry.get("links", [])
    ]
    page.figures = [
        ("figure", figure.get(language) or figure["en"])
        for figure in entry.get("figures", [])
        if figure.get("en")
    ]
    page.fixture_fingerprint = _fingerprint(entry, language)


def _publish(page):
    page.save_revision().publish()


def load_cases(index, entries):
    """Create or bring up to date the English case pages below ``index`` and their German
    translations; a case whose fixture entry is unchanged is not touched. Returns what changed."""
    changed = []
    german = Locale.objects.filter(language_code="de").first()
    german_index = index.get_translation_or_none(german) if german else None
    for entry in entries:
        page = CasePage.objects.child_of(index).filter(slug=entry["slug"]).first()
        if page is None:
            page = CasePage(slug=entry["slug"], locale=index.locale)
            fill_case_from_entry(page, entry, "en")
            index.add_child(instance=page)
            _publish(page)
            changed.append(f"case {entry['slug']}")
        elif page.fixture_fingerprint != _fingerprint(entry, "en"):
            fill_case_from_entry(page, entry, "en")
            _publish(page)
            changed.append(f"case {entry['slug']} (updated)")
        if "de" in entry["text"] and german_index is not None:
            translated = page.get_translation_or_none(german)
            if translated is None:
                # A translation of the English page (same translation key), placed under the German library.
                translated = page.copy_for_translation(german).specific
                fill_case_from_entry(translated, entry, "de")
                translated.slug = page.slug
                _publish(translated)
                changed.append(f"case {entry['slug']} (de)")
            else:
                translated = translated.specific
                if translated.fixture_fingerprint != _fingerprint(entry, "de"):
                    fill_case_from_entry(translated, entry, "de")
                    _publish(translated)
                    changed.append(f"case {entry['slug']} (de, updated)")
    return changed


def ensure_library(home, titles):
    """The library index below each home page; ``titles`` maps a language to (title, intro)."""
    index = CaseIndexPage.objects.child_of(home).filter(slug="cases").first()
    created = []
    if index is None:
        title, intro = titles["en"]
        index = CaseIndexPage(title=title, slug="cases", intro=intro, show_in_menus=True)
        home.add_child(instance=index)
        _publish(index)
        created.append("case library")
    for code, (title, intro) in titles.items():
        if code == "en":
            continue
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or home.get_translation_or_none(locale) is None:
            continue
        if index.get_translation_or_none(locale) is None:
            translated = index.copy_for_translation(locale).specific
            translated.title, translated.intro = title, intro
            _publish(translated)
            created.append(f"case library ({code})")
    return index, created


def unique_case_slug(index, title):
    base = slugify(title)[:70] or "case"
    slug, number = base, 2
    while CasePage.objects.child_of(index).filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def site_url(path):
    return settings.SITE_URL + path


# --- submissions and moderation ---------------------------------------------------------------

MODERATORS_GROUP = "Case moderators"
WORKFLOW_NAME = "Case moderation"


class SubmissionError(Exception):
    """The submission cannot be taken now (no library in this language, no moderation workflow)."""


def ensure_moderation():
    """The moderators' group, the review task and the workflow on every language's library.

    Moderators may edit and publish cases in the Wagtail admin; every page below a library, a
    submission included, goes through the workflow before it is published."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

    from .models import CaseReviewTask

    created = []
    group, made = Group.objects.get_or_create(name=MODERATORS_GROUP)
    if made:
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        created.append("case moderators group")
    task = CaseReviewTask.objects.filter(name="Case review").first()
    if task is None:
        task = CaseReviewTask.objects.create(name="Case review")
        task.groups.add(group)
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        created.append("case moderation workflow")
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=["add_page", "change_page", "publish_page"]
    )
    for index in CaseIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=index, permission=permission)
    return created


def _quiet_wagtail_notifications(user):
    """A submitter without admin access gets this app's e-mails (in their language, with links they
    can open) instead of Wagtail's, which point into the admin."""
    from wagtail.users.models import UserProfile

    if user.has_perm("wagtailadmin.access_admin"):
        return
    profile = UserProfile.get_for_user(user)
    if profile.approved_notifications or profile.rejected_notifications:
        profile.approved_notifications = profile.rejected_notifications = False
        profile.save(update_fields=["approved_notifications", "rejected_notifications"])


def _fill_from_form(page, data):
    page.title = data["title"]
    page.organisation = data["organisation_name"]
    page.country = data["country"]
    page.region = data.get("region") or ""
    page.sector = data["sector"]
    page.years = data.get("years") or ""
    page.start_year = data.get("start_year")
    page.end_year = data.get("end_year")
    page.target_groups = list(data.get("target_groups") or [])
    page.themes = list(data.get("themes") or [])
    page.summary = data["summary"]
    for key in RICH_TEXT_KEYS:
        setattr(page, key, data.get(key) or "")
    page.links = [("link", link) for link in data.get("links") or []]


def _store_image(uploaded, user, title):
    from wagtail.images import get_image_model

    image = get_image_model()(title=title[:255], file=uploaded, uploaded_by_user=user)
    image.save()
    return image


@transaction.atomic
def submit_case(*, user, organisation, data, language):
    """A draft case below the library of ``language``, in moderation, and the submitter told so."""
    from .models import CaseSubmission

    locale = Locale.objects.filter(language_code=language).first()
    index = CaseIndexPage.objects.filter(locale=locale).first() if locale else None
    if index is None:
        raise SubmissionError("no case library in this language")
    workflow = index.get_workflow()
    if workflow is None:
        raise SubmissionError("the case library has no moderation workflow")
    page = CasePage(locale=locale, owner=user, live=False, slug=unique_case_slug(index, data["title"]))
    _fill_from_form(page, data)
    if data.get("image"):
        page.image = _store_image(data["image"], user, data["title"])
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    submission = CaseSubmission.objects.create(
        page=page, submitted_by=user, organisation_id=organisation.pk, language=language
    )
    _quiet_wagtail_notifications(user)
    workflow.start(page, user)
    transaction.on_commit(lambda: notify_submitter(submission, "received"))
    return submission


@transaction.atomic
def resubmit_case(submission, *, data):
    """The submitter's changes as a new revision, and the review resumed where it asked for them."""
    from .models import CaseSubmission

    page = submission.page.get_latest_revision_as_object()
    _fill_from_form(page, data)
    if data.get("image"):
        page.image = _store_image(data["image"], submission.submitted_by, data["title"])
    page.save_revision(user=submission.submitted_by, log_action=True)
    submission.status = CaseSubmission.Status.IN_REVIEW
    submission.save(update_fields=["status", "updated_at"])
    state = submission.page.current_workflow_state
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        state.resume(user=submission.submitted_by)
    transaction.on_commit(lambda: notify_submitter(submission, "received"))
    return submission


def submission_for_page(page):
    from .models import CaseSubmission

    return CaseSubmission.objects.filter(page_id=page.pk).select_related("submitted_by", "page").first()


def changes_requested(page, comment):
    from .models import CaseSubmission

    submission = submission_for_page(page)
    if submission is None or submission.status == CaseSubmission.Status.DECLINED:
        return
    submission.status = CaseSubmission.Status.CHANGES_REQUESTED
    submission.moderator_comment = comment or ""
    submission.save(update_fields=["status", "moderator_comment", "updated_at"])
    transaction.on_commit(lambda: notify_submitter(submission, "changes_requested"))


def submission_published(page, comment=""):
    from .models import CaseSubmission

    submission = submission_for_page(page)
    if submission is None or submission.status == CaseSubmission.Status.PUBLISHED:
        return
    submission.status = CaseSubmission.Status.PUBLISHED
    submission.moderator_comment = comment or ""
    submission.save(update_fields=["status", "moderator_comment", "updated_at"])
    transaction.on_commit(lambda: notify_submitter(submission, "published"))


@transaction.atomic
def decline_submission(task_state, user, comment=""):
    """End the review without publishing; the draft stays for the record, the submitter is told why."""
    from .models import CaseSubmission

    page = task_state.workflow_state.content_object
    submission = submission_for_page(page)
    if submission is not None:
        submission.status = CaseSubmission.Status.DECLINED
        submission.moderator_comment = comment or ""
        submission.save(update_fields=["status", "moderator_comment", "updated_at"])
    task_state.cancel(user=user, comment=comment)
    task_state.workflow_state.cancel(user=user)
    if submission is not None:
        transaction.on_commit(lambda: notify_submitter(submission, "declined"))


def notify_submitter(submission, event):
    """E-mail the submitter about ``event`` (received, changes_requested, published, declined) in the
    language they submitted in."""
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.urls import reverse
    from django.utils import translation

    submission.refresh_from_db()
    user = submission.submitted_by
    language = submission.language or user.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        page = submission.page
        context = {
            "user": user,
            "submission": submission,
            "title": page.get_latest_revision_as_object().title,
            "comment": submission.moderator_comment,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "edit_url": site_url(reverse("cases:edit_submission", args=[submission.pk])),
            "submissions_url": site_url(reverse("cases:submissions")),
            "case_url": page.full_url if page.live else "",
        }
        subject = render_to_string(f"cases/email/{event}_subject.txt", context).strip()
        body = render_to_string(f"cases/email/{event}_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


# --- the weekly digest ------------------------------------------------------------------------

DIGEST_PERIOD_DAYS = 7


def subscribe_to_digest(user, language):
    from .models import DigestSubscription

    subscription, _created = DigestSubscription.objects.update_or_create(
        user=user, defaults={"active": True, "language": language}
    )
    return subscription


def unsubscribe_from_digest(subscription):
    if subscription.active:
        subscription.active = False
        subscription.save(update_fields=["active"])
    return subscription


def send_weekly_digest(now=None):
    """E-mail every active subscriber the cases published since their last digest (at most a week
    back), in their language; nobody gets an empty digest. Returns the number of e-mails sent."""
    from datetime import timedelta

    from django.core.mail import EmailMultiAlternatives
    from django.template.loader import render_to_string
    from django.urls import reverse
    from django.utils import timezone, translation

    from .models import DigestSubscription
    from .selectors import visible_cases

    now = now or timezone.now()
    week_ago = now - timedelta(days=DIGEST_PERIOD_DAYS)
    subscriptions = DigestSubscription.objects.filter(active=True, user__is_active=True).select_related(
        "user"
    )
    new_cases = {}
    sent = 0
    for subscription in subscriptions.order_by("language", "pk"):
        language = subscription.language or settings.LANGUAGE_CODE
        if language not in new_cases:
            new_cases[language] = list(
                visible_cases(language)
                .filter(first_published_at__gt=week_ago, first_published_at__lte=now)
                .order_by("-first_published_at")
                .defer("search_vector")
            )
        since = max(week_ago, subscription.last_sent_at or week_ago)
        cases = [case for case in new_cases[language] if case.first_published_at > since]
        if not cases:
            continue
        with translation.override(language):
            unsubscribe_url = site_url(reverse("cases:unsubscribe", args=[subscription.token]))
            context = {
                "user": subscription.user,
                "cases": [
                    {"title": case.title, "summary": case.summary, "url": case.full_url} for case in cases
                ],
                "unsubscribe_url": unsubscribe_url,
                "site_name": settings.WAGTAIL_SITE_NAME,
            }
            subject = render_to_string("cases/email/digest_subject.txt", context).strip()
            body = render_to_string("cases/email/digest_body.txt", context)
        message = EmailMultiAlternatives(
            subject,
            body,
            settings.DEFAULT_FROM_EMAIL,
            [subscription.user.email],
            # One-click unsubscribe from the mail client (RFC 8058).
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.send()
        subscription.last_sent_at = now
        subscription.save(update_fields=["last_sent_at"])
        sent += 1
    return sent

"""Writes of the workshops app: cohorts, joining, invitations, CSV lists, attendance, evaluations,
and the trainer's actions on a learner (through ``courses.services``) and on certificates (through
``certificates.services``)."""

import csv
import io
import re
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts import selectors as accounts_selectors
from accounts import services as accounts_services
from courses import selectors as courses_selectors
from courses import services as courses_services

from .models import (
    CODE_ALPHABET,
    Attendance,
    Cohort,
    EvaluationResponse,
    EvaluationTemplate,
    Invitation,
    JoinCode,
    Participant,
    SessionDay,
    new_code,
)

User = get_user_model()

MAX_CSV_ROWS = 500
MAX_CSV_BYTES = 512 * 1024


class WorkshopError(Exception):
    """An action that cannot be done; the message is translated and safe to show."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


# ---------------------------------------------------------------- cohorts and codes


@transaction.atomic
def create_cohort(
    trainer,
    *,
    organisation,
    title,
    course_keys,
    days,
    capacity,
    place="",
    meeting_url="",
    code_valid_days=14,
    stuck_after_days=7,
    self_assessment=None,
    satisfaction=None,
):
    """A new cohort of ``organisation`` run by ``trainer``, with its session days and a join code."""
    cohort = Cohort.objects.create(
        organisation=organisation,
        title=title,
        course_keys=[str(key) for key in course_keys],
        place=place,
        meeting_url=meeting_url,
        capacity=capacity,
        stuck_after_days=stuck_after_days,
        self_assessment=self_assessment,
        satisfaction=satisfaction,
    )
    cohort.trainers.add(trainer)
    SessionDay.objects.bulk_create([SessionDay(cohort=cohort, date=day) for day in sorted(set(days))])
    new_join_code(cohort, valid_days=code_valid_days)
    return cohort


def new_join_code(cohort, *, valid_days=14):
    expires_at = timezone.now() + timedelta(days=valid_days)
    for _attempt in range(10):
        try:
            with transaction.atomic():
                return JoinCode.objects.create(cohort=cohort, code=new_code(), expires_at=expires_at)
        except IntegrityError:
            continue  # the code is taken: one in a billion per try, so try another
    raise WorkshopError(_("No free join code could be made. Try again."))


def normalise_code(text):
    """What a person typed, as a code: spaces, dashes and case do not matter."""
    return re.sub(r"[\s\-]+", "", text or "").upper()


def cohort_for_code(text):
    """The cohort a typed code opens, or WorkshopError saying why not (unknown, expired, full)."""
    code = normalise_code(text)
    # Only a code that could exist is looked up: anything else (a stray symbol, a NUL character that
    # PostgreSQL would refuse) is simply unknown.
    possible = code and len(code) <= 12 and set(code) <= set(CODE_ALPHABET)
    found = JoinCode.objects.select_related("cohort").filter(code=code).first() if possible else None
    if found is None:
        raise WorkshopError(_("We do not know this code. Check it with your trainer and type it again."))
    if found.is_expired:
        raise WorkshopError(_("This code has expired. Ask your trainer for a new one."))
    cohort = found.cohort
    if cohort.participants.count() >= cohort.capacity:
        raise WorkshopError(_("This workshop is full. Ask your trainer whether a place frees up."))
    return cohort


def join(user, cohort, *, source=Participant.Source.CODE):
    """Give ``user`` a place in ``cohort`` and enrol them in its courses. Returns (participant, created).

    The capacity is checked under a lock on the cohort row, so two people taking the last place at
    once cannot both get it."""
    with transaction.atomic():
        locked = Cohort.objects.select_for_update().get(pk=cohort.pk)
        existing = Participant.objects.filter(cohort=locked, user=user).first()
        if existing is not None:
            return existing, False
        if Participant.objects.filter(cohort=locked).count() >= locked.capacity:
            raise WorkshopError(_("This workshop is full. Ask your trainer whether a place frees up."))
        participant = Participant.objects.create(cohort=locked, user=user, source=source)
        accounts_services.add_member(user, locked.organisation)
        for course in courses_selectors.courses_for_keys(locked.course_keys).values():
            courses_services.enrol(user, course, enrolled_by=None)
        Invitation.objects.filter(cohort=locked, email__iexact=user.email, accepted_at__isnull=True).update(
            accepted_at=timezone.now()
        )
    return participant, True


def create_account_and_join(cohort, *, first_name, last_name, email, password, language=""):
    """One short step for a newcomer at a workshop: an active account (the code the trainer handed
    out stands in for the e-mail confirmation) and a place in the cohort."""
    with transaction.atomic():
        user = accounts_services.sign_up(
            first_name=first_name, last_name=last_name, email=email, password=password, language=language
        )
        accounts_services.confirm_email(user)
        join(user, cohort)
    return user


# ---------------------------------------------------------------- invitations and lists


def join_url(request, cohort):
    code = cohort.join_codes.order_by("-expires_at").first()
    path = reverse("workshops:join_code", args=[code.code]) if code else reverse("workshops:join")
    return request.build_absolute_uri(path)


def invite(trainer, cohort, emails, request):
    """Send each address the join link; an address invited before is sent it again. Returns the
    number of e-mails sent."""
    url = join_url(request, cohort)
    sent = 0
    for email in emails:
        invitation, _created = Invitation.objects.get_or_create(
            cohort=cohort, email=email.lower(), defaults={"invited_by": trainer}
        )
        _send_invitation(cohort, email, url, trainer)
        sent += 1
    return sent


def _send_invitation(cohort, email, url, trainer, *, set_password_url=None):
    person = accounts_selectors.user_with_email(email)
    language = (person.preferred_language if person else "") or translation.get_language()
    context = {
        "cohort": cohort,
        "url": url,
        "trainer": trainer,
        "set_password_url": set_password_url,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    with translation.override(language):
        subject = render_to_string("workshops/email/invitation_subject.txt", context).strip()
        body = render_to_string("workshops/email/invitation_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])


def read_participant_list(uploaded):
    """Rows of a CSV list (columns ``email``, ``first_name``, ``last_name``) checked one by one.

    Returns (good rows, problems): each good row is a dict, each problem (line number, message).
    Nothing is stored; the trainer confirms the good rows afterwards."""
    raw = uploaded.read(MAX_CSV_BYTES + 1)
    if len(raw) > MAX_CSV_BYTES:
        raise WorkshopError(_("The file is larger than 512 KB. Split the list into smaller files."))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise WorkshopError(_("Save the list as a CSV file in UTF-8 and upload it again.")) from error
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text.strip() else ",", delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    columns = {(name or "").strip().lower() for name in (reader.fieldnames or [])}
    if "email" not in columns:
        raise WorkshopError(
            _("The first line must name the columns: email, first_name, last_name (email is required).")
        )
    good, problems, seen = [], [], set()
    for number, row in enumerate(reader, start=2):
        if number - 1 > MAX_CSV_ROWS:
            problems.append(
                (number, _("Only the first %(count)s people are read.") % {"count": MAX_CSV_ROWS})
            )
            break
        row = {(key or "").strip().lower(): (value or "").strip() for key, value in row.items() if key}
        email = row.get("email", "").lower()
        if not any(row.values()):
            continue
        try:
            validate_email(email)
        except ValidationError:
            problems.append((number, _("“%(value)s” is not an e-mail address.") % {"value": email or "—"}))
            continue
        if email in seen:
            problems.append((number, _("%(email)s is listed twice.") % {"email": email}))
            continue
        if len(row.get("first_name", "")) > 150 or len(row.get("last_name", "")) > 150:
            problems.append((number, _("Names may have at most 150 characters.")))
            continue
        seen.add(email)
        good.append(
            {"email": email, "first_name": row.get("first_name", ""), "last_name": row.get("last_name", "")}
        )
    return good, problems


def enrol_list(trainer, cohort, rows, request):
    """Give every confirmed row a place: existing accounts join, new people get an account without a
    password and an e-mail with the join link and a link to choose a password. All or nothing.

    Returns (joined, already there)."""
    free = cohort.capacity - cohort.participants.count()
    existing = set(cohort.participants.values_list("user__email", flat=True))
    newcomers = [row for row in rows if row["email"] not in existing]
    if len(newcomers) > free:
        raise WorkshopError(
            _("The list has %(count)s new people but the workshop has %(free)s free places.")
            % {"count": len(newcomers), "free": max(free, 0)}
        )
    joined = 0
    url = join_url(request, cohort)
    reset_url = request.build_absolute_uri(reverse("accounts:password_reset"))
    with transaction.atomic():
        for row in newcomers:
            user = accounts_selectors.user_with_email(row["email"])
            created = user is None
            if created:
                user = User.objects.create_user(
                    email=row["email"], first_name=row["first_name"], last_name=row["last_name"]
                )
            join(user, cohort, source=Participant.Source.LIST)
            joined += 1
            transaction.on_commit(
                lambda email=row["email"], created=created: _send_invitation(
                    cohort, email, url, trainer, set_password_url=reset_url if created else None
                )
            )
    return joined, len(rows) - len(newcomers)


# ---------------------------------------------------------------- attendance


def mark_attendance(trainer, cohort, day, present_user_ids):
    """Set who was there on ``day``: the listed participants present, everyone else absent."""
    participants = set(cohort.participants.values_list("user_id", flat=True))
    present = {user_id for user_id in present_user_ids if user_id in participants}
    with transaction.atomic():
        for user_id in participants:
            Attendance.objects.update_or_create(
                day=day, user_id=user_id, defaults={"present": user_id in present, "marked_by": trainer}
            )
    return len(present)


# ---------------------------------------------------------------- a trainer's actions on a learner


def grant_quiz_attempt(trainer, learner, lesson, block_id):
    try:
        return courses_services.grant_quiz_attempt(trainer, learner, lesson, block_id)
    except courses_services.CourseActionError as error:
        raise WorkshopError(error.message) from error
    except PermissionDenied as error:
        raise WorkshopError(str(error)) from error


def reset_lesson(trainer, learner, lesson):
    try:
        return courses_services.reset_lesson(trainer, learner, lesson)
    except courses_services.CourseActionError as error:
        raise WorkshopError(error.message) from error
    except PermissionDenied as error:
        raise WorkshopError(str(error)) from error


def issue_certificates(trainer, cohort, *, minimum_attendance_percent):
    """Certificates for every participant who completed a cohort course and attended at least
    ``minimum_attendance_percent`` of the session days, through the certificate rules
    (``issue_to_learners``: a current certificate is kept, none is issued twice).

    Returns {course key: number of people issued or confirmed}."""
    from certificates import services as certificates

    from .selectors import attendance_share, participants_of

    people = participants_of(cohort)
    share = attendance_share(cohort, people)
    attended = [person for person in people if share.get(person.pk, 0) * 100 >= minimum_attendance_percent]
    results = {}
    with transaction.atomic():
        for key, course in courses_selectors.courses_for_keys(cohort.course_keys).items():
            completed = courses_selectors.completion_dates(key, attended)
            learners = [person for person in attended if completed.get(person.pk)]
            certificates.issue_to_learners(learners, course, issued_by=trainer)
            results[str(key)] = len(learners)
    return results


# ---------------------------------------------------------------- evaluation


def rating_items(template):
    return [item for item in template.items if item.block_type in ("self_assessment", "rating")]


def submit_evaluation(user, cohort, template, phase, data):
    """Store a participant's answers (1–5 for ratings, free text for open questions), replacing an
    earlier answer in the same phase. Raises WorkshopError on anything else, storing nothing."""
    if template.kind == EvaluationTemplate.Kind.SELF_ASSESSMENT and phase not in ("before", "after"):
        raise WorkshopError(_("This self-assessment is taken before or after the workshop."))
    if template.kind == EvaluationTemplate.Kind.SATISFACTION and phase != "end":
        raise WorkshopError(_("The satisfaction form is taken at the end of the workshop."))
    answers = {}
    for item in template.items:
        value = (data.get(f"item-{item.id}") or "").strip()
        if item.block_type == "open":
            if len(value) > 2000:
                raise WorkshopError(_("Keep each answer under 2000 characters."))
            if value:
                answers[item.id] = value
            continue
        if value not in {"1", "2", "3", "4", "5"}:
            raise WorkshopError(_("Choose a value from 1 to 5 for every statement."))
        answers[item.id] = int(value)
    response, _created = EvaluationResponse.objects.update_or_create(
        cohort=cohort, template=template, user=user, phase=phase, defaults={"answers": answers}
    )
    return response

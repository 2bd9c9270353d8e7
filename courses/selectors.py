"""Reads that pages, dashboards and other apps share.

Queries here are bounded: a course page or a lesson page costs the same number of queries whether
the course has six lessons or sixty (one query for modules, one for lessons, one for progress)."""

import copy
import uuid

from django.conf import settings
from django.db.models import Aggregate, Count, Exists, F, Max, OuterRef, Q, Subquery, TextField
from django.db.models.functions import Cast
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.selectors import may_enrol_others
from tracking.services import activity_iri
from website import routing, treecache
from website.countries import COUNTRY_CHOICES
from website.queries import PreparedQuery

from .models import (
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
    ModulePage,
    QuizAttempt,
    QuizAttemptGrant,
    ReflectionAnswer,
)
from .models.pages import DURATION_CHOICES, TOPIC_CHOICES
from .progress import course_progress, is_new


def course_of(page):
    """The CoursePage above a module or lesson page (or the page itself), or None."""
    if isinstance(page, CoursePage):
        return page
    if isinstance(page, LessonPage):
        module = module_of(page)
        return course_of(module) if module is not None else None
    parent = getattr(page, "_cached_parent_obj", None)
    if isinstance(parent, CoursePage):
        return parent
    return CoursePage.objects.ancestor_of(page).select_related("locale").first()


def module_of(lesson):
    parent = getattr(lesson, "_cached_parent_obj", None)
    if isinstance(parent, ModulePage):
        return parent
    return ModulePage.objects.ancestor_of(lesson).first()


def lesson_parents(lesson):
    """(module, course) of a lesson page, each a live-or-not page object, or None where missing.

    The router sets them when it walks the tree; otherwise they come from the cache (and the
    process memory), keyed by the page-tree version: any publish, unpublish, move or delete starts
    afresh. Each request gets its own copies of the page objects."""
    key = ("lesson-parents", lesson.pk)
    timeout = settings.COURSES_OUTLINE_CACHE_SECONDS
    module = getattr(lesson, "_cached_parent_obj", None)
    if isinstance(module, ModulePage) and isinstance(getattr(module, "_cached_parent_obj", None), CoursePage):
        # Routed through the tree just now: keep them for the visits that come from the route cache.
        found = (copy.copy(module), copy.copy(module._cached_parent_obj))
        treecache.cached(key, lambda: found, timeout=timeout)
        return module, module._cached_parent_obj

    def build():
        step = ModulePage.steplen
        module = ModulePage.objects.filter(path=lesson.path[:-step]).first()
        course = (
            CoursePage.objects.defer_streamfields()
            .select_related("locale")
            .filter(path=lesson.path[: -2 * step])
            .first()
        )
        return (module, course)

    found = treecache.cached(key, build, timeout=timeout)
    module, course = (copy.copy(page) if page is not None else None for page in found)
    if module is not None:
        lesson._cached_parent_obj = module
        if course is not None:
            module._cached_parent_obj = course
    return module, course


def page_url(request, page):
    """``page.get_url(request)``, remembered per site and page-tree version (a lesson page shows the
    course URL in its outline, breadcrumb and links)."""
    site = routing.site_for(request)
    return treecache.cached(
        ("page-url", site.pk if site else 0, page.pk),
        lambda: page.get_url(request) or "",
        timeout=settings.COURSES_OUTLINE_CACHE_SECONDS,
    )


def enrolment_for(user, page):
    """The learner's enrolment in the course of ``page`` (any language), or None."""
    if user is None or not user.is_authenticated:
        return None
    course = course_of(page)
    if course is None:
        return None
    # At most one row (unique per user and course): no ORDER BY needed.
    enrolment = next(
        iter(Enrolment.objects.filter(user=user, course_key=course.translation_key).order_by()[:1]), None
    )
    if enrolment is not None:
        enrolment.user = user  # statements about the enrolment need the user: spare the query
    return enrolment


def is_enrolled(user, lesson_or_course):
    return enrolment_for(user, lesson_or_course) is not None


def lesson_context(user, lesson):
    """The registration, pages and activity IRIs a statement about ``lesson`` is stamped with."""
    module = module_of(lesson)
    course = course_of(module) if module is not None else None
    enrolment = (
        Enrolment.objects.filter(user=user, course_key=course.translation_key).first()
        if course is not None and user is not None and user.is_authenticated
        else None
    )
    return {
        "registration": enrolment.registration if enrolment else None,
        "enrolment": enrolment,
        "course": course,
        "module": module,
        "lesson": lesson,
        "course_iri": activity_iri("course", course.translation_key) if course else None,
        "module_iri": activity_iri("module", module.translation_key) if module else None,
        "lesson_iri": activity_iri("lesson", lesson.translation_key),
    }


def _child_url(course, base_url, page):
    # Every page below a course shares its site and locale, so its URL is the course URL plus the
    # rest of its path; this avoids resolving sixty URLs one by one.
    return base_url + page.url_path[len(course.url_path) :]


class OutlineEntry:
    """A module or lesson in the cached course structure (what the outline needs, no page object)."""

    def __init__(self, **fields):
        self.__dict__.update(fields)


def course_structure(course):
    """Live modules and lessons of ``course`` in order, kept under the page-tree version.

    Two queries on a miss, none on a hit (and no cache round trip once a process holds it): every
    change that can alter it bumps the version — publish, unpublish, move, slug change, delete and
    every save of a page that is not draft bookkeeping (``website.signals``). Translation keys are
    kept as strings: they are compared with progress rows on every page. Shared by every request of
    the process: read it, never change it."""

    def build():
        modules = list(
            ModulePage.objects.child_of(course)
            .live()
            .order_by("path")
            .values("pk", "path", "title", "url_path", "translation_key")
        )
        lessons = list(
            LessonPage.objects.descendant_of(course)
            .live()
            .order_by("path")
            .values("pk", "path", "title", "url_path", "translation_key", "estimated_minutes")
        )
        for row in modules + lessons:
            row["translation_key"] = str(row["translation_key"])
        return {"modules": modules, "lessons": lessons}

    return treecache.cached(
        ("course-structure", course.pk), build, timeout=settings.COURSES_OUTLINE_CACHE_SECONDS
    )


class _JoinedKeys(Aggregate):
    """Comma-separated text of the grouped values: ``string_agg`` on PostgreSQL, ``group_concat`` on
    SQLite."""

    function = "STRING_AGG"
    template = "%(function)s(%(expressions)s, ',')"
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="GROUP_CONCAT", **extra_context)


def _with_progress_summary(enrolments, current_key):
    """``enrolments`` with three columns that summarise their progress rows in the same row:
    ``done_lessons`` (the completed lessons' keys, comma-separated), ``current_launched_at`` and
    ``current_has_row`` (the row of the lesson with ``current_key``, if any).

    A learner deep into a 60-lesson course has 60 progress rows; a join would return (and the driver
    parse) the enrolment's columns and three timestamps 60 times over, a third of a lesson page's
    CPU. One row with one string costs the same for 6 lessons or 60."""
    rows = LessonProgress.objects.filter(enrolment=OuterRef("pk")).order_by()
    completed = (
        rows.filter(completed_at__isnull=False)
        .values("enrolment")
        .annotate(keys=_JoinedKeys(Cast("lesson_key", output_field=TextField())))
        .values("keys")
    )
    current = rows.filter(lesson_key=current_key)
    return enrolments.annotate(
        done_lessons=Subquery(completed, output_field=TextField()),
        current_launched_at=Subquery(current.values("last_launched_at")[:1]),
        current_has_row=Exists(current),
    )


def _summarise_progress(done_lessons, current_launched_at, current_has_row):
    """(keys of completed lessons as canonical strings, last opening of the current lesson, whether
    the current lesson has a progress row) from the columns ``_with_progress_summary`` adds. SQLite
    keeps UUIDs as 32 hex digits, PostgreSQL's text form has dashes: both read as ``str(UUID)``."""
    done = set()
    for key in (done_lessons or "").split(","):
        if len(key) == 36:
            done.add(key)
        elif key:
            done.add(str(uuid.UUID(key)))
    return done, current_launched_at, bool(current_has_row)


# The current lesson's key when there is none (the course page): no lesson has it.
_NO_LESSON = uuid.UUID(int=0)
_KEY_FIELD = LessonProgress._meta.get_field("lesson_key")
_ENROLMENT_WITH_PROGRESS = PreparedQuery(
    Enrolment,
    lambda user_id, course_key, current_key: _with_progress_summary(
        Enrolment.objects.filter(user_id=user_id, course_key=course_key).order_by(), current_key
    ),
    user_id=Enrolment._meta.get_field("user"),
    course_key=Enrolment._meta.get_field("course_key"),
    current_key=_KEY_FIELD,
)
_PROGRESS_OF_ENROLMENT = PreparedQuery(
    Enrolment,
    lambda enrolment_id, current_key: _with_progress_summary(
        Enrolment.objects.filter(pk=enrolment_id).order_by(), current_key
    ),
    enrolment_id=Enrolment._meta.pk,
    current_key=_KEY_FIELD,
)


def _progress(enrolment, current_key=None):
    """``_summarise_progress`` of an enrolment's progress rows, one query returning one row."""
    found = _PROGRESS_OF_ENROLMENT.first(enrolment_id=enrolment.pk, current_key=current_key or _NO_LESSON)
    if found is None:
        return set(), None, False
    return _summarise_progress(found.done_lessons, found.current_launched_at, found.current_has_row)


def enrolment_with_progress(user, course, current_key):
    """(enrolment, progress) of a learner in ``course``, read together in one query of one row.

    ``progress`` is what ``_progress`` returns; (None, None) when the user is not enrolled. The lesson
    page needs both on every visit."""
    if user is None or not user.is_authenticated:
        return None, None
    enrolment = _ENROLMENT_WITH_PROGRESS.first(
        user_id=user.pk, course_key=course.translation_key, current_key=current_key or _NO_LESSON
    )
    if enrolment is None:
        return None, None
    enrolment.user = user  # statements about the enrolment need the user: spare the query
    progress = _summarise_progress(
        enrolment.done_lessons, enrolment.current_launched_at, enrolment.current_has_row
    )
    return enrolment, progress


def lessons_in_other_languages(request, course, structure):
    """Live lessons that another language version of ``course`` has and this one lacks yet.

    They count towards completion (see ``services._lessons_in_every_language``), so the outline
    lists them with a link to the language they exist in. Two queries on a miss, then kept under
    the page-tree version."""
    site = routing.site_for(request)

    def build():
        own = {row["translation_key"] for row in structure["lessons"]}
        paths = list(
            CoursePage.objects.live()
            .filter(translation_key=course.translation_key)
            .exclude(pk=course.pk)
            .values_list("path", flat=True)
        )
        names = dict(settings.LANGUAGES)
        found, seen = [], set()
        if paths:
            below = Q()
            for path in paths:
                below |= Q(path__startswith=path, depth__gt=course.depth)
            for lesson in LessonPage.objects.live().filter(below).select_related("locale").order_by("path"):
                lesson_key = str(lesson.translation_key)
                if lesson_key in own or lesson_key in seen:
                    continue
                seen.add(lesson_key)
                code = lesson.locale.language_code
                found.append(
                    {
                        "key": lesson_key,
                        "title": lesson.title,
                        "url": lesson.get_url(request) or "",
                        "language": code,
                        "language_name": names.get(code, code),
                    }
                )
        return tuple(found)

    return treecache.cached(
        ("other-language-lessons", site.pk if site else 0, course.pk),
        build,
        timeout=settings.COURSES_OUTLINE_CACHE_SECONDS,
    )


def course_outline(request, course, enrolment=None, current_key=None, progress=None):
    """Modules with their lessons, ticks and URLs, in order, plus course-wide progress.

    With ``current_key`` (a lesson's translation key), the outline also says when the learner last
    opened that lesson (``current_launched_at``) and whether it has a progress row yet
    (``current_has_progress``). ``progress``, when the caller read it already (see
    ``enrolment_with_progress``), spares the query."""
    base_url = page_url(request, course)
    structure = course_structure(course)
    done_keys, current_launched_at, current_has_row = set(), None, False
    if progress is not None:
        done_keys, current_launched_at, current_has_row = progress
    elif enrolment is not None:
        done_keys, current_launched_at, current_has_row = _progress(enrolment, current_key)
    prefix = len(course.url_path)
    by_module = {}
    module_entries = []
    for row in structure["modules"]:
        entry = {"page": OutlineEntry(**row), "lessons": [], "url": base_url + row["url_path"][prefix:]}
        by_module[row["path"]] = entry
        module_entries.append(entry)
    flat = []
    steplen = ModulePage.steplen
    for row in structure["lessons"]:
        entry = by_module.get(row["path"][:-steplen])
        if entry is None:
            continue
        item = {
            "page": OutlineEntry(**row),
            "url": base_url + row["url_path"][prefix:],
            "done": row["translation_key"] in done_keys,
            "index": len(flat),
        }
        entry["lessons"].append(item)
        flat.append(item)
    for entry in module_entries:
        entry["done_count"] = sum(1 for item in entry["lessons"] if item["done"])
        entry["done"] = bool(entry["lessons"]) and entry["done_count"] == len(entry["lessons"])
    others = [
        {**lesson, "done": lesson["key"] in done_keys}
        for lesson in lessons_in_other_languages(request, course, structure)
    ]
    completed = enrolment is not None and enrolment.completed_at is not None
    for item in flat + others:
        item["new"] = is_new(item["done"], completed)
    state = course_progress((item["done"] for item in flat + others), completed)
    return {
        "course_pk": course.pk,
        "modules": module_entries,
        "lessons": flat,
        "other_language_lessons": others,
        "lesson_count": len(flat) + len(others),
        **state,
        "next_lesson": next((item for item in flat + others if not item["done"]), None),
        "url": base_url,
        "current_launched_at": current_launched_at,
        "current_has_progress": current_has_row,
    }


def course_page_context(request, course):
    enrolment, progress = enrolment_with_progress(request.user, course, None)
    outline = course_outline(request, course, enrolment, progress=progress)
    return {
        "enrolment": enrolment,
        "outline": outline,
        "can_enrol_others": may_enrol_others(request.user),
        "can_take_again": can_take_again(request.user, course, enrolment),
    }


def can_take_again(user, course, enrolment):
    """Whether to offer "Take the course again": a finished pass and a certificate due for renewal.

    Costs one query, and only for learners who have completed the course."""
    if enrolment is None or enrolment.completed_at is None or not course.live:
        return False
    from .services import renewal_due_for

    return renewal_due_for(user, course)


def module_page_context(request, module):
    course = course_of(module)
    enrolment = enrolment_for(request.user, course)
    outline = course_outline(request, course, enrolment)
    entry = next((item for item in outline["modules"] if item["page"].pk == module.pk), None)
    return {"course": course, "enrolment": enrolment, "outline": outline, "module_entry": entry}


def lesson_access(user, lesson):
    """ "open", "locked" (403: not enrolled) or "missing" (404) for ``user`` and a live lesson page.

    The lesson page and everything it calls (H5P saved state, package files) decide with this, so
    an endpoint never allows what the page refuses."""
    module, course = lesson_parents(lesson)
    if course is None or module is None or not (course.live and module.live and lesson.live):
        return "missing"
    if enrolment_for(user, course) is None:
        return "locked"
    return "open"


def lesson_page_context(request, lesson):
    """Everything the lesson page shows, or None when the lesson must not be served (404)."""
    module, course = lesson_parents(lesson)
    is_preview = getattr(request, "is_preview", False)
    if course is None or (not is_preview and not (course.live and module.live)):
        return None
    enrolment, progress = enrolment_with_progress(request.user, course, lesson.translation_key)
    state = {"course": course, "module": module, "enrolment": enrolment, "locked": False}
    if enrolment is None and not is_preview:
        state["locked"] = True
        state["course_url"] = course.get_url(request)
        return state
    outline = course_outline(
        request, course, enrolment, current_key=lesson.translation_key, progress=progress
    )
    current = next((item for item in outline["lessons"] if item["page"].pk == lesson.pk), None)
    index = current["index"] if current else None
    lessons = outline["lessons"]
    state.update(
        {
            "outline": outline,
            "current": current,
            "position": (index + 1) if index is not None else None,
            "previous_lesson": lessons[index - 1] if index else None,
            "next_lesson": lessons[index + 1] if index is not None and index + 1 < len(lessons) else None,
            "lesson_done": bool(current and current["done"]),
            "quiz_attempts": {},
            "reflections": {},
        }
    )
    if enrolment is not None:
        # Only lessons that hold a quiz or a reflection prompt pay for the learner's answers.
        block_types = {block["type"] for block in lesson.body.raw_data}
        if "quiz" in block_types:
            for attempt in QuizAttempt.objects.filter(
                enrolment=enrolment, lesson_key=lesson.translation_key, cycle=enrolment.cycle
            ):
                state["quiz_attempts"].setdefault(attempt.block_id, []).append(attempt)
            state["quiz_grants"] = dict(
                QuizAttemptGrant.objects.filter(
                    enrolment=enrolment, lesson_key=lesson.translation_key, cycle=enrolment.cycle
                )
                .values_list("block_id")
                .annotate(extra=Count("pk"))
                .values_list("block_id", "extra")
            )
        if "reflection" in block_types:
            state["reflections"] = dict(
                ReflectionAnswer.objects.filter(
                    user=request.user, lesson_key=lesson.translation_key
                ).values_list("block_id", "text")
            )
    return state


def catalogue_context(request, catalogue):
    """Courses below the catalogue, filtered by the GET parameters the filter form sends."""
    from .forms import CatalogueFilterForm

    form = CatalogueFilterForm(request.GET or None)
    courses = CoursePage.objects.child_of(catalogue).live().order_by("path").defer_streamfields()
    if form.is_valid():
        data = form.cleaned_data
        if data.get("topic"):
            courses = courses.filter(topic=data["topic"])
        if data.get("country"):
            # Codes are validated two-letter words, so a substring match cannot cross codes.
            courses = courses.filter(countries__contains=data["country"]) | courses.filter(countries="")
        if data.get("language"):
            courses = courses.filter(
                translation_key__in=CoursePage.objects.live()
                .filter(locale__language_code=data["language"])
                .values("translation_key")
            )
        if data.get("duration"):
            _code, _label, low, high = next(item for item in DURATION_CHOICES if item[0] == data["duration"])
            courses = courses.filter(estimated_duration_minutes__gte=low)
            if high is not None:
                courses = courses.filter(estimated_duration_minutes__lte=high)
    courses = list(courses)
    languages = {}
    names = dict(settings.LANGUAGES)
    for key, code in (
        CoursePage.objects.live()
        .filter(translation_key__in=[course.translation_key for course in courses])
        .values_list("translation_key", "locale__language_code")
    ):
        languages.setdefault(key, []).append(names.get(code, code))
    enrolments = {}
    if request.user.is_authenticated:
        enrolments = {
            enrolment.course_key: enrolment
            for enrolment in Enrolment.objects.filter(
                user=request.user, course_key__in=[course.translation_key for course in courses]
            )
        }
    topics = dict(TOPIC_CHOICES)
    entries = [
        {
            "page": course,
            "topic": topics.get(course.topic, ""),
            "languages": sorted(languages.get(course.translation_key, [])),
            "enrolment": enrolments.get(course.translation_key),
        }
        for course in courses
    ]
    return {
        "filter_form": form,
        "courses": entries,
        "filtered": bool(form.is_bound and form.is_valid() and any(form.cleaned_data.values())),
        "country_choices": COUNTRY_CHOICES,
    }


def my_learning(request):
    """Courses the user is enrolled in, in the current language where it exists, with progress and
    the next incomplete lesson. Four queries however many courses.

    Progress counts what completion counts (``services._lessons_in_every_language``): the lessons of
    the version shown plus those only another live language version has yet, which Resume opens in
    their language once the shown version's lessons are done."""
    user = request.user
    enrolments = list(Enrolment.objects.filter(user=user).order_by("-last_activity_at", "-enrolled_at"))
    if not enrolments:
        return {"in_progress": [], "completed": []}
    language = translation.get_language()
    keys = [enrolment.course_key for enrolment in enrolments]
    versions, all_versions = {}, {}
    for course in (
        CoursePage.objects.live().filter(translation_key__in=keys).select_related("locale").order_by("path")
    ):
        all_versions.setdefault(course.translation_key, []).append(course)
        chosen = versions.get(course.translation_key)
        if chosen is None or (
            course.locale.language_code == language and chosen.locale.language_code != language
        ):
            versions[course.translation_key] = course
    lessons_by_version = {}  # course version path -> its live lessons in order
    if versions:
        condition = Q()
        for course in (course for group in all_versions.values() for course in group):
            condition |= Q(path__startswith=course.path, depth__gt=course.depth)
            lessons_by_version[course.path] = []
        prefix_lengths = {len(path) for path in lessons_by_version}
        for lesson in (
            LessonPage.objects.live()
            .filter(condition)
            .order_by("path")
            .only("path", "url_path", "translation_key")
        ):
            for length in prefix_lengths:
                found = lessons_by_version.get(lesson.path[:length])
                if found is not None:
                    found.append(lesson)
                    break
    done = set(
        LessonProgress.objects.filter(enrolment__in=enrolments, completed_at__isnull=False).values_list(
            "enrolment_id", "lesson_key"
        )
    )
    in_progress, completed = [], []
    for enrolment in enrolments:
        course = versions.get(enrolment.course_key)
        if course is None:
            continue
        base_url = course.get_url(request) or ""
        # (lesson, the course version it belongs to): the shown version's first, then the rest.
        lessons = [(lesson, course) for lesson in lessons_by_version.get(course.path, [])]
        seen = {lesson.translation_key for lesson, _version in lessons}
        for other in all_versions[enrolment.course_key]:
            if other.pk == course.pk:
                continue
            for lesson in lessons_by_version.get(other.path, []):
                if lesson.translation_key not in seen:
                    seen.add(lesson.translation_key)
                    lessons.append((lesson, other))
        state = course_progress(
            ((enrolment.pk, lesson.translation_key) in done for lesson, _version in lessons),
            enrolment.completed_at is not None,
        )
        finished = state["done"]
        next_lesson, next_version = next(
            (
                (lesson, version)
                for lesson, version in lessons
                if (enrolment.pk, lesson.translation_key) not in done
            ),
            (None, None),
        )
        if next_lesson is None:
            resume_url = base_url
        elif next_version is course:
            resume_url = _child_url(course, base_url, next_lesson)
        else:
            resume_url = _child_url(next_version, next_version.get_url(request) or "", next_lesson)
        entry = {
            "enrolment": enrolment,
            "course": course,
            "url": base_url,
            **state,
            "resume_url": resume_url,
            "resume_label": _("Resume") if finished else _("Start"),
        }
        (completed if enrolment.completed_at else in_progress).append(entry)
    return {"in_progress": in_progress, "completed": completed}


# Reads other apps (certificates, workshops) make about enrolments and course pages.


def enrolment_of(user, course_key):
    """The enrolment of ``user`` in the course with ``course_key`` (any language), or None."""
    return Enrolment.objects.filter(user=user, course_key=course_key).first()


def enrolled_user_ids(course_key):
    """A subquery of the ids of the people enrolled in the course with ``course_key``."""
    return Enrolment.objects.filter(course_key=course_key).values("user_id")


def completion_dates(course_key, users):
    """{user id: completed_at or None} of ``users``' enrolments in the course with ``course_key``."""
    return dict(
        Enrolment.objects.filter(course_key=course_key, user__in=users).values_list("user_id", "completed_at")
    )


def courses_renewed_by(course):
    """Course pages (any language) that name ``course`` as their refresher."""
    return list(CoursePage.objects.filter(refresher_course__translation_key=course.translation_key))


def course_choices():
    """One page per course (the default language's when it exists), sorted by title."""
    seen = {}
    for page in CoursePage.objects.select_related("locale").order_by("title"):
        if page.translation_key not in seen or page.locale.language_code == settings.LANGUAGE_CODE:
            seen[page.translation_key] = page
    return sorted(seen.values(), key=lambda page: page.title.lower())


# Reads for dashboards (workshops, company and admin statistics): set-based, a fixed number of
# queries for any number of people and lessons.


def course_for_key(course_key, language=None):
    """The live course page with ``course_key`` in ``language`` when it exists, else any live one."""
    language = language or translation.get_language()
    pages = list(
        CoursePage.objects.live().filter(translation_key=course_key).select_related("locale").order_by("pk")
    )
    return next((page for page in pages if page.locale.language_code == language), None) or next(
        iter(pages), None
    )


def courses_for_keys(course_keys, language=None):
    """{course key: live course page in ``language`` or any language}, one query."""
    language = language or translation.get_language()
    found = {}
    for page in (
        CoursePage.objects.live()
        .filter(translation_key__in=list(course_keys))
        .select_related("locale")
        .defer_streamfields()
        .order_by("pk")
    ):
        chosen = found.get(page.translation_key)
        if chosen is None or (
            page.locale.language_code == language and chosen.locale.language_code != language
        ):
            found[page.translation_key] = page
    return found


def course_lessons(course):
    """The live lessons of ``course`` in order as dicts (pk, title, translation_key as a string), from
    the page-tree cache."""
    return course_structure(course)["lessons"]


def quizzes_of(course):
    """Every quiz block in the course's live lessons, in order: dicts with the lesson's key, pk and
    title, the block id, the quiz title and its attempt limit. One query on a miss, then kept under
    the page-tree version."""

    def build():
        found = []
        for lesson in (
            LessonPage.objects.descendant_of(course)
            .live()
            .order_by("path")
            .only("pk", "title", "translation_key", "body")
        ):
            for block in lesson.body.raw_data:
                if block.get("type") == "quiz":
                    value = block.get("value") or {}
                    found.append(
                        {
                            "lesson_key": str(lesson.translation_key),
                            "lesson_pk": lesson.pk,
                            "lesson_title": lesson.title,
                            "block_id": block.get("id", ""),
                            "title": value.get("title", ""),
                            "max_attempts": value.get("max_attempts") or 0,
                        }
                    )
        return tuple(found)

    return treecache.cached(
        ("course-quizzes", course.pk), build, timeout=settings.COURSES_OUTLINE_CACHE_SECONDS
    )


def _keys(joined):
    return _summarise_progress(joined, None, False)[0]


def progress_grid(user_ids, course_key):
    """{user id: {"enrolment", "done", "started", "best_scores"}} for the enrolled among ``user_ids``.

    Two queries for any number of learners and lessons: the enrolments with their completed and
    started lessons folded into one text column each, and the best quiz score per learner and quiz.
    ``done`` and ``started`` are sets of lesson keys (strings); ``best_scores`` maps
    (lesson key, block id) to the best scaled score of the current cycle."""
    rows = LessonProgress.objects.filter(enrolment=OuterRef("pk")).order_by()
    joined = lambda queryset: (  # noqa: E731
        queryset.values("enrolment")
        .annotate(keys=_JoinedKeys(Cast("lesson_key", output_field=TextField())))
        .values("keys")
    )
    enrolments = list(
        Enrolment.objects.filter(course_key=course_key, user_id__in=list(user_ids))
        .order_by()
        .annotate(
            done_keys=Subquery(joined(rows.filter(completed_at__isnull=False)), output_field=TextField()),
            started_keys=Subquery(joined(rows), output_field=TextField()),
        )
    )
    grid = {
        enrolment.user_id: {
            "enrolment": enrolment,
            "done": _keys(enrolment.done_keys),
            "started": _keys(enrolment.started_keys),
            "best_scores": {},
        }
        for enrolment in enrolments
    }
    by_enrolment = {entry["enrolment"].pk: entry for entry in grid.values()}
    cycles = {enrolment.pk: enrolment.cycle for enrolment in enrolments}
    if by_enrolment:
        for enrolment_id, lesson_key, block_id, cycle, best in (
            QuizAttempt.objects.filter(enrolment_id__in=list(by_enrolment))
            .order_by()
            .values_list("enrolment_id", "lesson_key", "block_id", "cycle")
            .annotate(best=Max("score_scaled"))
        ):
            if cycles.get(enrolment_id) == cycle:
                by_enrolment[enrolment_id]["best_scores"][(str(lesson_key), block_id)] = best
    return grid


def learner_course_detail(user, course):
    """One learner's record in ``course``: the enrolment, each lesson with its progress row (started,
    completed, minutes between them), the quizzes with their attempts and granted extras. Four
    queries, or one when the learner is not enrolled (then None)."""
    enrolment = Enrolment.objects.filter(user=user, course_key=course.translation_key).first()
    if enrolment is None:
        return None
    progress = {str(row.lesson_key): row for row in LessonProgress.objects.filter(enrolment=enrolment)}
    lessons = []
    for row in course_lessons(course):
        found = progress.get(row["translation_key"])
        minutes = None
        if found is not None and found.completed_at is not None:
            minutes = max(0, round((found.completed_at - found.started_at).total_seconds() / 60))
        lessons.append({**row, "progress": found, "minutes": minutes})
    attempts = {}
    for attempt in QuizAttempt.objects.filter(enrolment=enrolment, cycle=enrolment.cycle).order_by("number"):
        attempts.setdefault((str(attempt.lesson_key), attempt.block_id), []).append(attempt)
    grants = {
        (str(lesson_key), block_id): extra
        for lesson_key, block_id, extra in QuizAttemptGrant.objects.filter(
            enrolment=enrolment, cycle=enrolment.cycle
        )
        .order_by()
        .values_list("lesson_key", "block_id")
        .annotate(extra=Count("pk"))
    }
    quizzes = []
    for quiz in quizzes_of(course):
        key = (quiz["lesson_key"], quiz["block_id"])
        extra = grants.get(key, 0)
        used = attempts.get(key, [])
        limit = quiz["max_attempts"] + extra if quiz["max_attempts"] else None
        quizzes.append(
            {
                **quiz,
                "attempts": used,
                "extra": extra,
                "limit": limit,
                "used_up": limit is not None and len(used) >= limit,
            }
        )
    return {"enrolment": enrolment, "lessons": lessons, "quizzes": quizzes}


def enrolments_of_users(user_ids):
    """Every enrolment of ``user_ids``, newest activity first (one query)."""
    return list(
        Enrolment.objects.filter(user_id__in=list(user_ids)).order_by("user_id", "-last_activity_at", "-pk")
    )


def enrolment_statistics(country_of_user=None):
    """Counts for the admin statistics: per course key, per month and per learner language, how many
    people enrolled and how many completed; and the same per learner country when
    ``country_of_user`` (an expression reading a country for the ``user_id`` column, from accounts)
    is given. Two or four grouped queries, whatever the number of enrolments."""
    from django.db.models.functions import TruncMonth

    base = Enrolment.objects.order_by()
    enrolled = list(
        base.annotate(month=TruncMonth("enrolled_at"), language=F("user__preferred_language"))
        .values("course_key", "month", "language")
        .annotate(total=Count("pk"))
    )
    completed = list(
        base.filter(completed_at__isnull=False)
        .annotate(month=TruncMonth("completed_at"), language=F("user__preferred_language"))
        .values("course_key", "month", "language")
        .annotate(total=Count("pk"))
    )
    by_country = {"enrolled": [], "completed": []}
    if country_of_user is not None:
        by_country["enrolled"] = list(
            base.annotate(country=country_of_user).values("course_key", "country").annotate(total=Count("pk"))
        )
        by_country["completed"] = list(
            base.filter(completed_at__isnull=False)
            .annotate(country=country_of_user)
            .values("course_key", "country")
            .annotate(total=Count("pk"))
        )
    learners = base.values("user_id").distinct().count()
    return {"enrolled": enrolled, "completed": completed, "by_country": by_country, "learners": learners}


def live_lesson(lesson_id):
    """The live lesson page with ``lesson_id``, or None."""
    return LessonPage.objects.live().filter(pk=lesson_id).first()


def live_lesson_ids(slugs, language):
    """{slug: page id} of the live lessons with these slugs in ``language`` (demo content of other
    apps links lessons by their slug)."""
    return dict(
        LessonPage.objects.live()
        .filter(slug__in=list(slugs), locale__language_code=language)
        .values_list("slug", "pk")
    )

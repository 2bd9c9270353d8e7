"""Reads for the workshop screens. Every dashboard costs a fixed number of queries whatever the
number of participants and lessons: progress comes from ``courses.selectors.progress_grid`` (two
queries per course), attendance and evaluations from one grouped query each."""

from collections import Counter, defaultdict
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import selectors as courses_selectors
from scenarios import selectors as scenarios_selectors
from tracking import selectors as tracking_selectors

from .models import Attendance, Competence, EvaluationResponse, EvaluationTemplate, Participant, SessionDay

User = get_user_model()

# Score bands of the quiz distribution (best score of each learner, in percent).
SCORE_BANDS = [(0, 49), (50, 69), (70, 89), (90, 100)]


def participants_of(cohort):
    """The cohort's participants as users, by name (one query)."""
    return list(
        User.objects.filter(cohort_places__cohort=cohort).order_by("last_name", "first_name", "email")
    )


def attendance_share(cohort, people):
    """{user id: share of the cohort's session days they were present on (0–1)}."""
    days = SessionDay.objects.filter(cohort=cohort).count()
    if not days:
        return {person.pk: 1.0 for person in people}
    present = dict(
        Attendance.objects.filter(day__cohort=cohort, present=True)
        .values_list("user_id")
        .annotate(total=Count("pk"))
        .values_list("user_id", "total")
    )
    return {person.pk: present.get(person.pk, 0) / days for person in people}


def attendance_table(cohort, people):
    """Session days with who was present on each (two queries)."""
    days = list(SessionDay.objects.filter(cohort=cohort))
    marks = {
        (day_id, user_id): present
        for day_id, user_id, present in Attendance.objects.filter(day__cohort=cohort).values_list(
            "day_id", "user_id", "present"
        )
    }
    return [
        {
            "day": day,
            "present": {person.pk for person in people if marks.get((day.pk, person.pk))},
            "count": sum(1 for person in people if marks.get((day.pk, person.pk))),
            "marked": any((day.pk, person.pk) in marks for person in people),
        }
        for day in days
    ]


def _score_distribution(quizzes, grid):
    result = []
    for quiz in quizzes:
        key = (quiz["lesson_key"], quiz["block_id"])
        scores = [entry["best_scores"][key] for entry in grid.values() if key in entry["best_scores"]]
        bands = Counter()
        for score in scores:
            percent = round(score * 100)
            for low, high in SCORE_BANDS:
                if low <= percent <= high:
                    bands[(low, high)] += 1
        peak = max(bands.values(), default=0)
        result.append(
            {
                **quiz,
                "taken": len(scores),
                "average": round(100 * sum(scores) / len(scores)) if scores else None,
                "bands": [
                    {
                        "label": f"{low}–{high} %",
                        "count": bands[(low, high)],
                        "share": round(100 * bands[(low, high)] / peak) if peak else 0,
                    }
                    for low, high in SCORE_BANDS
                ],
            }
        )
    return result


def _cell_states():
    """The three cell states with their mark and screen-reader label, shared by every cell so the
    template reads three values per cell (the grid has participants × lessons of them)."""
    return {
        "done": {"state": "done", "mark": "✓", "label": _("done")},
        "started": {"state": "started", "mark": "…", "label": _("started")},
        "todo": {"state": "todo", "mark": "", "label": ""},
    }


def course_grids(cohort, people, *, now=None):
    """For each course of the cohort: its lessons, one row per participant with a cell per lesson
    (``done``, ``started`` or ``todo``), their progress and whether they are stuck, and the quiz
    score distribution. Three queries per course plus the page-tree cache."""
    now = now or timezone.now()
    stuck_before = now - timedelta(days=cohort.stuck_after_days)
    user_ids = [person.pk for person in people]
    states = _cell_states()
    done_cell, started_cell, todo_cell = states["done"], states["started"], states["todo"]
    result = []
    for key, course in courses_selectors.courses_for_keys(cohort.course_keys).items():
        lessons = courses_selectors.course_lessons(course)
        grid = courses_selectors.progress_grid(user_ids, key)
        rows = []
        for person in people:
            entry = grid.get(person.pk)
            if entry is None:
                rows.append({"person": person, "enrolled": False, "cells": [], "percent": 0, "stuck": False})
                continue
            enrolment = entry["enrolment"]
            cells = []
            for lesson in lessons:
                lesson_key = lesson["translation_key"]
                if lesson_key in entry["done"]:
                    cells.append(done_cell)
                elif lesson_key in entry["started"]:
                    cells.append(started_cell)
                else:
                    cells.append(todo_cell)
            done = sum(1 for cell in cells if cell is done_cell)
            last = enrolment.last_activity_at or enrolment.enrolled_at
            rows.append(
                {
                    "person": person,
                    "enrolled": True,
                    "cells": cells,
                    "done": done,
                    "percent": round(100 * done / len(lessons)) if lessons else 0,
                    "completed": enrolment.completed_at is not None,
                    "last_activity_at": last,
                    "stuck": enrolment.completed_at is None and last < stuck_before,
                }
            )
        result.append(
            {
                "key": str(key),
                "course": course,
                "lessons": lessons,
                "rows": rows,
                "stuck": [row for row in rows if row.get("stuck")],
                "quizzes": _score_distribution(courses_selectors.quizzes_of(course), grid),
            }
        )
    return result


def scenario_choices(people):
    """Choices the participants made in scenarios (the scenarios selector decides what a row holds)."""
    return scenarios_selectors.choices_made_by([person.pk for person in people])


def cohort_dashboard(cohort):
    people = participants_of(cohort)
    grids = course_grids(cohort, people)
    return {
        "cohort": cohort,
        "people": people,
        "courses": grids,
        "any_stuck": any(grid["stuck"] for grid in grids),
        "attendance": attendance_table(cohort, people),
        "evaluation": evaluation_summary(cohort),
        "scenario_choices": scenario_choices(people),
        "join_code": cohort.join_codes.order_by("-expires_at").first(),
    }


def learner_detail(cohort, learner):
    """Lessons, quiz attempts, time and recent statements of one participant in each cohort course."""
    courses = []
    for _key, course in courses_selectors.courses_for_keys(cohort.course_keys).items():
        detail = courses_selectors.learner_course_detail(learner, course)
        statements = []
        if detail is not None:
            statements = tracking_selectors.statements_for(
                learner, registration=str(detail["enrolment"].registration), limit=30
            )
            detail["minutes"] = sum(lesson["minutes"] or 0 for lesson in detail["lessons"])
        courses.append(
            {"course": course, "detail": detail, "statements": [_statement_row(s) for s in statements]}
        )
    return courses


def _statement_row(statement):
    verb = statement.get("verb", {})
    target = statement.get("object", {})
    name = (target.get("definition") or {}).get("name") or {}
    return {
        "timestamp": statement.get("timestamp", "")[:16].replace("T", " "),
        "verb": next(iter((verb.get("display") or {}).values()), verb.get("id", "")),
        "object": next(iter(name.values()), target.get("id", "")),
        "score": ((statement.get("result") or {}).get("score") or {}).get("scaled"),
    }


# ---------------------------------------------------------------- evaluation


def _rating_blocks(template):
    return {item.id: item for item in template.items if item.block_type in ("self_assessment", "rating")}


def learning_gain(cohort):
    """Per competence: the mean self-assessment (1–5) before and after and the gain, over the
    statements each participant rated. None without a self-assessment."""
    template = cohort.self_assessment
    if template is None:
        return None
    competence_of = {
        item.id: item.value["competence"] for item in template.items if item.block_type == "self_assessment"
    }
    sums = defaultdict(lambda: {"before": [], "after": []})
    responders = {"before": set(), "after": set()}
    for user_id, phase, answers in EvaluationResponse.objects.filter(
        cohort=cohort, template=template, phase__in=["before", "after"]
    ).values_list("user_id", "phase", "answers"):
        responders[phase].add(user_id)
        for item_id, value in (answers or {}).items():
            if item_id in competence_of and isinstance(value, int):
                sums[competence_of[item_id]][phase].append(value)
    rows = []
    for value, label in Competence.choices:
        before, after = sums[value]["before"], sums[value]["after"]
        mean_before = round(sum(before) / len(before), 2) if before else None
        mean_after = round(sum(after) / len(after), 2) if after else None
        gain = round(mean_after - mean_before, 2) if before and after else None
        rows.append(
            {"competence": value, "label": label, "before": mean_before, "after": mean_after, "gain": gain}
        )
    return {
        "template": template,
        "rows": rows,
        "before_count": len(responders["before"]),
        "after_count": len(responders["after"]),
    }


def satisfaction_summary(cohort):
    """Mean rating per question and every suggestion written, for the trainer and the editors."""
    template = cohort.satisfaction
    if template is None:
        return None
    ratings = defaultdict(list)
    suggestions = []
    count = 0
    questions = {item.id: item for item in template.items}
    for answers in EvaluationResponse.objects.filter(
        cohort=cohort, template=template, phase="end"
    ).values_list("answers", flat=True):
        count += 1
        for item_id, value in (answers or {}).items():
            item = questions.get(item_id)
            if item is None:
                continue
            if item.block_type == "open":
                suggestions.append({"question": item.value["question"], "text": value})
            elif isinstance(value, int):
                ratings[item_id].append(value)
    return {
        "template": template,
        "count": count,
        "ratings": [
            {
                "question": item.value["question"],
                "mean": round(sum(ratings[item.id]) / len(ratings[item.id]), 1) if ratings[item.id] else None,
                "answers": len(ratings[item.id]),
            }
            for item in template.items
            if item.block_type == "rating"
        ],
        "suggestions": suggestions,
    }


def evaluation_summary(cohort):
    from . import charts

    gain = learning_gain(cohort)
    chart = None
    if gain is not None and any(
        row["before"] is not None or row["after"] is not None for row in gain["rows"]
    ):
        labels = [str(row["label"]) for row in gain["rows"]]
        chart = charts.bar_chart(
            labels,
            [
                (_("Before"), [row["before"] for row in gain["rows"]]),
                (_("After"), [row["after"] for row in gain["rows"]]),
            ],
            maximum=5,
        )
    return {"gain": gain, "chart": chart, "satisfaction": satisfaction_summary(cohort)}


def evaluations_for_participant(user, cohort):
    """Which forms the participant can fill in now, and whether they did."""
    done = set(
        EvaluationResponse.objects.filter(cohort=cohort, user=user).values_list("template_id", "phase")
    )
    forms = []
    if cohort.self_assessment_id:
        for phase, label in (("before", _("Self-assessment before")), ("after", _("Self-assessment after"))):
            forms.append(
                {
                    "template": cohort.self_assessment,
                    "phase": phase,
                    "label": label,
                    "done": (cohort.self_assessment_id, phase) in done,
                }
            )
    if cohort.satisfaction_id:
        forms.append(
            {
                "template": cohort.satisfaction,
                "phase": "end",
                "label": _("Your feedback on the workshop"),
                "done": (cohort.satisfaction_id, "end") in done,
            }
        )
    return forms


def cohorts_using_template(template):
    """Cohorts whose self-assessment or satisfaction form is ``template`` (for the editors' summary)."""
    from .models import Cohort

    return Cohort.objects.filter(Q(self_assessment=template) | Q(satisfaction=template)).order_by(
        "-created_at"
    )


def templates(kind):
    return EvaluationTemplate.objects.filter(kind=kind)


def participant_count(cohort):
    return Participant.objects.filter(cohort=cohort).count()

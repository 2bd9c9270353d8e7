"""The admin statistics page: learners, enrolments and completions per course, by language and
country over time, certificates issued and cases published, as chart geometry plus tables.

Grouped queries only (a handful whatever the size of the platform)."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from accounts import selectors as accounts_selectors
from cases import selectors as cases_selectors
from certificates import selectors as certificates_selectors
from courses import selectors as courses_selectors

from . import charts


def _month(value):
    return value.strftime("%Y-%m") if value else "—"


def _months(*month_sets):
    found = sorted({month for months in month_sets for month in months})
    return found[-24:]  # two years fit on a chart a person reads at a glance


def admin_statistics():
    data = courses_selectors.enrolment_statistics(accounts_selectors.country_of_user())
    titles = {
        key: page.title
        for key, page in courses_selectors.courses_for_keys(
            {row["course_key"] for row in data["enrolled"]}
        ).items()
    }
    enrolled_month = defaultdict(int)
    completed_month = defaultdict(int)
    per_course = defaultdict(lambda: {"enrolled": 0, "completed": 0})
    language_month = defaultdict(lambda: defaultdict(int))
    for row in data["enrolled"]:
        month = _month(row["month"])
        enrolled_month[month] += row["total"]
        per_course[row["course_key"]]["enrolled"] += row["total"]
        language_month[row["language"] or "—"][month] += row["total"]
    for row in data["completed"]:
        completed_month[_month(row["month"])] += row["total"]
        per_course[row["course_key"]]["completed"] += row["total"]
    certificates = [(_month(month), total) for month, total in certificates_selectors.issued_per_month()]
    cases = cases_per_month()
    months = _months(enrolled_month, completed_month, dict(certificates), dict(cases))

    over_time = [
        (_("Enrolments"), [enrolled_month.get(month, 0) for month in months]),
        (_("Completions"), [completed_month.get(month, 0) for month in months]),
        (_("Certificates issued"), [dict(certificates).get(month, 0) for month in months]),
    ]
    over_time.append((_("Cases published"), [dict(cases).get(month, 0) for month in months]))
    names = dict(settings.LANGUAGES)
    languages = sorted(language_month)
    by_language = [
        (names.get(code, code), [language_month[code].get(month, 0) for month in months])
        for code in languages
    ]
    course_rows = sorted(
        ({"title": titles.get(key, str(key)), **counts} for key, counts in per_course.items()),
        key=lambda row: -row["enrolled"],
    )
    countries = defaultdict(lambda: {"enrolled": 0, "completed": 0})
    for kind in ("enrolled", "completed"):
        for row in data["by_country"][kind]:
            countries[row["country"] or "—"][kind] += row["total"]
    country_rows = sorted(
        ({"country": code, **counts} for code, counts in countries.items()), key=lambda r: -r["enrolled"]
    )
    return {
        "learners": data["learners"],
        "months": months,
        "over_time": {"chart": charts.line_chart(months, over_time) if months else None, "series": over_time},
        "by_language": {
            "chart": charts.line_chart(months, by_language) if months and by_language else None,
            "series": by_language,
        },
        "courses": {
            "rows": course_rows,
            "chart": charts.bar_chart(
                [row["title"][:18] for row in course_rows[:8]],
                [
                    (_("Enrolments"), [row["enrolled"] for row in course_rows[:8]]),
                    (_("Completions"), [row["completed"] for row in course_rows[:8]]),
                ],
            )
            if course_rows
            else None,
        },
        "countries": {
            "rows": country_rows,
            "chart": charts.bar_chart(
                [row["country"] for row in country_rows[:10]],
                [
                    (_("Enrolments"), [row["enrolled"] for row in country_rows[:10]]),
                    (_("Completions"), [row["completed"] for row in country_rows[:10]]),
                ],
            )
            if country_rows
            else None,
        },
    }


def cases_per_month():
    """[(month, cases first published)]."""
    rows = (
        cases_selectors.visible_cases(settings.LANGUAGE_CODE)
        .order_by()
        .annotate(month=TruncMonth("first_published_at"))
        .values_list("month")
        .annotate(total=Count("pk"))
    )
    return [(_month(month), total) for month, total in rows]


def _series(months, series):
    """A line chart and the same figures as table rows (month, value per series)."""
    return {
        "chart": charts.line_chart(months, series) if months and series else None,
        "names": [name for name, _values in series],
        "rows": [(month, [values[index] for _name, values in series]) for index, month in enumerate(months)],
    }

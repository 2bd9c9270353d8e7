"""The company admin's dashboard: their employees' enrolments, progress and certificates.

Reads only the people with the learner role in the admin's own company (``accounts.selectors``);
a fixed number of queries whatever the number of employees."""

from django.utils import translation

from accounts import selectors as accounts_selectors
from certificates import selectors as certificates_selectors
from courses import selectors as courses_selectors
from plans import selectors as plans_selectors


def company_dashboard(organisation):
    employees = list(accounts_selectors.learners_of([organisation.pk]))
    ids = [person.pk for person in employees]
    enrolments = courses_selectors.enrolments_of_users(ids)
    courses = courses_selectors.courses_for_keys(
        {e.course_key for e in enrolments}, translation.get_language()
    )
    by_person = {}
    for enrolment in enrolments:
        by_person.setdefault(enrolment.user_id, []).append(
            {"enrolment": enrolment, "course": courses.get(enrolment.course_key)}
        )
    certificates = certificates_selectors.certificates_of_people(ids)
    rows = []
    for person in employees:
        own = by_person.get(person.pk, [])
        rows.append(
            {
                "person": person,
                "enrolments": own,
                "completed": sum(1 for item in own if item["enrolment"].completed_at),
                "certificates": sum(1 for certificate in certificates if certificate.user_id == person.pk),
            }
        )
    return {
        "rows": rows,
        "certificates": certificates,
        "totals": {
            "employees": len(employees),
            "enrolments": len(enrolments),
            "completed": sum(1 for enrolment in enrolments if enrolment.completed_at),
            "certificates": len(certificates),
        },
        "plans": plans_status(organisation),
    }


def plans_status(organisation):
    """The integration-plan panel: how many plans the company has and who still works there at each
    follow-up milestone."""
    return {
        "count": plans_selectors.plan_count([organisation.pk]),
        "retention": plans_selectors.retention([organisation.pk]),
    }

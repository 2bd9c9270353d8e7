"""Reads of the statement store that dashboards and other apps share.

Every function is one indexed query; none scans the store."""

import json

from .models import Statement, StatementActivity
from .store import activity_hash, verb_hash
from .verbs import verb_iri


def _platform_statements(user):
    return Statement.objects.filter(user=user, voided=False)


def statements_for(user, *, verb=None, activity_id=None, registration=None, limit=50):
    """The user's most recent statements recorded by the platform, newest first, as dicts."""
    queryset = _platform_statements(user)
    if verb:
        queryset = queryset.filter(verb_hash=verb_hash(verb_iri(verb)))
    if activity_id:
        queryset = queryset.filter(object_hash=activity_hash(activity_id))
    if registration:
        queryset = queryset.filter(registration=registration)
    return [
        json.loads(raw) for raw in queryset.order_by("-stored", "-id").values_list("raw", flat=True)[:limit]
    ]


def has_statement(user, verb, activity_id, *, registration=None):
    """Whether the user has a (not voided) statement with this verb about this activity."""
    queryset = _platform_statements(user).filter(
        verb_hash=verb_hash(verb_iri(verb)), object_hash=activity_hash(activity_id)
    )
    if registration:
        queryset = queryset.filter(registration=registration)
    return queryset.exists()


def latest_result(user, activity_id, *, verbs=("passed", "failed", "completed", "scored", "answered")):
    """The result object of the user's latest statement with a result about this activity, or None."""
    hashes = [verb_hash(verb_iri(verb)) for verb in verbs]
    rows = (
        _platform_statements(user)
        .filter(verb_hash__in=hashes, object_hash=activity_hash(activity_id))
        .order_by("-stored", "-id")
        .values_list("raw", flat=True)[:20]
    )
    for raw in rows:
        result = json.loads(raw).get("result")
        if result:
            return result
    return None


def recent_activity(users, *, within_activity=None, limit=100):
    """Recent platform statements of several users (e.g. a cohort), optionally inside one course or
    module (matched through context activities), newest first."""
    queryset = Statement.objects.filter(user__in=users, voided=False)
    if within_activity:
        statement_ids = StatementActivity.objects.filter(activity_hash=activity_hash(within_activity)).values(
            "statement_id"
        )
        queryset = queryset.filter(pk__in=statement_ids)
    return list(
        queryset.order_by("-stored", "-id").values(
            "user_id", "verb_id", "object_id", "stored", "registration"
        )[:limit]
    )


def verb_counts(users, verb, *, activity_id=None):
    """How many statements with this verb each user has (for progress tables), as {user_id: count}."""
    from django.db.models import Count

    queryset = Statement.objects.filter(user__in=users, voided=False, verb_hash=verb_hash(verb_iri(verb)))
    if activity_id:
        queryset = queryset.filter(object_hash=activity_hash(activity_id))
    return dict(queryset.values_list("user_id").annotate(total=Count("id")).values_list("user_id", "total"))

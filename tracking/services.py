"""The one way the platform writes xAPI statements: ``record`` and ``record_raw``.

Both build a complete statement, store it and write its outbox rows in one transaction, and return
the stored ``Statement``. Statements go to the platform operator's store (the default organisation);
forwarding destinations of a company receive the statements of that company's members.
"""

import copy
import uuid
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from .models import Statement
from .store import platform_authority, store_statements

# JSONError and load_json are offered to other apps: JSON bodies that end up in statements or
# documents are parsed with the store's own rules (no NaN, Infinity, lone surrogates, deep nesting).
from .validation import JSONError, is_uuid, load_json  # noqa: F401
from .verbs import PLATFORM_CATEGORY, activity_type_iri, verb_display, verb_iri

ACTIVITY_KINDS = ("course", "module", "lesson", "quiz", "h5p", "certificate", "scenario")


def activity_iri(kind, key):
    """The activity IRI of platform content, e.g. ``activity_iri("lesson", page.translation_key)``."""
    return f"{settings.SITE_URL}/xapi/activities/{kind}/{key}"


def actor_for(user):
    """The xAPI actor for a platform user: pseudonymous unless XAPI_ACTOR_USES_EMAIL is set."""
    if getattr(settings, "XAPI_ACTOR_USES_EMAIL", False):
        actor = {"objectType": "Agent", "mbox": f"mailto:{user.email}"}
        full_name = user.get_full_name()
        if full_name:
            actor["name"] = full_name
        return actor
    return {"objectType": "Agent", "account": {"homePage": settings.SITE_URL, "name": str(user.xapi_id)}}


def _language_map(value, language):
    if value is None:
        return None
    if isinstance(value, dict):
        return {str(tag): str(text) for tag, text in value.items()}
    return {language or settings.LANGUAGE_CODE: str(value)}


def _activity(value):
    if isinstance(value, dict):
        activity = {"objectType": "Activity", **value}
        return activity
    return {"objectType": "Activity", "id": str(value)}


ORGANISATION_CACHE_KEY = "tracking:default-organisation"


def _organisation():
    """The platform's own organisation, which stores the statements the platform makes.

    Read once and kept in the cache (every learning event needs it); saving or deleting an
    organisation drops it (``forget_organisation``)."""
    from accounts.services import default_organisation

    organisation = cache.get(ORGANISATION_CACHE_KEY)
    if organisation is None:
        organisation = default_organisation()
        cache.set(ORGANISATION_CACHE_KEY, organisation, 300)
    return organisation


@receiver([post_save, post_delete], sender="accounts.Organisation")
def forget_organisation(**kwargs):
    cache.delete(ORGANISATION_CACHE_KEY)


def _context_activities(parent, grouping, category):
    activities = {}
    if parent:
        activities["parent"] = [_activity(item) for item in parent]
    if grouping:
        activities["grouping"] = [_activity(item) for item in grouping]
    categories = [_activity(item) for item in (category or [])]
    if not any(item["id"] == PLATFORM_CATEGORY for item in categories):
        categories.append({"objectType": "Activity", "id": PLATFORM_CATEGORY})
    activities["category"] = categories
    return activities


def _timestamp(value):
    if value is None:
        return None
    if isinstance(value, datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value.isoformat()
    return str(value)


def _store(statement, user):
    ids, rows = store_statements(
        [statement], organisation=_organisation(), authority=platform_authority(), user=user
    )
    if rows:
        return rows[0]
    # An identical statement with this id was stored before: recording is idempotent.
    return Statement.objects.get(statement_id=ids[0])


def record(
    *,
    user,
    verb,
    activity_id,
    activity_type=None,
    name=None,
    description=None,
    result=None,
    registration=None,
    parent=None,
    grouping=None,
    category=None,
    language=None,
    extensions=None,
    statement_id=None,
    timestamp=None,
):
    """Build, store and outbox one statement. Returns the stored Statement.

    Raises ``tracking.validation.StatementError`` (a ValueError) when the arguments do not make a valid
    statement, and ``tracking.store.Conflict`` when ``statement_id`` is taken by a different statement."""
    verb_id = verb_iri(verb)
    verb_object = {"id": verb_id}
    display = verb_display(verb) or verb_display(verb_id)
    if display:
        verb_object["display"] = {"en-US": display}
    definition = {}
    if name is not None:
        definition["name"] = _language_map(name, language)
    if description is not None:
        definition["description"] = _language_map(description, language)
    type_iri = activity_type_iri(activity_type)
    if type_iri:
        definition["type"] = type_iri
    obj = {"objectType": "Activity", "id": str(activity_id)}
    if definition:
        obj["definition"] = definition
    context = {"platform": settings.WAGTAIL_SITE_NAME}
    if registration:
        context["registration"] = str(registration)
    context["contextActivities"] = _context_activities(parent, grouping, category)
    if language:
        context["language"] = language
    if extensions:
        context["extensions"] = dict(extensions)
    statement = {
        "id": str(statement_id or uuid.uuid4()),
        "actor": actor_for(user),
        "verb": verb_object,
        "object": obj,
        "context": context,
        "timestamp": _timestamp(timestamp) or timezone.now().isoformat(),
    }
    if result:
        statement["result"] = copy.deepcopy(result)
    return _store(statement, user)


def record_raw(statement, *, user, registration=None, parent=None, grouping=None, language=None):
    """Store a statement produced by client-side content (H5P) after re-stamping it with server facts:
    the real actor, the registration, parent/grouping context activities and the platform authority.
    The statement's own id is kept when it is a valid UUID, otherwise a new one is generated."""
    statement = copy.deepcopy(statement) if isinstance(statement, dict) else {}
    for key in ("stored", "authority", "version"):
        statement.pop(key, None)
    statement["actor"] = actor_for(user)
    if not is_uuid(statement.get("id")):
        statement["id"] = str(uuid.uuid4())
    context = statement.get("context")
    context = dict(context) if isinstance(context, dict) else {}
    if registration:
        context["registration"] = str(registration)
    else:
        context.pop("registration", None)
    activities = context.get("contextActivities")
    activities = dict(activities) if isinstance(activities, dict) else {}
    if parent:
        activities["parent"] = [_activity(item) for item in parent]
    if grouping:
        # The package's own groupings stay; the course structure is added in front of them.
        existing = activities.get("grouping") or []
        existing = existing if isinstance(existing, list) else [existing]
        ids = {item["id"] if isinstance(item, dict) else str(item) for item in grouping}
        activities["grouping"] = [_activity(item) for item in grouping] + [
            item for item in existing if not (isinstance(item, dict) and item.get("id") in ids)
        ]
    if activities:
        context["contextActivities"] = activities
    if language:
        context["language"] = language
    object_type = (
        (statement.get("object") or {}).get("objectType", "Activity")
        if isinstance(statement.get("object"), dict)
        else None
    )
    if object_type == "Activity":
        context["platform"] = settings.WAGTAIL_SITE_NAME
    if context:
        statement["context"] = context
    statement.setdefault("timestamp", timezone.now().isoformat())
    return _store(statement, user)

"""about, activities and agents."""

import json

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from ..models import Statement
from ..query import QueryError, parse_agent
from ..store import activity_hash
from ..validation import StatementError, check_iri
from .base import bad_request, check_params, finish, json_response, lrs_resource, response_version

SUPPORTED_VERSIONS = ["2.0.0", "1.0.3"]


@csrf_exempt
def about(request):
    """Open to everyone: clients read it to learn which versions this LRS speaks."""
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        response = json_response({"error": _("Method not allowed here.")}, status=405)
        response["Allow"] = "GET, HEAD"
        return finish(request, response)
    if request.method == "OPTIONS":
        return finish(request, HttpResponse(status=200))
    # Some 1.0.x clients (e.g. the tincan libraries) reject an about document listing a version they
    # do not know, so a client that says it speaks 1.0.x is shown the 1.0.x line only.
    versions = ["1.0.3"] if response_version(request).startswith("1.") else SUPPORTED_VERSIONS
    response = json_response({"version": versions, "extensions": {}})
    if request.method == "HEAD":
        response["Content-Length"] = str(len(response.content))
        response.content = b""
    return finish(request, response)


LANGUAGE_MAPS = ("name", "description")


def _mentions(statement, iri):
    """Every Activity object with this id in a statement: object, context activities, SubStatement."""
    holders = [statement]
    obj = statement.get("object") or {}
    if obj.get("objectType") == "SubStatement":
        holders.append(obj)
    for holder in holders:
        candidate = holder.get("object") or {}
        if candidate.get("objectType", "Activity") == "Activity":
            yield candidate
        for items in ((holder.get("context") or {}).get("contextActivities") or {}).values():
            yield from items if isinstance(items, list) else [items]


def merge_definition(canonical, definition):
    """Fold a newer definition into the canonical one: language maps and extensions merge entry by
    entry (a newer text wins for its own language), every other property is replaced."""
    for key, value in definition.items():
        if key in LANGUAGE_MAPS or key == "extensions":
            canonical[key] = {**canonical.get(key, {}), **value}
        else:
            canonical[key] = value
    return canonical


def _definition_of(organisation_id, iri):
    """The canonical definition of an activity: every definition the organisation's statements gave
    it, oldest first, merged (Communication 2.5, Data 2.4.4.1). Each statement that mentions the
    activity anywhere has a row in the activity link table, so this is one index range."""
    rows = (
        Statement.objects.filter(
            organisation_id=organisation_id,
            activity_links__organisation_id=organisation_id,
            activity_links__activity_hash=activity_hash(iri),
        )
        .order_by("stored", "id")
        .values_list("raw", flat=True)
    )
    canonical = {}
    for raw in rows.iterator(chunk_size=500):
        for candidate in _mentions(json.loads(raw), iri):
            if isinstance(candidate, dict) and candidate.get("id") == iri and candidate.get("definition"):
                merge_definition(canonical, candidate["definition"])
    return canonical or None


@lrs_resource(["GET"])
def activities(request, key):
    check_params(request, ["activityId"])
    iri = request.GET.get("activityId")
    if not iri:
        raise bad_request(_("The activityId parameter is required."))
    try:
        check_iri(iri, "activityId")
    except StatementError as error:
        raise bad_request(str(error)) from error
    activity = {"objectType": "Activity", "id": iri}
    definition = _definition_of(key.organisation_id, iri)
    if definition:
        activity["definition"] = definition
    return json_response(activity)


@lrs_resource(["GET"])
def agents(request, key):
    check_params(request, ["agent"])
    if not request.GET.get("agent"):
        raise bad_request(_("The agent parameter is required."))
    try:
        agent = parse_agent(request.GET["agent"])
    except QueryError as error:
        raise bad_request(str(error)) from error
    person = {"objectType": "Person"}
    if "name" in agent:
        person["name"] = [agent["name"]]
    for ifi in ("mbox", "mbox_sha1sum", "openid", "account"):
        if ifi in agent:
            person[ifi] = [agent[ifi]]
    return json_response(person)

"""State, Activity Profile and Agent Profile documents, with ETag concurrency control."""

import hashlib
import json

from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Document, text_hash
from ..query import QueryError, parse_agent, parse_time
from ..store import agent_key
from ..validation import JSONError, NonFiniteNumber, StatementError, check_iri, is_uuid, load_json
from .base import (
    VERSION_HEADER,
    XAPIError,
    bad_request,
    check_params,
    http_date,
    json_response,
    lrs_resource,
    media_type,
    read_body,
)

KINDS = {
    Document.Kind.STATE: {"id": "stateId", "activity": True, "agent": True, "registration": True},
    Document.Kind.ACTIVITY_PROFILE: {
        "id": "profileId",
        "activity": True,
        "agent": False,
        "registration": False,
    },
    Document.Kind.AGENT_PROFILE: {"id": "profileId", "activity": False, "agent": True, "registration": False},
}


def _etag(content):
    return '"' + hashlib.sha1(content).hexdigest() + '"'


def _scope(request, kind):
    """The documents' address from the query string: activity, agent, registration and document id."""
    rules = KINDS[kind]
    allowed = [rules["id"], "since"]
    if rules["activity"]:
        allowed.append("activityId")
    if rules["agent"]:
        allowed.append("agent")
    if rules["registration"]:
        allowed.append("registration")
    check_params(request, allowed)
    params = request.GET
    scope = {"activity_id": "", "activity_hash": "", "agent_hash": "", "registration": ""}
    try:
        if rules["activity"]:
            if not params.get("activityId"):
                raise bad_request(_("The activityId parameter is required."))
            check_iri(params["activityId"], "activityId")
            scope["activity_id"] = params["activityId"]
            scope["activity_hash"] = text_hash(params["activityId"])
        if rules["agent"]:
            if not params.get("agent"):
                raise bad_request(_("The agent parameter is required."))
            agent = parse_agent(params["agent"])
            key = agent_key(agent)
            if key is None:
                raise bad_request(_("agent: an anonymous Group cannot own documents."))
            scope["agent_hash"] = text_hash(key)
    except (StatementError, QueryError) as error:
        raise bad_request(str(error)) from error
    if rules["registration"] and params.get("registration"):
        if not is_uuid(params["registration"]):
            raise bad_request(_("registration must be a UUID."))
        scope["registration"] = params["registration"].lower()
    document_id = params.get(rules["id"])
    return scope, document_id


def _check_preconditions(request, document, *, require_header):
    if_match = request.headers.get("If-Match")
    if_none_match = request.headers.get("If-None-Match")
    if if_match is not None:
        tags = {tag.strip() for tag in if_match.split(",")}
        if document is None or ("*" not in tags and document.etag not in tags):
            raise XAPIError(412, _("If-Match does not match the current document."))
    if if_none_match is not None:
        tags = {tag.strip() for tag in if_none_match.split(",")}
        if document is not None and ("*" in tags or document.etag in tags):
            raise XAPIError(412, _("If-None-Match: the document already exists."))
    if require_header and document is not None and if_match is None and if_none_match is None:
        raise XAPIError(
            409, _("This document exists; send If-Match with its ETag (or If-None-Match: *) to change it.")
        )


def document_resource(kind):
    rules = KINDS[kind]

    @lrs_resource(["GET", "PUT", "POST", "DELETE"])
    def view(request, key):
        # HEAD is answered as GET (the wrapper drops the body); it must never reach the write path.
        method = "GET" if request.method == "HEAD" else request.method
        scope, document_id = _scope(request, kind)
        base = Document.objects.filter(
            organisation=key.organisation,
            kind=kind,
            **{name: value for name, value in scope.items() if name != "activity_id"}
            if kind == Document.Kind.STATE
            else {
                name: value for name, value in scope.items() if name not in ("activity_id", "registration")
            },
        )
        if method in ("PUT", "POST") and not document_id:
            raise bad_request(_("The %(name)s parameter is required.") % {"name": rules["id"]})
        if method in ("PUT", "POST") and "since" in request.GET:
            raise bad_request(_("since is only allowed when listing documents."))
        if document_id is None:
            if method == "GET":
                return _list(request, base)
            if method == "DELETE" and kind == Document.Kind.STATE:
                base.delete()
                return HttpResponse(status=204)
            raise bad_request(_("The %(name)s parameter is required.") % {"name": rules["id"]})
        if "since" in request.GET:
            raise bad_request(_("since cannot be combined with %(name)s.") % {"name": rules["id"]})
        document_hash = text_hash(document_id)
        if method == "GET":
            document = base.filter(document_hash=document_hash).first()
            if document is None:
                raise XAPIError(404, _("No such document."))
            response = HttpResponse(bytes(document.content), content_type=document.content_type)
            response["ETag"] = document.etag
            response["Last-Modified"] = http_date(document.updated)
            return response
        if method == "DELETE":
            document = base.filter(document_hash=document_hash).first()
            if document is not None:
                _check_preconditions(request, document, require_header=False)
                document.delete()
            return HttpResponse(status=204)
        content = read_body(request)
        content_type = request.headers.get("Content-Type") or "application/octet-stream"
        if len(content_type) > 255:
            raise bad_request(_("The Content-Type header is too long."))
        with transaction.atomic():
            document = base.select_for_update().filter(document_hash=document_hash).first()
            # Overwriting a document needs proof of what was read: xAPI 2.0 asks it for every document
            # resource, 1.0.x only for the two profile resources, so 1.0 clients keep their behaviour.
            two_zero = not request.headers.get(VERSION_HEADER, "").startswith("1.")
            _check_preconditions(
                request,
                document,
                require_header=method == "PUT" and (two_zero or kind != Document.Kind.STATE),
            )
            if method == "POST":
                content, content_type = _merge(document, content, request)
            elif media_type(request) == "application/json":
                _refuse_unservable_json(content)
            now = timezone.now()
            if document is None:
                document = Document(
                    organisation=key.organisation,
                    kind=kind,
                    activity_id=scope["activity_id"],
                    activity_hash=scope["activity_hash"],
                    agent_hash=scope["agent_hash"],
                    registration=scope["registration"] if kind == Document.Kind.STATE else "",
                    document_id=document_id,
                    document_hash=document_hash,
                )
            document.content = content
            document.content_type = content_type
            document.etag = _etag(content)
            document.updated = now
            try:
                with transaction.atomic():
                    document.save()
            except IntegrityError as error:
                raise XAPIError(
                    409, _("The document was created concurrently; read it and try again.")
                ) from error
        response = HttpResponse(status=204)
        response["ETag"] = document.etag
        return response

    return view


def _refuse_unservable_json(content):
    """A JSON document may be any bytes the client likes, but not numbers JSON cannot carry (NaN,
    Infinity, 1e999): stored, they would be served back as something no client can parse."""
    try:
        load_json(content.decode("utf-8"))
    except NonFiniteNumber as error:
        raise bad_request(_("The document is not valid JSON: %(error)s") % {"error": error}) from error
    except (UnicodeDecodeError, JSONError):
        pass  # not JSON at all: stored as the opaque bytes the client sent


def _merge(document, content, request):
    if media_type(request) != "application/json":
        raise bad_request(_("POST merges JSON documents; send application/json."))
    try:
        incoming = load_json(content.decode("utf-8"))
    except (UnicodeDecodeError, JSONError) as error:
        raise bad_request(_("The document is not valid JSON: %(error)s") % {"error": error}) from error
    if not isinstance(incoming, dict):
        raise bad_request(_("POST merges JSON objects; the body is not a JSON object."))
    if document is None:
        return content, "application/json"
    if document.content_type.split(";")[0].strip().lower() != "application/json":
        raise bad_request(_("The stored document is not JSON, so it cannot be merged."))
    try:
        current = json.loads(bytes(document.content).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise bad_request(_("The stored document is not valid JSON, so it cannot be merged.")) from error
    if not isinstance(current, dict):
        raise bad_request(_("The stored document is not a JSON object, so it cannot be merged."))
    current.update(incoming)
    return json.dumps(current, ensure_ascii=False).encode("utf-8"), "application/json"


def _list(request, base):
    since = request.GET.get("since")
    if since:
        try:
            base = base.filter(updated__gt=parse_time(since, "since"))
        except QueryError as error:
            raise bad_request(str(error)) from error
    rows = list(base.order_by("updated").values_list("document_id", "updated"))
    response = json_response([document_id for document_id, _updated in rows])
    if rows:
        response["Last-Modified"] = http_date(max(updated for _id, updated in rows))
    return response


state = document_resource(Document.Kind.STATE)
activity_profile = document_resource(Document.Kind.ACTIVITY_PROFILE)
agent_profile = document_resource(Document.Kind.AGENT_PROFILE)

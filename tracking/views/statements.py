"""The Statement resource: PUT, POST (single, batch, multipart), GET (single, voided, filtered, more)."""

import json
import uuid

from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.utils.translation import gettext as _

from .. import attachments as attachment_parts
from ..models import Statement
from ..query import (
    FILTER_PARAMS,
    QueryError,
    accept_languages,
    more_token,
    parse_filters,
    read_more_token,
    render,
)
from ..store import key_authority, store_statements, validate_all
from ..validation import is_uuid
from .base import (
    VERSION_HEADER,
    XAPIError,
    bad_request,
    check_params,
    http_date,
    json_response,
    lrs_resource,
    media_type,
    parse_json,
    read_body,
)

SINGLE_PARAMS = ("statementId", "voidedStatementId", "format", "attachments")
ALL_GET_PARAMS = FILTER_PARAMS + SINGLE_PARAMS + ("more",)


def _read_statements(request):
    """Parse a PUT/POST body into (statements list, was_array, attachment parts by hash)."""
    body = read_body(request)
    kind = media_type(request)
    parts = []
    if kind == "multipart/mixed":
        try:
            parts = attachment_parts.parse_multipart(body, request.headers.get("Content-Type"))
        except attachment_parts.MultipartError as error:
            raise bad_request(str(error)) from error
        first_headers, body = parts[0]
        if first_headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
            raise bad_request(_("The first part of a multipart/mixed request must be application/json."))
        parts = parts[1:]
    elif kind != "application/json":
        raise bad_request(_("Statements must be sent as application/json or multipart/mixed."))
    if not body.strip():
        raise bad_request(_("The request body is empty."))
    data = parse_json(body, "statement body")
    was_array = isinstance(data, list)
    statements = data if was_array else [data]
    if was_array and not statements:
        raise bad_request(_("The statement batch is empty."))
    validate_all(statements)
    if parts:
        by_hash = attachment_parts.check_parts(statements, parts)
    else:
        attachment_parts.require_parts_for(statements)
        by_hash = {}
    return statements, was_array, by_hash


def _store(request, key, statements, by_hash):
    attachment_parts.verify_signatures(statements, by_hash)
    if by_hash:
        # Content-addressed, so saving before the statements is safe: a failed request leaves at most
        # a file that an identical later upload reuses.
        try:
            with transaction.atomic():
                attachment_parts.save_attachments(key.organisation, by_hash)
        except IntegrityError:
            pass  # a concurrent request stored the same content first; the hash proves it is identical
    version = request.headers.get(VERSION_HEADER, "2.0.0")
    ids, _rows = store_statements(
        statements,
        organisation=key.organisation,
        authority=key_authority(key),
        version=version,
        validated=True,
    )
    return ids


@lrs_resource(["GET", "PUT", "POST"], consistent_through_on_get=True)
def statements(request, key):
    if request.method == "PUT":
        check_params(request, ["statementId"])
        statement_id = request.GET.get("statementId")
        if not statement_id:
            raise bad_request(_("PUT needs the statementId parameter."))
        if not is_uuid(statement_id):
            raise bad_request(_("statementId must be a UUID."))
        statements_list, was_array, by_hash = _read_statements(request)
        if was_array:
            raise bad_request(_("PUT takes a single statement, not an array."))
        statement = statements_list[0]
        if "id" in statement and str(statement["id"]).lower() != statement_id.lower():
            raise bad_request(_("The statement id does not match the statementId parameter."))
        statement["id"] = statement_id.lower()
        _store(request, key, statements_list, by_hash)
        return HttpResponse(status=204)
    if request.method == "POST":
        check_params(request, [])
        statements_list, _was_array, by_hash = _read_statements(request)
        ids = _store(request, key, statements_list, by_hash)
        return json_response(ids)
    return _get(request, key)


def _single(request, key, params):
    extra = set(params) - set(SINGLE_PARAMS)
    if extra:
        raise bad_request(
            _("statementId and voidedStatementId cannot be combined with %(names)s.")
            % {"names": ", ".join(sorted(extra))}
        )
    if "statementId" in params and "voidedStatementId" in params:
        raise bad_request(_("Use either statementId or voidedStatementId, not both."))
    voided = "voidedStatementId" in params
    wanted = params.get("voidedStatementId") if voided else params.get("statementId")
    if not is_uuid(wanted):
        raise bad_request(_("The statement id must be a UUID."))
    row = (
        Statement.objects.filter(organisation=key.organisation, statement_id=uuid.UUID(wanted), voided=voided)
        .only("raw", "stored")
        .first()
    )
    if row is None:
        raise XAPIError(404, _("No such statement."))
    statement_format = _format(params)
    body = render(row.raw, statement_format, accept_languages(request.headers.get("Accept-Language")))
    response = _respond(request, key, body, [row.raw], params)
    response["Last-Modified"] = http_date(row.stored)
    return response


def _format(params):
    statement_format = params.get("format") or "exact"
    if statement_format not in ("exact", "ids", "canonical"):
        raise bad_request(_("format must be exact, ids or canonical."))
    return statement_format


def _respond(request, key, body, raws, params):
    value = (params.get("attachments") or "false").lower()
    if value not in ("true", "false"):
        raise bad_request(_("attachments must be true or false."))
    if value == "true":
        statements_data = [json.loads(raw) for raw in raws]
        files = attachment_parts.attachments_for(key.organisation, statements_data)
        content, content_type = attachment_parts.build_multipart(body, files)
        response = HttpResponse(content, content_type=content_type)
    else:
        response = json_response(body)
    return response


def _get(request, key):
    check_params(request, ALL_GET_PARAMS)
    params = {name: request.GET[name] for name in request.GET}
    if "statementId" in params or "voidedStatementId" in params:
        return _single(request, key, params)
    try:
        if "more" in params:
            if set(params) - {"more"}:
                raise QueryError(_("more cannot be combined with other parameters"))
            state, cursor = read_more_token(params["more"], key.organisation_id)
            filters = state["filters"]
        else:
            filters = parse_filters(params)
            state = {"filters": filters, "format": _format(params), "attachments": params.get("attachments")}
            cursor = None
        from ..query import statement_page

        rows, next_cursor = statement_page(key.organisation_id, filters, cursor)
    except QueryError as error:
        raise bad_request(str(error)) from error
    statement_format = state["format"]
    languages = accept_languages(request.headers.get("Accept-Language"))
    rendered = ",".join(render(raw, statement_format, languages) for _id, _stored, raw in rows)
    more = ""
    if next_cursor:
        more = request.path + "?more=" + more_token(key.organisation_id, state, next_cursor)
    body = '{"statements":[' + rendered + '],"more":' + json.dumps(more) + "}"
    response_params = {"attachments": state.get("attachments")}
    response = _respond(request, key, body, [raw for _id, _stored, raw in rows], response_params)
    if rows:
        response["Last-Modified"] = http_date(max(stored for _id, stored, _raw in rows))
    return response

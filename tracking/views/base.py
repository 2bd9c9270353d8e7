"""What every LRS resource shares: Basic-auth keys, version headers, CORS, body limits and errors.

The LRS is used by programs, not by people who are logged in to the platform: it authenticates only
with LRS keys (HTTP Basic) and never looks at the session, so it is CSRF-exempt by design.
"""

import base64
import binascii
import functools
import json
import re
import time
from datetime import timedelta

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from ..models import LRSKey
from ..store import Conflict
from ..validation import JSONError, StatementError, load_json

VERSION_HEADER = "X-Experience-API-Version"
VERSION_RE = re.compile(r"^(1\.0(\.\d+)?|2\.0(\.\d+)?)$")
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "HEAD, GET, POST, PUT, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": (
        "Authorization, Content-Type, If-Match, If-None-Match, X-Experience-API-Version, Accept-Language"
    ),
    "Access-Control-Expose-Headers": (
        "ETag, Last-Modified, Content-Type, X-Experience-API-Version, X-Experience-API-Consistent-Through"
    ),
}
# Key rows are looked up at most once per this many seconds per process; revocation takes effect
# within that time.
KEY_CACHE_SECONDS = 5
_key_cache = {}


class XAPIError(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = str(message)


def bad_request(message):
    return XAPIError(400, message)


def response_version(request):
    requested = request.headers.get(VERSION_HEADER, "")
    return "1.0.3" if requested.startswith("1.0") else "2.0.0"


def finish(request, response):
    response[VERSION_HEADER] = response_version(request)
    for name, value in CORS_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def error_response(request, status, message):
    response = HttpResponse(
        json.dumps({"error": message}), status=status, content_type="application/json; charset=utf-8"
    )
    if status == 401:
        response["WWW-Authenticate"] = 'Basic realm="xAPI"'
    return finish(request, response)


def json_response(data, status=200):
    body = data if isinstance(data, str | bytes) else json.dumps(data, ensure_ascii=False)
    return HttpResponse(body, status=status, content_type="application/json; charset=utf-8")


def http_date(moment):
    from django.utils.http import http_date as _http_date

    return _http_date(moment.timestamp())


# A statement gets its ``stored`` time just before its single INSERT commits (milliseconds later);
# anything stored more than this margin ago is visible, which is what
# X-Experience-API-Consistent-Through promises. Clients poll until it passes their write time, so the
# margin is kept short.
CONSISTENCY_MARGIN = timedelta(seconds=1)


def consistent_through():
    return (timezone.now() - CONSISTENCY_MARGIN).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _lookup_key(key_id):
    now = time.monotonic()
    cached = _key_cache.get(key_id)
    if cached and cached[0] > now:
        return cached[1]
    key = LRSKey.objects.select_related("organisation").filter(key=key_id).first()
    _key_cache[key_id] = (now + KEY_CACHE_SECONDS, key)
    if len(_key_cache) > 10_000:
        _key_cache.clear()
    return key


def forget_key(key_id):
    _key_cache.pop(key_id, None)


def authenticate(request):
    header = request.headers.get("Authorization", "")
    if not header.lower().startswith("basic "):
        raise XAPIError(401, _("This resource needs an LRS key (HTTP Basic authentication)."))
    try:
        decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError) as error:
        raise XAPIError(401, _("The Authorization header is not valid Basic credentials.")) from error
    key_id, _sep, secret = decoded.partition(":")
    key = _lookup_key(key_id)
    if key is None or not key.check_secret(secret):
        raise XAPIError(401, _("Unknown LRS key or wrong secret."))
    if not key.is_active:
        raise XAPIError(401, _("This LRS key has been revoked."))
    return key


def read_body(request):
    limit = settings.XAPI_MAX_BODY_BYTES
    try:
        declared = int(request.headers.get("Content-Length") or 0)
    except ValueError as error:
        raise bad_request(_("Content-Length is not a number.")) from error
    if declared > limit:
        raise XAPIError(413, _("The request body is larger than %(limit)s bytes.") % {"limit": limit})
    body = request.read(limit + 1) if declared else b""
    if len(body) > limit:
        raise XAPIError(413, _("The request body is larger than %(limit)s bytes.") % {"limit": limit})
    return body


def media_type(request):
    return request.headers.get("Content-Type", "").split(";")[0].strip().lower()


def parse_json(body, what="body"):
    try:
        text = body.decode("utf-8") if isinstance(body, bytes) else body
        value = load_json(text)
    except (UnicodeDecodeError, JSONError) as error:
        raise bad_request(
            _("The %(what)s is not valid JSON: %(error)s") % {"what": what, "error": error}
        ) from error
    if "\\u0000" in text:
        # PostgreSQL text cannot hold NUL characters, so no statement field may contain one.
        raise bad_request(
            _("The %(what)s contains a NUL character (\\u0000), which is not supported.") % {"what": what}
        )
    return value


def check_params(request, allowed):
    unknown = sorted(set(request.GET) - set(allowed))
    if unknown:
        raise bad_request(_("Unknown query parameter(s): %(names)s") % {"names": ", ".join(unknown)})
    for name, values in request.GET.lists():
        if any("\x00" in value for value in values):
            raise bad_request(_("The parameter %(name)s contains a NUL character.") % {"name": name})
        if len(values) > 1:
            raise bad_request(_("The parameter %(name)s is given more than once.") % {"name": name})


CONSISTENT_THROUGH_HEADER = "X-Experience-API-Consistent-Through"


def lrs_resource(methods, *, consistent_through_on_get=False):
    """Wrap a resource: CORS preflight, version header, authentication and scope, HEAD, errors.

    The wrapped view gets ``(request, key)`` and returns a response. With
    ``consistent_through_on_get`` every answer to a GET or HEAD carries
    X-Experience-API-Consistent-Through, refusals (400, 401, 404) included (Communication 2.1.3)."""

    def decorate(view):
        @csrf_exempt
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            is_head = request.method == "HEAD"
            if is_head:
                # Views see a GET, so a HEAD can never take a write path; the body is dropped below.
                request.method = "GET"
            response = respond(request, *args, **kwargs)
            if consistent_through_on_get and request.method == "GET":
                response.headers.setdefault(CONSISTENT_THROUGH_HEADER, consistent_through())
            if is_head:
                request.method = "HEAD"
                length = len(response.content) if not response.streaming else None
                response.content = b""
                if length is not None:
                    response["Content-Length"] = str(length)
            return response

        def respond(request, *args, **kwargs):
            if request.method == "OPTIONS":
                return finish(request, HttpResponse(status=200))
            allowed = set(methods) | ({"HEAD"} if "GET" in methods else set())
            if request.method not in allowed:
                response = error_response(request, 405, _("Method not allowed here."))
                response["Allow"] = ", ".join(sorted(allowed))
                return response
            if "method" in request.GET:
                return error_response(
                    request, 400, _("The alternate request syntax (?method=) is not supported in xAPI 2.0.")
                )
            try:
                key = authenticate(request)
                version = request.headers.get(VERSION_HEADER)
                if not version:
                    raise bad_request(_("The X-Experience-API-Version header is required."))
                if not VERSION_RE.match(version.strip()):
                    raise bad_request(
                        _("X-Experience-API-Version %(version)s is not supported (use 2.0.0 or 1.0.3).")
                        % {"version": version}
                    )
                reading = request.method == "GET"
                if reading and not key.can_read:
                    raise XAPIError(403, _("This LRS key may not read."))
                if not reading and not key.can_write:
                    raise XAPIError(403, _("This LRS key may not write."))
                response = view(request, key, *args, **kwargs)
            except XAPIError as error:
                return error_response(request, error.status, error.message)
            except StatementError as error:
                return error_response(request, 400, str(error))
            except Conflict as error:
                return error_response(
                    request,
                    409,
                    _("A statement with id %(id)s is already stored with different content.") % {"id": error},
                )
            return finish(request, response)

        return wrapper

    return decorate

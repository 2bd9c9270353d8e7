"""Endpoints the H5P player calls: package files, xAPI capture, content-user-data, mark-as-done."""

import mimetypes
import posixpath
import re

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from courses.selectors import lesson_context
from courses.services import CourseActionError
from tracking.services import JSONError, load_json
from tracking.store import Conflict
from website.private_files import storage as private_storage

from . import permissions, services
from .blocks import H5PActivityBlock
from .models import H5PPackage
from .player import iter_stream_blocks

# Files the player fetches are served with this policy too: opened directly (an SVG, a JSON file),
# nothing in them may run scripts on the platform's origin.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; "
    "media-src 'self'; sandbox"
)
MAX_STATEMENT_BYTES = 256 * 1024
KEY_PATTERN = re.compile(r"^[\w\-]{1,100}$")
RANGE_PATTERN = re.compile(r"^bytes=(\d*)-(\d*)$")
STREAM_CHUNK = 256 * 1024

EXTRA_TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".eot": "application/vnd.ms-fontobject",
    ".vtt": "text/vtt",
    ".webvtt": "text/vtt",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".ogg": "audio/ogg",
    ".wav": "audio/wav",
    ".glb": "model/gltf-binary",
    ".gltf": "model/gltf+json",
    ".map": "application/json",
}


def _json_error(message, status):
    return JsonResponse({"success": False, "message": message}, status=status)


def _content_type(path):
    extension = posixpath.splitext(path)[1].lower()
    if extension in EXTRA_TYPES:
        content_type = EXTRA_TYPES[extension]
    else:
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    if content_type.startswith("text/") or content_type in {"application/json", "image/svg+xml"}:
        content_type += "; charset=utf-8"
    return content_type


def _secure(response, *, cacheable):
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
    # Every re-upload gets a new revision in the URL, so current files can be cached for long.
    response.headers["Cache-Control"] = "public, max-age=86400" if cacheable else "no-cache"
    return response


@require_http_methods(["GET", "HEAD"])
def serve_content(request, uid, revision, path):
    """Stream one file of an extracted package from storage (local disk or object store)."""
    package = get_object_or_404(H5PPackage, uid=uid)
    if not permissions.may_fetch_files(request.user, package):
        raise Http404
    normalised = posixpath.normpath(path)
    if normalised.startswith(("/", "..")) or normalised == "." or "\\" in path or "\x00" in path:
        raise Http404
    if normalised.rsplit(".", 1)[-1].lower() in {"js", "css"} and (
        "/" not in normalised or normalised.startswith("content/")
    ):
        # H5P runs scripts and styles only from library folders; anything else is never served.
        raise Http404
    name = f"{package.storage_prefix}/{normalised}"
    try:
        handle = private_storage.open(name, "rb")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, OSError) as error:
        raise Http404 from error
    try:
        size = handle.size
    except (OSError, AttributeError):
        size = None
    content_type = _content_type(normalised)
    cacheable = revision == package.revision

    range_header = request.headers.get("Range", "")
    match = RANGE_PATTERN.match(range_header.strip()) if range_header and size else None
    if match and (match.group(1) or match.group(2)):
        start_text, end_text = match.groups()
        if start_text:
            start = int(start_text)
            end = min(int(end_text), size - 1) if end_text else size - 1
        else:
            start = max(size - int(end_text), 0)
            end = size - 1
        if start > end or start >= size:
            handle.close()
            response = HttpResponse(status=416)
            response.headers["Content-Range"] = f"bytes */{size}"
            return _secure(response, cacheable=cacheable)
        handle.seek(start)
        response = StreamingHttpResponse(
            _read_range(handle, end - start + 1), status=206, content_type=content_type
        )
        response.headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        response.headers["Content-Length"] = str(end - start + 1)
        response.headers["Accept-Ranges"] = "bytes"
        return _secure(response, cacheable=cacheable)

    response = FileResponse(handle, content_type=content_type)
    if size is not None:
        response.headers["Content-Length"] = str(size)
    response.headers["Accept-Ranges"] = "bytes"
    return _secure(response, cacheable=cacheable)


def _read_range(handle, length):
    try:
        while length > 0:
            chunk = handle.read(min(STREAM_CHUNK, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk
    finally:
        handle.close()


def _find_block(request, lesson_id, block_id):
    """The live lesson page and the H5P block value, if the learner may see that lesson."""
    page = Page.objects.live().filter(pk=lesson_id).first()
    if page is None:
        return None, None
    for restriction in page.get_view_restrictions():
        if not restriction.accept_request(request):
            return None, None
    page = page.specific
    for found_id, block, value in iter_stream_blocks(page):
        if found_id == block_id and isinstance(block, H5PActivityBlock):
            if value.get("package") is None:
                return None, None
            return page, value
    return None, None


def _activity_gone():
    # 410 rather than 404: LocaleMiddleware turns a 404 on an unprefixed path into a redirect to
    # /<lang>/h5p/..., which the player would follow and misread.
    return _json_error(_("This activity does not exist or is no longer published."), 410)


def _require_learner(request):
    if not request.user.is_authenticated:
        return _json_error(_("Log in to save your progress."), 403)
    return None


@require_POST
def capture(request, lesson_id, block_id):
    """Receive one xAPI statement from the player; the server decides who did what, and where."""
    denied = _require_learner(request)
    if denied:
        return denied
    if len(request.body) > MAX_STATEMENT_BYTES:
        return _json_error(_("The statement is too large."), 413)
    lesson, value = _find_block(request, lesson_id, block_id)
    if lesson is None:
        return _activity_gone()
    if not permissions.may_open_lesson(request.user, lesson):
        return _not_enrolled()
    try:
        # The store's own parser: no NaN/Infinity/1e999, no lone surrogates, no RecursionError.
        payload = load_json(request.body.decode("utf-8"))
    except (UnicodeDecodeError, JSONError):
        return _json_error(_("The statement is not valid JSON."), 400)
    statement = payload.get("statement") if isinstance(payload, dict) else None
    problem = _statement_problem(statement)
    if problem:
        return _json_error(problem, 400)
    context = lesson_context(request.user, lesson)
    if context.get("enrolment") is None:
        return _not_enrolled()
    try:
        outcome = services.capture_statement(
            request.user, lesson, block_id, value, statement, context=context
        )
    except CourseActionError as error:
        return _json_error(str(error), 400)
    except Conflict:
        return _json_error(_("This statement was already recorded with different content."), 409)
    except ValueError as error:
        # The tracking service rejects statements it cannot store (an unknown verb IRI, bad result).
        return _json_error(_("The statement was rejected: %(reason)s") % {"reason": error}, 400)
    return JsonResponse({"success": True, **outcome})


def _not_enrolled():
    return _json_error(_("Enrol in the course to have your results counted."), 403)


def _statement_problem(statement):
    if not isinstance(statement, dict):
        return _("The request has no statement.")
    verb = statement.get("verb")
    if not isinstance(verb, dict) or not isinstance(verb.get("id"), str) or not verb["id"]:
        return _("The statement has no verb.")
    if not isinstance(statement.get("object"), dict):
        return _("The statement has no object.")
    # Every member the capture reads before the store validates the statement must have its type.
    obj = statement["object"]
    definition = obj.get("definition", {})
    context = statement.get("context", {})
    result = statement.get("result", {})
    shapes = [
        ("result", result),
        ("context", context),
        ("object.definition", definition),
        (
            "object.definition.extensions",
            definition.get("extensions", {}) if isinstance(definition, dict) else {},
        ),
        ("result.score", result.get("score", {}) if isinstance(result, dict) else {}),
        (
            "context.contextActivities",
            context.get("contextActivities", {}) if isinstance(context, dict) else {},
        ),
    ]
    for part, value in shapes:
        if not isinstance(value, dict):
            return _("The statement's %(part)s is not an object.") % {"part": part}
    for kind, items in shapes[-1][1].items():
        for item in items if isinstance(items, list) else [items]:
            if not isinstance(item, dict) or not isinstance(item.get("id", ""), str):
                return _("The statement's %(part)s is not an object.") % {
                    "part": f"context.contextActivities.{kind}"
                }
    return None


@require_POST
def mark_done_view(request, lesson_id, block_id):
    denied = _require_learner(request)
    if denied:
        return denied
    lesson, value = _find_block(request, lesson_id, block_id)
    if lesson is None:
        return _activity_gone()
    if not permissions.may_open_lesson(request.user, lesson):
        return _not_enrolled()
    if value.get("completion") != services.CompletionMode.MARK_DONE:
        return _json_error(_("This activity completes by itself; it cannot be marked as done."), 400)
    context = lesson_context(request.user, lesson)
    if context.get("enrolment") is None:
        return _not_enrolled()
    try:
        outcome = services.mark_done(request.user, lesson, block_id, value, context=context)
    except CourseActionError as error:
        return _json_error(str(error), 400)
    return JsonResponse({"success": True, **outcome})


@require_http_methods(["GET", "POST"])
def content_user_data(request, uid, lesson_id, block_id, data_type, sub_content_id):
    """H5P's content-user-data protocol: GET returns the saved state, POST stores or deletes it."""
    denied = _require_learner(request)
    if denied:
        return denied
    if not KEY_PATTERN.match(data_type) or not KEY_PATTERN.match(sub_content_id):
        return _json_error(_("Unknown kind of saved data."), 400)
    lesson, value = _find_block(request, lesson_id, block_id)
    if lesson is None or value["package"].uid != uid:
        return _activity_gone()
    if not permissions.may_open_lesson(request.user, lesson):
        # The same refusal as the lesson page itself (403 until enrolled).
        return _not_enrolled()
    package = value["package"]
    if request.method == "GET":
        data = services.load_user_data(request.user, package, lesson, block_id, data_type, sub_content_id)
        return JsonResponse({"success": True, "data": data if data is not None else False})

    data = request.POST.get("data")
    if data is None:
        return _json_error(_("No data was sent."), 400)
    if data == "0":
        services.save_user_data(request.user, package, lesson, block_id, data_type, sub_content_id, None)
        return JsonResponse({"success": True})
    if len(data.encode("utf-8")) > settings.H5P_USER_DATA_MAX_BYTES:
        return _json_error(
            _("The saved state is larger than %(limit)d KB and was not stored.")
            % {"limit": settings.H5P_USER_DATA_MAX_BYTES // 1024},
            413,
        )
    services.save_user_data(
        request.user,
        package,
        lesson,
        block_id,
        data_type,
        sub_content_id,
        data,
        invalidate=request.POST.get("invalidate") == "1",
    )
    return JsonResponse({"success": True})

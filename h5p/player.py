"""What the lesson's H5P block needs to render the h5p-standalone player."""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from wagtail.blocks import StreamValue, StructValue
from wagtail.fields import StreamField


def find_block_id(value, parent_context):
    """The StreamField id of the block being rendered.

    Wagtail passes a block's template only its value, but lessons need the id to tell two H5P
    blocks apart. A ``{% for block in page.body %}`` loop leaves the bound block in the context;
    otherwise the page's stream fields are searched for this very value object.
    """
    if not hasattr(parent_context, "get"):
        return None
    bound = parent_context.get("block")
    if bound is not None and getattr(bound, "value", None) is value and getattr(bound, "id", None):
        return bound.id
    page = parent_context.get("page")
    if page is None:
        return None
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            found = _find_in_stream(getattr(page, field.name, None), value)
            if found:
                return found
    return None


def _find_in_stream(stream, value):
    if not isinstance(stream, StreamValue):
        return None
    for child in stream:
        if child.value is value:
            return child.id
        nested = _find_nested(child.value, value)
        if nested:
            return nested
    return None


def _find_nested(container, value):
    if isinstance(container, StreamValue):
        return _find_in_stream(container, value)
    if isinstance(container, StructValue):
        for item in container.values():
            found = _find_nested(item, value)
            if found:
                return found
    return None


def iter_stream_blocks(page):
    """Yield ``(block_id, block, value)`` for every block in the page's stream fields, nested too."""
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            yield from _walk(getattr(page, field.name, None))


def _walk(stream):
    if not isinstance(stream, StreamValue):
        return
    for child in stream:
        yield child.id, child.block, child.value
        if isinstance(child.value, StreamValue):
            yield from _walk(child.value)
        elif isinstance(child.value, StructValue):
            for item in child.value.values():
                if isinstance(item, StreamValue):
                    yield from _walk(item)


def content_base_url(package):
    # The revision in the path gives every re-upload fresh URLs, so browsers never mix cached files.
    return reverse("h5p:content_root", kwargs={"uid": package.uid, "revision": package.revision}).rstrip("/")


def player_context(value, parent_context):
    """Everything ``templates/h5p/blocks/h5p_activity.html`` renders, including the player options."""
    from tracking.services import activity_iri

    package = value.get("package")
    request = parent_context.get("request") if hasattr(parent_context, "get") else None
    page = parent_context.get("page") if hasattr(parent_context, "get") else None
    block_id = find_block_id(value, parent_context)
    completion = value.get("completion") or "statement"
    context = {
        "package": package,
        "block_id": block_id,
        "completion": completion,
        "required": bool(value.get("required")),
        "completed": False,
        "tracked": False,
    }
    if package is None:
        return context

    user = getattr(request, "user", None)
    lesson_id = getattr(page, "pk", None)
    # Editors previewing a draft play the activity, but nothing is recorded for them.
    previewing = bool(getattr(request, "is_preview", False))
    tracked = bool(user is not None and user.is_authenticated and lesson_id and block_id and not previewing)
    content_id = f"{package.pk}-{block_id or 'preview'}"
    base = content_base_url(package)
    options = {
        "id": content_id,
        "h5pJsonPath": base,
        "contentJsonPath": f"{base}/content",
        "librariesPath": base,
        "frameJs": static("h5p-standalone/frame.bundle.js"),
        "frameCss": static("h5p-standalone/styles/h5p.css"),
        "customJs": [static("js/h5p-frame.js")],
        "customCss": [static("css/h5p-frame.css")],
        "title": package.title,
        "fullScreen": True,
        "frame": False,
        "copyright": False,
        "icon": False,
    }
    if page is not None and block_id and getattr(page, "translation_key", None):
        options["xAPIObjectIRI"] = activity_iri("h5p", f"{page.translation_key}/{block_id}")
    if tracked:
        from .models import H5PActivityResult, H5PContentUserData

        options["saveFreq"] = settings.H5P_SAVE_FREQUENCY
        options["user"] = {"name": user.display_name, "mail": user.email}
        options["ajax"] = {
            "contentUserDataUrl": reverse(
                "h5p:content_user_data",
                kwargs={
                    "uid": package.uid,
                    "lesson_id": lesson_id,
                    "block_id": block_id,
                    "data_type": "DATATYPE",
                    "sub_content_id": "SUBCONTENTID",
                },
            )
            .replace("DATATYPE", ":dataType")
            .replace("SUBCONTENTID", ":subContentId")
        }
        # H5P builds the activity right after asking for the saved state, so an AJAX answer would
        # arrive too late: the state is handed over with the options (H5P's "preloaded" user data).
        saved = H5PContentUserData.objects.filter(
            user=user, package=package, lesson_id=lesson_id, block_id=block_id, sub_content_id="0"
        ).values_list("data_type", "data")
        if saved:
            options["contentUserData"] = [dict(saved)]
        context["resumed"] = bool(saved)
        context["state_url"] = reverse(
            "h5p:content_user_data",
            kwargs={
                "uid": package.uid,
                "lesson_id": lesson_id,
                "block_id": block_id,
                "data_type": "state",
                "sub_content_id": "0",
            },
        )
        context["capture_url"] = reverse("h5p:capture", kwargs={"lesson_id": lesson_id, "block_id": block_id})
        context["mark_done_url"] = reverse(
            "h5p:mark_done", kwargs={"lesson_id": lesson_id, "block_id": block_id}
        )
        context["completed"] = H5PActivityResult.objects.filter(
            user=user, lesson_id=lesson_id, block_id=block_id, completed_at__isnull=False
        ).exists()
    else:
        options["saveFreq"] = False
    context.update(
        {
            "tracked": tracked,
            "content_id": content_id,
            "options_script_id": f"h5p-options-{content_id}",
            "options": options,
            "language": package.language,
        }
    )
    return context

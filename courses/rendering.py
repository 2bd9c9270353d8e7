"""HTML that every lesson and course page repeats: the course outline, the lesson body and the
quiz questions, rendered by templates and kept under the page-tree version (``website.treecache``).

- The outline (``courses/includes/course_outline.html``) is the same for every learner of a course,
  language, site and current lesson except for the ticks. It is rendered once per process with a
  *slot* where each lesson's and module's progress goes; the rendered HTML is kept split at its
  slots, and each request fills them with plain text (a class suffix, a tick, "(completed)"), where
  rendering sixty lessons through the template engine took about 3.5 ms of a lesson page's 8.
- The lesson blocks that hold no learner state (text, images, video, callouts, resources,
  checklists) are rendered once per published revision and language; quizzes, reflections and H5P
  activities show the learner's own state and are rendered on every request.
- Quiz question fieldsets hold no answers and are rendered once per published revision, language
  and quiz.

Previews are never cached."""

import re

from django.conf import settings
from django.template.loader import get_template, render_to_string
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from website import treecache

from .blocks import STATELESS_BLOCK_TYPES

# A slot: \x1e, the part (c: class, t: tick, s: status, n: "new"), the kind (l: lesson, m: module), the index,
# \x1f. The separators are control characters no title or URL of the outline contains.
_SLOT = re.compile("\x1e([ctsn])([lm])(\\d+)\x1f")


class _Slots:
    """The slots of one lesson or module, as the outline template reads them."""

    __slots__ = ("css", "tick", "status", "new")

    def __init__(self, kind, index):
        self.css = f"\x1ec{kind}{index}\x1f"
        self.tick = f"\x1et{kind}{index}\x1f"
        self.status = f"\x1es{kind}{index}\x1f"
        self.new = f"\x1en{kind}{index}\x1f"


def _outline_skeleton(outline, current_pk, link_lessons):
    modules = []
    index = 0
    for module_index, module in enumerate(outline["modules"]):
        lessons = []
        for lesson in module["lessons"]:
            page = lesson["page"]
            lessons.append(
                {
                    "title": page.title,
                    "url": lesson["url"],
                    "minutes": page.estimated_minutes,
                    "is_current": page.pk == current_pk,
                    "done": _Slots("l", index),
                }
            )
            index += 1
        modules.append({"title": module["page"].title, "lessons": lessons, "done": _Slots("m", module_index)})
    return render_to_string(
        "courses/includes/course_outline.html", {"modules": modules, "link_lessons": link_lessons}
    )


def outline_html(outline, current=None, link_lessons=False):
    """The course outline list: modules, their lessons with ticks, links and estimated minutes."""
    current_pk = current["page"].pk if current else None
    key = (
        "course-outline",
        outline["course_pk"],
        outline["url"],  # the course's URL on this site
        translation.get_language(),
        current_pk,
        bool(link_lessons),
    )
    pieces = treecache.cached(
        key,
        lambda: _compiled(_outline_skeleton(outline, current_pk, link_lessons)),
        timeout=settings.COURSES_OUTLINE_CACHE_SECONDS,
        scope=treecache.PROCESS,
    )
    done = {
        "l": [bool(lesson["done"]) for lesson in outline["lessons"]],
        "m": [bool(module.get("done", False)) for module in outline["modules"]],
    }
    new = [lesson.get("new", False) for lesson in outline["lessons"]]
    # The "new" badge is left out altogether for lessons that are not new, so its markup is a slot too.
    new_label = render_to_string("courses/includes/outline_new.html") if any(new) else ""
    completed = "(" + escape(gettext("completed")) + ")"
    values = {
        ("c", "l", True): " is-done",
        ("c", "l", False): "",
        ("c", "m", True): " is-done",
        ("c", "m", False): "",
        ("t", "l", True): "✓",
        ("t", "l", False): "○",
        ("t", "m", True): "✓",
        ("t", "m", False): "",
        ("s", "l", True): completed,
        ("s", "l", False): "(" + escape(gettext("not completed")) + ")",
        ("s", "m", True): completed,
        ("s", "m", False): "",
    }
    out = []
    for piece in pieces:
        if piece.__class__ is str:
            out.append(piece)
            continue
        part, kind, index = piece
        if part == "n":
            out.append(new_label if kind == "l" and index < len(new) and new[index] else "")
        else:
            flags = done[kind]
            out.append(values[(part, kind, flags[index] if index < len(flags) else False)])
    return mark_safe("".join(out))


def _compiled(html):
    """The outline's HTML as literal text and (part, kind, index) slots, in order: filling a slot is
    then a list step, not a regular-expression match."""
    pieces = _SLOT.split(html)  # text, part, kind, index, text, part, kind, index, …, text
    compiled = []
    for start in range(0, len(pieces), 4):
        compiled.append(pieces[start])
        if start + 3 < len(pieces):
            compiled.append((pieces[start + 1], pieces[start + 2], int(pieces[start + 3])))
    return tuple(compiled)


def _wrap(block_type, block_id, html):
    return render_to_string(
        "courses/includes/lesson_block.html", {"block_type": block_type, "block_id": block_id, "html": html}
    )


def _render_block(child, context):
    block_context = dict(context)
    block_context["block_id"] = child.id
    return child.block.render(child.value, context=block_context)


def lesson_body_html(page, context):
    """The lesson's blocks in order, each in its wrapper (``courses/includes/lesson_block.html``).

    Blocks in ``STATELESS_BLOCK_TYPES`` depend only on the published content, the language and the
    URLs of the pages they link to, so their HTML is kept per published revision and language
    (``COURSES_BODY_CACHE_SECONDS``). The others are rendered with the learner's context."""
    request = context.get("request")
    raw = list(page.body.raw_data)
    cacheable = bool(page.live_revision_id) and not getattr(request, "is_preview", False)

    def render_stateless():
        return {
            item.get("id"): _wrap(item["type"], item.get("id"), _render_block(page.body[index], {}))
            for index, item in enumerate(raw)
            if item["type"] in STATELESS_BLOCK_TYPES
        }

    stateless = {}
    if cacheable:
        stateless = treecache.cached(
            ("lesson-body", page.pk, page.live_revision_id, translation.get_language()),
            render_stateless,
            timeout=settings.COURSES_BODY_CACHE_SECONDS,
        )
    flat_context = context.flatten() if hasattr(context, "flatten") else dict(context)
    parts = []
    for index, item in enumerate(raw):
        block_type, block_id = item["type"], item.get("id")
        html = stateless.get(block_id) if block_type in STATELESS_BLOCK_TYPES else None
        if html is None:
            block_context = flat_context if block_type not in STATELESS_BLOCK_TYPES else {}
            html = _wrap(block_type, block_id, _render_block(page.body[index], block_context))
        parts.append(html)
    return mark_safe("".join(parts))


def quiz_fieldsets_html(context):
    """The question fieldsets of a quiz form (``blocks/quiz_fieldsets.html``).

    They hold the questions, options and ordering items of the published quiz (ordering items in a
    shuffle fixed per question), never a learner's answers, results or attempt number."""
    template = get_template("blocks/quiz_fieldsets.html").template
    page = context.get("page")
    request = context.get("request")
    if page is None or not getattr(page, "live_revision_id", None) or getattr(request, "is_preview", False):
        return template.render(context)
    key = (
        "quiz-fieldsets",
        page.pk,
        page.live_revision_id,
        translation.get_language(),
        context.get("block_id"),
    )
    return mark_safe(
        treecache.cached(
            key,
            lambda: str(template.render(context)),
            timeout=settings.COURSES_BODY_CACHE_SECONDS,
            scope=treecache.PROCESS,
        )
    )

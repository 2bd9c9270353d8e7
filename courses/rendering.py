"""HTML that every lesson and course page repeats: the course outline and the lesson body.

Both used to go through the template engine block by block and lesson by lesson, which was the
largest share of a lesson page's time (a 60-lesson outline alone took about 3.5 ms). The outline is
now assembled here in one pass, and the lesson blocks that hold no learner state are rendered once
per published revision, language and page-tree version and then served from the cache."""

from html import escape

from django.conf import settings
from django.template.loader import get_template
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from website import shell

from .blocks import STATELESS_BLOCK_TYPES

ARIA_CURRENT = ' aria-current="page"'


def outline_html(outline, current=None, link_lessons=False):
    """The course outline list: modules, their lessons with ticks, links and estimated minutes.

    Plain string building with ``html.escape`` (what Django's ``escape`` does too), because this
    runs for every lesson of the course on every lesson page."""
    completed = escape(gettext("completed"))
    not_completed = escape(gettext("not completed"))
    new = escape(gettext("new"))
    current_pk = current["page"].pk if current else None
    minutes_labels = {}
    parts = ['<ol class="course-outline">']
    for module in outline["modules"]:
        done = module.get("done")
        parts.append(
            f'<li class="outline-module{" is-done" if done else ""}"><h3 class="outline-module-title">'
            + ('<span class="tick" aria-hidden="true">✓</span> ' if done else "")
            + escape(module["page"].title)
            + (f' <span class="visually-hidden">({completed})</span>' if done else "")
            + '</h3><ol class="outline-lessons">'
        )
        for lesson in module["lessons"]:
            page = lesson["page"]
            is_current = page.pk == current_pk
            minutes = page.estimated_minutes
            label = minutes_labels.get(minutes)
            if label is None:
                label = minutes_labels[minutes] = escape(
                    ngettext("%(minutes)s min", "%(minutes)s min", minutes) % {"minutes": minutes}
                )
            title = escape(page.title)
            if link_lessons:
                marker = ARIA_CURRENT if is_current else ""
                title = f'<a href="{escape(lesson["url"])}"{marker}>{title}</a>'
            else:
                title = f"<span>{title}</span>"
            done = lesson["done"]
            classes = "outline-lesson" + (" is-done" if done else "") + (" is-current" if is_current else "")
            parts.append(
                f'<li class="{classes}">'
                f'<span class="tick" aria-hidden="true">{"✓" if done else "○"}</span> {title} '
                f'<span class="visually-hidden">({completed if done else not_completed})</span> '
                + (f'<span class="outline-new">{new}</span> ' if lesson.get("new") else "")
                + f'<span class="outline-minutes">{label}</span></li>'
            )
        parts.append("</ol></li>")
    parts.append("</ol>")
    return mark_safe("".join(parts))


def _body_cache_key(tree_version, page):
    language = translation.get_language()
    return f"courses:lesson-body:{tree_version}:{page.pk}:{page.live_revision_id}:{language}"


def _wrap(block_type, block_id, html):
    return format_html(
        '<div class="lesson-block lesson-block-{}" id="block-{}">{}</div>', block_type, block_id, html
    )


def _render_block(child, context):
    block_context = dict(context)
    block_context["block_id"] = child.id
    return child.block.render(child.value, context=block_context)


def lesson_body_html(page, context):
    """The lesson's blocks in order, each in its wrapper.

    Blocks in ``STATELESS_BLOCK_TYPES`` depend only on the published content, the language and the
    URLs of the pages they link to, so their HTML is cached (``COURSES_BODY_CACHE_SECONDS``). Quizzes,
    reflections and H5P activities show the learner's own state and are rendered on every request.
    Previews are never cached."""
    request = context.get("request")
    raw = list(page.body.raw_data)
    cacheable = bool(page.live_revision_id) and not getattr(request, "is_preview", False)
    cached = {}
    key = tree_version = None
    if cacheable:
        tree_version = shell.version()
        key = _body_cache_key(tree_version, page)
        cached = shell.versioned_get(tree_version, key) or {}
    flat_context = context.flatten() if hasattr(context, "flatten") else dict(context)
    parts, fresh = [], {}
    for index, item in enumerate(raw):
        block_type, block_id = item["type"], item.get("id")
        if cacheable and block_type in STATELESS_BLOCK_TYPES:
            html = cached.get(block_id)
            if html is None:
                html = fresh[block_id] = str(_wrap(block_type, block_id, _render_block(page.body[index], {})))
            parts.append(html)
        else:
            parts.append(str(_wrap(block_type, block_id, _render_block(page.body[index], flat_context))))
    if fresh:
        shell.versioned_set(tree_version, key, {**cached, **fresh}, settings.COURSES_BODY_CACHE_SECONDS)
    return mark_safe("".join(parts))


def quiz_fieldsets_html(context):
    """The question fieldsets of a quiz form (``blocks/quiz_fieldsets.html``).

    They hold the questions, options and ordering items of the published quiz (ordering items in a
    shuffle fixed per question), never a learner's answers, results or attempt number: rendered once
    per published revision, language and quiz, and kept in process memory under the page-tree
    version. Previews are rendered afresh."""
    from website.fragments import memory

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
    return mark_safe(shell.remember(memory, key, lambda: str(template.render(context))))

from django import template

register = template.Library()


@register.simple_tag
def lookup(mapping, key):
    """``{% lookup reflections block_id as answer %}``: a dict entry by a key held in a variable."""
    if not mapping:
        return None
    return mapping.get(key)


@register.simple_tag
def course_outline_list(outline, current=None, link_lessons=False):
    """``{% course_outline_list outline current link_lessons %}``: the outline with ticks."""
    from ..rendering import outline_html

    if not outline:  # a preview of a lesson whose course has no outline yet
        return ""
    return outline_html(outline, current, bool(link_lessons))


@register.simple_tag(takes_context=True)
def lesson_body(context, page):
    """``{% lesson_body page %}``: the lesson's blocks; those without learner state from the cache."""
    from ..rendering import lesson_body_html

    return lesson_body_html(page, context)


@register.simple_tag(takes_context=True)
def quiz_fieldsets(context):
    """``{% quiz_fieldsets %}`` in the quiz block: the questions of the form, the same for every
    learner (``courses.rendering.quiz_fieldsets_html``)."""
    from ..rendering import quiz_fieldsets_html

    return quiz_fieldsets_html(context)

from django import template

register = template.Library()


@register.simple_tag
def lookup(mapping, key):
    """``{% lookup reflections block_id as answer %}``: a dict entry by a key held in a variable."""
    if not mapping:
        return None
    return mapping.get(key)

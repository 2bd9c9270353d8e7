"""``{% grid_cells row.cells %}``: the cells of one row of the trainer's progress grid.

A cohort of 200 people in a course of 40 lessons has 8,000 cells, and rendering each through the
template engine (three variables, each escaped) took most of the dashboard's time. A cell's HTML
depends only on its state (done, started, to do; ``workshops.selectors.course_grids`` shares one
dict per state), so each state's cell is rendered once per page from
``workshops/includes/grid_cell.html`` and repeated."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def grid_cells(context, cells):
    rendered = context.render_context.get("progress-grid-cells")
    if rendered is None:
        rendered = context.render_context["progress-grid-cells"] = {}
    parts = []
    for cell in cells:
        html = rendered.get(cell["state"])
        if html is None:
            html = rendered[cell["state"]] = render_to_string(
                "workshops/includes/grid_cell.html", {"cell": cell}
            )
        parts.append(html)
    return mark_safe("".join(parts))  # each part was rendered (and escaped) by the template engine

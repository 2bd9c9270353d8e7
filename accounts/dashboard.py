"""A tiny registry for the learner dashboard: apps register panels; accounts renders them in order."""

_panels = []


def register_panel(order, builder):
    """``builder(request)`` returns ``None`` or a dict with ``template`` and its context."""
    _panels.append((order, builder))
    _panels.sort(key=lambda item: item[0])


def panels_for(request):
    result = []
    for _order, builder in _panels:
        panel = builder(request)
        if panel:
            result.append(panel)
    return result

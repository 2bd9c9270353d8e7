"""Geometry for the server-side SVG charts (``templates/workshops/charts/``): plain numbers the
templates draw, so every chart is an image and a table of the same figures."""

WIDTH = 640
HEIGHT = 240
MARGIN = {"top": 16, "end": 16, "bottom": 40, "start": 48}
PALETTE = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#0e7490"]


def _nice_max(value):
    if value <= 0:
        return 1
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step:
            return step
    return value


def _ticks(top, count=4):
    # A scale up to 5 (self-assessment) reads best with a line at every whole value.
    if top == int(top) and top <= 5:
        count = int(top)
    return [round(top * index / count, 2) for index in range(count + 1)]


def bar_chart(labels, series, *, maximum=None, minimum=0):
    """Grouped bars: ``series`` is a list of (name, [value per label]); values may be negative when
    ``minimum`` is below zero (learning gains)."""
    plot_w = WIDTH - MARGIN["start"] - MARGIN["end"]
    plot_h = HEIGHT - MARGIN["top"] - MARGIN["bottom"]
    values = [value for _name, row in series for value in row if value is not None]
    top = maximum if maximum is not None else _nice_max(max(values, default=0))
    bottom = minimum
    span = (top - bottom) or 1

    def y(value):
        return MARGIN["top"] + plot_h * (top - value) / span

    group_w = plot_w / max(len(labels), 1)
    bar_w = group_w * 0.7 / max(len(series), 1)
    bars = []
    for s_index, (name, row) in enumerate(series):
        for l_index, value in enumerate(row):
            if value is None:
                continue
            x = MARGIN["start"] + group_w * l_index + group_w * 0.15 + bar_w * s_index
            y0, y1 = y(max(value, 0)), y(min(value, 0))
            bars.append(
                {
                    "x": round(x, 1),
                    "y": round(y0, 1),
                    "width": round(bar_w, 1),
                    "height": round(max(y1 - y0, 1), 1),
                    "color": PALETTE[s_index % len(PALETTE)],
                    "label": labels[l_index],
                    "series": name,
                    "value": value,
                }
            )
    ticks = (
        [{"value": value, "y": round(y(value), 1)} for value in _ticks(top)]
        if bottom == 0
        else [{"value": value, "y": round(y(value), 1)} for value in (bottom, 0, top)]
    )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "plot": {
            "x0": MARGIN["start"],
            "x1": WIDTH - MARGIN["end"],
            "y0": MARGIN["top"],
            "y1": HEIGHT - MARGIN["bottom"],
        },
        "zero_y": round(y(0), 1),
        "bars": bars,
        "ticks": ticks,
        "labels": [
            {"text": label, "x": round(MARGIN["start"] + group_w * (index + 0.5), 1)}
            for index, label in enumerate(labels)
        ],
        "legend": [
            {"name": name, "color": PALETTE[index % len(PALETTE)]}
            for index, (name, _row) in enumerate(series)
        ],
        "label_y": HEIGHT - MARGIN["bottom"] + 16,
    }


def line_chart(labels, series):
    """One line per series over ``labels`` (months)."""
    plot_w = WIDTH - MARGIN["start"] - MARGIN["end"]
    plot_h = HEIGHT - MARGIN["top"] - MARGIN["bottom"]
    top = _nice_max(max((value for _name, row in series for value in row), default=0))

    def x(index):
        return MARGIN["start"] + (plot_w * index / (len(labels) - 1) if len(labels) > 1 else plot_w / 2)

    def y(value):
        return MARGIN["top"] + plot_h * (top - value) / top

    lines = []
    for s_index, (name, row) in enumerate(series):
        points = [(round(x(index), 1), round(y(value), 1)) for index, value in enumerate(row)]
        lines.append(
            {
                "name": name,
                "color": PALETTE[s_index % len(PALETTE)],
                "points": " ".join(f"{px},{py}" for px, py in points),
                "dots": [
                    {"x": px, "y": py, "value": row[i], "label": labels[i]}
                    for i, (px, py) in enumerate(points)
                ],
            }
        )
    step = max(1, len(labels) // 8)
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "plot": {
            "x0": MARGIN["start"],
            "x1": WIDTH - MARGIN["end"],
            "y0": MARGIN["top"],
            "y1": HEIGHT - MARGIN["bottom"],
        },
        "lines": lines,
        "ticks": [{"value": value, "y": round(y(value), 1)} for value in _ticks(top)],
        "labels": [
            {"text": label, "x": round(x(index), 1)}
            for index, label in enumerate(labels)
            if index % step == 0
        ],
        "label_y": HEIGHT - MARGIN["bottom"] + 16,
    }

"""Inline SVG charts drawn at build time: no JavaScript, no fonts or scripts from the network."""

from __future__ import annotations

from html import escape

WIDTH, HEIGHT = 640, 220
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 52, 24, 12, 28
TICKS = 5  # y intervals: a 1, 2, 2.5 or 5 x 10^n maximum gives round ticks
COLOURS = ("#3450a1", "#e07a1f", "#2a9d8f", "#b5179e")


def line_chart(dates: list, series: dict[str, list[float]], title: str) -> str:
    """A line chart of `series` (name -> values, one per date) over `dates`."""
    if not dates:
        return _empty(title)
    top = _nice_max(max((v for values in series.values() for v in values), default=0))
    plot_w, plot_h = WIDTH - PAD_LEFT - PAD_RIGHT, HEIGHT - PAD_TOP - PAD_BOTTOM
    step = plot_w / max(len(dates) - 1, 1)

    def point(i: int, value: float) -> str:
        x = PAD_LEFT + i * step
        y = PAD_TOP + plot_h - (value / top) * plot_h
        return f"{x:.1f},{y:.1f}"

    parts = _y_axis(top, plot_h) + _x_labels(dates, step)
    for colour, (name, values) in zip(COLOURS, series.items(), strict=False):
        points = " ".join(point(i, v) for i, v in enumerate(values))
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}">'
            f"<title>{escape(name)}</title></polyline>"
        )
        parts += [
            f'<circle cx="{point(i, v).split(",")[0]}" cy="{point(i, v).split(",")[1]}" r="2.5" '
            f'fill="{colour}"><title>{escape(name)} {dates[i]}: {_fmt(v)}</title></circle>'
            for i, v in enumerate(values)
        ]
    return _svg(title, parts) + _legend(series)


def bar_chart(items: list[tuple[str, float]], title: str) -> str:
    """Horizontal bars, one per (label, value), largest first as given."""
    if not items:
        return _empty(title)
    top = max(value for _, value in items) or 1
    row, label_w = 22, 170
    height = row * len(items) + 8
    parts = []
    for i, (label, value) in enumerate(items):
        y = 4 + i * row
        width = (WIDTH - label_w - 70) * value / top
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end" class="lbl">'
            f"{escape(_clip(label))}</text>"
            f'<rect x="{label_w}" y="{y + 3}" width="{width:.1f}" height="{row - 8}" '
            f'fill="{COLOURS[0]}"><title>{escape(label)}: {_fmt(value)}</title></rect>'
            f'<text x="{label_w + width + 6:.1f}" y="{y + 14}" class="val">{_fmt(value)}</text>'
        )
    return _svg(title, parts, height)


def _y_axis(top: float, plot_h: float) -> list[str]:
    parts = []
    for k in range(TICKS + 1):
        value = top * k / TICKS
        y = PAD_TOP + plot_h - plot_h * k / TICKS
        parts.append(
            f'<line x1="{PAD_LEFT}" x2="{WIDTH - PAD_RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'class="grid"/><text x="{PAD_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" '
            f'class="lbl">{_fmt(value)}</text>'
        )
    return parts


def _x_labels(dates: list, step: float) -> list[str]:
    every = max(1, len(dates) // 8)
    return [
        f'<text x="{PAD_LEFT + i * step:.1f}" y="{HEIGHT - 8}" text-anchor="middle" '
        f'class="lbl">{str(day)[5:]}</text>'
        for i, day in enumerate(dates)
        if i % every == 0 or (i == len(dates) - 1 and i % every > every // 2)
    ]


def _legend(series: dict) -> str:
    keys = "".join(
        f'<span class="key"><i style="background:{colour}"></i>{escape(name)}</span>'
        for colour, name in zip(COLOURS, series, strict=False)
    )
    return f'<div class="legend">{keys}</div>'


def _svg(title: str, parts: list[str], height: int = HEIGHT) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
        + "".join(parts)
        + "</svg>"
    )


def _empty(title: str) -> str:
    return f'<p class="empty">{escape(title)}: no data</p>'


def _nice_max(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 x 10^n at or above `value` (at least 1)."""
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for factor in (1, 2, 2.5, 5, 10):
        if value <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _fmt(value: float) -> str:
    number = float(value)
    return f"{number:,.0f}" if number == int(number) else f"{number:,.2f}"


def _clip(text: str, length: int = 32) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"

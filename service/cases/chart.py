"""Self-ratings over time: a server-rendered chart that reads on a phone, a tablet and paper.

The figure has a visible title, the plot twice (a wide one and a narrow one, each drawn for the
width it is shown at so its text stays at least 12 px: CSS shows one), the legend as HTML
(whole labels, in the method's order of the life areas, wrapping as it needs) and the same
figures as a table for screen readers and print. Dates are in the UI language (Babel).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from flask_babel import format_date, get_locale
from flask_babel import gettext as _
from markupsafe import Markup, escape


@dataclass(frozen=True)
class Layout:
    """One drawing of the plot: its viewBox and its text size (in viewBox units)."""

    name: str
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    font: int
    #: The widest a date label may be (viewBox units), to leave out labels that would touch.
    label_width: int


#: Shown from 40rem (640 px) up, where the figure is 558 to 704 px wide: text 16 → 12.7–16 px.
WIDE = Layout("chart-wide", 700, 280, 48, 16, 16, 42, 16, 90)
#: Shown below 40rem: at 390 px the figure is 340 px wide (text 14 → 14 px), at 360 px 310
#: (12.8 px).
NARROW = Layout("chart-narrow", 340, 240, 32, 10, 12, 38, 14, 66)

#: Line styles that stay distinguishable in black and white.
STYLES = [
    ("#1f5f8b", ""),
    ("#a4161a", "6 4"),
    ("#1b6e3a", "2 3"),
    ("#7a4f00", "10 3 2 3"),
    ("#5b2a86", "1 6"),
    ("#333333", "12 6"),
]
MARKERS = ["circle", "square", "diamond", "triangle", "circle", "square"]


def ratings_chart(
    series: dict[str, list[tuple[date, int]]],
    labels: dict[str, str],
    title: str,
    low: int = 1,
    high: int = 10,
) -> Markup:
    """The chart's figure content (caption, plots, legend, table); empty without ratings.

    ``labels`` maps each life area to its label in the method's order: the legend and the table
    follow it (an area with ratings but no label comes last, under its key). Drawn once per
    process for the same ratings, labels, title and language (the case page asks on every view).
    """
    return _drawn(
        str(get_locale()),
        tuple((area, tuple(points)) for area, points in series.items()),
        tuple((area, str(label)) for area, label in labels.items()),
        str(title),
        low,
        high,
    )


@lru_cache(maxsize=512)
def _drawn(
    _locale: str,
    series_key: tuple[tuple[str, tuple[tuple[date, int], ...]], ...],
    labels_key: tuple[tuple[str, str], ...],
    title: str,
    low: int,
    high: int,
) -> Markup:
    """``ratings_chart`` of the frozen arguments (``_locale`` keys the dates' language)."""
    series = {area: list(points) for area, points in series_key}
    labels = dict(labels_key)
    days = sorted({day for points in series.values() for day, _ in points})
    if not days:
        return Markup("")
    order = [a for a in labels if a in series] + sorted(a for a in series if a not in labels)
    one_year = len({d.year for d in days}) == 1
    axis = (lambda d: format_date(d, "d MMM")) if one_year else (lambda d: format_date(d, "MMM y"))
    parts = [f"<figcaption>{escape(title)}</figcaption>"]
    for layout in (WIDE, NARROW):
        parts.append(_plot(layout, series, labels, order, days, axis, title, low, high))
    parts.append(_legend(order, labels))
    parts.append(_table(order, series, labels, days, title))
    # Every text part went through escape(); the rest are numbers and constants.
    return Markup("".join(parts))  # noqa: S704


def _plot(
    layout: Layout,
    series: dict[str, list[tuple[date, int]]],
    labels: dict[str, str],
    order: list[str],
    days: list[date],
    axis: Callable[[date], str],
    title: str,
    low: int,
    high: int,
) -> str:
    plot_w = layout.width - layout.left - layout.right
    plot_h = layout.height - layout.top - layout.bottom
    # Long date labels are centred on their point: keep the first and last inside the drawing.
    inset = layout.label_width // 2 if len(days) > 1 else 0
    plot_w -= 2 * inset

    def x(day: date) -> float:
        if len(days) == 1:
            return layout.left + plot_w / 2
        return layout.left + inset + plot_w * days.index(day) / (len(days) - 1)

    def y(value: int) -> float:
        return layout.top + plot_h * (high - value) / (high - low)

    font = layout.font
    parts = [
        f'<svg class="chart {layout.name}" role="img" viewBox="0 0 {layout.width} {layout.height}" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(title)}" focusable="false">'
    ]
    ticks = sorted({low, (low + high) // 2, high})
    for value in range(low, high + 1):
        parts.append(
            f'<line x1="{layout.left}" x2="{layout.width - layout.right}" y1="{y(value):.1f}" '
            f'y2="{y(value):.1f}" stroke="#d5dbe3" stroke-width="1"/>'
        )
        if value in ticks:
            parts.append(
                f'<text x="{layout.left - 8}" y="{y(value) + font * 0.35:.1f}" text-anchor="end" '
                f'font-size="{font}" fill="#1d2733">{value}</text>'
            )
    for day in _labelled(days, plot_w, layout.label_width):
        parts.append(
            f'<text x="{x(day):.1f}" y="{layout.height - 12}" text-anchor="middle" '
            f'font-size="{font}" fill="#1d2733">{escape(axis(day))}</text>'
        )
    for index, area in enumerate(order):
        colour, dash = STYLES[index % len(STYLES)]
        points = sorted(series[area])
        coords = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in points)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2.5"'
            f"{dash_attr}/>"
        )
        for day, value in points:
            label = f"{labels.get(area, area)}: {value} ({format_date(day, 'medium')})"
            parts.append(_marker(MARKERS[index % len(MARKERS)], x(day), y(value), colour, label))
    parts.append("</svg>")
    return "".join(parts)


def _labelled(days: list[date], plot_w: int, label_width: int) -> list[date]:
    """The days that get a label on the axis: evenly spread, the first and the last always,
    never two closer than a label's width."""
    if len(days) < 3:
        return days
    gap = plot_w / (len(days) - 1)
    step = max(1, -(-label_width // int(gap)) if gap >= 1 else len(days))
    chosen = list(range(0, len(days), step))
    last = len(days) - 1
    if chosen[-1] != last:
        if (last - chosen[-1]) * gap < label_width and len(chosen) > 1:
            chosen[-1] = last
        else:
            chosen.append(last)
    return [days[i] for i in chosen]


def _swatch(index: int) -> str:
    colour, dash = STYLES[index % len(STYLES)]
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        '<svg viewBox="0 0 40 16" aria-hidden="true" focusable="false">'
        f'<line x1="2" x2="38" y1="8" y2="8" stroke="{colour}" stroke-width="2.5"{dash_attr}/>'
        f"{_marker(MARKERS[index % len(MARKERS)], 20, 8, colour, '')}</svg>"
    )


def _legend(order: list[str], labels: dict[str, str]) -> str:
    items = "".join(
        f"<li>{_swatch(index)}<span>{escape(labels.get(area, area))}</span></li>"
        for index, area in enumerate(order)
    )
    return f'<ul class="chart-legend" aria-hidden="true">{items}</ul>'


def _table(
    order: list[str],
    series: dict[str, list[tuple[date, int]]],
    labels: dict[str, str],
    days: list[date],
    title: str,
) -> str:
    """The figures: one row per meeting, one column per life area (print and screen readers)."""
    head = "".join(f'<th scope="col">{escape(labels.get(a, a))}</th>' for a in order)
    values = {area: dict(series[area]) for area in order}
    rows = []
    for day in days:
        cells = "".join(
            f'<td class="num" data-label="{escape(labels.get(a, a))}">'
            f"{values[a].get(day, '–')}</td>"
            for a in order
        )
        rows.append(f'<tr><th scope="row">{escape(format_date(day, "medium"))}</th>{cells}</tr>')
    meeting = _("Meeting")
    return (
        '<div class="visually-hidden chart-figures"><table class="list chart-table keep">'
        f"<caption>{escape(title)}</caption>"
        f'<thead><tr><th scope="col">{escape(meeting)}</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _marker(shape: str, cx: float, cy: float, colour: str, label: str) -> str:
    title = f"<title>{escape(label)}</title>" if label else ""
    if shape == "square":
        return (
            f'<rect x="{cx - 4:.1f}" y="{cy - 4:.1f}" width="8" height="8" '
            f'fill="{colour}">{title}</rect>'
        )
    if shape == "diamond":
        return (
            f'<polygon points="{cx:.1f},{cy - 5:.1f} {cx + 5:.1f},{cy:.1f} {cx:.1f},{cy + 5:.1f} '
            f'{cx - 5:.1f},{cy:.1f}" fill="{colour}">{title}</polygon>'
        )
    if shape == "triangle":
        return (
            f'<polygon points="{cx:.1f},{cy - 5:.1f} {cx + 5:.1f},{cy + 4:.1f} '
            f'{cx - 5:.1f},{cy + 4:.1f}" fill="{colour}">{title}</polygon>'
        )
    return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4.5" fill="{colour}">{title}</circle>'

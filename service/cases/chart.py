"""Self-ratings over time as a small server-rendered SVG that also reads well on paper."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup, escape

WIDTH, HEIGHT = 700, 260
LEFT, RIGHT, TOP, BOTTOM = 40, 230, 16, 36
#: Line styles that stay distinguishable in black and white.
STYLES = [
    ("#1f5f8b", ""),
    ("#a4161a", "6 4"),
    ("#1b6e3a", "2 3"),
    ("#8a5a00", "10 3 2 3"),
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
    """An accessible SVG line chart: one line per area, x = meetings in date order."""
    days = sorted({day for points in series.values() for day, _ in points})
    if not days:
        return Markup("")
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: date) -> float:
        return LEFT + (plot_w * days.index(day) / (len(days) - 1) if len(days) > 1 else plot_w / 2)

    def y(value: int) -> float:
        return TOP + plot_h * (high - value) / (high - low)

    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'xmlns="http://www.w3.org/2000/svg" aria-labelledby="chart-title">',
        f'<title id="chart-title">{escape(title)}</title>',
    ]
    for value in range(low, high + 1):
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
            f'stroke="#d5dbe3" stroke-width="1"/>'
        )
        if value in (low, (low + high) // 2, high):
            parts.append(
                f'<text x="{LEFT - 8}" y="{y(value) + 4:.1f}" text-anchor="end" '
                f'font-size="11" fill="#333">{value}</text>'
            )
    for day in days:
        parts.append(
            f'<text x="{x(day):.1f}" y="{HEIGHT - 14}" text-anchor="middle" font-size="10" '
            f'fill="#333">{day.isoformat()}</text>'
        )
    for index, (area, points) in enumerate(sorted(series.items())):
        colour, dash = STYLES[index % len(STYLES)]
        coords = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in sorted(points))
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2.5"'
            f"{dash_attr}/>"
        )
        for day, value in points:
            parts.append(
                _marker(
                    MARKERS[index % len(MARKERS)],
                    x(day),
                    y(value),
                    colour,
                    f"{labels.get(area, area)}: {value} ({day.isoformat()})",
                )
            )
        legend_y = TOP + 10 + index * 20
        parts.append(
            f'<line x1="{WIDTH - RIGHT + 12}" x2="{WIDTH - RIGHT + 40}" y1="{legend_y}" '
            f'y2="{legend_y}" stroke="{colour}" stroke-width="2.5"{dash_attr}/>'
        )
        parts.append(
            f'<text x="{WIDTH - RIGHT + 46}" y="{legend_y + 4}" font-size="11" fill="#111">'
            f"{escape(_short(labels.get(area, area)))}</text>"
        )
    parts.append("</svg>")
    # Every text part above went through escape(); the rest are numbers and constants.
    return Markup("".join(parts))  # noqa: S704


def _short(text: str, limit: int = 32) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _marker(shape: str, cx: float, cy: float, colour: str, label: str) -> str:
    title = f"<title>{escape(label)}</title>"
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
            f'{cx - 5:.1f},{cy + 4:.1f}" '
            f'fill="{colour}">{title}</polygon>'
        )
    return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4.5" fill="{colour}">{title}</circle>'

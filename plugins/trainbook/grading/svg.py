"""Small inline SVG charts for the report: no script, no external file, print-friendly."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

BAR = "#3f51b5"
LOW = "#c62828"


def hbars(
    rows: Sequence[tuple[str, float, str]], maximum: float, title: str, *, low: float | None = None, width: int = 640
) -> Markup:
    """Horizontal bars: (label, value, text shown after the bar); bars under *low* in red."""
    row_h, label_w, text_w = 26, 170, 90
    height = row_h * len(rows) + 8
    plot = width - label_w - text_w
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for i, (label, value, text) in enumerate(rows):
        y = 4 + i * row_h
        w = 0 if maximum <= 0 else max(0.0, min(1.0, value / maximum)) * plot
        colour = LOW if low is not None and value < low else BAR
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 17}" text-anchor="end">{escape(_clip(label))}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" fill="{colour}"/>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + 17}">{escape(text)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def columns(rows: Sequence[tuple[str, int]], title: str, *, width: int = 640, height: int = 220) -> Markup:
    """Vertical columns with counts on top, e.g. a score histogram."""
    n = max(1, len(rows))
    top = max((c for _, c in rows), default=0) or 1
    base, head = height - 28, 20
    slot = width / n
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(title)}"><title>{escape(title)}</title>',
        f'<line x1="0" y1="{base}" x2="{width}" y2="{base}" stroke="#999"/>',
    ]
    for i, (label, count) in enumerate(rows):
        h = (base - head) * count / top
        x = i * slot + slot * 0.15
        cx = i * slot + slot / 2
        parts.append(
            f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" fill="{BAR}"/>'
            f'<text x="{cx:.1f}" y="{base - h - 4:.1f}" text-anchor="middle">{count}</text>'
            f'<text x="{cx:.1f}" y="{height - 8}" text-anchor="middle">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _clip(label: str, limit: int = 12) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"

"""Forest plots drawn as SVG by the server (no script, no CDN): one row per estimate, never pooled.

Ratios (HR, OR, RR) are drawn on a log scale with the line of no effect at 1, differences (MD, RD) on a
linear scale with it at 0. Each row shows the study and arms, the point estimate (a square) with its
confidence interval (a line, with an arrow when the interval leaves the axis), the numbers, and links to
the result row that holds the snippet, file and line.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape

from kb.evidence.treatment import Forest, ForestRow

WIDTH = 820
LABEL_WIDTH = 330
PLOT_WIDTH = 300
ROW_HEIGHT = 24
TOP = 34
BOTTOM = 40
RATIO_TICKS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100)
MAX_LABEL = 48


def _fmt(x: float) -> str:
    return f"{x:.2f}" if abs(x) < 100 else f"{x:.0f}"


def _nice_step(span: float) -> float:
    raw = span / 5 if span > 0 else 1
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _scale(forest: Forest) -> tuple[Callable[[float], float], list[float], float, float]:
    """A value -> x function, the ticks, and the axis bounds."""
    null = 1.0 if forest.ratio else 0.0
    lows = [r.low for r in forest.rows] + [null]
    highs = [r.high for r in forest.rows] + [null]
    if forest.ratio:
        lo = max(min(lows), RATIO_TICKS[0])
        hi = min(max(highs), RATIO_TICKS[-1])
        lo_log, hi_log = math.log10(lo) - 0.1, math.log10(hi) + 0.1

        def x(v: float) -> float:
            v = min(max(v, 10**lo_log), 10**hi_log)
            return LABEL_WIDTH + (math.log10(v) - lo_log) / (hi_log - lo_log) * PLOT_WIDTH

        ticks = [t for t in RATIO_TICKS if 10**lo_log <= t <= 10**hi_log]
        return x, ticks, 10**lo_log, 10**hi_log
    lo, hi = min(lows), max(highs)
    pad = (hi - lo) * 0.08 or 1.0
    lo, hi = lo - pad, hi + pad

    def x(v: float) -> float:
        v = min(max(v, lo), hi)
        return LABEL_WIDTH + (v - lo) / (hi - lo) * PLOT_WIDTH

    step = _nice_step(hi - lo)
    first = math.ceil(lo / step) * step
    ticks = [round(first + i * step, 10) for i in range(int((hi - first) / step) + 1)]
    return x, ticks, lo, hi


def _label(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def forest_svg(forest: Forest, href: Callable[[ForestRow], str]) -> str:
    """The SVG of ``forest``; ``href`` gives the link of each estimate (its result row)."""
    x, ticks, lo, hi = _scale(forest)
    n = len(forest.rows)
    height = TOP + n * ROW_HEIGHT + BOTTOM
    null = 1.0 if forest.ratio else 0.0
    axis_y = TOP + n * ROW_HEIGHT + 6
    out = [
        f'<svg class="forest" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(forest.title)}: {n} estimates">',
        f"<title>{escape(forest.title)}</title>",
        '<text x="4" y="16" class="forest-head">Study — arms</text>',
        f'<text x="{LABEL_WIDTH + PLOT_WIDTH / 2:.1f}" y="16" text-anchor="middle" class="forest-head">'
        f"{escape(forest.title.split(' — ')[-1])} (95% CI)</text>",
        f'<text x="{LABEL_WIDTH + PLOT_WIDTH + 12}" y="16" class="forest-head">Estimate [CI] p</text>',
        f'<line x1="{x(null):.1f}" y1="{TOP - 6}" x2="{x(null):.1f}" y2="{axis_y}" class="forest-null" '
        'stroke="#888" stroke-dasharray="4 3"/>',
    ]
    for i, row in enumerate(forest.rows):
        y = TOP + i * ROW_HEIGHT + ROW_HEIGHT / 2
        x1, x2, xv = x(row.low), x(row.high), x(row.value)
        numbers = f"{_fmt(row.value)} [{_fmt(row.low)}, {_fmt(row.high)}]" + (f" p{row.p}" if row.p else "")
        tip = f"{row.label}: {numbers}. {row.snippet} ({row.place})"
        out.append(f'<a href="{escape(href(row))}" class="forest-row"><title>{escape(tip)}</title>')
        if i % 2 == 0:
            top = y - ROW_HEIGHT / 2
            out.append(f'<rect x="0" y="{top:.1f}" width="{WIDTH}" height="{ROW_HEIGHT}" fill="#f6f8fa"/>')
        out.append(f'<text x="4" y="{y + 4:.1f}" class="forest-label">{escape(_label(row.label))}</text>')
        out.append(
            f'<line x1="{x1:.1f}" y1="{y:.1f}" x2="{x2:.1f}" y2="{y:.1f}" stroke="#1f4e79" stroke-width="2"/>'
        )
        for clipped, edge, tip in ((row.low < lo, x(lo), -6), (row.high > hi, x(hi), 6)):
            if clipped:
                out.append(
                    f'<path d="M{edge:.1f},{y - 4:.1f} L{edge + tip:.1f},{y:.1f} L{edge:.1f},{y + 4:.1f} Z" '
                    'fill="#1f4e79"/>'
                )
        out.append(
            f'<rect x="{xv - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="#1f4e79" '
            'class="forest-point"/>'
        )
        numbers_x = LABEL_WIDTH + PLOT_WIDTH + 12
        out.append(f'<text x="{numbers_x}" y="{y + 4:.1f}" class="forest-numbers">{escape(numbers)}</text>')
        out.append("</a>")
    right = LABEL_WIDTH + PLOT_WIDTH
    out.append(f'<line x1="{LABEL_WIDTH}" y1="{axis_y}" x2="{right}" y2="{axis_y}" stroke="#333"/>')
    for t in ticks:
        tx = x(t)
        out.append(f'<line x1="{tx:.1f}" y1="{axis_y}" x2="{tx:.1f}" y2="{axis_y + 5}" stroke="#333"/>')
        out.append(
            f'<text x="{tx:.1f}" y="{axis_y + 18}" text-anchor="middle" class="forest-tick">{t:g}</text>'
        )
    scale = "log scale" if forest.ratio else "linear scale"
    out.append(
        f'<text x="{LABEL_WIDTH + PLOT_WIDTH / 2:.1f}" y="{axis_y + 32}" text-anchor="middle" '
        f'class="forest-tick">{scale}; no effect at {null:g}; estimates are not pooled</text>'
    )
    out.append("</svg>")
    return "\n".join(out)

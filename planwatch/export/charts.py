"""The report's charts as inline SVG text, drawn with matplotlib (imported only when drawn)."""

from __future__ import annotations

import io
from collections.abc import Sequence

OLD_COLOUR, NEW_COLOUR = "#9fb3c8", "#1f4e79"
LATER_COLOUR, EARLIER_COLOUR = "#b3412f", "#2e7d4f"
INK, MUTED = "#1d2733", "#5b6773"
DAYS_PER_MONTH = 365.25 / 12
MAX_MOVES = 40  # bars in the target-move chart; the largest moves are kept

# Fixed per chart (see below): the same comparison gives the same file, and the two
# charts' clip-path ids still differ on one page.
RC = {
    "svg.fonttype": "none",  # text stays text: searchable, and sharp when printed
    # refs, file names and dates are plain text: "$\frac{$" is shown, never read as maths
    "text.parse_math": False,
    "text.usetex": False,
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 10,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "xtick.color": MUTED,
    "ytick.color": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def status_chart(
    labels: Sequence[str], old: Sequence[int], new: Sequence[int], editions: tuple[str, str]
) -> str:
    """Return an SVG of paired bars: entries per status in the older and the newer edition."""
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(RC | {"svg.hashsalt": "status"}):
        fig = Figure(figsize=(5.4, 0.5 * len(labels) + 1.0))
        ax = fig.add_subplot()
        rows = range(len(labels))
        height = 0.38
        old_bars = ax.barh(
            [r - height / 2 for r in rows], old, height, color=OLD_COLOUR, label=editions[0]
        )
        new_bars = ax.barh(
            [r + height / 2 for r in rows], new, height, color=NEW_COLOUR, label=editions[1]
        )
        for bars in (old_bars, new_bars):
            ax.bar_label(bars, padding=3, color=INK, fontsize=9)
        ax.set_yticks(list(rows), labels)
        ax.invert_yaxis()
        ax.xaxis.set_visible(False)
        ax.spines["bottom"].set_visible(False)
        ax.set_xlim(0, max([*old, *new, 1]) * 1.15)
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1), ncols=2, frameon=False, fontsize=9)
        return _svg(fig)


def moves_chart(labels: Sequence[str], days: Sequence[int]) -> str:
    """Return an SVG of one bar per moved target: months later (right) or earlier (left)."""
    import matplotlib
    from matplotlib.figure import Figure

    months = [d / DAYS_PER_MONTH for d in days]
    with matplotlib.rc_context(RC | {"svg.hashsalt": "moves"}):
        fig = Figure(figsize=(5.4, 0.3 * len(labels) + 1.1))
        ax = fig.add_subplot()
        rows = range(len(labels))
        colours = [LATER_COLOUR if m > 0 else EARLIER_COLOUR for m in months]
        bars = ax.barh(list(rows), months, 0.6, color=colours)
        ax.bar_label(bars, labels=[_amount(d) for d in days], padding=3, color=INK, fontsize=8)
        ax.set_yticks(list(rows), labels, fontsize=9)
        ax.invert_yaxis()
        ax.axvline(0, color=MUTED, linewidth=0.8)
        reach = max(abs(m) for m in months) * 1.35
        ax.set_xlim(-reach if min(months) < 0 else 0, reach if max(months) > 0 else 0)
        ax.set_xlabel("months earlier  \u2190  target  \u2192  months later")
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
        return _svg(fig)


def _amount(days: int) -> str:
    months = abs(days) / DAYS_PER_MONTH
    text = f"{abs(days)} d" if months < 1 else f"{months:.0f} mo"
    return ("+" if days > 0 else "\u2212") + text


def _svg(fig: object) -> str:
    out = io.StringIO()
    fig.tight_layout()
    fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    text = out.getvalue()
    # Inline in HTML: drop the XML declaration and DOCTYPE before <svg.
    return text[text.index("<svg") :]

"""One colour per side, the same in every figure and article view.

The Okabe-Ito palette stays distinct for the common forms of colour blindness and in
greyscale print when paired with the hatches below; sides take colours in codebook order.

References:
    Okabe, M. and Ito, K. (2008). Color Universal Design (CUD): how to make figures and
    presentations that are friendly to colorblind people.
"""

from __future__ import annotations

from collections.abc import Iterable

OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442",
             "#000000")
HATCHES = ("", "//", "..", "xx", "\\\\", "++", "oo", "--")
UNASSIGNED_COLOUR = "#999999"


def side_colours(sides: Iterable[str]) -> dict[str, str]:
    """Colours for sides in the given (codebook) order; 'unassigned' and '' are grey.

    >>> side_colours(["russia", "amnesty", "unassigned"])
    {'russia': '#0072B2', 'amnesty': '#D55E00', 'unassigned': '#999999'}
    """
    colours, index = {}, 0
    for side in sides:
        if side in ("", "unassigned"):
            colours[side] = UNASSIGNED_COLOUR
        else:
            colours[side] = OKABE_ITO[index % len(OKABE_ITO)]
            index += 1
    return colours


def side_hatches(sides: Iterable[str]) -> dict[str, str]:
    """A hatch pattern per side, so that bars stay apart in black-and-white print."""
    return {side: HATCHES[i % len(HATCHES)] for i, side in enumerate(sides)}

"""The tone toward given mentions of a text: the target-span API.

:func:`target_tone` takes a text and character spans (the mentions of a person or group) and
gives each span its tone, with no codebook: what biaskit's coverage tone computes for each
alias it finds, for spans a scholar or a benchmark (:mod:`biaskit.tone.validity`) names. A
pronoun ("she") is a span like any other here, though a codebook refuses it as an alias.

The words inside quotation marks are a speaker's, not the outlet's: they are left out of
every context, and a span inside a quotation gets no tone, with the reason in ``reason``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from biaskit.attribution.quotes import find_quotes
from biaskit.corpus.document import Document
from biaskit.tone.model import model_tone
from biaskit.tone.scoring import Scorer, resolve_scorer, score_texts, tone_label
from biaskit.tone.target import mention_context

COLUMNS = ["start", "end", "mention", "context", "neg", "neu", "pos", "compound", "label",
           "reason"]
#: Why a mention gets no tone.
IN_QUOTATION = "inside a quotation: the speaker's words, not the outlet's (see voice tone)"
BAD_SPAN = "the span is empty or outside the text"


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quotation in a text, marks included, as biaskit finds them."""
    stripped = text.strip()
    if not stripped:
        return []
    lead = len(text) - len(text.lstrip())
    one_line = stripped.replace("\r", " ").replace("\n", " ")  # the same offsets, one block
    quotes = find_quotes(Document("text", "", "", (one_line,)))
    return [(q.start + lead, q.end + lead) for q in quotes]


def mention_tones(text: str, spans: Sequence[tuple[int, int]],
                  cut: Sequence[tuple[int, int]], scorer: Scorer | str | None = None
                  ) -> list[tuple]:
    """One row of :data:`COLUMNS` per span of ``text``; the ``cut`` spans (sorted, such as
    quotations) are not the outlet's words. With no ``scorer``, biaskit's tone model scores
    each mention; with one (``"vader"`` included), the scorer scores its context text."""
    name, _ = resolve_scorer(scorer)
    rows: list[list] = []
    contexts = []
    for start, end in spans:
        if not 0 <= start < end <= len(text):
            rows.append([start, end, "", "", *[float("nan")] * 4, "", BAD_SPAN])
            continue
        if any(a <= start and end <= b for a, b in cut):
            rows.append([start, end, text[start:end], "", *[float("nan")] * 4, "",
                         IN_QUOTATION])
            continue
        context = mention_context(text, start, end, cut)
        contexts.append((len(rows), context))
        rows.append([start, end, text[start:end], context.clause or context.window])
    if scorer is None:
        for i, context in contexts:
            rows[i] += [*model_tone(context), ""]
    else:
        scored = score_texts([rows[i][3] for i, _ in contexts], None if name == "vader"
                             else scorer)
        for (i, _), four in zip(contexts, scored, strict=True):
            rows[i] += [*four, tone_label(four[3]), ""]
    return [tuple(row) for row in rows]


def target_tone(text: str, spans: Iterable[tuple[int, int]], *,
                scorer: Scorer | str | None = None) -> pd.DataFrame:
    """The tone toward each mention ``text[start:end]``: one row per span, in the order
    given, with the context scored, the scores, the label, and ``reason`` (empty, or why the
    span gets no tone).

    >>> text = "Mara Linde praised the plan, but critics mocked Tom Vell."
    >>> target_tone(text, [(0, 10), (48, 56)])[["mention", "label"]].values.tolist()
    [['Mara Linde', 'positive'], ['Tom Vell', 'negative']]
    """
    return pd.DataFrame(mention_tones(text, list(spans), quotation_spans(text), scorer),
                        columns=COLUMNS)

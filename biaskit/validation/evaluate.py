"""Scoring extracted attributions against hand-written gold annotations.

A predicted statement matches a gold statement of the same document when their content spans
overlap by at least half of each span (``min_overlap``); pairs are matched one-to-one, best
overlap first. Detection is scored with precision, recall and F1; actor, side and mode with
accuracy over the matched pairs.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path

import pandas as pd

from biaskit.attribution.balance import voiced
from biaskit.attribution.records import VOICE_KINDS
from biaskit.errors import InputError

GOLD_COLUMNS = ("doc_id", "start", "end", "content", "speaker", "actor", "side", "mode", "cue",
                "position")


def load_gold(path: str | Path) -> pd.DataFrame:
    """Read gold annotations from JSON Lines (one statement per line)."""
    path = Path(path)
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(f"cannot read the gold file ({error.strerror})", path=str(path)
                         ) from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"not valid JSON ({error.msg})", path=str(path),
                             location=f"line {number}") from None
        missing = [c for c in GOLD_COLUMNS if c not in row]
        if missing:
            raise InputError(f"missing key(s) {', '.join(missing)}", path=str(path),
                             location=f"line {number}",
                             hint=f"Each line needs: {', '.join(GOLD_COLUMNS)}")
        rows.append(row)
    return pd.DataFrame(rows, columns=[*GOLD_COLUMNS, "note"])


def match_statements(predicted: pd.DataFrame, gold: pd.DataFrame, *,
                     min_overlap: float = 0.5) -> pd.DataFrame:
    """Pairs of matched rows (``pred`` and ``gold`` row labels) with their overlap."""
    pairs = []
    for doc_id, gold_rows in gold.groupby("doc_id", sort=False):
        pred_rows = predicted[predicted["doc_id"] == doc_id]
        candidates = []
        for g in gold_rows.itertuples():
            for p in pred_rows.itertuples():
                shared = min(g.end, p.end) - max(g.start, p.start)
                if shared <= 0:
                    continue
                overlap = min(shared / (g.end - g.start), shared / (p.end - p.start))
                if overlap >= min_overlap:
                    candidates.append((overlap, g.Index, p.Index))
        used_gold, used_pred = set(), set()
        for overlap, g, p in sorted(candidates, key=lambda c: -c[0]):
            if g not in used_gold and p not in used_pred:
                used_gold.add(g)
                used_pred.add(p)
                pairs.append({"doc_id": doc_id, "gold": g, "pred": p, "overlap": overlap})
    return pd.DataFrame(pairs, columns=["doc_id", "gold", "pred", "overlap"])


def score_attributions(predicted: pd.DataFrame, gold: pd.DataFrame, *,
                       min_overlap: float = 0.5,
                       kinds: Collection[str] = VOICE_KINDS) -> dict[str, float]:
    """Precision, recall and F1 of statement detection; accuracy of actor, side and mode.

    Only documents present in ``gold`` are scored, and only predicted statements of ``kinds``
    (by default speech and writing, what the bundled gold annotates).
    """
    predicted = voiced(predicted, kinds)
    predicted = predicted[predicted["doc_id"].isin(set(gold["doc_id"]))]
    pairs = match_statements(predicted, gold, min_overlap=min_overlap)
    matched = len(pairs)
    precision = matched / len(predicted) if len(predicted) else 0.0
    recall = matched / len(gold) if len(gold) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    scores = {"gold": len(gold), "predicted": len(predicted), "matched": matched,
              "precision": precision, "recall": recall, "f1": f1}
    for field in ("actor", "side", "mode"):
        agree = sum(str(gold.at[r.gold, field]) == str(predicted.at[r.pred, field])
                    for r in pairs.itertuples())
        scores[f"{field}_accuracy"] = agree / matched if matched else 0.0
    return scores


def attribution_errors(predicted: pd.DataFrame, gold: pd.DataFrame, *,
                       min_overlap: float = 0.5,
                       kinds: Collection[str] = VOICE_KINDS) -> pd.DataFrame:
    """What went wrong, one row per miss: kind (missed, spurious, actor, side, mode), doc_id,
    the gold and predicted values and the content (predicted statements of ``kinds``)."""
    predicted = voiced(predicted, kinds)
    predicted = predicted[predicted["doc_id"].isin(set(gold["doc_id"]))]
    pairs = match_statements(predicted, gold, min_overlap=min_overlap)
    rows = []
    for g in gold.index.difference(pairs["gold"]):
        rows.append({"kind": "missed", "doc_id": gold.at[g, "doc_id"], "gold": "",
                     "predicted": "", "content": gold.at[g, "content"]})
    for p in predicted.index.difference(pairs["pred"]):
        rows.append({"kind": "spurious", "doc_id": predicted.at[p, "doc_id"], "gold": "",
                     "predicted": predicted.at[p, "speaker"], "content": predicted.at[p,
                                                                                     "content"]})
    for pair in pairs.itertuples():
        for field in ("actor", "side", "mode"):
            want, got = str(gold.at[pair.gold, field]), str(predicted.at[pair.pred, field])
            if want != got:
                rows.append({"kind": field, "doc_id": pair.doc_id, "gold": want,
                             "predicted": got, "content": gold.at[pair.gold, "content"]})
    return pd.DataFrame(rows, columns=["kind", "doc_id", "gold", "predicted", "content"])

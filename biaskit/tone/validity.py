"""How well biaskit's tone agrees with human coders: a benchmark on NewsMTSC-format data.

NewsMTSC (Hamborg and Donnay, EACL 2021) holds sentences from US news, each with target
mentions labelled by several coders with the sentiment the sentence expresses toward them.
:func:`read_newsmtsc` reads its JSON lines from a path (the data stays outside biaskit);
:func:`score_targets` gives every (sentence, target) pair the tone of each method, through
the target-span API (:func:`biaskit.tone.spans.target_tone`), and :func:`validity_table`
reports macro-F1, accuracy and per-class F1 per method, over the targets that got a tone,
with how many did not and why (:func:`missing_reasons`).

Methods: ``target`` (coverage tone's default: biaskit's tone model on the mention's context),
``target-vader`` (VADER of the mention's clause: ``scorer="vader"``), ``sentence`` (coverage
tone's ``method="sentence"``: VADER of the narrator text, quotations and attributed content
cut), ``whole-sentence`` (VADER of the whole sentence), plus ``target-scorer`` when a scorer
is given.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from biaskit.annotate import annotate
from biaskit.attribution.records import attributions_frame
from biaskit.corpus.document import Document
from biaskit.errors import InputError
from biaskit.tone.scoring import Scorer, polarity, resolve_scorer, tone_label
from biaskit.tone.spans import mention_tones, quotation_spans

GOLD = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
LABELS = ("negative", "neutral", "positive")
IN_STATEMENT = "inside quoted or attributed content (cut from the narrator text)"
FEW_WORDS = "fewer than three narrator words"


@dataclass(frozen=True)
class Target:
    """One labelled mention: the line it is on, the sentence, its span and the coders' label."""

    line: int
    group: str
    text: str
    start: int
    end: int
    gold: str


def read_newsmtsc(path: str | Path) -> Iterator[Target]:
    """Every labelled target of a NewsMTSC-format JSON Lines file (``sentence_normalized``,
    ``targets`` with ``from``, ``to`` and ``polarity`` 2, 4 or 6).

    Raises:
        InputError: naming the file, line and key of a line that does not fit the format.
    """
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}", path=str(path),
                         hint="Give the path of a NewsMTSC-format JSON Lines file") from None
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            key = "the line"
            try:
                item = json.loads(line)
                key = "sentence_normalized"
                text = item[key]
                key = "targets"
                for target in item[key]:
                    key = "from/to"
                    start, end = int(target["from"]), int(target["to"])
                    key = "polarity"
                    gold = GOLD[float(target[key])]
                    yield Target(number, str(item.get("primary_gid", number)), text, start,
                                 end, gold)
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                raise InputError(f"not a NewsMTSC target ({type(error).__name__}: {error})",
                                 path=str(path), location=f"line {number}, key {key}",
                                 hint="Each line holds sentence_normalized and targets with "
                                      "from, to and polarity 2.0, 4.0 or 6.0") from None


def _narrator(text: str, start: int, end: int) -> tuple[float, str]:
    """Coverage tone's ``sentence`` method for one mention: (compound, reason)."""
    from biaskit.tone.coverage import narrator_text  # the table module imports this one's siblings

    stripped = text.strip().replace("\n", " ")
    lead = len(text) - len(text.lstrip())
    doc = annotate(Document("t", "", "", (stripped,)))
    statements = attributions_frame([doc])
    cuts = sorted([(q.start, q.end) for q in doc.quotes]
                  + list(zip(statements["start"], statements["end"], strict=True)))
    if any(a <= start - lead and end - lead <= b for a, b in cuts):
        return float("nan"), IN_STATEMENT
    narrator = narrator_text(doc.text, 0, len(doc.text), cuts)
    if len(narrator.split()) < 3:
        return float("nan"), FEW_WORDS
    return polarity(narrator)[3], ""


def score_targets(path: str | Path, *, scorer: Scorer | str | None = None) -> pd.DataFrame:
    """One row per target and method: line, mention, gold, method, compound, label and
    reason (why a method gave no tone)."""
    methods = ["target", "target-vader"] + (["target-scorer"] if scorer is not None else [])
    rows = []
    by_sentence: dict[tuple[int, str], list[Target]] = {}
    for target in read_newsmtsc(path):
        by_sentence.setdefault((target.line, target.text), []).append(target)
    for (line, text), targets in by_sentence.items():
        spans = [(t.start, t.end) for t in targets]
        cut = quotation_spans(text)
        whole = polarity(text)[3]
        for method in methods:
            chosen = {"target": None, "target-vader": "vader", "target-scorer": scorer}[method]
            for t, row in zip(targets, mention_tones(text, spans, cut, chosen), strict=True):
                rows.append((line, t.group, text[t.start:t.end], t.gold, method, row[7],
                             row[8], row[9]))
        for t in targets:
            rows.append((line, t.group, text[t.start:t.end], t.gold, "whole-sentence", whole,
                         tone_label(whole), ""))
            compound, reason = _narrator(text, t.start, t.end)
            rows.append((line, t.group, text[t.start:t.end], t.gold, "sentence", compound,
                         "" if reason else tone_label(compound), reason))
    return pd.DataFrame(rows, columns=["line", "group", "mention", "gold", "method",
                                       "compound", "label", "reason"])


def _f1(gold: pd.Series, predicted: pd.Series, label: str) -> float:
    true_positive = ((gold == label) & (predicted == label)).sum()
    precision = true_positive / max((predicted == label).sum(), 1)
    recall = true_positive / max((gold == label).sum(), 1)
    return 0.0 if not precision + recall else 2 * precision * recall / (precision + recall)


def validity_table(scored: pd.DataFrame) -> pd.DataFrame:
    """Per method: targets, how many got a tone, macro-F1, accuracy and per-class F1 over
    those (VADER's ±0.05 thresholds for the VADER methods)."""
    rows = []
    for method, group in scored.groupby("method", sort=False):
        kept = group[group["reason"] == ""]
        f1 = {label: _f1(kept["gold"], kept["label"], label) for label in LABELS}
        rows.append({"method": method, "targets": len(group), "scored": len(kept),
                     "no_tone": len(group) - len(kept),
                     "macro_f1": round(sum(f1.values()) / 3, 3),
                     "accuracy": round(float((kept["gold"] == kept["label"]).mean()), 3)
                     if len(kept) else float("nan"),
                     **{f"f1_{label}": round(value, 3) for label, value in f1.items()}})
    return pd.DataFrame(rows)


def missing_reasons(scored: pd.DataFrame, method: str = "target") -> pd.DataFrame:
    """The targets a method gave no tone, with the reason for each."""
    missing = scored[(scored["method"] == method) & (scored["reason"] != "")]
    return missing[["line", "mention", "gold", "reason"]].reset_index(drop=True)


def scorer_label(scorer: Scorer | str | None) -> str:
    """The name a report gives a scorer."""
    return resolve_scorer(scorer)[0] if scorer is not None else "biaskit tone model"


#: The figures benchmarks/bench_tone_validity.py measured, shipped with biaskit.
FIGURES_FILE = "tone_validity.csv"


def measured_figures() -> pd.DataFrame:
    """The validity figures shipped in ``biaskit/data/tone_validity.csv`` (split, method,
    targets, scored, macro_f1, accuracy, per-class F1), as the benchmark measured them."""
    from importlib import resources

    with resources.as_file(resources.files("biaskit") / "data" / FIGURES_FILE) as path:
        return pd.read_csv(path)


def validity_note(settings: dict[str, str]) -> str:
    """One sentence a reviewer can quote on how far the tone of these ``settings``
    (:func:`biaskit.tone.tone_settings`) agrees with human coders, from the shipped figures."""
    figures = measured_figures()
    rw = figures[figures["split"] == "dev_rw"].set_index("method")
    method = settings.get("coverage_method", "target")
    whole = rw.loc["whole-sentence"]
    if settings.get("scorer", "default") != "default":
        default = rw.loc["target"]
        return (f"Tone was scored with {settings['scorer']}, whose agreement with human coders "
                f"biaskit has not measured (benchmarks/bench_tone_validity.py --scorer "
                f"measures it); biaskit's default coverage tone reaches macro-F1 "
                f"{default['macro_f1']:.2f} on NewsMTSC dev_rw.")
    row = rw.loc[method]
    name = ("per mention, by biaskit's tone model" if method == "target" else
            "per narrator sentence, by VADER")
    return (f"Coverage tone ({name}) agrees with human coders at macro-F1 "
            f"{row['macro_f1']:.2f} (accuracy {row['accuracy']:.2f}) on the "
            f"{int(row['targets'])} targets of NewsMTSC dev_rw, {int(row['no_tone'])} of them "
            f"left without a tone, against {whole['macro_f1']:.2f} for VADER of the whole "
            "sentence; voice tone is VADER's, per sentence, not checked against coders.")

"""Scoring extracted attributions against gold annotations: JSON Lines or BRAT standoff.

    gold = read_gold("tests/gold/attribution.jsonl")   # or a folder of BRAT .ann files
    result = evaluate_attributions(attributions_frame(corpus, codebook), gold, corpus)
    result.overall, result.by_outlet, result.by_document, result.statements

Detection is scored at the lenient 0.3 cover of PolNeAR's ``score.py`` and at exact span
(Jaccard of character sets >= 0.9); over matched statements, speaker agreement, actor, side
and mode accuracy, cue accuracy and stance accuracy, each where the gold has that field (see
:mod:`biaskit.validation.scoring` and docs/guide/validation.md).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from biaskit.attribution.balance import voiced
from biaskit.attribution.records import VOICE_KINDS
from biaskit.corpus.document import UNKNOWN_SOURCE, Document, Problem
from biaskit.errors import InputError
from biaskit.validation.brat import GOLD_FRAME, load_brat
from biaskit.validation.scoring import EXACT, LENIENT, statement_table, summarise

GOLD_COLUMNS = ("doc_id", "start", "end", "content")
OPTIONAL_COLUMNS = ("speaker", "actor", "side", "mode", "cue", "cue_start", "cue_end", "stance",
                    "kind", "position", "note")


@dataclass
class Gold:
    """Gold statements (``frame``, one row each) and where their offsets point.

    ``texts`` maps doc_id to the text the offsets index (BRAT: the ``.txt`` files), or is None
    when they index ``Document.text`` (JSON Lines gold). ``outlets`` gives an outlet per doc_id
    where the gold folder says (PolNeAR's ``metadata.tsv``); ``notes`` say what was chosen.
    ``kinds`` are the kinds of statement the gold annotates (None: every kind). biaskit's JSON
    Lines gold annotates what was said or written (tests/gold/GUIDELINES.md); BRAT exports
    such as PolNeAR's annotate thoughts and evidence too.
    """

    frame: pd.DataFrame
    texts: dict[str, str] | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    outlets: dict[str, str] = field(default_factory=dict)
    kinds: tuple[str, ...] | None = None


@dataclass
class Evaluation:
    """The statement table and the figures over it: overall, per outlet, document and kind."""

    statements: pd.DataFrame
    overall: pd.DataFrame
    by_outlet: pd.DataFrame
    by_document: pd.DataFrame
    by_kind: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> pd.DataFrame:
        """Overall, per outlet and per document figures in one tidy table (``level``, ``group``)."""
        parts = [self.overall.rename(columns={"scope": "group"}).assign(level="overall"),
                 self.by_outlet.rename(columns={"outlet": "group"}).assign(level="outlet"),
                 self.by_document.rename(columns={"doc_id": "group"}).assign(level="document")]
        frame = pd.concat(parts, ignore_index=True)
        return frame[["level", "group", *[c for c in frame.columns
                                          if c not in ("level", "group")]]]


def load_gold(path: str | Path) -> pd.DataFrame:
    """Read gold statements from JSON Lines: one object per line with ``doc_id``, ``start``,
    ``end`` (offsets into ``Document.text``) and ``content``; the fields of OPTIONAL_COLUMNS are
    scored where present (``cue_start``/``cue_end`` place the cue)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read the gold file ({error})", path=str(path)) from None
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"not valid JSON ({error.msg})", path=str(path),
                             location=f"line {number}") from None
        missing = [c for c in GOLD_COLUMNS if c not in row] if isinstance(row, dict) else [
            "(not an object)"]
        bad = [c for c in ("start", "end", "cue_start", "cue_end")
               if isinstance(row, dict) and row.get(c) is not None
               and (not isinstance(row[c], int) or isinstance(row[c], bool))]
        if missing or bad:
            raise InputError(f"missing key(s) {', '.join(missing)}" if missing
                             else f"{', '.join(bad)} must be whole numbers",
                             path=str(path), location=f"line {number}",
                             hint=f"Each line needs {', '.join(GOLD_COLUMNS)}, and may have "
                                  f"{', '.join(OPTIONAL_COLUMNS)}")
        if not 0 <= row["start"] < row["end"]:
            raise InputError(f"start ({row['start']}) and end ({row['end']}) do not make a span",
                             path=str(path), location=f"line {number}",
                             hint="start must be 0 or more and below end")
        rows.append(row)
    if not rows:
        raise InputError("the gold file holds no annotation", path=str(path),
                         hint="Write one JSON object per statement")
    for row in rows:  # a missing optional field is None: it is not scored
        row.update({c: row.get(c) for c in OPTIONAL_COLUMNS if row.get(c) is None})
        row["segments"] = ((row["start"], row["end"]),)
        cue_start, cue_end = row["cue_start"], row["cue_end"]
        row["cue_segments"] = (((cue_start, cue_end),) if cue_start is not None
                               and cue_end is not None and cue_end > cue_start else ())
        row["stance"], row["kind"] = row["stance"] or "", row["kind"] or ""
    columns = [*GOLD_COLUMNS, *OPTIONAL_COLUMNS, "segments", "cue_segments"]
    return pd.DataFrame(rows, columns=columns).astype(
        {c: object for c in OPTIONAL_COLUMNS})


def read_gold(path: str | Path, *, text_folders: Iterable[str | Path] = ()) -> Gold:
    """Gold from a JSON Lines file, or from a folder of BRAT ``.ann`` files (see
    :func:`biaskit.validation.brat.load_brat`; ``text_folders`` are further places for the
    ``.txt`` files)."""
    path = Path(path)
    if not path.exists():
        raise InputError("no such file or folder", path=str(path),
                         hint="Give a .jsonl file or a folder of BRAT .ann files")
    if path.is_file():
        return Gold(load_gold(path), kinds=VOICE_KINDS)
    brat = load_brat(path, text_folders=tuple(text_folders))
    if not brat.files and not brat.problems:
        raise InputError("no .ann file in this folder", path=str(path),
                         hint="Give a .jsonl file or a folder of BRAT .ann files")
    notes = [f"gold: {len(brat.frame)} statements in {len(brat.files)} BRAT files of {path}"]
    if brat.skipped:
        first = next(iter(brat.skipped))
        unread = sum(len(paths) for paths in brat.skipped.values())
        read = f"{brat.files[first].name} is read, " if first in brat.files else ""
        notes.append(f"{len(brat.skipped)} texts have several annotators' files; the first by "
                     f"name is read for each, {unread} files are not (e.g. {read}"
                     f"{brat.skipped[first][0].name} is not)")
    return Gold(brat.frame, brat.texts, brat.problems, notes, _metadata_outlets(path))


def _metadata_outlets(folder: Path) -> dict[str, str]:
    """doc_id -> publisher from a PolNeAR-style ``metadata.tsv`` in or above the gold folder."""
    for place in (folder, folder.parent, folder.parent.parent):
        table = place / "metadata.tsv"
        if table.is_file():
            with open(table, encoding="utf-8", newline="") as handle:
                return {row["filename"]: row["publisher"]
                        for row in csv.DictReader(handle, delimiter="\t")
                        if row.get("filename") and row.get("publisher")}
    return {}


def outlet_of(doc_id: str, documents: dict[str, Document], gold: Gold) -> str:
    """The document's ``source`` (unless it is the unknown outlet), else the gold folder's
    metadata, else the file name's prefix before the first ``_`` (PolNeAR names files
    ``nyt_2016-09-08_...``)."""
    doc = documents.get(doc_id)
    if doc is not None and doc.source and doc.source != UNKNOWN_SOURCE:
        return doc.source
    return gold.outlets.get(doc_id) or (doc_id.split("_", 1)[0] if "_" in doc_id else "")


def evaluate_attributions(predicted: pd.DataFrame, gold: Gold | pd.DataFrame,
                          documents: Iterable[Document] = (), *, min_cover: float = LENIENT,
                          exact: float = EXACT,
                          kinds: Collection[str] | None = None) -> Evaluation:
    """Score found statements (``attributions_frame`` rows) against gold.

    ``documents`` are the analysed documents: they give each outlet and the words of each found
    cue. Only documents of the gold are scored, and only found statements of ``kinds``
    (default: the kinds the gold annotates, ``gold.kinds``; a bare frame is JSON Lines gold).
    """
    if isinstance(gold, pd.DataFrame):
        gold = Gold(gold, kinds=VOICE_KINDS)
    documents = {doc.doc_id: doc for doc in documents}
    kinds = gold.kinds if kinds is None else kinds
    predicted = (voiced(predicted, kinds) if kinds else predicted).copy()
    if documents and "cue_text" not in predicted:
        predicted["cue_text"] = [
            documents[d].text[int(s):int(e)] if d in documents and pd.notna(s) and pd.notna(e)
            else "" for d, s, e in zip(predicted["doc_id"], predicted["cue_start"],
                                       predicted["cue_end"], strict=True)]
    texts = gold.texts
    doc_ids = list(texts) if texts is not None else list(dict.fromkeys(gold.frame["doc_id"]))
    if texts is None and documents and all(d in documents for d in doc_ids):
        texts = {d: documents[d].text for d in doc_ids}  # JSON Lines gold indexes Document.text
    outlets = {d: outlet_of(d, documents, gold) for d in doc_ids}
    # JSON Lines gold indexes the texts the found offsets index; BRAT gold indexes the raw
    # .txt, where found statements are located by their words, as score.py locates them.
    table = statement_table(predicted, gold.frame, texts, outlets,
                            by_offsets=gold.texts is None, min_cover=min_cover,
                            exact=exact)
    kinds = summarise(table[table["gold_row"].notna()], "kind")
    return Evaluation(table, summarise(table),
                      summarise(table, "outlet", sorted(set(outlets.values()))),
                      summarise(table, "doc_id", doc_ids),
                      kinds[["kind", "gold", "matched", "recall", "exact", "exact_recall",
                             "mean_jaccard", "speaker_agreement", "cue_accuracy"]],
                      list(gold.problems), list(gold.notes))


def score_attributions(predicted: pd.DataFrame, gold: pd.DataFrame) -> dict[str, float]:
    """The overall figures of :func:`evaluate_attributions` as a dict (``predicted`` is the
    number of found statements in the gold's documents)."""
    overall = evaluate_attributions(predicted, gold).overall.iloc[0].drop("scope").to_dict()
    return {"predicted": overall["found"], **overall}


def attribution_errors(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """What went wrong, one row per miss: kind (missed, spurious, span, speaker, actor, side,
    mode, cue, stance), doc_id, the gold and found values and the content."""
    table = evaluate_attributions(predicted, gold).statements
    return errors_frame(table)


def errors_frame(statements: pd.DataFrame) -> pd.DataFrame:
    """The errors of a statement table (see :func:`attribution_errors`)."""
    rows = []
    for s in statements.itertuples():
        if pd.isna(s.found_row):
            rows.append(("missed", s.doc_id, "", "", s.gold_content))
        elif pd.isna(s.gold_row):
            rows.append(("spurious", s.doc_id, "", s.found_speaker, s.found_content))
        else:
            if not s.exact:
                rows.append(("span", s.doc_id, s.gold_content, s.found_content, s.gold_content))
            for check, want, got in (("speaker", s.gold_speaker, s.found_speaker),
                                     ("actor", s.gold_actor, s.found_actor),
                                     ("side", s.gold_side, s.found_side),
                                     ("mode", s.gold_mode, s.found_mode),
                                     ("cue", s.gold_cue, s.found_cue),
                                     ("stance", s.gold_stance, s.found_stance)):
                if getattr(s, f"{check}_ok") == 0.0:
                    rows.append((check, s.doc_id, want, got, s.gold_content))
    return pd.DataFrame(rows, columns=["kind", "doc_id", "gold", "predicted", "content"])


__all__ = ["GOLD_FRAME", "Evaluation", "Gold", "attribution_errors", "evaluate_attributions",
           "load_gold", "read_gold", "score_attributions"]

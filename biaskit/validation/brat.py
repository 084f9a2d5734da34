"""Gold attributions in BRAT standoff: ``.ann`` files beside the ``.txt`` files they annotate.

Two layouts are read: the plain brat and INCEpTION export (``NAME.txt`` and ``NAME.ann`` side by
side) and the PolNeAR one (``text/NAME.txt`` and ``attributions/NAME_<annotator>.ann``). An
attribution is an ``E`` line tying spans together by role
(``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``; Source may be absent), or, in exports
that link spans with relations, the ``Content`` span of ``R`` lines joined to a ``Cue`` and a
``Source`` span (``R1<TAB>Cue Arg1:T2 Arg2:T3``). Roles and span types are read without regard
to case; numbered repeats of a role (``Content2``) are not read, as PolNeAR's ``score.py`` does
not read them. A ``Stance`` or ``Kind`` attribute (``A1<TAB>Stance E1 denial``) on the event or
its cue span becomes the statement's stance or kind.

Offsets index the ``.txt`` file as it is on disk (read as UTF-8), which need not be the cleaned
``Document.text`` that biaskit's own offsets index.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from biaskit.corpus.document import Problem

GOLD_FRAME = ("doc_id", "start", "end", "segments", "content", "speaker", "actor", "side",
              "mode", "cue", "cue_segments", "stance", "kind", "annotator", "gold_id")

_ID = re.compile(r"^([TERAMN]\d+|#\d*|\*)\t")
_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t?(.*)$")
_ARGUMENT = re.compile(r"^(\w[\w-]*):([TE]\d+)$")


class AnnError(ValueError):
    """A line of an ``.ann`` file that cannot be read: ``line`` is its 1-based number."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


@dataclass
class BratGold:
    """Gold statements read from BRAT files, the texts their offsets index, and what went wrong.

    ``frame`` has one row per statement (columns ``GOLD_FRAME``); ``texts`` maps each doc_id to
    its ``.txt``; ``files`` says which ``.ann`` file was read for each doc_id and ``skipped``
    which further annotators' files were not (the first by name is read).
    """

    frame: pd.DataFrame
    texts: dict[str, str]
    files: dict[str, Path]
    skipped: dict[str, list[Path]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_ann(lines: list[str], text: str) -> tuple[list[dict], list[str]]:
    """The attributions of one ``.ann`` file's lines over ``text``, and warnings.

    Raises :class:`AnnError` naming the first line that cannot be read.
    """
    spans: dict[str, tuple[str, list[tuple[int, int]], int]] = {}
    events, relations, attributes = [], [], []
    number = 0
    while number < len(lines):
        line, number = lines[number], number + 1
        if not line.strip():
            continue
        if not _ID.match(line):
            raise AnnError(number, "not a brat annotation line (expected an id such as T1, E1 "
                                   "or R1, then a tab)")
        if line.startswith("T"):
            tid, kind, segments, shown = _text_bound(line, number, text)
            expected = " ".join(text[a:b] for a, b in segments)
            # brat writes span text as it is, newlines included: it runs on to the next lines.
            while len(shown) < len(expected) and number < len(lines) and not _ID.match(
                    lines[number]):
                shown, number = f"{shown}\n{lines[number]}", number + 1
            if shown and shown.split() != expected.split():
                raise AnnError(number, f"{tid} says {shown[:40]!r} but the .txt has "
                                       f"{expected[:40]!r} at those offsets (is it the right "
                                       ".txt?)")
            spans[tid] = (kind.lower(), segments, number)
        elif line.startswith("E"):
            events.append((number, *_arguments(line, number, first_is_trigger=True)))
        elif line.startswith("R"):
            relations.append((number, *_arguments(line, number, first_is_trigger=False)))
        elif line[0] in "AM":
            fields = line.split("\t")[1].split()
            if len(fields) < 2:
                raise AnnError(number, "an attribute needs a name and the id it applies to")
            attributes.append((fields[0].lower(), fields[1], " ".join(fields[2:]) or "true"))
    statements, warnings = _statements(spans, events, relations)
    for name, target, value in attributes:
        if name in ("stance", "kind"):
            for statement in statements:
                if target in (statement["gold_id"], statement["cue_id"]):
                    statement[name] = value
    return statements, warnings


def _text_bound(line: str, number: int, text: str) -> tuple[str, str, list[tuple[int, int]], str]:
    match = _TEXT_BOUND.match(line)
    if not match:
        raise AnnError(number, "a span line reads 'T1<TAB>Type START END<TAB>text', with "
                               "fragments as 'START END;START END'")
    tid, kind, ranges, shown = match.groups()
    segments = [(int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))]
    for a, b in segments:
        if not 0 <= a <= b <= len(text):
            raise AnnError(number, f"{tid} spans {a}-{b}, outside the .txt ({len(text)} "
                                   "characters)")
    return tid, kind, segments, shown


def _arguments(line: str, number: int, *, first_is_trigger: bool
               ) -> tuple[str, str, dict[str, str]]:
    """(id, type, {role: span id}) of an E or R line."""
    eid, _, rest = line.partition("\t")
    fields = rest.split("\t")[0].split()
    if not fields:
        raise AnnError(number, f"{eid} has no type")
    kind, arguments = fields[0], {}
    if first_is_trigger:
        kind, _, trigger = kind.partition(":")
        arguments["trigger"] = trigger
    for field_ in fields[1:]:
        match = _ARGUMENT.match(field_)
        if not match:
            raise AnnError(number, f"{eid}: {field_!r} is not ROLE:ID")
        arguments.setdefault(match.group(1).lower(), match.group(2))
    return eid, kind, arguments


def _statements(spans: dict, events: list, relations: list) -> tuple[list[dict], list[str]]:
    """One statement per event with a Content span, then per Content span tied by relations."""
    warnings, statements, used = [], [], set()

    def span(tid: str, role: str, line: int):
        if tid and tid not in spans:
            raise AnnError(line, f"{role} {tid} is not a span of this file")
        return spans.get(tid)

    for line, eid, _kind, arguments in events:
        content = span(arguments.get("content", ""), "content", line)
        if content is None:
            warnings.append(f"line {line}: {eid} has no Content span, so it is left out")
            continue
        cue_id = arguments.get("cue", "")
        statements.append(_statement(eid, content, span(cue_id, "cue", line),
                                     span(arguments.get("source", ""), "source", line), cue_id))
        used.add(arguments["content"])
    # Relations: each Content span with the Cue and Source spans linked to it, directly or
    # through the cue.
    linked: dict[str, set[str]] = defaultdict(set)
    for line, _rid, _kind, arguments in relations:
        ids = list(arguments.values())
        for tid in ids:
            span(tid, "argument", line)
        for a in ids:
            linked[a].update(i for i in ids if i != a)
    for tid, (kind, _segments, line) in spans.items():
        if kind != "content" or tid in used or tid not in linked:
            continue
        reach, frontier = {tid}, [tid]
        while frontier:
            for nxt in linked[frontier.pop()] - reach:
                if spans.get(nxt, ("",))[0] != "content":
                    reach.add(nxt)
                    frontier.append(nxt)
        cues = sorted(i for i in reach if spans[i][0] == "cue")
        sources = sorted(i for i in reach if spans[i][0] == "source")
        if len(cues) > 1 or len(sources) > 1:
            warnings.append(f"line {line}: {tid} is linked to several cues or sources; the "
                            "first by id is read")
        cue_id = cues[0] if cues else ""
        statements.append(_statement(tid, spans[tid], spans.get(cue_id),
                                     spans.get(sources[0]) if sources else None, cue_id))
    return statements, warnings


def _statement(gold_id: str, content, cue, source, cue_id: str) -> dict:
    return {"gold_id": gold_id, "segments": tuple(content[1]),
            "cue_segments": tuple(cue[1]) if cue else (),
            "source_segments": tuple(source[1]) if source else (), "cue_id": cue_id,
            "stance": "", "kind": ""}


def load_brat(folder: str | Path, *, text_folders: tuple[str | Path, ...] = ()) -> BratGold:
    """Read every ``.ann`` file under ``folder`` (not recursively) as gold attributions.

    The text of ``NAME.ann`` or ``NAME_<annotator>.ann`` is ``NAME.txt`` beside it, in a
    ``text`` folder beside ``folder`` (PolNeAR), or in one of ``text_folders``. Where several
    annotators' files exist for one text, the first by file name is read. A file that cannot
    be read becomes a problem and the other files are read.
    """
    folder = Path(folder)
    places = [folder, folder.parent / "text", *map(Path, text_folders)]
    chosen: dict[str, tuple[Path, Path, str]] = {}
    skipped: dict[str, list[Path]] = defaultdict(list)
    problems: list[Problem] = []
    for ann in sorted(folder.glob("*.ann")):
        found = _text_for(ann, places)
        if found is None:
            problems.append(Problem(ann.stem, str(ann), "", "error",
                                    "no .txt for this .ann file (looked in "
                                    f"{', '.join(str(p) for p in places)})"))
        elif found[0] in chosen:
            skipped[found[0]].append(ann)
        else:
            chosen[found[0]] = (ann, found[1], found[2])
    rows, texts, files = [], {}, {}
    for doc_id, (ann, txt, annotator) in chosen.items():
        try:
            text = txt.read_text(encoding="utf-8")
            lines = ann.read_text(encoding="utf-8").split("\n")
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(doc_id, str(ann), "", "error", f"cannot be read ({error})"))
            continue
        try:
            statements, warnings = read_ann(lines, text)
        except AnnError as error:
            problems.append(Problem(doc_id, str(ann), f"line {error.line}", "error",
                                    f"{error}; this document is left out of the scores"))
            continue
        problems += [Problem(doc_id, str(ann), w.split(":")[0], "warning",
                             w.split(": ", 1)[1]) for w in warnings]
        texts[doc_id], files[doc_id] = text, ann
        rows += [_row(doc_id, annotator, s, text) for s in statements]
    frame = pd.DataFrame(rows, columns=list(GOLD_FRAME))
    # Each file's statements stay in the order of its lines: score.py breaks ties in that order.
    frame = frame.sort_values("doc_id", kind="stable", ignore_index=True)
    return BratGold(frame, texts, files, dict(skipped), problems)


def _text_for(ann: Path, places: list[Path]) -> tuple[str, Path, str] | None:
    """(doc_id, .txt path, annotator) for an .ann file: NAME.ann, then NAME_<annotator>.ann."""
    candidates = [(ann.stem, "")]
    if "_" in ann.stem:
        name, annotator = ann.stem.rsplit("_", 1)
        candidates.append((name, annotator))
    for name, annotator in candidates:
        for place in places:
            if (place / f"{name}.txt").is_file():
                return name, place / f"{name}.txt", annotator
    return None


def _row(doc_id: str, annotator: str, statement: dict, text: str) -> dict:
    segments = statement["segments"]
    return {"doc_id": doc_id, "start": min(a for a, _ in segments),
            "end": max(b for _, b in segments),
            "segments": segments, "content": " ".join(text[a:b] for a, b in segments),
            "speaker": " ".join(text[a:b] for a, b in statement["source_segments"]),
            "actor": None, "side": None, "mode": None,
            "cue": " ".join(text[a:b] for a, b in statement["cue_segments"]),
            "cue_segments": statement["cue_segments"], "stance": statement["stance"],
            "kind": statement["kind"], "annotator": annotator, "gold_id": statement["gold_id"]}

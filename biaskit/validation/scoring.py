"""Found statements matched to gold ones, one row per statement, and the figures over them.

Matching follows PolNeAR's ``score.py`` (the lenient criterion of the Gender Gap Tracker's
evaluation): taking the found statements of a document in order, each is matched to the
not-yet-matched gold statement whose content it overlaps most, provided it covers at least
``min_cover`` (0.3) of that gold content's characters; pairs are one to one. Gold on the raw
``.txt`` (BRAT), which biaskit's offsets into the cleaned text do not index, has each found
statement located by searching for its content, every place it occurs being a candidate, as
``score.py`` does; content that is not a verbatim stretch of the text matches nothing.

A matched pair is also an **exact** match when the Jaccard index of the two character sets
(shared characters over characters in either) is at least ``exact`` (0.9): the boundaries agree
but for a quotation mark, a ``that`` or a final full stop on a statement of a sentence or so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

LENIENT = 0.3
EXACT = 0.9
# score.py's list: a gold source that is only a pronoun is not used for speaker agreement.
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its"})

STATEMENT_COLUMNS = (
    "doc_id", "outlet", "gold_row", "found_row", "gold_start", "gold_end", "gold_content",
    "gold_speaker", "gold_cue", "speech", "kind", "found_start", "found_end", "found_content",
    "found_speaker", "found_cue", "cover", "jaccard", "exact", "speaker_ok", "actor_ok",
    "side_ok", "mode_ok", "cue_ok", "stance_ok", "gold_actor", "found_actor", "gold_side",
    "found_side", "gold_mode", "found_mode", "gold_stance", "found_stance")


@lru_cache(maxsize=1)
def speech_verbs() -> re.Pattern:
    """The verbs of saying of ``biaskit/data/speech_verbs.txt`` as one word-bounded pattern."""
    lines = resources.files("biaskit").joinpath("data/speech_verbs.txt").read_text("utf-8")
    words = [w for line in lines.splitlines() if not line.startswith("#") for w in line.split()]
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def locate(text: str, content: str) -> list[tuple[int, int]]:
    """Where ``content`` occurs in ``text`` (at most 50 places), trying it as given and then
    without surrounding quotation marks and punctuation, as ``score.py`` does."""
    for candidate in (content, content.strip(" \"\u201c\u201d'\u2018\u2019,.")):
        if candidate and len(candidate) >= 3:
            found, i = [], text.find(candidate)
            while i >= 0 and len(found) < 50:
                found.append((i, i + len(candidate)))
                i = text.find(candidate, i + 1)
            if found:
                return found
    return []


def match_document(found: list[list[tuple[int, int]]], gold: list[tuple[tuple[int, int], ...]],
                   min_cover: float = LENIENT) -> dict[int, tuple[int, tuple[int, int], float]]:
    """{found index: (gold index, the found span used, share of the gold covered)}.

    ``found`` holds the places each found statement may stand (one, or several when located by
    search), ``gold`` the segments of each gold content.
    """
    pairs, used = {}, set()
    for fi, places in enumerate(found):
        best = None
        for lo, hi in places:
            for gi, segments in enumerate(gold):
                if gi in used:
                    continue
                length = sum(b - a for a, b in segments)
                shared = sum(max(0, min(b, hi) - max(a, lo)) for a, b in segments)
                if length and shared / length >= min_cover and (best is None or shared > best[1]):
                    best = (gi, shared, (lo, hi), shared / length)
        if best is not None:
            used.add(best[0])
            pairs[fi] = (best[0], best[2], best[3])
    return pairs


def jaccard(segments: tuple[tuple[int, int], ...], span: tuple[int, int]) -> float:
    """Shared characters over characters in either, of gold segments and a found span."""
    merged: list[list[int]] = []
    for a, b in sorted(segments):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    lo, hi = span
    shared = sum(max(0, min(b, hi) - max(a, lo)) for a, b in merged)
    either = sum(b - a for a, b in merged) + (hi - lo) - shared
    return shared / either if either else 0.0


def statement_table(predicted: pd.DataFrame, gold: pd.DataFrame,
                    texts: Mapping[str, str] | None = None,
                    outlets: Mapping[str, str] | None = None, *, by_offsets: bool = True,
                    min_cover: float = LENIENT, exact: float = EXACT) -> pd.DataFrame:
    """One row per gold statement (matched or missed) and per found statement matching none.

    ``texts`` maps each doc_id to the text the gold offsets index; without it, the found
    offsets are taken to index the same text. ``by_offsets`` uses the found offsets wherever
    they index ``texts`` with the found content; when False (gold on the raw ``.txt``, as
    BRAT's), every found statement is located by its words, exactly as ``score.py`` does.
    Only documents of ``texts`` (or of ``gold``) are scored. The ``*_ok`` columns are 1.0,
    0.0, or empty where the check does not apply.
    """
    outlets = outlets or {}
    doc_ids = list(texts) if texts is not None else list(dict.fromkeys(gold["doc_id"]))
    gold_by_doc = {d: rows for d, rows in gold.groupby("doc_id", sort=False)}
    found_by_doc = {d: rows for d, rows in predicted.groupby("doc_id", sort=False)}
    rows = []
    for doc_id in doc_ids:
        text = texts[doc_id] if texts is not None else None
        g_rows = list(gold_by_doc.get(doc_id, gold.iloc[:0]).itertuples())
        f_rows = list(found_by_doc.get(doc_id, predicted.iloc[:0]).itertuples())
        places = [_places(f, text, by_offsets) for f in f_rows]
        pairs = match_document(places, [g.segments for g in g_rows], min_cover)
        by_gold = {gi: (fi, span, cover) for fi, (gi, span, cover) in pairs.items()}
        outlet = outlets.get(doc_id, "")
        for gi, g in enumerate(g_rows):
            row = _gold_part(g, doc_id, outlet, text)
            if gi in by_gold:
                fi, span, cover = by_gold[gi]
                row.update(_found_part(f_rows[fi], span, text))
                row.update(_checks(g, f_rows[fi], span, cover, text, exact))
            rows.append(row)
        for fi, f in enumerate(f_rows):
            if fi not in pairs:
                span = places[fi][0] if places[fi] else (None, None)
                rows.append({"doc_id": doc_id, "outlet": outlet,
                             **_found_part(f, span, text)})
    return pd.DataFrame(rows, columns=list(STATEMENT_COLUMNS))


def _places(found, text: str | None, by_offsets: bool) -> list[tuple[int, int]]:
    start, end, content = found.start, found.end, str(found.content or "")
    if text is None or (by_offsets and 0 <= start < end <= len(text)
                        and text[start:end] == content):
        return [(start, end)]
    return locate(text, content)


def _gold_part(g, doc_id: str, outlet: str, text: str | None) -> dict:
    cue = _gold_cue_text(g, text)
    return {"doc_id": doc_id, "outlet": outlet, "gold_row": g.Index, "gold_start": g.start,
            "gold_end": g.end, "gold_content": g.content, "gold_speaker": g.speaker,
            "gold_cue": cue, "speech": bool(speech_verbs().search(cue)), "gold_actor": g.actor,
            "gold_side": g.side, "gold_mode": g.mode, "gold_stance": g.stance,
            "kind": g.kind or ("speech verb" if speech_verbs().search(cue)
                               else "other cue" if cue else "no cue")}


def _gold_cue_text(g, text: str | None) -> str:
    if g.cue_segments and text is not None:
        return " ".join(text[a:b] for a, b in g.cue_segments)
    return str(g.cue or "")


def _found_part(f, span: tuple, text: str | None) -> dict:
    return {"found_row": f.Index, "found_start": span[0], "found_end": span[1],
            "found_content": f.content, "found_speaker": f.speaker, "found_cue": f.cue,
            **{f"found_{name}": getattr(f, name, None) for name in ("actor", "side", "mode",
                                                                   "stance")}}


def _checks(g, f, span: tuple[int, int], cover: float, text: str | None, exact: float) -> dict:
    score = jaccard(g.segments, span)
    checks = {"cover": cover, "jaccard": score, "exact": score >= exact,
              "speaker_ok": _speaker_ok(g.speaker, f.speaker),
              "cue_ok": _cue_ok(g, f, span, text),
              "stance_ok": (float(str(f.stance or "").lower() == g.stance.lower())
                            if g.stance else np.nan)}
    for field in ("actor", "side", "mode"):
        want = getattr(g, field)
        checks[f"{field}_ok"] = (np.nan if want is None
                                 else float(str(want) == str(getattr(f, field, "") or "")))
    return checks


def _speaker_ok(gold: str | None, found: str | None) -> float:
    """score.py's speaker agreement: the found speaker shares a word with the gold source."""
    source = str(gold or "").lower().strip()
    if not source or source in PRONOUNS:
        return np.nan
    mine = set(re.findall(r"\w+", str(found or "").lower()))
    return float(bool(set(re.findall(r"\w+", source)) & mine))


def _cue_ok(g, f, span: tuple[int, int], text: str | None) -> float:
    """The found cue is the gold cue: the same words of the text where the gold gives the cue's
    place, else the same lemma; a gold statement with no cue wants none found."""
    if g.cue is None:
        return np.nan
    found_cue = _found_cue_span(f, span, text)
    if not g.cue_segments:
        if not g.cue:
            return float(not f.cue)
        return float(str(f.cue or "").lower() == str(g.cue).lower())
    if found_cue is None:
        return 0.0
    lo, hi = found_cue
    return float(any(min(b, hi) > max(a, lo) for a, b in g.cue_segments))


def _found_cue_span(f, span: tuple[int, int], text: str | None) -> tuple[int, int] | None:
    """Where the found cue stands in the gold's text: moved with the content when the content
    was located by search, and checked against the cue's own words when they are known."""
    start, end = getattr(f, "cue_start", None), getattr(f, "cue_end", None)
    if start is None or end is None or pd.isna(start) or pd.isna(end) or end <= start:
        return None
    start, end = int(start), int(end)
    if text is None:
        return start, end
    shift = span[0] - f.start
    words = getattr(f, "cue_text", None)
    if not words or text[start + shift:end + shift] == words:
        return start + shift, end + shift
    places = locate(text, words) if len(words) >= 3 else [
        (m.start(), m.end()) for m in re.finditer(re.escape(words), text)]
    return min(places, key=lambda p: abs(p[0] - span[0])) if places else None


def summarise(statements: pd.DataFrame, by: str | None = None,
              groups: list[str] | None = None) -> pd.DataFrame:
    """Detection and accuracy figures over the statement table, overall or per ``by`` value
    (``doc_id``, ``outlet``, ``kind``); ``groups`` lists the values to show even when empty."""
    s = statements
    has_gold, has_found = s["gold_row"].notna(), s["found_row"].notna()
    matched = has_gold & has_found
    counts = pd.DataFrame({
        "gold": has_gold, "found": has_found, "matched": matched,
        "exact": matched & s["exact"].eq(True),
        "speech_gold": has_gold & s["speech"].eq(True),
        "speech_matched": matched & s["speech"].eq(True),
        "jaccard": s["jaccard"].where(matched).astype(float),
        **{check: s[f"{check}_ok"].where(matched).astype(float)
           for check in ("speaker", "actor", "side", "mode", "cue", "stance")}})
    keys = s[by] if by else pd.Series("all", index=s.index)
    grouped = counts.groupby(keys.rename("scope" if by is None else by), sort=True)
    f = grouped[["gold", "found", "matched", "exact", "speech_gold", "speech_matched"]].sum()
    f = f.reindex(sorted(set(f.index) | set(groups or ())), fill_value=0).astype(int)
    means = grouped[["jaccard", "speaker", "actor", "side", "mode", "cue", "stance"]].mean()
    means = means.reindex(f.index)

    def rate(part: pd.Series, whole: pd.Series) -> pd.Series:
        return (part / whole.where(whole > 0)).astype(float)

    def f1(p: pd.Series, r: pd.Series) -> pd.Series:
        p, r = p.fillna(0.0), r.fillna(0.0)  # nothing found or nothing to find counts as 0
        return (2 * p * r / (p + r).where(p + r > 0)).fillna(0.0)

    out = pd.DataFrame({"gold": f["gold"], "found": f["found"], "matched": f["matched"],
                        "precision": rate(f["matched"], f["found"]),
                        "recall": rate(f["matched"], f["gold"])})
    out["f1"] = f1(out["precision"], out["recall"])
    out["exact"] = f["exact"]
    out["exact_precision"] = rate(f["exact"], f["found"])
    out["exact_recall"] = rate(f["exact"], f["gold"])
    out["exact_f1"] = f1(out["exact_precision"], out["exact_recall"])
    out["mean_jaccard"] = means["jaccard"]
    out["speech_gold"] = f["speech_gold"]
    out["speech_recall"] = rate(f["speech_matched"], f["speech_gold"])
    out["speaker_n"] = grouped["speaker"].count().reindex(f.index, fill_value=0).astype(int)
    out["speaker_agreement"] = means["speaker"]
    for check in ("actor", "side", "mode", "cue", "stance"):
        out[f"{check}_accuracy"] = means[check]
    return out.reset_index()

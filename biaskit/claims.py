"""Claims: every sentence that expresses a codebook claim, and how the article presents it.

Matching rules (documented in the README, 'Claims'):

* each cue phrase of a claim matches as a sequence of words, ignoring case and apostrophe
  style; a word of four letters or more also matches its inflections (``killed`` finds
  kill, kills, killing), and one extra word may stand between two cue words ("never hit any
  civilian targets");
* a match is **negated** when a negator (not, never, no, n't, without, deny, denies, denied,
  denying) stands in the four words before it and the cue itself holds none: "Russia denies
  it killed civilians" expresses the opposite of "killed civilians";
* one row per sentence and claim; further matches of the same claim in that sentence are
  listed in ``matched``.

Who presents the claim: the statement whose content (or reporting cue) holds the match gives
the actor, side, mode, cue and stance; a match in no statement is the outlet's own voice
(``narrator``), or an ``unattributed_report`` when "reports that", "allegations that",
"accused of" and the like stand just before it.

Countering: a claim is countered when a statement by another side stands in the same or the
next two sentences, or when a contrast marker ('but', 'however', 'contradict', 'dispelling',
...) frames it: in the sentence before it, or earlier in its own sentence. ``countered_by``
says which.

Markers: ``markers`` lists the outlet's own hedges, distancing markers and boosters in the
sentence; ``speaker_markers`` those inside quotation marks or inside a statement's content
(the speaker's words, like "so-called" in Bondarev's quote).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import pandas as pd

from biaskit.attribution import statements_by_sentence
from biaskit.codebook import Claim, Codebook
from biaskit.corpus import Document
from biaskit.cues import MARKERS, inside_quote, scare_quotes
from biaskit.quotes import Quote, find_quotes
from biaskit.sentences import Sentence, document_sentences

_NEGATORS = re.compile(r"(?<![\w-])(?:not|never|no|without|nor|deny|denies|denied|denying)"
                       r"(?![\w-])|n['’]t\b", re.IGNORECASE)
_UNATTRIBUTED = re.compile(
    r"\b(?:reports?|allegations?|accusations?|claims?|rumou?rs?)\s+(?:\w+\s+){0,2}?"
    r"(?:that|of|say|said|suggest\w*)\b|\breportedly\b|\baccused\s+of\b", re.IGNORECASE)
COLUMNS = ["doc_id", "source", "claim", "claim_side", "paragraph", "sentence_index",
           "sentence", "start", "end", "matched", "polarity", "presenter", "presenter_side",
           "mode", "cue", "stance", "markers", "speaker_markers", "scare_quotes", "countered",
           "countered_by",
           "position", "relative_position", "evidence"]


@cache
def _cue_pattern(cue: str) -> re.Pattern[str]:
    words = []
    for word in cue.replace("’", "'").split():
        if len(word) >= 4 and word.isalpha():
            stem = re.sub(r"(?:ing|ed|es|s|e)$", "", word.lower())
            stem = stem if len(stem) >= 3 else word.lower()
            words.append(re.escape(stem) + r"\w{0,4}")
        else:
            words.append(re.escape(word))
    gap = r"\s+(?:[\w'’-]+\s+)?"
    return re.compile(r"(?<![\w-])" + gap.join(words) + r"(?![\w-])", re.IGNORECASE)


def _matches(claim: Claim, text: str, lo: int, hi: int) -> list[tuple[int, int, bool]]:
    """(start, end, negated) of each cue match of the claim in text[lo:hi]."""
    found = []
    for cue in claim.cues:
        cue_negated = bool(_NEGATORS.search(cue))
        for match in _cue_pattern(cue).finditer(text, lo, hi):
            before = text[max(lo, match.start() - 40):match.start()].split()[-4:]
            negated = not cue_negated and bool(_NEGATORS.search(" ".join(before)))
            found.append((match.start(), match.end(), negated))
    kept: list[tuple[int, int, bool]] = []  # cue variants often match the same words
    for match in sorted(found, key=lambda m: (m[0], -m[1])):
        if not kept or match[0] >= kept[-1][1]:
            kept.append(match)
    return kept


def claim_occurrences(documents: Iterable[Document], codebook: Codebook,
                      attributions: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence that expresses a claim, with how it is presented (see module)."""
    by_doc = {doc_id: rows for doc_id, rows in attributions.groupby("doc_id")}
    rows = []
    for doc in documents:
        statements = by_doc.get(doc.doc_id, attributions.iloc[0:0]).sort_values(
            "start").to_dict("records")  # plain records: looked up for every match
        sentences = document_sentences(doc)
        per_sentence = statements_by_sentence(statements, sentences)
        quotes = find_quotes(doc)
        for sentence in sentences:
            for claim in codebook.claims.values():
                matches = _matches(claim, doc.text, sentence.start, sentence.end)
                if matches:
                    rows.append(_occurrence(doc, codebook, claim, sentence, matches,
                                            per_sentence, sentences, quotes))
    return pd.DataFrame(rows, columns=COLUMNS)


def _occurrence(doc: Document, codebook: Codebook, claim: Claim, sentence: Sentence,
                matches: list[tuple[int, int, bool]], per_sentence: list[list[dict]],
                sentences: list[Sentence], quotes) -> dict:
    start, end, negated = matches[0]
    statements = per_sentence[sentence.index]
    presenter = _presenter(statements, sentence, start, end)
    if presenter is not None:
        who, side, mode = presenter["actor"] or presenter["speaker"], presenter["side"], \
            presenter["mode"]
        cue, stance = presenter["cue"], presenter["stance"]
        how = f'in a {mode} statement by "{presenter["speaker"]}" (cue "{cue}")'
    elif _UNATTRIBUTED.search(doc.text, max(sentence.start, start - 60), start):
        who, side, mode, cue, stance = "unattributed_report", "", "unattributed", "", ""
        how = "in an unattributed report ('reports that ...')"
    else:
        who, side, mode, cue, stance = "narrator", "", "narrator", "", ""
        how = "in the outlet's own voice"
    own, speakers = [], []  # the outlet's markers, and those inside someone's words
    contents = [(s["start"], s["end"]) for s in statements]
    for marker in MARKERS().find(doc.text, sentence.start, sentence.end):
        if marker.kind == "contrast":
            continue
        spoken = inside_quote(quotes, marker.start) or any(
            s <= marker.start < e for s, e in contents)
        (speakers if spoken else own).append(f"{marker.kind}:{marker.text.lower()}")
    direct = [(s["start"], s["end"]) for s in statements if s["mode"] == "direct"]
    scare = [doc.text[q.start:q.end] for q in scare_quotes(doc.text, quotes, direct,
                                                            sentence.start, sentence.end)]
    countered_by = _counters(doc, codebook, claim, sentence, start, sentences, per_sentence,
                             quotes)
    blocks = len(doc.blocks)
    role = doc.blocks[sentence.paragraph].role
    first_body = next((b.index for b in doc.blocks if b.role == "body"), -1)
    return {
        "doc_id": doc.doc_id, "source": doc.source, "claim": claim.claim_id,
        "claim_side": claim.side, "paragraph": sentence.paragraph,
        "sentence_index": sentence.index, "sentence": sentence.text, "start": start,
        "end": end, "matched": "; ".join(doc.text[s:e] for s, e, _ in matches),
        "polarity": "negated" if negated else "affirmed", "presenter": who,
        "presenter_side": side, "mode": mode, "cue": cue, "stance": stance,
        "markers": "; ".join(own), "speaker_markers": "; ".join(speakers),
        "scare_quotes": "; ".join(scare),
        "countered": bool(countered_by), "countered_by": "; ".join(countered_by),
        "position": "lead" if sentence.paragraph == first_body else role,
        "relative_position": sentence.paragraph / (blocks - 1) if blocks > 1 else 0.0,
        "evidence": f'"{doc.text[start:end]}" matches claim {claim.claim_id} '
                    f'{"(negated) " if negated else ""}{how}',
    }


def _presenter(statements: list[dict], sentence: Sentence, start: int, end: int
               ) -> dict | None:
    """The statement that holds the match in its content or its cue, if any."""
    for row in statements:
        if row["start"] < sentence.end and row["end"] > sentence.start and (
                row["start"] <= start < row["end"] or start <= row["cue_start"] < end):
            return row
    return None


def _counters(doc: Document, codebook: Codebook, claim: Claim, sentence: Sentence,
              match_start: int,
              sentences: list[Sentence], per_sentence: list[list[dict]],
              quotes: list[Quote]) -> list[str]:
    found = []
    index = sentence.index
    for other in sentences[index:index + 3]:
        opposing = [s["side"] for s in per_sentence[other.index]
                    if other.start <= s["start"] < other.end and s["side"] not in ("", claim.side)]
        found += [f'{side} statement in sentence {other.index}'
                  for side in dict.fromkeys(opposing)]
    # A contrast marker frames what follows it: earlier in the claim's own sentence, or in the
    # sentence before when what it contradicts names the claim's side ("Bondarev's comments
    # contradict reports made by ... Amnesty International. A report this week said ...").
    lo = sentences[index - 1].start if index > 0 else sentence.start
    side = codebook.side_pattern(claim.side)
    for marker in MARKERS().find(doc.text, lo, match_start):
        if marker.kind != "contrast" or inside_quote(quotes, marker.start):
            continue
        if marker.start >= sentence.start or side.search(doc.text, marker.end, sentence.start):
            found.append(f'"{marker.text}" before it')
    return list(dict.fromkeys(found))


PRESENTATIONS = ("narrator", "neutral_attribution", "distanced", "denied", "countered")


def presentation_flags(claims: pd.DataFrame) -> pd.DataFrame:
    """For each claim occurrence, whether it is told as a narrator assertion, a neutral
    attribution (neutral verb, no marker, no scare quote), distanced (distancing verb, a hedge
    or distancing marker, or a scare quote), denied (negated, or a denial verb) and countered.
    The one definition behind :func:`claim_profile` and the comparison's claim shares."""
    return pd.DataFrame({
        "narrator": claims["mode"] == "narrator",
        "neutral_attribution": (claims["stance"] == "neutral") & (claims["markers"] == "")
        & (claims["scare_quotes"] == ""),
        "distanced": (claims["stance"] == "distancing")
        | claims["markers"].str.contains("hedge:|distancing:") | (claims["scare_quotes"] != ""),
        "denied": (claims["polarity"] == "negated") | (claims["stance"] == "denial"),
        "countered": claims["countered"].astype(bool),
    }, index=claims.index)


def claim_profile(claims: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """How each side's claims are presented, per ``by`` (source or doc_id): occurrences and
    the shares given as narrator assertion, neutral attribution, distanced (distancing
    reporting verb or a hedging/distancing marker), denied (negated, or a denial verb), and
    countered."""
    if claims.empty:
        return pd.DataFrame(columns=[by, "claim_side", "occurrences", *PRESENTATIONS])
    frame = pd.concat([claims[[by, "claim_side"]], presentation_flags(claims)], axis=1)
    grouped = frame.groupby([by, "claim_side"], sort=True)
    table = grouped.size().rename("occurrences").to_frame()
    for column in PRESENTATIONS:
        table[column] = grouped[column].mean()
    return table.reset_index()

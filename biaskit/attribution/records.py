"""Attribution records: one row per attributed statement, and the tables built from them.

>>> import biaskit
>>> doc = biaskit.Document.from_parts("d", "Title", ['“We left,” Lena Osei said.'])
>>> [(a.speaker, a.mode, a.cue, a.content) for a in extract_attributions(doc)]
[('Lena Osei', 'direct', 'say', 'We left')]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields

import pandas as pd

from biaskit.annotate import AnnotatedDocument
from biaskit.attribution.context import DocumentContext
from biaskit.attribution.extractor import find_statements
from biaskit.attribution.reporting_verbs import Cue
from biaskit.attribution.speakers import Speaker
from biaskit.attribution.windows import Window, document_windows
from biaskit.codebook import Codebook
from biaskit.corpus.document import Document
from biaskit.corpus.sentences import MASK, Sentence


@dataclass(frozen=True)
class Attribution:
    """One attributed statement; ``doc.text[start:end] == content``."""

    doc_id: str
    source: str
    paragraph: int  # as a reader counts: body paragraphs from 1, 0 in headline and standfirst
    block: int  # the index in doc.blocks (0 the headline)
    sentence_index: int
    sentence: str
    start: int
    end: int
    speaker: str
    speaker_label: str
    actor: str
    side: str
    mode: str
    cue: str
    cue_start: int
    cue_end: int
    stance: str
    kind: str
    content: str
    content_words: int
    quoted_words: int
    position: str
    evidence: str


COLUMNS = tuple(f.name for f in fields(Attribution))
# The kinds of statement that give a side a voice: what it said, wrote, or reported as found
# ('Amnesty finds ...', 'the report shows ...'). Thoughts and intentions the writer ascribes
# ('Kade believes', 'the UN aims to') and refusals to speak ('declined to comment') stay in
# the table with their kind, but balance measures and the gold evaluation leave them out by
# default.
VOICE_KINDS = ("speech", "writing", "evidence")


def extract_attributions(doc: Document | AnnotatedDocument, codebook: Codebook | None = None
                         ) -> list[Attribution]:
    """Every attributed statement of a document, in text order."""
    return [_attribution(row) for row in _rows(doc, codebook)]


def _attribution(row: tuple) -> Attribution:
    # The fields are set at once, as __init__ leaves them: a frozen dataclass's __init__
    # sets its 23 fields one call at a time, which took 2% of attribution's time.
    attribution = object.__new__(Attribution)
    attribution.__dict__.update(zip(COLUMNS, row, strict=True))
    return attribution


def _rows(doc: Document | AnnotatedDocument, codebook: Codebook | None) -> Iterator[tuple]:
    """The statements of a document as tuples in ``COLUMNS`` order (the frame is built from
    these directly, without an Attribution object per row), made as they are read, so that
    a long article's rows never all stand at once as Python objects. A book-length document
    is read in windows (windows.py)."""
    first_body = next((b.index for b in doc.blocks if b.role == "body"), -1)
    for window in document_windows(doc):
        yield from _window_rows(doc, window, codebook, first_body)


def _window_rows(doc: Document | AnnotatedDocument, window: Window, codebook: Codebook | None,
                 first_body: int) -> Iterator[tuple]:
    """The statements that start in the window's own blocks, with the whole document's
    offsets, block, paragraph and sentence numbers."""
    context = DocumentContext(window.document, codebook)
    statements = find_statements(context)
    sentences = context.sentences
    sentence_starts = context.sentence_starts
    text, doc_id, source, words = window.document.text, doc.doc_id, doc.source, context.words
    shift, first_block, first_sentence = window.offset, window.first_block, window.first_sentence
    own_start, own_end = window.own_start - shift, window.own_end - shift
    sides = codebook.sides if codebook else None
    # Each statement's record is let go once its row is made, and the memory it held serves
    # the next rows: a long article's records and its rows never all stand at once.
    context.found.clear()
    statements.reverse()
    # The sentence text is sliced once per sentence, and its rows share the one string: a
    # sentence that is a whole 100,000-character block with thousands of cues ('Dorn said,
    # Dorn said, ...') was copied whole for each of its rows, time quadratic in its length.
    sentence_span, sentence_text = None, ""
    while statements:
        found = statements.pop()
        start, end = found.start, found.end
        if not own_start <= start < own_end:
            continue  # read as context: the neighbouring window's statement
        cue: Cue = found.cue
        speaker: Speaker = found.speaker_obj
        mode = found.mode
        i = bisect_right(sentence_starts, start) - 1
        j = bisect_right(sentence_starts, end - 1) - 1
        first = sentences[i] if i >= 0 else found.sentence
        last = sentences[j] if j >= i >= 0 else first
        block = first.paragraph + first_block
        position = "lead" if block == first_body else doc.blocks[block].role
        actor = speaker.actor
        cue_text = text[cue.start:cue.end]
        if actor:
            side_label = sides[actor.side].label if sides else ""
            actor_evidence = f"; alias of {actor.actor_id} ({side_label})"
        else:
            actor_evidence = "; no codebook actor"
        evidence = (f'{mode}: {found.form}'
                    + (f', cue "{cue_text}"' if cue_text else "")
                    + f"; {speaker.how.replace(MASK, '.')}" + actor_evidence)
        content = text[start:end]
        if sentence_span != (first.start, last.end):
            sentence_span = (first.start, last.end)
            sentence_text = text[first.start:last.end]
        yield (
            doc_id, source, doc.blocks[block].paragraph, block, first.index + first_sentence,
            sentence_text,
            # Speaker phrases were read in the masked text (context.py): "Mr_" is "Mr.".
            start + shift, end + shift, speaker.name.replace(MASK, "."),
            speaker.label.replace(MASK, "."),
            actor.actor_id if actor else "", actor.side if actor else "",
            mode, cue.lemma, cue.start + shift, cue.end + shift, cue.stance, cue.kind, content,
            words(start, end),
            found.quoted_words, position, evidence)


def statement_records(attributions: pd.DataFrame, columns: Sequence[str]
                      ) -> dict[str, list[dict]]:
    """Each document's statements (rows of the attribution table, with these columns) as
    records, in the order ``sort_values("start")`` gives them."""
    table = list(zip(*(attributions[column].tolist() for column in columns), strict=True))
    doc_ids = attributions["doc_id"]
    rows_by_doc: dict[str, list[int]] = {}
    for row, (doc_id, missing) in enumerate(zip(doc_ids.tolist(), doc_ids.isna().tolist(),
                                                strict=True)):
        if not missing:  # as groupby, which drops a missing doc_id
            rows_by_doc.setdefault(doc_id, []).append(row)
    starts = attributions["start"].tolist()
    records = {}
    for doc_id, rows in rows_by_doc.items():
        if not all(starts[a] < starts[b] for a, b in zip(rows, rows[1:], strict=False)):
            # Ties, disorder or a missing start: let pandas order them (its sort is not
            # stable).
            order = attributions.iloc[rows].reset_index(drop=True).sort_values("start").index
            rows = [rows[i] for i in order]
        records[doc_id] = [dict(zip(columns, table[row], strict=True)) for row in rows]
    return records


def statements_by_sentence(statements: list[dict], sentences: list[Sentence]
                           ) -> list[list[dict]]:
    """For each sentence (by index), the statements (rows of the attribution table, as
    records) that overlap it; a statement spanning sentences is listed under each."""
    starts = [sentence.start for sentence in sentences]
    found: list[list[dict]] = [[] for _ in sentences]
    for statement in statements:
        first = max(0, bisect_right(starts, statement["start"]) - 1)
        last = max(first, bisect_right(starts, statement["end"] - 1) - 1)
        for index in range(first, last + 1):
            found[index].append(statement)
    return found


def attributions_frame(documents: Iterable[Document | AnnotatedDocument] | Document
                       | AnnotatedDocument, codebook: Codebook | None = None) -> pd.DataFrame:
    """One row per attributed statement of every document; first column ``doc_id``."""
    if isinstance(documents, Document | AnnotatedDocument):
        documents = [documents]
    frames = list(attribution_chunks(documents, codebook)) or [_frame([])]
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


ROWS_PER_CHUNK = 1024  # rows stand as Python objects until their chunk is a frame


def attribution_chunks(documents: Iterable[Document | AnnotatedDocument],
                       codebook: Codebook | None = None) -> Iterator[pd.DataFrame]:
    """The rows of :func:`attributions_frame`, in order, as frames of at most
    ``ROWS_PER_CHUNK`` rows made as they are read (none for no statement).

    A chunk's Python strings (sentence, content, evidence: about 1 KB a statement) are freed
    once pandas holds them compactly, and a reader that writes each chunk out (``biaskit
    quotes``) never holds a long article's table whole: it is larger than the article.
    """
    chunk = []
    for row in (row for doc in documents for row in _rows(doc, codebook)):
        chunk.append(row)
        if len(chunk) == ROWS_PER_CHUNK:
            yield _frame(chunk)
            chunk = []
    if chunk:
        yield _frame(chunk)


def _frame(rows: list[tuple]) -> pd.DataFrame:
    if not rows:
        return pd.DataFrame([], columns=list(COLUMNS))
    columns = zip(*rows, strict=True)  # the frame is built from whole columns, at once
    return pd.DataFrame(dict(zip(COLUMNS, map(list, columns), strict=True)),
                        columns=list(COLUMNS))

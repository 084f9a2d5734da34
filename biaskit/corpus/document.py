"""Documents and corpora: the objects every loader returns, and their DataFrames.

A :class:`Document` is one article whose canonical ``text`` every offset in biaskit indexes;
a :class:`Corpus` holds documents in a fixed order with the :class:`Problem` rows met loading
them. The loaders are in :mod:`biaskit.corpus.files` and :mod:`biaskit.corpus.tables`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from typing import Any, Literal, TypeVar

import pandas as pd

from biaskit.corpus.cleaning import CleaningStep, CleanText, StandfirstRule, clean_text

PROVENANCES = ("real", "constructed", "unknown")
# Columns of Corpus.to_frame(), which corpus_from_frame() reads back.
FIELDS = ("doc_id", "source", "date", "url", "provenance", "title", "standfirst", "text")
# The empty group at the end makes findall list '' for each word instead of a new string
# of it: only the number of words is wanted (an eighth fewer instructions per call).
_WORD = re.compile(r"\w+(?:['’-]\w+)*()")

T = TypeVar("T")


def count_words(text: str) -> int:
    """Words, counting "Russia’s" and "well-trained" as one each.

    >>> count_words("Russia’s well-trained pilots never missed.")
    5
    """
    return len(_WORD.findall(text))


@dataclass(frozen=True, slots=True)  # a long article has tens of thousands
class Block:
    """A headline, standfirst or body paragraph: ``doc.text[start:end]`` is its text.

    ``index`` is the block's place in ``doc.blocks`` (the headline is 0); ``paragraph`` is the
    number a reader counts: body paragraphs from 1 (the lead), 0 for the headline and the
    standfirst, which :func:`block_label` names instead. Every table, view and figure of
    biaskit shows this number.
    """

    index: int
    role: Literal["headline", "standfirst", "body"]
    start: int
    end: int
    paragraph: int = 0


def block_label(block: Block) -> str:
    """How a reader names the block: 'headline', 'standfirst' or 'paragraph 3'."""
    return f"paragraph {block.paragraph}" if block.role == "body" else block.role


class Paragraphs(Sequence[str]):
    """A document's body paragraphs, cut from its text when read: a tuple of strings to
    every reader (it compares equal to one, hashes and prints as one), without holding the
    text a second time. ``doc.paragraphs[i] == doc.text[block.start:block.end]``."""

    __slots__ = ("_text", "_blocks")

    def __init__(self, text: str, blocks: Sequence[Block]):
        self._text, self._blocks = text, tuple(blocks)

    def __len__(self) -> int:
        return len(self._blocks)

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, slice):
            return tuple(self._text[b.start:b.end] for b in self._blocks[key])
        block = self._blocks[key]
        return self._text[block.start:block.end]

    def __iter__(self) -> Iterator[str]:
        text = self._text
        return (text[block.start:block.end] for block in self._blocks)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Paragraphs | tuple):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __add__(self, other: tuple) -> tuple:
        return tuple(self) + other if isinstance(other, tuple) else NotImplemented

    def __radd__(self, other: tuple) -> tuple:
        return other + tuple(self) if isinstance(other, tuple) else NotImplemented

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[type, tuple]:
        return Paragraphs, (self._text, self._blocks)  # the text is pickled once, as doc.text


#: The outlet of a document with no ``source``: visible in every table, never pooled silently.
UNKNOWN_SOURCE = "unknown outlet"


@dataclass(frozen=True)
class Document:
    """One article. ``text`` is the canonical text that every offset in biaskit indexes.

    ``text`` is the headline, the standfirst (when there is one) and the body paragraphs,
    joined by blank lines; ``blocks`` locates each of them in it. Build one with
    :meth:`from_parts` or :meth:`from_text`, or load files with :func:`load_corpus`.
    """

    doc_id: str
    title: str
    standfirst: str
    paragraphs: Sequence[str]  # read back as a tuple-like view on text (Paragraphs)
    source: str = ""
    date: str = ""
    url: str = ""
    provenance: str = "unknown"
    metadata: Mapping[str, Any] = field(default_factory=dict, hash=False)
    cleaning_log: tuple[CleaningStep, ...] = ()
    encoding: str = ""
    path: str = ""
    text: str = field(init=False)
    blocks: tuple[Block, ...] = field(init=False)

    def __post_init__(self) -> None:
        parts = [("headline", self.title), ("standfirst", self.standfirst)]
        parts += [("body", paragraph) for paragraph in self.paragraphs]
        blocks, pieces, offset, bodies = [], [], 0, 0
        for role, part in parts:
            if not part:
                continue
            if "\n" in part or part != part.strip():
                raise ValueError(
                    f"document {self.doc_id!r}: a {role} must be one line without surrounding "
                    "whitespace; build documents with Document.from_parts to have them cleaned")
            if pieces:
                offset += 2
            # a running count: counting earlier blocks each time is quadratic in paragraphs
            bodies += role == "body"
            blocks.append(Block(len(blocks), role, offset, offset + len(part),
                                bodies if role == "body" else 0))
            pieces.append(part)
            offset += len(part)
        if self.provenance not in PROVENANCES:
            raise ValueError(f"document {self.doc_id!r}: provenance must be one of "
                             f"{', '.join(PROVENANCES)}, not {self.provenance!r}")
        text = "\n\n".join(pieces)
        # Cut from the text rather than held beside it: a long article is held once, not
        # twice. An empty paragraph has no block, so a document given one keeps the tuple.
        paragraphs = (Paragraphs(text, [b for b in blocks if b.role == "body"])
                      if all(self.paragraphs) else tuple(self.paragraphs))
        object.__setattr__(self, "paragraphs", paragraphs)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "blocks", tuple(blocks))

    @classmethod
    def from_parts(cls, doc_id: str, title: str, paragraphs: Iterable[str], standfirst: str = "",
                   **fields: Any) -> Document:
        """Build a document from its parts, cleaning each part (the log records changes).

        >>> doc = Document.from_parts("d1", "Headline", ["First.", "Second."])
        >>> doc.text
        'Headline\\n\\nFirst.\\n\\nSecond.'
        """
        layout = "\n\n".join([title, standfirst, *paragraphs] if standfirst else
                             [title, *paragraphs])
        return cls.from_text(layout, doc_id=doc_id, standfirst="yes" if standfirst else "no",
                             **fields)

    @classmethod
    def from_text(cls, raw: str, *, doc_id: str, standfirst: StandfirstRule = "auto",
                  **fields: Any) -> Document:
        """Build a document from a whole article in the plain-text layout (or an HTML page)."""
        return cls.from_cleaned(clean_text(raw, doc_id=doc_id, standfirst=standfirst),
                                doc_id=doc_id, **fields)

    @classmethod
    def from_cleaned(cls, cleaned: CleanText, *, doc_id: str, **fields: Any) -> Document:
        """Build a document from :func:`~biaskit.corpus.cleaning.clean_text`'s result (a
        loader that lets go of the raw text first holds a long article twice, not three
        times)."""
        log = tuple(fields.pop("cleaning_log", ())) + cleaned.log
        return cls(doc_id=doc_id, title=cleaned.title, standfirst=cleaned.standfirst,
                   paragraphs=cleaned.paragraphs, cleaning_log=log, **fields)

    @property
    def body(self) -> str:
        """The body paragraphs joined by blank lines (no headline or standfirst)."""
        return "\n\n".join(self.paragraphs)

    @cached_property  # several analysers divide by it; the text never changes
    def n_words(self) -> int:
        return count_words(self.text)


def kept_on_document(doc: Any, key: str, compute: Callable[[], T]) -> T:
    """``compute()``, found once per document and kept on it under ``key``.

    Several analysers ask for the same sentences, quotes, names and markers of a document,
    and its text never changes. An object without a ``__dict__`` computes every time.
    Callers keep immutable values (tuples), so no caller can change what another gets.
    """
    memo = getattr(doc, "__dict__", None)
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


@dataclass(frozen=True)
class Problem:
    """Why a document could not be loaded (``error``) or was loaded with a doubt (``warning``)."""

    doc_id: str
    path: str
    location: str
    severity: Literal["warning", "error"]
    message: str


class Corpus(Sequence):
    """The documents of a corpus, in a fixed order, and the problems met loading them.

    Index by position or by ``doc_id``: ``corpus[0]``, ``corpus["000_d287f8da5092c987"]``.
    """

    def __init__(self, documents: Iterable[Document], problems: Iterable[Problem] = (),
                 name: str = ""):
        documents = list(documents)
        nameless = [i for i, doc in enumerate(documents) if not doc.source]
        for i in nameless:  # replace() keeps every field; the analysers' memo starts afresh
            documents[i] = replace(documents[i], source=UNKNOWN_SOURCE)
        self.documents = tuple(documents)
        self.problems = tuple(problems)
        self.name = name
        self._by_id = {doc.doc_id: doc for doc in self.documents}
        if len(self._by_id) != len(self.documents):
            twice = [i for i, n in Counter(d.doc_id for d in self.documents).items() if n > 1]
            raise ValueError(f"duplicate doc_id(s) in corpus: {', '.join(twice)}")

    def unknown_source_note(self) -> str:
        """A warning when some documents have no source (they are pooled as one outlet,
        :data:`UNKNOWN_SOURCE`), else ''. The comparison report and ``biaskit compare`` show
        it."""
        nameless = sum(doc.source == UNKNOWN_SOURCE for doc in self.documents)
        if not nameless:
            return ""
        return (f"{nameless} of {len(self.documents)} documents have no source, so they are "
                f"counted as one outlet, {UNKNOWN_SOURCE!r}. Give each document a source (a "
                "'source' column in metadata.csv or in the table)")

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            try:
                return self._by_id[key]
            except KeyError:
                raise KeyError(f"no document with doc_id {key!r} in this corpus") from None
        return self.documents[key]

    def __repr__(self) -> str:
        errors = sum(p.severity == "error" for p in self.problems)
        return (f"Corpus({self.name!r}: {len(self)} documents, "
                f"{len(self.problems) - errors} warnings, {errors} failed)")

    @property
    def doc_ids(self) -> list[str]:
        return [doc.doc_id for doc in self.documents]

    def to_frame(self) -> pd.DataFrame:
        """One row per document: the fields of :data:`FIELDS` (``text`` is the body), then
        metadata columns. :func:`corpus_from_frame` reads it back."""
        rows = []
        for doc in self.documents:
            row = {name: getattr(doc, name) for name in FIELDS if name != "text"}
            row["text"] = doc.body
            row.update(doc.metadata)
            rows.append(row)
        return pd.DataFrame(rows, columns=_columns(FIELDS, rows))

    def cleaning_log(self) -> pd.DataFrame:
        """Every change cleaning made, one row each: doc_id, step, detail, count."""
        rows = [vars(step) for doc in self.documents for step in doc.cleaning_log]
        return pd.DataFrame(rows, columns=["doc_id", "step", "detail", "count"])

    def problems_frame(self) -> pd.DataFrame:
        """The errors table: one row per document that failed or loaded with a warning."""
        return pd.DataFrame([vars(p) for p in self.problems],
                            columns=["doc_id", "path", "location", "severity", "message"])


def _columns(first: Sequence[str], rows: list[dict]) -> list[str]:
    extra = dict.fromkeys(key for row in rows for key in row if key not in first)
    return [*first, *extra]


def unique_ids(documents: list[Document], seen: Counter[str] | None = None,
               places: Sequence[tuple[str, str]] | None = None
               ) -> tuple[list[Document], list[Problem]]:
    """Rename repeated doc_ids (``id``, ``id__2``, ...) so that no document is lost.

    ``seen`` counts the ids of earlier chunks of the same corpus (it is updated), so that
    a repeat in a later chunk is renamed too. ``places`` gives each document's file and
    place in it (a table's row), for the warning; by default its ``path``.
    """
    seen = Counter() if seen is None else seen
    taken = {doc.doc_id for doc in documents}
    unique, problems = [], []
    for number, doc in enumerate(documents):
        seen[doc.doc_id] += 1
        if seen[doc.doc_id] == 1:
            unique.append(doc)
            continue
        new_id = f"{doc.doc_id}__{seen[doc.doc_id]}"
        while new_id in taken or new_id in seen:
            new_id += "_"
        taken.add(new_id)
        seen[new_id] += 1
        path, where = places[number] if places else (doc.path, "")
        problems.append(Problem(new_id, path, where, "warning",
                                f"doc_id {doc.doc_id!r} is used more than once; "
                                f"this document was renamed {new_id!r}"))
        unique.append(Document(**{**_init_fields(doc), "doc_id": new_id}))
    return unique, problems


def _init_fields(doc: Document) -> dict[str, Any]:
    return {f.name: getattr(doc, f.name) for f in fields(doc) if f.init}

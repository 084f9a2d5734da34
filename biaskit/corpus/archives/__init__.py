"""News-archive exports: LexisNexis, Nexis Uni, Factiva, ProQuest, Media Cloud, trafilatura,
newspaper. Each reader yields the same :class:`~biaskit.corpus.document.Document` objects
as the other loaders, and a :class:`~biaskit.corpus.document.Problem` naming the file and the
article number for each article it could not load.

The format is told from the file's content, not its name: :func:`detect_format`.

>>> corpus = load_archive("exports/guardian-2015.TXT")            # doctest: +SKIP
>>> corpus[0].metadata["format"]                                  # doctest: +SKIP
'lexisnexis'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from biaskit.corpus.archives import factiva, lexisnexis, nexis_docx, proquest, web
from biaskit.corpus.archives.common import Item
from biaskit.corpus.document import Corpus, Document, Problem, unique_ids
from biaskit.errors import InputError

# name -> (what a user calls it, the reader)
FORMATS: dict[str, tuple[str, Callable[[Path], Iterator[Item]]]] = {
    lexisnexis.NAME: (lexisnexis.LABEL, lexisnexis.read),
    nexis_docx.NAME: (nexis_docx.LABEL, nexis_docx.read),
    factiva.HTML_NAME: (factiva.HTML_LABEL, factiva.read_html),
    factiva.XML_NAME: (factiva.XML_LABEL, factiva.read_xml),
    proquest.NAME: (proquest.LABEL, proquest.read),
    web.MEDIACLOUD: (web.MEDIACLOUD_LABEL, web.read_mediacloud),
    web.TRAFILATURA_JSON: (web.TRAFILATURA_JSON_LABEL, web.read_trafilatura_json),
    web.TRAFILATURA_CSV: (web.TRAFILATURA_CSV_LABEL, web.read_trafilatura_csv),
    web.NEWSPAPER: (web.NEWSPAPER_LABEL, web.read_newspaper),
}
FileLoader = Callable[[Path], Corpus]
_HEAD = 65536  # bytes read to tell a format: the first articles of any export fit


def detect_format(path: str | Path) -> str | None:
    """The export format of a file, told from its first bytes; None for any other file
    (a plain-text article, a table, an unknown file)."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(_HEAD)
    except OSError:
        return None
    suffix = path.suffix.lower()
    if data.startswith(b"PK\x03\x04") or suffix == ".docx":
        # A .docx that is no Word file goes to the Word reader too, which says what it is.
        return nexis_docx.NAME if suffix == ".docx" or nexis_docx.looks_like(path) else None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = data.decode("utf-16", errors="replace")
    else:
        head = data.decode("utf-8", errors="replace")
    head = head.lstrip("\ufeff").replace("\r\n", "\n")
    if lexisnexis.looks_like(head):
        return lexisnexis.NAME
    if factiva.looks_like_xml(head):
        return factiva.XML_NAME
    if factiva.looks_like_html(head):
        return factiva.HTML_NAME
    if proquest.looks_like(head):
        return proquest.NAME
    # By the name only when the content says nothing: the reader then says what is wrong.
    return web.sniff(head) or _BY_SUFFIX.get(suffix)


_BY_SUFFIX = {".html": factiva.HTML_NAME, ".htm": factiva.HTML_NAME, ".xml": factiva.XML_NAME}


def read_items(path: str | Path, export: str | None = None) -> Iterator[Item]:
    """Documents and problems of one export, in file order, read lazily where the format
    allows (LexisNexis text, Factiva XML). ``export`` names the format; by default it is
    detected.

    Raises:
        InputError: when the file is not an export biaskit reads.
    """
    path = Path(path)
    export = export or detect_format(path)
    if export not in FORMATS:
        raise InputError("not a news-archive export biaskit reads", path=str(path),
                         hint=f"The formats are: {', '.join(FORMATS)}")
    return FORMATS[export][1](path)


def load_archive(path: str | Path, export: str | None = None) -> Corpus:
    """One export as a corpus; a file that cannot be read at all becomes one error problem."""
    path = Path(path)
    documents, problems = [], []
    _read_into(path, lambda: read_items(path, export), documents, problems)
    documents, renamed = unique_ids(documents)
    return Corpus(documents, [*problems, *renamed], name=path.stem)


def archive_chunks(source: str | Path, chunk_size: int, load_file: FileLoader
                   ) -> Iterator[Corpus]:
    """An export, or a folder holding exports, ``chunk_size`` documents at a time, never
    holding more than one chunk: for streaming runs over exports of any length.
    ``load_file`` loads the folder's other files (``biaskit.corpus.files.load_corpus``)."""
    source = Path(source)
    seen: Counter[str] = Counter()
    documents: list[Document] = []
    problems: list[Problem] = []
    for path in _export_files(source) if source.is_dir() else [source]:
        try:
            for item in _items_of(path, load_file):
                if isinstance(item, Problem):
                    problems.append(item)
                    continue
                documents.append(item)
                if len(documents) == chunk_size:
                    yield _chunk(documents, problems, seen, source)
                    documents, problems = [], []
        except InputError as error:
            problems.append(_file_problem(path, error))
    if documents or problems:
        yield _chunk(documents, problems, seen, source)


def is_archive_source(source: str | Path) -> bool:
    """Whether a file is an export, or a folder holds at least one."""
    source = Path(source)
    if source.is_dir():
        return any(detect_format(path) for path in _candidates(source))
    return source.is_file() and detect_format(source) is not None


def load_mixed_folder(folder: str | Path, load_file: FileLoader) -> Corpus:
    """A folder holding exports of any formats, plain-text articles and tables, read file by
    file in name order; ids repeated across files are renamed. ``load_file`` loads the files
    that are not exports (``biaskit.corpus.files.load_corpus``, which calls this function:
    it is passed in, so that neither module imports the other back)."""
    folder = Path(folder)
    documents, problems = [], []
    if (folder / "metadata.csv").is_file():
        problems.append(Problem(
            "", str(folder / "metadata.csv"), "", "warning",
            "this folder holds news-archive exports, so its metadata.csv is not applied to "
            "the .txt articles beside them; import the exports with `biaskit corpus import` "
            "and keep plain articles in a folder of their own"))
    for path in _export_files(folder):
        _read_into(path, lambda path=path: _items_of(path, load_file), documents, problems)
    documents, renamed = unique_ids(documents)
    return Corpus(documents, [*problems, *renamed], name=folder.name)


def describe_formats(corpus: Corpus, path: str | Path) -> str:
    """Which formats the corpus at ``path`` was read from, with the number of documents of
    each, for ``biaskit corpus info``."""
    path = Path(path)
    if path.is_file() and detect_format(path) is None:
        return f"{_SUFFIX_KINDS.get(path.suffix.lower(), 'plain-text article')} ({len(corpus)})"
    counts = Counter(_kind(doc) for doc in corpus)
    return ", ".join(f"{label} ({n})" for label, n in sorted(counts.items())) or "none"


_SUFFIX_KINDS = {".csv": "CSV table", ".jsonl": "JSON Lines table",
                 ".ndjson": "JSON Lines table", ".parquet": "Parquet table"}


def _kind(doc: Document) -> str:
    export = doc.metadata.get("format")
    if export in FORMATS and Path(doc.path).name == doc.metadata.get("export"):
        return FORMATS[export][0]
    if not doc.path:
        return "table"
    return "plain-text articles" + (f" (imported from {FORMATS[export][0]})"
                                    if export in FORMATS else "")


_IGNORED = {"metadata.csv", "import_log.csv", "codebook.yaml", "readme.md"}
_TABLES = (".csv", ".jsonl", ".ndjson", ".parquet")


def _candidates(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")
                  and p.name.lower() not in _IGNORED)


def _export_files(folder: Path) -> list[Path]:
    return [p for p in _candidates(folder)
            if detect_format(p) or p.suffix.lower() in (".txt", ".text", *_TABLES)]


def _items_of(path: Path, load_file: FileLoader) -> Iterator[Item]:
    """The items of any file of a mixed folder: an export, a plain-text article, a table."""
    export = detect_format(path)
    if export is not None:
        yield from FORMATS[export][1](path)
        return
    corpus = load_file(path)
    yield from corpus.problems
    yield from corpus.documents


def _chunk(documents: list[Document], problems: list[Problem], seen: Counter[str],
           source: Path) -> Corpus:
    unique, renamed = unique_ids(documents, seen)
    return Corpus(unique, [*problems, *renamed], name=source.stem)


def _file_problem(path: Path, error: InputError) -> Problem:
    return Problem("", str(path), error.location, "error",
                   error.problem + (f". {error.hint}" if error.hint else ""))


def _read_into(path: Path, items: Callable[[], Iterator[Item]],
               documents: list[Document], problems: list[Problem]) -> None:
    """Sort one export's documents and problems into the lists; a file that cannot be read
    at all, or from some article on, adds one error problem and keeps what came before."""
    try:
        for item in items():
            (documents if isinstance(item, Document) else problems).append(item)
    except InputError as error:
        problems.append(_file_problem(path, error))

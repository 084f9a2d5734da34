"""Decoding and cleaning of raw article text, with every change written to a log.

Cleaning turns a raw export into headline, standfirst and body paragraphs. It never removes
anything without a :class:`CleaningStep` saying what and why, so a user can print the log and
check that nothing of substance went missing.

The plain-text layout (as news exports come): the first line is the headline; an optional
one-paragraph standfirst follows; then body paragraphs separated by blank lines (or by single
line breaks after lines too long to be wrapped). Lines holding only whitespace (non-breaking
spaces included) are blank.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Literal

from biaskit.errors import InputError

StandfirstRule = Literal["auto", "yes", "no"]


@dataclass(frozen=True)
class CleaningStep:
    """One change cleaning made to a document, for the audit trail."""

    doc_id: str
    step: str
    detail: str
    count: int = 1


@dataclass(frozen=True)
class CleanText:
    """The parts of an article after cleaning, and what cleaning did to get them."""

    title: str
    standfirst: str
    paragraphs: tuple[str, ...]
    log: tuple[CleaningStep, ...]


# Signatures of formats people rename to .txt by mistake, with what to do instead.
_BINARY_SIGNATURES = (
    (b"%PDF", "a PDF file", "extract its text first (for example with pdftotext)"),
    (b"\x89PNG", "a PNG image", "remove it from the corpus"),
    (b"\xff\xd8\xff", "a JPEG image", "remove it from the corpus"),
    (b"GIF8", "a GIF image", "remove it from the corpus"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)", "save it as plain text first"),
    (b"{\\rtf", "an RTF document", "save it as plain text first"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file", "save it as plain text first"),
)

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_bytes(data: bytes, *, path: str = "") -> tuple[str, str]:
    """Decode a file's bytes, returning the text and the encoding used.

    Order of trial: a byte-order mark (UTF-8, UTF-16, UTF-32), strict UTF-8, strict cp1252,
    then latin-1, which accepts any byte. Binary files raise :class:`InputError`.

    >>> decode_bytes("café".encode("cp1252"))
    ('café', 'cp1252')
    """
    for signature, what, hint in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"this is {what}, not text", path=path, hint=hint.capitalize())
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise InputError(
                    f"the file starts with a {encoding} byte-order mark but does not decode "
                    f"as {encoding} (byte {error.start})",
                    path=path,
                    hint="Re-save it as UTF-8",
                ) from None
    if b"\x00" in data[:8192]:
        raise InputError(
            "the file holds NUL bytes, so it is binary or UTF-16 without a byte-order mark",
            path=path,
            hint="Re-save it as UTF-8 text",
        )
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    non_ascii = 0.0 if encoding == "utf-8" else sum(c > "\x7f" for c in text) / len(text)
    if len(data) % 2 == 0 and len(data) >= 8 and (non_ascii > 0.4 or _controls(text) > 0.05):
        # Text in a one-byte encoding is mostly ASCII, with almost no control characters.
        # UTF-16 without a byte-order mark (and no NUL byte, so no ASCII in it) is neither.
        for utf16 in ("utf-16-le", "utf-16-be"):  # little-endian first: what Windows writes
            try:
                decoded = data.decode(utf16)
            except UnicodeDecodeError:
                continue
            if all(c.isprintable() or c in "\r\n\t" for c in decoded):
                return decoded, utf16
    if _controls(text) > 0.05:
        raise InputError("the file does not look like text in any encoding biaskit knows "
                         "(many control characters)", path=path,
                         hint="Re-save it as UTF-8 text")
    if encoding == "utf-8":
        return text, encoding
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return text, "latin-1"


def _controls(text: str) -> float:
    """The share of C0 control characters other than tab, newline and carriage return."""
    return len(_C0_CONTROL.findall(text)) / max(len(text), 1)


_C0_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


# --- HTML -----------------------------------------------------------------------------------

# Tags that give a page its structure. A text is taken as HTML on the evidence of the whole
# document: it starts with markup, or such tags outnumber its blank-line paragraph breaks.
# A plain-text article that mentions "<script>" or italicises a name stays plain text.
_STRUCTURE_TAG = re.compile(
    r"<\s*(?:p|br|div|h[1-6]|li|tr|td|article|section|blockquote|figure|header|footer|"
    r"html|head|body|title|meta|table|ul|ol)\b[^<>]{0,2000}>", re.IGNORECASE)
_MARKUP_START = re.compile(
    r"\s*<(?:!doctype|!--|\?xml|(?:html|head|body|p|div|h[1-6]|article|section|title|meta|"
    r"header|table|ul|ol|span|b|i|em|strong)\b)", re.IGNORECASE)
# One break per run of blank lines, as cleaning leaves one: four newlines are one break.
_PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t\u00a0]*\n)+")
# Inline formatting in a plain-text article, open and close with no tag in between: the tags
# go, their text stays. Bounded, so that unclosed tags cannot make this quadratic.
_INLINE_PAIR = re.compile(
    r"<(b|i|u|em|strong|span|a|small|sup|sub|cite|q|abbr|mark)\b[^<>]{0,500}>([^<]{0,2000})"
    r"</\1\s*>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol article section blockquote figure header footer "
    "table tr title".split()
)
_SKIPPED_TAGS = frozenset("script style head nav noscript template svg".split())


def looks_like_html(raw: str) -> bool:
    """Whether a text is an HTML page rather than plain text that mentions a tag."""
    if _MARKUP_START.match(raw):
        return True
    tags = len(_STRUCTURE_TAG.findall(raw))
    # Breaks are counted inside the text: blank lines at its ends separate nothing, and
    # cleaning drops them, so counting them would decide differently on a second cleaning.
    return tags >= 2 and tags > len(_PARAGRAPH_BREAK.findall(raw.strip()))


class _HTMLText(HTMLParser):
    """Collects visible text; block elements and blank lines become paragraph breaks. The
    characters of what is not shown (scripts, styles, navigation) are counted per tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags = 0
        self.removed: dict[str, int] = {}
        self._skipping: list[str] = []
        self._headline: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags += 1
        if tag == "title":
            self._in_title = True
        elif tag in _SKIPPED_TAGS:
            self._skipping.append(tag)
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIPPED_TAGS:
            if tag in self._skipping:
                del self._skipping[len(self._skipping) - 1 - self._skipping[::-1].index(tag):]
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._headline.append(data)
        elif self._skipping:
            outer = self._skipping[0]
            self.removed[outer] = self.removed.get(outer, 0) + len(data.strip())
        else:
            self.parts.append("\n\n".join(part.replace("\n", " ")
                                            for part in _PARAGRAPH_BREAK.split(data)))

    def text(self) -> str:
        body = "".join(self.parts)
        # An HTML page often has its headline only in <title>; keep it when the body has none.
        headline = " ".join("".join(self._headline).split())
        if headline and not body.lstrip().startswith(headline):
            body = headline + "\n\n" + body
        return body


def _strip_html(raw: str, doc_id: str, log: list[CleaningStep]) -> str:
    if looks_like_html(raw):
        parser = _HTMLText()
        parser.feed(raw)
        parser.close()
        log.append(CleaningStep(doc_id, "html", "HTML markup converted to text", parser.tags))
        unclosed = parser._skipping[0] if parser._skipping else ""
        if unclosed:  # the parser keeps the rest of an unclosed <script> or <style> to itself
            parser.handle_data(parser.rawdata)
        for tag, characters in parser.removed.items():
            if characters:
                how = " (never closed: everything after it)" if tag == unclosed else ""
                log.append(CleaningStep(doc_id, "html", f"removed the content of <{tag}>{how}: "
                                        f"{characters} characters", characters))
        return parser.text()
    raw, inline = _INLINE_PAIR.subn(r"\2", raw)
    if inline:
        log.append(CleaningStep(doc_id, "html", "inline HTML tags removed, their text kept",
                                inline))
    entities = len(_ENTITY.findall(raw))
    if entities:
        log.append(CleaningStep(doc_id, "html", "HTML entities decoded", entities))
        return html.unescape(raw)
    return raw


# --- characters and whitespace --------------------------------------------------------------

# Unicode spaces other than the plain space, and tabs; all become a plain space.
_ODD_SPACE = re.compile(r"[\t\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Invisible characters that only break matching: zero-width, soft hyphen, BOM, word joiner.
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\u00ad\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACE_RUN = re.compile(r" {2,}")
_LINE_BREAK = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def _normalise_characters(text: str, doc_id: str, log: list[CleaningStep]) -> str:
    normalised = unicodedata.normalize("NFC", text)
    if normalised != text:
        log.append(CleaningStep(doc_id, "unicode", "normalised to NFC"))
    text = normalised
    replacements = (
        (_LINE_BREAK, "\n", "line breaks normalised to \\n"),
        (_INVISIBLE, "", "invisible characters removed (zero-width, soft hyphen, BOM)"),
        (_CONTROL, "", "control characters removed"),
        (_ODD_SPACE, " ", "tabs and non-breaking or other Unicode spaces made plain spaces"),
    )
    for pattern, replacement, detail in replacements:
        text, count = pattern.subn(replacement, text)
        if count:
            log.append(CleaningStep(doc_id, "whitespace", detail, count))
    return text


def normalise_phrase(text: str) -> str:
    """A phrase of a codebook (an alias, a cue, a term) normalised as article text is: NFC,
    invisible and control characters removed, any run of spaces one plain space. An alias
    typed in decomposed Unicode or with a zero-width space then still matches the text.

    >>> normalise_phrase("Cafe\u0301\u200b  Noir")
    'Café Noir'
    """
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", _INVISIBLE.sub("", text))
    return " ".join(_ODD_SPACE.sub(" ", text).split())


# --- layout ---------------------------------------------------------------------------------

_FINAL_PUNCTUATION = re.compile(r"[.!?…][\"'”’»)\]]*$")

# Exports that wrap lines do so at 72 to 80 columns; a longer line before a line break was
# not wrapped, so that break ends a paragraph (copies of news pages often use single breaks).
_WRAP_WIDTH = 100


def _blocks(text: str, doc_id: str, log: list[CleaningStep]) -> list[str]:
    """Split on blank lines; within a block drop repeated lines and join wrapped lines. A
    block whose lines (but the last) run longer than any wrapping is one paragraph a line."""
    blocks: list[list[str]] = [[]]
    trimmed = 0
    for line in text.split("\n"):
        stripped = line.strip()
        trimmed += stripped != line
        if stripped:
            blocks[-1].append(stripped)
        elif blocks[-1]:
            blocks.append([])
    if trimmed:
        log.append(CleaningStep(doc_id, "whitespace", "lines trimmed or runs of spaces collapsed",
                                trimmed))
    joined: list[str] = []
    for lines in blocks:
        if not lines:
            continue
        kept = [lines[0]]
        for line in lines[1:]:
            if line == kept[-1]:
                log.append(CleaningStep(
                    doc_id, "duplicate", f"repeated line removed: {_preview(line)}"))
            else:
                kept.append(line)
        if len(kept) > 1 and not joined:
            # The headline is the first line alone; the rest of its block is the next block.
            joined.append(kept[0])
            kept = kept[1:]
            if not kept:
                continue
        if len(kept) > 1 and max(len(line) for line in kept[:-1]) > _WRAP_WIDTH:
            log.append(CleaningStep(
                doc_id, "layout", f"single line breaks kept as paragraph breaks (lines of over "
                f"{_WRAP_WIDTH} characters are not wrapped lines)", len(kept) - 1))
            joined.extend(kept)
            continue
        if len(kept) > 1:
            log.append(CleaningStep(doc_id, "whitespace", "wrapped lines joined into one paragraph",
                                    len(kept) - 1))
        joined.append(" ".join(kept))
    return joined


def _preview(text: str, width: int = 60) -> str:
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def clean_text(raw: str, *, doc_id: str = "", standfirst: StandfirstRule = "auto") -> CleanText:
    """Clean a raw article and split it into headline, standfirst and body paragraphs.

    Args:
        raw: the article as decoded text, in the plain-text layout or as an HTML page.
        doc_id: written into each log entry.
        standfirst: ``"yes"`` or ``"no"`` says whether the block after the headline is a
            standfirst; ``"auto"`` takes it as one when it lacks final punctuation (standfirsts
            are written like headlines) and more blocks follow.

    Raises:
        InputError: when nothing but whitespace is left.

    >>> cleaned = clean_text("Russia denies it\\n\\nOfficials speak\\n\\nA ministry said no.")
    >>> cleaned.title, cleaned.standfirst, cleaned.paragraphs
    ('Russia denies it', 'Officials speak', ('A ministry said no.',))
    """
    if standfirst not in ("auto", "yes", "no"):
        raise InputError(f"standfirst must be 'auto', 'yes' or 'no', not {standfirst!r}")
    log: list[CleaningStep] = []
    text = _strip_html(raw, doc_id, log)
    text = _normalise_characters(text, doc_id, log)
    blocks = _blocks(text, doc_id, log)
    if not blocks:
        raise InputError("the document is empty or holds only whitespace",
                         hint="Remove the file or add the article's text")
    title, rest = blocks[0], blocks[1:]
    has_standfirst = standfirst == "yes" and len(rest) >= 1
    if standfirst == "auto" and len(rest) > 1 and not _FINAL_PUNCTUATION.search(rest[0]):
        has_standfirst = True
        log.append(CleaningStep(
            doc_id, "standfirst",
            "block after the headline taken as standfirst (no final punctuation); "
            "set standfirst=no to keep it as a body paragraph"))
    lead = rest[0] if has_standfirst else ""
    body = rest[1:] if has_standfirst else rest
    seen = {title, lead}
    paragraphs: list[str] = []
    for paragraph in body:
        if paragraph in seen:
            log.append(CleaningStep(
                doc_id, "duplicate", f"repeated paragraph removed: {_preview(paragraph)}"))
            continue
        seen.add(paragraph)
        paragraphs.append(paragraph)
    return CleanText(title, lead, tuple(paragraphs), tuple(log))

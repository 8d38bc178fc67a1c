# ruff: noqa: RUF001  (quote marks and apostrophes are this module's subject)
"""Reading an article file: bytes -> text -> headline, byline, date and body paragraphs."""

from __future__ import annotations

import datetime
import re
import unicodedata

from .quotes import scan_quotes_cached
from .types import ArticleFormatError, DocumentFormat, ParsedArticle

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_PATTERNS = (
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?:[T ][\d:.+\-Z]*)?\b"),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.IGNORECASE),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.IGNORECASE),
    re.compile(r"\b(?P<day>\d{1,2})[./](?P<mnum>\d{1,2})[./](?P<year>\d{4})\b"),
)
_TIME_RE = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?(?=\W|$)", re.IGNORECASE
)
_WEEKDAY_RE = re.compile(r"\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b\.?,?", re.IGNORECASE)
_BYLINE_NOISE_RE = re.compile(
    r"\b(?:published|updated|posted|last modified|first published)\b:?|\bon\s*$", re.IGNORECASE
)
_BY_RE = re.compile(r"^\s*(?:(?:written\s+)?by\s+|author:\s*)", re.IGNORECASE)
# Web bylines often carry publish and update stamps after the names, which makes them long.
_STAMPED_BYLINE_WORDS, _STAMPED_BYLINE_CHARS = 32, 240
_EMPHASIS_RE = re.compile(r"(?<![\w*\\])(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_LINK_RE = re.compile(r"\[([^\[\]\n]+)\]\((?:https?://|www\.|/)[^()\s]*\)")
_URL_LINE_RE = re.compile(r"^(?:<)?(?:https?://|www\.)?[\w.-]+\.[a-z]{2,}(?:/\S*)?(?:>)?$", re.IGNORECASE)
_BOILERPLATE_RE = re.compile(
    r"^(?:to contact\b|reporting by\b|additional reporting\b|writing by\b|editing by\b|compiled by\b"
    r"|our standards\b|copyright\b|©|\(c\)\s|all rights reserved|sign up\b|subscribe\b|read more\b"
    r"|related\s*:|follow (?:us|\w+ on)\b|share this\b|click here\b|this article (?:was|is) "
    r"|\(reporting by\b|\[?advertisement\]?$)",
    re.IGNORECASE,
)
MAX_LINE_CHARS = 100_000
_HTML_START_RE = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_FRONT_KEYS = {
    "title": "title",
    "headline": "title",
    "url": "url",
    "link": "url",
    "publication": "publication",
    "publisher": "publication",
    "source": "publication",
    "site": "publication",
    "byline": "byline",
    "author": "byline",
    "authors": "byline",
    "published": "published",
    "date": "published",
    "language": "language",
    "lang": "language",
    "format": "format",
}
# Marks that stand in for removed emphasis markers while their spans are measured; never in a body.
_EMPHASIS_OPEN, _EMPHASIS_CLOSE = "\x02", "\x03"
_QUOTE_TRANSLATION = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
        "″": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "‹": "'",
        "›": "'",
        "′": "'",
        "\u200b": None,
        "\ufeff": None,
        "\u00ad": None,
    }
)


def normalise_body(body: str) -> str:
    """Canonical form of a body for the dedupe hash: NFC, straight quotes, single spaces."""
    text = unicodedata.normalize("NFC", body).translate(_QUOTE_TRANSLATION)
    return " ".join(text.split())


def decode_article(data: bytes) -> str:
    """Decode an article file: UTF-8 only, NUL bytes rejected; a BOM is kept for parse_article to report."""
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ArticleFormatError("NUL byte in file (binary or UTF-16 input?)", data.count(b"\n", 0, nul) + 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ArticleFormatError(f"not valid UTF-8 (byte 0x{data[error.start]:02x})", line) from None
    return text


def parse_date(text: str) -> datetime.date | None:
    """The first date in ``text`` in a common news format, or None."""
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        fields = match.groupdict()
        month = int(fields["mnum"]) if fields.get("mnum") else _MONTHS.get(fields["month"].lower()[:3], 0)
        try:
            return datetime.date(int(fields["year"]), month, int(fields["day"]))
        except ValueError:
            continue
    return None


def _date_span(text: str) -> tuple[int, int] | None:
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if match is not None:
            return match.span()
    return None


def strip_emphasis(text: str) -> str:
    """Markdown emphasis and links are text, not markup: keep the words, drop the markers."""
    if "](" in text:  # no link without it: skip the regex for plain paragraphs
        text = _LINK_RE.sub(r"\1", text)
    if "*" not in text and "_" not in text:
        return text  # no emphasis marker at all
    previous = None
    while previous != text:
        previous = text
        text = _EMPHASIS_RE.sub(r"\2", text)
    return text


def strip_emphasis_spans(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """strip_emphasis(text), and the spans of the result that were emphasised (outermost, in order).

    The markers are first replaced by placeholder marks, whose positions give the spans; should that ever
    read the text differently from strip_emphasis, the text is strip_emphasis's and no span is reported.
    """
    plain = strip_emphasis(text)
    if plain == text or _EMPHASIS_OPEN in text or _EMPHASIS_CLOSE in text:
        return plain, ()
    marked = _LINK_RE.sub(r"\1", text) if "](" in text else text
    previous = None
    while previous != marked:
        previous = marked
        marked = _EMPHASIS_RE.sub(_EMPHASIS_OPEN + r"\2" + _EMPHASIS_CLOSE, marked)
    spans: list[tuple[int, int]] = []
    chars: list[str] = []
    depth = start = 0
    for char in marked:
        if char == _EMPHASIS_OPEN:
            if depth == 0:
                start = len(chars)
            depth += 1
        elif char == _EMPHASIS_CLOSE:
            depth -= 1
            if depth == 0 and len(chars) > start:
                spans.append((start, len(chars)))
        else:
            chars.append(char)
    if "".join(chars) != plain:
        return plain, ()
    return plain, tuple(spans)


def _is_stamped_byline(line: str) -> bool:
    """'By X | July 17, 2024 3:12 PM Updated 2 hours ago': a byline with dates, longer than a plain one."""
    return (
        bool(_BY_RE.match(line))
        and _date_span(line) is not None
        and len(line.split()) <= _STAMPED_BYLINE_WORDS
        and len(line) <= _STAMPED_BYLINE_CHARS
    )


def _is_byline_or_date(line: str) -> bool:
    if _is_stamped_byline(line):
        return True
    words = line.split()
    if not words or len(words) > 16 or len(line) > 140:
        return False
    if line.rstrip().endswith((".", "?", "!", '"', "”")) and not _date_span(line):
        return False
    if _date_span(line) is not None:
        return True
    return bool(_BY_RE.match(line)) and len(words) <= 12


def _is_header_block(lines: list[str]) -> bool:
    """Byline/date lines: short, not sentences, at least one with a date or 'By'."""
    if len(lines) > 4:
        return False
    for line in lines:
        if _is_stamped_byline(line):
            continue
        if len(line.split()) > 16 or len(line) > 140:
            return False
        if line.rstrip().endswith((".", "?", "!", '"', "”")) and not _date_span(line):
            return False
    return any(_is_byline_or_date(line) for line in lines)


def _is_role_line(text: str) -> bool:
    words = text.lower().split()
    return bool(words) and words[-1] in {
        "correspondent",
        "editor",
        "reporter",
        "writer",
        "staff",
        "columnist",
    }


def _split_byline(line: str) -> tuple[str, datetime.date | None]:
    span = _date_span(line)
    published = parse_date(line) if span else None
    if span is not None and _is_stamped_byline(line):
        # The names come before the first date; what follows is publish/update stamps.
        byline = line[: span[0]]
    else:
        byline = line if span is None else line[: span[0]] + " " + line[span[1] :]
    byline = _TIME_RE.sub(" ", byline)
    byline = _WEEKDAY_RE.sub(" ", byline)
    byline = _BYLINE_NOISE_RE.sub(" ", byline)
    byline = _BY_RE.sub("", byline.strip())
    byline = strip_emphasis(" ".join(byline.split()))
    name, comma, rest = byline.partition(",")
    if comma and _is_role_line(rest):
        byline = name
    return byline.strip(" ,;|-–—•·/"), published


def _blocks(lines: list[str], first_line: int) -> list[tuple[int, list[str]]]:
    """Groups of consecutive non-blank lines, each with its 1-based starting line number."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = first_line
    for offset, raw in enumerate(lines):
        line = raw.strip()
        if line:
            if not current:
                start = first_line + offset
            current.append(line)
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    return blocks


def _front_matter(lines: list[str]) -> tuple[dict[str, str], int, list[str]]:
    """Parse a leading ``---`` block: (fields, number of lines used, warnings)."""
    if not lines or lines[0].strip() != "---":
        return {}, 0, []
    fields: dict[str, str] = {}
    warnings: list[str] = []
    for number, raw in enumerate(lines[1:], start=2):
        line = raw.strip()
        if line == "---":
            return fields, number, warnings
        if not line or line.startswith("#"):
            continue
        key, colon, value = line.partition(":")
        if not colon or not key.strip():
            raise ArticleFormatError(
                f"front matter line is not 'key: value' (closing '---' missing?): {line[:60]!r}", number
            )
        name = _FRONT_KEYS.get(key.strip().lower())
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        if name is None:
            warnings.append(f"line {number}: unknown front-matter key {key.strip()!r} ignored")
            continue
        fields[name] = value
    raise ArticleFormatError("front matter opened with '---' is never closed", 1)


def _looks_like_header_only(line: str) -> bool:
    """A first line that can only be a byline or a date, never a headline."""
    span = _date_span(line)
    if span is None:
        return False
    rest = _split_byline(line)[0]
    return bool(_BY_RE.match(line)) or not rest or len(line) - (span[1] - span[0]) < 4


def _is_boilerplate(text: str) -> bool:
    return bool(_URL_LINE_RE.match(text) or _BOILERPLATE_RE.match(text))


def _check_plain_text(lines: list[str]) -> None:
    """Refuse input that is not an article in plain text: markup pages, machine output with huge lines."""
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE_CHARS:
            raise ArticleFormatError(f"line is {len(line):,} characters long; the limit is {MAX_LINE_CHARS:,}", number)
    first = next(((number, line.strip()) for number, line in enumerate(lines, start=1) if line.strip()), None)
    if first is not None and _HTML_START_RE.match(first[1]):
        raise ArticleFormatError("looks like HTML, not plain text: save the article's text instead", first[0])


def parse_article(text: str) -> ParsedArticle:
    """Split an article into metadata and body; raise ArticleFormatError if it has no usable shape."""
    warnings: list[str] = []
    if text.startswith("\ufeff"):
        warnings.append("line 1: UTF-8 byte-order mark removed")
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ArticleFormatError("NUL character in article", line)
    if not text.strip():
        raise ArticleFormatError("empty article", None)
    lines = text.split("\n")
    _check_plain_text(lines)
    front, used, front_warnings = _front_matter(lines)
    warnings.extend(front_warnings)
    url = front.get("url", "").strip()
    if url and not _URL_RE.match(url):
        raise ArticleFormatError(
            f"front-matter url {url[:80]!r} is not an http(s) URL", _key_line(lines, used, "url", "link")
        )
    document_format = _document_format(front.get("format", ""), lines, used)
    blocks = _blocks(lines[used:], used + 1)
    # A multi-line first block is a headline followed by more header lines.
    if blocks and len(blocks[0][1]) > 1:
        start, first = blocks[0]
        blocks[0:1] = [(start, first[:1]), (start + 1, first[1:])]

    title = strip_emphasis(front.get("title", "").strip())
    if blocks:
        first_text = blocks[0][1][0].lstrip("#").strip()
        if not title:
            if _looks_like_header_only(first_text):
                raise ArticleFormatError("no headline: the file starts with a byline/date line", blocks[0][0])
            title = strip_emphasis(first_text)
            blocks.pop(0)
        elif normalise_body(strip_emphasis(first_text)).casefold() == normalise_body(title).casefold() or (
            len(blocks) > 1
            and len(blocks[0][1]) == 1
            and len(first_text.split()) <= 25
            and not first_text.endswith((".", '"', "”", "’"))
            and _is_byline_or_date(blocks[1][1][0])
        ):
            blocks.pop(0)
    if not title:
        raise ArticleFormatError("no headline", used + 1 if used else 1)

    byline = front.get("byline", "").strip()
    published: datetime.date | None = None
    if front.get("published"):
        published = parse_date(front["published"])
        if published is None:
            raise ArticleFormatError(
                f"unparseable published date {front['published']!r}",
                _key_line(lines, used, "published", "date"),
            )
    # Up to three header blocks (byline, role line, date) before the body.
    for _ in range(3):
        if len(blocks) < 2 or not _is_header_block(blocks[0][1]):
            break
        header_lines = blocks.pop(0)[1]
        found_date = None
        for line in header_lines:
            line_byline, line_date = _split_byline(line)
            if line_byline and not byline and not _is_role_line(line_byline):
                byline = line_byline
            found_date = found_date or line_date
        published = published or found_date
        if found_date is not None:
            break

    while blocks and _is_boilerplate(" ".join(blocks[-1][1])):
        blocks.pop()
    if not blocks:
        raise ArticleFormatError("no body: the article has a headline but no paragraphs", None)

    stripped = [strip_emphasis_spans(" ".join(block_lines)) for _, block_lines in blocks]
    paragraphs_text = [paragraph for paragraph, _ in stripped]
    spans: list[tuple[int, int]] = []
    emphasis: list[tuple[int, int]] = []
    cursor = 0
    for paragraph, emphasised in stripped:
        spans.append((cursor, cursor + len(paragraph)))
        emphasis.extend((cursor + start, cursor + end) for start, end in emphasised)
        cursor += len(paragraph) + 2
    body = "\n\n".join(paragraphs_text)
    paragraph_lines = tuple(start for start, _ in blocks)
    _, problems = scan_quotes_cached(body, tuple(spans))
    warnings.extend(f"line {paragraph_lines[index]}: {problem}" for index, problem in problems)
    return ParsedArticle(
        title=title,
        byline=byline,
        published=published,
        publication=front.get("publication", "").strip(),
        url=url,
        language=front.get("language", "").strip() or "en",
        body=body,
        paragraphs=tuple(spans),
        warnings=tuple(dict.fromkeys(warnings)),
        paragraph_lines=paragraph_lines,
        document_format=document_format,
        emphasis=tuple(emphasis),
    )


def _document_format(value: str, lines: list[str], used: int) -> DocumentFormat | None:
    """The front matter's ``format:`` (article, interview or transcript); None when not given."""
    if not value.strip():
        return None
    try:
        return DocumentFormat(value.strip().lower())
    except ValueError:
        choices = ", ".join(str(kind) for kind in DocumentFormat)
        raise ArticleFormatError(
            f"front-matter format {value.strip()[:40]!r} is not one of {choices}", _key_line(lines, used, "format")
        ) from None


def _key_line(lines: list[str], used: int, *keys: str) -> int | None:
    """The 1-based line of the front matter (the first ``used`` lines) that sets one of ``keys``."""
    for number, line in enumerate(lines[:used], start=1):
        if line.partition(":")[0].strip().lower() in keys:
            return number
    return None

# ruff: noqa: RUF001  (quote marks and apostrophes are this module's subject)
"""Quote-mark pairing: find the outermost quoted passages of a body.

Marks are classified from their character and their neighbours (opening after a space, closing
before a space or punctuation), apostrophes are told apart from single quote marks, nested quotes
stay inside their outer quote, and a quote may run over several paragraphs when each paragraph
re-opens it.  One linear pass with a small stack: no backtracking, whatever the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

# Longest alternatives first: a doubled closing single mark stands for a closing double mark.
_MARK_RE = re.compile(r"``|''|’’|[\"“”„‟«»‹›'‘’‚]")
_DOUBLE = frozenset({'"', "“", "”", "„", "‟", "``", "''", "’’"})
# Guillemets are a family of their own: French and translated copy nests “…” inside « … ».
_GUILLEMETS = frozenset({"«", "»"})
_SPEECH_FAMILIES = frozenset({"double", "guillemet"})
_OPENERS = frozenset({"“", "„", "‟", "«", "``", "‘", "‚", "‹"})
_CLOSERS = frozenset({"”", "»", "''", "’’", "›"})
_LEFT_OPEN = set(" \t\n([{<—–-/\u00a0") | set("\"“„«‘'‚‹`")
_RIGHT_CLOSE = set(" \t\n.,;:!?)]}>—–-/…\u00a0") | set("\"”»’'›")
# Words that start with an apostrophe (elisions), never an opening quote mark.
_ELISION_RE = re.compile(
    r"['‘’](?:\d\d(?:s|\b)|n['‘’]|n\b|em\b|til\b|cause\b|tis\b|twas\b|bout\b|round\b|s\b)", re.IGNORECASE
)


@dataclass(slots=True)
class RawQuote:
    """An outermost quoted passage: content spans (marks excluded) and mark spans, per paragraph."""

    family: str  # "double", "guillemet" or "single"
    parts: list[tuple[int, int]] = field(default_factory=list)
    outer: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[int] = field(default_factory=list)
    closed: bool = True

    @property
    def start(self) -> int:
        return self.outer[0][0]

    @property
    def end(self) -> int:
        return self.outer[-1][1]


@dataclass(slots=True)
class _Open:
    family: str
    mark_start: int
    content_start: int
    char: str


def _family_of(mark: str) -> str:
    if mark in _GUILLEMETS:
        return "guillemet"
    return "double" if mark in _DOUBLE else "single"


# Family of every mark _MARK_RE can match, looked up once per mark instead of recomputed.
_FAMILIES: dict[str, str] = {mark: _family_of(mark) for mark in ("``", "''", "’’", *'"“”„‟«»‹›', "'", "‘", "’", "‚")}


def _family(mark: str) -> str:
    family = _FAMILIES.get(mark)
    return family if family is not None else _family_of(mark)


def _role(text: str, start: int, end: int, mark: str) -> str:
    """One of open, close, either, apos (ignored) or close_or_apos."""
    prev = text[start - 1] if start > 0 else " "
    nxt = text[end] if end < len(text) else " "
    left_open = prev in _LEFT_OPEN
    right_close = nxt in _RIGHT_CLOSE
    if mark in ("'", "’", "‘"):
        if prev.isalnum() and nxt.isalnum():
            return "apos"
        elision = _ELISION_RE.match(text, start) and (left_open or not prev.isalnum())
        if elision and not (mark == "‘" and text[end : end + 2].lower() == "n'"):
            return "apos"
        if mark == "‘":
            return "open"
        if left_open and not right_close:
            return "open" if mark == "'" else "apos"
        if right_close and not left_open:
            if prev.lower() in "sxz" and nxt in " \t\u00a0" and end + 1 < len(text) and text[end + 1].islower():
                return "possessive"
            return "close_or_apos"
        return "apos"
    if mark in _OPENERS:
        return "open"
    if mark in _CLOSERS:
        if left_open and not right_close and mark == "”":
            return "either"
        return "close"
    # Straight double mark.
    if left_open and not right_close:
        return "open"
    if right_close and not left_open:
        return "close"
    return "either"


def _typed_as_closer(text: str, start: int, end: int) -> bool:
    prev = text[start - 1] if start > 0 else " "
    nxt = text[end] if end < len(text) else " "
    return prev not in _LEFT_OPEN and nxt in _RIGHT_CLOSE


def _next_starts_quote(text: str, start: int, end: int, family: str) -> tuple[int, int] | None:
    """(mark_start, mark_end) of an opening mark at the very start of a paragraph, if any."""
    match = _MARK_RE.match(text, start)
    if match is None or match.end() > end or _family(match.group()) != family:
        return None
    if match.group() in _CLOSERS:
        return None
    role = _role(text, match.start(), match.end(), match.group())
    if role not in ("open", "either"):
        return None
    return match.start(), match.end()


# Words that never follow a plural possessive ("workers' rights"): after them the mark closes a quote.
_FUNCTION_WORDS = frozenset(
    " ".join(
        (
            "and but or nor so yet to in on at by for from with as than that which who is are was were has have had",
            "will would could should can may might must did does do be been being it its he she they we i",
        )
    ).split()
)


def _reopens(marks: list[re.Match[str]], roles: list[str], position: int, family: str) -> bool:
    """Whether the next mark of ``family`` after ``position`` opens a new quote (so this one closes)."""
    for match, role in zip(marks[position + 1 :], roles[position + 1 :], strict=True):
        if _family(match.group()) != family or role == "apos":
            continue
        return role == "open"
    return False


def _function_word_after(text: str, end: int) -> bool:
    """'… weighing the submissions' but …': a function word after the mark, never a possessed noun."""
    match = re.match(r"\s+([A-Za-z]+)", text[end : end + 20])
    return bool(match) and match.group(1).lower() in _FUNCTION_WORDS


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def scan_quotes(
    text: str, paragraphs: tuple[tuple[int, int], ...] | list[tuple[int, int]]
) -> tuple[list[RawQuote], list[tuple[int, str]]]:
    """Pair the quote marks of ``text``; return outermost quotes and (paragraph, problem) warnings."""
    quotes: list[RawQuote] = []
    problems: list[tuple[int, str]] = []
    # A quote left open at a paragraph end that the next paragraph re-opens: (quote, family, mark).
    carry: tuple[RawQuote, str, tuple[int, int]] | None = None
    for index, (p_start, p_end) in enumerate(paragraphs):
        stack: list[_Open] = []
        current: RawQuote | None = None
        skip_first = -1
        if carry is not None:
            current, carry_family, (mark_start, mark_end) = carry
            skip_first = mark_start
            stack.append(_Open(carry_family, mark_start, mark_end, ""))
            carry = None
        marks = list(_MARK_RE.finditer(text, p_start, p_end))
        roles = [_role(text, m.start(), m.end(), m.group()) for m in marks]
        # Closing candidates ahead let a plural possessive (workers') stay an apostrophe.
        last_close = {"double": -1, "guillemet": -1, "single": -1}
        for position, (match, role) in enumerate(zip(marks, roles, strict=True)):
            if role in ("close", "close_or_apos"):
                last_close[_family(match.group())] = position
        for position, (match, role) in enumerate(zip(marks, roles, strict=True)):
            m_start, m_end, mark = match.start(), match.end(), match.group()
            if m_start == skip_first:
                continue
            family = _family(mark)
            has_family = any(item.family == family for item in stack)
            if role == "apos":
                continue
            if mark == "“" and stack and stack[-1].char == "„":
                role = "close"  # German style: „…“
            elif mark == "“" and has_family and family == "double" and _typed_as_closer(text, m_start, m_end):
                role = "close"  # '“I thought so,“ he says': an opening mark typed where the quote ends
            if role == "possessive":
                later = last_close[family] > position and not _reopens(marks, roles, position, family)
                later = later and not _function_word_after(text, m_end)
                role = "apos" if later or not has_family else "close"
                if role == "apos":
                    continue
            if role == "either":
                role = "close" if has_family else "open"
            if role == "close_or_apos":
                if not has_family:
                    continue
                role = "close"
            if role == "close":
                if not has_family:
                    if family in _SPEECH_FAMILIES:
                        problems.append((index, "unmatched closing quote mark"))
                    continue
                while stack and stack[-1].family != family:
                    stack.pop()
                opened = stack.pop()
                if not stack:
                    if current is None:
                        current = RawQuote(family)
                    c_start, c_end = _trim(text, opened.content_start, m_start)
                    if c_end > c_start:
                        current.parts.append((c_start, c_end))
                        current.outer.append((opened.mark_start, m_end))
                        current.paragraphs.append(index)
                    if current.parts:
                        quotes.append(current)
                    current = None
                continue
            # Opening mark.
            if family == "double" and has_family:
                # Double marks do not nest in English: the earlier one was never closed.
                problems.append((index, "unbalanced quote mark"))
                while stack and stack[-1].family != family:
                    stack.pop()
                stack.pop()
                if not stack:
                    current = None
            stack.append(_Open(family, m_start, m_end, mark))
        if not stack:
            continue
        outer = stack[0]
        nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if current is None:
            current = RawQuote(outer.family)
        c_start, c_end = _trim(text, outer.content_start, p_end)
        reopen = _next_starts_quote(text, nxt[0], nxt[1], outer.family) if nxt is not None else None
        if reopen is not None:
            if c_end > c_start:
                current.parts.append((c_start, c_end))
                current.outer.append((outer.mark_start, p_end))
                current.paragraphs.append(index)
            carry = (current, outer.family, reopen)
            continue
        if outer.family in _SPEECH_FAMILIES or outer.char == "‘":
            problems.append((index, "unbalanced quote mark"))
        if outer.family in _SPEECH_FAMILIES and c_end > c_start:
            # An unclosed quote most likely runs to the end of its paragraph.
            current.parts.append((c_start, c_end))
            current.outer.append((outer.mark_start, p_end))
            current.paragraphs.append(index)
            current.closed = False
        if current.parts:
            quotes.append(current)
    return quotes, problems


@lru_cache(maxsize=4)
def scan_quotes_cached(
    text: str, paragraphs: tuple[tuple[int, int], ...]
) -> tuple[tuple[RawQuote, ...], tuple[tuple[int, str], ...]]:
    """scan_quotes for a body that parsing and extraction both read (results are not modified)."""
    quotes, problems = scan_quotes(text, paragraphs)
    return tuple(quotes), tuple(problems)

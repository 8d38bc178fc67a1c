# ruff: noqa: RUF001  (quote marks and apostrophes are this module's subject)
"""Turn labels at the start of a paragraph: 'Q:', 'A:', 'MR. SULLIVAN:', 'THE PRESIDENT:', 'Jane Doe:', 'JR:'.

A label is only a candidate here: whether a document is made of turns is decided from all its labels
together (``layout``), since one 'WASHINGTON:' dateline or 'Update:' line does not make an interview.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from ..keys import fold_name
from ..tokens import TIME_WORDS


class LabelKind(StrEnum):
    """How a turn's label is printed, which decides how it finds its speaker."""

    QUESTION_MARK = "question_mark"  # 'Q:', 'Q.', 'Question:', and 'Q ' in White House transcripts
    ANSWER_MARK = "answer_mark"  # 'A:', 'Answer:'
    CAPITALS = "capitals"  # 'MR. SULLIVAN', 'THE PRESIDENT', 'Mr. LIMAN', 'AUDIENCE MEMBER'
    NAME = "name"  # 'Joshua Renken', 'Ian', 'McKelvey'
    INITIALS = "initials"  # 'JR', 'GG', 'I'


@dataclass(frozen=True, slots=True)
class TurnLabel:
    """A label as printed (without its colon), where it is in the body, and where the turn's words start."""

    text: str
    kind: LabelKind
    start: int
    end: int
    content_start: int
    emphasised: bool = False

    @property
    def marks_turn(self) -> bool:
        """'Q'/'A': a label that says what the turn is, not who speaks."""
        return self.kind in (LabelKind.QUESTION_MARK, LabelKind.ANSWER_MARK)


_AFTER_COLON = r"\s*:(?!//)[ \t]*"
# 'Q ' without a colon (White House transcripts) only before a capital: 'Q Thanks, Jake.'
_MARK_RE = re.compile(
    r"(?P<question>Q|Question)\s*[:.][ \t]*|(?P<bare>Q)[ \t]+(?=[^\sa-z])|(?P<answer>A|Answer)\s*:[ \t]*"
)
_CAPITALS_RE = re.compile(
    r"(?P<label>(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Prof|Rev|Col|Gen|Adm|Amb|Judge|Justice)\.?\s+)?"
    r"[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]*){0,5})" + _AFTER_COLON
)
_NAME_RE = re.compile(
    r"(?P<label>[A-Z][A-Za-z'’.\-]*(?:\s+(?:(?:de|van|von|da|di|del|la|le|bin|al)\s+)?[A-Z][A-Za-z'’.\-]*){0,3})"
    + _AFTER_COLON
)
_INITIALS_RE = re.compile(r"[A-Z]{1,3}")
_MAX_LABEL_CHARS = 40
# Words that open a paragraph with a colon without naming who speaks.
_NOT_SPEAKERS = (
    frozenset(
        """update updated updates note notes source sources photo photos photograph picture pictured video videos
    watch listen read related correction corrections clarification warning background disclaimer summary
    context analysis opinion breaking exclusive advertisement credit credits caption image images graphic
    chart map table transcript live latest verdict pros cons price prices specs tags topics subscribe share
    follow email contact tel phone fax web website twitter facebook instagram where when what why how who
    time date dates venue location tickets cost admission byline dateline headline title subject re fw fwd ps
    nb result results score scores final fact facts claim rating step tip tips warning editor editors
    more also plus bonus question answer q&a""".split()
    )
    | TIME_WORDS
)
_STAGE_DIRECTION_RE = re.compile(r"^\s*(?:\[[^\]]*\]|\([^)]*\))\s*$")


def find_label(body: str, span: tuple[int, int], emphasis: tuple[tuple[int, int], ...] = ()) -> TurnLabel | None:
    """The label opening the paragraph at ``span`` of ``body``, or None."""
    start, end = span
    label = _match_label(body, start, end)
    if label is None:
        return None
    text, kind, content_start = label
    label_end = start + len(text)
    emphasised = any(s <= start < e and e >= label_end for s, e in emphasis)
    return TurnLabel(text, kind, start, label_end, content_start, emphasised)


def _match_label(body: str, start: int, end: int) -> tuple[str, LabelKind, int] | None:
    mark = _MARK_RE.match(body, start, end)
    if mark is not None:
        kind = LabelKind.ANSWER_MARK if mark.group("answer") else LabelKind.QUESTION_MARK
        text = mark.group("question") or mark.group("bare") or mark.group("answer")
        return text, kind, mark.end()
    for pattern in (_CAPITALS_RE, _NAME_RE):
        match = pattern.match(body, start, end)
        if match is None:
            continue
        text = match.group("label").rstrip()
        if len(text) > _MAX_LABEL_CHARS or not _names_someone(text):
            return None
        if _INITIALS_RE.fullmatch(text):
            kind = LabelKind.INITIALS
        elif any(ch.islower() for ch in text.split()[-1]):
            kind = LabelKind.NAME
        else:
            kind = LabelKind.CAPITALS
        return text, kind, match.end()
    return None


def _names_someone(text: str) -> bool:
    words = fold_name(text).split()
    return bool(words) and words[0] not in _NOT_SPEAKERS and " ".join(words) not in _NOT_SPEAKERS


def is_stage_direction(text: str) -> bool:
    """'[PAUSE]', '(Applause.)': a paragraph that is only a direction, no one's words."""
    return bool(_STAGE_DIRECTION_RE.match(text))


def wholly_emphasised(span: tuple[int, int], emphasis: tuple[tuple[int, int], ...], body: str) -> bool:
    """Whether the paragraph at ``span`` is set in bold or italics from its first word to its last."""
    start, end = span
    return any(s <= start and e >= end - _trailing_marks(body, start, end) for s, e in emphasis)


def _trailing_marks(body: str, start: int, end: int) -> int:
    """How many characters of closing punctuation end the paragraph ('…?**.' leaves the full stop outside)."""
    count = 0
    while end - count > start and body[end - count - 1] in ".,;:!?)":
        count += 1
    return count

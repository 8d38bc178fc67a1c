"""From a turn's label to its speaker: 'MR. SULLIVAN' -> Jake Sullivan, 'JR' -> Joshua Renken, 'THE PRESIDENT' ->
the president the text names, 'Q' -> the interviewer (or an unnamed reporter), 'A' -> the guest.

Each rule looks for the fullest name printed in the headline, then the introduction, then the turns, and
falls back to the label itself in ordinary case ('Mr. LIMAN' -> 'Liman') when the text prints no more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .. import lexicon as lx
from ..keys import fold_name
from ..tokens import bare
from ..types import SpeakerKind
from .context import PrintedName, TurnContext
from .labels import LabelKind, TurnLabel

# Labels of people who ask by what they are: 'AUDIENCE MEMBER: …', 'MODERATOR: …'.
ASKING_ROLES = frozenset(
    {
        "audience member",
        "audience",
        "moderator",
        "interviewer",
        "reporter",
        "questioner",
        "caller",
        "participant",
        "member of the public",
        "host",
    }
)
# Of those, the ones a moderator introduces by name before they speak ('I want to introduce you to …').
INTRODUCED_ROLES = frozenset(
    {"audience member", "audience", "questioner", "caller", "participant", "member of the public"}
)
# Labels of the one being asked: 'Guest: …', 'INTERVIEWEE: …'.
ANSWERING_ROLES = frozenset({"guest", "interviewee", "respondent"})
UNNAMED_REPORTER = "reporter"


@dataclass(frozen=True, slots=True)
class Voice:
    """Who speaks in a turn: the canonical name, and how it was found.

    ``named`` is False for a speaker the text never names ('reporter', a role such as 'President' that no
    name fills); ``grounded`` is True when the name was found in the text, not only made from the label.
    """

    name: str
    kind: SpeakerKind = SpeakerKind.PERSON
    named: bool = True
    grounded: bool = True
    role: str = ""  # the role the label gives: 'President' for 'THE PRESIDENT'
    title: str = ""  # the title printed before the name: 'National Security Advisor'

    @property
    def key(self) -> str:
        return fold_name(self.name)


def resolve_label(label: TurnLabel, context: TurnContext, body: str) -> Voice | None:
    """The speaker ``label`` stands for in a document whose names are ``context``; None for an 'A' when the
    text names no guest."""
    if label.kind == LabelKind.QUESTION_MARK:
        return interviewer_voice(context)
    if label.kind == LabelKind.ANSWER_MARK:
        return guest_voice(context)
    words = label.text.split()
    role = words[1:] if len(words) > 1 and fold_name(words[0]) == "the" else words
    key = fold_name(" ".join(role))
    if key in ASKING_ROLES:
        if key in INTRODUCED_ROLES or not (context.interviewer or context.moderator):
            return Voice(key, named=False, role=key)
        return replace(interviewer_voice(context), role=key)
    if key in ANSWERING_ROLES:
        return guest_voice(context) or Voice(key, named=False, role=key)
    if role is not words:
        return _role_voice(" ".join(word.capitalize() for word in role), context)
    # 'MR. SULLIVAN', 'SEN. WARREN', 'CHAIR POWELL': the name after the titles.
    while len(words) > 1 and (bare(words[0]) in lx.HONORIFICS or bare(words[0]) in lx.TITLE_WORDS):
        words = words[1:]
    key = fold_name(" ".join(words))
    if context.publication and key == fold_name(context.publication):
        return Voice(context.publication, kind=SpeakerKind.ORGANIZATION)
    if context.byline and key == fold_name(context.byline):
        return Voice(context.byline)
    if len(words) == 1:
        # 'JR' are initials, 'LEE' a surname: capitals of up to three letters may be either.
        initials = _by_initials(key, context) if label.kind == LabelKind.INITIALS else None
        found = initials or _by_word(key, context, last=True) or _by_word(key, context, last=False)
        if found is not None:
            return _voice(found)
        unmatched = label.text if label.kind == LabelKind.INITIALS else words[0].capitalize()
        return Voice(_printed_case(words[0], body) or unmatched, grounded=False)
    printed = [name for name in context.names if fold_name(name.name) == key]
    if printed:
        return _voice(printed[0], context.spelling(printed[0].name))
    name = " ".join(_printed_case(word, body) or word.capitalize() for word in words)
    return Voice(name, grounded=False)


def interviewer_voice(context: TurnContext) -> Voice:
    """Who asks behind a 'Q': the interviewer (or moderator) the text names, else an unnamed reporter."""
    asker = context.interviewer or context.moderator
    if not asker:
        return Voice(UNNAMED_REPORTER, named=False, role=UNNAMED_REPORTER)
    if fold_name(asker) == fold_name(context.publication):
        return Voice(context.publication, kind=SpeakerKind.ORGANIZATION)
    return Voice(asker)


def guest_voice(context: TurnContext) -> Voice | None:
    """Who answers behind an 'A' or an unlabelled answer: the guest the text names, if any."""
    if not context.guest:
        return None
    return Voice(_fullest(context.guest, "", context) or context.guest)


def introduced_person(start: int, end: int, context: TurnContext, taken: set[str]) -> str:
    """The last person named between body offsets ``start`` and ``end`` (a moderator's 'I want to introduce you
    to Kevin Michel') who is not one of the ``taken`` speakers' keys; '' when none."""
    for name in reversed(context.names):
        if start <= name.position < end and len(name.words) > 1 and fold_name(name.name) not in taken:
            return context.spelling(name.name)
    return ""


def _role_voice(role: str, context: TurnContext) -> Voice:
    """'THE PRESIDENT' -> the person printed with the title President; the role alone if none is."""
    target = fold_name(role)
    for exact in (True, False):
        matches = [
            name
            for name in context.names
            if (fold_name(name.title) == target if exact else fold_name(name.title).endswith(" " + target))
        ]
        if matches:
            best = min(matches, key=lambda name: name.where)
            full = _fullest(best.name, best.title, context) or best.name
            return Voice(context.spelling(full), role=role, title=best.title)
    return Voice(role, named=False, grounded=False, role=role)


def _voice(found: PrintedName, spelling: str = "") -> Voice:
    return Voice(spelling or found.name, title=found.title)


def _by_initials(letters: str, context: TurnContext) -> PrintedName | None:
    """'jr' -> Joshua Renken (the initials of every word), 'i' -> Isabel Adomakoh Young (of the first name)."""
    matches = [
        name
        for name in context.names
        if len(name.words) > 1
        and ("".join(word[0] for word in name.words) == letters or (len(letters) == 1 and name.words[0][0] == letters))
    ]
    return _only(matches)


def _by_word(word: str, context: TurnContext, *, last: bool) -> PrintedName | None:
    """The fullest printed name whose surname (``last``) or first name is ``word``: the one person of that name
    printed in full, else the word as printed alone ('Liman' for 'Mr. Liman'); None when neither is printed."""
    matches = [name for name in context.names if (name.words[-1] if last else name.words[0]) == word]
    full = _only([name for name in matches if len(name.words) > 1])
    alone = [name for name in matches if len(name.words) == 1]
    return full or (min(alone, key=lambda name: name.where) if alone else None)


def _only(matches: list[PrintedName]) -> PrintedName | None:
    """The one person ``matches`` name, the nearest printing first; None when they name several people."""
    if not matches:
        return None
    best = min(match.where for match in matches)
    nearest = [match for match in matches if match.where == best]
    if len({fold_name(match.name) for match in nearest}) > 1:
        return None
    return nearest[0]


def _fullest(name: str, title: str, context: TurnContext) -> str:
    """The longest printing of ``name``'s person: 'Biden' (President) -> 'Joe Biden', preferring the same title."""
    words = fold_name(name).split()
    if not words:
        return ""
    longer = [
        printed
        for printed in context.names
        if len(printed.words) > len(words) and printed.words[-len(words) :] == tuple(words)
    ]
    if not longer:
        return name
    same_title = [printed for printed in longer if title and fold_name(printed.title) == fold_name(title)]
    chosen = _only(same_title) or _only(longer)
    return context.spelling(chosen.name) if chosen is not None else name


def _printed_case(word: str, body: str) -> str:
    """'LIMAN' as the text prints it elsewhere in ordinary case ('Liman'); '' when it never does."""
    if not word.isupper():
        return word
    for match in re.finditer(rf"\b{re.escape(word)}\b", body, re.IGNORECASE):
        if not match.group().isupper():
            return match.group()
    return ""

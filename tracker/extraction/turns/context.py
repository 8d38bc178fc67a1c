# ruff: noqa: RUF001  (quote marks and apostrophes are this module's subject)
"""What the headline, byline and introduction say about who talks: the names printed, the interviewer, the guest.

Labels are short ('MR. SULLIVAN', 'JR', 'THE PRESIDENT'); the full names they stand for are printed around
them: 'Press Briefing by … Jen Psaki and National Security Advisor Jake Sullivan', 'Joshua Renken interviews
… George Galloway'. Names are read with the same phrase classifier as quote attribution.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from enum import IntEnum
from functools import lru_cache

from .. import lexicon as lx
from ..keys import fold_name
from ..phrases import classify, classify_at
from ..tokens import Token, bare, is_name_token, tokenize
from ..types import MentionKind, ParsedArticle


class Where(IntEnum):
    """Where a name is printed; nearer the top is trusted first (a headline's name over one in the turns)."""

    HEADLINE = 0
    INTRODUCTION = 1
    TURNS = 2


@dataclass(frozen=True, slots=True)
class PrintedName:
    """A person's name as printed in the text, with the title before it: 'Jake Sullivan', 'National Security
    Advisor'."""

    name: str
    title: str
    where: Where
    position: int  # body offset; -1 in the headline

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(fold_name(self.name).split())


@dataclass(frozen=True, slots=True)
class TurnContext:
    """The names a document's turns may stand for, and who interviews whom."""

    headline: str
    byline: str
    publication: str
    names: tuple[PrintedName, ...]
    interviewer: str  # '' when no one is named as interviewing
    guest: str  # '' when no one is named as being asked
    moderator: str  # '' when no one is named as moderating or hosting
    introduction: str  # headline and the paragraphs before the first turn, for the format and the source

    def spelling(self, name: str) -> str:
        """The spelling of ``name`` printed most often ('Adam Kay' over a standfirst's 'Adam KAy')."""
        key = fold_name(name)
        forms = Counter(printed.name for printed in self.names if fold_name(printed.name) == key)
        if not forms:
            return name
        return max(forms, key=lambda form: (forms[form], not _odd_case(form)))


# 'Joshua Renken interviews …', 'Felix sat down with …', 'Claire Chan talks to …'
_ASKS_RE = re.compile(
    r"\b(?:interview(?:s|ed)?|(?:speak|speaks|spoke|talk|talks|talked|chat|chats|chatted)\s+(?:to|with)"
    r"|(?:sat|sit|sits)\s+down\s+with|meets|met\s+with|(?:caught|catch|catches)\s+up\s+with"
    r"|got\s+in\s+touch\s+with|questions)\b"
)
# 'Interview of President Trump by Jamie Little', 'The debate, moderated by Lena Park, …'
_INTERVIEW_BY_RE = re.compile(r"\binterview\w*\b.*?\bby\s+(?P<rest>.+)$", re.IGNORECASE)
_MODERATED_BY_RE = re.compile(r"\b(?:moderated|hosted|chaired|conducted)\s+by\s+(?P<rest>.+)$", re.IGNORECASE)
_GUEST_IN_HEADLINE_RE = re.compile(r"\b(?:interview|q\s?&\s?a)\w*\s*(?:[:\-–—]|with|of)\s*(?P<rest>.+)$", re.IGNORECASE)
_POST_NOMINALS = frozenset({"frs", "obe", "mbe", "cbe", "kbe", "qc", "kc", "mp", "phd", "jr", "sr", "md", "esq"})


def read_context(article: ParsedArticle, first_turn: int) -> TurnContext:
    """The names around the turns of ``article``, whose first turn is paragraph ``first_turn``."""
    names: list[PrintedName] = list(_printed_names(article.title, -1, Where.HEADLINE))
    introduction = [article.title]
    for index, (start, end) in enumerate(article.paragraphs):
        where = Where.INTRODUCTION if index < first_turn else Where.TURNS
        names.extend(_printed_names(article.body[start:end], start, where))
        if index < first_turn:
            introduction.append(article.body[start:end])
    context = TurnContext(
        headline=article.title,
        byline=article.byline if _is_person(article.byline, article.publication) else "",
        publication=article.publication,
        names=tuple(names),
        interviewer="",
        guest="",
        moderator="",
        introduction="\n\n".join(introduction),
    )
    interviewer = _interviewer(context, introduction)
    return replace(
        context,
        interviewer=interviewer,
        guest=_guest(context, introduction, interviewer),
        moderator=_moderator(context, introduction),
    )


def _printed_names(text: str, offset: int, where: Where) -> list[PrintedName]:
    """Every personal name in ``text`` (names of two words or more, or one word after a title)."""
    return [
        PrintedName(name, title, where, offset + start if offset >= 0 else -1) for name, title, start in _names_in(text)
    ]


@lru_cache(maxsize=4096)
def _names_in(text: str) -> tuple[tuple[str, str, int], ...]:
    """(name, title, offset in ``text``) of each personal name; memoised, as a document is read twice or more."""
    tokens = tokenize(text, 0, len(text))
    found: list[tuple[str, str, int]] = []
    run: list[Token] = []
    for token in [*tokens, None]:
        if token is not None and token.is_word and is_name_token(token) and token.lower != "i":
            run.append(token)
            continue
        while run and bare(run[-1].text) in _POST_NOMINALS:
            run.pop()
        phrase = classify_at(text, run) if run else None
        if phrase is not None and phrase.kind == MentionKind.NAME and phrase.name[:1].isupper():
            name = _without_titles(phrase.name)
            # A name in capitals is a turn's label ('MR. SULLIVAN'), read by the labels' own rules.
            capitals = all(word.isupper() for word in name.split())
            if name and not capitals and (len(name.split()) > 1 or _is_title(phrase.title)):
                found.append((name, "" if _only_honorifics(phrase.title) else phrase.title, run[0].start))
        run = []
    return tuple(found)


def _without_titles(name: str) -> str:
    """'Col. North' -> 'North', 'Colonel North' -> 'North'."""
    words = [word for word in name.split() if bare(word) not in lx.HONORIFICS]
    while len(words) > 1 and bare(words[0]) in lx.TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


def _only_honorifics(title: str) -> bool:
    """'Mr.', 'Ms.': a courtesy title, no office."""
    return all(bare(word) in lx.HONORIFICS for word in title.split())


def _is_title(title: str) -> bool:
    """'President', 'Adm.', 'First Lady': a title before a lone surname makes it a name ('Press' does not)."""
    return any(bare(word) in lx.TITLE_WORDS or bare(word) in lx.HONORIFICS for word in title.split())


def _is_person(byline: str, publication: str) -> bool:
    """A byline that names a person ('Joshua Renken'), not a house byline ('The White House', 'Staff')."""
    words = byline.split()
    if not 2 <= len(words) <= 4 or fold_name(byline) == fold_name(publication):
        return False
    return all(word[:1].isupper() for word in words) and bare(words[0]) not in lx.STOP_WORDS


def _interviewer(context: TurnContext, introduction: list[str]) -> str:
    """Who the headline or introduction says asks the questions: a person, or the publication itself."""
    match = _INTERVIEW_BY_RE.search(context.headline)
    if match is not None:
        named = _printed_names(match.group("rest"), -1, Where.HEADLINE)
        if named:
            return context.spelling(named[0].name)
    for text in introduction:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            verb = _ASKS_RE.search(sentence)
            if verb is None:
                continue
            if context.byline and fold_name(context.byline) in fold_name(sentence):
                return context.byline  # 'X talked to <byline>' as much as '<byline> talked to X'
            subject = _subject_name(sentence[: verb.start()])
            if subject and fold_name(subject) == fold_name(context.publication):
                return context.publication
            if subject:
                return context.spelling(subject)
    return context.byline


def _moderator(context: TurnContext, introduction: list[str]) -> str:
    """Who the introduction says moderates or hosts: 'The debate … was moderated by Lena Park'."""
    for text in introduction:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            moderated = _MODERATED_BY_RE.search(sentence)
            named = _printed_names(moderated.group("rest"), -1, Where.INTRODUCTION) if moderated else []
            if named:
                return context.spelling(named[0].name)
    return ""


def _subject_name(text: str) -> str:
    """The first name in ``text``, a person's or an outlet's: 'This week Felix' -> 'Felix'."""
    tokens = tokenize(text, 0, len(text))
    run: list[Token] = []
    for token in [*tokens, None]:
        if token is not None and token.is_word and is_name_token(token):
            run.append(token)
            continue
        phrase = classify(text, run) if run else None
        if phrase is not None and phrase.kind in (MentionKind.NAME, MentionKind.ORGANISATION):
            return _without_titles(phrase.name)
        run = []
    return ""


def _guest(context: TurnContext, introduction: list[str], interviewer: str) -> str:
    """Who the headline or introduction says is being asked: 'Interview: Adam Kay', '… speaks to Adam Kay'."""
    asker = fold_name(interviewer)
    candidates: list[str] = []
    match = _GUEST_IN_HEADLINE_RE.search(context.headline)
    if match is not None:
        candidates.extend(named.name for named in _printed_names(match.group("rest"), -1, Where.HEADLINE))
    for text in introduction[1:]:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            verb = _ASKS_RE.search(sentence)
            if verb is not None:
                named = _printed_names(sentence[verb.end() :], -1, Where.INTRODUCTION)
                candidates.extend(printed.name for printed in named)
    for candidate in [*candidates, *_most_named(context)]:
        if fold_name(candidate) not in (asker, fold_name(context.byline)):
            return context.spelling(candidate)
    return ""


def _most_named(context: TurnContext) -> list[str]:
    """The names of the headline and introduction, the most often printed first (by surname, anywhere in the
    text), a name with a title before one without: who a Q&A is likeliest to be with."""
    near = [printed for printed in context.names if printed.where < Where.TURNS]
    surnames = Counter(printed.words[-1] for printed in context.names)
    ranked = sorted(near, key=lambda printed: (-surnames[printed.words[-1]] - bool(printed.title), printed.where))
    return [printed.name for printed in ranked]


def _odd_case(name: str) -> bool:
    """'Adam KAy': a capital inside a word that is not all capitals (a typo more often than 'McKelvey')."""
    return any(
        any(ch.isupper() for ch in word[1:]) and not word.isupper() and not word.startswith(("Mc", "Mac", "O'"))
        for word in name.split()
    )

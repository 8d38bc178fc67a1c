# ruff: noqa: RUF001  (quote marks and apostrophes are this module's subject)
"""Tokens of masked body text and the word tests every later stage asks: titles, organisations, places."""

from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon as lx

QUOTE_CHAR = "\x01"
# The leading lookahead only skips whitespace faster: no alternative starts with a space.
_TOKEN_RE = re.compile(
    r"(?=\S)(?:\x01+"
    r"|@[A-Za-z0-9_]{2,30}\b"
    r"|(?:[A-Za-z]\.){2,}"
    r"|[^\W\d_](?:[\w'’\-]*\w)?(?:['’](?=\s))?"
    r"|\d+(?:[.,:/\-]\d+)*(?:-[^\W\d_]+(?:-[^\W\d_]+)*)?"
    r"|[,;:()\[\]—–…]|-{1,2}|[.!?]+)"
)
_ABBREVIATIONS = lx.HONORIFICS | {
    "st",
    "jr",
    "sr",
    "inc",
    "corp",
    "co",
    "ltd",
    "no",
    "vs",
    "etc",
    "jan",
    "feb",
    "aug",
    "sept",
    "oct",
    "nov",
    "dec",
    "gens",
    "reps",
    "sens",
    "mt",
}
# US states as AP style abbreviates them after a name or a party ("Sen. Jane Roe, D-Minn.", "Lincoln, Neb."):
# capitalised, they keep their full stop, which would otherwise end the sentence.
_STATE_ABBREVIATIONS = frozenset(
    "ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev "
    "okla ore pa tenn tex vt va wash wis wyo".split()
)
CAPITAL_STOP = lx.STOP_WORDS | frozenset(
    """meanwhile however moreover furthermore instead still yet later earlier today yesterday tomorrow
    separately also indeed nonetheless nevertheless similarly likewise speaking asked writing
    monday tuesday wednesday thursday friday saturday sunday january february march april june july
    august september october november december last next such both each every many some other
    another according despite amid following earlier ahead unlike like in around behind beyond within
    along beside besides toward towards upon across among throughout near outside inside once thus
    one whether asked soon again afterwards afterward eventually finally then now here there perhaps
    maybe already recently lately currently ultimately initially originally previously meanwhile""".split()
)
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december""".split()
)
PREPOSITIONS = frozenset(
    "in on at during after before to for from with via by about over under near outside inside "
    "through throughout amid ahead following despite into onto across against without".split()
)


# Surnames opening with a lowercase particle: "al-Tayeb", "el-Sisi", "d'Alema", "bin-Salman".
_PARTICLE_NAME_RE = re.compile(r"(?:al|el|ad|ar|as|at|az|ash|bin|ibn|abu|da|de|di|del|van|von|d|l)[-'’][A-Z]")


@lru_cache(maxsize=65536)
def _token_traits(text: str) -> tuple[str, bool, bool, bool]:
    """(lower, is_quote, is_word, is_cap) of a token text; memoised: the same words recur all the time."""
    first = text[0]
    is_quote = first == QUOTE_CHAR
    # A social-media handle (@name) stands in a sentence like a capitalised name.
    is_word = first.isalpha() or (first == "@" and len(text) > 1)
    is_cap = first.isupper() or first == "@" or (first.islower() and _PARTICLE_NAME_RE.match(text) is not None)
    return text.lower(), is_quote, is_word, is_cap


class Token:
    """A token of masked body text; offsets are body offsets.  Plain slots: made by the thousand."""

    __slots__ = ("end", "is_cap", "is_quote", "is_word", "lower", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower, self.is_quote, self.is_word, self.is_cap = _token_traits(text)

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Word, number, punctuation and quote-placeholder tokens of text[start:end]."""
    tokens: list[Token] = []
    consumed = start
    for match in _TOKEN_RE.finditer(text, start, end):
        t_start, t_end = match.span()
        if t_start < consumed:
            continue
        word = match.group()
        # Honorifics, initials and a few abbreviations keep their full stop.
        if (
            t_end < end
            and text[t_end] == "."
            and word[0].isalpha()
            and (
                word.lower().rstrip("'’") in _ABBREVIATIONS
                or (len(word) == 1 and word.isupper())
                or (word[0].isupper() and word.lower().rpartition("-")[2] in _STATE_ABBREVIATIONS)
            )
        ):
            t_end += 1
            word += "."
        consumed = t_end
        tokens.append(Token(word, t_start, t_end))
    return tokens


@lru_cache(maxsize=8192)
def bare(word: str) -> str:
    """Lowercase word without a trailing full stop or possessive."""
    word = word.lower().rstrip(".")
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word.rstrip("'’")


def is_possessive(word: str) -> bool:
    return word.endswith(_POSSESSIVE_ENDINGS) and (len(word) > 2 or word[-1] == "s")


_POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")


def is_title_word(word: str) -> bool:
    low = bare(word)
    return low in lx.TITLE_WORDS or low in lx.HONORIFICS


def is_org_word(word: str) -> bool:
    low = bare(word)
    return low in lx.ORG_WORDS or (word.isupper() and 2 <= len(word.rstrip(".")) <= 6 and word.isalpha())


def is_place_word(word: str) -> bool:
    low = bare(word)
    return low in lx.DEMONYMS or low in lx.PLACES


def is_name_token(token: Token) -> bool:
    """A token that can stand inside a capitalised name run."""
    text = token.text
    if text[0] == "@":
        return len(text) > 1
    if not text[0].isalpha():
        return False
    if token.is_cap:
        return bare(text) not in CAPITAL_STOP or (len(text) == 2 and text.endswith("."))
    return text.lower() in lx.NAME_PARTICLES


def bare_case(word: str) -> str:
    """A word without its possessive ending, case kept ("Norland's" -> "Norland")."""
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word.rstrip("'’")

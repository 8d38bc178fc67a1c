# ruff: noqa: RUF001  (quote marks are this module's subject)
"""Quoted words that are nobody's statement: names of things, titles, labels, scare quotes, echoes."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .. import lexicon as lx
from ..keys import fold_name
from ..tokens import PREPOSITIONS, Token, bare
from .clauses import WORD_RE
from .mentions import SENTENCE_END
from .text import DETERMINERS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Longest quote that a gloss ('"X", a phrase coined by …') can mark as a label.
_LABEL_WORDS = 6
# A short quote from a modal to a bare 'to' is a text's wording ('"should seek to" cut'), not a remark.
_MODALS = _words("shall should will would may might must can could")
# 'calling it the "X"': the verb of giving a name.
_CALLING = _words("call calls called calling dub dubs dubbed dubbing")
# 'refer(red) to X as "Y"' names something rather than quoting it.
_REFERRING = _words("refer refers referred referring")
_REFLEXIVES = _words("itself themselves himself herself themself")


def named_thing(tokens: list[Token], qi: int, low: int, content: str) -> bool:
    """Names, titles of works, nicknames and handles: 'the so-called "X"', 'an essay entitled "Y"'."""
    preceding = " ".join(t.lower for t in tokens[max(low, qi - 4) : qi]).rstrip(" ,:")
    if preceding.endswith(lx.NAME_INTRODUCERS):
        return True
    words = WORD_RE.findall(content)
    unpunctuated = content.rstrip()[-1:].isalnum()
    if unpunctuated and len(words) <= _LABEL_WORDS and len(tokens) == 1:
        return True  # a paragraph that is nothing but a short unpunctuated quote: a subheading
    if (
        unpunctuated
        and words
        and _title_case(words)
        and len(words) <= _LABEL_WORDS
        and qi + 1 < len(tokens)
        and tokens[qi + 1].is_word
    ):
        return True  # '"Parasite" director Bong Joon Ho said': a title used as a modifier
    if _referred_as(tokens, qi, low) or _named_by_call(tokens, qi, low, content):
        return True
    if _self_named(tokens, qi, low) or _generic_call(tokens, qi, low, content):
        return True
    if _scheme_name(tokens, qi, low, content):
        return True
    words = WORD_RE.findall(content)
    if (
        qi > low
        and 0 < len(words) <= 3
        and words[0].lower() in _MODALS
        and words[-1].lower() == "to"
        and content[-1:].isalpha()
        and qi + 1 < len(tokens)
        and tokens[qi + 1].is_word
    ):
        # 'the text says they "should seek to" cut costs': a draft's wording, cut mid-verb-phrase.
        return True
    stripped = content.strip(" ,.;:!?")
    if stripped.startswith(("@", "#")) and " " not in stripped:
        return True
    # '"X", a phrase that …', 'the "plan X", the state-funded scheme': a name glossed by an appositive.
    if qi + 2 < len(tokens) and tokens[qi + 1].text == "," and tokens[qi + 2].lower in ("a", "an", "the"):
        gloss = [bare(t.text) for t in tokens[qi + 3 : qi + 6] if t.is_word]
        words = WORD_RE.findall(content)
        # A label is short; a clause glossed as 'a nod to …' is still speech.
        if any(word in lx.LABEL_NOUNS for word in gloss[:2]) and len(words) <= _LABEL_WORDS:
            return True
        if qi > low and tokens[qi - 1].lower in ("the", "a", "an") and len(words) <= 4 and content[-1:].isalnum():
            return True
    return False


def _referred_as(tokens: list[Token], qi: int, low: int) -> bool:
    """'staff referred to the feature as "X"', 'a practice known internally as "Y"': a name, not speech."""
    index = qi - 1
    while index > low and tokens[index].lower in DETERMINERS:
        index -= 1
    if index <= low or tokens[index].lower != "as":
        return False
    window = tokens[max(low, index - 8) : index]
    return any(
        t.lower in _REFERRING and i + 1 < len(window) and window[i + 1].lower == "to" for i, t in enumerate(window)
    )


def _named_by_call(tokens: list[Token], qi: int, low: int, content: str) -> bool:
    """'pilots took to calling it the "X"': a short name given to a thing, not a quoted remark."""
    if not (qi - 3 >= low and tokens[qi - 1].lower == "the" and tokens[qi - 2].lower in ("it", "them")):
        return False
    return tokens[qi - 3].lower in _CALLING and len(WORD_RE.findall(content)) <= 3 and content[-1:].isalnum()


def _self_named(tokens: list[Token], qi: int, low: int) -> bool:
    """'a group calling itself the "X"', 'he calls himself "Y"': a name someone gives themselves."""
    index = qi - 1
    while index > low and tokens[index].lower in DETERMINERS:
        index -= 1
    return index - 1 >= low and tokens[index].lower in _REFLEXIVES and tokens[index - 1].lower in _CALLING


def _generic_call(tokens: list[Token], qi: int, low: int, content: str) -> bool:
    """'along what locals call "the back road"': a name used by an unnamed crowd, not anyone's remark."""
    if qi - 3 < low or tokens[qi - 1].lower not in _CALLING or tokens[qi - 3].lower != "what":
        return False
    subject = tokens[qi - 2]
    if not subject.is_word or subject.is_cap or subject.lower in lx.SUBJECT_PRONOUNS:
        return False
    return len(WORD_RE.findall(content)) <= _LABEL_WORDS and content[-1:] not in SENTENCE_END


def _scheme_name(tokens: list[Token], qi: int, low: int, content: str) -> bool:
    """'consult on a "fair rent scheme"': a short noun phrase ending in a scheme noun, object of a preposition."""
    words = WORD_RE.findall(content)
    if not (2 <= len(words) <= 5) or words[-1].lower() not in lx.LABEL_NOUNS or not content[-1:].isalnum():
        return False
    return (
        qi - 2 >= low and tokens[qi - 1].lower in ("a", "an", "the") and tokens[qi - 2].lower in PREPOSITIONS | {"of"}
    )


def non_statement(tokens: list[Token], qi: int, low: int, content: str, earlier: Sequence[str]) -> bool:
    """Scare quotes: titles, title-case names and echoes of earlier quotes inside a sentence."""
    words = WORD_RE.findall(content)
    if qi > low:
        before = tokens[qi - 1]
        if (
            before.lower in ("called", "calls")
            and qi - 2 >= low
            and not (tokens[qi - 2].lower in lx.SUBJECT_PRONOUNS or tokens[qi - 2].is_cap)
        ):
            return True
        skip = qi - 1
        while skip >= low and (
            tokens[skip].lower in DETERMINERS or (tokens[skip].is_cap and tokens[skip].text.endswith(("'s", "’s")))
        ):
            skip -= 1
        if skip >= low and bare(tokens[skip].text) in lx.WORK_NOUNS and _title_case(words):
            return True
    embedded = qi > low and any(t.is_word for t in tokens[low:qi])
    if embedded and words and _title_case(words) and content[-1:] not in SENTENCE_END:
        return True
    if embedded and 2 <= len(words) <= 12:
        key = word_key(content)
        if any(key in text for text in earlier):
            return True
    return False


@lru_cache(maxsize=4096)
def word_key(text: str) -> str:
    """The folded words of a quote between spaces, for finding one quote's words inside another's."""
    return " " + " ".join(fold_name(word) for word in WORD_RE.findall(text)) + " "


def _title_case(words: list[str]) -> bool:
    minor = {"of", "the", "a", "an", "and", "or", "for", "to", "in", "on", "at", "by", "with", "its", "is"}
    major = [w for w in words if w.lower() not in minor]
    return bool(major) and all(w[0].isupper() or w[0].isdigit() for w in major) and len(words) <= 12

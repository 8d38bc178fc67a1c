# ruff: noqa: RUF001  (apostrophes are this module's subject)
"""Which printed forms of a speaker are names worth keeping as aliases.

An alias is another *name* a speaker is printed under: a surname ('Stoltenberg'), a name with its
courtesy title or office ('Ms. Haley', 'Sen. Hollis'), an organisation's short name ('the FAA' -> 'FAA').
Pronouns, possessives, role descriptions ('the president', 'a company spokeswoman') and appositive
clauses ('Ms. Haley, a former governor of South Carolina') are how a speaker was referred to, not names:
matching other speakers on them would merge different people ('he' names everyone).
"""

from __future__ import annotations

from functools import lru_cache

from . import lexicon as lx
from .keys import fold_name
from .phrases import classify
from .tokens import bare, tokenize
from .types import MentionKind

_PRONOUNS = lx.SUBJECT_PRONOUNS | set(lx.OBJECT_PRONOUNS)
# Single words that name no one: titles, offices, kinds of people, pronouns, function words.
_NOT_NAMES = lx.TITLE_WORDS | lx.HONORIFICS | lx.PERSON_NOUNS | lx.GROUP_NOUNS | _PRONOUNS | lx.STOP_WORDS
# Anything after these in a printed mention is an appositive or a parenthesis, not the name.
_APPOSITIVE_MARKS = (",", "(", " — ", " – ", " - ")


@lru_cache(maxsize=8192)
def alias_form(printed: str) -> str:
    """The name in a printed mention of a speaker, or '' when the mention is not a name."""
    text = printed.strip()
    for mark in _APPOSITIVE_MARKS:
        text = text.split(mark, 1)[0]
    text = text.strip()
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    text = text.rstrip("'’ ")
    if not text or not any(ch.isupper() for ch in text):
        return ""
    if " " not in text and text.isalpha() and text[0].isupper() and not text.isupper():
        # One capitalised word ('Stoltenberg', 'President'): a name unless the word lists know it as something else.
        low = text.lower()
        return "" if low in _NOT_NAMES or low in lx.CUE_FORMS else text
    phrase = classify(text, tokenize(text, 0, len(text)))
    if phrase is None:
        return ""
    if phrase.kind == MentionKind.ORGANISATION:
        return phrase.name if phrase.name[:1].isupper() else ""
    if phrase.kind != MentionKind.NAME or any(word.lower() in _PRONOUNS for word in phrase.name.split()):
        return ""
    title_words = [bare(word) for word in phrase.title.split()]
    if title_words and all(word in lx.HONORIFICS for word in title_words):
        return f"{phrase.title} {phrase.name}"  # "Ms. Haley", "Sen. Margaret Hollis"
    return phrase.name


def name_aliases(name: str, printed: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The distinct names among ``printed`` forms, other than ``name`` itself, in the order first printed."""
    seen = {fold_name(name)}
    aliases = []
    for text in printed:
        if fold_name(text) in seen:
            continue  # the name itself, or a form already kept
        alias = alias_form(text)
        key = fold_name(alias)
        if alias and key not in seen:
            seen.add(key)
            aliases.append(alias)
    return tuple(aliases)

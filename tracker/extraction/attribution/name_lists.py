# ruff: noqa: RUF001  (dashes are punctuation here)
"""Names listed together at one cue speak together: 'Ann Lee, Bo Chen and Cy Diaz said' is one group of people."""

from __future__ import annotations

from ..chunking import noun_phrase_after, noun_phrase_before
from ..phrases import NounPhrase
from ..tokens import Token
from ..types import MentionKind
from .text import ArticleText

# Words after which a list of names may start a clause: 'But Ann Lee and Bo Chen said'.
_CLAUSE_OPENERS = frozenset({"and", "but", "as", "while", "so", "then", "because", "when", "where"})


def names_before(
    text: ArticleText, tokens: list[Token], phrase: NounPhrase, start: int, low: int
) -> tuple[NounPhrase, int]:
    """'Ann Lee, Bo Chen and Cy Diaz said': the names listed before the last one speak together, as a group."""
    names = [phrase]
    first = start
    while first - 2 >= low:
        joint = first - 1
        if tokens[joint].lower in ("and", "&") and len(names) == 1:
            joint -= 1
            if tokens[joint].text == ",":
                joint -= 1  # 'A, B, and C'
        elif tokens[joint].text == "," and len(names) > 1:
            joint -= 1
        else:
            break
        if joint < low:
            break
        earlier = noun_phrase_before(text.body, tokens, joint, low)
        named = text.classify(earlier) if earlier and earlier[-1] is tokens[joint] else None
        if named is None or named.kind != MentionKind.NAME:
            break
        names.insert(0, named)
        first = tokens.index(earlier[0], low)
    opens = first == low or tokens[first - 1].is_quote or tokens[first - 1].text in (",", ";", ":", "—", "–", "(")
    if len(names) == 1 or not (opens or tokens[first - 1].lower in _CLAUSE_OPENERS):
        return phrase, start
    return group_of_names(text, names), first


def names_after(
    text: ArticleText, tokens: list[Token], phrase: NounPhrase, end: int, high: int
) -> tuple[NounPhrase, int] | None:
    """'said Ann Lee, Bo Chen and Cy Diaz': a list of names closed by 'and', as a group."""
    names = [phrase]
    index = end + 1
    while index + 1 < high:
        closing = tokens[index].lower in ("and", "&")
        if tokens[index].text == "," and tokens[index + 1].lower in ("and", "&"):
            closing, index = True, index + 1
        elif not closing and tokens[index].text != ",":
            return None
        found = noun_phrase_after(tokens, index + 1, high)
        named = text.classify(found) if found else None
        if named is None or named.kind != MentionKind.NAME:
            return None
        names.append(named)
        index += len(found) + 1
        if closing:
            return group_of_names(text, names), index - 1
    return None


def group_of_names(text: ArticleText, names: list[NounPhrase]) -> NounPhrase:
    members = tuple(dict.fromkeys(named.name for named in names))
    joined = members[0] if len(members) == 1 else f"{', '.join(members[:-1])} and {members[-1]}"
    return NounPhrase(
        MentionKind.GROUP,
        " ".join(text.body[names[0].start : names[-1].end].split()),
        name=joined,
        start=names[0].start,
        end=names[-1].end,
        members=members,
    )

# ruff: noqa: RUF001  (quote marks and apostrophes are this module's subject)
"""Noun-phrase chunking: where the speaker phrase before a cue starts, and where the one after it ends."""

from __future__ import annotations

from . import lexicon as lx
from .gender import is_given_name
from .organisations import organisation_end, organisation_start
from .phrases import AGE_RE, NOUNS, POSSESSIVE_DETERMINERS, descriptor, inner_connector
from .tokens import CAPITAL_STOP, TIME_WORDS, Token, bare, is_org_word, is_possessive, is_title_word


def noun_phrase_before(source: str, tokens: list[Token], end: int, low: int) -> list[Token]:
    """Tokens of the noun phrase ending at tokens[end] (inclusive), not reaching below ``low``."""
    organisation = organisation_start(tokens, end, low)
    if organisation < 0 and end - 1 >= low and not tokens[end].is_cap and bare(tokens[end].text) in lx.PERSON_NOUNS:
        # "a Department for Environment, Food and Rural Affairs spokesperson": a named organisation's person.
        organisation = organisation_start(tokens, end - 1, low)
    if organisation >= 0:
        if organisation - 1 >= low and tokens[organisation - 1].lower in ("the", "a", "an"):
            organisation -= 1
        return tokens[organisation : end + 1]
    index = end
    collected: list[Token] = []
    lowercase_words = 0
    while index >= low:
        token = tokens[index]
        low_word = token.lower
        if (
            token.text[0].isdigit()
            and collected
            and (bare(collected[0].text) in lx.GROUP_NOUNS or _plural_person(bare(collected[0].text)))
            and not any(t.is_cap for t in collected)
            and (
                index - 1 < low or tokens[index - 1].lower in ("of", "the", "a", "an") or not tokens[index - 1].is_word
            )
        ):
            collected.append(token)  # "a coalition of 12 rail unions", "the 40 farmers"
            index -= 1
            continue
        if not token.is_word and not (token.text[0].isdigit() and "-" in token.text):
            break
        if not collected and low_word in lx.SUBJECT_PRONOUNS:
            return [token]
        if low_word in ("a", "an", "the") or (low_word in lx.QUANTIFIERS and low_word not in ("other",)):
            if collected:
                collected.append(token)
            break
        if low_word == "of":
            # "Secretary of State", "a group of senators", "Bank of England", "Josh Hawley of Missouri".
            if not collected or index - 1 < low:
                break
            before = tokens[index - 1]
            if not (
                is_title_word(before.text)
                or is_org_word(before.text)
                or before.lower
                in ("group", "number", "coalition", "handful", "dozens", "hundreds", "thousands", "scores")
                or (before.is_cap and all(t.is_cap for t in collected))
            ):
                break
            collected.append(token)
            index -= 1
            continue
        if low_word in ("for", "and", "&") and collected and index - 1 >= low:
            # "Parents for Quiet Streets", "the Parks and Research Department".
            if not inner_connector(tokens[: end + 1], index):
                break
            collected.append(token)
            index -= 1
            continue
        if (
            token.is_cap
            and bare(token.text) in TIME_WORDS
            and collected
            and not any(t.is_cap for t in collected)
            and bare(collected[0].text) in lx.DOCUMENT_NOUNS
            and index - 1 >= low
            and is_possessive(tokens[index - 1].text)
        ):
            collected.append(token)  # "Lee's May post"
        elif token.is_cap:
            stop = bare(token.text) in CAPITAL_STOP and bare(token.text) not in lx.SUBJECT_PRONOUNS
            if stop and not (collected and _first_name(token, collected[-1])):
                if low_word in ("the", "a", "an") and collected:
                    collected.append(token)
                break
            if low_word in ("he", "she", "they", "it", "we", "i") and collected:
                break
            collected.append(token)
        elif (
            low_word in lx.NAME_PARTICLES
            and collected
            and collected[-1].is_cap
            and index > low
            and tokens[index - 1].is_cap
        ):
            collected.append(token)
        elif AGE_RE.fullmatch(low_word) and not collected:
            collected.append(token)  # "the 64-year-old said"
        elif descriptor(token) and lowercase_words < 4:
            lowercase_words += 1
            collected.append(token)
        elif (
            collected
            and lowercase_words < 3
            and token.is_word
            and low_word not in lx.STOP_WORDS
            and index - 1 >= low
            and (tokens[index - 1].lower in ("the", "a", "an") or is_possessive(tokens[index - 1].text))
            and not any(t.is_cap for t in collected)
        ):
            # A noun modifier right after a determiner: "the company's status page".
            lowercase_words += 1
            collected.append(token)
        elif (
            collected
            and lowercase_words < 3
            and not any(t.is_cap for t in collected)
            and _people_head(collected[0])
            and _plain_modifier(token)
            and _modifier_start(tokens, index - 1, low)
        ):
            # Unknown modifiers before a people noun: "ward councillors", "emergency room doctors".
            lowercase_words += 1
            collected.append(token)
        else:
            break
        index -= 1
    if collected and is_possessive(collected[0].text) and collected[0].text[-1] not in "'’":
        # "Greer's comments": a possessive is a determiner, never the subject itself.
        return []
    collected.reverse()
    # A phrase cannot start with a bare particle or "of".
    while collected and (collected[0].lower in lx.NAME_PARTICLES or collected[0].lower == "of"):
        collected = collected[1:]
    return collected


_NOT_MODIFIERS = frozenset({"including", "according", "following", "regarding", "concerning", "excluding", "during"})


def _people_head(token: Token) -> bool:
    word = bare(token.text)
    return token.is_word and (word in lx.GROUP_NOUNS or word in lx.PERSON_NOUNS or _plural_person(word))


def _plural_person(word: str) -> bool:
    return word.endswith("s") and word[:-1] in lx.PERSON_NOUNS


def _plain_modifier(token: Token) -> bool:
    """A lowercase word that may modify a people noun ("ward", "dairy", "mining"), not a verb or adverb."""
    word = token.lower
    return (
        token.is_word
        and not token.is_cap
        and word not in lx.STOP_WORDS
        and word not in lx.CUE_FORMS
        and word not in _NOT_MODIFIERS
        and word not in lx.ADVERBS_BETWEEN
        and not word.endswith(("ly", "ed", "'s", "’s"))
        and word.isalpha()
    )


def _people_ahead(tokens: list[Token], index: int, high: int) -> bool:
    """A people noun within the next three words, with only modifiers before it."""
    for position in range(index, min(high, index + 3)):
        token = tokens[position]
        if (_people_head(token) and not token.is_cap) or bare(token.text) in lx.PARTY_LABELS:
            return True  # "three ward councillors", "another commonwealth Democrat"
        if not (_plain_modifier(token) or descriptor(token)):
            return False
    return False


def _modifier_start(tokens: list[Token], index: int, low: int, depth: int = 0) -> bool:
    """Whether a phrase may begin right after tokens[index]: a determiner, number, "of", a name, the start."""
    if index < low:
        return True
    token = tokens[index]
    if not token.is_word:
        return token.text[0].isdigit() or token.text in (",", ";", ":", "—", "–", "(")
    if token.lower in ("a", "an", "the", "of") or token.lower in lx.QUANTIFIERS or token.is_cap:
        return True
    if is_possessive(token.text) or descriptor(token):
        return True
    return depth < 1 and _plain_modifier(token) and _modifier_start(tokens, index - 1, low, depth + 1)


def self_cue(word: str) -> bool:
    """A reporting verb form (ends a noun phrase read left to right)."""
    return word in lx.CUE_FORMS and not word.endswith("s")


def noun_phrase_after(tokens: list[Token], start: int, high: int) -> list[Token]:
    """Tokens of the noun phrase starting at tokens[start] (inverted attribution: said X)."""
    first = start + 1 if start < high and tokens[start].lower == "the" else start
    organisation = organisation_end(tokens, first, high)
    if organisation >= 0:
        return tokens[start : organisation + 1]
    collected: list[Token] = []
    index = start
    while index < high:
        token = tokens[index]
        low_word = token.lower
        if not token.is_word and not (token.text[0].isdigit() and "-" in token.text):
            break
        if not collected and low_word in lx.SUBJECT_PRONOUNS:
            return [token]
        if not collected and low_word in lx.OBJECT_PRONOUNS and (index + 1 >= high or not tokens[index + 1].is_word):
            return [token]  # "according to him", not "according to her lawyer"
        if (
            low_word in ("a", "an", "the")
            or low_word in lx.QUANTIFIERS
            or (not collected and low_word in POSSESSIVE_DETERMINERS)
        ):
            of_the = low_word == "the" and collected and collected[-1].lower == "of"
            if collected and low_word in ("a", "an", "the") and not of_the:
                break  # "Chancellor of the Exchequer George Osborne" goes on after "of the"
            collected.append(token)
        elif low_word == "of":
            if not collected or index + 1 >= high:
                break
            previous = collected[-1]
            if not (
                is_title_word(previous.text)
                or is_org_word(previous.text)
                or previous.lower in ("group", "number", "coalition", "handful")
            ):
                break
            collected.append(token)
        elif token.is_cap:
            if bare(token.text) in CAPITAL_STOP and not (index + 1 < high and _first_name(token, tokens[index + 1])):
                break
            collected.append(token)
        elif low_word in ("for", "and", "&") and collected and collected[-1].is_cap and inner_connector(tokens, index):
            collected.append(token)  # "the charity Medical Aid for Palestinians"
        elif (
            low_word in lx.NAME_PARTICLES
            and collected
            and collected[-1].is_cap
            and index + 1 < high
            and tokens[index + 1].is_cap
        ):
            collected.append(token)
        elif (
            collected
            and token.is_word
            and low_word not in lx.STOP_WORDS
            and (collected[-1].lower == "of" or (is_possessive(collected[-1].text) and collected[-1].is_cap))
            and any(t.is_cap or bare(t.text) in NOUNS for t in tokens[index : min(high, index + 3)])
        ):
            # "the head of software company Brightloop", "the Senedd's climate change committee".
            collected.append(token)
            index += 1
            while (
                index < high
                and tokens[index].is_word
                and not tokens[index].is_cap
                and tokens[index].lower not in lx.STOP_WORDS
                and not self_cue(tokens[index].lower)
                and len(collected) < 12
            ):
                collected.append(tokens[index])
                if bare(tokens[index].text) in NOUNS:
                    index += 1
                    break
                index += 1
            continue
        elif (
            collected
            and not collected[-1].is_cap
            and bare(collected[-1].text) in NOUNS - lx.DESCRIPTOR_WORDS
            and not is_title_word(token.text)
        ):
            break
        elif descriptor(token) and (
            not collected or not collected[-1].is_cap or is_possessive(collected[-1].text) or bare(token.text) in NOUNS
        ):
            collected.append(token)
        elif (
            not any(t.is_cap and t.lower not in lx.QUANTIFIERS for t in collected)
            and _plain_modifier(token)
            and _people_ahead(tokens, index + 1, high)
        ):
            collected.append(token)  # "said three ward councillors"
        else:
            break
        index += 1
    while collected and collected[-1].lower in ("of", "and", "the", "a", "an"):
        collected.pop()
    if collected and collected[0].lower in POSSESSIVE_DETERMINERS and index < high and tokens[index].is_word:
        # "slammed her boss's flirtation": the object of the verb, not a speaker after it ("said its director,").
        return []
    return collected


def _first_name(token: Token, following: Token) -> bool:
    """'Will McClay', 'May Chen', 'Grant Shapps': a given name that is also a common word, before a surname."""
    return (
        following.is_cap
        and following.is_word
        and bare(following.text) not in CAPITAL_STOP
        and not is_title_word(following.text)
        and is_given_name(token.text)
    )

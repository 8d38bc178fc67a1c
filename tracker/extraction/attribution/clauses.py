# ruff: noqa: RUF001  (quote marks and dashes are this module's subject)
"""Clauses around quotes: sentence bounds, the attribution right after a quote, a sentence's subject."""

from __future__ import annotations

import re

from .. import lexicon as lx
from ..phrases import NounPhrase
from ..tokens import PREPOSITIONS, Token, bare, is_title_word
from ..types import MentionKind, QuoteKind
from .mentions import SENTENCE_END, phrase_after, subject_before
from .text import DETERMINERS, ArticleText


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
CONNECTORS = _words("while and but whereas although though yet or then")
# Lemmas that never introduce a quote directly.
NOT_ADJACENT = _words("find believe think report begin")
# Cues that must stand right next to the quote or its object to count ("called it '…'").
NEEDS_OBJECT = _words("call describe label brand characterise")
_AUX_START = _words(
    "would will should could can may might must is are was were be been being has have had not "
    "to do does did and or but of for with"
)
# Words opening an adverbial clause after an attribution ('… asks as he steers', '… said while …').
_ADVERBIAL_CLAUSES = _words("as while when whenever because since though although before after adding")
_QUANTITY_WORDS = _words("more than fewer less nearly almost about around over some roughly at least dozens hundreds")
_FRONTED = PREPOSITIONS | _words(
    "meanwhile however but and yet still separately later earlier speaking writing asked once "
    "when while as since although though instead also so then now today yesterday"
)


def sentences(text: ArticleText, tokens: list[Token]) -> list[tuple[int, int]]:
    """(start, end) token bounds of the sentences of a paragraph; a quote ending in a full stop ends one
    unless an attribution follows it ('"…." Smith said.')."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for index, token in enumerate(tokens):
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        if nxt is None:
            break
        end_here = False
        if token.text[0] in SENTENCE_END:
            end_here = nxt.is_cap or nxt.is_quote or nxt.text[0].isdigit() or nxt.text in ("(", "[")
        elif token.text.endswith(".") and len(token.text) > 2 and nxt.is_quote:
            end_here = True  # '… chief executive of Yearout Mechanical Inc. "The economy …"': its full stop ends it
        elif token.is_quote and text.quote_content(token).rstrip("'’\"”")[-1:] in SENTENCE_END:
            if nxt.is_quote:
                end_here = True
            elif nxt.is_cap:
                post = post_attribution(text, tokens, index, len(tokens))
                end_here = post is None or not terminal_tail(text, tokens, post[2], len(tokens))
        elif (
            token.is_quote
            and text.quote_content(token)[-1:].isalnum()
            and nxt.is_cap
            and nxt.lower in lx.SUBJECT_PRONOUNS
            and nxt.text != "I"
        ):
            # '… because "we live in a society …" He added, "…"': the full stop is missing, the sentence ends.
            following = tokens[index + 2] if index + 2 < len(tokens) else None
            end_here = following is not None and bool(text.cue(tokens, index + 2)) and index + 3 < len(tokens)
        if end_here:
            bounds.append((start, index + 1))
            start = index + 1
    if start < len(tokens):
        bounds.append((start, len(tokens)))
    return bounds


def post_attribution(text: ArticleText, tokens: list[Token], qi: int, high: int) -> tuple[NounPhrase, int, int] | None:
    """'"…," said X' or '"…," X said' right after the quote: (phrase, cue index, end index)."""
    j = qi + 1
    if j < high and tokens[j].text in (",", "—", "–", "-", "--"):
        j += 1
    if j >= high:
        return None
    lemma = text.cue(tokens, j)
    if lemma and lemma not in NOT_ADJACENT and lemma not in NEEDS_OBJECT:
        start = j + 2 if lemma == "according" else j + 1
        found = phrase_after(text, tokens, start, high)
        if found is None or found[0].kind == "pronoun":
            return None
        return found[0], j, found[1]
    depth = 0
    for k in range(j + 1, min(j + 26, high)):
        token = tokens[k]
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        if depth or token.text == ")":
            continue
        if token.is_quote and _title_in_subject(text, token):
            continue  # '"…," SAG-AFTRA President and "The Nanny" star Fran Drescher told …'
        if token.is_quote or token.text[0] in SENTENCE_END or token.text == ";":
            break
        lemma = text.cue(tokens, k)
        if not lemma:
            continue
        if lemma in NOT_ADJACENT or lemma in NEEDS_OBJECT or lemma == "according":
            return None
        found_subject = subject_before(text, tokens, k, j)
        if found_subject is None or not premodified(text, tokens, j, found_subject[1]):
            return None
        end = k + (1 if lemma in lx.PHRASAL else 0)
        if _introduces_next(text, tokens, qi, end, high):
            return None
        return found_subject[0], k, end
    return None


def _title_piece(text: ArticleText, token: Token) -> bool:
    if token.is_quote:
        return _title_in_subject(text, token)
    return token.lower == "and" or (
        token.is_word and (token.is_cap or is_title_word(token.text) or bare(token.text) in lx.PERSON_NOUNS)
    )


def _title_in_subject(text: ArticleText, token: Token) -> bool:
    """A short title-cased quote (a show's or a book's name), which may stand inside a subject's titles."""
    words = text.quote_content(token).split()
    return 0 < len(words) <= 4 and all(word[:1].isupper() for word in words) and words[-1][-1:].isalnum()


def _introduces_next(text: ArticleText, tokens: list[Token], qi: int, end: int, high: int) -> bool:
    """'"…." He adds: "…"', '"…." Aniston replied, "…"': a cue followed by a colon, or by a comma after a
    quote that ended its sentence, introduces the next quote, not the one before it."""
    if end + 2 >= high or not tokens[end + 2].is_quote:
        return False
    mark = tokens[end + 1].text
    ended = text.quote_content(tokens[qi]).rstrip("'’\"”")[-1:] in SENTENCE_END
    return mark == ":" or (mark == "," and ended)


_RELATIVES = frozenset({"that", "which", "who", "whom", "whose"})


def premodified(text: ArticleText, tokens: list[Token], start: int, subject: int) -> bool:
    """The subject starts at ``start`` or after a few modifiers ('EU tech commissioner X'), not inside a relative
    clause ('"…", a formulation that some economists read as …')."""
    modifiers = tokens[start:subject]
    if 3 < len(modifiers) <= 6 and all(_title_piece(text, t) for t in modifiers) and modifiers[0].is_cap:
        return True  # 'SAG-AFTRA President and "The Nanny" star Fran Drescher'
    return len(modifiers) <= 3 and all(
        t.is_word
        and t.lower not in PREPOSITIONS
        and t.lower not in CONNECTORS
        and t.lower not in _RELATIVES
        and not text.cue(tokens, start + i)
        for i, t in enumerate(modifiers)
    )


def main_subject(text: ArticleText, tokens: list[Token], low: int, before: int) -> tuple[NounPhrase, int] | None:
    """Subject of the sentence starting at ``low`` (after a fronted adverbial)."""
    start = after_dateline(tokens, low, before)
    while start < before and tokens[start].text in (",", "—", "–", "(", "-"):
        start += 1
    if start < before and tokens[start].lower in _FRONTED:
        comma = start
        while comma < before and tokens[comma].text != "," and comma - start < 16:
            comma += 1
        if comma < before and tokens[comma].text == ",":
            start = comma + 1
        elif tokens[start].lower in ("but", "and", "yet", "still", "meanwhile"):
            start += 1
    if start >= before:
        return None
    found = phrase_after(text, tokens, start, before)
    if found is None:
        return None
    phrase, end = found
    if phrase.kind not in ("name", "pronoun", "group", "org", "role"):
        return None
    return phrase, end


def terminal_tail(text: ArticleText, tokens: list[Token], end: int, high: int) -> bool:
    """After '"…." X said' only a short adjunct ('on Tuesday', 'in a statement') may end the sentence."""
    for index in range(end + 1, min(high, end + 14)):
        token = tokens[index]
        if token.text[0] in SENTENCE_END or token.is_quote:
            return True
        if (
            index == end + 1
            and token.is_word
            and token.lower not in PREPOSITIONS
            and token.lower not in lx.ADVERBS_BETWEEN
            and token.lower not in _ADVERBIAL_CLAUSES
            and not token.is_cap
            and not (token.lower in DETERMINERS and short_object(text, tokens, index, high))
        ):
            return False
        if index == end + 1 and token.lower in _ADVERBIAL_CLAUSES:
            return True  # '"… ?" Matie asks as he steers': an adverbial clause, not the cue's object
        if token.lower == "that" or text.cue(tokens, index):
            return False
    return end + 14 >= high


def short_object(text: ArticleText, tokens: list[Token], index: int, high: int) -> bool:
    """'asked his rival.': a determiner and at most three words, then the end of the sentence."""
    for offset in range(1, 5):
        if index + offset >= high:
            return True
        token = tokens[index + offset]
        if token.text[0] in SENTENCE_END:
            return True
        if token.is_quote:
            # 'He promised a reply "by noon."': the object leads into a quote of its own.
            return False
        if not token.is_word or text.cue(tokens, index + offset):
            return False
    return False


def kind_after_cue(
    text: ArticleText, tokens: list[Token], qi: int, high: int, between: list[Token], content: str
) -> QuoteKind:
    """Whether a quote after its cue is a whole utterance or words woven into the reporter's sentence."""
    if (between and between[-1].text in (",", ":") and content[:1].isupper()) or (between and between[-1].text == ":"):
        return QuoteKind.DIRECT
    if not between and content[:1].isupper():
        return QuoteKind.DIRECT
    ends_sentence = qi + 1 >= high or tokens[qi + 1].text[0] in SENTENCE_END
    words = WORD_RE.findall(content)
    first = words[0].lower() if words else ""
    near = len(between) <= 4 and (
        not between
        or between[0].lower == "that"
        or between[-1].text in (",", ":")
        or any(t.lower == "that" for t in between)
    )
    if ends_sentence and len(words) >= 5 and first not in _AUX_START and near and content[-1:] in SENTENCE_END | {","}:
        return QuoteKind.DIRECT
    if between and between[-1].text in (",", ":") and len(words) >= 4:
        return QuoteKind.DIRECT
    return QuoteKind.PARTIAL


def new_speech(text: ArticleText, tokens: list[Token], index: int) -> bool:
    """A cue that starts another act of speech ('after reading the statements' does not)."""
    lemma = text.cue(tokens, index)
    if lemma in ("", *NEEDS_OBJECT, *NOT_ADJACENT):
        return False
    return not (tokens[index].lower.endswith("ing") and index > 0 and tokens[index - 1].lower in PREPOSITIONS)


def outer_subject(
    text: ArticleText, tokens: list[Token], pronoun: int, low: int, head: str
) -> tuple[NounPhrase, int] | None:
    """Subject of 'X said (that)' right before a pronoun, when it can be what the pronoun means."""
    index = pronoun - 1
    if index >= low and tokens[index].lower == "that":
        index -= 1
    if index < low or text.cue(tokens, index) not in ("say", "announce", "add", "warn", "claim", "insist"):
        return None
    found = subject_before(text, tokens, index, low)
    if found is None:
        return None
    kind = found[0].kind
    if (head == "it" and kind in ("org", "document")) or (head == "they" and kind in ("group", "org")):
        return found
    if head == "it" and kind == "name" and not found[0].title:
        # "Westline Rail said it would …": a name that is an "it" is an organisation.
        return found[0].but(kind=MentionKind.ORGANISATION), found[1]
    if head in ("he", "she") and kind in ("name", "role"):
        return found
    return None


def agent_after(text: ArticleText, tokens: list[Token], start: int, high: int) -> tuple[NounPhrase, int] | None:
    """The agent after 'signed by': a noun phrase or a list ('300 doctors, nurses and teachers')."""
    end = start
    while end < high and (tokens[end].is_word or tokens[end].text[0].isdigit() or tokens[end].text == ","):
        if tokens[end].text == "," and (
            end + 1 >= high or not tokens[end + 1].is_word or tokens[end + 1].lower in ("which", "who", "that")
        ):
            break
        if tokens[end].is_word and text.cue(tokens, end):
            break
        end += 1
    words = tokens[start:end]
    while words and words[-1].text == ",":
        words.pop()
    if not words:
        return None
    if not any(t.text == "," or t.lower == "and" for t in words):
        found = phrase_after(text, tokens, start, end)
        return (found[0], found[1]) if found is not None else None
    first = 0
    while first < len(words) and (
        words[first].lower in _QUANTITY_WORDS or words[first].text[0].isdigit() or words[first].lower == "of"
    ):
        first += 1
    kept = words[first:]
    if not kept or not all(t.is_word or t.text == "," for t in kept) or any(t.is_cap for t in kept[:1]):
        return None
    phrase = NounPhrase(
        MentionKind.GROUP,
        text.words(words),
        name=text.words(kept),
        head=bare(kept[-1].text),
        definite=False,
        start=words[0].start,
        end=words[-1].end,
    )
    return phrase, start + len(words) - 1


def after_dateline(tokens: list[Token], low: int, high: int) -> int:
    """Index after a dateline ('WASHINGTON —', 'LONDON, March 3 (Reuters) -'), else ``low``."""
    first = tokens[low] if low < high else None
    if first is None or not (first.text.isupper() and len(first.text) > 1 and first.is_word):
        return low
    for index in range(low + 1, min(high, low + 14)):
        if tokens[index].text in ("—", "–", "-", "--"):
            return index + 1
        if tokens[index].text == ":" and all(t.text.isupper() or t.text == "," for t in tokens[low:index]):
            return index + 1  # "CANBERRA:", "NEW DELHI:"
    return low


def outside_parentheses(tokens: list[Token], start: int, end: int) -> list[int]:
    """Indices in [start, end) not inside a parenthesis ('Sen. Jane Roe (D-Ore.), the sponsor')."""
    kept: list[int] = []
    depth = 0
    for index in range(start, end):
        text = tokens[index].text
        if text == "(":
            depth += 1
        elif text == ")":
            depth = max(0, depth - 1)
        elif not depth:
            kept.append(index)
    return kept


def verb_follows(tokens: list[Token], end: int, high: int) -> bool:
    """Whether the word after a subject looks like a finite verb ('Northjet cancelled', 'Acme has')."""
    if end + 1 >= high:
        return False
    word = tokens[end + 1].lower
    if not tokens[end + 1].is_word or tokens[end + 1].is_cap:
        return False
    # "Older adults who …": a word ending in -s that a relative pronoun follows is a plural noun, not a verb.
    relative = end + 2 < high and tokens[end + 2].lower in ("who", "whose", "whom", "which", "that")
    return (
        word in _AUX_VERBS
        or word in lx.CUE_FORMS
        or word.endswith("ed")
        or (word.endswith("s") and not word.endswith("ss") and len(word) > 3 and not relative)
    )


_AUX_VERBS = _words("would will should could can may might must is are was were has have had does did")


def reduced_relative(tokens: list[Token], cue: int, low: int) -> bool:
    """'an idea Ann Lee called "…"': a noun, then a named subject and the cue; the noun is the cue's object."""
    index = cue - 1
    while index >= low and tokens[index].is_cap and tokens[index].is_word:
        index -= 1
    if index == cue - 1 or index < low:
        return False
    noun = tokens[index]
    return (
        noun.is_word
        and noun.lower not in lx.STOP_WORDS
        and noun.lower not in PREPOSITIONS
        and noun.lower not in DETERMINERS
        and noun.lower not in CONNECTORS
        and not noun.lower.endswith(("ly", "ed"))
        and index - 1 >= low
        and tokens[index - 1].lower in ("a", "an", "the", "this", "that")
    )

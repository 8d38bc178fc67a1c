# ruff: noqa: RUF001  (quote marks and apostrophes are this module's subject)
"""Statements from quotes: speech cues, speaker noun phrases, coreference, merging, sources."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon as lx
from .entities import Entity, Registry, fold, organisation_mentions, party_name
from .names import (
    PREPOSITIONS,
    QUOTE_CHAR,
    NounPhrase,
    Token,
    bare,
    classify,
    classify_copy,
    is_name_token,
    is_possessive,
    is_title_word,
    noun_phrase_after,
    noun_phrase_before,
    tokenize,
)
from .quotes import RawQuote, scan_quotes_cached
from .sources import find_sources, pick_source, source_key
from .types import ExtractedSource, ExtractedStatement, ParsedArticle

_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_END = frozenset(".!?")
_CONNECTORS = frozenset({"while", "and", "but", "whereas", "although", "though", "yet", "or", "then"})


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_AUX_START = _words(
    "would will should could can may might must is are was were be been being has have had not "
    "to do does did and or but of for with"
)
_AUX_VERBS = _words("would will should could can may might must is are was were has have had does did")
_PASSIVE = frozenset({"is", "was", "are", "were", "be", "been", "being"})
# Unnamed spokespeople speak for their organisation.
_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokespersons", "representative"})
_DETERMINERS = frozenset(
    {"a", "an", "the", "his", "her", "their", "its", "this", "that", "these", "those", "our", "my", "your", "such"}
)
# Cues that must stand right next to the quote or its object to count ("called it '…'").
_NEEDS_OBJECT = frozenset({"call", "describe", "label", "brand", "characterise"})
# Longest quote that a gloss ('"X", a phrase coined by …') can mark as a label.
_LABEL_WORDS = 6
# A short quote from a modal to a bare 'to' is a text's wording ('"should seek to" cut'), not a remark.
_MODALS = _words("shall should will would may might must can could")
# 'calling it the "X"': the verb of giving a name.
_CALLING = _words("call calls called calling dub dubs dubbed dubbing")
# 'refer(red) to X as "Y"' names something rather than quoting it.
_REFERRING = _words("refer refers referred referring")
_REFLEXIVES = _words("itself themselves himself herself themself")
# Lemmas that never introduce a quote directly.
_NOT_ADJACENT = frozenset({"find", "believe", "think", "report", "begin"})
_OBJECT_PREPOSITIONS = frozenset(
    {"of", "to", "for", "by", "against", "on", "about", "from", "at", "than", "toward", "towards", "like"}
)
# Participles of writing a document ("a letter signed by …", "the statement, issued by …").
_AUTHORING = _words("signed written sent drafted organised organized penned issued released authored published backed")
# Verbs whose subject authors the document that follows ("200 doctors signed a letter").
_SENDING = _words(
    "signing signed sign sent sending send wrote writing write issued issuing issue released releasing "
    "published publishing penned drafted circulated circulating filed filing submitted submitting"
)
_DOCUMENT_MODIFIERS = _words("open joint brief short new formal public private")
_QUANTITY_WORDS = _words("more than fewer less nearly almost about around over some roughly at least dozens hundreds")
_MESSAGE_NOUNS = _words(
    "message verdict view warning word words assessment reaction response sentiment take plea advice answer "
    "reply assurance promise"
)
# Pronoun-like quantities that head a subject ("Half were asked …", "Most agreed"): never an organisation.
_PARTITIVES = lx.QUANTIFIERS | _words(
    "half none others each either neither everyone everybody nobody someone somebody anyone many more less"
)
_FRONTED = PREPOSITIONS | _words(
    "meanwhile however but and yet still separately later earlier speaking writing asked once "
    "when while as since although though instead also so then now today yesterday"
)


# Qualifiers of anonymous sources: "a person familiar with the matter", "sources close to the talks".
_SOURCE_MARKERS = frozenset(
    {
        ("familiar", "with"),
        ("close", "to"),
        ("briefed", "on"),
        ("briefed", "about"),
        ("with", "knowledge"),
        ("with", "direct"),
        ("knowledgeable", "about"),
        ("involved", "in"),
        ("aware", "of"),
        ("privy", "to"),
        ("informed", "about"),
        ("speaking", "on"),
    }
)


_OWN_DOCUMENT = frozenset({"a", "an", "its", "their", "his", "her"})
_WRITTEN_NOUNS = lx.DOCUMENT_NOUNS | frozenset({"comment", "comments", "reply", "response", "caption", "posts"})


def _source_head(token: Token) -> bool:
    """A noun that an anonymous-source qualifier may follow ('person', 'officials', 'sources')."""
    return token.is_word and bare(token.text) in _NOUN_WORDS


_NOUN_WORDS = lx.PERSON_NOUNS | lx.GROUP_NOUNS


@dataclass(slots=True)
class Attribution:
    """Who a quote is attributed to and how the attribution was found."""

    entity: Entity | None
    as_written: str
    cue: str
    lemma: str
    mode: str  # post, pre, embedded, tail, continuation
    cue_index: int = -1
    end_index: int = -1  # last token index of the attribution clause
    role: str = ""
    confidence: float = 0.8


@dataclass(slots=True)
class _Candidate:
    quote: RawQuote
    paragraph: int
    token_index: int
    parts: list[tuple[int, int]] = field(default_factory=list)
    attribution: Attribution | None = None
    kind: str = "direct"
    merged_into: _Candidate | None = None
    dropped: bool = False
    sentence_text: str = ""
    unattributed: bool = False
    named: bool = False  # a name or term inside the clause ('referred to it as "X"'): its cue stays free


@dataclass(slots=True)
class _ParagraphState:
    previous: _Candidate | None = None
    used_until: int = -1


# Every word _is_cue can accept; anything else is rejected without looking at its neighbours.
_CUE_CANDIDATES = frozenset(lx.CUE_FORMS) | {"according"}


def _is_cue(tokens: list[Token], index: int) -> str:
    """Lemma of the speech cue at tokens[index], or ''."""
    token = tokens[index]
    if not token.is_word or (token.is_cap and token.lower not in ("according",)):
        return ""
    low = token.lower
    if low == "according":
        if index + 1 < len(tokens) and tokens[index + 1].lower == "to":
            return "according"
        return ""
    lemma = lx.CUE_FORMS.get(low, "")
    if not lemma or low == "state":
        return ""
    if lemma == "call" and index + 1 < len(tokens) and tokens[index + 1].lower in ("on", "upon"):
        lemma = "urge"  # "called on the world to '…'" urges; it names nothing
    particle = lx.PHRASAL.get(lemma)
    if particle and (index + 1 >= len(tokens) or tokens[index + 1].lower != particle):
        return ""
    previous = tokens[index - 1].lower if index > 0 else ""
    if previous in _PASSIVE and (low.endswith("ed") or low in ("told", "said", "written")):
        return ""
    if previous in _DETERMINERS or (previous in ("of", "to") and not low.endswith("ing")):
        return ""
    if index + 1 < len(tokens) and tokens[index + 1].lower == "to" and lemma in ("say", "continue", "begin"):
        return ""
    return lemma


class _Extractor:
    def __init__(self, article: ParsedArticle) -> None:
        self.article = article
        self.body = article.body
        self.registry = Registry()
        self.candidates: list[_Candidate] = []
        self.warnings: list[str] = []
        quotes, _ = scan_quotes_cached(self.body, article.paragraphs)
        self.quotes = quotes
        chars = list(self.body)
        self.part_at: dict[int, tuple[RawQuote, int]] = {}
        for quote in quotes:
            if _is_nickname(self.body, quote):
                # 'Marcus "Ace" Brooks': a nickname inside a name is neither a quote nor a name break.
                start, end = quote.outer[0]
                chars[start:end] = " " * (end - start)
                continue
            for number, (start, end) in enumerate(quote.outer):
                chars[start:end] = QUOTE_CHAR * (end - start)
                self.part_at[start] = (quote, number)
        self.masked = "".join(chars)
        self.paragraph_starts = [start for start, _ in article.paragraphs]
        self.statement_texts: list[str] = []
        # Last speaker event per paragraph (statement or reported speech) for continuations.
        self.last_event: dict[int, Entity] = {}
        self.context: dict[int, ExtractedSource] = {}
        self.post_end = -1
        self.spokes_org: Entity | None = None
        self.cue_cache: dict[int, str] = {}
        # Sources a sentence mentions, by (offset, length): sentences are re-read with different cues.
        self.source_cache: dict[tuple[int, int], list[ExtractedSource]] = {}
        # Who wrote the letter/statement/petition last mentioned, by document noun.
        self.document_authors: dict[str, Entity] = {}
        self.last_document: tuple[int, Entity] | None = None
        self.sentence_documents: dict[int, Entity] = {}
        # Speaker named by a paragraph's opening sentence without quotes: (entity, first mention, terse).
        self.opening: dict[int, tuple[Entity, bool, bool]] = {}
        # Person the last quote-less sentence of a paragraph is about.
        self.narrative: dict[int, Entity] = {}
        # Number of entities known when the current paragraph started (Registry.known_before).
        self.known_count = 0
        self.registry.mentions = organisation_mentions(self.body)

    def classify(self, tokens: list[Token]) -> NounPhrase | None:
        """names.classify (memoised there); callers get a copy they may change."""
        return classify_copy(self.body, tokens)

    def cue(self, tokens: list[Token], index: int) -> str:
        """_is_cue, memoised by body offset (the same tokens are asked about many times)."""
        token = tokens[index]
        if token.lower not in _CUE_CANDIDATES:
            return ""  # fast path: most words are no reporting-verb form at all
        key = token.start
        lemma = self.cue_cache.get(key)
        if lemma is None:
            lemma = self.cue_cache[key] = _is_cue(tokens, index)
        return lemma

    # -- helpers -----------------------------------------------------------------------------------

    def quote_of(self, token: Token) -> tuple[RawQuote, int]:
        return self.part_at[token.start]

    def quote_content(self, token: Token) -> str:
        quote, number = self.quote_of(token)
        start, end = quote.parts[number]
        return self.body[start:end]

    def content_at(self, position: int) -> str:
        for start, (quote, number) in self.part_at.items():
            if start <= position < quote.outer[number][1]:
                c_start, c_end = quote.parts[number]
                return self.body[c_start:c_end]
        return ""

    def paragraph_at(self, position: int) -> int:
        """Index of the paragraph holding body offset ``position``."""
        index = bisect.bisect_right(self.paragraph_starts, position) - 1
        return max(0, index)

    def _text(self, tokens: list[Token]) -> str:
        return " ".join(self.body[tokens[0].start : tokens[-1].end].split()) if tokens else ""

    # -- sentences ---------------------------------------------------------------------------------

    def sentences(self, tokens: list[Token]) -> list[tuple[int, int]]:
        bounds: list[tuple[int, int]] = []
        start = 0
        for index, token in enumerate(tokens):
            nxt = tokens[index + 1] if index + 1 < len(tokens) else None
            if nxt is None:
                break
            end_here = False
            if token.text[0] in _SENTENCE_END:
                end_here = nxt.is_cap or nxt.is_quote or nxt.text[0].isdigit() or nxt.text in ("(", "[")
            elif token.is_quote and self.quote_content(token)[-1:] in _SENTENCE_END:
                if nxt.is_quote:
                    end_here = True
                elif nxt.is_cap:
                    post = self.post_attribution(tokens, index, len(tokens))
                    end_here = post is None or not self._terminal_tail(tokens, post[2], len(tokens))
            if end_here:
                bounds.append((start, index + 1))
                start = index + 1
        if start < len(tokens):
            bounds.append((start, len(tokens)))
        return bounds

    # -- noun phrases ------------------------------------------------------------------------------

    def subject_before(self, tokens: list[Token], cue: int, low: int) -> tuple[NounPhrase, int] | None:
        """Speaker phrase ending just before the cue (adverbs, an appositive, a parenthesis skipped)."""
        index = cue - 1
        skipped = 0
        while (
            index >= low
            and skipped < 3
            and tokens[index].is_word
            and not tokens[index].is_cap
            and (
                tokens[index].lower in lx.ADVERBS_BETWEEN
                or (
                    tokens[index].lower.endswith("ly")
                    and len(tokens[index].lower) > 4
                    and tokens[index].lower not in ("ally", "family", "italy", "july", "assembly")
                )
            )
        ):
            index -= 1
            skipped += 1
        if index >= low and tokens[index].text == ")":
            opening = index - 1
            while opening >= low and tokens[opening].text != "(" and index - opening < 10:
                opening -= 1
            if opening < low or tokens[opening].text != "(":
                return None
            index = opening - 1
        if index - 1 > low and tokens[index].lower in ("who", "which", "that") and tokens[index - 1].text == ",":
            # "Gov. Tina Kotek, who wrote on Twitter: …"
            index -= 2
        # Appositives between the subject and the cue, nearest first:
        # "Jo Smith, 52, a swimmer from Leeds, said", "The firm's chief executive, Ann Lee, said".
        appositives: list[list[Token]] = []
        adjunct = False
        while index >= low and tokens[index].text == "," and len(appositives) < 3:
            other = index - 1
            while (
                other >= low
                and tokens[other].text not in (",", ";", "(", ")")
                and not tokens[other].is_quote
                and tokens[other].text[0] not in _SENTENCE_END
                and index - other <= 22
            ):
                other -= 1
            segment = tokens[other + 1 : index]
            if not segment:
                if other >= low and tokens[other].text == ")":
                    break
                return None
            if other < low or tokens[other].text != ",":
                break
            if (
                segment[0].lower in ("from", "by")
                and len(segment) > 1
                and other - 1 >= low
                and bare(tokens[other - 1].text) in _WRITTEN_NOUNS
            ):
                # "The latest comment, from an Acme engineer, reads": the writer speaks.
                found = self.phrase_after(tokens, other + 2, index)
                if found is not None and found[1] == index - 1 and found[0].kind in ("name", "role", "group", "org"):
                    return found[0], other + 2
            if not adjunct and _adjunct(segment) and not any(self.cue(tokens, i) for i in range(other + 1, index)):
                # "Jo Lee, in a letter to members, wrote": an adverbial, no appositive.
                adjunct = True
                index = other
                continue
            if not self._appositive_ok(segment):
                if not appositives:
                    return None
                break
            appositives.append(segment)
            index = other
        if index >= low and tokens[index].text == ",":
            index -= 1
        if index >= low and tokens[index].text == ")":
            # "Sen. Jane Roe (D-Mass.), the bill's sponsor, said"
            opening = index - 1
            while opening >= low and tokens[opening].text != "(" and index - opening < 10:
                opening -= 1
            if opening < low or tokens[opening].text != "(":
                return None
            index = opening - 1
        if index < low:
            return None
        sourced = self.sourced_phrase(tokens, index, low) or self.relative_subject(tokens, index, low)
        if sourced is not None:
            return sourced
        phrase_tokens = noun_phrase_before(self.body, tokens, index, low)
        if phrase_tokens:
            first = tokens.index(phrase_tokens[0], low)
            if (
                first - 2 >= low
                and tokens[first - 1].lower in ("on", "in")
                and bare(tokens[first - 2].text) in _WRITTEN_NOUNS
                and not tokens[first - 2].is_cap
            ):
                # "Lee's May post on Bluesky … read": the post, not the platform, is the subject.
                phrase_tokens = noun_phrase_before(self.body, tokens, first - 2, low) or phrase_tokens
        if not phrase_tokens:
            origin = self.person_from(tokens, index, low)
            if origin is not None:
                phrase_tokens = origin
        phrase = self.classify(phrase_tokens) if phrase_tokens else None
        if phrase is None and phrase_tokens and phrase_tokens[0].lower in ("a", "an", "one"):
            phrase = self.classify(phrase_tokens[:2])
            if phrase is not None and phrase.kind == "role":
                # "A trader from a large fishing port": the role with where it is from.
                phrase.name = self._text(phrase_tokens[1:])
                phrase.text = self._text(phrase_tokens)
                phrase.start, phrase.end = phrase_tokens[0].start, phrase_tokens[-1].end
            else:
                phrase = None
        located = self.people_at(tokens, phrase_tokens, phrase, low)
        if located is not None:
            phrase_tokens, phrase = located
        spokes = self.spokesperson_for(tokens, phrase_tokens, low)
        if spokes is not None:
            phrase, start = spokes
            if appositives:
                described = [a for a in appositives if not a[0].text[0].isdigit()]
                phrase.appositive = self._text(described[-1] if described else appositives[-1])
                phrase.text = " ".join(self.body[tokens[start].start : appositives[0][-1].end].split())
            return phrase, start
        if appositives and phrase_tokens:
            first = tokens.index(phrase_tokens[0], low)
            if first > low and tokens[first - 1].lower in PREPOSITIONS | {"of"}:
                # "In an article in Bloomberg, James Smith, a former admiral, said": the object of a
                # fronted phrase is no subject; the leftmost appositive is.
                phrase_tokens = appositives.pop()
                phrase = self.classify(phrase_tokens)
        if appositives and (phrase is None or phrase.kind == "role" or _common_phrase(phrase, phrase_tokens)):
            # "The health secretary, Steve Barclay, said": the appositive is the name.
            for position in range(len(appositives) - 1, -1, -1):
                segment = appositives[position]
                named = self.classify(segment)
                if named is None or named.kind != "name" or segment[0].lower in ("who", "which", "whose"):
                    continue
                title_tokens = phrase_tokens
                if not title_tokens and position + 1 < len(appositives):
                    left = self.classify(appositives[position + 1])
                    if left is not None and left.kind == "role":
                        title_tokens = appositives[position + 1]
                if title_tokens:
                    named.title = " ".join(filter(None, [self._text(title_tokens), named.title]))
                    named.text = self._text([*title_tokens, *segment])
                    if title_tokens is phrase_tokens:
                        named.text = " ".join(self.body[title_tokens[0].start : segment[-1].end].split())
                    start = tokens.index(title_tokens[0], low)
                else:
                    start = tokens.index(segment[0], low)
                rest = [a for a in appositives[:position] if not a[0].text[0].isdigit()]
                if rest and not named.appositive:
                    named.appositive = self._text(rest[-1])
                return named, start
        if phrase is None:
            return None
        if appositives:
            if phrase.kind == "pronoun":
                return None
            described = [a for a in appositives if not a[0].text[0].isdigit()]
            phrase.appositive = self._text(described[-1] if described else appositives[-1])
            phrase.text = " ".join(self.body[phrase_tokens[0].start : appositives[0][-1].end].split())
        start = tokens.index(phrase_tokens[0], low)
        return phrase, start

    def note_document(self, sentence_text: str, lemma: str, offset: int, entity: Entity) -> None:
        """'X said in an open letter …': a later "the letter said" is X's."""
        source = self.source_in(sentence_text, lemma, offset)
        if source is None or source.kind not in ("letter", "official_statement"):
            return
        noun = "letter" if source.kind == "letter" else bare(source.title.split()[-1]) if source.title else "statement"
        self.document_authors[noun] = entity

    def find_authors(self, tokens: list[Token], low: int, high: int, sentence_text: str) -> None:
        """'X signed a letter …', 'a letter signed by X': X is the author whenever the letter speaks."""
        self.sentence_documents = {}
        for index in range(low, high):
            token = tokens[index]
            head = bare(token.text)
            if token.is_cap or head not in lx.DOCUMENT_NOUNS:
                continue
            found: tuple[NounPhrase, int] | None = None
            by = _document_by(tokens, index, high)
            if index + 2 < high and tokens[index + 1].lower in _AUTHORING and tokens[index + 2].lower == "by":
                found = self.agent_after(tokens, index + 3, high)
            elif by > 0:
                # "a report by the Rivers Trust", "The report, Water Quality 2024, by the trust": its author.
                found = self.phrase_after(tokens, by + 1, high)
            else:
                verb = index - 1
                while verb > low and (tokens[verb].lower in _DETERMINERS or tokens[verb].lower in _DOCUMENT_MODIFIERS):
                    verb -= 1
                if verb < index - 1 and verb >= low and tokens[verb].lower in _SENDING:
                    found = self.subject_before(tokens, verb, low)
            determiner = index - 1
            while (
                determiner > index - 3 and tokens[determiner].is_word and tokens[determiner].lower not in _OWN_DOCUMENT
            ):
                determiner -= 1
            if (
                found is None
                and determiner - 1 > low
                and tokens[determiner].lower in _OWN_DOCUMENT
                and tokens[determiner - 1].lower == "in"
                and all(not t.is_cap and t.is_word for t in tokens[determiner:index])
            ):
                # "The agency backed the plan in a short memo, which called …".
                subject = self.main_subject(tokens, low, determiner - 1)
                found = subject if subject is not None and subject[0].kind in ("name", "org") else None
            if found is None or found[0].kind not in ("name", "org", "group", "role"):
                continue
            entity = self.registry.resolve(found[0])
            if entity is None:
                continue
            self.document_authors[head] = entity
            self.sentence_documents[index] = entity
            source = self.source_in(sentence_text, "", tokens[low].start)
            if source is not None:
                self.context[id(entity)] = source

    def agent_after(self, tokens: list[Token], start: int, high: int) -> tuple[NounPhrase, int] | None:
        """The agent after 'signed by': a noun phrase or a list ('300 doctors, nurses and teachers')."""
        end = start
        while end < high and (tokens[end].is_word or tokens[end].text[0].isdigit() or tokens[end].text == ","):
            if tokens[end].text == "," and (
                end + 1 >= high or not tokens[end + 1].is_word or tokens[end + 1].lower in ("which", "who", "that")
            ):
                break
            if tokens[end].is_word and self.cue(tokens, end):
                break
            end += 1
        words = tokens[start:end]
        while words and words[-1].text == ",":
            words.pop()
        if not words:
            return None
        if not any(t.text == "," or t.lower == "and" for t in words):
            found = self.phrase_after(tokens, start, end)
            return (found[0], found[1]) if found is not None else None
        first = 0
        while first < len(words) and (
            words[first].lower in _QUANTITY_WORDS or words[first].text[0].isdigit() or words[first].lower == "of"
        ):
            first += 1
        kept = words[first:]
        if not kept or not all(t.is_word or t.text == "," for t in kept) or any(t.is_cap for t in kept[:1]):
            return None
        text = self._text(words)
        phrase = NounPhrase("group", text, name=self._text(kept), head=bare(kept[-1].text), definite=False)
        phrase.start, phrase.end = words[0].start, words[-1].end
        return phrase, start + len(words) - 1

    def sourced_phrase(self, tokens: list[Token], end: int, low: int) -> tuple[NounPhrase, int] | None:
        """An anonymous source with its qualifier: 'a person briefed on the plan', 'sources close to X'."""
        for marker in range(end - 1, max(low, end - 12), -1):
            token = tokens[marker]
            if not token.is_word or self.cue(tokens, marker):
                return None
            if (token.lower, tokens[marker + 1].lower) not in _SOURCE_MARKERS:
                continue
            head = marker - 1
            if not _source_head(tokens[head]):
                return None
            return self._sourced(tokens, head, end, low)
        return None

    def relative_subject(self, tokens: list[Token], end: int, low: int) -> tuple[NounPhrase, int] | None:
        """'The 40 farmers who signed the petition said': the subject before a restrictive 'who' clause."""
        for who in range(end - 1, max(low, end - 10), -1):
            token = tokens[who]
            if not (token.is_word or token.text[0].isdigit()) or self.cue(tokens, who):
                return None
            if token.lower != "who":
                continue
            if who - 1 < low or not _source_head(tokens[who - 1]):
                return None
            people = noun_phrase_before(self.body, tokens, who - 1, low)
            phrase = self.classify(people) if people else None
            if phrase is None or phrase.kind not in ("role", "group"):
                return None
            return phrase, tokens.index(people[0], low)
        return None

    def _sourced(self, tokens: list[Token], head: int, end: int, low: int) -> tuple[NounPhrase, int] | None:
        people = noun_phrase_before(self.body, tokens, head, low)
        if not people or people[-1] is not tokens[head]:
            return None
        base = self.classify(people)
        word = bare(tokens[head].text)
        if (base is None or base.kind not in ("role", "group")) and len(people) == 1 and tokens[head].is_cap:
            # "Sources close to the club said": a common noun capitalised at the start of a sentence.
            kind = "group" if word in lx.GROUP_NOUNS else "role"
            base = NounPhrase(kind, people[0].text, name=word, head=word, definite=False)
        if base is None or base.kind not in ("role", "group"):
            return None
        first = tokens.index(people[0], low)
        named = first
        while named < head and tokens[named].lower in lx.QUANTIFIERS:
            named += 1
        name = self._text(tokens[named : end + 1])
        if tokens[named].is_cap and bare(tokens[named].text) in _NOUN_WORDS:
            name = name[:1].lower() + name[1:]
        phrase = NounPhrase(
            base.kind,
            self._text(tokens[first : end + 1]),
            name=name,
            head=base.head,
            definite=base.definite,
            start=tokens[first].start,
            end=tokens[end].end,
        )
        return phrase, first

    def person_from(self, tokens: list[Token], index: int, low: int) -> list[Token] | None:
        """'A trader from a large fishing port': tokens of a person described by origin."""
        at = index
        while at > low and index - at < 6 and tokens[at].is_word and not tokens[at].is_cap:
            if tokens[at].lower in ("from", "at") and at < index:
                break
            at -= 1
        if tokens[at].lower not in ("from", "at") or tokens[at + 1].lower not in ("a", "an"):
            return None
        head = at - 1
        if (
            head - 1 < low
            or bare(tokens[head].text) not in lx.PERSON_NOUNS
            or tokens[head - 1].lower not in ("a", "an")
        ):
            return None
        return tokens[head - 1 : index + 1]

    def people_at(
        self, tokens: list[Token], phrase_tokens: list[Token], phrase: NounPhrase | None, low: int
    ) -> tuple[list[Token], NounPhrase] | None:
        """'Forecasters at the Brightwater Centre said', 'an analyst at a bank said': people, not the place."""
        if not phrase_tokens or phrase is None or phrase.kind not in ("org", "name"):
            return None
        first = tokens.index(phrase_tokens[0], low)
        if first - 2 < low or tokens[first - 1].lower not in ("at", "from", "with"):
            return None
        head = tokens[first - 2]
        word = bare(head.text)
        plural = word.endswith("s") and (
            word in lx.GROUP_NOUNS or word[:-1] in lx.PERSON_NOUNS or word.endswith(("ers", "ists", "ians"))
        )
        if not head.is_word or word in _SPOKES or not (plural or word in lx.PERSON_NOUNS):
            return None
        people = noun_phrase_before(self.body, tokens, first - 2, low)
        if not people or people[-1] is not head:
            return None
        start = tokens.index(people[0], low)
        while start < first - 2 and tokens[start].lower in lx.QUANTIFIERS:
            start += 1
        if (
            not plural
            and start == first - 2
            and not (first - 3 >= low and tokens[first - 3].lower in ("a", "an", "one"))
        ):
            return None  # "the analyst at X" is someone already introduced
        all_tokens = tokens[tokens.index(people[0], low) : tokens.index(phrase_tokens[-1], low) + 1]
        name = self._text(tokens[start : tokens.index(phrase_tokens[-1], low) + 1])
        kind = "group" if plural else "role"
        found = NounPhrase(kind, self._text(all_tokens), name=name, head=word, definite=False)
        found.start, found.end = all_tokens[0].start, all_tokens[-1].end
        return all_tokens, found

    def spokesperson_for(
        self, tokens: list[Token], phrase_tokens: list[Token], low: int
    ) -> tuple[NounPhrase, int] | None:
        """'A spokesperson for Acme' speaks for Acme: (organisation phrase, index of the phrase's first token)."""
        if not phrase_tokens:
            return None
        first = tokens.index(phrase_tokens[0], low)
        if first - 2 < low or tokens[first - 1].lower not in ("for", "at", "of", "from"):
            return None
        head = first - 2
        if bare(tokens[head].text) not in _SPOKES:
            return None
        phrase = self.classify(phrase_tokens)
        if phrase is None or phrase.kind not in ("name", "org"):
            return None
        phrase.kind = "org"
        start = head
        while start - 1 >= low and start > head - 3 and tokens[start - 1].is_word:
            previous = tokens[start - 1]
            if previous.lower not in ("a", "an", "the") and (previous.is_cap or previous.lower in lx.STOP_WORDS):
                break
            start -= 1
            if previous.lower in ("a", "an", "the"):
                break
        phrase.text = " ".join(self.body[tokens[start].start : phrase_tokens[-1].end].split())
        phrase.spokes = True
        return phrase, start

    def _appositive_ok(self, tokens: list[Token]) -> bool:
        first = tokens[0]
        if any(t.is_quote for t in tokens):
            return False
        if first.lower in ("a", "an", "the", "who", "which", "whose", "whom", "himself", "herself", "now"):
            return True
        if first.lower.endswith("ing") and first.lower in lx.CUE_FORMS | {"speaking": "", "writing": ""}:
            return True
        if first.lower in _AUTHORING and len(tokens) > 2 and tokens[1].lower == "by":
            return True  # "The letter, organised by the committee chair, Ann Lee, says"
        if (
            first.lower in ("one", "both", "each", "part", "among")
            and len(tokens) > 1
            and tokens[1].lower in ("of", "the")
        ):
            return True  # "Acme, one of the largest customers, said"
        if first.lower in ("of", "from", "at") and len(tokens) > 1 and tokens[1].is_cap:
            return True  # "Sarah Lund, of West Yorkshire Police, said"
        if first.text[0].isdigit():
            return len(tokens) <= 3
        if first.is_cap or (first.is_word and (first.lower in lx.DESCRIPTOR_WORDS or _is_role_word(first.lower))):
            # "NATO's former Supreme Allied Commander Europe", "former prime minister".
            return not any(self.cue(tokens, i) for i in range(len(tokens)))
        return False

    def phrase_after(self, tokens: list[Token], start: int, high: int) -> tuple[NounPhrase, int] | None:
        phrase_tokens = noun_phrase_after(tokens, start, high)
        if not phrase_tokens:
            return None
        phrase = self.classify(phrase_tokens)
        if phrase is None:
            return None
        end = start + len(phrase_tokens) - 1
        if (
            phrase.kind == "document"
            and end + 2 < high
            and tokens[end + 1].lower in ("from", "by", "of")
            and not tokens[end + 2].is_quote
        ):
            # "according to a statement from the ministry": the ministry speaks.
            owner = self.phrase_after(tokens, end + 2, high)
            if owner is not None and owner[0].kind in ("name", "org", "group", "role"):
                owner_phrase, owner_end = owner
                owner_phrase.text = self._text(tokens[start : owner_end + 1])
                return owner_phrase, owner_end
        if (
            phrase.kind in ("role", "group")
            and end + 2 < high
            and (tokens[end + 1].lower, tokens[end + 2].lower) in _SOURCE_MARKERS
            and _source_head(tokens[end])
        ):
            # "said a person familiar with the matter": the qualifier runs to the end of the clause.
            last = end + 2
            while last + 1 < high and tokens[last + 1].is_word and not self.cue(tokens, last + 1) and last - end < 12:
                last += 1
            sourced = self._sourced(tokens, end, last, start)
            if sourced is not None:
                return sourced[0], last
        # "said John Smith, the company's chief executive."
        if end + 2 < high and tokens[end + 1].text == ",":
            other = end + 2
            while (
                other < high
                and tokens[other].text not in (",", ";", "—", "–")
                and not tokens[other].is_quote
                and tokens[other].text[0] not in _SENTENCE_END
                and other - end < 20
            ):
                other += 1
            appositive = tokens[end + 2 : other]
            if (
                appositive
                and not (other < len(tokens) and tokens[other].is_quote)
                and phrase.kind in ("name", "org")
                and self._appositive_ok(appositive)
                and appositive[0].lower not in ("who", "which")
            ):
                phrase.appositive = self._text(appositive)
                phrase.text = self._text(tokens[start:other])
                end = other - 1
        return phrase, end

    # -- attribution patterns ----------------------------------------------------------------------

    def post_attribution(self, tokens: list[Token], qi: int, high: int) -> tuple[NounPhrase, int, int] | None:
        """'"…," said X' or '"…," X said' right after the quote: (phrase, cue index, end index)."""
        j = qi + 1
        if j < high and tokens[j].text in (",", "—", "–", "-", "--"):
            j += 1
        if j >= high:
            return None
        lemma = self.cue(tokens, j)
        if lemma and lemma not in _NOT_ADJACENT and lemma not in _NEEDS_OBJECT:
            start = j + 2 if lemma == "according" else j + 1
            found = self.phrase_after(tokens, start, high)
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
            if token.is_quote or token.text[0] in _SENTENCE_END or token.text == ";":
                break
            lemma = self.cue(tokens, k)
            if not lemma:
                continue
            if lemma in _NOT_ADJACENT or lemma in _NEEDS_OBJECT or lemma == "according":
                return None
            found_subject = self.subject_before(tokens, k, j)
            if found_subject is None or not self._premodified(tokens, j, found_subject[1]):
                return None
            end = k + (1 if lemma in lx.PHRASAL else 0)
            return found_subject[0], k, end
        return None

    def _premodified(self, tokens: list[Token], start: int, subject: int) -> bool:
        """The subject starts at ``start`` or after a few modifiers ('EU tech commissioner X')."""
        modifiers = tokens[start:subject]
        return len(modifiers) <= 3 and all(
            t.is_word and t.lower not in PREPOSITIONS and t.lower not in _CONNECTORS and not self.cue(tokens, start + i)
            for i, t in enumerate(modifiers)
        )

    def main_subject(self, tokens: list[Token], low: int, before: int) -> tuple[NounPhrase, int] | None:
        """Subject of the sentence starting at ``low`` (after a fronted adverbial)."""
        start = _after_dateline(tokens, low, before)
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
        found = self.phrase_after(tokens, start, before)
        if found is None:
            return None
        phrase, end = found
        if phrase.kind not in ("name", "pronoun", "group", "org", "role"):
            return None
        return phrase, end

    # -- main loop ---------------------------------------------------------------------------------

    def run(self) -> list[ExtractedStatement]:
        for p_index, (p_start, p_end) in enumerate(self.article.paragraphs):
            tokens = tokenize(self.masked, p_start, p_end)
            if not tokens:
                continue
            state = _ParagraphState()
            for low, high in self.sentences(tokens):
                self.sentence(p_index, tokens, low, high, state)
        self.look_ahead()
        self.finish_members()
        return self.build()

    def register_mentions(self, tokens: list[Token], low: int, high: int, *, subject: bool) -> Entity | None:
        """Names outside quotes keep coreference fresh: sentence subjects, known and titled people."""
        entity: Entity | None = None
        if subject:
            found = self.main_subject(tokens, low, high)
            if (
                found is not None
                and found[0].kind in ("name", "group", "org")
                and (
                    found[0].kind != "name"
                    or len(found[0].name.split()) >= 2
                    or found[0].title
                    or found[0].appositive[:1].isalpha()
                )
            ):
                entity = self.registry.resolve(found[0])
            elif (
                found is not None
                and found[0].kind == "name"
                and (known := self.registry.name(found[0], create=False)) is not None
                and known.kind == "person"
            ):
                # "Whitlock, who saved a penalty from Ferri, was named man of the match": a person already
                # introduced stays the subject, whatever names the appositive or relative clause adds.
                entity = known
            elif (
                found is not None
                and found[0].kind == "name"
                and found[0].name[:1].isupper()
                and _verb_follows(tokens, found[1], high)
                and not found[0].name.lower().endswith(("ness", "ment", "tion", "sion", "ity", "ism", "ing"))
                and found[0].name.lower() not in _PARTITIVES
            ):
                # A one-word subject nobody introduced ("Northjet cancelled …") is most likely a company;
                # "The Ortizes" after "Lena Ortiz" is a family.
                entity = self.registry.name(found[0], create=False)
                if entity is None and not self._family_plural(found[0].name):
                    found[0].kind = "org"
                    entity = self.registry.resolve(found[0])
        index = low
        while index < high:
            token = tokens[index]
            if not (token.is_cap and is_name_token(token)):
                index += 1
                continue
            end = index
            while end + 1 < high and (
                is_name_token(tokens[end + 1])
                or (tokens[end + 1].lower == "of" and end + 2 < high and tokens[end + 2].is_cap)
            ):
                end += 1
            if end == index and not self.registry.knows_word(token.text):
                # A lone capitalised word nobody has been called: not worth classifying.
                index = end + 1
                continue
            phrase = self.classify(tokens[index : end + 1])
            if (
                phrase is not None
                and phrase.kind == "name"
                and index > low
                and not tokens[index - 1].is_cap
                and (
                    (bare(tokens[index - 1].text) in lx.ORG_NOUNS and not _is_role_word(tokens[index - 1].text))
                    or (tokens[index - 1].lower == "the" and len(phrase.name.split()) >= 2)
                )
                and not phrase.title
            ):
                # "the consulting firm Arbor Data Works" is an organisation, never a 'she'.
                phrase.kind = "org"
            governed = index > low and (
                tokens[index - 1].lower in _OBJECT_PREPOSITIONS | {"in", "into", "near", "across", "outside"}
                or (
                    index - 1 > low
                    and tokens[index - 1].lower in _DETERMINERS
                    and tokens[index - 2].lower in _OBJECT_PREPOSITIONS | PREPOSITIONS
                )
            )
            if phrase is not None and phrase.kind == "name":
                known = self.registry.name(phrase, create=False, touch=not governed)
                titled = bool(phrase.title) and any(is_title_word(w) for w in phrase.title.split())
                if known is None and (titled or len(phrase.name.split()) >= 2):
                    self.registry.name(phrase, touch=not governed)
            elif phrase is not None and phrase.kind == "org" and phrase.name[:1].isupper():
                # "funded by the Nordic Brain Foundation": later "the foundation" is this one.
                known = self.registry.name(phrase, create=False, touch=not governed)
                if known is None and len(phrase.name.split()) >= 2:
                    self.registry.name(phrase, touch=not governed)
            index = end + 1
        if entity is not None and entity.kind == "person":
            # The subject stays the likeliest antecedent of a later 'he'/'she' ("Lopez embraced Brooks").
            self.registry.touch(entity)
        return entity

    def sentence(self, p_index: int, tokens: list[Token], low: int, high: int, state: _ParagraphState) -> None:
        sentence_text = self.masked[tokens[low].start : tokens[high - 1].end]
        if low == 0:
            self.known_count = len(self.registry.entities)
        cues = [i for i in range(low, high) if tokens[i].lower in _CUE_CANDIDATES and self.cue(tokens, i)]
        quote_indices = [i for i in range(low, high) if tokens[i].is_quote]
        first_quote = quote_indices[0] if quote_indices else high
        # Names before the first quote are seen before the quote's speaker is resolved, except those
        # after a pronoun subject's cue: in 'He added that benching Price …' Price is not who 'he' is.
        split = first_quote
        pronoun_cue = next((c for c in cues if c < first_quote), -1)
        if pronoun_cue > low and tokens[pronoun_cue - 1].lower in lx.SUBJECT_PRONOUNS:
            split = pronoun_cue
        subject = self.register_mentions(tokens, low, split, subject=True)
        self.find_authors(tokens, low, high, sentence_text)
        if subject is not None and not quote_indices:
            # "A group of doctors sent a letter …": later quotes of theirs come from that letter.
            source = self.source_in(sentence_text, "", tokens[low].start)
            if source is not None:
                self.context[id(subject)] = source
        used_until = low - 1
        self.post_end = low - 1
        known = len(self.candidates)
        known_count = self.known_count
        for qi in quote_indices:
            quote, number = self.quote_of(tokens[qi])
            if number > 0:
                self.continue_quote(quote, number, tokens, qi, high, p_index)
                state.previous = None
                used_until = qi
                continue
            candidate = _Candidate(quote, p_index, qi, parts=list(quote.parts[:1]), sentence_text=sentence_text)
            if state.previous is not None and self.try_merge(state, candidate, tokens, qi, low, high):
                used_until = qi
                continue
            self.attribute_quote(candidate, tokens, qi, low, high, cues, used_until)
            if self.same_cue(candidate, self.candidates[known:], tokens, qi):
                used_until = qi
                continue
            if candidate.attribution is not None and candidate.attribution.entity is not None:
                self.note_document(
                    sentence_text, candidate.attribution.lemma, tokens[low].start, candidate.attribution.entity
                )
            if len(quote.parts) > 1 and candidate.attribution is None:
                candidate.dropped = False  # decided when its last paragraph is read
            self.candidates.append(candidate)
            if candidate.attribution is not None and not candidate.dropped:
                self.statement_texts.append(_word_key(self.quote_content(tokens[qi])))
            used_until = qi
            if candidate.attribution is not None and candidate.attribution.mode == "post":
                used_until = max(used_until, candidate.attribution.end_index)
                self.post_end = used_until
            elif candidate.dropped and not candidate.named:
                self.post_end = max(self.post_end, qi)
            state.previous = candidate
            state.used_until = used_until
        self.register_mentions(tokens, split, high, subject=False)
        spoken = [c.attribution.entity for c in self.candidates[known:] if c.attribution and c.attribution.entity]
        if spoken:
            # Whoever spoke stays likelier to be the next 'he'/'she' than a name they mentioned.
            self.registry.touch(spoken[-1])
        # Reported speech without quote marks still sets who is talking and where.
        for cue in cues:
            if cue <= used_until:
                continue
            lemma = self.cue(tokens, cue)
            if (
                lemma in _NOT_ADJACENT
                or lemma in _NEEDS_OBJECT
                or lemma == "according"
                or tokens[cue].lower.endswith("ing")
            ):
                continue
            found = self.subject_before(tokens, cue, low)
            inverted = found is None and all(not t.is_word or t.lower == "so" for t in tokens[low:cue])
            if inverted:
                # "So says Ann Lee, a farmer." / "Said Ann Lee: …"
                after = self.phrase_after(tokens, cue + 1, high)
                found = (after[0], cue + 1) if after is not None else None
            if found is not None and found[0].kind == "document":
                # "The report recommends …": a later "It warns that '…'" is still the report talking.
                author = (
                    self._document_owner(found[0])
                    or self.document_authors.get(found[0].head)
                    or self._document_author(found[0].head)
                )
                if author is not None:
                    self.last_document = (p_index, author)
                continue
            if found is None or found[0].kind not in ("name", "pronoun", "group", "role", "org"):
                continue
            entity = self.spokes_entity(found[0])
            if entity is not None and found[0].spokes and entity.kind == "organization":
                self.spokes_org = entity  # "An Acme spokesperson confirmed …": later "the spokesperson"
            else:
                entity = self.registry.resolve(found[0])
            if entity is None:
                continue
            if found[0].kind == "name" and entity.kind == "person" and not entity.gender and not entity.role_texts:
                self._maybe_organisation(entity, tokens, cue)
            if low == 0 and not quote_indices and p_index not in self.opening:
                terse = inverted or (cue + 2 >= high) or tokens[cue + 1].text in (".", ",")
                self.opening[p_index] = (entity, not self.registry.known_before(entity, known_count), terse)
            self.last_event[p_index] = entity
            source = self.source_in(sentence_text, lemma, tokens[low].start)
            if source is not None:
                self.context[id(entity)] = source
                self.note_document(sentence_text, lemma, tokens[low].start, entity)
        if not quote_indices:
            self.note_narrative(tokens, low, high, p_index, subject)
            self.note_document_subject(tokens, low, high, p_index)
        if quote_indices:
            state.used_until = max(state.used_until, used_until)
        elif low == 0 and p_index not in self.opening:
            named = self.message_from(tokens, low, high)
            if named is not None:
                self.opening[p_index] = (named, not self.registry.known_before(named, known_count), True)
            elif (
                subject is not None
                and subject.kind == "person"
                and not self.registry.known_before(subject, known_count)
            ):
                self.opening[p_index] = (subject, True, False)

    def _family_plural(self, name: str) -> bool:
        """'The Smiths', 'the Ortizes': the plural of a known person's surname."""
        if not name.endswith("s"):
            return False
        stems = {fold(name[:-1]), fold(name[:-2])} if name.endswith("es") else {fold(name[:-1])}
        return any(
            entity.kind == "person" and fold(entity.name).split()[-1:] and fold(entity.name).split()[-1] in stems
            for entity in self.registry.entities
        )

    def note_narrative(self, tokens: list[Token], low: int, high: int, p_index: int, subject: Entity | None) -> None:
        """The person a sentence without quotes is about ('She considers the question.'), for a quote after it."""
        entity = subject if subject is not None and subject.kind == "person" else None
        if entity is None:
            found = self.main_subject(tokens, low, high)
            if found is not None and found[0].kind == "pronoun" and found[0].head in ("he", "she"):
                entity = self.registry.recent("person", found[0].head)
        if entity is not None:
            self.narrative[p_index] = entity
        else:
            self.narrative.pop(p_index, None)

    def note_document_subject(self, tokens: list[Token], low: int, high: int, p_index: int) -> None:
        """'The report recommends …': a document as a sentence's subject is what a later 'it' means."""
        start = _after_dateline(tokens, low, high)
        if start + 2 >= high or tokens[start].lower not in _DETERMINERS:
            return
        head = bare(tokens[start + 1].text)
        if head not in lx.DOCUMENT_NOUNS or not tokens[start + 2].is_word or tokens[start + 2].is_cap:
            return
        author = self.document_authors.get(head) or self._document_author(head)
        if author is not None:
            self.last_document = (p_index, author)

    def message_from(self, tokens: list[Token], low: int, high: int) -> Entity | None:
        """'That was the message from Ann Lee, …': the speaker of the quote before."""
        for index in range(low + 1, min(high - 1, low + 12)):
            if tokens[index].lower == "from" and bare(tokens[index - 1].text) in _MESSAGE_NOUNS:
                found = self.phrase_after(tokens, index + 1, high)
                if found is not None and found[0].kind in ("name", "role", "org", "group"):
                    return self.registry.resolve(found[0])
        return None

    def look_ahead(self) -> None:
        """A quote-only paragraph whose speaker the next paragraph names ('"…" / That was the message from X.')."""
        for candidate in self.candidates:
            if candidate.merged_into is not None or len(candidate.quote.parts) > 1:
                continue
            attribution = candidate.attribution
            if attribution is not None and attribution.mode not in ("continuation", "narrative"):
                continue
            if attribution is None and not candidate.dropped:
                continue
            opening = self.opening.get(candidate.paragraph + 1)
            if opening is None or not self._quote_only_paragraph(candidate):
                continue
            entity, fresh, terse = opening
            if attribution is not None and attribution.mode == "narrative":
                if attribution.entity is entity or not (fresh or terse):
                    continue
            elif attribution is not None and (attribution.entity is entity or not (fresh and terse)):
                continue
            if attribution is None and candidate.unattributed is False and not terse and not fresh:
                continue
            entity.spoke = True
            candidate.attribution = Attribution(entity, "", "", "", "ahead", confidence=0.5)
            candidate.dropped = False
            candidate.unattributed = False
            candidate.kind = "direct"

    def _quote_only_paragraph(self, candidate: _Candidate) -> bool:
        start, end = self.article.paragraphs[candidate.paragraph]
        outer_start, outer_end = candidate.quote.outer[0]
        return not _WORD_RE.search(self.body[start:outer_start]) and not _WORD_RE.search(self.body[outer_end:end])

    def continue_quote(
        self, quote: RawQuote, number: int, tokens: list[Token], qi: int, high: int, p_index: int
    ) -> None:
        """A later paragraph of a multi-paragraph quote: only a closing attribution can be added."""
        owner = next((c for c in self.candidates if c.quote is quote), None)
        if owner is None:
            return
        while owner.merged_into is not None:
            owner = owner.merged_into
        if quote.parts[number] not in owner.parts:
            owner.parts.append(quote.parts[number])
        if owner.attribution is None or owner.attribution.mode == "continuation":
            post = self.post_attribution(tokens, qi, high)
            if post is not None:
                owner.attribution = self.attribute(post[0], tokens, post[1], "post", post[2], p_index)
        if number == len(quote.parts) - 1 and owner.attribution is None:
            speaker = self.last_event.get(owner.paragraph) or self.last_event.get(owner.paragraph - 1)
            if speaker is not None:
                owner.attribution = Attribution(speaker, "", "", "", "continuation", confidence=0.5)
            else:
                owner.dropped = True

    def source_in(self, sentence_text: str, lemma: str, offset: int) -> ExtractedSource | None:
        """sources.detect_source for a sentence starting at ``offset``; what the sentence mentions is memoised."""
        key = (offset, len(sentence_text))
        found = self.source_cache.get(key)
        if found is None:
            found = self.source_cache[key] = find_sources(sentence_text, self.content_at_masked(offset))
        return pick_source(found, lemma)

    def content_at_masked(self, offset: int) -> Callable[[int], str]:
        def lookup(position: int) -> str:
            return self.content_at(offset + position)

        return lookup

    def try_merge(
        self, state: _ParagraphState, candidate: _Candidate, tokens: list[Token], qi: int, low: int, high: int
    ) -> bool:
        """Join a quote to the previous one: split quotes ('"A," he said, "B."') and '"A," while, "B."'."""
        previous = state.previous
        if previous is None or previous.attribution is None or previous.dropped or previous.merged_into:
            return False
        if self.post_attribution(tokens, qi, high) is not None:
            return False
        between = tokens[state.used_until + 1 : qi] if state.used_until < qi else []
        joined = all(t.text in (",", ":", ";", "—", "–", "-", ".") or t.lower in _CONNECTORS for t in between)
        if not joined and previous.attribution.mode == "post":
            # '"A," said X at the meeting. "B."': the new sentence is nothing but the quote.
            words = [t for t in between if t.is_word]
            quote_only = qi == low and all(not t.is_word for t in tokens[qi + 1 : high])
            first = state.used_until + 1
            outside = _outside_parentheses(tokens, first, qi)
            joined = (
                quote_only
                and 0 < len(words) <= 24
                and between[-1].text in _SENTENCE_END | {","}
                and not any(tokens[i].is_quote or tokens[i].text[0] in _SENTENCE_END for i in outside[:-1])
                and not any(self._new_speech(tokens, i) for i in outside)
            ) or (quote_only and not words)
            # '"A," X told a meeting of pilots, "and B."': the same sentence resumes in lower case.
            resumed = self.quote_content(tokens[qi])[:1].islower()
            joined = joined or (
                resumed
                and 0 < len(words) <= 16
                and between[-1].text == ","
                and not any(tokens[i].is_quote or tokens[i].text[0] in _SENTENCE_END for i in outside[:-1])
                and not any(self._new_speech(tokens, i) for i in outside)
            )
        if not joined:
            return False
        previous.parts.extend(candidate.quote.parts)
        candidate.merged_into = previous
        last = self.body[slice(*previous.parts[-1])]
        first_words = _WORD_RE.findall(self.body[slice(*previous.parts[0])])
        if (
            previous.kind == "partial"
            and last[-1:] in _SENTENCE_END
            and first_words
            and first_words[0].lower() not in _AUX_START
            and len(first_words) >= 5
        ):
            previous.kind = "direct"
        return True

    def _new_speech(self, tokens: list[Token], index: int) -> bool:
        """A cue that starts another act of speech ('after reading the statements' does not)."""
        lemma = self.cue(tokens, index)
        if lemma in ("", *_NEEDS_OBJECT, *_NOT_ADJACENT):
            return False
        return not (tokens[index].lower.endswith("ing") and index > 0 and tokens[index - 1].lower in PREPOSITIONS)

    def same_cue(self, candidate: _Candidate, earlier: list[_Candidate], tokens: list[Token], qi: int) -> bool:
        """Fragments introduced by one reporting verb in one sentence are one statement with parts.

        'X wrote that Y had "a" and had "b"': the second fragment joins the first; '… "a" and that Z
        "b"' opens a second reported clause and stays a statement of its own.
        """
        attribution = candidate.attribution
        if attribution is None or candidate.dropped or attribution.mode != "embedded" or len(candidate.quote.parts) > 1:
            return False
        previous = next((c for c in reversed(earlier) if c.merged_into is None and not c.dropped), None)
        if previous is None or previous.attribution is None or len(previous.quote.parts) > 1:
            return False
        if previous.attribution.mode != "embedded" or previous.attribution.cue_index != attribution.cue_index:
            return False
        if previous.attribution.entity is not attribution.entity:
            return False
        if any(t.lower in ("that", "whether") for t in tokens[previous.token_index + 1 : qi]):
            return False
        previous.parts.extend(candidate.quote.parts)
        candidate.merged_into = previous
        self.candidates.append(candidate)
        return True

    def attribute_quote(
        self,
        candidate: _Candidate,
        tokens: list[Token],
        qi: int,
        low: int,
        high: int,
        cues: list[int],
        consumed_until: int,
    ) -> None:
        content = self.quote_content(tokens[qi])
        p_index = candidate.paragraph
        if self.named_thing(tokens, qi, low, content):
            candidate.dropped = candidate.named = True
            return
        # 1. Attribution right after the quote.
        post = self.post_attribution(tokens, qi, high)
        if post is not None and not (content[-1:] in _SENTENCE_END and not self._terminal_tail(tokens, post[2], high)):
            phrase, cue, end = post
            candidate.attribution = self.attribute(phrase, tokens, cue, "post", end, p_index, low)
        if candidate.attribution is not None:
            starts_sentence = all(not t.is_word or t.lower in _CONNECTORS for t in tokens[low:qi])
            candidate.kind = "direct" if starts_sentence or content[:1].isupper() else "partial"
            return
        veto = self.non_statement(tokens, qi, low, content)
        # 2. Cue before the quote in the same sentence (not one already used after an earlier quote).
        before = [c for c in cues if c < qi and c > self.post_end]
        for cue in reversed(before[-2:] if not veto else []):
            # The nearest cue first; a noun that looks like one ("those demands") yields to the verb.
            lemma = self.cue(tokens, cue)
            between = tokens[cue + 1 : qi]
            if lemma in lx.PHRASAL:
                between = between[1:]
            if lemma not in _NOT_ADJACENT or len(between) <= 1:
                attribution = self.cue_attribution(tokens, cue, lemma, low, p_index)
                if attribution is not None:
                    candidate.attribution = attribution
                    candidate.kind = self.kind_after_cue(tokens, qi, high, between, content, lemma)
                    fronted = any(t.lower == "what" for t in tokens[max(low, cue - 5) : cue]) or _reduced_relative(
                        tokens, cue, low
                    )
                    if lemma in _NEEDS_OBJECT and ((not between and not fronted) or len(between) > 4):
                        candidate.attribution = None
                    else:
                        return
                    break
        if veto:
            candidate.dropped = True
            return
        # 3. Attribution at the end of the sentence: 'The plan is "dead," Smith said.'
        for cue in [c for c in cues if c > qi]:
            lemma = self.cue(tokens, cue)
            if lemma in _NOT_ADJACENT or lemma in _NEEDS_OBJECT or any(t.is_quote for t in tokens[qi + 1 : cue]):
                continue
            if tokens[cue - 1].text == "," or (cue >= 2 and tokens[cue - 2].text == ","):
                attribution = self.cue_attribution(tokens, cue, lemma, low, p_index, after=True, high=high)
                if attribution is not None:
                    attribution.mode = "tail"
                    candidate.attribution = attribution
                    candidate.kind = "partial" if tokens[low:qi] else "direct"
                    return
        # 3b. No reporting verb: "For the economist Jane Roe, the crisis is '…'", "In the words of X, '…'".
        framed = self.framing_speaker(tokens, qi, low)
        if framed is not None:
            candidate.attribution = framed
            candidate.kind = "partial" if any(t.is_word for t in tokens[framed.end_index + 1 : qi]) else "direct"
            return
        # 3c. A colon with no reporting verb: 'Ann Lee had a simple message: "…"'.
        colon = self.colon_speaker(tokens, qi, low, high, cues)
        if colon is not None:
            candidate.attribution = colon
            candidate.kind = "direct"
            return
        # 4. A quote-only sentence carries on the last speaker.
        only_quote = all(not t.is_word or t.lower in _CONNECTORS for t in tokens[low:high] if not t.is_quote)
        words = len(_WORD_RE.findall(content))
        if only_quote and words >= 2:
            speaker = self.last_event.get(p_index)
            mode = "continuation"
            if speaker is None and p_index in self.narrative:
                speaker, mode = self.narrative[p_index], "narrative"
            speaker = speaker or self.last_event.get(p_index - 1)
            if speaker is None and qi == 0 and p_index - 1 in self.narrative:
                # 'She looks away. / "Not today."': the person just described.
                speaker, mode = self.narrative[p_index - 1], "narrative"
            if speaker is not None:
                candidate.attribution = Attribution(speaker, "", "", "", mode, confidence=0.5)
                candidate.kind = "direct"
                speaker.spoke = True
                self.registry.touch(speaker)
                return
        candidate.dropped = True
        candidate.unattributed = words >= 8

    def colon_speaker(self, tokens: list[Token], qi: int, low: int, high: int, cues: list[int]) -> Attribution | None:
        """The subject of a verbless clause ending in a colon before a closing quote."""
        if qi - 1 <= low or tokens[qi - 1].text != ":":
            return None
        if any(t.is_word for t in tokens[qi + 1 : high]) or any(low <= c < qi for c in cues):
            return None
        if any(t.is_quote for t in tokens[low:qi]):
            return None
        p_index = self.paragraph_at(tokens[qi].start)
        owner = {"his": "he", "her": "she", "their": "they"}.get(tokens[low].lower, "")
        if owner and qi - 1 <= low + 3 and bare(tokens[qi - 2].text) in _MESSAGE_NOUNS:
            # "Her answer: '…'", "His message to the board: '…'".
            pronoun = NounPhrase("pronoun", tokens[low].text, head=owner)
            return _verbless(self.attribute(pronoun, tokens, qi - 1, "pre", low, p_index, low))
        found = self.main_subject(tokens, low, qi - 1)
        if found is not None and found[0].kind in ("name", "role", "org", "group", "pronoun"):
            start = _after_dateline(tokens, low, qi)
            return _verbless(self.attribute(found[0], tokens, qi - 1, "pre", found[1], p_index, start))
        # "The filing quoted an email Lee sent to a colleague: …": the sender speaks.
        for index in range(low + 1, qi - 1):
            if tokens[index].lower not in _SENDING | _words("texted emailed tweeted posted"):
                continue
            phrase_tokens = noun_phrase_before(self.body, tokens, index - 1, low)
            phrase = self.classify(phrase_tokens) if phrase_tokens else None
            if phrase is not None and phrase.kind in ("name", "pronoun"):
                return _verbless(self.attribute(phrase, tokens, qi - 1, "pre", index - 1, p_index, low))
        return None

    def framing_speaker(self, tokens: list[Token], qi: int, low: int) -> Attribution | None:
        """Speaker of a verbless frame opening the sentence: 'For X, …', 'In the words of X, …', 'To X, …'."""
        start = _after_dateline(tokens, low, qi)
        if start >= qi or not tokens[start].is_word:
            return None
        first = tokens[start].lower
        if first in ("for", "to"):
            phrase_start = start + 1
        elif first == "in" and [t.lower for t in tokens[start + 1 : start + 4]] == ["the", "words", "of"]:
            phrase_start = start + 4
        else:
            return None
        comma = phrase_start
        while comma < qi and tokens[comma].text != "," and comma - phrase_start < 8:
            comma += 1
        if comma >= qi or tokens[comma].text != ",":
            return None
        found = self.phrase_after(tokens, phrase_start, qi)
        if found is None or found[0].kind not in ("name", "role", "pronoun"):
            return None
        phrase, end = found
        if end + 1 < qi and tokens[end + 1].text != ",":
            return None
        if phrase.kind == "role" and not phrase.definite:
            return None
        if any(self.cue(tokens, index) for index in range(end + 1, qi)):
            return None
        attribution = self.attribute(phrase, tokens, start, "pre", end, self.paragraph_at(tokens[qi].start), low)
        if attribution is not None:
            attribution.cue = ""
            attribution.lemma = ""
        return attribution

    def _short_object(self, tokens: list[Token], index: int, high: int) -> bool:
        """'asked his rival.': a determiner and at most three words, then the end of the sentence."""
        for offset in range(1, 5):
            if index + offset >= high:
                return True
            token = tokens[index + offset]
            if token.text[0] in _SENTENCE_END:
                return True
            if token.is_quote:
                # 'He promised a reply "by noon."': the object leads into a quote of its own.
                return False
            if not token.is_word or self.cue(tokens, index + offset):
                return False
        return False

    def _terminal_tail(self, tokens: list[Token], end: int, high: int) -> bool:
        """After '"…." X said' only a short adjunct ('on Tuesday', 'in a statement') may end the sentence."""
        for index in range(end + 1, min(high, end + 14)):
            token = tokens[index]
            if token.text[0] in _SENTENCE_END or token.is_quote:
                return True
            if (
                index == end + 1
                and token.is_word
                and token.lower not in PREPOSITIONS
                and token.lower not in lx.ADVERBS_BETWEEN
                and not token.is_cap
                and not (token.lower in _DETERMINERS and self._short_object(tokens, index, high))
            ):
                return False
            if token.lower == "that" or self.cue(tokens, index):
                return False
        return end + 14 >= high

    def kind_after_cue(
        self, tokens: list[Token], qi: int, high: int, between: list[Token], content: str, lemma: str
    ) -> str:
        if (between and between[-1].text in (",", ":") and content[:1].isupper()) or (
            between and between[-1].text == ":"
        ):
            return "direct"
        if not between and content[:1].isupper():
            return "direct"
        ends_sentence = qi + 1 >= high or tokens[qi + 1].text[0] in _SENTENCE_END
        words = _WORD_RE.findall(content)
        first = words[0].lower() if words else ""
        near = len(between) <= 4 and (
            not between
            or between[0].lower == "that"
            or between[-1].text in (",", ":")
            or any(t.lower == "that" for t in between)
        )
        if (
            ends_sentence
            and len(words) >= 5
            and first not in _AUX_START
            and near
            and content[-1:] in _SENTENCE_END | {","}
        ):
            return "direct"
        if between and between[-1].text in (",", ":") and len(words) >= 4:
            return "direct"
        return "partial"

    def authored_document(self, tokens: list[Token], cue: int, low: int) -> tuple[Entity, int] | None:
        """'X signed a letter warning …', 'a letter signed by X, which urged …': (author, document index)."""
        if cue - 1 >= low and cue - 1 in self.sentence_documents:
            return self.sentence_documents[cue - 1], cue - 1
        if cue - 2 >= low and tokens[cue - 1].lower in ("which", "that") and tokens[cue - 2].text == ",":
            earlier = [index for index in self.sentence_documents if low <= index < cue - 2]
            if earlier:
                return self.sentence_documents[max(earlier)], max(earlier)
        for index in sorted(self.sentence_documents, reverse=True):
            # "A letter signed by 300 doctors urged …": the letter is the subject, not the doctors.
            if (
                low <= index < cue - 3 <= index + 25
                and tokens[index + 1].lower in _AUTHORING
                and tokens[index + 2].lower == "by"
                and not any(self.cue(tokens, between) for between in range(index + 3, cue))
            ):
                return self.sentence_documents[index], index
        return None

    def entity_attribution(
        self, entity: Entity, tokens: list[Token], start: int, cue: int, p_index: int
    ) -> Attribution:
        entity.spoke = True
        self.last_event[p_index] = entity
        self.registry.touch(entity)
        return Attribution(
            entity,
            self._text(tokens[start:cue]),
            tokens[cue].text,
            lx.CUE_FORMS.get(tokens[cue].lower, ""),
            "embedded",
            cue_index=cue,
            end_index=cue,
            role=_clean_role(entity.role_texts[0]) if entity.role_texts else "",
            confidence=0.7,
        )

    def cue_attribution(
        self,
        tokens: list[Token],
        cue: int,
        lemma: str,
        low: int,
        p_index: int,
        *,
        after: bool = False,
        high: int = 0,
    ) -> Attribution | None:
        authored = self.authored_document(tokens, cue, low)
        if authored is not None:
            start = authored[1]
            while start - 1 >= low and (
                tokens[start - 1].lower in _DETERMINERS or tokens[start - 1].lower in _DOCUMENT_MODIFIERS
            ):
                start -= 1
            return self.entity_attribution(authored[0], tokens, start, cue, p_index)
        if lemma == "according":
            found = self.phrase_after(tokens, cue + 2, high or len(tokens))
            if found is None:
                return None
            return self.attribute(found[0], tokens, cue, "pre", found[1], p_index, low)
        participle = tokens[cue].lower.endswith("ing")
        coordinated = cue > low and tokens[cue - 1].lower in ("and", "but", "then", "before", "after")
        if not participle and not coordinated:
            found_subject = self.subject_before(tokens, cue, low)
            if found_subject is not None and found_subject[0].kind == "pronoun":
                # "Acme said it would ask X to '…'": the pronoun is the reporting clause's subject.
                outer = self._outer_subject(tokens, found_subject[1], low, found_subject[0].head)
                if outer is not None:
                    found_subject = outer
            if found_subject is not None:
                return self.attribute(found_subject[0], tokens, cue, "embedded", cue, p_index, low)
            if after:
                found = self.phrase_after(tokens, cue + 1, high)
                if found is not None:
                    return self.attribute(found[0], tokens, cue, "embedded", found[1], p_index, low)
            return None
        # "…, saying, '…'" and "… and said": the subject of the main clause speaks.
        for earlier in range(cue - 1, low - 1, -1):
            earlier_lemma = self.cue(tokens, earlier)
            if earlier_lemma and not tokens[earlier].lower.endswith("ing") and earlier_lemma not in _NOT_ADJACENT:
                found_subject = self.subject_before(tokens, earlier, low)
                if found_subject is not None:
                    attribution = self.attribute(found_subject[0], tokens, cue, "embedded", cue, p_index, low)
                    return attribution
        found_main = self.main_subject(tokens, low, cue)
        if found_main is None:
            return None
        return self.attribute(found_main[0], tokens, cue, "embedded", cue, p_index, low)

    def _outer_subject(self, tokens: list[Token], pronoun: int, low: int, head: str) -> tuple[NounPhrase, int] | None:
        """Subject of 'X said (that)' right before a pronoun, when it can be what the pronoun means."""
        index = pronoun - 1
        if index >= low and tokens[index].lower == "that":
            index -= 1
        if index < low or self.cue(tokens, index) not in ("say", "announce", "add", "warn", "claim", "insist"):
            return None
        found = self.subject_before(tokens, index, low)
        if found is None:
            return None
        kind = found[0].kind
        if (head == "it" and kind in ("org", "document")) or (head == "they" and kind in ("group", "org")):
            return found
        if head == "it" and kind == "name" and not found[0].title:
            found[0].kind = "org"  # "Westline Rail said it would …": a name that is an "it"
            return found
        if head in ("he", "she") and kind in ("name", "role"):
            return found
        return None

    def attribute(
        self,
        phrase: NounPhrase,
        tokens: list[Token],
        cue: int,
        mode: str,
        end: int,
        p_index: int,
        low: int = 0,
    ) -> Attribution | None:
        entity = self.spokes_entity(phrase)
        if entity is None:
            entity = self.registry.resolve(phrase)
        if phrase.kind == "document":
            entity = (
                self._document_owner(phrase)
                or self.document_authors.get(phrase.head)
                or self._document_author(phrase.head)
            )
        if (
            phrase.kind == "pronoun"
            and phrase.head == "it"
            and self.last_document is not None
            and self.last_document[0] in (p_index, p_index - 1)
        ):
            # "The letter says … It urges …": the document is still talking.
            entity = self.last_document[1]
            self.registry.touch(entity)
        self.last_document = None
        if entity is None:
            return None
        if phrase.spokes and entity.kind == "organization":
            self.spokes_org = entity
        if phrase.kind == "document":
            self.last_document = (p_index, entity)
        if phrase.kind == "name" and entity.kind == "person" and not entity.gender and not entity.role_texts:
            self._maybe_organisation(entity, tokens, cue)
        entity.spoke = True
        self.last_event[p_index] = entity
        role = phrase.title if not _only_honorifics(phrase.title) else ""
        role = role or phrase.appositive
        if not role and entity.role_texts:
            role = entity.role_texts[0]
        confidence = {"name": 0.9, "group": 0.8, "org": 0.8, "role": 0.75, "pronoun": 0.7, "document": 0.6}
        printed = tokens[cue].text
        if printed.lower() == "according" and cue + 1 < len(tokens):
            printed = f"{printed} {tokens[cue + 1].text}"
        return Attribution(
            entity,
            phrase.text,
            printed,
            lx.CUE_FORMS.get(tokens[cue].lower, "according"),
            mode,
            cue_index=cue,
            end_index=end,
            role=_clean_role(role),
            confidence=confidence.get(phrase.kind, 0.6),
        )

    def _maybe_organisation(self, entity: Entity, tokens: list[Token], cue: int) -> None:
        """'Acme said in a statement that it …': a name that calls itself "it" is an organisation."""
        for index in range(cue + 1, min(len(tokens), cue + 9)):
            token = tokens[index]
            if token.is_quote or token.text[0] in _SENTENCE_END:
                return
            if token.lower in ("it", "its") and tokens[index - 1].lower in ("that", "said", "says", ","):
                entity.kind = "organization"
                return
            if token.lower in ("he", "she", "his", "her", "they"):
                return

    def spokes_entity(self, phrase: NounPhrase) -> Entity | None:
        """The organisation behind 'the spokesperson', 'a company spokesman', 'an Acme spokeswoman'."""
        if phrase.kind != "role" or phrase.head not in _SPOKES:
            return None
        words = phrase.name.split()
        party = " ".join(w for w in words[:-1] if bare(w) not in lx.QUANTIFIERS)
        if party[:1].isupper() and party_name(party):
            # "A Labour spokesperson": the party.
            phrase.spokes = True
            return self.registry.name(NounPhrase("org", phrase.text, name=party, head=bare(words[-2])))
        modifiers = [w for w in words[:-1] if bare(w) not in lx.QUANTIFIERS and bare(w) not in lx.DESCRIPTOR_WORDS]
        named = [w for w in words[:-1] if bare(w) not in lx.QUANTIFIERS]
        if modifiers and all(w[:1].isupper() for w in named):
            modifiers = named  # "a US Commerce Department spokesperson": "Commerce" is part of the name
        capitalised = [w for w in modifiers if w[:1].isupper()]
        if capitalised and len(capitalised) == len(modifiers):
            name = " ".join(capitalised)
            name = name[:-2] if name.endswith(("'s", "’s")) else name
            entity = self.registry.name(NounPhrase("org", phrase.text, name=name, head=bare(capitalised[-1])))
            if entity is not None:
                phrase.spokes = True
            return entity
        if modifiers and all(bare(w) in lx.ORG_NOUNS for w in modifiers):
            entity = self.registry._recent_org(bare(modifiers[-1])) or self.registry.recent("organization")
        elif not modifiers and phrase.definite:
            entity = self.spokes_org
        else:
            return None
        if entity is not None:
            phrase.spokes = True
            entity.add_alias(phrase.text)
            self.registry.touch(entity)
        return entity

    def _document_author(self, head: str) -> Entity | None:
        kind = {
            "letter": "letter",
            "statement": "official_statement",
            "essay": "essay",
            "report": "essay",
            "tweet": "social_media",
            "post": "social_media",
            "article": "article",
        }.get(head, "")
        for candidate in reversed(self.candidates):
            attribution = candidate.attribution
            if attribution is None or attribution.entity is None or candidate.dropped:
                continue
            source = self.context.get(id(attribution.entity))
            if candidate.sentence_text:
                own = self.source_in(candidate.sentence_text, attribution.lemma, self._sentence_start(candidate))
                source = own or source
            if not kind or (source is not None and source.kind == kind):
                return attribution.entity
        # A document introduced without a quote: "Acme issued a statement on Monday."
        best: Entity | None = None
        for entity in self.registry.entities:
            source = self.context.get(id(entity))
            if source is not None and source.kind == kind and (best is None or entity.last_seen > best.last_seen):
                best = entity
        return best

    def _document_owner(self, phrase: NounPhrase) -> Entity | None:
        """The owner named in a document phrase: "the company's status page", "Acme's statement"."""
        words = phrase.text.split()
        for index, word in enumerate(words[:-1]):
            if not is_possessive(word):
                continue
            owner_text = " ".join(words[: index + 1])
            owner_text = owner_text[:-2] if owner_text.endswith(("'s", "’s")) else owner_text.rstrip("'’")
            owner = classify(owner_text, tokenize(owner_text, 0, len(owner_text)))
            if owner is None or owner.kind not in ("name", "org", "group", "role"):
                return None
            if (
                owner.kind == "name"
                and len(owner.name.split()) == 1
                and self.registry.name(owner, create=False) is None
            ):
                owner.kind = "org"
            return self.registry.resolve(owner)
        return None

    def named_thing(self, tokens: list[Token], qi: int, low: int, content: str) -> bool:
        """Names, titles of works, nicknames and handles: 'the so-called "X"', 'an essay entitled "Y"'."""
        preceding = " ".join(t.lower for t in tokens[max(low, qi - 4) : qi]).rstrip(" ,:")
        if preceding.endswith(lx.NAME_INTRODUCERS):
            return True
        if self._referred_as(tokens, qi, low) or self._named_by_call(tokens, qi, low, content):
            return True
        if self._self_named(tokens, qi, low) or self._generic_call(tokens, qi, low, content):
            return True
        if self._scheme_name(tokens, qi, low, content):
            return True
        words = _WORD_RE.findall(content)
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
            words = _WORD_RE.findall(content)
            # A label is short; a clause glossed as 'a nod to …' is still speech.
            if any(word in lx.LABEL_NOUNS for word in gloss[:2]) and len(words) <= _LABEL_WORDS:
                return True
            if qi > low and tokens[qi - 1].lower in ("the", "a", "an") and len(words) <= 4 and content[-1:].isalnum():
                return True
        return False

    def _referred_as(self, tokens: list[Token], qi: int, low: int) -> bool:
        """'staff referred to the feature as "X"', 'a practice known internally as "Y"': a name, not speech."""
        index = qi - 1
        while index > low and tokens[index].lower in _DETERMINERS:
            index -= 1
        if index <= low or tokens[index].lower != "as":
            return False
        window = tokens[max(low, index - 8) : index]
        return any(
            t.lower in _REFERRING and i + 1 < len(window) and window[i + 1].lower == "to" for i, t in enumerate(window)
        )

    def _named_by_call(self, tokens: list[Token], qi: int, low: int, content: str) -> bool:
        """'pilots took to calling it the "X"': a short name given to a thing, not a quoted remark."""
        if not (qi - 3 >= low and tokens[qi - 1].lower == "the" and tokens[qi - 2].lower in ("it", "them")):
            return False
        return tokens[qi - 3].lower in _CALLING and len(_WORD_RE.findall(content)) <= 3 and content[-1:].isalnum()

    def _self_named(self, tokens: list[Token], qi: int, low: int) -> bool:
        """'a group calling itself the "X"', 'he calls himself "Y"': a name someone gives themselves."""
        index = qi - 1
        while index > low and tokens[index].lower in _DETERMINERS:
            index -= 1
        return index - 1 >= low and tokens[index].lower in _REFLEXIVES and tokens[index - 1].lower in _CALLING

    def _generic_call(self, tokens: list[Token], qi: int, low: int, content: str) -> bool:
        """'along what locals call "the back road"': a name used by an unnamed crowd, not anyone's remark."""
        if qi - 3 < low or tokens[qi - 1].lower not in _CALLING or tokens[qi - 3].lower != "what":
            return False
        subject = tokens[qi - 2]
        if not subject.is_word or subject.is_cap or subject.lower in lx.SUBJECT_PRONOUNS:
            return False
        return len(_WORD_RE.findall(content)) <= _LABEL_WORDS and content[-1:] not in _SENTENCE_END

    def _scheme_name(self, tokens: list[Token], qi: int, low: int, content: str) -> bool:
        """'consult on a "fair rent scheme"': a short noun phrase ending in a scheme noun, object of a preposition."""
        words = _WORD_RE.findall(content)
        if not (2 <= len(words) <= 5) or words[-1].lower() not in lx.LABEL_NOUNS or not content[-1:].isalnum():
            return False
        return (
            qi - 2 >= low
            and tokens[qi - 1].lower in ("a", "an", "the")
            and tokens[qi - 2].lower in PREPOSITIONS | {"of"}
        )

    def non_statement(self, tokens: list[Token], qi: int, low: int, content: str) -> bool:
        """Scare quotes: titles, title-case names and echoes of earlier quotes inside a sentence."""
        words = _WORD_RE.findall(content)
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
                tokens[skip].lower in _DETERMINERS or (tokens[skip].is_cap and tokens[skip].text.endswith(("'s", "’s")))
            ):
                skip -= 1
            if skip >= low and bare(tokens[skip].text) in lx.WORK_NOUNS and _title_case(words):
                return True
        embedded = qi > low and any(t.is_word for t in tokens[low:qi])
        if embedded and words and _title_case(words) and content[-1:] not in _SENTENCE_END:
            return True
        if embedded and 2 <= len(words) <= 12:
            key = _word_key(content)
            if any(key in earlier for earlier in self.statement_texts):
                return True
        return False

    # -- results -----------------------------------------------------------------------------------

    def finish_members(self) -> None:
        for match in _members_matches(self.masked):
            groups = [e for e in self.registry.entities if e.kind == "group" and e.spoke]
            if not groups:
                continue
            group = max(groups, key=lambda e: e.last_seen)
            for item in re.split(r",\s+(?:and\s+)?|\s+and\s+", match.group(1)):
                item = item.strip()
                if not item or item[0].islower():
                    continue
                tokens = tokenize(item, 0, len(item))
                phrase = classify(item, [t for t in tokens if t.is_word])
                if phrase is not None and phrase.kind == "name" and phrase.name not in group.members:
                    group.members.append(phrase.name)

    def build(self) -> list[ExtractedStatement]:
        statements: list[ExtractedStatement] = []
        for candidate in self.candidates:
            # An unnamed role named later in the article ("The chief executive of Acme …").
            if candidate.attribution is not None and candidate.attribution.entity is not None:
                named = self.registry.named_later(candidate.attribution.entity)
                if named is not None:
                    candidate.attribution.entity = named
                    named.spoke = True
        carried: dict[int, ExtractedSource] = {}
        for candidate in self.candidates:
            if candidate.unattributed and candidate.attribution is None:
                line = self.article.paragraph_lines[candidate.paragraph] if self.article.paragraph_lines else 0
                text = self.body[slice(*candidate.parts[0])]
                self.warnings.append(f"line {line}: quote with no identifiable speaker left out: {text[:50]!r}")
            if candidate.merged_into is not None or candidate.dropped or candidate.attribution is None:
                continue
            attribution = candidate.attribution
            entity = attribution.entity
            if entity is None:
                continue
            source = self.source_for(candidate, entity, carried)
            # A quote running over several paragraphs is one statement per paragraph.
            groups: dict[int, list[tuple[int, int]]] = {}
            for span in candidate.parts:
                groups.setdefault(self.paragraph_at(span[0]), []).append(span)
            for number, (paragraph, group) in enumerate(sorted(groups.items())):
                kind = candidate.kind if number == 0 else "direct"
                spans = tuple(group)
                if kind == "partial":
                    # A full stop or comma closing a quoted fragment belongs to the sentence, not the quote.
                    spans = tuple((s, e - 1) if e - s > 1 and self.body[e - 1] in ".," else (s, e) for s, e in spans)
                parts = tuple(self.body[s:e] for s, e in spans)
                confidence = attribution.confidence
                if not candidate.quote.closed:
                    confidence -= 0.2
                if kind == "partial":
                    confidence -= 0.1
                statements.append(
                    ExtractedStatement(
                        quote=" ".join(parts),
                        parts=parts,
                        spans=spans,
                        paragraph=paragraph,
                        kind=kind,
                        speaker=entity.name,
                        speaker_as_written=attribution.as_written,
                        role=attribution.role,
                        cue=attribution.cue,
                        source=source,
                        confidence=round(max(0.05, min(1.0, confidence)), 2),
                    )
                )
        return statements

    def source_for(
        self, candidate: _Candidate, entity: Entity, carried: dict[int, ExtractedSource]
    ) -> ExtractedSource | None:
        attribution = candidate.attribution
        assert attribution is not None
        source = self.source_in(candidate.sentence_text, attribution.lemma, self._sentence_start(candidate))
        if source is None:
            # Context set earlier in the same paragraph ("In an interview …, X said … He added …").
            for other in self.candidates:
                if other is candidate:
                    break
                if (
                    other.paragraph == candidate.paragraph
                    and other.attribution is not None
                    and other.attribution.entity is entity
                ):
                    found = self.source_in(other.sentence_text, "", self._sentence_start(other))
                    source = found or source
        if source is None:
            source = carried.get(id(entity)) or self.context.get(id(entity))
        if source is None:
            return None
        if not source.key:
            source = ExtractedSource(source.kind, source.title, source.publisher, source_key(source, entity.name))
        carried[id(entity)] = source
        return source

    def _sentence_start(self, candidate: _Candidate) -> int:
        return self.masked.find(candidate.sentence_text, self.article.paragraphs[candidate.paragraph][0])


_MEMBERS_RE = re.compile(
    r"\b(?:signatories|signers|co-signers|cosigners|members|those who signed(?: it)?|the group)"
    r"\s+(?:include|included|includes|are|were|comprise|comprised)\s+([^.\x01]+)"
)
# The words a _MEMBERS_RE match can start with.
_MEMBER_STARTS = ("signatories", "signers", "co-signers", "cosigners", "members", "those who signed", "the group")


def _members_matches(text: str) -> list[re.Match[str]]:
    """_MEMBERS_RE.finditer(text), trying the regex only where one of its first words starts (much faster)."""
    starts: set[int] = set()
    for word in _MEMBER_STARTS:
        position = text.find(word)
        while position >= 0:
            starts.add(position)
            position = text.find(word, position + 1)
    matches: list[re.Match[str]] = []
    resume = 0
    for position in sorted(starts):
        if position < resume:
            continue
        match = _MEMBERS_RE.match(text, position)
        if match is not None:
            matches.append(match)
            resume = match.end()
    return matches


def _after_dateline(tokens: list[Token], low: int, high: int) -> int:
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


_NICKNAME_RE = re.compile(r"[^\W\d_][\w.'’\-]*(?: [^\W\d_][\w.'’\-]*)?")


def _is_nickname(body: str, quote: RawQuote) -> bool:
    """A short capitalised quote between two capitalised words of one name ('Marcus "Ace" Brooks')."""
    if len(quote.parts) != 1:
        return False
    (start, end), (c_start, c_end) = quote.outer[0], quote.parts[0]
    content = body[c_start:c_end]
    if not content[:1].isupper() or not _NICKNAME_RE.fullmatch(content):
        return False
    before = body[max(0, start - 40) : start]
    after = body[end : end + 40]
    if not (before.endswith(" ") and after.startswith(" ")):
        return False
    left = before.split()[-1:] if before.split() else []
    right = after.split()[:1]
    return bool(
        left
        and right
        and left[0][:1].isupper()
        and right[0][:1].isupper()
        and left[0][-1:].isalpha()
        and bare(left[0]) not in lx.STOP_WORDS
    )


_ADJUNCT_STARTS = frozenset({"in", "during", "on", "after", "before", "via", "through", "over", "under", "earlier"})


def _adjunct(segment: list[Token]) -> bool:
    """An adverbial between a subject and its cue: 'in a letter to the board', 'on Tuesday'."""
    first = segment[0]
    if first.lower not in _ADJUNCT_STARTS or len(segment) < 2 or len(segment) > 15:
        return False
    return all(t.is_word or t.text[0].isdigit() for t in segment)


def _reduced_relative(tokens: list[Token], cue: int, low: int) -> bool:
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
        and noun.lower not in _DETERMINERS
        and noun.lower not in _CONNECTORS
        and not noun.lower.endswith(("ly", "ed"))
        and index - 1 >= low
        and tokens[index - 1].lower in ("a", "an", "the", "this", "that")
    )


def _document_by(tokens: list[Token], index: int, high: int) -> int:
    """Index of the 'by' naming a document's author right after it or after its title in commas, else -1."""
    after = index + 1
    if after < high and tokens[after].text == ",":
        close = after + 1
        while close < high and close - after <= 10 and tokens[close].text != "," and not tokens[close].is_quote:
            if not (tokens[close].is_cap or tokens[close].text[0].isdigit() or tokens[close].lower in ("of", "the")):
                return -1
            close += 1
        if close >= high or tokens[close].text != "," or close == after + 1:
            return -1
        after = close + 1
    return after if after + 1 < high and tokens[after].lower == "by" else -1


def _verbless(attribution: Attribution | None) -> Attribution | None:
    """An attribution without a reporting verb prints no cue."""
    if attribution is not None:
        attribution.cue = ""
        attribution.lemma = ""
    return attribution


def _outside_parentheses(tokens: list[Token], start: int, end: int) -> list[int]:
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


def _verb_follows(tokens: list[Token], end: int, high: int) -> bool:
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


def _is_role_word(word: str) -> bool:
    low = bare(word)
    return low in lx.TITLE_WORDS or low in lx.PERSON_NOUNS or low.endswith(lx.TITLE_SUFFIXES)


@lru_cache(maxsize=4096)
def _word_key(text: str) -> str:
    return " " + " ".join(fold(word) for word in _WORD_RE.findall(text)) + " "


def _title_case(words: list[str]) -> bool:
    minor = {"of", "the", "a", "an", "and", "or", "for", "to", "in", "on", "at", "by", "with", "its", "is"}
    major = [w for w in words if w.lower() not in minor]
    return bool(major) and all(w[0].isupper() or w[0].isdigit() for w in major) and len(words) <= 12


def _common_phrase(phrase: NounPhrase, tokens: list[Token]) -> bool:
    """An organisation or group named by a common noun phrase ("the president of the federation")."""
    return phrase.kind in ("org", "group") and any(
        t.is_word and not t.is_cap and t.lower not in ("the", "a", "an", "of", "and", "for") for t in tokens
    )


def _only_honorifics(title: str) -> bool:
    words = [bare(word) for word in title.split()]
    return all(word in lx.HONORIFICS and word not in ("sen", "rep", "gov", "gen", "amb") for word in words)


def _clean_role(role: str) -> str:
    role = " ".join(role.split()).strip(" ,")
    for article in ("the ", "a ", "an ", "The ", "A ", "An "):
        if role.startswith(article):
            role = role[len(article) :]
    return role


def extract(article: ParsedArticle) -> tuple[list[ExtractedStatement], list[Entity], list[str]]:
    """Statements, speaking entities and extraction warnings for a parsed article."""
    extractor = _Extractor(article)
    statements = extractor.run()
    return statements, extractor.registry.speakers(), extractor.warnings

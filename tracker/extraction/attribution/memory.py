"""The discourse memory: what a reader keeps in mind while reading an article from the top.

Reading is in order, and who 'he', 'the company' or 'the letter' is depends on what came before, so the
attribution stages share one explicit state object instead of each keeping its own. Nothing here decides
anything; the stages that read and write it do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ..phrases import NounPhrase
from ..quotes import RawQuote
from ..types import ExtractedSource, QuoteKind, Rule
from .entities import Entity, Registry


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a quote is attributed to, through which mention, and which rule linked the two."""

    entity: Entity | None
    as_written: str
    cue: str
    lemma: str
    rule: Rule
    mention: NounPhrase | None = None
    cue_index: int = -1
    end_index: int = -1  # last token index of the attribution clause
    role: str = ""
    confidence: float = 0.8


@dataclass(slots=True, eq=False)
class QuoteCandidate:
    """The working record of one quoted passage while the article is read: it may be merged into an
    earlier quote (a split quote), run on into later paragraphs, be dropped as a name, or stay unattributed."""

    quote: RawQuote
    paragraph: int
    token_index: int
    sentence_text: str
    parts: list[tuple[int, int]] = field(default_factory=list)
    attribution: Attribution | None = None
    kind: QuoteKind = QuoteKind.DIRECT
    merged_into: QuoteCandidate | None = None
    dropped: bool = False
    # Dropped for want of a speaker, not for being a name or a scare quote.
    unattributed: bool = False
    # A name or term inside the clause ('referred to it as "X"'): its cue stays free.
    named: bool = False
    # Scare quotes and echoes of earlier quotes: the reporter's words, nobody's statement.
    scare: bool = False


class Opening(NamedTuple):
    """A paragraph whose first sentence names a speaker without quoting them ('That was the message from X.')."""

    entity: Entity
    first_mention: bool
    terse: bool


@dataclass(slots=True)
class Documents:
    """Letters, statements and reports, and who wrote them: 'the letter said' speaks for its signatories."""

    # Who wrote the letter/statement/petition last mentioned, by document noun.
    authors: dict[str, Entity] = field(default_factory=dict)
    # The document last talking, and in which paragraph: a later 'It urges …' is still that document.
    last: tuple[int, Entity] | None = None
    # Documents the current sentence names, by token index, with their authors.
    in_sentence: dict[int, Entity] = field(default_factory=dict)


@dataclass(slots=True)
class Discourse:
    """Everything remembered so far: entities, quotes, the last speaker of each paragraph, sources."""

    registry: Registry
    quotes: list[QuoteCandidate] = field(default_factory=list)
    # The first candidate of each multi-paragraph quote, by id(quote), for its later paragraphs.
    quote_owners: dict[int, QuoteCandidate] = field(default_factory=dict)
    # Folded words of every attributed quote so far (nonstatements.word_key), for echoes of them.
    statement_keys: list[str] = field(default_factory=list)
    # Last speaker per paragraph (a statement or reported speech), for quotes that carry on.
    last_speaker: dict[int, Entity] = field(default_factory=dict)
    # Where each entity was last said to speak ("in an interview with …"), by id(entity).
    sources: dict[int, ExtractedSource] = field(default_factory=dict)
    documents: Documents = field(default_factory=Documents)
    openings: dict[int, Opening] = field(default_factory=dict)
    # Person the last quote-less sentence of a paragraph is about.
    narrative: dict[int, Entity] = field(default_factory=dict)
    # The organisation an unnamed spokesperson last spoke for: a later "the spokesperson" is theirs.
    spokes_org: Entity | None = None
    # Last token index of the sentence that an attribution after a quote has used up.
    post_end: int = -1
    # Number of entities known when the current paragraph started (Registry.known_before).
    known_count: int = 0
    warnings: list[str] = field(default_factory=list)

    def add_quote(self, candidate: QuoteCandidate) -> None:
        self.quotes.append(candidate)
        self.quote_owners.setdefault(id(candidate.quote), candidate)

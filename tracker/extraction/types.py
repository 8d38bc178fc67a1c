"""Value types returned by the extraction engine (pure data, JSON-friendly)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class SourceKind(StrEnum):
    """Where a statement was originally made."""

    SPEECH = "speech"
    INTERVIEW = "interview"
    SOCIAL_MEDIA = "social_media"
    LETTER = "letter"
    ESSAY = "essay"
    ARTICLE = "article"
    OFFICIAL_STATEMENT = "official_statement"
    UNKNOWN = "unknown"


class SpeakerKind(StrEnum):
    PERSON = "person"
    GROUP = "group"
    ORGANIZATION = "organization"


class QuoteKind(StrEnum):
    """A whole utterance (``direct``) or words woven into the reporter's sentence (``partial``); in an
    interview or transcript, a paragraph of a turn: the guest's ``answer`` (a statement, without quote marks)
    or the interviewer's ``question`` (kept to show what was asked, never a claim)."""

    DIRECT = "direct"
    PARTIAL = "partial"
    ANSWER = "answer"
    QUESTION = "question"


class DocumentFormat(StrEnum):
    """How a text carries speech: quotes in a news ``article``, or labelled turns (``interview``: questions
    and answers; ``transcript``: a briefing, hearing, debate or address)."""

    ARTICLE = "article"
    INTERVIEW = "interview"
    TRANSCRIPT = "transcript"


class MentionKind(StrEnum):
    """What a speaker noun phrase is: the kind decides how it finds its entity."""

    PRONOUN = "pronoun"
    NAME = "name"
    ORGANISATION = "org"
    GROUP = "group"
    ROLE = "role"
    DOCUMENT = "document"
    LABEL = "label"  # a turn's label in an interview or transcript: 'MR. SMITH', 'Q', 'THE PRESIDENT'


class Rule(StrEnum):
    """The sieve that linked a quote to its speaker's mention, most precise first."""

    CUE_AFTER_QUOTE = "cue_after_quote"  # '"…," Smith said' / '"…," said Smith'
    CUE_BEFORE_QUOTE = "cue_before_quote"  # 'Smith said "…"', 'Smith said that "…"'
    ACCORDING_TO = "according_to"  # 'according to Smith, "…"'
    DOCUMENT_AUTHOR = "document_author"  # 'a letter signed by 30 doctors said "…"'
    CUE_ENDS_SENTENCE = "cue_ends_sentence"  # 'The plan is "dead," Smith said.'
    FRAME = "frame"  # 'For Smith, the plan is "…"'
    COLON = "colon"  # 'Smith had a simple message: "…"'
    CONTINUATION = "continuation"  # a quote-only sentence: the paragraph's last speaker goes on
    NARRATIVE = "narrative"  # a quote-only sentence after one about a person: that person
    NEXT_PARAGRAPH = "next_paragraph"  # '"…" / That was the message from Smith.'
    MAIN_SPEAKER = "main_speaker"  # an uncued quote in a piece one person does most of the talking in
    TURN_LABEL = "turn_label"  # a turn's paragraph after its label: 'MR. SMITH: …', 'Q: …'
    TURN_ORDER = "turn_order"  # a turn's paragraph without a label: it continues a turn, or answers a question
    UNATTRIBUTED = "unattributed"  # no speaker found: kept for a curator


class ArticleFormatError(Exception):
    """The input is not an article we can read; ``line`` is 1-based when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.message = message
        self.line = line
        super().__init__(message, line)

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """An article split into metadata and a body whose offsets every span indexes into."""

    title: str
    byline: str
    published: datetime.date | None
    publication: str
    url: str
    language: str
    body: str
    paragraphs: tuple[tuple[int, int], ...]
    warnings: tuple[str, ...] = ()
    # 1-based line of the input file where each body paragraph starts (for messages).
    paragraph_lines: tuple[int, ...] = ()
    # Set by the front matter's ``format:``; None: decided from the text.
    document_format: DocumentFormat | None = None
    # Body spans that were bold or italic (Markdown) in the input: interviews often mark questions so.
    emphasis: tuple[tuple[int, int], ...] = ()

    def paragraph_text(self, index: int) -> str:
        start, end = self.paragraphs[index]
        return self.body[start:end]

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "byline": self.byline,
            "published": self.published.isoformat() if self.published else None,
            "publication": self.publication,
            "url": self.url,
        }


@dataclass(frozen=True, slots=True)
class ExtractedSource:
    """Where the speaker originally said it (speech, interview, tweet …)."""

    kind: str
    title: str = ""
    publisher: str = ""
    key: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "title": self.title, "publisher": self.publisher}


@dataclass(frozen=True, slots=True)
class ExtractedSpeaker:
    """A person, group or organisation quoted in the article.

    ``aliases`` are the other names it is printed under (never pronouns, roles or clauses); ``named`` is
    False for a speaker the article only describes ('a senior administration official').
    """

    name: str
    kind: str = "person"
    aliases: tuple[str, ...] = ()
    roles: tuple[tuple[str, str], ...] = ()
    members: tuple[str, ...] = ()
    description: str = ""
    named: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": str(self.kind),
            "aliases": list(self.aliases),
            "roles": [list(role) for role in self.roles],
            "members": list(self.members),
            "description": self.description,
            "named": self.named,
        }


@dataclass(frozen=True, slots=True)
class ExtractedMention:
    """The words in the article that named a statement's speaker, and what kind of mention they are."""

    text: str
    kind: MentionKind
    span: tuple[int, int]  # body offsets

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "kind": str(self.kind), "span": list(self.span)}


@dataclass(frozen=True, slots=True)
class ExtractedStatement:
    """One statement: the words, where they are in the body, and who said them.

    Quoted words are ``direct`` or ``partial``; a paragraph of an interview's or transcript's turn is an
    ``answer`` (a statement without quote marks) or a ``question`` (the interviewer's turn: kept, never a claim).
    ``speaker`` is None when no speaker could be found: the statement is kept for a curator to attribute.
    ``rule`` is the sieve that linked the quote to ``mention`` (None when no mention was printed for this
    quote, as when a quote-only sentence carries on the last speaker), and ``confidence`` how sure it is.
    """

    quote: str
    parts: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    paragraph: int
    kind: QuoteKind
    speaker: str | None
    speaker_as_written: str = ""
    role: str = ""
    cue: str = ""
    source: ExtractedSource | None = None
    confidence: float = 0.5
    rule: Rule = Rule.UNATTRIBUTED
    mention: ExtractedMention | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "quote": self.quote,
            "parts": list(self.parts),
            "spans": [list(span) for span in self.spans],
            "paragraph": self.paragraph,
            "kind": str(self.kind),
            "speaker": self.speaker,
            "speaker_as_written": self.speaker_as_written,
            "role": self.role,
            "cue": self.cue,
            "source": self.source.to_dict() if self.source else None,
            "confidence": self.confidence,
            "rule": str(self.rule),
            "mention": self.mention.to_dict() if self.mention else None,
        }


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    """Everything extracted from one article."""

    article: ParsedArticle
    statements: tuple[ExtractedStatement, ...] = ()
    speakers: tuple[ExtractedSpeaker, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "statements": [statement.to_dict() for statement in self.statements],
            "speakers": [speaker.to_dict() for speaker in self.speakers],
            "warnings": list(self.warnings),
        }

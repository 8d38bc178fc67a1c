"""Value types returned by the extraction engine (pure data, JSON-friendly)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

SOURCE_KINDS: tuple[str, ...] = (
    "speech",
    "interview",
    "social_media",
    "letter",
    "essay",
    "article",
    "official_statement",
    "unknown",
)
SPEAKER_KINDS: tuple[str, ...] = ("person", "group", "organization")
STATEMENT_KINDS: tuple[str, ...] = ("direct", "partial")


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
    """A person, group or organisation quoted in the article, with every as-written form."""

    name: str
    kind: str = "person"
    aliases: tuple[str, ...] = ()
    roles: tuple[tuple[str, str], ...] = ()
    members: tuple[str, ...] = ()
    description: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "roles": [list(role) for role in self.roles],
            "members": list(self.members),
            "description": self.description,
        }


@dataclass(frozen=True, slots=True)
class ExtractedStatement:
    """One quoted statement: the words, where they are in the body, and who said them."""

    quote: str
    parts: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    paragraph: int
    kind: str
    speaker: str
    speaker_as_written: str = ""
    role: str = ""
    cue: str = ""
    source: ExtractedSource | None = None
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "quote": self.quote,
            "parts": list(self.parts),
            "spans": [list(span) for span in self.spans],
            "paragraph": self.paragraph,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_as_written": self.speaker_as_written,
            "role": self.role,
            "cue": self.cue,
            "source": self.source.to_dict() if self.source else None,
            "confidence": self.confidence,
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

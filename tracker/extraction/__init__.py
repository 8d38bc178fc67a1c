"""Quote extraction: article text -> parsed article, quoted statements, speakers and sources.

Pure Python (standard library only), deterministic and offline; no Django imports.
"""

from __future__ import annotations

from .attribution import attribute_statements
from .parse import decode_article, normalise_body, parse_article
from .types import (
    ArticleFormatError,
    ExtractedSource,
    ExtractedSpeaker,
    ExtractedStatement,
    ExtractionResult,
    ParsedArticle,
)

__all__ = [
    "ArticleFormatError",
    "ExtractedSource",
    "ExtractedSpeaker",
    "ExtractedStatement",
    "ExtractionResult",
    "ParsedArticle",
    "decode_article",
    "extract_article",
    "extract_statements",
    "normalise_body",
    "parse_article",
]


def extract_statements(article: ParsedArticle) -> list[ExtractedStatement]:
    """Quoted statements of a parsed article, in body order, each attributed to a speaker."""
    return attribute_statements(article)[0]


def extract_article(text: str) -> ExtractionResult:
    """Parse ``text`` and extract its statements and speakers; warnings from both steps."""
    article = parse_article(text)
    statements, entities, warnings = attribute_statements(article)
    spoken = {statement.speaker for statement in statements}
    speakers = tuple(entity.to_speaker() for entity in entities if entity.name in spoken)
    return ExtractionResult(
        article=article,
        statements=tuple(statements),
        speakers=speakers,
        warnings=tuple(dict.fromkeys([*article.warnings, *warnings])),
    )

"""Quote extraction: article text -> parsed article, quoted statements, speakers and sources.

Pure Python (standard library only), deterministic and offline; no Django imports.
"""

from __future__ import annotations

from .attribution import attribute_statements
from .parse import decode_article, normalise_body, parse_article
from .turns import merge_turns, read_turns
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
    """Statements of a parsed article, in body order, each attributed to a speaker: quotes, and in an
    interview or transcript its answers and questions."""
    return list(_extract(article)[0])


def extract_article(text: str) -> ExtractionResult:
    """Parse ``text`` and extract its statements and speakers; warnings from every step."""
    article = parse_article(text)
    statements, speakers, warnings = _extract(article)
    return ExtractionResult(
        article=article,
        statements=statements,
        speakers=speakers,
        warnings=tuple(dict.fromkeys([*article.warnings, *warnings])),
    )


def _extract(
    article: ParsedArticle,
) -> tuple[tuple[ExtractedStatement, ...], tuple[ExtractedSpeaker, ...], list[str]]:
    """Quotes attributed, then the turns of an interview or transcript merged in (none in a news article)."""
    quoted, entities, warnings = attribute_statements(article)
    spoken = {statement.speaker for statement in quoted}
    speakers = tuple(entity.to_speaker() for entity in entities if entity.name in spoken)
    turns = read_turns(article)
    if turns is None:
        return tuple(quoted), speakers, warnings
    statements, speakers = merge_turns(turns, tuple(quoted), speakers)
    return statements, speakers, [*warnings, *turns.warnings]

"""Quote extraction: article text -> parsed article, quoted statements, speakers and sources.

Pure Python, deterministic and offline; no Django imports. Text is read with the standard library
only; saved web pages (``read_article``) with trafilatura.
"""

from __future__ import annotations

import dataclasses
import zlib
from pathlib import PurePosixPath

from .attribution import attribute_statements
from .html import looks_like_html, parse_html
from .page_metadata import http_url, publication_from_url
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
    "parse_html",
    "read_article",
]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
# A gzipped article larger than this once unpacked is refused rather than read (a gzip bomb).
MAX_UNPACKED_BYTES = 50_000_000
_GZIP_MAGIC = b"\x1f\x8b"


def read_article(data: bytes, *, name: str = "", url: str = "") -> ParsedArticle:
    """Parse an article file of any kind we read: plain text or a saved web page, either one gzipped.

    ``name`` is the file's name (its extension tells a page from text; so does a page's first tag);
    ``url`` is where it came from, kept when the input names none. A publication the input does not
    name is the URL's host.
    """
    path = PurePosixPath(name.lower())
    if data[:2] == _GZIP_MAGIC:
        data = _gunzip(data)
        path = path.with_suffix("") if path.suffix == ".gz" else path
    if path.suffix in HTML_SUFFIXES or looks_like_html(data):
        return parse_html(data, url=url)
    article = parse_article(decode_article(data))
    article_url = article.url or http_url(url)
    return dataclasses.replace(
        article, url=article_url, publication=article.publication or publication_from_url(article_url)
    )


def _gunzip(data: bytes) -> bytes:
    unpacker = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    try:
        unpacked = unpacker.decompress(data, MAX_UNPACKED_BYTES + 1)
    except zlib.error as error:
        raise ArticleFormatError(f"damaged gzip data ({error})") from None
    if len(unpacked) > MAX_UNPACKED_BYTES:
        raise ArticleFormatError(f"unpacks to more than {MAX_UNPACKED_BYTES:,} bytes")
    if not unpacker.eof:
        raise ArticleFormatError("gzip data ends early (truncated file?)")
    return unpacked


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

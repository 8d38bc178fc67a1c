"""Reading a saved web page: HTML -> the same ParsedArticle that parse_article makes from text.

trafilatura finds the main text and the metadata; ``page_body`` turns its paragraph tree into plain
paragraphs (a paragraph stays a paragraph, quote marks and apostrophes stay as printed) and
``page_metadata`` tidies the header fields.
"""

from __future__ import annotations

import codecs
import datetime
import re

import trafilatura
from trafilatura.utils import load_html

from .page_body import body_paragraphs, link_texts
from .page_metadata import (
    clean_author,
    clean_title,
    http_url,
    iso_date,
    language_code,
    publication_from_url,
    site_name,
)
from .quotes import scan_quotes_cached
from .types import ArticleFormatError, ParsedArticle

# The HTML standard's prescan reads 1,024 bytes for a charset; pages in the wild put long scripts first.
_CHARSET_PRESCAN_BYTES = 4096
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Latin-1 and ASCII labels mean Windows-1252 on the web (WHATWG Encoding).
_WEB_CODECS = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}
_HTML_START_RE = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_SNIFF_BYTES = 1024
_NO_ARTICLE = "no article text found in the page (an index, a form, or a page built by scripts?)"


def looks_like_html(data: bytes) -> bool:
    """Whether a file starts like an HTML document (doctype, html, head or body tag, after comments)."""
    head = data[:_SNIFF_BYTES]
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :].decode(encoding, errors="ignore").encode("ascii", errors="ignore")
            break
    return bool(_HTML_START_RE.match(head))


def decode_html(data: bytes, *, encoding: str = "") -> str:
    """A page's text: by its byte-order mark; as UTF-8 when it is valid UTF-8; else by its declared charset.

    Saved pages are often re-encoded as UTF-8 and still declare their old charset, and text in a
    legacy charset is almost never valid UTF-8, so validity decides first. The declared charset is
    the server's (``encoding``), then the page's meta tag; Windows-1252 when neither is usable.
    """
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(bom_encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    meta = _META_CHARSET_RE.search(data[:_CHARSET_PRESCAN_BYTES])
    for label in (encoding, meta.group(1).decode("ascii") if meta else ""):
        try:
            codec = codecs.lookup(label).name if label else ""
        except LookupError:
            continue
        if codec and not codec.startswith("utf-16"):
            return data.decode(_WEB_CODECS.get(codec, codec), errors="replace")
    return data.decode("cp1252", errors="replace")


def parse_html(html: str | bytes, *, url: str = "", encoding: str = "") -> ParsedArticle:
    """Split a saved web page into metadata and body paragraphs; ArticleFormatError if it holds no article.

    ``url`` is where the page came from: the article's url when the page names no canonical one, and
    its host the publication when the page names no site. ``encoding`` is a server's declared charset.
    """
    text = decode_html(html, encoding=encoding) if isinstance(html, bytes) else html
    text = text.replace("\x00", "")
    if not text.strip():
        raise ArticleFormatError("empty page")
    tree = load_html(text)
    if tree is None:
        raise ArticleFormatError("not an HTML page that can be read")
    links = link_texts(tree)
    document = trafilatura.bare_extraction(
        tree,
        url=http_url(url) or None,
        with_metadata=True,
        include_comments=False,
        include_formatting=True,  # italics tell captions apart; the stored body is plain text
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    if document is None or document.body is None:
        raise ArticleFormatError(_NO_ARTICLE)
    article_url = http_url(document.url) or http_url(url)
    site = site_name(document.sitename or "", title=document.title or "")
    byline = clean_author(document.author or "", site=site or publication_from_url(article_url))
    title = clean_title(document.title or "", site=site, byline=byline, url=article_url)
    if not title:
        raise ArticleFormatError("no headline: the page has no title")
    paragraphs = body_paragraphs(document.body, title=title, links=links)
    if not paragraphs:
        raise ArticleFormatError(_NO_ARTICLE)
    return _article(
        title=title,
        byline=byline,
        published=iso_date(document.date),
        publication=site or publication_from_url(article_url),
        url=article_url,
        language=language_code(document.language),
        paragraphs=paragraphs,
    )


def _article(
    *,
    title: str,
    byline: str,
    published: datetime.date | None,
    publication: str,
    url: str,
    language: str,
    paragraphs: list[str],
) -> ParsedArticle:
    """The article with its body joined as parse_article joins one, and its quote-mark warnings."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for paragraph in paragraphs:
        spans.append((cursor, cursor + len(paragraph)))
        cursor += len(paragraph) + 2
    body = "\n\n".join(paragraphs)
    _, problems = scan_quotes_cached(body, tuple(spans))
    return ParsedArticle(
        title=title,
        byline=byline,
        published=published,
        publication=publication,
        url=url,
        language=language,
        body=body,
        paragraphs=tuple(spans),
        warnings=tuple(dict.fromkeys(f"paragraph {index + 1}: {problem}" for index, problem in problems)),
    )

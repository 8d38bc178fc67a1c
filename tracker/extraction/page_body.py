# ruff: noqa: RUF001  (quote marks and dashes in patterns are this module's subject)
"""A web page's body paragraphs: trafilatura's paragraph tree -> plain paragraphs, page furniture dropped.

trafilatura finds the article's part of the page but keeps some of what surrounds paragraphs on news
sites: captions and photo credits, related-story links, share and newsletter lines, contributor
lines, the headline and deck above the first paragraph, pull quotes. Each rule below drops one kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.etree import _Element
from lxml.html import HtmlElement

from .parse import _is_boilerplate as is_trailing_boilerplate

# Elements of trafilatura's tree whose text is one paragraph each, and those that hold paragraphs.
_TEXT_BLOCKS = frozenset({"p", "head", "item", "code"})
_CONTAINERS = frozenset({"quote", "list", "div", "table", "row", "cell"})
# A short line that is only a photo credit: "Chip Somodevilla/Getty Images", "AP Photo/Uncredited".
_CREDIT_LINE_RE = re.compile(r"^[\w .,'&-]{2,60}/[\w .,'&-]{2,60}$")
_CREDIT_LINE_WORDS = 8
# An italic caption ending in its credit: "The basement at 80 New York. (Scott Heins/Gothamist)".
_CAPTION_CREDIT_RE = re.compile(
    r"\((?:[^()]*/[^()]*|public domain|(?:photo|image|picture)s?:? [^()]*|(?:getty|ap|afp|reuters)[^()]*)\)\s*$",
    re.IGNORECASE,
)
# Lines of the page around the article, wherever they stand between paragraphs.
_PAGE_FURNITURE_RE = re.compile(
    r"^(?:advertisement|supported by|loading\b.*\.\.\.|continue reading|main content|related|more on \w+"
    r"|more \w+|read more\b.*|see also\b.*|(?:click|tap) here\b.*|sign up\b.*|share this|tweet this|tweet"
    r"|link this|digg this|reprints|email|print|like us on facebook\b.*|follow us on\b.*|[-–—|•_]+"
    r"|(?:twitter|facebook|instagram|email):\s*@?\S+|updates?:|(?:[\d:.]+\s*[ap]\.?m\.?:\s*)?this (?:article|story) was"
    r" (?:originally published|updated)\b.*)$",
    re.IGNORECASE,
)
_NEWSLETTER_RE = re.compile(
    r"\bnewsletters?\b.*\b(?:sign up|subscribe|sent|delivered|emailed|inbox)|\b(?:sign up|subscribe)\b.*\bnewsletter"
    r"|promotional content|emailed to me",
    re.IGNORECASE,
)
_PROMO_WORDS = 45  # a newsletter promotion is short; a paragraph about a newsletter is not one
_CONTRIBUTED_RE = re.compile(
    r"(?:contributed to this (?:report|story|article)|with assistance (?:by|from))\b.{0,80}$", re.IGNORECASE
)
_KICKER_WORDS = 5
_LINK_PARAGRAPH_WORDS = 3


@dataclass(frozen=True, slots=True)
class _Block:
    """One paragraph of trafilatura's tree and the element kind it came from."""

    text: str
    tag: str  # p, head, item or code; "quote" for a paragraph inside a block quotation


def link_texts(tree: HtmlElement) -> frozenset[str]:
    """The page's link texts of a few words or more: a paragraph that is exactly one is a related link.

    Read from the page itself because trafilatura's own link output splits some pages' paragraphs.
    """
    texts = (clean_line(anchor.text_content()) for anchor in tree.iter("a"))
    return frozenset(text for text in texts if len(text.split()) >= _LINK_PARAGRAPH_WORDS)


def body_paragraphs(body: _Element, *, title: str, links: frozenset[str]) -> list[str]:
    """The article's paragraphs in trafilatura's ``body`` tree, without the page furniture around them."""
    blocks = _without_lead([block for element in body for block in _blocks(element, inside="")])
    texts = [block.text for block in blocks]
    kept = [
        block.text
        for block in blocks
        if block.text not in links
        and not _is_page_furniture(block.text, title=title)
        and not (block.tag == "quote" and _repeats_body(block.text, texts))
    ]
    while kept and is_trailing_boilerplate(kept[-1]):
        kept.pop()
    return kept


def clean_line(text: str) -> str:
    """One paragraph's text: whitespace runs (no-break spaces included) become one space."""
    return " ".join(text.split())


def _blocks(element: _Element, *, inside: str) -> list[_Block]:
    """The paragraphs of one element of the tree, in order; a container gives one per child."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _CONTAINERS and any(child.tag in _TEXT_BLOCKS or child.tag in _CONTAINERS for child in element):
        blocks = [_loose_text(element.text, inside or tag)]
        for child in element:
            blocks.extend(_blocks(child, inside=inside or tag))
            blocks.append(_loose_text(child.tail, inside or tag))
        return [block for block in blocks if block is not None]
    if tag not in _TEXT_BLOCKS and tag not in _CONTAINERS:
        return []
    text = clean_line("".join(element.itertext()))
    if not text or _is_caption(element, text):
        return []
    return [_Block(text=text, tag="quote" if "quote" in (inside, tag) else tag)]


def _loose_text(text: str | None, container: str) -> _Block | None:
    cleaned = clean_line(text or "")
    return _Block(text=cleaned, tag="quote" if container == "quote" else "p") if cleaned else None


def _without_lead(blocks: list[_Block]) -> list[_Block]:
    """Drop what stands above the first paragraph: headline, deck, summary bullets, section kicker."""
    for index, block in enumerate(blocks):
        if block.tag in ("p", "quote") and not _is_kicker(block.text):
            return blocks[index:]
    return blocks


def _is_kicker(text: str) -> bool:
    return len(text.split()) <= _KICKER_WORDS and not text.endswith((".", "?", "!", '"', "”", "’", ":"))


def _repeats_body(text: str, texts: list[str]) -> bool:
    """A pull quote: a block quotation whose words are printed again inside another paragraph."""
    core = _fold(text).strip("\"'“”‘’ ")
    return bool(core) and any(core in _fold(other) and _fold(other) != _fold(text) for other in texts)


def _is_caption(element: _Element, paragraph: str) -> bool:
    """A credit alone, or an italic-only paragraph ending in a credit: a photo caption, not body."""
    if _CREDIT_LINE_RE.match(paragraph) and len(paragraph.split()) <= _CREDIT_LINE_WORDS:
        return True
    whole_italic = (
        not (element.text or "").strip()
        and len(element) > 0
        and all(child.tag == "hi" and child.get("rend") == "#i" and not (child.tail or "").strip() for child in element)
    )
    return whole_italic and bool(_CAPTION_CREDIT_RE.search(paragraph))


def _is_page_furniture(paragraph: str, *, title: str) -> bool:
    if title and _fold(paragraph) == _fold(title):
        return True  # the headline repeated above the body
    if _NEWSLETTER_RE.search(paragraph) and len(paragraph.split()) <= _PROMO_WORDS:
        return True
    return bool(_PAGE_FURNITURE_RE.match(paragraph) or _CONTRIBUTED_RE.search(paragraph))


def _fold(text: str) -> str:
    return clean_line(text).casefold()

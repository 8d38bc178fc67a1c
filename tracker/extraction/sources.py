# ruff: noqa: RUF001  (quote marks and apostrophes are this module's subject)
"""The original source of a statement (speech, interview, tweet, letter …) from its context."""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .types import ExtractedSource

_MEDIA_ALT = "|".join(re.escape(m) for m in sorted(lx.MEDIA, key=len, reverse=True))
_PLATFORM_ALT = "|".join(re.escape(p) for p in sorted(lx.PLATFORMS, key=len, reverse=True))
_NAME = r"(?:the\s+)?(?-i:[A-Z][\w&'’.\-]*(?:\s+(?:of\s+|the\s+|and\s+|for\s+)?[A-Z][\w&'’.\-]*)*)"
_Q = "\x01+"  # a quoted passage in masked text

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "essay",
        re.compile(
            r"\b(?:in|from|of)\s+(?:an?|the|his|her|their|its|a\s+new|a\s+recent)\s+(?:new\s+|recent\s+|latest\s+)?"
            r"(?P<noun>essay|report|paper|study|analysis|white\s+paper|book|memoir)\b"
            r"(?:\s+(?:entitled|titled|called)\s+(?P<title>" + _Q + r"))?"
            r"(?:[^.]{0,40}?\b(?:for|by|from|published\s+by)\s+(?P<publisher>" + _NAME + r"))?",
            re.IGNORECASE,
        ),
    ),
    (
        "essay",
        re.compile(
            r"\b(?:an?|the)\s+(?P<noun>essay|report|paper|study)\s+(?:entitled|titled|called)\s+(?P<title>" + _Q + r")",
            re.IGNORECASE,
        ),
    ),
    (
        "article",
        re.compile(
            r"\b(?:in|from)\s+(?:an?|the|his|her|their)\s+(?P<noun>article|op-ed|opinion\s+piece|column|editorial"
            r"|commentary|blog\s+post|piece|guest\s+essay)\b"
            r"(?:\s+(?:entitled|titled|headlined)\s+(?P<title>" + _Q + r"))?"
            r"(?:[^.]{0,40}?\b(?:in|for|on|by)\s+(?P<publisher>" + _MEDIA_ALT + r"|" + _NAME + r"))?",
            re.IGNORECASE,
        ),
    ),
    (
        "article",
        re.compile(
            r"\b(?:wrote|writes|writing)\s+(?:in|for)\s+(?:an?\s+(?P<noun>op-ed|column|article|piece)\s+"
            r"(?:in|for)\s+)?(?P<publisher>" + _MEDIA_ALT + r"|" + _NAME + r")"
        ),
    ),
    (
        "social_media",
        re.compile(
            r"\b(?:on|to|via)\s+(?:the\s+)?(?:social\s+media\s+(?:platform|site|network)\s+)?(?P<platform>"
            + _PLATFORM_ALT
            + r")\b(?!\s+(?:is|was|has|had)\b)",
            re.IGNORECASE,
        ),
    ),
    (
        "social_media",
        re.compile(
            r"\b(?:in\s+a|in\s+an?\s+\w+|a)\s+(?P<noun>tweet|post|video\s+(?:posted|message)|thread|Facebook\s+post"
            r"|Instagram\s+post|Telegram\s+post|social\s+media\s+post)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "interview",
        re.compile(
            r"\b(?:in\s+)?an?\s+(?:\w+\s+){0,2}interview(?:\s+(?:with|on|to|for)\s+(?P<publisher>"
            + _MEDIA_ALT
            + r"|"
            + _NAME
            + r"))?",
            re.IGNORECASE,
        ),
    ),
    (
        "interview",
        re.compile(
            r"\b(?:told|telling|speaking\s+to|spoke\s+to|speaking\s+with|spoke\s+with|interviewed\s+by)\s+(?:the\s+)?"
            r"(?P<publisher>" + _MEDIA_ALT + r")(?![\w-])"
        ),
    ),
    (
        "letter",
        re.compile(
            r"\b(?:an?|the|their|his|her|its|open|joint)\s+(?:open\s+|joint\s+|signed\s+)?(?P<noun>letter)\b"
            r"(?:\s+(?:to|addressed\s+to)\s+(?P<to>" + _NAME + r"))?",
            re.IGNORECASE,
        ),
    ),
    (
        "official_statement",
        re.compile(
            r"\b(?:in\s+a|in\s+an?\s+\w+|issued\s+a|released\s+a|the)\s+(?:written\s+|joint\s+|brief\s+|short\s+)?"
            r"(?P<noun>statement|press\s+release|communiqu[eé]|news\s+release|filing|readout)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "speech",
        re.compile(
            r"\b(?P<phrase>(?:at|during|in|before|ahead\s+of|after)\s+(?:the\s+(?:start|end|opening|close|beginning)\s+of\s+)?"
            r"(?:an?|the|his|her|their|its|this\s+week's|Tuesday's|a\s+joint)\s+(?:\w+\s+){0,3}?"
            r"(?:news\s+conference|press\s+conference|conference|briefing|meeting|summit|rally|hearing|speech|address"
            r"|remarks|ceremony|forum|session|gathering|convention|debate|town\s+hall|event|lecture|sermon|"
            r"press\s+briefing|testimony|campaign\s+stop|roundtable|panel))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "speech",
        re.compile(
            r"\b(?P<phrase>told\s+(?:reporters|journalists|the\s+press|parliament|lawmakers|legislators|MPs|"
            r"Congress|the\s+(?:committee|conference|crowd|audience|assembly|senate|house|chamber|summit|meeting)"
            r"|delegates|supporters|the\s+crowd|a\s+crowd|an\s+audience|students|a\s+(?:news|press)\s+conference)"
            r"|addressing\s+[^,.]{3,40}|testified|testifying|in\s+(?:a|his|her)\s+speech)\b"
        ),
    ),
]


# Cheap substring checks that let most sentences skip most patterns.
_TRIGGERS: list[tuple[str, ...]] = [
    ("essay", "report", "paper", "study", "analysis", "book", "memoir"),
    ("essay", "report", "paper", "study"),
    ("article", "op-ed", "opinion", "column", "editorial", "commentary", "blog", "piece"),
    ("wrote", "writes", "writing"),
    (*tuple(lx.PLATFORMS), "social media"),
    ("tweet", "post", "video", "thread"),
    ("interview",),
    ("told", "telling", "speaking", "spoke", "interviewed"),
    ("letter",),
    ("statement", "release", "communiqu", "filing", "readout"),
    ("at ", "during", "in ", "before", "ahead", "after"),
    ("told", "addressing", "testif", "speech"),
]


def detect_source(text: str, cue_lemma: str, quote_text: Callable[[int], str]) -> ExtractedSource | None:
    """Source mentioned in ``text`` (a masked sentence), or implied by the cue (tweeted)."""
    return pick_source(find_sources(text, quote_text), cue_lemma)


# Interviews and articles name more than speeches; a letter beats a generic statement.
_RANK = {
    "essay": 0,
    "article": 1,
    "interview": 2,
    "letter": 3,
    "social_media": 4,
    "official_statement": 5,
    "speech": 6,
}


# Nouns one of which every match of the first speech pattern ends with ("at a news conference"): almost
# every sentence has "at " or "in ", few have one of these, and that regex is the costliest to run.
_SPEECH_NOUNS = (
    "conference",
    "briefing",
    "meeting",
    "summit",
    "rally",
    "hearing",
    "speech",
    "address",
    "remarks",
    "ceremony",
    "forum",
    "session",
    "gathering",
    "convention",
    "debate",
    "town",
    "event",
    "lecture",
    "sermon",
    "testimony",
    "campaign",
    "roundtable",
    "panel",
)
_SPEECH_PATTERN = _PATTERNS[10][1]
# The only non-ASCII characters a case-insensitive regex matches to an ASCII letter whose lower() is not that
# letter; without them, a substring test on the lowered text is exact for IGNORECASE patterns.
_CASE_TRAPS = frozenset("\u0130\u0131\u017f")


def find_sources(text: str, quote_text: Callable[[int], str]) -> list[ExtractedSource]:
    """Every source mentioned in ``text`` (a masked sentence), best first; independent of the cue."""
    found: list[tuple[int, ExtractedSource]] = []
    lowered = text.lower()
    for (kind, pattern), triggers in zip(_PATTERNS, _TRIGGERS, strict=True):
        # A plain loop with break is the fastest way to test the substrings (faster than any() or a regex).
        for trigger in triggers:
            if trigger in lowered:
                break
        else:
            continue
        if (
            pattern is _SPEECH_PATTERN
            and not any(noun in lowered for noun in _SPEECH_NOUNS)
            and _CASE_TRAPS.isdisjoint(text)
        ):
            continue
        for match in pattern.finditer(text):
            source = _build(kind, match, quote_text)
            if source is not None:
                found.append((match.start(), source))
    found.sort(key=lambda item: (_RANK.get(item[1].kind, 9), not item[1].publisher, item[0]))
    return [source for _, source in found]


def pick_source(found: list[ExtractedSource], cue_lemma: str) -> ExtractedSource | None:
    """The source of a statement given the sources its sentence mentions (find_sources) and its cue."""
    if cue_lemma == "tweet":
        return ExtractedSource("social_media", "tweet", "Twitter")
    return found[0] if found else None


def _group(match: re.Match[str], name: str) -> str:
    try:
        value = match.group(name)
    except IndexError:
        return ""
    return " ".join(value.split()) if value else ""


def _clean_publisher(publisher: str) -> str:
    publisher = publisher.strip(" ,.")
    for article in ("the ", "The "):
        if publisher.startswith(article) and publisher[len(article) :] in lx.MEDIA:
            publisher = publisher[len(article) :]
    if publisher.endswith(("'s", "’s")):
        publisher = publisher[:-2]
    return publisher


def _build(kind: str, match: re.Match[str], quote_text: Callable[[int], str]) -> ExtractedSource | None:
    noun = _group(match, "noun").lower()
    publisher = _clean_publisher(_group(match, "publisher"))
    title_match = _group(match, "title")
    title = quote_text(match.start("title")).strip(" ,.;:") if title_match else ""
    if kind == "essay":
        if noun in ("book", "memoir"):
            return ExtractedSource("essay", title or noun, publisher)
        return ExtractedSource("essay", title or noun, publisher)
    if kind == "article":
        if publisher and publisher.lower() in ("a", "an"):
            publisher = ""
        return ExtractedSource("article", title or (f"{publisher} {noun or 'article'}".strip()), publisher)
    if kind == "social_media":
        platform = _group(match, "platform")
        if platform:
            publisher = lx.PLATFORMS.get(platform.lower(), platform)
            if publisher == "X" and platform != "X":
                return None
            return ExtractedSource("social_media", "post", publisher)
        if "tweet" in noun:
            return ExtractedSource("social_media", "tweet", "Twitter")
        for key, value in lx.PLATFORMS.items():
            if len(key) > 2 and key in noun:
                return ExtractedSource("social_media", "post", value)
        return ExtractedSource("social_media", "post", "")
    if kind == "interview":
        return ExtractedSource("interview", f"{publisher} interview".strip(), publisher)
    if kind == "letter":
        to = _group(match, "to")
        return ExtractedSource("letter", f"letter to {to}" if to else "letter", "")
    if kind == "official_statement":
        return ExtractedSource("official_statement", noun or "statement", "")
    if kind == "speech":
        phrase = _group(match, "phrase")
        low = phrase.lower()
        if low.startswith("told "):
            return ExtractedSource("speech", "remarks to " + phrase[5:], "")
        if "speech" in low or "address" in low:
            return ExtractedSource("speech", phrase.split(None, 1)[1] if " " in phrase else phrase, "")
        return ExtractedSource("speech", "remarks " + phrase, "")
    return None


def source_key(source: ExtractedSource, speaker: str) -> str:
    """Stable key shared by statements from the same original source of one speaker."""
    parts = [source.kind, source.publisher, source.title, speaker]
    return "|".join(" ".join(part.lower().split()) for part in parts)

"""ArticleText: the read-only view of one article that every attribution stage reads.

The body with each quoted passage masked out (so a quote is one token and never part of a name), the
tokens of each paragraph, which quote each masked token stands for, and the reporting-verb test.
Everything here is a function of the article alone; the memos only save re-reading the same words.
"""

from __future__ import annotations

import bisect
import re

from .. import lexicon as lx
from ..phrases import NounPhrase, classify_at
from ..quotes import RawQuote, scan_quotes_cached
from ..sources import find_sources, pick_source
from ..tokens import QUOTE_CHAR, Token, bare, tokenize
from ..types import ExtractedSource, ParsedArticle

_PASSIVE = frozenset({"is", "was", "are", "were", "be", "been", "being"})
DETERMINERS = frozenset(
    {"a", "an", "the", "his", "her", "their", "its", "this", "that", "these", "those", "our", "my", "your", "such"}
)
# Words before a cue's -s form that make it a plural noun ("opening remarks", "public comments").
_NOUN_MODIFIERS = frozenset(
    "opening closing public private written prepared recent earlier later latest final first last similar such "
    "many several few these those other brief initial subsequent further repeated separate".split()
)
_OBJECTS = frozenset({"him", "her", "them", "me", "us", "you", "reporters", "journalists"})
# Every word cue_lemma can accept; anything else is rejected without looking at its neighbours.
CUE_CANDIDATES = frozenset(lx.CUE_FORMS) | {"according"}
_NICKNAME_RE = re.compile(r"[^\W\d_][\w.'’\-]*(?: [^\W\d_][\w.'’\-]*)?")  # noqa: RUF001


class ArticleText:
    """Body, masked body, paragraph tokens and quote lookups of one parsed article."""

    def __init__(self, article: ParsedArticle) -> None:
        self.article = article
        self.body = article.body
        quotes, _ = scan_quotes_cached(self.body, article.paragraphs)
        chars = list(self.body)
        self._part_at: dict[int, tuple[RawQuote, int]] = {}
        # Start of each quote part's marks, in body order, for content_at.
        self._part_starts: list[int] = []
        for quote in quotes:
            if is_nickname(self.body, quote):
                # 'Marcus "Ace" Brooks': a nickname inside a name is neither a quote nor a name break.
                start, end = quote.outer[0]
                chars[start:end] = " " * (end - start)
                continue
            for number, (start, end) in enumerate(quote.outer):
                chars[start:end] = QUOTE_CHAR * (end - start)
                self._part_at[start] = (quote, number)
        self._part_starts = sorted(self._part_at)
        self.masked = "".join(chars)
        self._paragraph_starts = [start for start, _ in article.paragraphs]
        self._cues: dict[int, str] = {}
        self._tokens: dict[int, list[Token]] = {}
        self._sources: dict[tuple[int, int], list[ExtractedSource]] = {}

    @property
    def paragraphs(self) -> tuple[tuple[int, int], ...]:
        return self.article.paragraphs

    def paragraph_tokens(self, index: int) -> list[Token]:
        """The tokens of paragraph ``index`` of the masked body (read once; callers must not change the list)."""
        tokens = self._tokens.get(index)
        if tokens is None:
            start, end = self.article.paragraphs[index]
            tokens = self._tokens[index] = tokenize(self.masked, start, end)
        return tokens

    def quote_of(self, token: Token) -> tuple[RawQuote, int]:
        """The quote a masked quote token stands for, and which of its parts (0 unless it runs on)."""
        return self._part_at[token.start]

    def quote_content(self, token: Token) -> str:
        quote, number = self.quote_of(token)
        start, end = quote.parts[number]
        return self.body[start:end]

    def content_at(self, position: int) -> str:
        """The words of the quote part whose marks cover body offset ``position``; '' outside quotes."""
        index = bisect.bisect_right(self._part_starts, position) - 1
        if index < 0:
            return ""
        quote, number = self._part_at[self._part_starts[index]]
        if position >= quote.outer[number][1]:
            return ""
        start, end = quote.parts[number]
        return self.body[start:end]

    def paragraph_at(self, position: int) -> int:
        """Index of the paragraph holding body offset ``position``."""
        return max(0, bisect.bisect_right(self._paragraph_starts, position) - 1)

    def words(self, tokens: list[Token]) -> str:
        """The text the tokens cover, spaces collapsed."""
        return " ".join(self.body[tokens[0].start : tokens[-1].end].split()) if tokens else ""

    def classify(self, tokens: list[Token]) -> NounPhrase | None:
        return classify_at(self.body, tokens)

    def cue(self, tokens: list[Token], index: int) -> str:
        """Lemma of the reporting verb at tokens[index] ('said' -> 'say'), or ''."""
        token = tokens[index]
        if token.lower not in CUE_CANDIDATES:
            return ""  # most words are no reporting-verb form at all
        lemma = self._cues.get(token.start)
        if lemma is None:
            lemma = self._cues[token.start] = cue_lemma(tokens, index)
        return lemma

    def sources_in(self, sentence_text: str, offset: int) -> list[ExtractedSource]:
        """Every original source a masked sentence starting at body ``offset`` mentions, best first."""
        key = (offset, len(sentence_text))
        found = self._sources.get(key)
        if found is None:
            found = self._sources[key] = find_sources(
                sentence_text, lambda position: self.content_at(offset + position)
            )
        return found

    def source_in(self, sentence_text: str, lemma: str, offset: int) -> ExtractedSource | None:
        """The source of a statement in that sentence, given its cue's lemma ('tweeted' is a post)."""
        return pick_source(self.sources_in(sentence_text, offset), lemma)

    def sentence_start(self, sentence_text: str, paragraph: int) -> int:
        """Body offset of a masked sentence of paragraph ``paragraph``."""
        return self.masked.find(sentence_text, self.article.paragraphs[paragraph][0])


def cue_lemma(tokens: list[Token], index: int) -> str:
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
    if low.endswith("s") and low != "says" and previous in _NOUN_MODIFIERS:
        return ""  # "her opening remarks", "his recent comments": nouns, not verbs
    if previous in DETERMINERS or (previous in ("of", "to") and not low.endswith("ing")):
        return ""
    if (
        index + 1 < len(tokens)
        and tokens[index + 1].lower == "to"
        and lemma in ("say", "continue", "begin")
        and not (lemma == "say" and previous in lx.SUBJECT_PRONOUNS)  # "he said to laughter": speech
    ):
        # "is said to be", "continued to rise": an infinitive follows; "said to the driver" names a listener.
        listener = index + 2 < len(tokens) and (
            tokens[index + 2].lower in DETERMINERS or tokens[index + 2].is_cap or tokens[index + 2].lower in _OBJECTS
        )
        if not listener:
            return ""
    return lemma


def is_nickname(body: str, quote: RawQuote) -> bool:
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

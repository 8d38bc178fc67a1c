"""Documents that speak for their authors: letters, statements, reports, posts.

"200 doctors signed a letter warning …", "a letter signed by X", "X said in an open letter": whenever
"the letter" later says something, its authors said it. These readers note who wrote which document
(in the discourse memory) as sentences are read, and find the author of a document at a cue.
"""

from __future__ import annotations

from .. import lexicon as lx
from ..phrases import NounPhrase
from ..tokens import PREPOSITIONS, Token, bare
from ..types import MentionKind, SourceKind
from .clauses import after_dateline, agent_after, main_subject
from .entities import Entity
from .memory import Discourse
from .mention_to_entity import document_author
from .mentions import AUTHORING, phrase_after, subject_before
from .text import DETERMINERS, ArticleText

# Verbs whose subject authors the document that follows ("200 doctors signed a letter").
_SENDING = frozenset(
    [
        "signing",
        "signed",
        "sign",
        "sent",
        "sending",
        "send",
        "wrote",
        "writing",
        "write",
        "issued",
        "issuing",
        "issue",
        "released",
        "releasing",
        "published",
        "publishing",
        "penned",
        "drafted",
        "circulated",
        "circulating",
        "filed",
        "filing",
        "submitted",
        "submitting",
    ]
)
DOCUMENT_MODIFIERS = frozenset(["open", "joint", "brief", "short", "new", "formal", "public", "private"])
_OWN_DOCUMENT = frozenset({"a", "an", "its", "their", "his", "her"})
_AUTHORS = frozenset({MentionKind.NAME, MentionKind.ORGANISATION, MentionKind.GROUP, MentionKind.ROLE})


def note_authors(text: ArticleText, memory: Discourse, tokens: list[Token], low: int, high: int) -> None:
    """'X signed a letter …', 'a letter signed by X': X is the author whenever the letter speaks."""
    documents = memory.documents
    documents.in_sentence = {}
    for index in range(low, high):
        token = tokens[index]
        if token.is_cap or not token.is_word:
            continue
        head = token.lower if token.lower[-1].isalpha() else bare(token.text)
        if head not in lx.DOCUMENT_NOUNS:
            continue
        found: tuple[NounPhrase, int] | None = None
        by = _document_by(tokens, index, high)
        if index + 2 < high and tokens[index + 1].lower in AUTHORING and tokens[index + 2].lower == "by":
            found = agent_after(text, tokens, index + 3, high)
        elif by > 0:
            # "a report by the Rivers Trust", "The report, Water Quality 2024, by the trust": its author.
            found = phrase_after(text, tokens, by + 1, high)
        else:
            verb = index - 1
            while verb > low and (tokens[verb].lower in DETERMINERS or tokens[verb].lower in DOCUMENT_MODIFIERS):
                verb -= 1
            if verb < index - 1 and verb >= low and tokens[verb].lower in _SENDING:
                found = subject_before(text, tokens, verb, low)
        determiner = index - 1
        while determiner > index - 3 and tokens[determiner].is_word and tokens[determiner].lower not in _OWN_DOCUMENT:
            determiner -= 1
        if (
            found is None
            and determiner - 1 > low
            and tokens[determiner].lower in _OWN_DOCUMENT
            and tokens[determiner - 1].lower == "in"
            and all(not t.is_cap and t.is_word for t in tokens[determiner:index])
        ):
            # "The agency backed the plan in a short memo, which called …".
            subject = main_subject(text, tokens, low, determiner - 1)
            found = (
                subject
                if subject is not None and subject[0].kind in (MentionKind.NAME, MentionKind.ORGANISATION)
                else None
            )
        if found is None or found[0].kind not in _AUTHORS:
            continue
        entity = memory.registry.resolve(found[0])
        if entity is None:
            continue
        documents.authors[head] = entity
        documents.in_sentence[index] = entity
        sentence_text = text.masked[tokens[low].start : tokens[high - 1].end]
        source = text.source_in(sentence_text, "", tokens[low].start)
        if source is not None:
            memory.sources[id(entity)] = source


def note_document(
    text: ArticleText, memory: Discourse, sentence_text: str, lemma: str, offset: int, entity: Entity
) -> None:
    """'X said in an open letter …': a later "the letter said" is X's."""
    source = text.source_in(sentence_text, lemma, offset)
    if source is None or source.kind not in (SourceKind.LETTER, SourceKind.OFFICIAL_STATEMENT):
        return
    if source.kind == SourceKind.LETTER:
        noun = "letter"
    else:
        noun = bare(source.title.split()[-1]) if source.title else "statement"
    memory.documents.authors[noun] = entity


def authored_document(
    text: ArticleText, memory: Discourse, tokens: list[Token], cue: int, low: int
) -> tuple[Entity, int] | None:
    """'X signed a letter warning …', 'a letter signed by X, which urged …': (author, document index)."""
    in_sentence = memory.documents.in_sentence
    if cue - 1 >= low and cue - 1 in in_sentence:
        return in_sentence[cue - 1], cue - 1
    if cue - 2 >= low and tokens[cue - 1].lower in ("which", "that") and tokens[cue - 2].text == ",":
        earlier = [index for index in in_sentence if low <= index < cue - 2]
        if earlier:
            return in_sentence[max(earlier)], max(earlier)
    for index in sorted(in_sentence, reverse=True):
        # "A letter signed by 300 doctors urged …": the letter is the subject, not the doctors.
        if (
            low <= index < cue - 3 <= index + 25
            and tokens[index + 1].lower in AUTHORING
            and tokens[index + 2].lower == "by"
            and not any(text.cue(tokens, between) for between in range(index + 3, cue))
            and not _inside_phrase(tokens, index, low)
        ):
            return in_sentence[index], index
    return None


def _inside_phrase(tokens: list[Token], index: int, low: int) -> bool:
    """'In a statement released by her lawyers, Castellano said': the document is in a prepositional phrase,
    so it is not what speaks."""
    before = index - 1
    while before >= low and (tokens[before].lower in DETERMINERS or tokens[before].lower in DOCUMENT_MODIFIERS):
        before -= 1
    return before >= low and tokens[before].lower in PREPOSITIONS


def note_document_subject(
    text: ArticleText, memory: Discourse, tokens: list[Token], low: int, high: int, paragraph: int
) -> None:
    """'The report recommends …': a document as a sentence's subject is what a later 'it' means."""
    start = after_dateline(tokens, low, high)
    if start + 2 >= high or tokens[start].lower not in DETERMINERS:
        return
    head = bare(tokens[start + 1].text)
    if head not in lx.DOCUMENT_NOUNS or not tokens[start + 2].is_word or tokens[start + 2].is_cap:
        return
    author = memory.documents.authors.get(head) or document_author(text, memory, head)
    if author is not None:
        memory.documents.last = (paragraph, author)


def _document_by(tokens: list[Token], index: int, high: int) -> int:
    """Index of the 'by' naming a document's author right after it or after its title in commas, else -1."""
    after = index + 1
    if after < high and tokens[after].text == ",":
        close = after + 1
        while close < high and close - after <= 10 and tokens[close].text != "," and not tokens[close].is_quote:
            if not (tokens[close].is_cap or tokens[close].text[0].isdigit() or tokens[close].lower in ("of", "the")):
                return -1
            close += 1
        if close >= high or tokens[close].text != "," or close == after + 1:
            return -1
        after = close + 1
    return after if after + 1 < high and tokens[after].lower == "by" else -1

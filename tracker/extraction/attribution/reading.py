"""Reading an article from the top, sentence by sentence: the order in which the attribution stages run.

For each sentence: the names in it before its first quote are noted (so they can be pronouns'
antecedents), documents and their authors, then each quote is joined to the one before it (a split
quote) or attributed (``quote_to_mention.attribute_quote``), then the reporter's own clauses after the
quotes (reported speech, who the sentence is about). After the last paragraph, quote-only paragraphs
whose speaker the next paragraph names are attributed, and the statements are built.
"""

from __future__ import annotations

from .. import lexicon as lx
from ..types import ExtractedStatement, ParsedArticle, Rule
from .clauses import sentences
from .documents import note_authors, note_document, note_document_subject
from .entities import Registry
from .joining import (
    ParagraphState,
    attribute_to_main_speaker,
    continue_quote,
    join_continuation,
    join_same_cue,
    join_split_quote,
    join_uncued_fragments,
    look_ahead,
)
from .memory import Discourse, QuoteCandidate
from .narrative import note_names, note_narrative, note_opening, note_reported_speech
from .nonstatements import word_key
from .quote_to_mention import attribute_quote
from .statements import add_group_members, build_statements
from .text import CUE_CANDIDATES, ArticleText


def read_article(article: ParsedArticle) -> tuple[list[ExtractedStatement], Discourse]:
    """Attribute every quote of ``article``; the statements and the memory the reading left."""
    text = ArticleText(article)
    memory = Discourse(Registry(article.body))
    for paragraph in range(len(article.paragraphs)):
        tokens = text.paragraph_tokens(paragraph)
        if not tokens:
            continue
        state = ParagraphState()
        for low, high in sentences(text, tokens):
            read_sentence(text, memory, paragraph, tokens, low, high, state)
    look_ahead(text, memory)
    join_uncued_fragments(text, memory)
    attribute_to_main_speaker(text, memory)
    add_group_members(text, memory)
    return build_statements(text, memory), memory


def read_sentence(
    text: ArticleText,
    memory: Discourse,
    paragraph: int,
    tokens: list,
    low: int,
    high: int,
    state: ParagraphState,
) -> None:
    """Read tokens[low:high], one sentence of paragraph ``paragraph``, into ``memory``."""
    sentence_text = text.masked[tokens[low].start : tokens[high - 1].end]
    if low == 0:
        memory.known_count = len(memory.registry.entities)
    cues = [i for i in range(low, high) if tokens[i].lower in CUE_CANDIDATES and text.cue(tokens, i)]
    quote_indices = [i for i in range(low, high) if tokens[i].is_quote]
    first_quote = quote_indices[0] if quote_indices else high
    # Names before the first quote are seen before the quote's speaker is resolved, except those
    # after a pronoun subject's cue: in 'He added that benching Price …' Price is not who 'he' is.
    split = first_quote
    pronoun_cue = next((c for c in cues if c < first_quote), -1)
    if pronoun_cue > low and tokens[pronoun_cue - 1].lower in lx.SUBJECT_PRONOUNS:
        split = pronoun_cue
    subject = note_names(text, memory, tokens, low, split, subject=True)
    note_authors(text, memory, tokens, low, high)
    if subject is not None and not quote_indices:
        # "A group of doctors sent a letter …": later quotes of theirs come from that letter.
        source = text.source_in(sentence_text, "", tokens[low].start)
        if source is not None:
            memory.sources[id(subject)] = source
    used_until = low - 1
    memory.post_end = low - 1
    known = len(memory.quotes)
    for qi in quote_indices:
        quote, number = text.quote_of(tokens[qi])
        if number > 0:
            state.previous, used_until = continue_quote(text, memory, quote, number, tokens, qi, high, paragraph)
            state.used_until = used_until
            continue
        candidate = QuoteCandidate(quote, paragraph, qi, sentence_text, parts=list(quote.parts[:1]))
        if state.previous is not None and join_split_quote(text, memory, state, candidate, tokens, qi, low, high):
            memory.quote_owners.setdefault(id(quote), candidate)  # its later paragraphs follow merged_into
            used_until = qi
            continue
        attribute_quote(text, memory, candidate, tokens, qi, low, high, cues)
        if join_same_cue(memory, candidate, memory.quotes[known:], tokens, qi) or join_continuation(
            text, state, candidate, tokens, qi
        ):
            memory.quote_owners.setdefault(id(quote), candidate)
            used_until = qi
            continue
        attribution = candidate.attribution
        if attribution is not None and attribution.entity is not None:
            note_document(text, memory, sentence_text, attribution.lemma, tokens[low].start, attribution.entity)
        if len(quote.parts) > 1 and attribution is None:
            candidate.dropped = False  # decided when its last paragraph is read
        memory.add_quote(candidate)
        if attribution is not None and not candidate.dropped:
            memory.statement_keys.append(word_key(text.quote_content(tokens[qi])))
        used_until = qi
        if attribution is not None and attribution.rule == Rule.CUE_AFTER_QUOTE:
            used_until = max(used_until, attribution.end_index)
            memory.post_end = used_until
        elif candidate.dropped and not candidate.named:
            memory.post_end = max(memory.post_end, qi)
        state.previous = candidate
        state.used_until = used_until
    note_names(text, memory, tokens, split, high, subject=False)
    spoken = [c.attribution.entity for c in memory.quotes[known:] if c.attribution and c.attribution.entity]
    if spoken:
        # Whoever spoke stays likelier to be the next 'he'/'she' than a name they mentioned.
        memory.registry.touch(spoken[-1])
    note_reported_speech(
        text,
        memory,
        tokens,
        low,
        high,
        cues=cues,
        after=used_until,
        paragraph=paragraph,
        opens_paragraph=low == 0 and not quote_indices,
    )
    if quote_indices:
        state.used_until = max(state.used_until, used_until)
        return
    note_narrative(text, memory, tokens, low, high, paragraph, subject)
    note_document_subject(text, memory, tokens, low, high, paragraph)
    if low == 0:
        note_opening(text, memory, tokens, low, high, paragraph, subject)

# ruff: noqa: RUF001  (dashes are this module's subject)
"""Quoted pieces that are one statement: split quotes, fragments under one cue, quotes over paragraphs.

The convention: pieces under one cue are one statement with several spans (`"A," Smith said, "B."`,
`called it "A" and "B," Smith said`); pieces under separate cues are separate statements. A quote running
over several paragraphs is one candidate here and one statement per paragraph when results are built.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import lexicon as lx
from ..quotes import RawQuote
from ..tokens import Token
from ..types import QuoteKind, Rule
from .clauses import CONNECTORS, WORD_RE, new_speech, outside_parentheses, post_attribution
from .memory import Attribution, Discourse, QuoteCandidate
from .mention_to_entity import resolve_speaker
from .mentions import SENTENCE_END
from .text import DETERMINERS, ArticleText

_AUX_START = frozenset(
    [
        "would",
        "will",
        "should",
        "could",
        "can",
        "may",
        "might",
        "must",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "not",
        "to",
        "do",
        "does",
        "did",
        "and",
        "or",
        "but",
        "of",
        "for",
        "with",
    ]
)
# Words that open the subject of a new clause after ', and': 'one official', 'the company', 'she'.
_SUBJECT_STARTS = DETERMINERS | lx.QUANTIFIERS | lx.SUBJECT_PRONOUNS - {"it"}
# Rules whose cue stands before the quote in the same clause: fragments under that cue may join.
_CUE_BEFORE = frozenset({Rule.CUE_BEFORE_QUOTE, Rule.DOCUMENT_AUTHOR})


@dataclass(slots=True)
class ParagraphState:
    """The quote just read in this paragraph and the last token its attribution used."""

    previous: QuoteCandidate | None = None
    used_until: int = -1


def join_split_quote(
    text: ArticleText,
    memory: Discourse,
    state: ParagraphState,
    candidate: QuoteCandidate,
    tokens: list[Token],
    qi: int,
    low: int,
    high: int,
) -> bool:
    """Join a quote to the previous one: split quotes ('"A," he said, "B."') and '"A," while, "B."'."""
    previous = state.previous
    if previous is None or previous.attribution is None or previous.dropped or previous.merged_into:
        return False
    if post_attribution(text, tokens, qi, high) is not None or _pronoun_cue_after(text, tokens, qi, high):
        return False
    between = tokens[state.used_until + 1 : qi] if state.used_until < qi else []
    joined = all(t.text in (",", ":", ";", "—", "–", "-", ".") or t.lower in CONNECTORS for t in between)
    if not joined and previous.attribution.rule in (Rule.CUE_AFTER_QUOTE, Rule.CUE_ENDS_SENTENCE):
        # '"A," said X at the meeting. "B."': the new sentence is nothing but the quote.
        words = [t for t in between if t.is_word]
        quote_only = qi == low and all(not t.is_word for t in tokens[qi + 1 : high])
        outside = outside_parentheses(tokens, state.used_until + 1, qi)
        # '"A," Engoron said, raising his voice and telling Habba to sit down. "B."': a participle of the same
        # speaker's clause is no new act of speech.
        no_speech = not any(tokens[i].is_quote for i in outside[:-1]) and not any(
            new_speech(text, tokens, i) and not _participle_of_clause(text, tokens, i) for i in outside
        )
        one_sentence = not any(tokens[i].text[0] in SENTENCE_END for i in outside[:-1])
        ends = between[-1].text in SENTENCE_END | {","} or between[-1].text.endswith(".")  # "… of Acme Inc."
        joined = (quote_only and 0 < len(words) <= 24 and ends and no_speech and one_sentence) or (
            quote_only and not words
        )
        # '"A," X told a meeting of pilots, "and B."': the same sentence resumes in lower case.
        resumed = text.quote_content(tokens[qi])[:1].islower()
        joined = joined or (resumed and 0 < len(words) <= 16 and between[-1].text == "," and no_speech and one_sentence)
        # '"A," said X, the union's president. He is also a member. "B."': nobody else spoke or came in
        # between, so B is more of what X said under the same cue.
        about = memory.narrative.get(candidate.paragraph)
        joined = joined or (
            quote_only
            and 0 < len(words) <= 40
            and ends
            and no_speech
            and (about is None or about is previous.attribution.entity)
        )
    if not joined:
        return False
    previous.parts.extend(candidate.quote.parts)
    candidate.merged_into = previous
    last = text.body[slice(*previous.parts[-1])]
    first_words = WORD_RE.findall(text.body[slice(*previous.parts[0])])
    if (
        previous.kind == QuoteKind.PARTIAL
        and last[-1:] in SENTENCE_END
        and first_words
        and first_words[0].lower() not in _AUX_START
        and len(first_words) >= 5
    ):
        previous.kind = QuoteKind.DIRECT
    return True


def _pronoun_cue_after(text: ArticleText, tokens: list[Token], qi: int, high: int) -> bool:
    """'"…," he said', '"…," said she': a cue of the quote's own, whose subject is a pronoun."""
    index = qi + 1
    if index < high and tokens[index].text in (",", "—", "–"):
        index += 1
    if index + 1 >= high:
        return False
    first, second = tokens[index], tokens[index + 1]
    return (first.lower in lx.SUBJECT_PRONOUNS and bool(text.cue(tokens, index + 1))) or (
        bool(text.cue(tokens, index)) and second.lower in lx.SUBJECT_PRONOUNS
    )


def _participle_of_clause(text: ArticleText, tokens: list[Token], index: int) -> bool:
    """'raising his voice and telling Habba to sit down': a participle that does something to someone; not
    'adding that …', which reports more of what was said."""
    if not tokens[index].lower.endswith("ing") or index == 0 or tokens[index - 1].lower not in (",", "and"):
        return False
    following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    return following not in ("that", ":", ",") and text.cue(tokens, index) not in _REPORTING_CONTENT


# Reporting verbs whose participle carries on the content of what was said ('adding that', 'noting').
_REPORTING_CONTENT = frozenset({"say", "add", "note", "explain", "insist", "argue", "claim", "continue", "write"})


def join_continuation(
    text: ArticleText, state: ParagraphState, candidate: QuoteCandidate, tokens: list[Token], qi: int
) -> bool:
    """'"A," says Stephen, raising his voice … Jones points below. "B."': a quote-only sentence that carries on
    the speaker of the paragraph's cued quote, with no other reporting verb since, is more of that statement."""
    previous = state.previous
    attribution = candidate.attribution
    if previous is None or previous.attribution is None or attribution is None:
        return False
    if attribution.rule != Rule.CONTINUATION or previous.attribution.rule not in _CUED:
        return False
    if previous.merged_into is not None or previous.attribution.entity is not attribution.entity:
        return False
    own = {previous.attribution.cue_index}
    if _other_cue(text, tokens, previous.token_index, qi, own):
        return False
    previous.parts.extend(candidate.quote.parts)
    candidate.merged_into = previous
    return True


def join_same_cue(
    memory: Discourse, candidate: QuoteCandidate, earlier: list[QuoteCandidate], tokens: list[Token], qi: int
) -> bool:
    """Fragments introduced by one reporting verb in one sentence are one statement with parts.

    'X wrote that Y had "a" and had "b"': the second fragment joins the first; '… "a" and that Z
    "b"' opens a second reported clause and stays a statement of its own.
    """
    attribution = candidate.attribution
    if (
        attribution is None
        or candidate.dropped
        or attribution.rule not in _CUE_BEFORE
        or len(candidate.quote.parts) > 1
    ):
        return False
    previous = next((c for c in reversed(earlier) if c.merged_into is None and not c.dropped), None)
    if previous is None or previous.attribution is None or len(previous.quote.parts) > 1:
        return False
    if previous.attribution.rule not in _CUE_BEFORE or previous.attribution.cue_index != attribution.cue_index:
        return False
    if previous.attribution.entity is not attribution.entity:
        return False
    if _new_clause(tokens[previous.token_index + 1 : qi]):
        return False
    previous.parts.extend(candidate.quote.parts)
    candidate.merged_into = previous
    memory.add_quote(candidate)
    return True


def _new_clause(between: list[Token]) -> bool:
    """', and one official attributed …': a coordinated clause with a subject of its own, not more of the
    first cue's object ('… "A" and that the delay reflected "B"', '… "A" and "B"')."""
    for index in range(1, len(between) - 1):
        if between[index - 1].text == "," and between[index].lower in ("and", "but", "while", "whereas"):
            following = between[index + 1]
            if following.is_cap or following.lower in _SUBJECT_STARTS:
                return True
    return False


def continue_quote(
    text: ArticleText,
    memory: Discourse,
    quote: RawQuote,
    number: int,
    tokens: list[Token],
    qi: int,
    high: int,
    paragraph: int,
) -> tuple[QuoteCandidate | None, int]:
    """A later paragraph of a multi-paragraph quote: only a closing attribution can be added.

    Returns the quote's candidate when its last part closes here under a cue, so that a quote after it
    in the same paragraph can join it ('"… end of a long quote," Putin continued. "B."'), and the last
    token the attribution used.
    """
    owner = memory.quote_owners.get(id(quote))
    if owner is None:
        return None, qi
    while owner.merged_into is not None:
        owner = owner.merged_into
    if quote.parts[number] not in owner.parts:
        owner.parts.append(quote.parts[number])
    post = post_attribution(text, tokens, qi, high)
    if post is not None and (owner.attribution is None or owner.attribution.rule == Rule.CONTINUATION):
        owner.attribution = resolve_speaker(
            text, memory, post[0], tokens, cue=post[1], rule=Rule.CUE_AFTER_QUOTE, end=post[2], paragraph=paragraph
        )
    if number == len(quote.parts) - 1 and owner.attribution is None:
        speaker = memory.last_speaker.get(owner.paragraph) or memory.last_speaker.get(owner.paragraph - 1)
        if speaker is not None:
            owner.attribution = Attribution(speaker, "", "", "", Rule.CONTINUATION, confidence=0.5)
        else:
            owner.dropped = True
    closes_under_cue = (
        number == len(quote.parts) - 1
        and post is not None
        and owner.attribution is not None
        and owner.attribution.entity is not None
        and not owner.dropped
    )
    if not closes_under_cue:
        return None, qi
    return owner, post[2]


def look_ahead(text: ArticleText, memory: Discourse) -> None:
    """A quote-only paragraph whose speaker the next paragraph names ('"…" / That was the message from X.')."""
    for candidate in memory.quotes:
        if candidate.merged_into is not None or len(candidate.quote.parts) > 1:
            continue
        attribution = candidate.attribution
        if attribution is not None and attribution.rule not in (Rule.CONTINUATION, Rule.NARRATIVE):
            continue
        if attribution is None and not candidate.dropped:
            continue
        opening = memory.openings.get(candidate.paragraph + 1)
        if opening is None or not _quote_only_paragraph(text, candidate):
            continue
        entity, fresh, terse = opening
        if attribution is not None and attribution.rule == Rule.NARRATIVE:
            if attribution.entity is entity or not (fresh or terse):
                continue
        elif attribution is not None and (attribution.entity is entity or not (fresh and terse)):
            continue
        if attribution is None and candidate.unattributed is False and not terse and not fresh:
            continue
        entity.spoke = True
        candidate.attribution = Attribution(entity, "", "", "", Rule.NEXT_PARAGRAPH, confidence=0.5)
        candidate.dropped = False
        candidate.unattributed = False
        candidate.kind = QuoteKind.DIRECT


def _quote_only_paragraph(text: ArticleText, candidate: QuoteCandidate) -> bool:
    start, end = text.paragraphs[candidate.paragraph]
    outer_start, outer_end = candidate.quote.outer[0]
    return not WORD_RE.search(text.body[start:outer_start]) and not WORD_RE.search(text.body[outer_end:end])


# Rules that find a speaker through a reporting verb (or its stand-in) in the quote's own sentence.
_CUED = frozenset(
    {
        Rule.CUE_AFTER_QUOTE,
        Rule.CUE_BEFORE_QUOTE,
        Rule.CUE_ENDS_SENTENCE,
        Rule.ACCORDING_TO,
        Rule.COLON,
        Rule.FRAME,
        Rule.DOCUMENT_AUTHOR,
    }
)


def join_uncued_fragments(text: ArticleText, memory: Discourse) -> None:
    """A quoted fragment with no cue of its own is more of the paragraph's cued statement next to it.

    'Hoenig said the policy was "risking a repeat …". He said it "tells the market …"' is not this;
    'Meanwhile, the Fed's policy "is as likely to be a negative …" Getting rid of it "tells the market
    …," Hoenig said.' is: one remark under one cue, quoted in pieces. The fragment joins the nearest cued
    statement before it in the paragraph, or the one after it whose cue follows its quote, when no other
    reporting verb stands between them. One-word quotes stay out: they are the reporter's more often than not.
    """
    by_paragraph: dict[int, list[QuoteCandidate]] = {}
    for candidate in memory.quotes:
        if candidate.merged_into is None and len(candidate.quote.parts) == 1:
            by_paragraph.setdefault(candidate.paragraph, []).append(candidate)
    for paragraph, candidates in by_paragraph.items():
        tokens = text.paragraph_tokens(paragraph)
        for position, fragment in enumerate(candidates):
            if fragment.attribution is not None or fragment.named or fragment.scare:
                continue
            if len(WORD_RE.findall(text.body[slice(*fragment.parts[0])])) < 2 or not _woven(text, tokens, fragment):
                continue
            host = _cued_neighbour(text, tokens, candidates, position)
            if host is None:
                continue
            host.parts = sorted([*host.parts, *fragment.parts])
            fragment.merged_into = host
            fragment.dropped = fragment.unattributed = False


def _cued_neighbour(
    text: ArticleText, tokens: list[Token], candidates: list[QuoteCandidate], position: int
) -> QuoteCandidate | None:
    fragment = candidates[position]
    earlier = [c for c in candidates[:position] if c.attribution is not None and c.attribution.rule in _CUED]
    if earlier:
        host = earlier[-1]
        own = {host.attribution.cue_index} if host.attribution else set()
        if not _other_cue(text, tokens, host.token_index, fragment.token_index, own):
            return host
    later = [c for c in candidates[position + 1 :] if c.attribution is not None and not c.dropped]
    if later and later[0].attribution is not None:
        host, rule = later[0], later[0].attribution.rule
        own = {host.attribution.cue_index}
        between = tokens[fragment.token_index + 1 : host.attribution.cue_index]
        if (
            rule in (Rule.CUE_AFTER_QUOTE, Rule.CUE_ENDS_SENTENCE)
            and not _other_cue(text, tokens, fragment.token_index, host.attribution.cue_index + 1, own)
            and not any(t.text in ("(", ")") for t in between)
        ):
            return host
    return None


def _woven(text: ArticleText, tokens: list[Token], fragment: QuoteCandidate) -> bool:
    """Words of the reporter's own sentence around the quote, with no reporting verb before it in that
    sentence ('the policy "is as likely …"'), as opposed to speech introduced by a verb we do not know
    ('And I go, "Yes."') or a clause of someone else's ('agreeing with X that it would "look like …"')."""
    index = fragment.token_index - 1
    if index >= 0 and tokens[index].text in (",", ":", "(", "—", "–"):
        return False
    horizon: int | None = None  # once an earlier quote is passed, a passive cue is looked for a few words back
    while index >= 0 and (horizon is None or index >= horizon) and tokens[index].text[0] not in SENTENCE_END:
        if tokens[index].lower in lx.CUE_FORMS and index > 0 and tokens[index - 1].lower in _PASSIVE:
            return False  # 'she was warned that "…" and "…"': someone else's words, reported in the passive
        if horizon is None and text.cue(tokens, index):
            return False
        if horizon is None and tokens[index].is_quote:
            horizon = index - 12
        index -= 1
    return True


_PASSIVE = frozenset({"was", "were", "been", "being", "is", "are", "be"})


def _other_cue(text: ArticleText, tokens: list[Token], start: int, end: int, own: set[int]) -> bool:
    """A reporting verb in tokens[start:end] other than the ones in ``own``."""
    return any(index not in own and text.cue(tokens, index) for index in range(start + 1, min(end, len(tokens))))


# A piece is one person's when they said at least this many of its attributed quotes, and this share of them.
_MAIN_SPEAKER_QUOTES = 4
_MAIN_SPEAKER_SHARE = 0.75


def attribute_to_main_speaker(text: ArticleText, memory: Discourse) -> None:
    """In a profile or an interview written up as prose, a quote with no cue that opens its paragraph or is a
    sentence by itself is an answer of the person the piece is about: who said most of its attributed quotes."""
    spoken: dict[int, int] = {}
    entities = {}
    for candidate in memory.quotes:
        entity = candidate.attribution.entity if candidate.attribution else None
        if entity is not None and candidate.merged_into is None and not candidate.dropped:
            spoken[id(entity)] = spoken.get(id(entity), 0) + 1
            entities[id(entity)] = entity
    if not spoken:
        return
    main, count = max(spoken.items(), key=lambda item: item[1])
    if count < _MAIN_SPEAKER_QUOTES or count < _MAIN_SPEAKER_SHARE * sum(spoken.values()):
        return
    speaker = entities[main]
    for candidate in memory.quotes:
        if candidate.attribution is not None or not candidate.unattributed or candidate.merged_into is not None:
            continue
        start = text.paragraphs[candidate.paragraph][0]
        opens = not WORD_RE.search(text.body[start : candidate.quote.outer[0][0]])
        if not opens and WORD_RE.search(candidate.sentence_text):
            continue  # a quote that opens its paragraph, as an answer does, or stands as a sentence of its own
        candidate.attribution = Attribution(speaker, "", "", "", Rule.MAIN_SPEAKER, confidence=0.4)
        candidate.dropped = candidate.unattributed = False
        candidate.kind = QuoteKind.DIRECT

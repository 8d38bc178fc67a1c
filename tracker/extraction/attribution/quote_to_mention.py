"""How a quote gets its speaker: ordered sieves, most precise first (stage 1), each mention resolved (stage 2).

``attribute_quote`` is the one place the decision is made. It tries, in order:

1. ``cue_after_quote``    '"…," Smith said' / '"…," said Smith, the chief executive'
2. ``cue_before_quote``   'Smith said "…"', 'Smith told reporters that "…"', 'according to Smith, "…"',
                          'a letter signed by 30 doctors warned "…"'
3. ``cue_ends_sentence``  'The plan is "dead," Smith said.'
4. ``frame``              'For Smith, the plan is "…"', 'In the words of Smith, "…"'
5. ``colon``              'Smith had a simple message: "…"'
6. ``continuation``       a sentence that is only a quote: the paragraph's last speaker goes on, or the
                          person the sentences before it are about

Each sieve finds a mention in the text (a name, a role, a pronoun, a document) and hands it to
``mention_to_entity.resolve_speaker``; the first sieve whose mention resolves decides, and no later sieve
overrides it. Quotes that are names of things are never statements (``nonstatements``); a quote no sieve
can attribute is kept unattributed when it is long enough to be speech.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .. import lexicon as lx
from ..chunking import noun_phrase_before
from ..phrases import NounPhrase
from ..tokens import Token, bare
from ..types import MentionKind, QuoteKind, Rule
from .clauses import (
    CONNECTORS,
    NEEDS_OBJECT,
    NOT_ADJACENT,
    WORD_RE,
    after_dateline,
    kind_after_cue,
    main_subject,
    outer_subject,
    post_attribution,
    reduced_relative,
    terminal_tail,
)
from .documents import DOCUMENT_MODIFIERS, authored_document
from .memory import Attribution, Discourse, QuoteCandidate
from .mention_to_entity import author_speaks, resolve_speaker
from .mentions import SENTENCE_END, phrase_after, subject_before
from .narrative import note_names
from .nonstatements import named_thing, non_statement
from .text import DETERMINERS, ArticleText

_MESSAGE_NOUNS = frozenset(
    [
        "message",
        "verdict",
        "view",
        "warning",
        "word",
        "words",
        "assessment",
        "reaction",
        "response",
        "sentiment",
        "take",
        "plea",
        "advice",
        "answer",
        "reply",
        "assurance",
        "promise",
    ]
)
_SPEAKERS = frozenset(
    {MentionKind.NAME, MentionKind.ROLE, MentionKind.ORGANISATION, MentionKind.GROUP, MentionKind.PRONOUN}
)
_SENDING_VERBS = frozenset(
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
        "texted",
        "emailed",
        "tweeted",
        "posted",
    ]
)


# Cues whose object is the listener, never the speaker: 'told reporters', 'asked the minister'.
_ADDRESSING = frozenset({"tell", "ask", "urge", "advise", "assure", "reassure", "remind", "warn", "accuse"})


@dataclass(frozen=True, slots=True)
class QuoteContext:
    """One quote in its sentence: tokens[low:high] is the sentence, tokens[qi] the quote."""

    text: ArticleText
    memory: Discourse
    tokens: list[Token]
    qi: int
    low: int
    high: int
    cues: list[int]  # token indices of the reporting verbs in the sentence
    paragraph: int
    content: str  # the quoted words

    def resolve(self, phrase: NounPhrase, *, cue: int, rule: Rule, end: int) -> Attribution | None:
        return resolve_speaker(
            self.text, self.memory, phrase, self.tokens, cue=cue, rule=rule, end=end, paragraph=self.paragraph
        )


Found = tuple[Attribution, QuoteKind]


def attribute_quote(
    text: ArticleText,
    memory: Discourse,
    candidate: QuoteCandidate,
    tokens: list[Token],
    qi: int,
    low: int,
    high: int,
    cues: list[int],
) -> None:
    """Give ``candidate`` its attribution and kind, or mark it dropped (a name, a scare quote, no speaker)."""
    ctx = QuoteContext(text, memory, tokens, qi, low, high, cues, candidate.paragraph, text.quote_content(tokens[qi]))
    if named_thing(tokens, qi, low, ctx.content):
        candidate.dropped = candidate.named = True
        return
    found = cue_after_quote(ctx)
    if found is None:
        if non_statement(tokens, qi, low, ctx.content, memory.statement_keys):
            candidate.dropped = candidate.scare = True
            return
        found = cue_before_quote(ctx)
    for sieve in (document_content, cue_ends_sentence, frame, colon, continuation):
        if found is not None:
            break
        found = sieve(ctx)
    if found is None:
        candidate.dropped = True
        candidate.unattributed = len(WORD_RE.findall(ctx.content)) >= 8
        return
    candidate.attribution, candidate.kind = found


def cue_after_quote(ctx: QuoteContext) -> Found | None:
    """'"…," Smith said' and '"…," said Smith': the attribution right after the quote."""
    tokens, qi, low, high = ctx.tokens, ctx.qi, ctx.low, ctx.high
    post = post_attribution(ctx.text, tokens, qi, high)
    if post is None:
        return None
    phrase, cue, end = post
    inverted = cue <= qi + 2  # '"…?" said Thomas Ricks, a senior fellow …': nothing after can be its object
    if ctx.content[-1:] in SENTENCE_END and not inverted and not terminal_tail(ctx.text, tokens, end, high):
        return None  # '"… ." Smith said the plan was dead': Smith's cue governs the next clause
    attribution = ctx.resolve(phrase, cue=cue, rule=Rule.CUE_AFTER_QUOTE, end=end)
    if attribution is None:
        return None
    starts_sentence = all(not t.is_word or t.lower in CONNECTORS for t in tokens[low:qi])
    whole = starts_sentence or ctx.content[:1].isupper()
    return attribution, QuoteKind.DIRECT if whole else QuoteKind.PARTIAL


def cue_before_quote(ctx: QuoteContext) -> Found | None:
    """'Smith said "…"': the nearest reporting verb before the quote that no earlier quote has used."""
    tokens, qi = ctx.tokens, ctx.qi
    before = [c for c in ctx.cues if ctx.memory.post_end < c < qi]
    for cue in reversed(before[-2:]):
        # The nearest cue first; a noun that looks like one ("those demands") yields to the verb.
        lemma = ctx.text.cue(tokens, cue)
        between = tokens[cue + 1 : qi]
        if lemma in lx.PHRASAL:
            between = between[1:]
        if lemma in NOT_ADJACENT and len(between) > 1:
            continue
        if (
            cue == before[-1]
            and len(before) > 1
            and (_subordinate(tokens, before[-2], cue, qi) or _reported_within(ctx, before[-2], cue))
        ):
            continue
        attribution = _speaker_at_cue(ctx, cue, lemma, rule=Rule.CUE_BEFORE_QUOTE)
        if attribution is None:
            continue
        fronted = any(t.lower == "what" for t in tokens[max(ctx.low, cue - 5) : cue]) or reduced_relative(
            tokens, cue, ctx.low
        )
        # 'described the side effects as: "…"' quotes what was said however long the object.
        described_as = [t.lower for t in between[-2:] if t.text != ":"][-1:] == ["as"] and len(between) <= 10
        if lemma in NEEDS_OBJECT and ((not between and not fronted) or (len(between) > 4 and not described_as)):
            return None  # 'called for "…"' names nothing said; 'called it "…"' does
        return attribution, kind_after_cue(ctx.text, tokens, qi, ctx.high, between, ctx.content)
    return None


_SUBORDINATORS = frozenset(
    "until unless if when whenever while because although though once since after before as".split()
)


def _subordinate(tokens: list[Token], outer: int, inner: int, qi: int) -> bool:
    """'Clinton said that until Iran reassures the world …, "it would be premature …"': the nearer cue is in
    a clause that opens the outer cue's object, and the quote is that object's main clause."""
    opener = outer + 1
    if opener < inner and tokens[opener].lower == "that":
        opener += 1
    return opener < inner and tokens[opener].lower in _SUBORDINATORS and tokens[qi - 1].text == ","


def _reported_within(ctx: QuoteContext, outer: int, inner: int) -> bool:
    """'Mr Yousaf told MSPs the inquiry only asked for messages in September, "just weeks ago"': the nearer
    cue's subject is a body or a document whose doing a person reports; the quoted words are the person's."""
    if ctx.text.cue(ctx.tokens, outer) in NOT_ADJACENT or ctx.tokens[inner].lower.endswith("ing"):
        return False  # '…, saying "…"': a participle has no subject of its own
    reporter = subject_before(ctx.text, ctx.tokens, outer, ctx.low)
    reported = subject_before(ctx.text, ctx.tokens, inner, outer + 1)
    if reporter is None or reported is None:
        return False
    return reporter[0].kind in (MentionKind.NAME, MentionKind.PRONOUN) and reported[0].kind in (
        MentionKind.ORGANISATION,
        MentionKind.DOCUMENT,
    )


def document_content(ctx: QuoteContext) -> Found | None:
    """'The ministry released a statement that "…"': the words of a document whose author the sentence names."""
    tokens, qi, low = ctx.tokens, ctx.qi, ctx.low
    index = qi - 1
    if index > low and tokens[index].text == ":":
        index -= 1
    if index <= low or tokens[index].lower not in ("that", "saying", "reading", "which", "stating"):
        return None
    document = index - 1
    author = ctx.memory.documents.in_sentence.get(document)
    if author is None or bare(tokens[document].text) not in lx.DOCUMENT_NOUNS:
        return None
    start = document
    while start - 1 >= low and tokens[start - 1].lower in DETERMINERS | DOCUMENT_MODIFIERS:
        start -= 1
    attribution = author_speaks(
        ctx.text, ctx.memory, author, tokens, start=start, cue=document, paragraph=ctx.paragraph
    )
    return replace(attribution, cue="", lemma=""), kind_after_cue(ctx.text, tokens, qi, ctx.high, [], ctx.content)


def cue_ends_sentence(ctx: QuoteContext) -> Found | None:
    """'The plan is "dead," Smith said.': a cue after the quote, set off by a comma, ends the sentence."""
    tokens, qi = ctx.tokens, ctx.qi
    for cue in [c for c in ctx.cues if c > qi]:
        lemma = ctx.text.cue(tokens, cue)
        if lemma in NOT_ADJACENT or lemma in NEEDS_OBJECT or any(t.is_quote for t in tokens[qi + 1 : cue]):
            continue
        inverted = tokens[cue - 1].text == ","  # '…, says Laura Spitler, an astronomer at …'
        if _set_off(tokens, cue, qi) and (inverted or terminal_tail(ctx.text, tokens, cue, ctx.high)):
            # '"…" with Rep. Ed Royce, the California Republican said': names between are known first.
            note_names(ctx.text, ctx.memory, tokens, qi + 1, cue, subject=False)
            attribution = _speaker_at_cue(ctx, cue, lemma, rule=Rule.CUE_ENDS_SENTENCE, after=True)
            if attribution is not None:
                attribution = replace(attribution, rule=Rule.CUE_ENDS_SENTENCE)
                return attribution, QuoteKind.PARTIAL if tokens[ctx.low : qi] else QuoteKind.DIRECT
    return None


def _set_off(tokens: list[Token], cue: int, qi: int) -> bool:
    """A comma before the cue's subject: '…, Smith said', '…, the congressman said'."""
    for index in range(cue - 1, max(qi, cue - 5), -1):
        if tokens[index].text == ",":
            return True
        if not tokens[index].is_word:
            return False
    return False


def frame(ctx: QuoteContext) -> Found | None:
    """A verbless frame opening the sentence: 'For X, …', 'In the words of X, …', 'To X, …'."""
    tokens, qi, low = ctx.tokens, ctx.qi, ctx.low
    start = after_dateline(tokens, low, qi)
    if start >= qi or not tokens[start].is_word:
        return None
    first = tokens[start].lower
    if first in ("for", "to"):
        phrase_start = start + 1
    elif first == "in" and [t.lower for t in tokens[start + 1 : start + 4]] == ["the", "words", "of"]:
        phrase_start = start + 4
    else:
        return None
    comma = phrase_start
    while comma < qi and tokens[comma].text != "," and comma - phrase_start < 8:
        comma += 1
    if comma >= qi or tokens[comma].text != ",":
        return None
    found = phrase_after(ctx.text, tokens, phrase_start, qi)
    if found is None or found[0].kind not in (MentionKind.NAME, MentionKind.ROLE, MentionKind.PRONOUN):
        return None
    phrase, end = found
    if end + 1 < qi and tokens[end + 1].text != ",":
        return None
    if phrase.kind == MentionKind.ROLE and not phrase.definite:
        return None
    if any(ctx.text.cue(tokens, index) for index in range(end + 1, qi)):
        return None
    attribution = ctx.resolve(phrase, cue=start, rule=Rule.FRAME, end=end)
    if attribution is None:
        return None
    kind = QuoteKind.PARTIAL if any(t.is_word for t in tokens[end + 1 : qi]) else QuoteKind.DIRECT
    return _verbless(attribution), kind


def colon(ctx: QuoteContext) -> Found | None:
    """The subject of a verbless clause ending in a colon before a closing quote: 'Her answer: "…"'."""
    tokens, qi, low, high = ctx.tokens, ctx.qi, ctx.low, ctx.high
    if qi - 1 <= low or tokens[qi - 1].text != ":":
        return None
    if any(t.is_word for t in tokens[qi + 1 : high]) or any(low <= c < qi for c in ctx.cues):
        return None
    if any(t.is_quote for t in tokens[low:qi]):
        return None
    attribution: Attribution | None = None
    owner = {"his": "he", "her": "she", "their": "they"}.get(tokens[low].lower, "")
    found = main_subject(ctx.text, tokens, low, qi - 1)
    if owner and qi - 1 <= low + 3 and bare(tokens[qi - 2].text) in _MESSAGE_NOUNS:
        # "Her answer: '…'", "His message to the board: '…'".
        pronoun = NounPhrase(MentionKind.PRONOUN, tokens[low].text, head=owner)
        attribution = ctx.resolve(pronoun, cue=qi - 1, rule=Rule.COLON, end=low)
    elif found is not None and found[0].kind in _SPEAKERS:
        attribution = ctx.resolve(found[0], cue=qi - 1, rule=Rule.COLON, end=found[1])
    else:
        # "The filing quoted an email Lee sent to a colleague: …": the sender speaks.
        for index in range(low + 1, qi - 1):
            if tokens[index].lower not in _SENDING_VERBS:
                continue
            phrase_tokens = noun_phrase_before(ctx.text.body, tokens, index - 1, low)
            phrase = ctx.text.classify(phrase_tokens) if phrase_tokens else None
            if phrase is not None and phrase.kind in (MentionKind.NAME, MentionKind.PRONOUN):
                attribution = ctx.resolve(phrase, cue=qi - 1, rule=Rule.COLON, end=index - 1)
                break
    return (_verbless(attribution), QuoteKind.DIRECT) if attribution is not None else None


def continuation(ctx: QuoteContext) -> Found | None:
    """A sentence that is only a quote carries on the paragraph's last speaker (or the person described)."""
    tokens, memory, paragraph = ctx.tokens, ctx.memory, ctx.paragraph
    only_quote = all(not t.is_word or t.lower in CONNECTORS for t in tokens[ctx.low : ctx.high] if not t.is_quote)
    if not only_quote or len(WORD_RE.findall(ctx.content)) < 2:
        return None
    speaker = memory.last_speaker.get(paragraph)
    rule = Rule.CONTINUATION
    if speaker is None and paragraph in memory.narrative:
        speaker, rule = memory.narrative[paragraph], Rule.NARRATIVE
    speaker = speaker or memory.last_speaker.get(paragraph - 1)
    if speaker is None and ctx.qi == 0 and paragraph - 1 in memory.narrative:
        # 'She looks away. / "Not today."': the person just described.
        speaker, rule = memory.narrative[paragraph - 1], Rule.NARRATIVE
    if speaker is None:
        return None
    speaker.spoke = True
    memory.registry.touch(speaker)
    return Attribution(speaker, "", "", "", rule, confidence=0.5), QuoteKind.DIRECT


def _speaker_at_cue(ctx: QuoteContext, cue: int, lemma: str, *, rule: Rule, after: bool = False) -> Attribution | None:
    """The speaker of the reporting verb at ``cue``: its subject, the author of the document that is its
    subject, the object of 'according to', or (a participle) the subject of the clause it hangs on."""
    text, tokens, low = ctx.text, ctx.tokens, ctx.low
    authored = authored_document(text, ctx.memory, tokens, cue, low)
    if authored is not None:
        start = authored[1]
        while start - 1 >= low and (
            tokens[start - 1].lower in DETERMINERS or tokens[start - 1].lower in DOCUMENT_MODIFIERS
        ):
            start -= 1
        return author_speaks(text, ctx.memory, authored[0], tokens, start=start, cue=cue, paragraph=ctx.paragraph)
    if lemma == "according":
        found = phrase_after(text, tokens, cue + 2, ctx.high if after else len(tokens))
        if found is None:
            return None
        return ctx.resolve(found[0], cue=cue, rule=Rule.ACCORDING_TO, end=found[1])
    participle = tokens[cue].lower.endswith("ing")
    coordinated = cue > low and tokens[cue - 1].lower in ("and", "but", "then", "before", "after")
    if not participle and not coordinated:
        subject = subject_before(text, tokens, cue, low)
        if subject is not None and subject[0].kind == MentionKind.PRONOUN:
            # "Acme said it would ask X to '…'": the pronoun is the reporting clause's subject.
            subject = outer_subject(text, tokens, subject[1], low, subject[0].head) or subject
        if subject is not None:
            return ctx.resolve(subject[0], cue=cue, rule=rule, end=cue)
        if after and lemma not in _ADDRESSING:
            found = phrase_after(text, tokens, cue + 1, ctx.high)
            if found is not None:
                return ctx.resolve(found[0], cue=cue, rule=rule, end=found[1])
        return None
    # "…, saying, '…'" and "… and said": the subject of the main clause speaks.
    for earlier in range(cue - 1, low - 1, -1):
        earlier_lemma = text.cue(tokens, earlier)
        if earlier_lemma and not tokens[earlier].lower.endswith("ing") and earlier_lemma not in NOT_ADJACENT:
            subject = subject_before(text, tokens, earlier, low)
            if subject is not None:
                return ctx.resolve(subject[0], cue=cue, rule=rule, end=cue)
    subject = main_subject(text, tokens, low, cue)
    if subject is None:
        return None
    return ctx.resolve(subject[0], cue=cue, rule=rule, end=cue)


def _verbless(attribution: Attribution) -> Attribution:
    """An attribution without a reporting verb prints no cue."""
    return replace(attribution, cue="", lemma="")

"""The reporter's own sentences: who they are about, who talks without quote marks, who opens a paragraph.

Quotes are read in order, and what a reader knows when reaching one comes from the sentences around it:
the people and organisations named (so 'he' and 'the company' can be found), reported speech without
quote marks ('Smith said the plan was dead.' makes Smith the paragraph's speaker), and a paragraph that
opens by naming who spoke the quote before it. These functions write that into the discourse memory.
"""

from __future__ import annotations

from .. import lexicon as lx
from ..keys import fold_name
from ..tokens import PREPOSITIONS, Token, bare, is_name_token, is_title_word
from ..types import MentionKind, SpeakerKind
from .clauses import NEEDS_OBJECT, NOT_ADJACENT, main_subject, verb_follows
from .documents import note_document
from .entities import Entity
from .memory import Discourse, Opening
from .mention_to_entity import document_author, document_owner, maybe_organisation, spokes_entity
from .mentions import is_role_word, phrase_after, subject_before
from .text import DETERMINERS, ArticleText

_OBJECT_PREPOSITIONS = frozenset(
    {"of", "to", "for", "by", "against", "on", "about", "from", "at", "than", "toward", "towards", "like"}
)
_GOVERNING = _OBJECT_PREPOSITIONS | {"in", "into", "near", "across", "outside"}
# Pronoun-like quantities that head a subject ("Half were asked …", "Most agreed"): never an organisation.
_PARTITIVES = lx.QUANTIFIERS | frozenset(
    [
        "half",
        "none",
        "others",
        "each",
        "either",
        "neither",
        "everyone",
        "everybody",
        "nobody",
        "someone",
        "somebody",
        "anyone",
        "many",
        "more",
        "less",
    ]
)
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
# Nouns that introduce an organisation's name: "the app Loopla", "drone-delivery company SkyParcel".
_KIND_NOUNS = (lx.ORG_NOUNS | {"app", "platform", "startup", "brand", "chain", "label", "studio", "outlet"}) - {
    "team",
    "party",
}
_SPEAKING = frozenset(
    {MentionKind.NAME, MentionKind.PRONOUN, MentionKind.GROUP, MentionKind.ROLE, MentionKind.ORGANISATION}
)


def note_names(
    text: ArticleText, memory: Discourse, tokens: list[Token], low: int, high: int, *, subject: bool
) -> Entity | None:
    """Names outside quotes keep coreference fresh: sentence subjects, known and titled people.

    Returns the entity the sentence is about when ``subject`` asks for it.
    """
    registry = memory.registry
    entity: Entity | None = None
    if subject:
        entity = _subject_entity(text, memory, tokens, low, high)
    index = low
    while index < high:
        token = tokens[index]
        if not (token.is_cap and is_name_token(token)):
            index += 1
            continue
        end = index
        while end + 1 < high and (
            is_name_token(tokens[end + 1])
            or (tokens[end + 1].lower == "of" and end + 2 < high and tokens[end + 2].is_cap)
        ):
            end += 1
        introduced = (
            index > low
            and not tokens[index - 1].is_cap
            and bare(tokens[index - 1].text) in _KIND_NOUNS
            and not is_role_word(tokens[index - 1].text)  # "forklift operator Marcus Reed" is a person
        )
        if end == index and not registry.knows_word(token.text) and not introduced:
            # A lone capitalised word nobody has been called: not worth classifying.
            index = end + 1
            continue
        phrase = text.classify(tokens[index : end + 1])
        if (
            phrase is not None
            and phrase.kind == MentionKind.NAME
            and not phrase.title
            and (
                (
                    index > low
                    and not tokens[index - 1].is_cap
                    and bare(tokens[index - 1].text) in lx.ORG_NOUNS
                    and not is_role_word(tokens[index - 1].text)
                )
                or (index > low and tokens[index - 1].lower == "the" and len(phrase.name.split()) >= 2)
                or (end + 2 < high and tokens[end + 1].text == "," and tokens[end + 2].lower == "which")
            )
        ):
            # "the consulting firm Arbor Data Works", "The International Pulsar Timing Array", "Launch Code,
            # which helps developers": organisations, never a 'she'.
            phrase = phrase.but(kind=MentionKind.ORGANISATION)
        elif phrase is not None and phrase.kind == MentionKind.NAME and introduced and not phrase.title:
            phrase = phrase.but(kind=MentionKind.ORGANISATION)  # "the short-video app Loopla"
        governed = index > low and (
            tokens[index - 1].lower in _GOVERNING
            or (
                index - 1 > low
                and tokens[index - 1].lower in DETERMINERS
                and tokens[index - 2].lower in _OBJECT_PREPOSITIONS | PREPOSITIONS
            )
        )
        if phrase is not None and phrase.kind == MentionKind.NAME:
            known = registry.name(phrase, create=False, touch=not governed)
            titled = bool(phrase.title) and any(is_title_word(w) for w in phrase.title.split())
            if known is None and (titled or len(phrase.name.split()) >= 2):
                registry.name(phrase, touch=not governed)
        elif phrase is not None and phrase.kind == MentionKind.ORGANISATION and phrase.name[:1].isupper():
            # "funded by the Nordic Brain Foundation": later "the foundation" is this one; "the drone-delivery
            # company SkyParcel": later "the company" is SkyParcel.
            known = registry.name(phrase, create=False, touch=not governed)
            if known is None and (len(phrase.name.split()) >= 2 or introduced):
                registry.name(phrase, touch=not governed)
        index = end + 1
    if entity is not None and entity.kind == SpeakerKind.PERSON:
        # The subject stays the likeliest antecedent of a later 'he'/'she' ("Lopez embraced Brooks").
        registry.touch(entity)
    return entity


def _subject_entity(text: ArticleText, memory: Discourse, tokens: list[Token], low: int, high: int) -> Entity | None:
    registry = memory.registry
    found = main_subject(text, tokens, low, high)
    if found is None:
        return None
    phrase, end = found
    if phrase.kind == MentionKind.PRONOUN and phrase.head in ("he", "she"):
        # "He decided to return to St. Louis, where he and Dorsey are from": the one 'he' is stays the subject.
        return registry.recent(SpeakerKind.PERSON, phrase.head)
    if phrase.kind == MentionKind.ROLE and phrase.definite and phrase.head == "year-old":
        # "The 38-year-old reality TV regular hit out at the royal …": someone introduced, still the subject.
        return registry.resolve(phrase)
    if phrase.kind in (MentionKind.GROUP, MentionKind.ORGANISATION) or (
        phrase.kind == MentionKind.NAME
        and (len(phrase.name.split()) >= 2 or phrase.title or phrase.appositive[:1].isalpha())
    ):
        return registry.resolve(phrase)
    if phrase.kind != MentionKind.NAME:
        return None
    known = registry.name(phrase, create=False)
    if known is not None and known.kind == SpeakerKind.PERSON:
        # "Whitlock, who saved a penalty from Ferri, was named man of the match": a person already
        # introduced stays the subject, whatever names the appositive or relative clause adds.
        return known
    if (
        phrase.name[:1].isupper()
        and verb_follows(tokens, end, high)
        and not phrase.name.lower().endswith(("ness", "ment", "tion", "sion", "ity", "ism", "ing"))
        and phrase.name.lower() not in _PARTITIVES
    ):
        # A one-word subject nobody introduced ("Northjet cancelled …") is most likely a company;
        # "The Ortizes" after "Lena Ortiz" is a family.
        entity = registry.name(phrase, create=False)
        if entity is None and not _family_plural(memory, phrase.name):
            entity = registry.resolve(phrase.but(kind=MentionKind.ORGANISATION))
        return entity
    return None


def note_reported_speech(
    text: ArticleText,
    memory: Discourse,
    tokens: list[Token],
    low: int,
    high: int,
    *,
    cues: list[int],
    after: int,
    paragraph: int,
    opens_paragraph: bool,
) -> None:
    """Reported speech without quote marks still sets who is talking, and where: 'Smith said the plan …'.

    ``after`` is the last token a quote's attribution used; ``opens_paragraph`` whether this is the
    first sentence of a paragraph without quotes (it may name who spoke the quote before it).
    """
    sentence_text = text.masked[tokens[low].start : tokens[high - 1].end]
    for cue in cues:
        if cue <= after:
            continue
        lemma = text.cue(tokens, cue)
        if (
            lemma in NOT_ADJACENT
            or lemma in NEEDS_OBJECT
            or (tokens[cue].lower.endswith("ing") and lemma != "according")
        ):
            continue
        if lemma == "according":
            # "The results, according to Jeff Schlegelmilch, were mixed.": he is who is talking now.
            source = phrase_after(text, tokens, cue + 2, high)
            found = (source[0], cue + 2) if source is not None and source[0].kind != MentionKind.PRONOUN else None
            inverted = False
        else:
            found = subject_before(text, tokens, cue, low)
            inverted = found is None and (
                all(not t.is_word or t.lower == "so" for t in tokens[low:cue])
                # "Vaccines prevent disease, explains the US Centers for Disease Control and Prevention."
                or (cue > low and tokens[cue - 1].text == "," and _ends_with_phrase(text, tokens, cue + 1, high))
            )
        if inverted:
            # "So says Ann Lee, a farmer." / "Said Ann Lee: …"
            later = phrase_after(text, tokens, cue + 1, high)
            found = (later[0], cue + 1) if later is not None else None
        if found is not None and found[0].kind == MentionKind.DOCUMENT:
            # "The report recommends …": a later "It warns that '…'" is still the report talking.
            author = (
                document_owner(memory, found[0])
                or memory.documents.authors.get(found[0].head)
                or document_author(text, memory, found[0].head)
            )
            if author is not None:
                memory.documents.last = (paragraph, author)
            continue
        if found is None or found[0].kind not in _SPEAKING:
            continue
        entity = spokes_entity(memory, found[0])
        spokes = entity is not None or found[0].spokes
        if entity is None or entity.kind != SpeakerKind.ORGANIZATION:
            entity = memory.registry.resolve(found[0])
        if entity is None:
            continue
        if spokes and entity.kind == SpeakerKind.ORGANIZATION:
            memory.spokes_org = entity  # "An Acme spokesperson confirmed …": later "the spokesperson"
        if (
            found[0].kind == MentionKind.NAME
            and entity.kind == SpeakerKind.PERSON
            and not entity.gender
            and not entity.role_texts
        ):
            maybe_organisation(entity, tokens, cue)
        if opens_paragraph and paragraph not in memory.openings:
            terse = inverted or (cue + 2 >= high) or tokens[cue + 1].text in (".", ",")
            fresh = not memory.registry.known_before(entity, memory.known_count)
            memory.openings[paragraph] = Opening(entity, fresh, terse)
        memory.last_speaker[paragraph] = entity
        source = text.source_in(sentence_text, lemma, tokens[low].start)
        if source is not None:
            memory.sources[id(entity)] = source
            note_document(text, memory, sentence_text, lemma, tokens[low].start, entity)


def _ends_with_phrase(text: ArticleText, tokens: list[Token], start: int, high: int) -> bool:
    """A noun phrase from ``start`` that ends the sentence: '…, explains the CDC.'"""
    later = phrase_after(text, tokens, start, high)
    return later is not None and (later[1] + 1 >= high or tokens[later[1] + 1].text[0] in ".!?")


def note_opening(
    text: ArticleText,
    memory: Discourse,
    tokens: list[Token],
    low: int,
    high: int,
    paragraph: int,
    subject: Entity | None,
) -> None:
    """A paragraph opening without quotes that names who spoke: 'That was the message from Ann Lee.'"""
    if paragraph in memory.openings:
        return
    named = _message_from(memory, text, tokens, low, high)
    if named is not None:
        fresh = not memory.registry.known_before(named, memory.known_count)
        memory.openings[paragraph] = Opening(named, fresh, True)
    elif (
        subject is not None
        and subject.kind == SpeakerKind.PERSON
        and not memory.registry.known_before(subject, memory.known_count)
    ):
        memory.openings[paragraph] = Opening(subject, True, False)


def note_narrative(
    text: ArticleText,
    memory: Discourse,
    tokens: list[Token],
    low: int,
    high: int,
    paragraph: int,
    subject: Entity | None,
) -> None:
    """The person a sentence without quotes is about ('She considers the question.'), for a quote after it."""
    entity = subject if subject is not None and subject.kind == SpeakerKind.PERSON else None
    if entity is None:
        found = main_subject(text, tokens, low, high)
        if found is not None and found[0].kind == MentionKind.PRONOUN and found[0].head in ("he", "she"):
            entity = memory.registry.recent(SpeakerKind.PERSON, found[0].head)
    if entity is not None:
        memory.narrative[paragraph] = entity
    else:
        memory.narrative.pop(paragraph, None)


def _message_from(memory: Discourse, text: ArticleText, tokens: list[Token], low: int, high: int) -> Entity | None:
    """'That was the message from Ann Lee, …': the speaker of the quote before."""
    for index in range(low + 1, min(high - 1, low + 12)):
        if tokens[index].lower == "from" and bare(tokens[index - 1].text) in _MESSAGE_NOUNS:
            found = phrase_after(text, tokens, index + 1, high)
            if found is not None and found[0].kind in (
                MentionKind.NAME,
                MentionKind.ROLE,
                MentionKind.ORGANISATION,
                MentionKind.GROUP,
            ):
                return memory.registry.resolve(found[0])
    return None


def _family_plural(memory: Discourse, name: str) -> bool:
    """'The Smiths', 'the Ortizes': the plural of a known person's surname."""
    if not name.endswith("s"):
        return False
    stems = {fold_name(name[:-1]), fold_name(name[:-2])} if name.endswith("es") else {fold_name(name[:-1])}
    return any(
        entity.kind == SpeakerKind.PERSON
        and fold_name(entity.name).split()[-1:]
        and fold_name(entity.name).split()[-1] in stems
        for entity in memory.registry.entities
    )

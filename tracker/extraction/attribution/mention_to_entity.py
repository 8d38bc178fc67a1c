"""Stage 2 of attribution: the mention a sieve found becomes a speaker, an entity of the article.

A name finds the person or organisation it names (the fullest form seen is kept as the canonical
name); a pronoun the most recent entity of its gender and number; a role ("the senator") the person
holding it; "the spokesperson" the organisation they speak for; a document ("the letter") its author.
``resolve_speaker`` is the one function that makes a speaker of a mention; it also records what the
discourse needs to remember (the last speaker of the paragraph, the document talking).
"""

from __future__ import annotations

from .. import lexicon as lx
from ..organisations import organisation_head
from ..phrases import NounPhrase, classify
from ..tokens import Token, bare, is_possessive, tokenize
from ..types import MentionKind, Rule, SourceKind, SpeakerKind
from .entities import Entity, absorbed_title, as_party, party_name
from .memory import Attribution, Discourse
from .mentions import SENTENCE_END, SPOKES
from .text import ArticleText

# How sure a mention of each kind makes us of the speaker.
_CONFIDENCE = {
    MentionKind.NAME: 0.9,
    MentionKind.GROUP: 0.8,
    MentionKind.ORGANISATION: 0.8,
    MentionKind.ROLE: 0.75,
    MentionKind.PRONOUN: 0.7,
    MentionKind.DOCUMENT: 0.6,
}
# The source kind a document noun stands for: "the letter" was written where letters are.
_DOCUMENT_SOURCES = {
    "letter": SourceKind.LETTER,
    "statement": SourceKind.OFFICIAL_STATEMENT,
    "essay": SourceKind.ESSAY,
    "report": SourceKind.ESSAY,
    "tweet": SourceKind.SOCIAL_MEDIA,
    "post": SourceKind.SOCIAL_MEDIA,
    "article": SourceKind.ARTICLE,
}


def resolve_speaker(
    text: ArticleText,
    memory: Discourse,
    phrase: NounPhrase,
    tokens: list[Token],
    *,
    cue: int,
    rule: Rule,
    end: int,
    paragraph: int,
) -> Attribution | None:
    """The speaker a mention stands for, as an Attribution of the quote the mention was found for."""
    phrase = as_party(phrase)
    entity = spokes_entity(memory, phrase)
    spokes = phrase.spokes or entity is not None
    if entity is None and phrase.kind == MentionKind.PRONOUN and tokens and tokens[0].is_quote:
        entity = _spokesperson_again(memory, phrase.head, paragraph)
    if entity is None:
        entity = memory.registry.resolve(phrase)
    if phrase.kind == MentionKind.DOCUMENT:
        entity = (
            document_owner(memory, phrase)
            or memory.documents.authors.get(phrase.head)
            or document_author(text, memory, phrase.head)
        )
    last = memory.documents.last
    if (
        phrase.kind == MentionKind.PRONOUN
        and phrase.head == "it"
        and last is not None
        and last[0] in (paragraph, paragraph - 1)
    ):
        # "The letter says … It urges …": the document is still talking.
        entity = memory.registry.touch(last[1])
    memory.documents.last = None
    if entity is None:
        return None
    if spokes and entity.kind == SpeakerKind.ORGANIZATION:
        memory.spokes_org = entity
    elif entity.kind == SpeakerKind.PERSON and any(bare(word) in SPOKES for word in phrase.appositive.split()):
        memory.spokes_org = None  # "Nancy Silvestri, the agency spokesperson": a later "the spokesperson" is her
    if phrase.kind == MentionKind.DOCUMENT:
        memory.documents.last = (paragraph, entity)
    if (
        phrase.kind == MentionKind.NAME
        and entity.kind == SpeakerKind.PERSON
        and not entity.gender
        and not entity.role_texts
    ):
        maybe_organisation(entity, tokens, cue)
    entity.spoke = True
    memory.last_speaker[paragraph] = entity
    title = "" if absorbed_title(phrase, entity) else phrase.title
    role = title if not _only_honorifics(title) else ""
    role = role or phrase.appositive
    if not role and entity.role_texts:
        role = entity.role_texts[0]
    printed = tokens[cue].text
    if printed.lower() == "according" and cue + 1 < len(tokens):
        printed = f"{printed} {tokens[cue + 1].text}"
    return Attribution(
        entity,
        phrase.text,
        printed,
        lx.CUE_FORMS.get(tokens[cue].lower, "according"),
        rule,
        mention=phrase,
        cue_index=cue,
        end_index=end,
        role=clean_role(role),
        confidence=_CONFIDENCE.get(phrase.kind, 0.6),
    )


def _spokesperson_again(memory: Discourse, pronoun: str, paragraph: int) -> Entity | None:
    """'A spokesperson for Acme said … / "…," he said.': in a paragraph that opens with the quote, the 'he' is
    that spokesperson, so Acme speaks again, unless a person was talked about since. 'A source from the
    ministry told the paper … / "…," they said.': the singular 'they' is that unnamed source."""
    if pronoun == "they":
        last = memory.last_speaker.get(paragraph, memory.last_speaker.get(paragraph - 1))
        unnamed = last is not None and last.kind == SpeakerKind.PERSON and last.name == last.description
        group = memory.registry.recent(SpeakerKind.GROUP)
        if unnamed and (group is None or group.last_seen < last.last_seen):
            return memory.registry.touch(last)
        return None
    organisation = memory.spokes_org
    if pronoun not in ("he", "she") or organisation is None:
        return None
    if memory.last_speaker.get(paragraph, memory.last_speaker.get(paragraph - 1)) is not organisation:
        return None
    person = memory.registry.recent(SpeakerKind.PERSON, pronoun)
    if person is not None and person.last_seen > organisation.last_seen:
        return None
    return memory.registry.touch(organisation)


def author_speaks(
    text: ArticleText, memory: Discourse, entity: Entity, tokens: list[Token], *, start: int, cue: int, paragraph: int
) -> Attribution:
    """The author of a document that speaks ('a letter signed by 30 doctors warned …')."""
    entity.spoke = True
    memory.last_speaker[paragraph] = entity
    memory.registry.touch(entity)
    return Attribution(
        entity,
        text.words(tokens[start:cue]),
        tokens[cue].text,
        lx.CUE_FORMS.get(tokens[cue].lower, ""),
        Rule.DOCUMENT_AUTHOR,
        cue_index=cue,
        end_index=cue,
        role=clean_role(entity.role_texts[0]) if entity.role_texts else "",
        confidence=0.7,
    )


def spokes_entity(memory: Discourse, phrase: NounPhrase) -> Entity | None:
    """The organisation behind 'the spokesperson', 'a company spokesman', 'an Acme spokeswoman'."""
    if phrase.kind != MentionKind.ROLE or phrase.head not in SPOKES:
        return None
    registry = memory.registry
    words = phrase.name.split()
    owner = _organisation_named(" ".join(w for w in words[:-1] if bare(w) not in lx.QUANTIFIERS))
    if owner is not None:
        # "a Department for Environment, Food and Rural Affairs spokesperson".
        return registry.name(owner.but(text=phrase.text))
    party = " ".join(w for w in words[:-1] if bare(w) not in lx.QUANTIFIERS)
    if party[:1].isupper() and party_name(party):
        # "A Labour spokesperson": the party.
        return registry.name(NounPhrase(MentionKind.ORGANISATION, phrase.text, name=party, head=bare(words[-2])))
    modifiers = [w for w in words[:-1] if bare(w) not in lx.QUANTIFIERS and bare(w) not in lx.DESCRIPTOR_WORDS]
    named = [w for w in words[:-1] if bare(w) not in lx.QUANTIFIERS]
    if modifiers and all(w[:1].isupper() for w in named):
        modifiers = named  # "a US Commerce Department spokesperson": "Commerce" is part of the name
    capitalised = [w for w in modifiers if w[:1].isupper()]
    if capitalised and len(capitalised) == len(modifiers):
        name = " ".join(capitalised)
        name = name[:-2] if name.endswith(("'s", "’s")) else name  # noqa: RUF001
        head = bare(capitalised[-1])
        return registry.name(NounPhrase(MentionKind.ORGANISATION, phrase.text, name=name, head=head))
    if modifiers and all(bare(w) in lx.ORG_NOUNS for w in modifiers):
        entity = registry.recent_org(bare(modifiers[-1])) or registry.recent(SpeakerKind.ORGANIZATION)
    elif not modifiers and phrase.definite:
        entity = memory.spokes_org
    else:
        return None
    if entity is not None:
        entity.add_alias(phrase.text)
        registry.touch(entity)
    return entity


def _organisation_named(words: str) -> NounPhrase | None:
    """The organisation ``words`` name when they are a whole organisation name ('Department for X and Y')."""
    if not words[:1].isupper():
        return None
    phrase = classify(words, tokenize(words, 0, len(words)))
    if phrase is None or phrase.kind != MentionKind.ORGANISATION or organisation_head(phrase.name) == "":
        return None
    return phrase


def document_owner(memory: Discourse, phrase: NounPhrase) -> Entity | None:
    """The owner named in a document phrase: "the company's status page", "Acme's statement"."""
    words = phrase.text.split()
    for index, word in enumerate(words[:-1]):
        if not is_possessive(word):
            continue
        owner_text = " ".join(words[: index + 1])
        owner_text = owner_text[:-2] if owner_text.endswith(("'s", "’s")) else owner_text.rstrip("'’")  # noqa: RUF001
        owner = classify(owner_text, tokenize(owner_text, 0, len(owner_text)))
        if owner is None or owner.kind not in (
            MentionKind.NAME,
            MentionKind.ORGANISATION,
            MentionKind.GROUP,
            MentionKind.ROLE,
        ):
            return None
        if (
            owner.kind == MentionKind.NAME
            and len(owner.name.split()) == 1
            and memory.registry.name(owner, create=False) is None
        ):
            owner = owner.but(kind=MentionKind.ORGANISATION)
        return memory.registry.resolve(owner)
    return None


def document_author(text: ArticleText, memory: Discourse, head: str) -> Entity | None:
    """Who last spoke through a document of this kind ('the statement' after 'said in a statement')."""
    kind = _DOCUMENT_SOURCES.get(head, "")
    for candidate in reversed(memory.quotes):
        attribution = candidate.attribution
        if attribution is None or attribution.entity is None or candidate.dropped:
            continue
        source = memory.sources.get(id(attribution.entity))
        if candidate.sentence_text:
            start = text.sentence_start(candidate.sentence_text, candidate.paragraph)
            source = text.source_in(candidate.sentence_text, attribution.lemma, start) or source
        if not kind or (source is not None and source.kind == kind):
            return attribution.entity
    # A document introduced without a quote: "Acme issued a statement on Monday."
    best: Entity | None = None
    for entity in memory.registry.entities:
        source = memory.sources.get(id(entity))
        if source is not None and source.kind == kind and (best is None or entity.last_seen > best.last_seen):
            best = entity
    return best


def maybe_organisation(entity: Entity, tokens: list[Token], cue: int) -> None:
    """'Acme said in a statement that it …': a name that calls itself "it" is an organisation."""
    for index in range(cue + 1, min(len(tokens), cue + 9)):
        token = tokens[index]
        if token.is_quote or token.text[0] in SENTENCE_END:
            return
        if token.lower in ("it", "its") and tokens[index - 1].lower in ("that", "said", "says", ","):
            entity.kind = SpeakerKind.ORGANIZATION
            return
        if token.lower in ("he", "she", "his", "her", "they"):
            return


def _only_honorifics(title: str) -> bool:
    words = [bare(word) for word in title.split()]
    return all(word in lx.COURTESY_TITLES for word in words)


def clean_role(role: str) -> str:
    """A role as printed, without its article: 'the bill's sponsor' -> "bill's sponsor"."""
    role = " ".join(role.split()).strip(" ,")
    for article in ("the ", "a ", "an ", "The ", "A ", "An "):
        if role.startswith(article):
            role = role[len(article) :]
    return role

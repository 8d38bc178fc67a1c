# ruff: noqa: RUF001  (quote marks and apostrophes are this module's subject)
"""In-article coreference: people, groups and organisations, and how later mentions find them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import lexicon as lx
from ..aliases import alias_form, name_aliases
from ..gender import gender_of_name, gender_of_noun, gender_of_title
from ..keys import fold_name, folded_words, has_generational_suffix, name_words
from ..organisations import organisation_mentions
from ..phrases import NounPhrase, nationality_noun, split_role
from ..tokens import bare, is_place_word, is_title_word
from ..types import ExtractedSpeaker, MentionKind, SpeakerKind

_ABBREVIATED_TITLES = {
    "pm": "prime",
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "pres": "president",
    "amb": "ambassador",
    "prof": "professor",
    "dr": "doctor",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "adm": "admiral",
    "sgt": "sergeant",
    "cllr": "councillor",
    "atty": "attorney",
}
_EXPANDED_TITLES: dict[str, set[str]] = {
    "ceo": {"chief", "executive", "ceo"},
    "cfo": {"chief", "financial", "officer", "cfo"},
    "coo": {"chief", "operating", "officer", "coo"},
    "cto": {"chief", "technology", "officer", "cto"},
    "boss": {"boss", "executive", "head", "chief"},
}
# Heads that may stand for any named organisation ("the company" for "Acme Mining").
# Places that open an organisation's name and are left out when it is shortened ("the U.S. Federal Reserve").
_PLACE_PREFIXES = frozenset({"u", "s", "us", "uk", "eu", "un", "american", "british", "european"})
_POLITICAL_OFFICES = frozenset(
    """senator representative congressman congresswoman lawmaker legislator governor mayor mp minister
    president councillor councilman councilwoman assemblyman assemblywoman delegate""".split()
)
_GENERIC_ORG_HEADS = frozenset(
    """company firm group business corporation operator provider maker carrier retailer lender insurer
    startup utility airline manufacturer developer publisher broadcaster network organisation organization
    brand chain producer supplier miner automaker carmaker bank club team side charity outlet platform
    employer owner""".split()
)


@dataclass(slots=True, eq=False)
class Entity:
    """A speaker candidate built up over the article."""

    name: str
    kind: SpeakerKind
    aliases: list[str] = field(default_factory=list)
    roles: list[tuple[str, str]] = field(default_factory=list)
    role_texts: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    description: str = ""
    gender: str = ""
    last_seen: int = -1
    spoke: bool = False
    # The registry that indexes this entity by the words of its names (Registry.index), kept up to date here.
    registry: Registry | None = field(default=None, repr=False, compare=False)

    def add_alias(self, alias: str) -> None:
        alias = " ".join(alias.split())
        if alias and alias not in self.aliases:
            self.aliases.append(alias)
            if self.registry is not None:
                self.registry.index(self, folded_words(alias))

    def add_role(self, text: str) -> None:
        text = " ".join(text.split()).strip(" ,")
        for article in ("the ", "a ", "an ", "The ", "A ", "An "):
            if text.startswith(article):
                text = text[len(article) :]
        if not text or text in self.role_texts:
            return
        words = [bare(w) for w in text.split()]
        if not self.gender:
            self.gender = gender_of_title(text)
        if all(w in lx.COURTESY_TITLES for w in words) or _PARTY_STATE_RE.fullmatch(text):
            return  # "Ms." says nothing of what she does; "D-Minn." is a party and a state
        self.role_texts.append(text)
        title, organisation = split_role(text)
        if title and (title, organisation) not in self.roles:
            self.roles.append((title, organisation))
        if not self.description and text[:1].islower():
            self.description = text

    def title_words(self) -> set[str]:
        words: set[str] = set()
        for text in self.role_texts:
            for word in text.replace("-", " ").split():
                low = bare(word)
                words.add(_ABBREVIATED_TITLES.get(low, low))
        return words

    def to_speaker(self) -> ExtractedSpeaker:
        """The speaker as extraction reports it: aliases are the names among its printed forms."""
        return ExtractedSpeaker(
            name=self.name,
            kind=self.kind,
            aliases=name_aliases(self.name, self.aliases),
            roles=tuple(self.roles),
            members=tuple(self.members),
            description=self.description,
            named=self.name != self.description,
        )


# Words of public bodies' names: "the company" or "the firm" never stands for one of them.
_PUBLIC_BODIES = frozenset(
    """army navy force forces police ministry department agency office commission court parliament congress
    senate assembly government administration authority council committee bureau embassy consulate mission
    directorate command regulator""".split()
)
# "D-Minn.", "R-Okla.", "D-Texas": the party and state after a US legislator's name.
_PARTY_STATE_RE = re.compile(r"\(?[DRI]-[A-Z][A-Za-z.]*\)?")
_APPOSITIVE_ENDS = frozenset({"of", "for", "at", "in", "with", "who", "which", "that", "and", ","})


def _organisation_appositive(text: str) -> bool:
    """Whether an appositive describes an organisation: "the cloud storage provider", "a trade group".

    English noun compounds end in their head ("a retired police chief" is a person, "a police union" an
    organisation), and a capitalised organisation word names where a person works ("a University of
    Vermont professor"), so the last person or organisation noun before the first preposition decides.
    """
    raw = text.split()
    words = [bare(word) for word in raw]
    if not words or words[0] not in ("a", "an", "the", "one"):
        return False
    head = ""
    for position, word in enumerate(words[1:8], start=1):
        if raw[position].endswith(("'s", "’s", "s'", "s’")):
            continue  # "the company's chief executive": the possessor is no head
        if word in _APPOSITIVE_ENDS or raw[position - 1][-1:] == ",":
            break
        if word in lx.PERSON_NOUNS or word in lx.TITLE_WORDS:
            head = "person"
        elif (word in lx.ORG_NOUNS or word in lx.ORG_WORDS) and not raw[position][:1].isupper():
            head = "organisation"
    return head == "organisation"


def party_name(name: str) -> str:
    """The party a bare party label names ("Labour", "the Conservatives"); "" for anything else."""
    folded = fold_name(name)
    if folded.startswith("the "):
        folded = folded[4:]
    return lx.PARTY_NAMES.get(folded, "")


def as_party(phrase: NounPhrase) -> NounPhrase:
    """'Labour said', 'The Conservatives said': a party label is a mention of the party, an organisation."""
    if phrase.kind in _NAMED_KINDS and phrase.kind != MentionKind.ORGANISATION and party_name(phrase.name):
        return phrase.but(kind=MentionKind.ORGANISATION)
    return phrase


def absorbed_title(phrase: NounPhrase, entity: Entity) -> bool:
    """Whether the title before a name became part of an organisation's name ('The Nordic Anglers Voice')."""
    return bool(phrase.title) and fold_name(entity.name).startswith(fold_name(phrase.title) + " ")


# Heads a generic reference may stand for by type: "the agency" for the "Office of Rail Safety".
_TYPED_HEADS: dict[str, frozenset[str]] = {
    "agency": frozenset({"agency", "administration", "authority", "bureau", "service", "directorate"}),
    "regulator": frozenset({"regulator", "commission", "authority", "agency", "administration", "bureau"}),
    "ministry": frozenset({"ministry", "department"}),
    "department": frozenset({"department", "ministry"}),
    "bank": frozenset({"bank", "reserve"}),
    "council": frozenset({"council"}),
    "union": frozenset({"union", "federation", "guild"}),
    "party": frozenset({"party"}),
    "commission": frozenset({"commission"}),
}


def _likelier(entity: Entity, best: Entity, words: tuple[str, ...]) -> bool:
    """Whether ``entity`` is a likelier referent of ``words`` than ``best``: the more recent, except that a bare
    first name stays with the person who has no 'Jr.' ('Jerry' after 'Jerry Jones' and 'Jerry Jr.')."""
    if len(words) == 1 and has_generational_suffix(entity.name) != has_generational_suffix(best.name):
        return not has_generational_suffix(entity.name)
    return entity.last_seen > best.last_seen


_NAMED_KINDS = frozenset({MentionKind.NAME, MentionKind.ORGANISATION, MentionKind.GROUP, MentionKind.ROLE})
_ENTITY_KINDS = {MentionKind.ORGANISATION: SpeakerKind.ORGANIZATION, MentionKind.GROUP: SpeakerKind.GROUP}


class Registry:
    """Entities of one article in order of creation, with recency for pronouns."""

    def __init__(self, body: str = "") -> None:
        self.entities: list[Entity] = []
        self.clock = 0
        # Entities by every folded word of their names and aliases, as they arrive: a name is only ever compared
        # with entities sharing its first or last word, so a long article's lookups do not scan every entity.
        self._by_word: dict[str, list[Entity]] = {}
        # Position of each entity in ``entities`` by id: entities are only ever appended, so "known at some
        # point" is a comparison with the count then, not a set of ids copied for every paragraph.
        self._positions: dict[int, int] = {}
        self._body = body
        self._mentions: list[tuple[int, str, frozenset[str]]] | None = None

    @property
    def mentions(self) -> list[tuple[int, str, frozenset[str]]]:
        """Organisations named anywhere in the article (organisation_mentions), for abbreviations and types;
        read on first use, since most articles never ask."""
        if self._mentions is None:
            self._mentions = organisation_mentions(self._body)
        return self._mentions

    def expand(self, name: str) -> str:
        """The full name an abbreviation ("ORS", "the BCF") stands for in this article; "" when unknown."""
        short = name[4:] if name.startswith("the ") else name
        if not (2 <= len(short) <= 8 and short.isupper() and short.isalpha()):
            return ""
        names = {full for _, full, abbreviations in self.mentions if short in abbreviations}
        return names.pop() if len(names) == 1 else ""

    def mentioned(self, head: str, position: int) -> str:
        """The organisation of type ``head`` named last before ``position`` ("the agency")."""
        types = _TYPED_HEADS.get(head)
        if not types:
            return ""
        best = ""
        for end, full, _ in self.mentions:
            if end > position:
                break
            if any(bare(word) in types for word in full.split()):
                best = full
        return best

    def known_before(self, entity: Entity, count: int) -> bool:
        """Whether ``entity`` was among the first ``count`` entities registered."""
        position = self._positions.get(id(entity))
        return position is not None and position < count

    def _register(self, entity: Entity) -> None:
        self._positions[id(entity)] = len(self.entities)
        self.entities.append(entity)
        entity.registry = self
        self.index(entity, folded_words(entity.name))
        for alias in entity.aliases:
            self.index(entity, folded_words(alias))

    def index(self, entity: Entity, words: tuple[str, ...]) -> None:
        """Let ``entity`` be found by each of ``words`` (the words of a name or alias it is known by)."""
        for word in words:
            known = self._by_word.setdefault(word, [])
            if entity not in known:
                known.append(entity)

    def knows_word(self, word: str) -> bool:
        """Whether a single capitalised word may name a known entity (fast pre-check)."""
        return fold_name(bare(word)) in self._by_word

    def _sharing(self, words: tuple[str, ...]) -> list[Entity]:
        """Entities known by the first or the last of ``words``, in the order they were registered."""
        first = self._by_word.get(words[0], ())
        last = self._by_word.get(words[-1], ()) if words[-1] != words[0] else ()
        if not last or not first:
            return list(first or last)
        found = {id(e): e for e in (*first, *last)}
        return sorted(found.values(), key=lambda entity: self._positions[id(entity)])

    def touch(self, entity: Entity) -> Entity:
        self.clock += 1
        entity.last_seen = self.clock
        return entity

    def _find_name(self, name: str, kind: str, gender: str = "") -> Entity | None:
        """The most recent entity of ``kind`` that ``name`` can name: the same name, or for a person a
        surname, a first name or a shorter form of theirs, of no other gender than ``gender``."""
        words = folded_words(name)
        if not words:
            return None
        best: Entity | None = None
        for entity in self._sharing(words):
            if entity.kind != kind and not (kind == SpeakerKind.PERSON and entity.kind == SpeakerKind.PERSON):
                continue
            if gender and entity.gender and entity.gender != gender:
                continue
            other = name_words(entity.name) if kind == SpeakerKind.PERSON else folded_words(entity.name)
            if len(other) > 1 and other[0] in lx.KNOWN_BY_TITLES:
                other = other[1:]  # "Harry said" after "Prince Harry"
            match = other == words or folded_words(entity.name) == words
            if not match and kind == SpeakerKind.PERSON and other and entity.name != entity.description:
                if len(words) == 1:
                    match = words[0] in (other[-1], other[0]) or any(
                        folded_words(alias_form(alias))[-1:] == words for alias in entity.aliases
                    )
                elif len(other) == 1:
                    match = words[-1] == other[0]
                else:
                    # "T. Smith" for "Tom Smith" (not "Jerry Jones" for "John Jones"); "Black Elk" for "Linda
                    # Black Elk" (a two-word surname).
                    initial = (len(words[0]) == 1 or len(other[0]) == 1) and words[0][:1] == other[0][:1]
                    match = (words[-1] == other[-1] and (initial or words[0] == other[0])) or (
                        len(words) < len(other) and other[-len(words) :] == words
                    )
            if match and (best is None or _likelier(entity, best, words)):
                best = entity
        return best

    def name(self, phrase: NounPhrase, *, create: bool = True, touch: bool = True) -> Entity | None:
        """The person (or organisation) a name phrase refers to; new entity when unseen."""
        kind = _ENTITY_KINDS.get(phrase.kind, SpeakerKind.PERSON)
        name, title = phrase.name, phrase.title
        full = self.expand(name) if kind == SpeakerKind.ORGANIZATION or phrase.kind == MentionKind.NAME else ""
        if full:
            name, kind = full, SpeakerKind.ORGANIZATION  # "An ORS spokeswoman" after "the Office of Rail Safety"
        party = party_name(name)
        if party:
            # "Labour said", "the Tories said", "a Labour spokesperson": the party itself.
            name, kind = party, SpeakerKind.ORGANIZATION
        if name.endswith(("'s", "’s")) and len(name) > 3:
            name = name[:-2]  # "Kern County's water program": the owner is "Kern County"
        if kind == SpeakerKind.PERSON and phrase.appositive.lower().startswith("which "):
            kind = SpeakerKind.ORGANIZATION  # "Acme, which is based in Ohio, said": "which" is never a person
        if kind == SpeakerKind.PERSON and phrase.appositive and _organisation_appositive(phrase.appositive):
            kind = SpeakerKind.ORGANIZATION  # "Skyvault, the cloud storage provider, said"
            words = title.split()
            if words and all(w[:1].isupper() and not w.endswith(("'s", "’s")) for w in words):
                # "The Nordic Anglers Voice, an umbrella group": the place word belongs to the name.
                name, title = f"{title} {name}", ""
        gender = ""
        if kind == SpeakerKind.PERSON:
            gender = gender_of_title(title) or (gender_of_name(name) if len(name.split()) > 1 else "")
        entity = self._find_name(name, kind, gender)
        if entity is None and kind == SpeakerKind.ORGANIZATION and len(name.split()) == 1 and is_place_word(name):
            # "Phoenix said" after "Joaquin Phoenix": the person's surname, not the city.
            entity = self._find_name(name, SpeakerKind.PERSON)
        if entity is None and kind == SpeakerKind.ORGANIZATION and phrase.kind == MentionKind.NAME:
            entity = self._find_name(name, SpeakerKind.PERSON)
            if entity is not None and not entity.gender:
                entity.kind = SpeakerKind.ORGANIZATION
        if entity is None and kind in (SpeakerKind.PERSON, SpeakerKind.ORGANIZATION):
            # "Skyvault" once introduced as a company stays one; "Acme" after "Acme Widgets Corp.".
            folded = fold_name(name)
            entity = next(
                (
                    e
                    for e in self._sharing(folded_words(name) or ("",))
                    if e.kind == SpeakerKind.ORGANIZATION and fold_name(e.name) == folded
                ),
                None,
            )
            if entity is None and len(folded.split()) == 1 and name[:1].isupper() and not title:
                entity = self._short_org(folded)
        if entity is None:
            if not create:
                return None
            entity = Entity(name, kind, gender=gender)
            self._register(entity)
            for member in phrase.members:
                # "Ann Lee and Bo Chen said": each is a person of the article, who may speak alone later.
                self.name(NounPhrase(MentionKind.NAME, member, name=member), touch=False)
                entity.members.append(member)
        elif kind == SpeakerKind.PERSON and len(name.split()) > len(entity.name.split()):
            entity.name = name
            self.index(entity, folded_words(name))
        if entity.kind == SpeakerKind.PERSON and not entity.gender and len(name.split()) > 1:
            entity.gender = gender_of_name(name)
        entity.add_alias(phrase.text)
        if title:
            entity.add_role(title)
        if phrase.appositive:
            entity.add_role(phrase.appositive)
        return self.touch(entity) if touch else entity

    def _short_org(self, word: str) -> Entity | None:
        """The one named organisation whose multi-word name starts with ``word`` ("Acme" for "Acme Widgets
        Corp."), or with a word it shortens once a place is left out ("the Fed" for "the U.S. Federal Reserve")."""
        found = []
        for entity in self.entities:
            if entity.kind != SpeakerKind.ORGANIZATION or len(entity.name.split()) < 2:
                continue
            words = list(folded_words(entity.name))
            if words[0] == word:
                found.append(entity)
                continue
            while len(words) > 1 and words[0] in _PLACE_PREFIXES:
                del words[0]
            if len(word) >= 3 and words[0].startswith(word):
                found.append(entity)
        return found[0] if len(found) == 1 else None

    def recent(self, kind: str, gender: str = "") -> Entity | None:
        best: Entity | None = None
        for entity in self.entities:
            if entity.kind != kind:
                continue
            if gender and entity.gender and entity.gender != gender:
                continue
            if best is None or entity.last_seen > best.last_seen:
                best = entity
        return best

    def resolve(self, phrase: NounPhrase) -> Entity | None:
        """Entity for any speaker phrase: names, pronouns, roles, groups, organisations."""
        if phrase.kind in _NAMED_KINDS and party_name(phrase.name):
            return self.name(as_party(phrase))
        if phrase.kind == MentionKind.NAME:
            demonym = self._nationality(phrase)
            if demonym is not None:
                return demonym
            return self.name(phrase)
        if phrase.kind == MentionKind.PRONOUN:
            if phrase.head in ("he", "she"):
                entity = self.recent(SpeakerKind.PERSON, phrase.head)
                if entity is not None:
                    if not entity.gender:
                        entity.gender = phrase.head
                    entity.add_alias(phrase.text)
                    return self.touch(entity)
                return None
            if phrase.head == "they":
                entity = self.recent(SpeakerKind.GROUP)
                return self.touch(entity) if entity is not None else None
            entity = self.recent(SpeakerKind.ORGANIZATION)
            return self.touch(entity) if entity is not None else None
        if phrase.kind == MentionKind.GROUP:
            if phrase.definite and phrase.text.lower().startswith("the ") and len(phrase.name.split()) == 1:
                # "the senators" after "A group of Senate Democrats".
                entity = self.recent(SpeakerKind.GROUP)
                if entity is not None:
                    entity.add_alias(phrase.text)
                    return self.touch(entity)
            return self.name(phrase)
        if phrase.kind == MentionKind.ORGANISATION:
            if any(word[:1].isupper() for word in phrase.name.split()):
                # "Acme Mining", "the Loire chamber of commerce", "Peru's trade ministry".
                return self.name(phrase)
            entity = self.recent_org(phrase.head) if phrase.definite else None
            if entity is None and phrase.definite and phrase.name.lower() == phrase.head:
                full = self.mentioned(phrase.head, phrase.start)
                if full:
                    return self.name(NounPhrase(MentionKind.ORGANISATION, phrase.text, name=full, head=phrase.head))
            modifiers = [bare(word) for word in phrase.name.split()[:-1]]
            described = any(word not in lx.DESCRIPTOR_WORDS and word not in lx.DEMONYMS for word in modifiers)
            if entity is None and phrase.definite and phrase.head in _GENERIC_ORG_HEADS and not described:
                # "the company" is the company last named; "the research team" is a new, described one.
                # "the company said" after "Acme Mining …": the organisation last named.
                entity = self._recent_named_org()
            if entity is not None:
                entity.add_alias(phrase.text)
                return self.touch(entity)
            return self.name(phrase)
        if phrase.kind == MentionKind.ROLE:
            # "the NATO Secretary-General" is qualified by an organisation; "the President-elect" is not.
            qualified = any(word[:1].isupper() and not is_title_word(word) for word in phrase.name.split())
            # "the California Republican": an epithet for the politician last talked about, not an office.
            qualified = qualified and phrase.head not in lx.PARTY_LABELS
            gender = gender_of_noun(phrase.head)  # "the actress" is a she, "the chairman" a he
            if len(phrase.text.split()) == 1 and phrase.text[:1].isupper():
                # "King said" after "Martin Luther King Jr.": a surname that is also a title.
                named = self._find_name(phrase.text, SpeakerKind.PERSON)
                if named is not None and named.name != named.description:
                    return self.touch(named)
            if phrase.definite:
                entity = self._by_role(phrase.head, fallback=not qualified, gender=gender)
                if entity is not None:
                    entity.add_alias(phrase.text)
                    return self.touch(entity)
            if phrase.definite and not qualified:
                # "the striker said" with no striker introduced: the person last talked about.
                entity = self.recent(SpeakerKind.PERSON, gender)
                if entity is not None:
                    entity.add_alias(phrase.text)
                    return self.touch(entity)
            entity = Entity(phrase.name, SpeakerKind.PERSON, description=phrase.name)
            entity.add_role(phrase.name)
            entity.add_alias(phrase.text)
            existing = self._find_name(phrase.name, SpeakerKind.PERSON)
            if existing is not None and existing.description == phrase.name:
                return self.touch(existing)
            self._register(entity)
            return self.touch(entity)
        return None

    def _nationality(self, phrase: NounPhrase) -> Entity | None:
        """'the Swede', 'the Australian': the person last talked about."""
        words = phrase.text.split()
        if len(words) != 2 or words[0].lower() != "the" or phrase.title:
            return None
        if not nationality_noun(words[1]):
            return None
        entity = self.recent(SpeakerKind.PERSON)
        if entity is None:
            return None
        entity.add_alias(phrase.text)
        return self.touch(entity)

    def _by_role(self, head: str, *, fallback: bool = True, gender: str = "") -> Entity | None:
        head = _ABBREVIATED_TITLES.get(head, head)
        # "the California Republican" is whichever politician the article last introduced.
        offices = _POLITICAL_OFFICES if head in lx.PARTY_LABELS else frozenset({head})
        best: Entity | None = None
        for entity in self.entities:
            if entity.kind != SpeakerKind.PERSON or offices.isdisjoint(entity.title_words()):
                continue
            if gender and entity.gender and entity.gender != gender:
                continue
            if best is None or entity.last_seen > best.last_seen:
                best = entity
        if best is None and fallback and head in ("official", "man", "woman", "executive", "leader"):
            best = self.recent(SpeakerKind.PERSON, gender)
        return best

    def _recent_named_org(self) -> Entity | None:
        best: Entity | None = None
        for entity in self.entities:
            if entity.kind != SpeakerKind.ORGANIZATION or not any(w[:1].isupper() for w in entity.name.split()):
                continue
            last = bare(entity.name.split()[-1])
            if last in lx.ORG_NOUNS and last not in _GENERIC_ORG_HEADS:
                continue  # "the company" is not "Chile's labor ministry"
            if any(bare(word) in _PUBLIC_BODIES for word in entity.name.split()):
                continue  # nor the "Air Force" or the "Federal Aviation Administration"
            if best is None or entity.last_seen > best.last_seen:
                best = entity
        return best

    def recent_org(self, head: str) -> Entity | None:
        best: Entity | None = None
        for entity in self.entities:
            if entity.kind != SpeakerKind.ORGANIZATION:
                continue
            described = " ".join(fold_name(text) for text in entity.role_texts).split()
            typed = _TYPED_HEADS.get(head, frozenset({head}))
            if (
                typed.isdisjoint(folded_words(entity.name))
                and head not in {fold_name(r) for _, r in entity.roles}
                and head not in described
            ):
                continue
            if best is None or entity.last_seen > best.last_seen:
                best = entity
        return best

    def named_later(self, entity: Entity) -> Entity | None:
        """The named person an unnamed role at a named organisation turns out to be.

        "The chief executive of software company Brightloop said …" and, later, "Brightloop CEO Daniel
        Greer": same organisation words, same office.
        """
        if entity.kind != SpeakerKind.PERSON or entity.name != entity.description:
            return None
        words = entity.name.replace("-", " ").split()
        organisation = {fold_name(w) for w in words if w[:1].isupper() and bare(w) not in lx.TITLE_WORDS}
        lowered = [bare(w) for w in words]
        head = lowered[lowered.index("of") - 1] if "of" in lowered[1:] else ""
        if not organisation or not head:
            return None
        for other in self.entities:
            if other is entity or other.kind != SpeakerKind.PERSON or other.name == other.description:
                continue
            texts = " ".join([*other.role_texts, *other.aliases]).replace("-", " ")
            known = {fold_name(bare(w)) for w in texts.split()}
            titles = set()
            for word in known:
                titles |= _EXPANDED_TITLES.get(word, {word})
            if organisation <= known and head in titles:
                return other
        return None

    def speakers(self) -> list[Entity]:
        return [entity for entity in self.entities if entity.spoke]

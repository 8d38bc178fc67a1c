# ruff: noqa: RUF001  (quote marks and apostrophes are this module's subject)
"""Classifying a speaker noun phrase: pronoun, personal name with its title, organisation, group, role, document."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from . import lexicon as lx
from .gender import is_given_name
from .keys import GENERATIONAL_SUFFIXES
from .organisations import ORGANISATION_HEADS, organisation_end
from .tokens import Token, bare, bare_case, is_name_token, is_org_word, is_place_word, is_possessive, is_title_word
from .types import MentionKind

_NICKNAME_MARKS = ('"', "“", "”", "«", "»", "‘")
_HONOURS = frozenset({"mp", "ms", "msp", "mep", "mla", "td", "qc", "kc", "obe", "mbe", "cbe", "phd", "md"})
NOUNS = lx.PERSON_NOUNS | lx.GROUP_NOUNS | lx.ORG_NOUNS | lx.TITLE_WORDS
# Forms of the commonest reporting verbs that are never names, capitalised or not.
_CUE_VERB_FORMS = frozenset({"said", "says", "say", "told", "tells", "tell", "ask", "asks", "asked", "wrote", "adds"})
# Participles that open a sentence before a name ("Thanking Reyes, Okafor said").
_OPENING_PARTICIPLES = frozenset(
    "thanking citing echoing defending referring responding addressing quoting greeting congratulating".split()
)
AGE_RE = re.compile(r"\d{1,3}-year-old")
# "its director", "his spokesman": determiners that make a role definite, like a possessive name.
POSSESSIVE_DETERMINERS = frozenset({"its", "his", "her", "their", "our"})


def descriptor(token: Token) -> bool:
    """A lowercase word that may stand in a title before a name or head a role."""
    low = bare(token.text)
    if not token.is_word or token.is_cap:
        return False
    if low in lx.STOP_WORDS:
        return False
    return (
        low in lx.DESCRIPTOR_WORDS
        or low in lx.TITLE_WORDS
        or low in lx.PERSON_NOUNS
        or low in lx.GROUP_NOUNS
        or (low.endswith("s") and low[:-1] in lx.PERSON_NOUNS)
        or low in lx.ORG_NOUNS
        or low in lx.DOCUMENT_NOUNS
        or (low.endswith(lx.TITLE_SUFFIXES) and len(low) > 4 and low not in lx.NOT_TITLES)
        or low.endswith(("al", "ic", "ive"))
        or "-" in low
        or is_possessive(token.text)
    )


@dataclass(frozen=True, slots=True)
class NounPhrase:
    """A speaker noun phrase as written, classified: a mention of someone who may speak."""

    kind: MentionKind
    text: str  # as written
    name: str = ""  # canonical name for names, groups and organisations
    head: str = ""  # head noun (lowercase) for roles, groups, documents, organisations
    title: str = ""  # title before the name ("NATO Secretary-General")
    appositive: str = ""  # "NATO's former Supreme Allied Commander Europe"
    definite: bool = True
    spokes: bool = False  # an unnamed spokesperson, who speaks for an organisation
    start: int = 0
    end: int = 0
    members: tuple[str, ...] = ()  # the people of a group named by their names ("Ann Lee and Bo Chen")

    def shifted(self, offset: int) -> NounPhrase:
        """The same phrase with its offsets moved by ``offset`` (built directly: replace() is slow, and hot here)."""
        return NounPhrase(
            self.kind,
            self.text,
            self.name,
            self.head,
            self.title,
            self.appositive,
            self.definite,
            self.spokes,
            self.start + offset,
            self.end + offset,
            self.members,
        )

    def but(self, **changes: Any) -> NounPhrase:
        """A copy with ``changes`` (a phrase read again in its context: 'Acme, the cloud provider' is an org)."""
        return replace(self, **changes)


def _span_text(source: str, tokens: list[Token]) -> str:
    return " ".join(source[tokens[0].start : tokens[-1].end].split()) if tokens else ""


def classify_at(source: str, tokens: list[Token]) -> NounPhrase | None:
    """classify(source, tokens), memoised.

    classify reads nothing but the text of the phrase's span and its tokens, and the same names, titles
    and roles come back again and again within an article and across articles; so it is memoised on
    (span text, token layout relative to the span) and the offsets of the result shifted into place.
    """
    if not tokens:
        return None
    base = tokens[0].start
    layout = tuple([(token.start - base, token.text) for token in tokens])
    phrase = _classify_span(source[base : tokens[-1].end], layout)
    return phrase.shifted(base) if phrase is not None else None


@lru_cache(maxsize=16384)
def _classify_span(span: str, layout: tuple[tuple[int, str], ...]) -> NounPhrase | None:
    """classify over ``span`` alone, its tokens rebuilt from (offset, text); never handed out unshifted."""
    return classify(span, [Token(text, start, start + len(text)) for start, text in layout])


_GROUP_PREFIX_STARTS = frozenset(prefix.split()[0] for prefix in lx.GROUP_PREFIXES)


def classify(source: str, tokens: list[Token]) -> NounPhrase | None:
    """Classify the tokens of a noun phrase; None when it cannot be a speaker."""
    if not tokens:
        return None
    text = _span_text(source, tokens)
    start, end = tokens[0].start, tokens[-1].end
    if len(tokens) == 1 and tokens[0].lower in lx.SUBJECT_PRONOUNS:
        if tokens[0].lower in ("we", "i"):
            return None
        return NounPhrase(MentionKind.PRONOUN, text, head=tokens[0].lower, start=start, end=end)
    if len(tokens) == 1 and tokens[0].lower in lx.OBJECT_PRONOUNS:
        return NounPhrase(MentionKind.PRONOUN, text, head=lx.OBJECT_PRONOUNS[tokens[0].lower], start=start, end=end)
    organisation = _organisation(source, tokens, text)
    if organisation is not None:
        return organisation
    body = list(tokens)
    definite = True
    owned = is_possessive(tokens[0].text) or tokens[0].lower in POSSESSIVE_DETERMINERS
    determined = tokens[0].lower in lx.QUANTIFIERS or owned or tokens[0].is_cap
    if tokens[0].lower in _GROUP_PREFIX_STARTS:
        lowered = " ".join(t.lower for t in body)
        for prefix in lx.GROUP_PREFIXES:
            if lowered.startswith(prefix + " ") and len(body) > len(prefix.split()):
                body = body[len(prefix.split()) :]
                break
    definite = tokens[0].lower == "the" or owned
    while body and body[0].lower in lx.QUANTIFIERS and len(body) > 1:
        body = body[1:]
    if not body:
        return None
    for index, token in enumerate(body):
        if token.lower == "of" and 0 < index < len(body) - 1 and body[index - 1].is_cap:
            left = body[index - 1]
            personal = [t for t in body[:index] if t.is_cap and not is_title_word(t.text)]
            if (
                not (is_title_word(left.text) or is_org_word(left.text) or is_place_word(left.text))
                and len(personal) >= 2
            ):
                # "Professor Alan Brooks of Portland State University": the name is before "of".
                phrase = classify(source, tokens[: len(tokens) - len(body) + index])
                if phrase is not None and phrase.kind == "name":
                    return phrase.but(text=text, appositive=_span_text(source, body[index + 1 :]))
                break
    while len(body) > 1 and bare(body[-1].text) in _HONOURS:
        body = body[:-1]
    for index, token in enumerate(body[1:-1], start=1):
        if body[-1].is_cap:
            break
        if token.lower != "of" or body[index - 1].is_cap or not body[index - 1].is_word:
            continue
        # "the chamber of agriculture", "the president of the federation": the noun before "of" heads it.
        left = bare(body[index - 1].text)
        phrase = _span_text(source, body)
        if left in lx.ORG_NOUNS or left in lx.ORG_WORDS:
            return NounPhrase(
                MentionKind.ORGANISATION, text, name=phrase, head=left, definite=definite, start=start, end=end
            )
        if left in lx.PERSON_NOUNS or left in lx.TITLE_WORDS:
            return NounPhrase(MentionKind.ROLE, text, name=phrase, head=left, definite=definite, start=start, end=end)
        break
    head_token = body[-1]
    head = bare(head_token.text)
    if AGE_RE.fullmatch(head) and definite:
        # "the 64-year-old": somebody already introduced.
        return NounPhrase(MentionKind.ROLE, text, name=_span_text(source, body), head="year-old", start=start, end=end)
    if head.endswith("s") and head in lx.GROUP_NOUNS and (head_token.is_cap or not definite or len(body) > 1):
        return NounPhrase(
            MentionKind.GROUP, text, name=_span_text(source, body), head=head, definite=definite, start=start, end=end
        )
    if not head_token.is_cap:
        if not head_token.is_word:
            return None
        phrase = _span_text(source, body)
        if head in lx.GROUP_NOUNS or (head.endswith("s") and head[:-1] in lx.PERSON_NOUNS):
            return NounPhrase(MentionKind.GROUP, text, name=phrase, head=head, definite=definite, start=start, end=end)
        if not determined:
            return None
        if head in lx.DOCUMENT_NOUNS:
            return NounPhrase(MentionKind.DOCUMENT, text, head=head, definite=definite, start=start, end=end)
        if head in lx.ORG_NOUNS:
            if len(body) > 1 and is_possessive(body[0].text) and body[0].is_cap and is_place_word(body[0].text):
                # "Cuba's foreign affairs ministry": every country has one; the country is its first word.
                phrase = " ".join([bare_case(body[0].text), _span_text(source, body[1:])])
            return NounPhrase(
                MentionKind.ORGANISATION, text, name=phrase, head=head, definite=definite, start=start, end=end
            )
        if head in lx.PERSON_NOUNS or head in lx.TITLE_WORDS or head.endswith(lx.TITLE_SUFFIXES[:3]):
            return NounPhrase(MentionKind.ROLE, text, name=phrase, head=head, definite=definite, start=start, end=end)
        return None
    # Trailing run of capitalised tokens (with particles and initials).
    run_start = len(body)
    while run_start > 0 and (
        is_name_token(body[run_start - 1])
        or body[run_start - 1].lower == "of"
        or (inner_connector(body, run_start - 1) and run_start - 1 > 0)
        or (run_start < len(body) and body[run_start - 1].is_cap and is_given_name(body[run_start - 1].text))
    ):
        run_start -= 1
    while run_start < len(body) and not body[run_start].is_cap:
        run_start += 1
    while len(body) - run_start > 1 and (
        bare(body[run_start].text) in lx.LEADING_MODIFIERS or _leading_verb(body[run_start])
    ):
        run_start += 1  # "Rival Acme Labs": a sentence-initial adjective is no part of the name
    run = body[run_start:]
    if not run:
        return None
    # 'Martin Luther King Jr.', 'James Baker III': the suffix closes a person's name and is read with it.
    suffix = run[-1:] if len(run) > 2 and bare(run[-1].text) in GENERATIONAL_SUFFIXES else []
    run = run[: len(run) - len(suffix)]
    prefix = body[:run_start]
    if len(run) == 1 and (bare(run[0].text) in lx.HONORIFICS or bare(run[0].text) in lx.OPENING_ADJECTIVES):
        return None  # "Mr.", "New regulations …": no name
    if (
        prefix
        and (prefix[-1].lower == "of" or bare(prefix[-1].text) in lx.ORG_NOUNS)
        and "of" in [t.lower for t in prefix]
    ):
        # "the chief executive of software company Brightloop": a role at a named organisation.
        of_index = [t.lower for t in prefix].index("of")
        if of_index > 0 and not prefix[of_index - 1].is_cap:
            left = bare(prefix[of_index - 1].text)
            if left in lx.PERSON_NOUNS or left in lx.TITLE_WORDS:
                return NounPhrase(
                    "role", text, name=_span_text(source, body), head=left, definite=definite, start=start, end=end
                )
    run_text = _span_text(source, run)
    of_org = next(
        (
            i
            for i, t in enumerate(run[:-1])
            if t.lower in ("of", "for")
            and i > 0
            and is_org_word(run[i - 1].text)
            and run[i - 1].lower not in lx.HONORIFICS
        ),
        -1,
    )
    if (
        of_org > 0
        and not any(bare(t.text) in lx.HONORIFICS for t in run[of_org + 1 :])
        and _split_title(run[of_org + 1 :]) == 0
        and not (len(run) - of_org > 4 and _given_and_surname(run[-2], run[-1]))  # "… Rights Norman Matara"
    ):
        # "The Ministry of Fisheries", "Bank of England": an organisation word governing "of".
        first = of_org - 1
        while first > 0 and (is_org_word(run[first - 1].text) or not is_title_word(run[first - 1].text)):
            if is_possessive(run[first - 1].text):
                break
            first -= 1
        owner = run[first - 1] if first > 0 and is_possessive(run[first - 1].text) else None
        name = _span_text(source, run[first:])
        if owner is not None and first - 1 == 0:
            # "Norland's Federal Agency of Fisheries" -> "Norland Federal Agency of Fisheries".
            name = f"{bare_case(owner.text)} {name}"
        if not any(is_title_word(t.text) for t in run[:first]) or owner is not None:
            name = name[4:] if name.startswith("The ") else name
            return NounPhrase(
                MentionKind.ORGANISATION, text, name=name, head=bare(run[of_org - 1].text), start=start, end=end
            )
    if (tokens[0].lower in ("the", "a", "an") or tokens[0].lower in lx.QUANTIFIERS) and bare(
        run[-1].text
    ) in lx.PARTY_LABELS:
        # "the California Republican", "a Labour MP's ally … the Democrat": a member of the party, a person.
        name = _span_text(source, body)
        return NounPhrase(
            MentionKind.ROLE, text, name=name, head=bare(run[-1].text), definite=definite, start=start, end=end
        )
    if (run_text in lx.KNOWN_ORGS or is_org_word(run[-1].text)) and not is_title_word(run[-1].text):
        name = run_text[4:] if run_text.startswith("The ") else run_text
        if len(run) > 2 and is_possessive(run[0].text) and is_place_word(run[0].text):
            name = f"{bare_case(run[0].text)} {_span_text(source, run[1:])}"  # "Canada's Competition Bureau"
        of_index = next((i for i, t in enumerate(run[:-1]) if t.lower == "of"), -1)
        if of_index > 0 and not any(is_org_word(t.text) or is_place_word(t.text) for t in run[:of_index]):
            # "Shares of Acme Mining Corp.": the organisation is the name after "of".
            name = _span_text(source, run[of_index + 1 :])
        return NounPhrase(MentionKind.ORGANISATION, text, name=name, head=bare(run[-1].text), start=start, end=end)
    office = bare(run[-1].text) in lx.PERSON_NOUNS and not is_org_word(run[-1].text)
    if (
        not office
        and not _shouted_first_name(run)
        and any(is_org_word(t.text) and t.lower not in lx.HONORIFICS for t in run)
    ):
        # "NATO Secretary-General Jens Stoltenberg": an organisation word inside a title is fine; "the NATO
        # Secretary-General" (an office at the end) is a person, read below as a role.
        split = _split_title(run)
        # "BMJ Best Practice", "ESPN Radio": an acronym that opens a name with no title and no given name in it.
        branded = (
            len(run) >= 2
            and run[0].text.isupper()
            and not any(is_title_word(t.text) or is_given_name(t.text) for t in run[1:])
        )
        if (
            split == 0
            or branded
            or all(
                is_org_word(t.text) or is_title_word(t.text) or t.lower == "of" or is_place_word(t.text)
                for t in run[split:]
            )
        ):
            name = run_text[4:] if run_text.startswith("The ") else run_text
            return NounPhrase(MentionKind.ORGANISATION, text, name=name, head=bare(run[-1].text), start=start, end=end)
    if head.endswith("s") and head in lx.GROUP_NOUNS and head_token.is_cap:
        return NounPhrase(MentionKind.GROUP, text, name=_span_text(source, body), head=head, start=start, end=end)
    split = _split_title(run)
    name_tokens = run[split:]
    title_tokens = prefix + run[:split]
    # "Norland's Fisheries Minister": an office, not a person.
    owned_title = is_title_word(run[-1].text) and (
        any(is_possessive(t.text) for t in run[:-1])
        or all(is_title_word(t.text) or is_org_word(t.text) or is_place_word(t.text) or t.lower == "of" for t in run)
    )
    if not name_tokens or owned_title or all(is_title_word(t.text) for t in name_tokens):
        if all(is_place_word(t.text) for t in run):
            return NounPhrase(
                MentionKind.ORGANISATION, text, name=run_text, head=bare(run[-1].text), start=start, end=end
            )
        return NounPhrase(
            MentionKind.ROLE,
            text,
            name=_span_text(source, body),
            head=bare(run[-1].text),
            definite=definite,
            start=start,
            end=end,
        )
    if title_tokens and title_tokens[-1].lower == "of" and len(name_tokens) == 1 and not suffix:
        # "Duchess of Sussex", "Archbishop of Canterbury", "Mayor of London": an office, not a person named Sussex.
        return NounPhrase(
            MentionKind.ROLE, text, name=_span_text(source, run), head=bare(title_tokens[0].text), start=start, end=end
        )
    if all(is_place_word(t.text) or t.lower == "of" for t in name_tokens):
        return NounPhrase(
            MentionKind.ORGANISATION, text, name=_span_text(source, name_tokens), head=head, start=start, end=end
        )
    while name_tokens and name_tokens[0].lower in lx.NAME_PARTICLES and not name_tokens[0].is_cap:
        name_tokens = name_tokens[1:]
    if not name_tokens:
        return None
    title_tokens = [t for t in title_tokens if t.lower not in lx.QUANTIFIERS]
    if title_tokens and bare(title_tokens[-1].text) in lx.KNOWN_BY_TITLES and title_tokens[-1].is_cap:
        # "Prince Harry", "Pope Francis", "Sheikh Tamim": a title people are known by is part of the name.
        name_tokens = [title_tokens.pop(), *name_tokens]
    title = _span_text(source, title_tokens)
    name_tokens = [*name_tokens, *suffix]
    name = _span_text(source, name_tokens)
    if _shouted_first_name(name_tokens):
        name = f"{name_tokens[0].text.title()} {_span_text(source, name_tokens[1:])}"  # "KELLY Osbourne" (tabloid)
    if any(mark in name for mark in _NICKNAME_MARKS):
        # 'Marcus "Ace" Brooks': the nickname is not part of the canonical name.
        name = " ".join(token.text for token in name_tokens)
    placed = all(is_place_word(t.text) or t.lower in ("the", "a", "an") for t in title_tokens)
    if len(name_tokens) > 1 and bare(name_tokens[-1].text) in lx.PLACE_HEADS and placed:
        # "Griffith Observatory", "Chicago O'Hare International Airport": a place, never a 'he' or 'she'.
        place = _span_text(source, [t for t in title_tokens if t.is_cap] + name_tokens)
        return NounPhrase(
            MentionKind.ORGANISATION, text, name=place, head=bare(name_tokens[-1].text), start=start, end=end
        )
    if tokens[0].lower == "the" and not title and not suffix and not nationality_noun(name):
        # "The International Pulsar Timing Array", "the Kremlin": no person is 'the' before their name.
        head = bare(name_tokens[-1].text)
        return NounPhrase(MentionKind.ORGANISATION, text, name=name, head=head, start=start, end=end)
    return NounPhrase(MentionKind.NAME, text, name=name, title=title, start=start, end=end)


def nationality_noun(word: str) -> bool:
    """'Swede', 'Australian', 'Nepali': what 'the Swede' calls a person by."""
    word = bare(word)
    return word in lx.NATIONALITY_NOUNS or (word in lx.DEMONYMS and word.endswith(("an", "ese", "i")))


def _organisation(source: str, tokens: list[Token], text: str) -> NounPhrase | None:
    """'the Department for Environment, Food and Rural Affairs', "Mozambique's Ministry of National Defence".

    An owner's possessive before the name is kept as its first word: ministries of different countries
    are different speakers.
    """
    first = 1 if tokens[0].lower == "the" and len(tokens) > 1 else 0
    owner = ""
    if is_possessive(tokens[first].text) and tokens[first].is_cap and len(tokens) - first > 2:
        owner = bare_case(tokens[first].text)
        first += 1
    if organisation_end(tokens, first, len(tokens)) != len(tokens) - 1:
        return None
    if (
        len(tokens) - first >= 5
        and tokens[-3].is_cap
        and _given_and_surname(tokens[-2], tokens[-1])
        and any(bare(t.text) in _OFFICES for t in tokens[first:-2])
    ):
        # "the Ministry of Finance Brian Manning": the minister, named after the office's name.
        title = _span_text(source, tokens[first:-2])
        name = _span_text(source, tokens[-2:])
        return NounPhrase(MentionKind.NAME, text, name=name, title=title, start=tokens[0].start, end=tokens[-1].end)
    head = next((bare(t.text) for t in tokens[first:] if bare(t.text) in ORGANISATION_HEADS), "")
    name = " ".join(filter(None, [owner, _span_text(source, tokens[first:])]))
    return NounPhrase(
        MentionKind.ORGANISATION, text, name=name, head=head, definite=True, start=tokens[0].start, end=tokens[-1].end
    )


# Heads of public offices whose holder may be named right after the office ("the Ministry of Finance Brian Manning").
_OFFICES = frozenset("ministry department office agency bureau commission council committee authority".split())


def _shouted_first_name(run: list[Token]) -> bool:
    """'KELLY Osbourne has blasted …': a tabloid's capitalised first name before a surname in plain case."""
    return (
        len(run) == 2
        and len(run[0].text) > 2
        and run[0].text.isupper()
        and run[1].text[:1].isupper()
        and not run[1].text.isupper()
        and not is_title_word(run[1].text)
        and is_given_name(run[0].text.title())
    )


def _given_and_surname(given: Token, surname: Token) -> bool:
    return (
        given.is_cap
        and surname.is_cap
        and is_given_name(given.text)
        and not is_org_word(surname.text)
        and not is_place_word(surname.text)
        and bare(surname.text) not in ORGANISATION_HEADS
    )


def _leading_verb(token: Token) -> bool:
    """'Replied Stephen', 'Ask Damien Chazelle', 'Thanking Reyes': a verb capitalised at a sentence's start."""
    word = token.lower
    if word in lx.CUE_FORMS and (word.endswith(("ed", "ing")) or word in _CUE_VERB_FORMS):
        return True
    return word in _OPENING_PARTICIPLES


def inner_connector(tokens: list[Token], index: int) -> bool:
    """'for', 'and' or '&' inside a capitalised name: "Parents for Quiet Streets", "Parks and Research Department"."""
    token = tokens[index]
    if token.lower not in ("for", "and", "&") or index + 1 >= len(tokens) or index == 0:
        return False
    if not (tokens[index - 1].is_cap and tokens[index + 1].is_cap):
        return False
    if token.lower == "for":
        return not is_title_word(tokens[index - 1].text) or is_org_word(tokens[index - 1].text)
    # "and" only inside an organisation's name ending in an organisation word.
    rest = tokens[index + 1 :]
    return bool(rest) and all(t.is_cap or t.lower in ("of", "and", "for") for t in rest) and is_org_word(rest[-1].text)


def _split_title(run: list[Token]) -> int:
    """Index where the personal name starts in a capitalised run ("Foreign Minister | Sergei Ryabkov")."""
    if _shouted_first_name(run):
        return 0
    split = 0
    for index, token in enumerate(run[:-1]):
        nxt = run[index + 1]
        titled = (
            is_title_word(token.text)
            or (index == 0 and bare(token.text) in lx.PERSON_NOUNS)
            or (
                index == 0
                and len(run) >= 3
                and bare(token.text).endswith(lx.TITLE_SUFFIXES)
                and not is_given_name(token.text)  # "Brian M. Good" is no "Librarian M. Good"
            )
            or (index == 0 and len(run) >= 3 and bare(token.text) in lx.PARTY_LABELS)
            or is_org_word(token.text)
            or is_place_word(token.text)
            or is_possessive(token.text)
            or token.lower == "of"
            or (token.lower == "for" and index > 0 and is_title_word(run[index - 1].text))
        )
        if titled and not (
            is_title_word(nxt.text) or is_org_word(nxt.text) or nxt.lower == "of" or is_place_word(nxt.text)
        ):
            split = index + 1
    if split > 0 and len(run) - split >= 3:
        # "Chief of Mortality Statistics Bob Anderson", "Chancellor of the Exchequer George Osborne": the words of
        # the office run on until a given name opens the person's own two or three.
        given = next((i for i in range(split + 1, len(run) - 1) if is_given_name(run[i].text)), -1)
        skipped = run[split:given]
        if given > 0 and len(run) - given <= 3 and not any(is_given_name(t.text) or len(t.text) <= 2 for t in skipped):
            split = given
    if split == len(run) - 1 and split > 0 and _given_place(run[split - 1]):
        # "Jordan Pike", "Labour MP Georgia Hale": a place name right before a lone surname is a given name;
        # a place only titles a name through an office ("Ohio Sen. Hale") or a possessive ("Jordan's Hale").
        split -= 1
    return split


def _given_place(token: Token) -> bool:
    low = bare(token.text)
    return (
        token.is_cap
        and low in lx.PLACES
        and low not in lx.DEMONYMS
        and not is_possessive(token.text)
        and not is_title_word(token.text)
        and not is_org_word(token.text)
        and not token.text.isupper()
    )


def split_role(title: str) -> tuple[str, str]:
    """("NATO Secretary-General") -> ("Secretary-General", "NATO"); possessives and demonyms too."""
    words = title.split()
    if not words:
        return "", ""
    for index, word in enumerate(words):
        if is_possessive(word):
            org = " ".join(words[: index + 1])
            org = org[:-2] if org.endswith(("'s", "’s")) else org.rstrip("'’")
            rest = " ".join(words[index + 1 :])
            return rest, org if org[:1].isupper() else ""
    of_match = re.search(r"^(.*?)\s+(?:of|at|for|with)\s+(?:the\s+)?([A-Z].*)$", title)
    if of_match and not re.match(r"(?i)^(?:secretary|minister|bank|chancellor)$", of_match.group(1).split()[-1]):
        return of_match.group(1), of_match.group(2)
    org_words: list[str] = []
    rest = list(words)
    while rest and (is_org_word(rest[0]) or bare(rest[0]) in lx.DEMONYMS) and len(rest) > 1:
        org_words.append(rest.pop(0))
    organisation = " ".join(org_words)
    if len(org_words) == 1 and lx.DEMONYMS.get(bare(org_words[0])):
        organisation = lx.DEMONYMS[bare(org_words[0])]
    return " ".join(rest), organisation

# ruff: noqa: RUF001  (quote marks and apostrophes are this module's subject)
"""Mentions of people and organisations around a reporting verb: the speaker phrase before it or after it.

``subject_before`` reads leftwards from a cue over adverbs, appositives and parentheses ("Jo Smith, 52, a
swimmer from Leeds, said"); ``phrase_after`` reads rightwards ("said John Smith, the chief executive").
Both return the classified NounPhrase and the index of its first (or last) token, or None.
"""

from __future__ import annotations

from .. import lexicon as lx
from ..chunking import noun_phrase_after, noun_phrase_before
from ..phrases import NounPhrase
from ..tokens import PREPOSITIONS, Token, bare, is_place_word
from ..types import MentionKind
from .name_lists import names_after, names_before
from .text import ArticleText

SENTENCE_END = frozenset(".!?")
# Unnamed spokespeople speak for their organisation.
SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokespersons", "representative"})
# Qualifiers of anonymous sources: "a person familiar with the matter", "sources close to the talks".
SOURCE_MARKERS = frozenset(
    {
        ("familiar", "with"),
        ("close", "to"),
        ("briefed", "on"),
        ("briefed", "about"),
        ("with", "knowledge"),
        ("with", "direct"),
        ("knowledgeable", "about"),
        ("involved", "in"),
        ("aware", "of"),
        ("privy", "to"),
        ("informed", "about"),
        ("speaking", "on"),
    }
)
# Participles of writing a document ("a letter signed by …", "the statement, issued by …").
AUTHORING = frozenset(
    {"signed", "written", "sent", "drafted", "organised", "organized", "penned", "issued", "released", "authored"}
    | {"published", "backed"}
)
WRITTEN_NOUNS = lx.DOCUMENT_NOUNS | frozenset({"comment", "comments", "reply", "response", "caption", "posts"})
_PEOPLE_NOUNS = lx.PERSON_NOUNS | lx.GROUP_NOUNS
# Participles that describe where or how a speaker is, between their name and the cue.
_POSTURE_PARTICIPLES = frozenset(
    "seated sitting standing flanked surrounded accompanied dressed wearing holding visiting appearing "
    "fresh testifying campaigning travelling traveling".split()
)
_ADJUNCT_STARTS = frozenset({"in", "during", "on", "after", "before", "via", "through", "over", "under", "earlier"})


def _source_head(token: Token) -> bool:
    """A noun that an anonymous-source qualifier may follow ('person', 'officials', 'sources')."""
    return token.is_word and bare(token.text) in _PEOPLE_NOUNS


def _adjunct(segment: list[Token]) -> bool:
    """An adverbial between a subject and its cue: 'in a letter to the board', 'on Tuesday'."""
    first = segment[0]
    if first.lower not in _ADJUNCT_STARTS or len(segment) < 2 or len(segment) > 15:
        return False
    return all(t.is_word or t.text[0].isdigit() for t in segment)


def is_role_word(word: str) -> bool:
    low = bare(word)
    return low in lx.TITLE_WORDS or low in lx.PERSON_NOUNS or low.endswith(lx.TITLE_SUFFIXES)


def _common_phrase(phrase: NounPhrase, tokens: list[Token]) -> bool:
    """An organisation or group named by a common noun phrase ("the president of the federation")."""
    return phrase.kind in ("org", "group") and any(
        t.is_word and not t.is_cap and t.lower not in ("the", "a", "an", "of", "and", "for") for t in tokens
    )


def subject_before(text: ArticleText, tokens: list[Token], cue: int, low: int) -> tuple[NounPhrase, int] | None:
    """Speaker phrase ending just before the cue (adverbs, an appositive, a parenthesis skipped)."""
    index = cue - 1
    skipped = 0
    while (
        index >= low
        and skipped < 3
        and tokens[index].is_word
        and not tokens[index].is_cap
        and (
            tokens[index].lower in lx.ADVERBS_BETWEEN
            or (
                tokens[index].lower.endswith("ly")
                and len(tokens[index].lower) > 4
                and tokens[index].lower not in ("ally", "family", "italy", "july", "assembly")
            )
        )
    ):
        index -= 1
        skipped += 1
    if index >= low and tokens[index].text == ")":
        opening = index - 1
        while opening >= low and tokens[opening].text != "(" and index - opening < 10:
            opening -= 1
        if opening < low or tokens[opening].text != "(":
            return None
        index = opening - 1
    if index - 1 > low and tokens[index].lower in ("who", "which", "that") and tokens[index - 1].text == ",":
        # "Gov. Tina Kotek, who wrote on Twitter: …"
        index -= 2
    # Appositives between the subject and the cue, nearest first:
    # "Jo Smith, 52, a swimmer from Leeds, said", "The firm's chief executive, Ann Lee, said".
    appositives: list[list[Token]] = []
    adjunct = False
    while index >= low and tokens[index].text == "," and len(appositives) < 3:
        other = index - 1
        while (
            other >= low
            and tokens[other].text not in (",", ";", "(", ")")
            and not tokens[other].is_quote
            and tokens[other].text[0] not in SENTENCE_END
            and index - other <= 22
        ):
            other -= 1
        segment = tokens[other + 1 : index]
        if not segment:
            if other >= low and tokens[other].text == ")":
                break
            return None
        if other < low or tokens[other].text != ",":
            break
        if (
            segment[0].lower in ("from", "by")
            and len(segment) > 1
            and other - 1 >= low
            and bare(tokens[other - 1].text) in WRITTEN_NOUNS
        ):
            # "The latest comment, from an Acme engineer, reads": the writer speaks.
            found = phrase_after(text, tokens, other + 2, index)
            if found is not None and found[1] == index - 1 and found[0].kind in ("name", "role", "group", "org"):
                return found[0], other + 2
        if not adjunct and _adjunct(segment) and not any(text.cue(tokens, i) for i in range(other + 1, index)):
            # "Jo Lee, in a letter to members, wrote": an adverbial, no appositive.
            adjunct = True
            index = other
            continue
        if not appositive_ok(text, segment):
            if not appositives:
                return None
            break
        appositives.append(segment)
        index = other
    if index >= low and tokens[index].text == ",":
        index -= 1
    if index >= low and tokens[index].text == ")":
        # "Sen. Jane Roe (D-Mass.), the bill's sponsor, said"
        opening = index - 1
        while opening >= low and tokens[opening].text != "(" and index - opening < 10:
            opening -= 1
        if opening < low or tokens[opening].text != "(":
            return None
        index = opening - 1
    if index < low:
        return None
    sourced = sourced_phrase(text, tokens, index, low) or relative_subject(text, tokens, index, low)
    if sourced is not None:
        return sourced
    phrase_tokens = noun_phrase_before(text.body, tokens, index, low)
    if phrase_tokens:
        first = tokens.index(phrase_tokens[0], low)
        if (
            first - 2 >= low
            and tokens[first - 1].lower in ("on", "in")
            and bare(tokens[first - 2].text) in WRITTEN_NOUNS
            and not tokens[first - 2].is_cap
        ):
            # "Lee's May post on Bluesky … read": the post, not the platform, is the subject.
            phrase_tokens = noun_phrase_before(text.body, tokens, first - 2, low) or phrase_tokens
    if not phrase_tokens:
        origin = person_from(text, tokens, index, low)
        if origin is not None:
            phrase_tokens = origin
    phrase = text.classify(phrase_tokens) if phrase_tokens else None
    if phrase is None and phrase_tokens and phrase_tokens[0].lower in ("a", "an", "one"):
        phrase = text.classify(phrase_tokens[:2])
        if phrase is not None and phrase.kind == "role":
            # "A trader from a large fishing port": the role with where it is from.
            phrase = phrase.but(
                name=text.words(phrase_tokens[1:]),
                text=text.words(phrase_tokens),
                start=phrase_tokens[0].start,
                end=phrase_tokens[-1].end,
            )
        else:
            phrase = None
    holder = holder_of(text, tokens, phrase_tokens, phrase, low)
    if holder is not None:
        return holder
    located = people_at(text, tokens, phrase_tokens, phrase, low) or body_at_place(
        text, tokens, phrase_tokens, phrase, low
    )
    if located is not None:
        phrase_tokens, phrase = located
    spokes = spokesperson_for(text, tokens, phrase_tokens, low)
    if spokes is not None:
        phrase, start = spokes
        if appositives:
            described = [a for a in appositives if not a[0].text[0].isdigit()]
            phrase = phrase.but(
                appositive=text.words(described[-1] if described else appositives[-1]),
                text=" ".join(text.body[tokens[start].start : appositives[0][-1].end].split()),
            )
        return phrase, start
    if appositives and phrase_tokens:
        first = tokens.index(phrase_tokens[0], low)
        if first > low and tokens[first - 1].lower in PREPOSITIONS | {"of"}:
            # "In an article in Bloomberg, James Smith, a former admiral, said": the object of a
            # fronted phrase is no subject; the leftmost appositive is.
            phrase_tokens = appositives.pop()
            phrase = text.classify(phrase_tokens)
    if appositives and (phrase is None or phrase.kind == "role" or _common_phrase(phrase, phrase_tokens)):
        # "The health secretary, Steve Barclay, said": the appositive is the name.
        for position in range(len(appositives) - 1, -1, -1):
            segment = appositives[position]
            named = text.classify(segment)
            if named is None or named.kind != "name" or segment[0].lower in ("who", "which", "whose"):
                continue
            title_tokens = phrase_tokens
            if not title_tokens and position + 1 < len(appositives):
                left = text.classify(appositives[position + 1])
                if left is not None and left.kind == "role":
                    title_tokens = appositives[position + 1]
            if title_tokens:
                printed = text.words([*title_tokens, *segment])
                if title_tokens is phrase_tokens:
                    printed = " ".join(text.body[title_tokens[0].start : segment[-1].end].split())
                named = named.but(title=" ".join(filter(None, [text.words(title_tokens), named.title])), text=printed)
                start = tokens.index(title_tokens[0], low)
            else:
                start = tokens.index(segment[0], low)
            rest = [a for a in appositives[:position] if not a[0].text[0].isdigit()]
            if rest and not named.appositive:
                named = named.but(appositive=text.words(rest[-1]))
            return named, start
    if phrase is None:
        return None
    if appositives:
        if phrase.kind == "pronoun":
            return None
        described = [a for a in appositives if not a[0].text[0].isdigit()]
        phrase = phrase.but(
            appositive=text.words(described[-1] if described else appositives[-1]),
            text=" ".join(text.body[phrase_tokens[0].start : appositives[0][-1].end].split()),
        )
    start = tokens.index(phrase_tokens[0], low)
    if phrase.kind == MentionKind.NAME and not appositives:
        return names_before(text, tokens, phrase, start, low)
    return phrase, start


def appositive_ok(text: ArticleText, tokens: list[Token]) -> bool:
    first = tokens[0]
    if any(t.is_quote for t in tokens):
        return False
    if first.lower in ("a", "an", "the", "who", "which", "whose", "whom", "himself", "herself", "now"):
        return True
    if first.lower.endswith("ing") and first.lower in lx.CUE_FORMS | {"speaking": "", "writing": ""}:
        return True
    if first.lower in AUTHORING and len(tokens) > 2 and tokens[1].lower == "by":
        return True  # "The letter, organised by the committee chair, Ann Lee, says"
    if first.lower in ("one", "both", "each", "part", "among") and len(tokens) > 1 and tokens[1].lower in ("of", "the"):
        return True  # "Acme, one of the largest customers, said"
    if first.lower in ("of", "from", "at") and len(tokens) > 1 and tokens[1].is_cap:
        return True  # "Sarah Lund, of West Yorkshire Police, said"
    if first.text[0].isdigit():
        return len(tokens) <= 3
    if first.lower in _POSTURE_PARTICIPLES and not any(text.cue(tokens, i) for i in range(len(tokens))):
        return True  # "Ms. Haley, seated next to Mr. Trump in the Oval Office, told reporters"
    if first.is_cap or (first.is_word and (first.lower in lx.DESCRIPTOR_WORDS or is_role_word(first.lower))):
        # "NATO's former Supreme Allied Commander Europe", "former prime minister".
        return not any(text.cue(tokens, i) for i in range(len(tokens)))
    return False


def phrase_after(text: ArticleText, tokens: list[Token], start: int, high: int) -> tuple[NounPhrase, int] | None:
    phrase_tokens = noun_phrase_after(tokens, start, high)
    if not phrase_tokens:
        return None
    phrase = text.classify(phrase_tokens)
    if phrase is None:
        return None
    end = start + len(phrase_tokens) - 1
    if (
        phrase.kind == "document"
        and end + 2 < high
        and tokens[end + 1].lower in ("from", "by", "of")
        and not tokens[end + 2].is_quote
    ):
        # "according to a statement from the ministry": the ministry speaks.
        owner = phrase_after(text, tokens, end + 2, high)
        if owner is not None and owner[0].kind in ("name", "org", "group", "role"):
            owner_phrase, owner_end = owner
            return owner_phrase.but(text=text.words(tokens[start : owner_end + 1])), owner_end
    if (
        phrase.kind in ("role", "group")
        and end + 2 < high
        and (tokens[end + 1].lower, tokens[end + 2].lower) in SOURCE_MARKERS
        and _source_head(tokens[end])
    ):
        # "said a person familiar with the matter": the qualifier runs to the end of the clause.
        last = end + 2
        while last + 1 < high and tokens[last + 1].is_word and not text.cue(tokens, last + 1) and last - end < 12:
            last += 1
        described = anonymous_source(text, tokens, end, last, start)
        if described is not None:
            return described[0], last
    listed = names_after(text, tokens, phrase, end, high) if phrase.kind == MentionKind.NAME else None
    if listed is not None:
        return listed
    # "said John Smith, the company's chief executive."
    if end + 2 < high and tokens[end + 1].text == ",":
        other = end + 2
        while (
            other < high
            and tokens[other].text not in (",", ";", "—", "–")
            and not tokens[other].is_quote
            and tokens[other].text[0] not in SENTENCE_END
            and other - end < 20
        ):
            other += 1
        appositive = tokens[end + 2 : other]
        if (
            appositive
            and not (other < len(tokens) and tokens[other].is_quote)
            and phrase.kind in ("name", "org")
            and appositive_ok(text, appositive)
            and appositive[0].lower not in ("who", "which")
        ):
            phrase = phrase.but(appositive=text.words(appositive), text=text.words(tokens[start:other]))
            end = other - 1
        elif appositive and phrase.kind == MentionKind.ROLE and not (other < len(tokens) and tokens[other].is_quote):
            # "said Ofgem's chief executive, Laura Penhaligon": the role's holder, named after it.
            named = text.classify(appositive)
            if named is not None and named.kind == MentionKind.NAME and named.name == named.text:
                printed = text.words(tokens[start:other])
                return named.but(title=" ".join(filter(None, [phrase.text, named.title])), text=printed), other - 1
    return phrase, end


def sourced_phrase(text: ArticleText, tokens: list[Token], end: int, low: int) -> tuple[NounPhrase, int] | None:
    """An anonymous source with its qualifier: 'a person briefed on the plan', 'sources close to X'."""
    for marker in range(end - 1, max(low, end - 12), -1):
        token = tokens[marker]
        if not token.is_word or text.cue(tokens, marker):
            return None
        if (token.lower, tokens[marker + 1].lower) not in SOURCE_MARKERS:
            continue
        head = marker - 1
        if not _source_head(tokens[head]):
            return None
        return anonymous_source(text, tokens, head, end, low)
    return None


def relative_subject(text: ArticleText, tokens: list[Token], end: int, low: int) -> tuple[NounPhrase, int] | None:
    """'The 40 farmers who signed the petition said': the subject before a restrictive 'who' clause."""
    for who in range(end - 1, max(low, end - 10), -1):
        token = tokens[who]
        if not (token.is_word or token.text[0].isdigit()) or text.cue(tokens, who):
            return None
        if token.lower != "who":
            continue
        if who - 1 < low or not _source_head(tokens[who - 1]):
            return None
        people = noun_phrase_before(text.body, tokens, who - 1, low)
        phrase = text.classify(people) if people else None
        if phrase is None or phrase.kind not in ("role", "group"):
            return None
        return phrase, tokens.index(people[0], low)
    return None


def anonymous_source(
    text: ArticleText, tokens: list[Token], head: int, end: int, low: int
) -> tuple[NounPhrase, int] | None:
    people = noun_phrase_before(text.body, tokens, head, low)
    if not people or people[-1] is not tokens[head]:
        return None
    base = text.classify(people)
    word = bare(tokens[head].text)
    if (base is None or base.kind not in ("role", "group")) and len(people) == 1 and tokens[head].is_cap:
        # "Sources close to the club said": a common noun capitalised at the start of a sentence.
        kind = MentionKind.GROUP if word in lx.GROUP_NOUNS else MentionKind.ROLE
        base = NounPhrase(kind, people[0].text, name=word, head=word, definite=False)
    if base is None or base.kind not in ("role", "group"):
        return None
    first = tokens.index(people[0], low)
    named = first
    while named < head and tokens[named].lower in lx.QUANTIFIERS:
        named += 1
    name = text.words(tokens[named : end + 1])
    if tokens[named].is_cap and bare(tokens[named].text) in _PEOPLE_NOUNS:
        name = name[:1].lower() + name[1:]
    phrase = NounPhrase(
        base.kind,
        text.words(tokens[first : end + 1]),
        name=name,
        head=base.head,
        definite=base.definite,
        start=tokens[first].start,
        end=tokens[end].end,
    )
    return phrase, first


def person_from(text: ArticleText, tokens: list[Token], index: int, low: int) -> list[Token] | None:
    """'A trader from a large fishing port': tokens of a person described by origin."""
    at = index
    while at > low and index - at < 6 and tokens[at].is_word and not tokens[at].is_cap:
        if tokens[at].lower in ("from", "at") and at < index:
            break
        at -= 1
    if tokens[at].lower not in ("from", "at") or tokens[at + 1].lower not in ("a", "an"):
        return None
    head = at - 1
    if head - 1 < low or bare(tokens[head].text) not in lx.PERSON_NOUNS or tokens[head - 1].lower not in ("a", "an"):
        return None
    return tokens[head - 1 : index + 1]


def holder_of(
    text: ArticleText, tokens: list[Token], phrase_tokens: list[Token], phrase: NounPhrase | None, low: int
) -> tuple[NounPhrase, int] | None:
    """'Sandy Ching, president of the American Academy of Pediatrics (AAP) said': an appositive whose closing
    comma is missing; the person before it speaks, not the organisation at its end."""
    if not phrase_tokens or phrase is None or phrase.kind != MentionKind.ORGANISATION:
        return None
    index = tokens.index(phrase_tokens[0], low) - 1
    if index <= low or tokens[index].lower not in ("of", "at", "for"):
        return None
    role_end = index
    while index - 1 >= low and tokens[index - 1].is_word and not tokens[index - 1].is_cap and index > role_end - 4:
        index -= 1
    role = tokens[index:role_end]
    if not role or not any(is_role_word(t.text) for t in role) or index - 1 <= low or tokens[index - 1].text != ",":
        return None
    named = noun_phrase_before(text.body, tokens, index - 2, low)
    person = text.classify(named) if named and named[-1] is tokens[index - 2] else None
    if person is None or person.kind != MentionKind.NAME:
        return None
    appositive = text.words(tokens[index : tokens.index(phrase_tokens[-1], low) + 1])
    printed = text.words(tokens[tokens.index(named[0], low) : tokens.index(phrase_tokens[-1], low) + 1])
    return person.but(appositive=appositive, text=printed), tokens.index(named[0], low)


def body_at_place(
    text: ArticleText, tokens: list[Token], phrase_tokens: list[Token], phrase: NounPhrase | None, low: int
) -> tuple[list[Token], NounPhrase] | None:
    """'The Israeli mission to the UN in Geneva said': the mission, described by where it is, not the city."""
    if not phrase_tokens or phrase is None or not all(is_place_word(t.text) for t in phrase_tokens if t.is_cap):
        return None
    first = tokens.index(phrase_tokens[0], low)
    for _ in range(3):  # at most three phrases back: 'to the UN', 'in Geneva'
        if first - 2 < low or tokens[first - 1].lower not in ("in", "to", "at", "of", "for"):
            return None
        before = noun_phrase_before(text.body, tokens, first - 2, low)
        if not before or before[-1] is not tokens[first - 2]:
            return None
        first = tokens.index(before[0], low)
        head = bare(before[-1].text)
        if not before[-1].is_cap and head in lx.ORG_NOUNS:
            named = first + 1 if tokens[first].lower in ("the", "a", "an") else first
            whole = tokens[first : tokens.index(phrase_tokens[-1], low) + 1]
            name = text.words(tokens[named : tokens.index(phrase_tokens[-1], low) + 1])
            printed = text.words(whole)
            span = {"start": whole[0].start, "end": whole[-1].end}
            return whole, NounPhrase(MentionKind.ORGANISATION, printed, name=name, head=head, **span)
    return None


def people_at(
    text: ArticleText, tokens: list[Token], phrase_tokens: list[Token], phrase: NounPhrase | None, low: int
) -> tuple[list[Token], NounPhrase] | None:
    """'Forecasters at the Brightwater Centre said', 'an analyst at a bank said': people, not the place."""
    if not phrase_tokens or phrase is None or phrase.kind not in ("org", "name"):
        return None
    first = tokens.index(phrase_tokens[0], low)
    if first - 2 < low or tokens[first - 1].lower not in ("at", "from", "with"):
        return None
    head = tokens[first - 2]
    word = bare(head.text)
    plural = word.endswith("s") and (
        word in lx.GROUP_NOUNS or word[:-1] in lx.PERSON_NOUNS or word.endswith(("ers", "ists", "ians"))
    )
    if not head.is_word or word in SPOKES or not (plural or word in lx.PERSON_NOUNS):
        return None
    people = noun_phrase_before(text.body, tokens, first - 2, low)
    if not people or people[-1] is not head:
        return None
    start = tokens.index(people[0], low)
    while start < first - 2 and tokens[start].lower in lx.QUANTIFIERS:
        start += 1
    if not plural and start == first - 2 and not (first - 3 >= low and tokens[first - 3].lower in ("a", "an", "one")):
        return None  # "the analyst at X" is someone already introduced
    all_tokens = tokens[tokens.index(people[0], low) : tokens.index(phrase_tokens[-1], low) + 1]
    name = text.words(tokens[start : tokens.index(phrase_tokens[-1], low) + 1])
    kind = MentionKind.GROUP if plural else MentionKind.ROLE
    found = NounPhrase(
        kind,
        text.words(all_tokens),
        name=name,
        head=word,
        definite=False,
        start=all_tokens[0].start,
        end=all_tokens[-1].end,
    )
    return all_tokens, found


def spokesperson_for(
    text: ArticleText, tokens: list[Token], phrase_tokens: list[Token], low: int
) -> tuple[NounPhrase, int] | None:
    """'A spokesperson for Acme' speaks for Acme: (organisation phrase, index of the phrase's first token)."""
    if not phrase_tokens:
        return None
    first = tokens.index(phrase_tokens[0], low)
    if first - 2 < low or tokens[first - 1].lower not in ("for", "at", "of", "from"):
        return None
    head = first - 2
    if bare(tokens[head].text) not in SPOKES:
        return None
    phrase = text.classify(phrase_tokens)
    if phrase is None or phrase.kind not in ("name", "org"):
        return None
    start = head
    while start - 1 >= low and start > head - 3 and tokens[start - 1].is_word:
        previous = tokens[start - 1]
        if previous.lower not in ("a", "an", "the") and (previous.is_cap or previous.lower in lx.STOP_WORDS):
            break
        start -= 1
        if previous.lower in ("a", "an", "the"):
            break
    printed = " ".join(text.body[tokens[start].start : phrase_tokens[-1].end].split())
    return phrase.but(kind=MentionKind.ORGANISATION, text=printed, spokes=True), start

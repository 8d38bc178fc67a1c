# ruff: noqa: RUF001, SIM905  (quote marks and apostrophes are this module's subject)
"""Tokens and the noun-phrase grammar for speakers: titles, names, appositives, groups."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon as lx

QUOTE_CHAR = "\x01"
# The leading lookahead only skips whitespace faster: no alternative starts with a space.
_TOKEN_RE = re.compile(
    r"(?=\S)(?:\x01+"
    r"|@[A-Za-z0-9_]{2,30}\b"
    r"|(?:[A-Za-z]\.){2,}"
    r"|[^\W\d_](?:[\w'’\-]*\w)?(?:['’](?=\s))?"
    r"|\d+(?:[.,:/\-]\d+)*(?:-[^\W\d_]+(?:-[^\W\d_]+)*)?"
    r"|[,;:()\[\]—–…]|-{1,2}|[.!?]+)"
)
_ABBREVIATIONS = lx.HONORIFICS | {
    "st",
    "jr",
    "sr",
    "inc",
    "corp",
    "co",
    "ltd",
    "no",
    "vs",
    "etc",
    "jan",
    "feb",
    "aug",
    "sept",
    "oct",
    "nov",
    "dec",
    "gens",
    "reps",
    "sens",
    "mt",
}
_CAPITAL_STOP = lx.STOP_WORDS | frozenset(
    """meanwhile however moreover furthermore instead still yet later earlier today yesterday tomorrow
    separately also indeed nonetheless nevertheless similarly likewise speaking asked writing
    monday tuesday wednesday thursday friday saturday sunday january february march april june july
    august september october november december last next such both each every many some other
    another according despite amid following earlier ahead unlike like in around behind beyond within
    along beside besides toward towards upon across among throughout near outside inside once thus
    one whether asked""".split()
)
_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december""".split()
)
_NICKNAME_MARKS = ('"', "“", "”", "«", "»", "‘")
_HONOURS = frozenset({"mp", "ms", "msp", "mep", "mla", "td", "qc", "kc", "obe", "mbe", "cbe", "phd", "md"})
_NOUNS = lx.PERSON_NOUNS | lx.GROUP_NOUNS | lx.ORG_NOUNS | lx.TITLE_WORDS
PREPOSITIONS = frozenset(
    "in on at during after before to for from with via by about over under near outside inside "
    "through throughout amid ahead following despite into onto across against without".split()
)


_AGE_RE = re.compile(r"\d{1,3}-year-old")
# Surnames opening with a lowercase particle: "al-Tayeb", "el-Sisi", "d'Alema", "bin-Salman".
_PARTICLE_NAME_RE = re.compile(r"(?:al|el|ad|ar|as|at|az|ash|bin|ibn|abu|da|de|di|del|van|von|d|l)[-'’][A-Z]")


@lru_cache(maxsize=65536)
def _token_traits(text: str) -> tuple[str, bool, bool, bool]:
    """(lower, is_quote, is_word, is_cap) of a token text; memoised: the same words recur all the time."""
    first = text[0]
    is_quote = first == QUOTE_CHAR
    # A social-media handle (@name) stands in a sentence like a capitalised name.
    is_word = first.isalpha() or (first == "@" and len(text) > 1)
    is_cap = first.isupper() or first == "@" or (first.islower() and _PARTICLE_NAME_RE.match(text) is not None)
    return text.lower(), is_quote, is_word, is_cap


class Token:
    """A token of masked body text; offsets are body offsets.  Plain slots: made by the thousand."""

    __slots__ = ("end", "is_cap", "is_quote", "is_word", "lower", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower, self.is_quote, self.is_word, self.is_cap = _token_traits(text)

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Word, number, punctuation and quote-placeholder tokens of text[start:end]."""
    tokens: list[Token] = []
    consumed = start
    for match in _TOKEN_RE.finditer(text, start, end):
        t_start, t_end = match.span()
        if t_start < consumed:
            continue
        word = match.group()
        # Honorifics, initials and a few abbreviations keep their full stop.
        if (
            t_end < end
            and text[t_end] == "."
            and word[0].isalpha()
            and (word.lower().rstrip("'’") in _ABBREVIATIONS or (len(word) == 1 and word.isupper()))
        ):
            t_end += 1
            word += "."
        consumed = t_end
        tokens.append(Token(word, t_start, t_end))
    return tokens


@lru_cache(maxsize=8192)
def bare(word: str) -> str:
    """Lowercase word without a trailing full stop or possessive."""
    word = word.lower().rstrip(".")
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word.rstrip("'’")


def is_possessive(word: str) -> bool:
    return word.endswith(("'s", "’s")) or (word.endswith(("s'", "s’")) and len(word) > 2)


def is_title_word(word: str) -> bool:
    low = bare(word)
    return low in lx.TITLE_WORDS or low in lx.HONORIFICS


def is_org_word(word: str) -> bool:
    low = bare(word)
    return low in lx.ORG_WORDS or (word.isupper() and 2 <= len(word.rstrip(".")) <= 6 and word.isalpha())


def is_place_word(word: str) -> bool:
    low = bare(word)
    return low in lx.DEMONYMS or low in lx.PLACES


def is_name_token(token: Token) -> bool:
    """A token that can stand inside a capitalised name run."""
    text = token.text
    if text[0] == "@":
        return len(text) > 1
    if not text[0].isalpha():
        return False
    if token.is_cap:
        return bare(text) not in _CAPITAL_STOP or (len(text) == 2 and text.endswith("."))
    return text.lower() in lx.NAME_PARTICLES


def _descriptor(token: Token) -> bool:
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


@dataclass(slots=True)
class NounPhrase:
    """A speaker noun phrase as written, classified."""

    kind: str  # pronoun, name, org, group, role, document
    text: str  # as written
    name: str = ""  # canonical name for names, groups and organisations
    head: str = ""  # head noun (lowercase) for roles, groups, documents, organisations
    title: str = ""  # title before the name ("NATO Secretary-General")
    appositive: str = ""  # "NATO's former Supreme Allied Commander Europe"
    definite: bool = True
    spokes: bool = False  # an unnamed spokesperson standing for an organisation
    start: int = 0
    end: int = 0

    def shifted(self, offset: int) -> NounPhrase:
        """A copy (callers may change it) with its offsets moved by ``offset``; faster than dataclasses.replace.

        Lists every field in order: keep it in step with the class.
        """
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
        )


def _span_text(source: str, tokens: list[Token]) -> str:
    return " ".join(source[tokens[0].start : tokens[-1].end].split()) if tokens else ""


def classify_copy(source: str, tokens: list[Token]) -> NounPhrase | None:
    """classify(source, tokens) as a fresh phrase the caller may change.

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


def classify(source: str, tokens: list[Token]) -> NounPhrase | None:
    """Classify the tokens of a noun phrase; None when it cannot be a speaker."""
    if not tokens:
        return None
    text = _span_text(source, tokens)
    start, end = tokens[0].start, tokens[-1].end
    if len(tokens) == 1 and tokens[0].lower in lx.SUBJECT_PRONOUNS:
        if tokens[0].lower in ("we", "i"):
            return None
        return NounPhrase("pronoun", text, head=tokens[0].lower, start=start, end=end)
    if len(tokens) == 1 and tokens[0].lower in lx.OBJECT_PRONOUNS:
        return NounPhrase("pronoun", text, head=lx.OBJECT_PRONOUNS[tokens[0].lower], start=start, end=end)
    body = list(tokens)
    definite = True
    determined = tokens[0].lower in lx.QUANTIFIERS or is_possessive(tokens[0].text) or tokens[0].is_cap
    lowered = " ".join(t.lower for t in body)
    for prefix in lx.GROUP_PREFIXES:
        if lowered.startswith(prefix + " ") and len(body) > len(prefix.split()):
            body = body[len(prefix.split()) :]
            lowered = " ".join(t.lower for t in body)
            break
    definite = tokens[0].lower == "the" or is_possessive(tokens[0].text)
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
                    phrase.text = text
                    phrase.appositive = _span_text(source, body[index + 1 :])
                    return phrase
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
            return NounPhrase("org", text, name=phrase, head=left, definite=definite, start=start, end=end)
        if left in lx.PERSON_NOUNS or left in lx.TITLE_WORDS:
            return NounPhrase("role", text, name=phrase, head=left, definite=definite, start=start, end=end)
        break
    head_token = body[-1]
    head = bare(head_token.text)
    if _AGE_RE.fullmatch(head) and definite:
        # "the 64-year-old": somebody already introduced.
        return NounPhrase("role", text, name=_span_text(source, body), head="year-old", start=start, end=end)
    if head.endswith("s") and head in lx.GROUP_NOUNS and (head_token.is_cap or not definite or len(body) > 1):
        return NounPhrase(
            "group", text, name=_span_text(source, body), head=head, definite=definite, start=start, end=end
        )
    if not head_token.is_cap:
        if not head_token.is_word:
            return None
        phrase = _span_text(source, body)
        if head in lx.GROUP_NOUNS or (head.endswith("s") and head[:-1] in lx.PERSON_NOUNS):
            return NounPhrase("group", text, name=phrase, head=head, definite=definite, start=start, end=end)
        if not determined:
            return None
        if head in lx.DOCUMENT_NOUNS:
            return NounPhrase("document", text, head=head, definite=definite, start=start, end=end)
        if head in lx.ORG_NOUNS:
            return NounPhrase("org", text, name=phrase, head=head, definite=definite, start=start, end=end)
        if head in lx.PERSON_NOUNS or head in lx.TITLE_WORDS or head.endswith(lx.TITLE_SUFFIXES[:3]):
            return NounPhrase("role", text, name=phrase, head=head, definite=definite, start=start, end=end)
        return None
    # Trailing run of capitalised tokens (with particles and initials).
    run_start = len(body)
    while run_start > 0 and (
        is_name_token(body[run_start - 1])
        or body[run_start - 1].lower == "of"
        or (_inner_connector(body, run_start - 1) and run_start - 1 > 0)
    ):
        run_start -= 1
    while run_start < len(body) and not body[run_start].is_cap:
        run_start += 1
    while len(body) - run_start > 1 and bare(body[run_start].text) in lx.LEADING_MODIFIERS:
        run_start += 1  # "Rival Acme Labs": a sentence-initial adjective is no part of the name
    run = body[run_start:]
    if not run:
        return None
    prefix = body[:run_start]
    if len(run) == 1 and bare(run[0].text) in lx.HONORIFICS:
        return None
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
            return NounPhrase("org", text, name=name, head=bare(run[of_org - 1].text), start=start, end=end)
    if (run_text in lx.KNOWN_ORGS or is_org_word(run[-1].text)) and not is_title_word(run[-1].text):
        name = run_text[4:] if run_text.startswith("The ") else run_text
        of_index = next((i for i, t in enumerate(run[:-1]) if t.lower == "of"), -1)
        if of_index > 0 and not any(is_org_word(t.text) or is_place_word(t.text) for t in run[:of_index]):
            # "Shares of Acme Mining Corp.": the organisation is the name after "of".
            name = _span_text(source, run[of_index + 1 :])
        return NounPhrase("org", text, name=name, head=bare(run[-1].text), start=start, end=end)
    if any(is_org_word(t.text) and t.lower not in lx.HONORIFICS for t in run):
        # "NATO Secretary-General Jens Stoltenberg": an organisation word inside a title is fine.
        split = _split_title(run)
        if split == 0 or all(
            is_org_word(t.text) or is_title_word(t.text) or t.lower == "of" or is_place_word(t.text)
            for t in run[split:]
        ):
            name = run_text[4:] if run_text.startswith("The ") else run_text
            return NounPhrase("org", text, name=name, head=bare(run[-1].text), start=start, end=end)
    if head.endswith("s") and head in lx.GROUP_NOUNS and head_token.is_cap:
        return NounPhrase("group", text, name=_span_text(source, body), head=head, start=start, end=end)
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
            return NounPhrase("org", text, name=run_text, head=bare(run[-1].text), start=start, end=end)
        return NounPhrase(
            "role",
            text,
            name=_span_text(source, body),
            head=bare(run[-1].text),
            definite=definite,
            start=start,
            end=end,
        )
    if all(is_place_word(t.text) or t.lower == "of" for t in name_tokens):
        return NounPhrase("org", text, name=_span_text(source, name_tokens), head=head, start=start, end=end)
    while name_tokens and name_tokens[0].lower in lx.NAME_PARTICLES and not name_tokens[0].is_cap:
        name_tokens = name_tokens[1:]
    if not name_tokens:
        return None
    title = _span_text(source, [t for t in title_tokens if t.lower not in lx.QUANTIFIERS])
    name = _span_text(source, name_tokens)
    if any(mark in name for mark in _NICKNAME_MARKS):
        # 'Marcus "Ace" Brooks': the nickname is not part of the canonical name.
        name = " ".join(token.text for token in name_tokens)
    return NounPhrase("name", text, name=name, title=title, start=start, end=end)


def bare_case(word: str) -> str:
    """A word without its possessive ending, case kept ("Norland's" -> "Norland")."""
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word.rstrip("'’")


def _inner_connector(tokens: list[Token], index: int) -> bool:
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
    split = 0
    for index, token in enumerate(run[:-1]):
        nxt = run[index + 1]
        titled = (
            is_title_word(token.text)
            or (index == 0 and bare(token.text) in lx.PERSON_NOUNS)
            or (index == 0 and len(run) >= 3 and bare(token.text).endswith(lx.TITLE_SUFFIXES))
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


def noun_phrase_before(source: str, tokens: list[Token], end: int, low: int) -> list[Token]:
    """Tokens of the noun phrase ending at tokens[end] (inclusive), not reaching below ``low``."""
    index = end
    collected: list[Token] = []
    lowercase_words = 0
    while index >= low:
        token = tokens[index]
        low_word = token.lower
        if (
            token.text[0].isdigit()
            and collected
            and (bare(collected[0].text) in lx.GROUP_NOUNS or _plural_person(bare(collected[0].text)))
            and not any(t.is_cap for t in collected)
            and (
                index - 1 < low or tokens[index - 1].lower in ("of", "the", "a", "an") or not tokens[index - 1].is_word
            )
        ):
            collected.append(token)  # "a coalition of 12 rail unions", "the 40 farmers"
            index -= 1
            continue
        if not token.is_word and not (token.text[0].isdigit() and "-" in token.text):
            break
        if not collected and low_word in lx.SUBJECT_PRONOUNS:
            return [token]
        if low_word in ("a", "an", "the") or (low_word in lx.QUANTIFIERS and low_word not in ("other",)):
            if collected:
                collected.append(token)
            break
        if low_word == "of":
            # "Secretary of State", "a group of senators", "Bank of England", "Josh Hawley of Missouri".
            if not collected or index - 1 < low:
                break
            before = tokens[index - 1]
            if not (
                is_title_word(before.text)
                or is_org_word(before.text)
                or before.lower
                in ("group", "number", "coalition", "handful", "dozens", "hundreds", "thousands", "scores")
                or (before.is_cap and all(t.is_cap for t in collected))
            ):
                break
            collected.append(token)
            index -= 1
            continue
        if low_word in ("for", "and", "&") and collected and index - 1 >= low:
            # "Parents for Quiet Streets", "the Parks and Research Department".
            if not _inner_connector(tokens[: end + 1], index):
                break
            collected.append(token)
            index -= 1
            continue
        if (
            token.is_cap
            and bare(token.text) in _TIME_WORDS
            and collected
            and not any(t.is_cap for t in collected)
            and bare(collected[0].text) in lx.DOCUMENT_NOUNS
            and index - 1 >= low
            and is_possessive(tokens[index - 1].text)
        ):
            collected.append(token)  # "Lee's May post"
        elif token.is_cap:
            if bare(token.text) in _CAPITAL_STOP and bare(token.text) not in lx.SUBJECT_PRONOUNS:
                if low_word in ("the", "a", "an") and collected:
                    collected.append(token)
                break
            if low_word in ("he", "she", "they", "it", "we", "i") and collected:
                break
            collected.append(token)
        elif (
            low_word in lx.NAME_PARTICLES
            and collected
            and collected[-1].is_cap
            and index > low
            and tokens[index - 1].is_cap
        ):
            collected.append(token)
        elif _AGE_RE.fullmatch(low_word) and not collected:
            collected.append(token)  # "the 64-year-old said"
        elif _descriptor(token) and lowercase_words < 4:
            lowercase_words += 1
            collected.append(token)
        elif (
            collected
            and lowercase_words < 3
            and token.is_word
            and low_word not in lx.STOP_WORDS
            and index - 1 >= low
            and (tokens[index - 1].lower in ("the", "a", "an") or is_possessive(tokens[index - 1].text))
            and not any(t.is_cap for t in collected)
        ):
            # A noun modifier right after a determiner: "the company's status page".
            lowercase_words += 1
            collected.append(token)
        elif (
            collected
            and lowercase_words < 3
            and not any(t.is_cap for t in collected)
            and _people_head(collected[0])
            and _plain_modifier(token)
            and _modifier_start(tokens, index - 1, low)
        ):
            # Unknown modifiers before a people noun: "ward councillors", "emergency room doctors".
            lowercase_words += 1
            collected.append(token)
        else:
            break
        index -= 1
    if collected and is_possessive(collected[0].text) and collected[0].text[-1] not in "'’":
        # "Greer's comments": a possessive is a determiner, never the subject itself.
        return []
    collected.reverse()
    # A phrase cannot start with a bare particle or "of".
    while collected and (collected[0].lower in lx.NAME_PARTICLES or collected[0].lower == "of"):
        collected = collected[1:]
    return collected


_NOT_MODIFIERS = frozenset({"including", "according", "following", "regarding", "concerning", "excluding", "during"})


def _people_head(token: Token) -> bool:
    word = bare(token.text)
    return token.is_word and (word in lx.GROUP_NOUNS or word in lx.PERSON_NOUNS or _plural_person(word))


def _plural_person(word: str) -> bool:
    return word.endswith("s") and word[:-1] in lx.PERSON_NOUNS


def _plain_modifier(token: Token) -> bool:
    """A lowercase word that may modify a people noun ("ward", "dairy", "mining"), not a verb or adverb."""
    word = token.lower
    return (
        token.is_word
        and not token.is_cap
        and word not in lx.STOP_WORDS
        and word not in lx.CUE_FORMS
        and word not in _NOT_MODIFIERS
        and word not in lx.ADVERBS_BETWEEN
        and not word.endswith(("ly", "ed", "'s", "’s"))
        and word.isalpha()
    )


def _people_ahead(tokens: list[Token], index: int, high: int) -> bool:
    """A people noun within the next three words, with only modifiers before it."""
    for position in range(index, min(high, index + 3)):
        token = tokens[position]
        if _people_head(token) and not token.is_cap:
            return True
        if not (_plain_modifier(token) or _descriptor(token)):
            return False
    return False


def _modifier_start(tokens: list[Token], index: int, low: int, depth: int = 0) -> bool:
    """Whether a phrase may begin right after tokens[index]: a determiner, number, "of", a name, the start."""
    if index < low:
        return True
    token = tokens[index]
    if not token.is_word:
        return token.text[0].isdigit() or token.text in (",", ";", ":", "—", "–", "(")
    if token.lower in ("a", "an", "the", "of") or token.lower in lx.QUANTIFIERS or token.is_cap:
        return True
    if is_possessive(token.text) or _descriptor(token):
        return True
    return depth < 1 and _plain_modifier(token) and _modifier_start(tokens, index - 1, low, depth + 1)


def self_cue(word: str) -> bool:
    """A reporting verb form (ends a noun phrase read left to right)."""
    return word in lx.CUE_FORMS and not word.endswith("s")


def noun_phrase_after(tokens: list[Token], start: int, high: int) -> list[Token]:
    """Tokens of the noun phrase starting at tokens[start] (inverted attribution: said X)."""
    collected: list[Token] = []
    index = start
    while index < high:
        token = tokens[index]
        low_word = token.lower
        if not token.is_word and not (token.text[0].isdigit() and "-" in token.text):
            break
        if not collected and low_word in lx.SUBJECT_PRONOUNS:
            return [token]
        if not collected and low_word in lx.OBJECT_PRONOUNS and (index + 1 >= high or not tokens[index + 1].is_word):
            return [token]  # "according to him", not "according to her lawyer"
        if low_word in ("a", "an", "the") or low_word in lx.QUANTIFIERS:
            if collected and low_word in ("a", "an", "the"):
                break
            collected.append(token)
        elif low_word == "of":
            if not collected or index + 1 >= high:
                break
            previous = collected[-1]
            if not (
                is_title_word(previous.text)
                or is_org_word(previous.text)
                or previous.lower in ("group", "number", "coalition", "handful")
            ):
                break
            collected.append(token)
        elif token.is_cap:
            if bare(token.text) in _CAPITAL_STOP:
                break
            collected.append(token)
        elif (
            low_word in lx.NAME_PARTICLES
            and collected
            and collected[-1].is_cap
            and index + 1 < high
            and tokens[index + 1].is_cap
        ):
            collected.append(token)
        elif (
            collected
            and token.is_word
            and low_word not in lx.STOP_WORDS
            and (collected[-1].lower == "of" or (is_possessive(collected[-1].text) and collected[-1].is_cap))
            and any(t.is_cap or bare(t.text) in _NOUNS for t in tokens[index : min(high, index + 3)])
        ):
            # "the head of software company Brightloop", "the Senedd's climate change committee".
            collected.append(token)
            index += 1
            while (
                index < high
                and tokens[index].is_word
                and not tokens[index].is_cap
                and tokens[index].lower not in lx.STOP_WORDS
                and not self_cue(tokens[index].lower)
                and len(collected) < 12
            ):
                collected.append(tokens[index])
                if bare(tokens[index].text) in _NOUNS:
                    index += 1
                    break
                index += 1
            continue
        elif (
            collected
            and not collected[-1].is_cap
            and bare(collected[-1].text) in _NOUNS - lx.DESCRIPTOR_WORDS
            and not is_title_word(token.text)
        ):
            break
        elif _descriptor(token) and (
            not collected or not collected[-1].is_cap or is_possessive(collected[-1].text) or bare(token.text) in _NOUNS
        ):
            collected.append(token)
        elif (
            not any(t.is_cap and t.lower not in lx.QUANTIFIERS for t in collected)
            and _plain_modifier(token)
            and _people_ahead(tokens, index + 1, high)
        ):
            collected.append(token)  # "said three ward councillors"
        else:
            break
        index += 1
    while collected and collected[-1].lower in ("of", "and", "the", "a", "an"):
        collected.pop()
    return collected


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

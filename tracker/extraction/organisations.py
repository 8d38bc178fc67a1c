# ruff: noqa: RUF001  (apostrophes in names are this module's subject)
"""Names of organisations that run past a preposition: 'the Department for Energy Security and Net Zero'.

A person's name is a short run of capitalised words; an organisation's often is not: a head word
(Department, Office, Ministry …) governs "for" or "of" and a list of capitalised words ("Environment,
Food and Rural Affairs", "the Coordination of Humanitarian Affairs"). These functions find where such a
name starts or ends in a token list, so the chunkers do not cut it at the first "and" or comma, and list
the organisations an article names anywhere, with their abbreviations.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from .tokens import TIME_WORDS, Token, bare, is_possessive

# Words that head an organisation's name and may govern "for"/"of" + a list of capitalised words.
ORGANISATION_HEADS = frozenset(
    """department ministry office bureau agency commission council committee authority institute
    administration service board court bank federation union association foundation coalition alliance
    trust fund society centre center league secretariat directorate inspectorate ombudsman academy academies
    university college school museum institution guild centers centres institutes house""".split()
)
_LINKS = frozenset({"of", "for", "on"})
_LIST_JOINS = frozenset({",", "and", "&"})


def _capital(token: Token) -> bool:
    return token.is_word and token.is_cap and not is_possessive(token.text) and bare(token.text) not in lx.STOP_WORDS


def organisation_start(tokens: list[Token], end: int, low: int) -> int:
    """Start index of an organisation name 'Head for/of …' ending at tokens[end], or -1."""
    if end < low or not _capital(tokens[end]):
        return -1
    index = end
    seen_join = False  # a list needs "and"/"&" before its last item ("Environment, Food and Rural Affairs")
    head = -1
    while index >= low:
        token = tokens[index]
        if _capital(token):
            if bare(token.text) in ORGANISATION_HEADS and index + 1 <= end and tokens[index + 1].lower in _LINKS:
                head = index
            index -= 1
            continue
        if token.lower in ("and", "&") and index - 1 >= low and _capital(tokens[index - 1]):
            seen_join = True
            index -= 1
            continue
        if token.lower in ("and", "&") and index - 2 >= low and tokens[index - 1].text == ",":
            seen_join = True  # "Sciences, Engineering, and Medicine": a list with a comma before its last item
            index -= 2
            continue
        if token.text == "," and seen_join and index - 1 >= low and _capital(tokens[index - 1]):
            index -= 1
            continue
        if token.lower in _LINKS and index - 1 >= low and _capital(tokens[index - 1]):
            if not _name_word_at(tokens, index + 1, end + 1):
                break
            index -= 1
            continue
        if token.lower == "the" and index - 1 >= low and tokens[index - 1].lower in _LINKS:
            index -= 1
            continue
        break
    if head < 0 or _titled_name_in(tokens, head + 2, end):
        return -1
    # Capitalised modifiers before the head belong to the name ("UN Office", "Federal Ministry of Health").
    start = head
    while start - 1 > index and _capital(tokens[start - 1]):
        start -= 1
    if start - 1 >= low and is_possessive(tokens[start - 1].text) and tokens[start - 1].is_cap:
        start -= 1  # "Mozambique's Ministry of National Defence"
    return start


def organisation_end(tokens: list[Token], start: int, high: int) -> int:
    """Last index of an organisation name 'Head for/of …' starting at tokens[start], or -1."""
    index = start
    while index < high and _capital(tokens[index]) and bare(tokens[index].text) not in ORGANISATION_HEADS:
        index += 1
    if index + 2 >= high or not _capital(tokens[index]) or tokens[index + 1].lower not in _LINKS:
        return -1
    if not _name_word_at(tokens, index + 2, high):
        return -1  # "The European Commission on Tuesday fined …"
    index += 2
    if tokens[index].lower == "the":
        index += 1
    last = -1
    while index < high:
        token = tokens[index]
        if _capital(token) and _personal_title(token) and index + 1 < high and _capital(tokens[index + 1]):
            break  # "Federal Reserve Bank of Kansas City President Thomas Hoenig": a person follows
        if _capital(token):
            last = index
        elif (token.lower in _LINKS | {"the", "and", "&"} and _name_word_at(tokens, index + 1, high)) or (
            token.text == "," and _list_follows(tokens, index + 1, high)
        ):
            pass
        else:
            break
        index += 1
    return last


def _name_word_at(tokens: list[Token], index: int, high: int) -> bool:
    """A capitalised word (after an optional 'the') that may continue a name; not a day or month ('the
    Commission on Tuesday')."""
    if index < high and tokens[index].lower == "the":
        index += 1
    return index < high and _capital(tokens[index]) and bare(tokens[index].text) not in TIME_WORDS


def _titled_name_in(tokens: list[Token], start: int, end: int) -> bool:
    """A title followed by more capitalised words inside the run: the run ends in a person's name."""
    return any(_personal_title(tokens[index]) and _capital(tokens[index + 1]) for index in range(start, end))


def _personal_title(token: Token) -> bool:
    """A title a person holds ('President', 'Sen.'), not a field a department is named for ('Energy')."""
    word = bare(token.text)
    return word in lx.PERSON_NOUNS or word in lx.HONORIFICS


def _list_follows(tokens: list[Token], index: int, high: int) -> bool:
    """After a comma inside a name, more capitalised words and then 'and'/'&' + a last item."""
    while index < high and (_capital(tokens[index]) or tokens[index].text == ","):
        index += 1
    return index + 1 < high and tokens[index].lower in ("and", "&") and _capital(tokens[index + 1])


def organisation_head(name: str) -> str:
    """The head word of an organisation name with a link ('department' in 'Department for Energy'), or ''."""
    words = name.split()
    for index, word in enumerate(words[:-1]):
        if bare(word) in ORGANISATION_HEADS and words[index + 1].lower() in _LINKS:
            return bare(word)
    return ""


_MENTION_WORD_RE = re.compile(r"[^\W\d_][\w.&'’-]*")
_CONNECTORS = frozenset({"of", "and", "for", "the", "&"})
_ACRONYM_SKIP = frozenset({"of", "and", "for", "the", "&", "on", "in"})


def organisation_mentions(body: str) -> list[tuple[int, str, frozenset[str]]]:
    """Capitalised organisation names written anywhere in ``body``: (end offset, name, abbreviations).

    "the Office of Rail Safety (ORS)" -> "Office of Rail Safety" abbreviated "ORS"; the
    abbreviations are the initials of its capitalised words (also without a leading place word) and
    any parenthetical that follows the name.
    """
    found: list[tuple[int, str, frozenset[str]]] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        while run and run[-1].group() in _CONNECTORS:
            run.pop()
        words = [m.group() for m in run]
        if words and words[0] == "The":
            del run[0], words[0]
        org = max((i for i, w in enumerate(words) if bare(w) in lx.ORG_WORDS and w[:1].isupper()), default=-1)
        capitalised = 0
        while capitalised < len(words) and words[len(words) - 1 - capitalised][:1].isupper():
            capitalised += 1
        if org < 0 and capitalised >= 2:
            # "Stellantis and the United Auto Workers union": the capitalised words the organisation noun names.
            after = re.match(r"\s+([a-z]+)", body[run[-1].end() : run[-1].end() + 20])
            if after and after.group(1) in lx.ORG_NOUNS:
                del run[: len(run) - capitalised], words[: len(words) - capitalised]
                org = len(words) - 1
        if org >= 0 and not words[org].isupper():
            last = len(words) - 1 if org + 1 < len(words) and words[org + 1] in ("of", "for") else org
            kept = run[: last + 1]
            name = body[kept[0].start() : kept[-1].end()]
            name = name[:-2] if name.endswith(("'s", "’s")) else name.rstrip(".") if len(kept) > 1 else name
            capitals = [w for w in name.split() if w not in _ACRONYM_SKIP and w[:1].isupper()]
            initials = "".join(w[0] for w in capitals)
            abbreviations = {initials} if len(capitals) >= 2 else set()
            first = bare(capitals[0]) if capitals else ""
            placed = len(capitals) >= 3 and (first in lx.DEMONYMS or first in lx.PLACES)
            if placed:
                abbreviations.add(initials[1:])  # "US Bureau of Coastal Fisheries" is also "BCF"
            if " and " in name:
                # "Centers for Disease Control and Prevention" is known as "CDC".
                before = [w for w in name.rsplit(" and ", 1)[0].split() if w not in _ACRONYM_SKIP and w[:1].isupper()]
                short = "".join(w[0] for w in before)
                abbreviations.update({short[1:] if placed else short} if len(before) >= 3 else set())
            tail = re.match(r"\s*\(([A-Z][A-Z&]{1,7})\)", body[kept[-1].end() :])
            if tail:
                abbreviations.add(tail.group(1))
            found.append((kept[-1].end(), name, frozenset(a for a in abbreviations if len(a) >= 2)))
        run.clear()

    for match in _MENTION_WORD_RE.finditer(body):
        word = match.group()
        gap = body[run[-1].end() : match.start()] if run else " "
        if run and (gap.strip() or "\n" in gap):
            close()
        if word[:1].isupper() or (run and word in _CONNECTORS):
            if word.endswith(("'s", "’s")) and not run:
                continue  # "Norland's Audit Bureau": the owner is no part of the name
            run.append(match)
            if word.endswith((".", "'s", "’s")) and not re.fullmatch(r"(?:[A-Z]\.)+", word):
                close()
        elif run:
            close()
    close()
    return found

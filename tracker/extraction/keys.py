# ruff: noqa: RUF001  (apostrophes are this module's subject)
"""The keys things are matched on: a speaker's folded name, an article's body key."""

from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache

from .parse import normalise_body


@lru_cache(maxsize=16384)
def fold_name(name: str) -> str:
    """``name`` without accents, case, full stops or repeated spaces: the one key names are compared on.

    "J.K. Rowling", "J. K. Rowling" and "j k rowling" fold alike; hyphens and apostrophes stay, since
    "Ortiz-Vega" is one surname and "O'Brien" one word. Curly apostrophes become straight ones.
    """
    if name.isascii():
        stripped = name  # nothing to decompose: most names, and the fast path for them
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().replace(".", " ").replace("’", "'").split())


@lru_cache(maxsize=16384)
def folded_words(name: str) -> tuple[str, ...]:
    """fold_name(name).split(): names are compared word by word many times per article."""
    return tuple(fold_name(name).split())


# Generational suffixes: 'Kennedy said' after 'Robert F. Kennedy Jr.' names him by his surname.
GENERATIONAL_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@lru_cache(maxsize=16384)
def name_words(name: str) -> tuple[str, ...]:
    """The folded words of a person's name without a generational suffix ('Jr.', 'III') or the comma before it."""
    words = tuple(word.rstrip(",") for word in folded_words(name))
    if len(words) > 1 and words[-1] in GENERATIONAL_SUFFIXES:
        return words[:-1]
    return words


def has_generational_suffix(name: str) -> bool:
    words = folded_words(name)
    return len(words) > 1 and words[-1] in GENERATIONAL_SUFFIXES


def body_key(body: str) -> str:
    """SHA-256 of the normalised body: the same article stored twice (other quote marks, spacing) has one key."""
    return hashlib.sha256(normalise_body(body).encode("utf-8")).hexdigest()

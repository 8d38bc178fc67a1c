"""The grammatical gender a person's name or title implies: which of 'he' and 'she' can refer to them.

First names come from gender-guesser's dictionary (Jörg Michael's list of some 40,000 given names
across Europe, the Americas, Asia and Africa, shipped with the package: nothing is downloaded). A name
the dictionary calls androgynous or does not know implies nothing, and the text decides.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache, lru_cache

from . import lexicon as lx
from .tokens import bare


class Gender(StrEnum):
    """The subject pronoun that may refer to a person; UNKNOWN when the text has not said."""

    MALE = "he"
    FEMALE = "she"
    UNKNOWN = ""


# Only names the dictionary gives one gender: 'mostly' ones (Kim, Jordan in some countries) imply nothing,
# since excluding the right antecedent of a pronoun costs more than not narrowing the choice.
_FROM_DICTIONARY = {"male": Gender.MALE, "female": Gender.FEMALE}
_MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince", "father", "brother", "herr", "monsieur", "sheikh"})
_FEMALE_NOUNS = frozenset(
    """actress chairwoman spokeswoman congresswoman businesswoman councilwoman sportswoman policewoman
    woman girl mother wife daughter sister grandmother granddaughter aunt niece widow queen princess duchess
    baroness countess empress heiress waitress hostess mom mum""".split()
)
_MALE_NOUNS = frozenset(
    """chairman spokesman congressman businessman councilman sportsman policeman fireman man boy father
    husband son brother grandfather grandson uncle nephew widower king prince duke baron count emperor
    heir dad""".split()
)
_FEMALE_TITLES = frozenset(
    {"mrs", "ms", "miss", "dame", "lady", "queen", "princess", "sister", "mme", "madame", "frau", "first lady"}
)


@cache
def _detector():  # gender_guesser is untyped
    # Loading the 4 MB dictionary takes a third of a second: only once, and only when a name is asked about.
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


@lru_cache(maxsize=8192)
def gender_of_first_name(word: str) -> Gender:
    """The gender a given name implies ('Ivanka' -> she, 'Donald' -> he, 'Kim' -> unknown)."""
    word = word.strip(".,")
    if len(word) < 2 or not word[0].isupper() or word.isupper():
        return Gender.UNKNOWN  # initials, acronyms and lowercase words are no given names
    return _FROM_DICTIONARY.get(_detector().get_gender(word), Gender.UNKNOWN)


def gender_of_noun(noun: str) -> Gender:
    """The gender a person noun implies ('actress', 'spokesman', 'mother'); unknown for most nouns."""
    if noun in _FEMALE_NOUNS:
        return Gender.FEMALE
    return Gender.MALE if noun in _MALE_NOUNS else Gender.UNKNOWN


@lru_cache(maxsize=8192)
def gender_of_title(title: str) -> Gender:
    """The gender an honorific in a title implies ('Mr.' -> he, 'Ms' -> she); unknown for offices."""
    words = {bare(word) for word in title.split()}
    if words & _MALE_TITLES:
        return Gender.MALE
    if words & _FEMALE_TITLES or "first lady" in title.lower():
        return Gender.FEMALE
    return Gender.UNKNOWN


@lru_cache(maxsize=8192)
def gender_of_name(name: str) -> Gender:
    """The gender a full name implies through its first word that is not a title ('Sen. Jane Roe' -> she)."""
    for word in name.split():
        if bare(word) in lx.HONORIFICS or bare(word) in lx.TITLE_WORDS:
            continue
        return gender_of_first_name(word)
    return Gender.UNKNOWN


# Given names that are also words the tokenizer stops a name at ('Will', 'May', 'Grant'): before a
# capitalised surname they are names. Words like 'In' or 'So' that the dictionary also lists are not.
WORD_NAMES = frozenset(
    """will may mark bill grant rob pat chase hope faith joy rose art sue don jack june april august frank
    gene guy ray rich wade dean drew lee bob ben jay max miles neil ted tom victor amber bishop judge""".split()
)


@lru_cache(maxsize=8192)
def is_given_name(word: str) -> bool:
    """Whether ``word`` may be a given name: the dictionary knows it (of either or both genders), and when
    it is also an ordinary word, it is one of the WORD_NAMES."""
    word = word.strip(".,")
    if len(word) < 2 or not word[0].isupper():
        return False
    if word.lower() in lx.STOP_WORDS or word.lower() in lx.CUE_FORMS:
        return word.lower() in WORD_NAMES
    return _detector().get_gender(word) != "unknown"

"""Reference chains: given names that are also places, subjects over the names their clauses mention,
nationality nouns, partitive subjects, described groups and documents 'by' their authors."""

from __future__ import annotations

from tracker.extraction.phrases import classify
from tracker.extraction.tokens import tokenize

from .helpers import extract_feature, find


def _name(text: str) -> str:
    phrase = classify(text, tokenize(text, 0, len(text)))
    assert phrase is not None
    return phrase.name


def test_place_before_a_lone_surname_is_a_given_name() -> None:
    assert _name("Georgia Hale") == "Georgia Hale"
    assert _name("Labour MP Jordan Reyes") == "Jordan Reyes"
    # An office or a possessive still makes a place a title.
    assert _name("Ohio Sen. Hale") == "Hale"
    assert find(extract_feature("reference_chains.txt"), "team effort").speaker == "Georgia Hale"


def test_pronoun_prefers_the_subject_over_names_in_its_relative_clause() -> None:
    result = extract_feature("reference_chains.txt")
    assert find(result, "stay big").speaker == "Tom Keane"


def test_nationality_noun_is_the_person_last_talked_about() -> None:
    result = extract_feature("reference_chains.txt")
    statement = find(result, "flat from the first minute")
    assert (statement.speaker, statement.speaker_as_written) == ("Anna Lund", "the Dane")


def test_partitive_subject_is_no_organisation_and_described_group_is_new() -> None:
    result = extract_feature("reference_chains.txt")
    assert find(result, "complete reset").speaker == "coaching team"


def test_names_after_a_preposition_do_not_capture_pronouns() -> None:
    result = extract_feature("reference_chains.txt")
    assert find(result, "fifty years").speaker == "Ruth Gale"


def test_document_by_its_author_and_it_after_the_document_subject() -> None:
    result = extract_feature("reference_chains.txt")
    assert find(result, "weakest point").speaker == "Stadium Standards Institute"
    assert find(result, "flood more often").speaker == "Stadium Standards Institute"


def test_object_fronted_by_a_reduced_relative_clause() -> None:
    result = extract_feature("reference_chains.txt")
    statement = find(result, "gamble with our history")
    assert (statement.speaker, statement.kind) == ("Anna Lund", "partial")

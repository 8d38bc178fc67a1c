"""Organisation speakers: generic references, abbreviations, parties, party labels and described speakers."""

from __future__ import annotations

from tracker.extraction.attribution.entities import party_name
from tracker.extraction.organisations import organisation_mentions

from .helpers import extract_feature, find


def test_generic_head_resolves_to_typed_organisation_named_earlier() -> None:
    result = extract_feature("organisations.txt")
    assert find(result, "published before the summer season").speaker == "Bureau of Coastal Fisheries"


def test_abbreviation_maps_to_full_name() -> None:
    result = extract_feature("organisations.txt")
    assert find(result, "does not comment on draft rules").speaker == "Bureau of Coastal Fisheries"


def test_party_labels_are_not_part_of_names() -> None:
    result = extract_feature("organisations.txt")
    assert find(result, "third delay in two years").speaker == "Amy Farrer"
    assert find(result, "Nobody in my district").speaker == "Hal Brandt"


def test_parties_as_speakers() -> None:
    result = extract_feature("organisations.txt")
    assert find(result, "leaves coastal towns in limbo").speaker == "Labour Party"
    assert find(result, "within a month of taking office").speaker == "Conservative Party"
    assert party_name("the Tories") == "Conservative Party"
    assert party_name("Democrats") == ""  # US plurals usually mean lawmakers, not the party


def test_organisation_names_kept_whole() -> None:
    result = extract_feature("organisations.txt")
    assert find(result, "pleased with the extra time").speaker == "Pelican Seafoods Ltd."
    assert find(result, "watching the talks with interest").speaker == "US Commerce Department"
    assert find(result, "a lifeline for family boats").speaker == "Small Harbour Owners' Forum"


def test_person_described_by_origin_with_relative_clause() -> None:
    result = extract_feature("organisations.txt")
    statement = find(result, "holding back orders")
    assert statement.speaker == "trader from a large fishing port"


def test_organisation_mentions_and_abbreviations() -> None:
    body = "Officials at the Office of Rail Safety (ORS) met. The Northland Water Supply Authority said so."
    found = {name: abbreviations for _, name, abbreviations in organisation_mentions(body)}
    assert "ORS" in found["Office of Rail Safety"]
    assert "NWSA" in found["Northland Water Supply Authority"]

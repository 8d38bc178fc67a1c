"""General attribution patterns: guillemets, verbless frames, spokespeople, documents, appositives, labels."""

from __future__ import annotations

from tracker.extraction import extract_article
from tracker.extraction.quotes import scan_quotes

from .helpers import extract_feature, find, quotes


def test_guillemets_nest_curly_quotes_and_drop_no_break_spaces() -> None:
    text = "« The ministry talks about “adapting”. That means ruin », she added."
    found, problems = scan_quotes(text, [(0, len(text))])
    assert [text[s:e] for quote in found for s, e in quote.parts] == [
        "The ministry talks about “adapting”. That means ruin"
    ]
    assert not problems


def test_guillemets_feature_article() -> None:
    result = extract_feature("guillemets_nested.txt")
    assert find(result, "asking for time").speaker == "Paul Armand"
    assert find(result, "adapting").speaker == "Lucie Bernard"
    assert find(result, "plaster").speaker == "Lucie Bernard"
    # "According to her, « … »": an object pronoun after "according to".
    assert find(result, "9,000 hectares").speaker == "Lucie Bernard"
    # "For the economist X, the slump is « … »": no reporting verb at all.
    verbless = find(result, "structural")
    assert verbless.speaker == "Marc Vidal" and verbless.cue == ""
    assert find(result, "I believe in it").speaker == "Nina Roche"
    assert find(result, "bank account").speaker == "Paul Armand"
    assert "adapting" not in quotes(result)
    assert not any("unbalanced" in warning for warning in result.warnings)


def test_spokespeople_statements_and_documents_speak_for_their_organisation() -> None:
    result = extract_feature("spokespeople.txt")
    assert find(result, "faulty configuration").speaker == "Nimbora"
    # '"A," the statement said. "B."' is one statement by the statement's author.
    statement = find(result, "No customer data")
    assert statement.speaker == "Nimbora" and len(statement.parts) == 2
    assert find(result, "degraded performance").speaker == "Nimbora"
    assert find(result, "paper").speaker == "Harbin Freight"
    assert find(result, "evaluating our options").speaker == "Harbin Freight"
    assert find(result, "monitoring the situation").speaker == "Treasury"
    assert find(result, "full timeline").speaker == "Westline Rail"
    assert find(result, "stands ready").speaker == "regulator"


def test_appositives_between_subject_and_cue() -> None:
    result = extract_feature("appositives.txt")
    assert find(result, "smell it").speaker == "Ada Prowse"
    assert find(result, "era of polluters").speaker == "Owen Treharne"
    assert find(result, "weekends").speaker == "Siri Dahl"
    assert find(result, "long overdue").speaker == "Ruth Abernathy"
    # "The chief executive of software company X …", named later as "X CEO Felix Arnaud".
    assert find(result, "less committed").speaker == "Felix Arnaud"
    assert find(result, "best ideas").speaker == "Felix Arnaud"


def test_labels_and_nicknames_are_not_statements() -> None:
    result = extract_feature("labels.txt")
    assert quotes(result) == ["He never stops running,", "It was the best night of my life,"]
    # The subject of the previous sentence, not its object, is the likeliest 'she'.
    assert find(result, "never stops").speaker == "Carla Stein"
    # 'Dario "Flash" Mendes': the nickname is dropped from the canonical name.
    assert find(result, "best night").speaker == "Dario Mendes"


def test_object_pronoun_is_not_a_possessive() -> None:
    text = (
        "Court hears appeal\n\nBy Test Desk, 1 May 2023\n\nJane Okafor, a lawyer, spoke outside.\n\n"
        'According to her client, "the case is weak."\n'
    )
    assert [s.speaker for s in extract_article(text).statements] != ["Jane Okafor"]


def test_organisation_named_by_it_resolves_the_company() -> None:
    text = (
        "Miner sees no impact\n\nBy Test Desk, 1 May 2023\n\n"
        "Andes Norte said it would keep the mine open.\n\nThe union is demanding a raise.\n\n"
        "The company has called those demands “unrealistic in the current climate,” pointing to costs.\n"
    )
    result = extract_article(text)
    assert find(result, "unrealistic").speaker == "Andes Norte"


def test_names_given_to_groups_routes_and_schemes_are_not_statements() -> None:
    result = extract_feature("given_names.txt")
    # 'a group calling itself the "X"', 'what villagers call "Y"', 'consult on a "Z scheme"': names, not speech.
    assert quotes(result) == ["We will not wait for another winter,", "reviewed in the autumn"]
    assert {s.speaker for s in result.statements} == {"Dorin Valcu"}

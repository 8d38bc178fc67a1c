# ruff: noqa: RUF001  (quote marks and apostrophes are this module's subject)
"""Anonymous sources, group modifiers, documents and their writers, narrative continuations."""

from __future__ import annotations

from tracker.extraction import extract_article

from .helpers import extract_feature, find, quotes


def test_anonymous_source_keeps_its_qualifier() -> None:
    result = extract_feature("sourcing.txt")
    # "One person familiar with the talks described …", later "the person said".
    assert find(result, "glum").speaker == "person familiar with the talks"
    assert find(result, "plan B").speaker == "person familiar with the talks"
    # Inverted: '"…," said a diplomat briefed on the negotiations, who asked not to be named.'
    assert find(result, "no deal this week").speaker == "diplomat briefed on the negotiations"


def test_sentence_initial_common_noun_source() -> None:
    text = (
        "Talks\n\nBy Test Desk, 1 May 2023\n\n"
        'People familiar with the matter said the merger was "all but finished."\n\n'
        'Sources close to the club said the manager was "furious" about the decision.\n'
    )
    result = extract_article(text)
    assert [s.speaker for s in result.statements] == ["people familiar with the matter", "sources close to the club"]


def test_another_and_unknown_modifiers_before_people_nouns() -> None:
    result = extract_feature("sourcing.txt")
    assert find(result, "further apart").speaker == "port official"
    assert find(result, "day's pay").speaker == "dock crane drivers"


def test_adverbial_between_subject_and_cue() -> None:
    result = extract_feature("sourcing.txt")
    # "Petra Visser, in a letter to members seen by this newspaper, wrote that …".
    statement = find(result, "paid out of wages")
    assert statement.speaker == "Petra Visser"
    assert statement.cue == "wrote"
    # "The port authority, in a notice to shippers, said …".
    assert find(result, "48 hours").speaker == "port authority"


def test_object_before_a_new_quote_does_not_swallow_the_sentence() -> None:
    # 'Ms Visser promised an answer "before the weekend."' follows a sentence ending in a quote.
    result = extract_feature("sourcing.txt")
    assert find(result, "before the weekend").speaker == "Petra Visser"


def test_short_name_of_an_organisation_named_in_full_earlier() -> None:
    result = extract_feature("sourcing.txt")
    assert find(result, "wait for the outcome").speaker == "Kestrel Shipping Lines Ltd."


def test_leading_adjective_is_not_part_of_the_name() -> None:
    result = extract_feature("sourcing.txt")
    assert find(result, "sail on time").speaker == "Ostend Shipping Group"


def test_unnamed_spokesperson_introduced_by_reported_speech_speaks_for_the_organisation() -> None:
    result = extract_feature("sourcing.txt")
    assert find(result, "booked until July").speaker == "Haven Port"


def test_documents_and_their_writers() -> None:
    result = extract_feature("sourcing.txt")
    # "Visser's June post on Mastodon, which …, read in full: …": the post's owner, not the platform.
    assert find(result, "A port is its people").speaker == "Petra Visser"
    # "The newest comment, from a Haven Port pilot, reads simply: …".
    assert find(result, "Still waiting").speaker == "Haven Port pilot"


def test_quote_after_a_sentence_about_a_person() -> None:
    result = extract_feature("sourcing.txt")
    # "Visser does not hesitate … '…'" and a quote-only paragraph after "She folds her arms …".
    assert find(result, "Silence is dearer").speaker == "Petra Visser"
    assert find(result, "eleven more days").speaker == "Petra Visser"


def test_what_she_calls_and_names_of_products() -> None:
    text = (
        "Sofas\n\nBy Test Desk, 1 May 2023\n\n"
        'Ada Morrow says the firm faces what she calls "the strangest season in forty years."\n\n'
        'The firm sells a service it marketed as "Skyline." Sales doubled, Morrow said.\n'
    )
    result = extract_article(text)
    assert quotes(result) == ["the strangest season in forty years."]
    assert result.statements[0].speaker == "Ada Morrow"


def test_family_plural_and_place_names_are_not_speakers() -> None:
    text = (
        "Wells\n\nBy Test Desk, 1 May 2023\n\n"
        "Lena Ortiz and her husband farm near Fresno, California. The Ortizes are among hundreds of "
        "households in Kern County that lost their wells.\n\n"
        'Kern County’s water program is oversubscribed. A county spokesperson said refills come "within '
        'three days."\n\n'
        "In a barn on the edge of Bakersfield, Michigan, the 52-year-old grower keeps her tools. "
        '"Nothing here is new," she says.\n'
    )
    result = extract_article(text)
    assert find(result, "three days").speaker == "Kern County"
    assert find(result, "Nothing here is new").speaker == "Lena Ortiz"


def test_document_named_in_the_main_clause_speaks_for_its_author() -> None:
    text = (
        "Plan\n\nBy Test Desk, 1 May 2023\n\n"
        "The Harbour Planning Department recommended approval in a staff report, which described the "
        'project as "consistent with the adopted plan" while noting open questions.\n'
    )
    result = extract_article(text)
    assert find(result, "consistent with").speaker == "Harbour Planning Department"

# ruff: noqa: RUF001  (quote marks and apostrophes are this module's subject)
"""House styles across outlets: documents and their authors, colons, handles, look-ahead, fragments."""

from __future__ import annotations

from tracker.extraction import extract_article
from tracker.extraction.phrases import classify
from tracker.extraction.quotes import scan_quotes
from tracker.extraction.tokens import tokenize

from .helpers import extract_feature, find


def _name(text: str) -> tuple[str, str]:
    phrase = classify(text, tokenize(text, 0, len(text)))
    assert phrase is not None
    return phrase.kind, phrase.name


def test_documents_speak_for_their_authors() -> None:
    result = extract_feature("newsroom_patterns.txt")
    # "Councillors signed a petition warning …", "The petition, drafted by X, says …", "It urges …".
    # A modifier nobody listed stays part of the group: "ward councillors", not "councillors".
    assert find(result, "shift workers").speaker == "ward councillors"
    assert find(result, "night rosters").speaker == "ward councillors"
    assert find(result, "until winter").speaker == "ward councillors"


def test_letter_signed_by_a_list_of_people() -> None:
    text = (
        "Vets write\n\nBy Test Desk, 1 May 2023\n\n"
        "A letter signed by more than 90 vets, farmers and grooms urged ministers to act "
        '"while the herds can still be saved."\n\n'
        '"Waiting is not an option," the letter said.\n'
    )
    result = extract_article(text)
    assert [s.speaker for s in result.statements] == ["vets, farmers and grooms"] * 2


def test_plural_possessive_before_a_function_word_closes_the_quote() -> None:
    text = "were ‘weighing the submissions’ but stood firm. ‘It is fair,’ she said."
    found, problems = scan_quotes(text, [(0, len(text))])
    assert [text[s:e] for quote in found for s, e in quote.parts] == ["weighing the submissions", "It is fair,"]
    assert not problems


def test_organisation_names() -> None:
    assert _name("The Ministry of Fisheries") == ("org", "Ministry of Fisheries")
    assert _name("Norland’s Federal Agency of Fisheries") == ("org", "Norland Federal Agency of Fisheries")
    assert _name("Parents for Quiet Streets") == ("name", "Parents for Quiet Streets")
    assert _name("Union Minister of Shipping Shri Kiran Bose") == ("name", "Kiran Bose")
    assert _name("Norland's Fisheries Minister")[0] == "role"
    assert _name("Mayor Pro Tem Ada Quinn") == ("name", "Ada Quinn")


def test_organisations_and_particle_surnames_in_context() -> None:
    result = extract_feature("newsroom_patterns.txt")
    assert find(result, "nearly half").speaker == "Norland Federal Agency of Fisheries"
    assert find(result, "eleven boats").speaker == "Norland Federal Agency of Fisheries"
    assert find(result, "flagged the convoy").speaker == "Samira el-Haddad"
    assert find(result, "still nothing happened").speaker == "Samira el-Haddad"
    assert find(result, "weighing the submissions").speaker == "Parks Department"
    assert find(result, "room to spend").speaker == "Forecasters at the Brightwater Centre"


def test_fragments_under_one_verb_are_one_statement() -> None:
    result = extract_feature("newsroom_patterns.txt")
    joined = find(result, "steady work")
    assert joined.parts == ("steady work for coastal towns", "dependable buyer")
    assert joined.speaker == "Kiran Bose"
    # '… added that "a" and that … "b"': two clauses under one reporting verb are still one statement.
    added = find(result, "no idle cranes")
    assert added.parts == ("no idle cranes", "would stay frozen")
    assert added.cue == "added"


def test_split_quotes_around_long_attributions() -> None:
    result = extract_feature("newsroom_patterns.txt")
    assert len(find(result, "Nobody listened").parts) == 2  # "… said Sen. X (D-Ore.), the sponsor. "…""
    assert len(find(result, "can repair that").parts) == 2  # "… X told the defendant after reading …"
    assert find(result, "can repair that").speaker == "Colm Ryder"


def test_colons_handles_and_look_ahead() -> None:
    result = extract_feature("newsroom_patterns.txt")
    colon = find(result, "Scrap the levy")
    assert colon.speaker == "Oren Vale" and colon.cue == ""
    assert find(result, "night shift").speaker == "@kerbside_kate"
    # A quote-only paragraph named by the next one: 'That was the message from X.'
    assert find(result, "before the summer").speaker == "Hana Kell"


def test_look_ahead_does_not_override_a_running_quote() -> None:
    text = (
        "Harbour news\n\nBy Test Desk, 1 May 2023\n\n"
        '"The tide is late," said Ann Lee, a skipper.\n\n'
        '"If the fish do not come back, we sell the boats."\n\n'
        "Bo Chen, a buyer, said prices would rise.\n"
    )
    result = extract_article(text)
    assert [s.speaker for s in result.statements] == ["Ann Lee", "Ann Lee"]


def test_lede_quote_named_in_the_next_paragraph() -> None:
    text = (
        "Empty nets\n\nBy Test Desk, 1 May 2023\n\n"
        '"I have never hauled an empty net before."\n\n'
        "So says Ivy Marsh, 58, a skipper who has fished the bay since 1989.\n"
    )
    assert [s.speaker for s in extract_article(text).statements] == ["Ivy Marsh"]


def test_pronoun_after_a_mentioned_name_keeps_the_speaker() -> None:
    text = (
        "Final\n\nBy Test Desk, 1 May 2023\n\n"
        '"We were close," coach Ravi Tull said.\n\n'
        'He added that benching Nell Price was "the right call on the night."\n\n'
        '"It stings," he said.\n'
    )
    assert [s.speaker for s in extract_article(text).statements] == ["Ravi Tull"] * 3


def test_split_quotes_resume_after_long_told_objects() -> None:
    result = extract_feature("mentions_and_resumptions.txt")
    # '"A," X told a meeting of pilots, "and B."': the sentence resumes in lower case.
    resumed = find(result, "silted up")
    assert len(resumed.parts) == 2 and resumed.speaker == "Ines Calder"
    # 'regional ports commissioner X told …': modifiers before the title still lead to the speaker.
    modified = find(result, "turn vessels away")
    assert modified.speaker == "Tomas Reyes" and len(modified.parts) == 2
    # A long object of 'told' before the next quote-only sentence still continues the statement.
    assert len(find(result, "container trade").parts) == 2


def test_names_and_drafting_words_are_not_statements() -> None:
    result = extract_feature("mentions_and_resumptions.txt")
    texts = [s.quote for s in result.statements]
    assert not any("graveyard" in t or "Mud Mile" in t or "should seek" in t for t in texts), texts
    # 'referred to X as "Y"' leaves the reporting verb free for the next fragment.
    assert find(result, "ignored warnings").speaker == "Ines Calder"


def test_a_long_clause_glossed_as_a_reference_is_speech() -> None:
    result = extract_feature("mentions_and_resumptions.txt")
    # '"X", a reference to …' marks a short label; a whole clause before it is still a remark.
    assert find(result, "puts ships aground").speaker == "senior pilot"

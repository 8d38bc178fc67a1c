"""The seed article against its hand-made gold annotation."""

from __future__ import annotations

from tracker.extraction import extract_article
from tracker.extraction.evaluation import score_article

from .helpers import SEED_GOLD, load_gold, read

SEED = SEED_GOLD / "000_4562f5bd9218622e.txt"
GOLD = SEED_GOLD / "000_4562f5bd9218622e.gold.json"


def test_seed_end_to_end_score() -> None:
    result = extract_article(read(SEED))
    scores = score_article(load_gold(GOLD), result.statements)
    assert scores.non_statement_errors == 0
    assert scores.e2e_f1 >= 0.97, scores.to_dict()
    assert scores.quote_f1 >= 0.97, scores.to_dict()


def test_seed_statements_match_gold_details() -> None:
    gold = load_gold(GOLD)
    result = extract_article(read(SEED))
    assert len(result.statements) == len(gold["statements"])
    for predicted, expected in zip(result.statements, gold["statements"], strict=True):
        assert predicted.paragraph == expected["paragraph"]
        assert predicted.speaker == expected["speaker"]
        assert predicted.kind == expected["kind"]
        assert predicted.cue == expected["cue"]
        assert len(predicted.parts) == len(expected["parts"])


def test_seed_speakers() -> None:
    result = extract_article(read(SEED))
    speakers = {s.name: s for s in result.speakers}
    assert set(speakers) == {
        "Jens Stoltenberg",
        "James Stavridis",
        "Gabrielius Landsbergis",
        "Mykhailo Podolyak",
        "US senators",
        "Sergei Ryabkov",
        "Anthony H. Cordesman",
    }
    stoltenberg = speakers["Jens Stoltenberg"]
    assert stoltenberg.aliases == ("Stoltenberg",)  # names only: the titled form is a role
    assert ("Secretary-General", "NATO") in stoltenberg.roles
    assert ("former Supreme Allied Commander Europe", "NATO") in speakers["James Stavridis"].roles
    assert speakers["Mykhailo Podolyak"].description == "presidential adviser"
    senators = speakers["US senators"]
    assert senators.kind == "group" and senators.members == ("Joe Manchin", "Lindsay Graham")


def test_seed_to_dict_is_json_friendly() -> None:
    import json

    result = extract_article(read(SEED))
    payload = result.to_dict()
    assert payload["article"] == {
        "title": "NATO summit vows to continue troop surge to Russia's borders",
        "byline": "Andre Damon",
        "published": "2022-11-29",
        "publication": "",
        "url": "",
    }
    first = payload["statements"][0]
    assert set(first) == {
        "quote",
        "parts",
        "spans",
        "paragraph",
        "kind",
        "speaker",
        "speaker_as_written",
        "role",
        "cue",
        "source",
        "confidence",
        "rule",
        "mention",
    }
    # Which words named the speaker, and the sieve that linked them to the quote.
    assert first["rule"] == "cue_after_quote"
    assert first["mention"]["kind"] == "name"
    assert first["mention"]["text"].endswith("Jens Stoltenberg")
    start, end = first["mention"]["span"]
    assert result.article.body[start:end] == first["mention"]["text"]
    assert first["source"] == {
        "kind": "speech",
        "title": "remarks at the start of the meeting",
        "publisher": "",
    }
    json.dumps(payload)

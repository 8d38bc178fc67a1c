"""The extract and evaluate_extraction commands."""

import json
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from .conftest import DATA_DIR, SEED_PATH

GOLD_DIR = DATA_DIR / "gold"


def test_extract_json_has_the_documented_shape(capsys):
    call_command("extract", str(SEED_PATH), "--format", "json")
    [result] = json.loads(capsys.readouterr().out)
    assert result["file"] == str(SEED_PATH)
    assert result["article"]["title"].startswith("NATO summit vows")
    assert set(result["article"]) >= {"title", "byline", "published", "publication", "url"}
    statement = result["statements"][0]
    assert set(statement) >= {
        "quote", "parts", "spans", "paragraph", "kind", "speaker", "speaker_as_written",
        "role", "cue", "source", "confidence",
    }  # fmt: skip
    assert statement["speaker"] == "Jens Stoltenberg"
    assert statement["quote"] == " ".join(statement["parts"])
    assert isinstance(result["warnings"], list)
    # Why this speaker: the words that named them, and the rule that linked those words to the quote.
    assert statement["rule"] == "cue_after_quote"
    assert statement["mention"]["text"] == "NATO Secretary-General Jens Stoltenberg"
    assert statement["mention"]["kind"] == "name"
    assert 0 < statement["confidence"] <= 1


def test_extract_text_format(capsys):
    call_command("extract", str(SEED_PATH), "--format", "text")
    out = capsys.readouterr().out
    assert "Gabrielius Landsbergis (Latvian Foreign Minister Gabrielius Landsbergis)" in out


def test_extract_needs_no_database(capsys):
    # No db fixture: any query would raise "Database access not allowed".
    call_command("extract", str(SEED_PATH))
    assert capsys.readouterr().out.startswith("[")


def test_extract_names_a_bad_file(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 headline\n\nby Someone".encode("latin-1"))
    with pytest.raises(CommandError) as error:
        call_command("extract", str(bad))
    assert "latin1.txt" in str(error.value)


def test_evaluate_extraction_scores_the_seed(capsys):
    call_command("evaluate_extraction", str(GOLD_DIR), "--json")
    scores = json.loads(capsys.readouterr().out)["total"]
    assert scores["e2e_f1"] >= 0.97
    assert scores["non_statement_errors"] == 0


def test_evaluate_extraction_refuses_a_directory_without_gold(tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("evaluate_extraction", str(tmp_path))
    assert str(tmp_path) in str(error.value)


def test_evaluate_extraction_names_broken_gold(tmp_path):
    shutil.copy(SEED_PATH, tmp_path / "a.txt")
    (tmp_path / "a.gold.json").write_text('{"seed": "a.txt",\n "statements": [,]}')
    with pytest.raises(CommandError) as error:
        call_command("evaluate_extraction", str(tmp_path))
    assert "a.gold.json, line 2" in str(error.value)

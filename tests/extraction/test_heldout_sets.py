"""Regression floors for every scored article set: end-to-end F1, speaker accuracy, non-statement errors; for
the interviews and transcripts, answer-level end-to-end F1 and no question stored as a statement.

Articles are read the way ``evaluate_extraction`` reads them (bytes -> decode_article -> extract_article);
no database is involved. The real-article sets (real1-5) hold published articles, annotated blind; their
first, blind scores are in each set's README.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tracker.extraction import decode_article, extract_article
from tracker.extraction.evaluation import Scores, combine, score_article

DATA = Path(__file__).parent.parent / "data"

# Floor = the figure measured when the floor was last set, minus 0.03, rounded down to two decimals.
# (end-to-end F1, speaker accuracy on the attributions made, most non-statements stored as statements)
FLOORS = {
    "heldout": (0.94, 0.94, 0),
    "heldout2": (0.96, 0.97, 0),
    "heldout3": (0.93, 0.95, 0),
    "heldout4": (0.90, 0.91, 0),
    "heldout5": (0.92, 0.93, 0),
    "real1": (0.82, 0.91, 1),
    "real2": (0.81, 0.92, 2),
    "real3": (0.79, 0.89, 6),
    "real4": (0.82, 0.91, 6),
    "real5": (0.83, 0.91, 2),
}
# Answers alone (gold and predicted statements of kind "answer"), measured 1.00 on the development set.
ANSWER_FLOORS = {
    "transcripts": 0.97,
}


def score_directory(directory: Path, kind: str | None = None) -> Scores:
    scores = []
    for gold_file in sorted(directory.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        article = gold_file.parent / gold.get("seed", gold_file.name.removesuffix(".gold.json") + ".txt")
        result = extract_article(decode_article(article.read_bytes()))
        scores.append(score_article(gold, result.statements, kind=kind))
    assert scores, f"{directory}: no gold files"
    return combine(scores)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_article_set_stays_above_its_floor(name: str) -> None:
    e2e_floor, speaker_floor, most_non_statements = FLOORS[name]
    total = score_directory(DATA / name)
    assert total.non_statement_errors <= most_non_statements, total.to_dict()
    assert total.e2e_f1 >= e2e_floor, total.to_dict()
    assert total.speaker_accuracy >= speaker_floor, total.to_dict()


@pytest.mark.parametrize("name", sorted(ANSWER_FLOORS))
def test_answers_stay_above_their_floor(name: str) -> None:
    answers = score_directory(DATA / name, kind="answer")
    assert answers.e2e_f1 >= ANSWER_FLOORS[name], answers.to_dict()


@pytest.mark.parametrize("name", sorted(ANSWER_FLOORS))
def test_no_question_is_stored_as_a_statement(name: str) -> None:
    total = score_directory(DATA / name)
    assert total.question_errors == 0, total.to_dict()
    assert total.questions_found == total.questions, total.to_dict()

"""Our own annotated articles in several house styles: the proxy for unseen publications."""

from __future__ import annotations

import pytest

from tracker.extraction import extract_article
from tracker.extraction.evaluation import Scores, combine, score_article

from .helpers import ARTICLES, load_gold, read

GOLD_FILES = sorted(ARTICLES.glob("*.gold.json"))


def _score(path) -> Scores:  # type: ignore[no-untyped-def]
    text = read(path.with_name(path.name.replace(".gold.json", ".txt")))
    return score_article(load_gold(path), extract_article(text).statements)


def test_there_are_enough_gold_articles() -> None:
    assert len(GOLD_FILES) >= 8


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_each_gold_article(path) -> None:  # type: ignore[no-untyped-def]
    scores = _score(path)
    assert scores.non_statement_errors == 0
    assert scores.e2e_f1 >= 0.8, scores.to_dict()


def test_combined_gold_score() -> None:
    total = combine([_score(path) for path in GOLD_FILES])
    assert total.e2e_f1 >= 0.95, total.to_dict()
    assert total.non_statement_errors == 0

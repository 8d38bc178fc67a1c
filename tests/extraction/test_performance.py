"""Determinism, and what comes out of articles of unusual shapes (bench/extraction_scaling.py times them)."""

from __future__ import annotations

from bench.extraction_scaling import no_quotes
from tracker.extraction import extract_article

from .helpers import SEED_GOLD, read


def test_deterministic() -> None:
    text = read(SEED_GOLD / "000_4562f5bd9218622e.txt")
    assert extract_article(text).to_dict() == extract_article(text).to_dict()


def test_long_article_without_quotes_gives_no_statements() -> None:
    result = extract_article(no_quotes(10))
    assert not result.statements

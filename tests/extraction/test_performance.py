"""Speed and determinism."""

from __future__ import annotations

import time

from tracker.extraction import extract_article

from .helpers import SEED_GOLD, read


def test_typical_article_is_fast() -> None:
    text = read(SEED_GOLD / "000_4562f5bd9218622e.txt")
    extract_article(text)
    start = time.perf_counter()
    for _ in range(20):
        extract_article(text)
    per_article = (time.perf_counter() - start) / 20
    assert per_article < 0.05


def test_deterministic() -> None:
    text = read(SEED_GOLD / "000_4562f5bd9218622e.txt")
    assert extract_article(text).to_dict() == extract_article(text).to_dict()


def test_long_article_without_quotes_scales() -> None:
    paragraph = "Officials met again on Tuesday to discuss the budget, and Smith said talks went well. "
    text = "Headline\n\nJ R 1 May 2023\n\n" + "\n\n".join([paragraph * 3] * 400) + "\n"
    start = time.perf_counter()
    extract_article(text)
    assert time.perf_counter() - start < 5.0

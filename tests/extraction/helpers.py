"""Shared helpers for the extraction tests: article loading and statement lookup."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tracker.extraction import ExtractedStatement, ExtractionResult, extract_article

HERE = Path(__file__).parent
ARTICLES = HERE / "articles"
FEATURES = ARTICLES / "features"
SEED_GOLD = HERE.parent / "data" / "gold"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def extract_feature(name: str) -> ExtractionResult:
    return extract_article(read(FEATURES / name))


def load_gold(path: Path) -> dict[str, Any]:
    return json.loads(read(path))


def find(result: ExtractionResult, fragment: str) -> ExtractedStatement:
    """The one statement whose quote contains ``fragment``."""
    found = [s for s in result.statements if fragment in s.quote]
    assert len(found) == 1, f"{fragment!r} in {[s.quote for s in result.statements]}"
    return found[0]


def quotes(result: ExtractionResult) -> list[str]:
    return [statement.quote for statement in result.statements]

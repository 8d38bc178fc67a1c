"""Every gold annotation agrees with the article as the parser stores it: parts verbatim in their paragraph."""

import json
from pathlib import Path

import pytest

from tracker.extraction import decode_article, parse_article

TESTS = Path(__file__).resolve().parent.parent
GOLD_FILES = sorted(TESTS.rglob("*.gold.json"))


def test_gold_files_are_found() -> None:
    assert len(GOLD_FILES) >= 60


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda path: str(path.relative_to(TESTS)))
def test_gold_parts_stand_in_their_paragraph(gold_file: Path) -> None:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    article_file = gold_file.parent / gold.get("seed", gold_file.name.removesuffix(".gold.json") + ".txt")
    article = parse_article(decode_article(article_file.read_bytes()))
    for statement in gold["statements"]:
        assert statement["quote"] == " ".join(statement["parts"])
        assert 0 <= statement["paragraph"] < len(article.paragraphs), statement["quote"]
        paragraph = article.paragraph_text(statement["paragraph"])
        for part in statement["parts"]:
            assert part in paragraph, (statement["paragraph"], part)

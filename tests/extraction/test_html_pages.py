"""Real saved news pages (tests/data/html/) read to their checked-in expectations.

Each ``NAME.expected.json`` holds what the page says (title, author, date, publication, url) and its
article body, paragraph by paragraph, and lists where the reader is known to differ from that
(``deviations``). The test pins both: the right values and exactly the known differences.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

import pytest

from tracker.extraction import ParsedArticle, parse_article, read_article

PAGES = Path(__file__).resolve().parent.parent / "data" / "html"
ROOT = PAGES.parent.parent.parent
FIELDS = ("title", "author", "published", "publication", "url")
EXPECTATIONS = sorted(PAGES.glob("*.expected.json"))


def page_file(expectation: Path) -> Path:
    stem = expectation.name.removesuffix(".expected.json")
    (page,) = [path for path in PAGES.glob(f"{stem}.*") if path.name.endswith((".html", ".html.gz"))]
    return page


def paragraphs(article: ParsedArticle) -> list[str]:
    return [article.paragraph_text(index) for index in range(len(article.paragraphs))]


def fields(article: ParsedArticle) -> dict[str, Any]:
    values = article.to_dict()
    return {"title": values["title"], "author": values["byline"], **{key: values[key] for key in FIELDS[2:]}}


@pytest.fixture(scope="module", params=EXPECTATIONS, ids=lambda path: path.name.removesuffix(".expected.json"))
def case(request: pytest.FixtureRequest) -> tuple[dict[str, Any], ParsedArticle]:
    expectation = json.loads(request.param.read_text(encoding="utf-8"))
    page = page_file(request.param)
    return expectation, read_article(page.read_bytes(), name=page.name)


def test_enough_pages_from_enough_outlets() -> None:
    outlets = {path.name.split("_")[1] for path in EXPECTATIONS}
    assert len(EXPECTATIONS) >= 22
    assert len(outlets) >= 8


def test_metadata_matches_the_page(case: tuple[dict[str, Any], ParsedArticle]) -> None:
    expectation, article = case
    known = expectation["deviations"]["fields"]
    assert fields(article) == {field: known.get(field, expectation[field]) for field in FIELDS}


def test_body_is_the_article_with_only_the_known_deviations(case: tuple[dict[str, Any], ParsedArticle]) -> None:
    expectation, article = case
    expected, actual = expectation["body"], paragraphs(article)
    operations = difflib.SequenceMatcher(a=expected, b=actual, autojunk=False).get_opcodes()
    missing = [text for tag, i1, i2, _, _ in operations if tag in ("delete", "replace") for text in expected[i1:i2]]
    extra = [text for tag, _, _, j1, j2 in operations if tag in ("insert", "replace") for text in actual[j1:j2]]
    assert missing == expectation["deviations"]["missing_paragraphs"]
    assert extra == expectation["deviations"]["extra_paragraphs"]


def test_spans_index_the_stored_body(case: tuple[dict[str, Any], ParsedArticle]) -> None:
    _, article = case
    assert article.body == "\n\n".join(paragraphs(article))
    assert all(text and text == text.strip() and "\n" not in text for text in paragraphs(article))


def test_expected_body_is_the_hand_checked_text_version(case: tuple[dict[str, Any], ParsedArticle]) -> None:
    """The text sets (real1-3) were copied from these pages by hand: the two inputs agree."""
    expectation, _ = case
    text_version = parse_article((ROOT / expectation["text_version"]).read_text(encoding="utf-8"))
    assert expectation["body"] == paragraphs(text_version)


def test_every_deviation_is_explained(case: tuple[dict[str, Any], ParsedArticle]) -> None:
    expectation, _ = case
    deviations = expectation["deviations"]
    differs = deviations["fields"] or deviations["missing_paragraphs"] or deviations["extra_paragraphs"]
    assert bool(deviations["notes"]) == bool(differs)

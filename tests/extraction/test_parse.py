# ruff: noqa: RUF001  (quote marks and apostrophes are this module's subject)
"""parse_article / decode_article / normalise_body: layout, metadata and error paths."""

from __future__ import annotations

import datetime

import pytest

from tracker.extraction import ArticleFormatError, decode_article, normalise_body, parse_article
from tracker.extraction.parse import parse_date
from tracker.extraction.types import DocumentFormat

from .helpers import SEED_GOLD, read

SEED = SEED_GOLD / "000_4562f5bd9218622e.txt"


def test_seed_layout() -> None:
    article = parse_article(read(SEED))
    assert article.title == "NATO summit vows to continue troop surge to Russia's borders"
    assert article.byline == "Andre Damon"
    assert article.published == datetime.date(2022, 11, 29)
    assert article.language == "en"
    assert article.paragraph_text(0).startswith("NATO foreign ministers met in Bucharest")
    assert article.paragraph_text(len(article.paragraphs) - 1).startswith("Even as the US and NATO")
    assert "To contact the WSWS" not in article.body
    assert "wsws.org/contact" not in article.body
    # Emphasis markers are stripped from the stored body.
    assert "*Bloomberg*" not in article.body and "appeared in Bloomberg" in article.body
    for start, end in article.paragraphs:
        assert article.body[start:end].strip() == article.body[start:end]
    assert article.body == "\n\n".join(article.body[s:e] for s, e in article.paragraphs)


def test_front_matter_overrides_and_repeated_headline() -> None:
    text = (
        "---\ntitle: The Title\nurl: https://example.com/a\npublication: Example News\n"
        "byline: Jane Roe\npublished: 2023-04-05\nlanguage: en\n---\n\nThe Title\n\n"
        "By Someone Else, 1 January 2020\n\nFirst paragraph.\n\nSecond paragraph.\n"
    )
    article = parse_article(text)
    assert (article.title, article.byline, article.publication, article.url) == (
        "The Title",
        "Jane Roe",
        "Example News",
        "https://example.com/a",
    )
    assert article.published == datetime.date(2023, 4, 5)
    assert article.paragraph_text(0) == "First paragraph."
    assert len(article.paragraphs) == 2


def test_front_matter_without_headline_line() -> None:
    article = parse_article("---\ntitle: Only In Front Matter\n---\n\nBody starts here, with a sentence.\n")
    assert article.title == "Only In Front Matter"
    assert article.paragraph_text(0) == "Body starts here, with a sentence."


def test_front_matter_bad_date_is_an_error_with_line() -> None:
    with pytest.raises(ArticleFormatError) as info:
        parse_article("---\ntitle: T\npublished: someday soon\n---\n\nBody.\n")
    assert info.value.line == 3
    assert "line 3" in str(info.value) and "date" in str(info.value)


def test_front_matter_unclosed_and_malformed() -> None:
    with pytest.raises(ArticleFormatError):
        parse_article("---\ntitle: T\n\nBody.\n")
    with pytest.raises(ArticleFormatError) as info:
        parse_article("---\ntitle: T\nthis line has no colon\n---\n\nBody.\n")
    assert info.value.line == 3


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("29 November 2022", datetime.date(2022, 11, 29)),
        ("November 29, 2022", datetime.date(2022, 11, 29)),
        ("Nov. 29, 2022", datetime.date(2022, 11, 29)),
        ("2022-11-29", datetime.date(2022, 11, 29)),
        ("Tue 29 Nov 2022 18.02 GMT", datetime.date(2022, 11, 29)),
        ("Sept 3, 2021", datetime.date(2021, 9, 3)),
        ("no date here", None),
    ],
)
def test_parse_date_formats(line: str, expected: datetime.date | None) -> None:
    assert parse_date(line) == expected


@pytest.mark.parametrize(
    "header",
    [
        "Jane Roe 29 November 2022",
        "By Jane Roe\nNovember 29, 2022",
        "By Jane Roe | Nov. 29, 2022",
        "Jane Roe, Health correspondent\nTue 29 Nov 2022 18.02 GMT",
        "By Jane Roe\n\n2022-11-29",
    ],
)
def test_byline_and_date_variants(header: str) -> None:
    article = parse_article(f"Headline here\n\n{header}\n\nThe first paragraph of the body.\n")
    assert article.byline == "Jane Roe"
    assert article.published == datetime.date(2022, 11, 29)
    assert article.paragraph_text(0) == "The first paragraph of the body."


def test_no_byline_second_block_is_body() -> None:
    article = parse_article("Headline\n\nA body paragraph that is long enough to be a sentence.\n\nAnother.\n")
    assert article.byline == "" and article.published is None
    assert article.paragraph_text(0).startswith("A body paragraph")


def test_windows_newlines_bom_and_wrapped_lines() -> None:
    text = "\ufeffHeadline\r\n\r\nJane Roe 1 May 2023\r\n\r\nA paragraph\r\nwrapped over lines.\r\n"
    article = parse_article(text)
    assert article.title == "Headline"
    assert article.paragraph_text(0) == "A paragraph wrapped over lines."


def test_markdown_emphasis_stripped_but_not_inside_words() -> None:
    article = parse_article("H\n\nJ R 1 May 2023\n\nSee *Bloomberg* and _The Times_ and **bold**; snake_case_name.\n")
    assert article.paragraph_text(0) == "See Bloomberg and The Times and bold; snake_case_name."


def test_decode_article() -> None:
    # The byte-order mark survives decoding so that parse_article can warn about it.
    assert decode_article("\ufeffHéllo".encode()) == "\ufeffHéllo"
    assert parse_article("\ufeffH\n\nJ R 1 May 2023\n\nBody.").warnings == ("line 1: UTF-8 byte-order mark removed",)
    with pytest.raises(ArticleFormatError) as info:
        decode_article(b"Headline\n\nbad \xff byte\n")
    assert info.value.line == 3 and "UTF-8" in str(info.value)
    with pytest.raises(ArticleFormatError) as info:
        decode_article(b"Headline\nx\x00y")
    assert info.value.line == 2 and "NUL" in str(info.value)


@pytest.mark.parametrize("text", ["", "   \n\n  \n", "\ufeff"])
def test_empty_article(text: str) -> None:
    with pytest.raises(ArticleFormatError, match="empty"):
        parse_article(text)


def test_only_a_headline() -> None:
    with pytest.raises(ArticleFormatError, match="no body"):
        parse_article("Just a headline\n")


def test_no_headline() -> None:
    with pytest.raises(ArticleFormatError, match="no headline"):
        parse_article("By Jane Roe, 29 November 2022\n\nBody paragraph.\n")


def test_nul_character_in_text() -> None:
    with pytest.raises(ArticleFormatError, match="NUL"):
        parse_article("Headline\n\nBody\x00.\n")


def test_unbalanced_quote_is_a_warning_with_line() -> None:
    article = parse_article('Headline\n\nJane Roe 1 May 2023\n\n"This never closes, he said.\n\nNext.\n')
    assert article.warnings == ("line 5: unbalanced quote mark",)


def test_normalise_body() -> None:
    assert normalise_body("“Hi,”  she said.\n\n‘Yes’ — Cafe\u0301") == "\"Hi,\" she said. 'Yes' — Café"
    assert normalise_body("A\u00a0 b\t\nc") == "A b c"


@pytest.mark.parametrize(
    "byline_line, byline, published",
    [
        ("By Ana Diaz and Lee Park | July 17, 2024 3:12 PM GMT+2 Updated 2 hours ago",
         "Ana Diaz and Lee Park", "2024-07-17"),
        ("Author: Tia Moss (KSDK) Published: 6:48 PM CDT September 14, 2025 Updated: 10:15 PM CDT September 14, 2025",
         "Tia Moss (KSDK)", "2025-09-14"),
    ],
)  # fmt: skip
def test_web_byline_with_publish_and_update_stamps(byline_line: str, byline: str, published: str) -> None:
    article = parse_article(f"Headline\n\n{byline_line}\n\nFirst paragraph of the body.\n")
    assert (article.byline, str(article.published)) == (byline, published)
    assert article.paragraph_text(0) == "First paragraph of the body."


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("interview", DocumentFormat.INTERVIEW),
        ("Transcript", DocumentFormat.TRANSCRIPT),
        ("article", DocumentFormat.ARTICLE),
    ],
)
def test_front_matter_format_forces_the_document_format(value: str, expected: str) -> None:
    article = parse_article(f"---\nformat: {value}\n---\nHeadline\n\nA paragraph.\n")
    assert article.document_format == expected


def test_document_format_is_decided_from_the_text_without_front_matter() -> None:
    assert parse_article("Headline\n\nA paragraph.\n").document_format is None


def test_front_matter_unknown_format_is_an_error_with_line() -> None:
    with pytest.raises(ArticleFormatError) as error:
        parse_article("---\ntitle: T\nformat: podcast\n---\nBody paragraph.\n")
    assert error.value.line == 3
    assert "'podcast'" in str(error.value) and "interview" in str(error.value)


def test_emphasis_spans_index_the_stored_body() -> None:
    article = parse_article("Headline\n\n**Jane Doe:** Yes, *of course*.\n\n**Is that all?**\n\nPlain_text here.\n")
    assert article.body == "Jane Doe: Yes, of course.\n\nIs that all?\n\nPlain_text here."
    assert [article.body[start:end] for start, end in article.emphasis] == ["Jane Doe:", "of course", "Is that all?"]

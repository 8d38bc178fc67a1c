# ruff: noqa: RUF001  (curly quote marks are what these tests check)
"""parse_html and read_article on small pages: decoding, dispatch, refusals and header tidying."""

from __future__ import annotations

import gzip

import pytest

from tracker.extraction import ArticleFormatError, parse_html, read_article
from tracker.extraction.html import decode_html, looks_like_html
from tracker.extraction.page_metadata import clean_author, clean_title

PARAGRAPHS = (
    "“We will not back down,” the mayor said on Tuesday, standing outside the city’s flooded library.",
    "Residents said the water rose within an hour and that the council’s warning came too late for most.",
    "The council said it would publish a full report on the flooding and its response next month.",
)


def page(*paragraphs: str, head: str = "", title: str = "Flood waters reach the city library") -> str:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def test_paragraphs_and_quote_marks_kept_as_printed() -> None:
    article = parse_html(page(*PARAGRAPHS), url="https://www.example-news.org/2024/flood")
    assert [article.paragraph_text(index) for index in range(len(article.paragraphs))] == list(PARAGRAPHS)
    assert article.body == "\n\n".join(PARAGRAPHS)
    assert (article.title, article.url) == (
        "Flood waters reach the city library",
        "https://www.example-news.org/2024/flood",
    )


def test_publication_is_the_site_name_else_the_urls_host() -> None:
    named = page(*PARAGRAPHS, head='<meta property="og:site_name" content="Example News">')
    assert parse_html(named, url="https://www.example-news.org/a").publication == "Example News"
    assert parse_html(page(*PARAGRAPHS), url="https://www.example-news.org/a").publication == "example-news.org"
    assert parse_html(page(*PARAGRAPHS)).publication == ""


def test_canonical_url_wins_over_the_fetched_one() -> None:
    canonical = page(*PARAGRAPHS, head='<link rel="canonical" href="https://example-news.org/flood">')
    assert parse_html(canonical, url="https://example-news.org/flood?utm=x").url == "https://example-news.org/flood"


def test_bold_speaker_labels_stay_as_plain_text() -> None:
    turns = ("<strong>Jane Roe:</strong> We were told the levee would hold for another decade at least.",)
    article = parse_html(page(*PARAGRAPHS, *turns))
    assert article.paragraph_text(3) == "Jane Roe: We were told the levee would hold for another decade at least."


def test_captions_related_links_and_promotions_are_dropped() -> None:
    furniture = (
        "<i>The library on Tuesday. (Jane Doe/Example News)</i>",
        '<a href="/other">Read our coverage of last year’s storms here</a>',
        "Sign up for our daily newsletter, sent every morning to your inbox.",
        "Advertisement",
    )
    article = parse_html(page(PARAGRAPHS[0], *furniture, *PARAGRAPHS[1:]))
    assert article.body == "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
        "<html><body><script>render()</script></body></html>",
    ],
)
def test_a_page_without_an_article_is_refused(html: str) -> None:
    with pytest.raises(ArticleFormatError):
        parse_html(html)


def test_decoding_follows_bom_validity_then_declared_charset() -> None:
    text = "Café “quoted”"
    assert decode_html(text.encode("utf-8")) == text
    assert decode_html(b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert decode_html(b"\xff\xfe" + text.encode("utf-16-le")) == text
    legacy = f'<meta charset="iso-8859-1"><p>{text}</p>'.encode("cp1252")
    assert decode_html(legacy) == f'<meta charset="iso-8859-1"><p>{text}</p>'
    assert decode_html("Zürich".encode("cp1252")) == "Zürich"
    assert decode_html("Москва".encode("koi8-r"), encoding="koi8-r") == "Москва"


def test_html_is_recognised_by_name_or_content() -> None:
    html = page(*PARAGRAPHS).encode()
    assert looks_like_html(html) and looks_like_html(b"\n<!-- saved -->\n<html><body></body></html>")
    assert not looks_like_html(b"Headline\n\nBy A Writer 3 March 2024\n\nBody.")
    by_name = read_article(html.replace(b"<!DOCTYPE html>", b""), name="story.HTM")
    assert by_name.title == "Flood waters reach the city library"


def test_read_article_unpacks_gzip_and_reads_text_too() -> None:
    html = page(*PARAGRAPHS).encode()
    assert read_article(gzip.compress(html), name="story.html.gz").body == "\n\n".join(PARAGRAPHS)
    text = b"Headline\n\nBy A Writer 3 March 2024\n\nThe body of the article, in one paragraph.\n"
    article = read_article(gzip.compress(text), name="story.txt.gz", url="https://news.example.org/story")
    assert (article.title, article.url, article.publication) == (
        "Headline",
        "https://news.example.org/story",
        "news.example.org",
    )


def test_damaged_gzip_is_refused() -> None:
    with pytest.raises(ArticleFormatError, match="gzip data ends early"):
        read_article(gzip.compress(b"x" * 1000)[:-8], name="story.html.gz")


@pytest.mark.parametrize(
    ("author", "site", "byline"),
    [
        ("Maggie Haberman; Shira Toeplitz", "", "Maggie Haberman and Shira Toeplitz"),
        ("Dana Ford; Tom Watkins; CNN", "CNN", "Dana Ford and Tom Watkins"),
        ("Howard Blume Staff Writer", "", "Howard Blume"),
        ("Joe Davidson Washington Post", "", "Joe Davidson"),
        ("Pete Evans · CBC News", "cbc.ca", "Pete Evans"),
        ("Photo by The Associated Press", "", ""),
        ("Reuters", "Vancouver Sun", "Reuters"),
    ],
)
def test_author_as_a_printed_byline(author: str, site: str, byline: str) -> None:
    assert clean_author(author, site=site) == byline


@pytest.mark.parametrize(
    ("title", "site", "byline", "headline"),
    [
        ("GCSEs feared - Telegraph", "Telegraph.co.uk", "", "GCSEs feared"),
        ("Berlin streets | DW | 19.01.2020", "DW.COM", "", "Berlin streets"),
        ("Map shifts - Maggie Haberman and Shira Toeplitz", "", "Maggie Haberman and Shira Toeplitz", "Map shifts"),
        ("Yes - No - Maybe", "", "", "Yes - No - Maybe"),
    ],
)
def test_title_without_site_author_or_date_suffix(title: str, site: str, byline: str, headline: str) -> None:
    assert clean_title(title, site=site, byline=byline, url="") == headline

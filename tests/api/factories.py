"""Helpers that build valid articles and statements for the API tests."""

from tracker.models import Article, Statement, sha256_of_body

BODY_ONE = (
    "NATO allies met in Brussels on Tuesday.\n\n"
    "Ukraine will become a member of NATO, Jens Stoltenberg said at the summit.\n\n"
    "Lindsey Graham told reporters the security guarantees were not enough.\n\n"
    "Stoltenberg added that membership talks would continue."
)
BODY_TWO = (
    "Ministers gathered in Vilnius.\n\n"
    "The alliance is stronger than ever, Stoltenberg said.\n\n"
    "A spokesperson said the weather was fine."
)


def add_statement(article, text, **fields):
    """A statement whose span is the first occurrence of ``text`` in the article body."""
    start = article.body.index(text)
    return Statement.objects.create(
        article=article,
        text=text,
        spans=[[start, start + len(text)]],
        paragraph=fields.pop("paragraph", 1),
        **fields,
    )


def add_article(title, body, **fields):
    return Article.objects.create(title=title, body=body, body_sha256=sha256_of_body(body), **fields)


def ids(response):
    """The ids of a successful list response's results, in order."""
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]

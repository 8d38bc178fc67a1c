# ruff: noqa: RUF001  (quote marks and apostrophes are this module's subject)
"""Quote-mark pairing: mark styles, apostrophes, nesting, multi-paragraph quotes, robustness."""

from __future__ import annotations

from bench.extraction_scaling import quote_marks
from tracker.extraction import extract_article, parse_article
from tracker.extraction.quotes import scan_quotes

from .helpers import extract_feature, find, quotes


def _contents(text: str) -> list[str]:
    found, _ = scan_quotes(text, [(0, len(text))])
    return [" | ".join(text[s:e] for s, e in quote.parts) for quote in found]


def test_straight_and_curly_double_marks() -> None:
    assert _contents('He said "yes" and “no” and „ja“.') == ["yes", "no", "ja"]


def test_guillemets_with_inner_spaces() -> None:
    assert _contents("« Nous gagnerons », a-t-il dit, «encore»") == ["Nous gagnerons", "encore"]


def test_doubled_single_marks_close_a_double_quote() -> None:
    assert _contents("He called it ``a joke.'' Then ’’left’’ no") == ["a joke."]


def test_apostrophes_are_not_quote_marks() -> None:
    text = "Russia's plan, Jones' car, the '90s, rock 'n' roll, workers’ rights, don’t, ’em all."
    assert _contents(text) == []


def test_british_single_quotes_with_possessive_inside() -> None:
    assert _contents("'The workers' rights matter,' she said.") == ["The workers' rights matter,"]


def test_nested_quotes_stay_inside_outer_quote() -> None:
    text = "\"No speech will say more. 'Patriot,' 'F-16,' or 'Leopard' for Ukraine,\" he tweeted."
    assert _contents(text) == ["No speech will say more. 'Patriot,' 'F-16,' or 'Leopard' for Ukraine,"]
    assert _contents("'He shouted \"run\" at us,' she said.") == ['He shouted "run" at us,']


def test_multi_paragraph_quote_is_one_statement_per_paragraph() -> None:
    result = extract_feature("multi_paragraph.txt")
    statements = [s for s in result.statements if s.speaker == "Anna Berg"]
    assert [s.paragraph for s in statements] == [1, 2, 3]
    assert statements[0].quote.startswith("First, we will cut taxes")
    assert statements[1].quote.startswith("Second, we will build")
    assert statements[-1].parts == ("Third, we will invest in our hospitals,",)
    for statement in statements:
        assert len(statement.parts) == 1
        for part, (start, end) in zip(statement.parts, statement.spans, strict=True):
            assert result.article.body[start:end] == part
    assert not result.warnings


def test_marks_feature_article() -> None:
    result = extract_feature("marks.txt")
    assert find(result, "back down").parts == ("We will not back down,", "Our members’ patience is gone.")
    assert find(result, "a joke").kind == "partial"
    nested = find(result, "No more excuses")
    assert nested.quote == "I told them: 'No more excuses.' They did not listen,"
    assert find(result, "still talking").speaker == "Peter Lang"
    assert not any("90s" in q or q == "n" for q in quotes(result))


def test_unbalanced_quote_warns_and_does_not_crash() -> None:
    text = 'Headline\n\nJ R 1 May 2023\n\nShe said "this never ends.\n\nClosing" paragraph here.\n'
    result = extract_article(text)
    assert any("unbalanced" in w or "unmatched" in w for w in result.warnings)


def test_quote_spanning_the_whole_article() -> None:
    paragraphs = [f'"Paragraph number {i} of the speech goes on.' for i in range(30)]
    paragraphs[-1] += '"'
    text = "Headline\n\nJ R 1 May 2023\n\nThe mayor spoke.\n\n" + "\n\n".join(paragraphs) + "\n"
    article = parse_article(text)
    found, problems = scan_quotes(article.body, article.paragraphs)
    assert len(found) == 1 and len(found[0].parts) == 30 and not problems
    assert extract_article(text) is not None
    # One opening mark and nothing else: a warning, the quote runs to the paragraph end.
    result = extract_article('Headline\n\nJ R 1 May 2023\n\n"' + "word " * 2000 + "\n")
    assert result.warnings


def test_thousands_of_stray_quote_marks_are_read_without_statements_of_nobody() -> None:
    """bench/extraction_scaling.py times this shape at 1x, 10x and 100x; here only what comes out."""
    result = extract_article(quote_marks(10))
    assert result.warnings
    assert all(statement.speaker is None for statement in result.statements)

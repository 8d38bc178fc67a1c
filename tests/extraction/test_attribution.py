"""Speakers, cues, titles, appositives, coreference, direct vs partial, non-statements."""

from __future__ import annotations

from tracker.extraction import extract_article

from .helpers import extract_feature, find, quotes


def test_cue_orders() -> None:
    result = extract_feature("cue_orders.txt")
    expected = {
        "budget is balanced": ("Tom Reyes", "said", "direct"),
        "no deficit": ("Lisa Chung", "said", "direct"),
        "made sacrifices": ("Lisa Chung", "added", "direct"),
        "abandons the poorest": ("Omar Haddad", "declared", "direct"),
        "Shameful day": ("Omar Haddad", "tweeted", "direct"),
        "better financial shape": ("Tom Reyes", "According to", "direct"),
        "spend money": ("Tom Reyes", "saying", "direct"),
        "Property taxes": ("Tom Reyes", "told", "direct"),
        "mistakes austerity": ("Ruth Adler", "wrote", "partial"),
    }
    for fragment, (speaker, cue, kind) in expected.items():
        statement = find(result, fragment)
        assert (statement.speaker, statement.cue, statement.kind) == (speaker, cue, kind), fragment
    # "told Bloomberg": Bloomberg is the addressee, not the speaker.
    assert all(s.speaker != "Bloomberg" for s in result.statements)
    assert find(result, "council's decision").speaker == "Chamber of Commerce"


def test_split_quotes_are_one_statement() -> None:
    result = extract_feature("split_quotes.txt")
    assert len(result.statements) == 3
    first = find(result, "not the end")
    assert first.parts == ("This is not the end,", "it is only the beginning.")
    assert first.quote == "This is not the end, it is only the beginning."
    assert first.speaker == "Dana Miller"
    connected = find(result, "improved its defence")
    assert connected.parts == (
        "the team has improved its defence,",
        "its attack still lacks a reliable scorer.",
    )
    assert (connected.speaker, connected.cue) == ("Victor Hale", "explains")
    assert find(result, "played well").parts == ("We played well,", "We just did not finish our chances.")


def test_titles_and_appositives() -> None:
    result = extract_feature("titles.txt")
    warren = find(result, "giveaway")
    assert (warren.speaker, warren.speaker_as_written) == ("Elizabeth Warren", "Sen. Elizabeth Warren")
    doe = find(result, "data are clear")
    assert doe.speaker == "Jane Doe" and doe.role == "professor at Yale University"
    ceo = find(result, "never been stronger")
    assert ceo.speaker == "John Smith" and ceo.role == "company's chief executive"
    assert find(result, "Talks are over").speaker == "Mykola Bondar"
    rutte = find(result, "stand with our allies")
    assert (rutte.speaker, rutte.role) == ("Mark Rutte", "NATO Secretary-General")
    speakers = {s.name: s for s in result.speakers}
    assert ("Secretary-General", "NATO") in speakers["Mark Rutte"].roles
    # The titled form is his name plus a role, not another name: aliases hold names only.
    assert "NATO Secretary-General Mark Rutte" not in speakers["Mark Rutte"].aliases


def test_coreference() -> None:
    result = extract_feature("coreference.txt")
    assert find(result, "heroes").speaker == "Karen Olsen"
    she = find(result, "two new wards")
    assert (she.speaker, she.speaker_as_written, she.cue) == ("Karen Olsen", "She", "continued")
    assert find(result, "waiting lists").speaker == "Karen Olsen"
    assert find(result, "too little").speaker == "Paul Grant"
    # A quote-only paragraph right after a quote carries on the same speaker.
    assert find(result, "Patients deserve better").speaker == "Paul Grant"
    group = find(result, "cannot cope")
    assert (group.speaker, group.speaker_as_written) == ("local doctors", "They")
    assert group.source is not None and group.source.kind == "letter"
    assert find(result, "hold hearings").speaker == "Ruth Park"
    kinds = {s.name: s.kind for s in result.speakers}
    assert kinds["local doctors"] == "group" and kinds["Karen Olsen"] == "person"


def test_group_members_from_the_article() -> None:
    text = (
        "Senators write\n\nJ R 1 May 2023\n\nA group of US senators has issued a letter.\n\n"
        'They declare that "the aid must continue without delay or conditions."\n\n'
        "The signatories include Joe Manchin, a key ally of President Joe Biden, "
        "and Trump ally Lindsay Graham.\n"
    )
    result = extract_article(text)
    group = next(s for s in result.speakers if s.name == "US senators")
    assert group.kind == "group"
    assert group.members == ("Joe Manchin", "Lindsay Graham")


def test_partial_quotes() -> None:
    result = extract_feature("partials.txt")
    # Two fragments under one reporting verb in one sentence are one statement with two parts.
    assert [s.quote for s in result.statements] == [
        "long overdue transform",
        "should not expect any more patience",
        "complacency",
    ]
    assert all(s.kind == "partial" for s in result.statements)
    assert all(s.speaker == "Leah Burns" for s in result.statements)


def test_non_statements_are_not_extracted() -> None:
    result = extract_feature("non_statements.txt")
    assert quotes(result) == ["We are ready for anything,"]
    assert result.statements[0].speaker == "Omar Ali"


def test_first_person_inside_quote_is_never_the_speaker() -> None:
    result = extract_article(
        'H\n\nJ R 1 May 2023\n\nMinister Ana Lopes spoke on Monday.\n\n"I said we would win," she added.\n'
    )
    assert result.statements[0].speaker == "Ana Lopes"


def test_unattributable_quote_is_dropped() -> None:
    result = extract_article('H\n\nJ R 1 May 2023\n\nThe weather was "unusually warm" for the time of year.\n')
    assert result.statements == ()


def test_spans_index_the_body_exactly() -> None:
    for name in ("marks.txt", "cue_orders.txt", "split_quotes.txt", "partials.txt"):
        result = extract_feature(name)
        for statement in result.statements:
            assert statement.quote == " ".join(statement.parts)
            for part, (start, end) in zip(statement.parts, statement.spans, strict=True):
                assert result.article.body[start:end] == part
            assert 0.0 <= statement.confidence <= 1.0

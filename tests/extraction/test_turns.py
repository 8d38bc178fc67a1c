"""Interviews and transcripts: turn labels, the decision that a text is made of turns, and the statements built."""

from __future__ import annotations

import pytest

from tracker.extraction import extract_article, parse_article
from tracker.extraction.attribution import attribute_statements
from tracker.extraction.turns import read_turns
from tracker.extraction.turns.labels import LabelKind, find_label, is_stage_direction
from tracker.extraction.types import DocumentFormat, MentionKind, QuoteKind, Rule, SourceKind


def _label(paragraph: str):
    article = parse_article(f"Headline\n\n{paragraph}\n")
    return find_label(article.body, article.paragraphs[0], article.emphasis), article.body


@pytest.mark.parametrize(
    ("paragraph", "text", "kind", "words"),
    [
        ("Q: Why cut the budget?", "Q", LabelKind.QUESTION_MARK, "Why cut the budget?"),
        ("Q Thanks, Jake. One more?", "Q", LabelKind.QUESTION_MARK, "Thanks, Jake. One more?"),
        ("A: We did not.", "A", LabelKind.ANSWER_MARK, "We did not."),
        ("MR. SULLIVAN: Good afternoon.", "MR. SULLIVAN", LabelKind.CAPITALS, "Good afternoon."),
        ("THE PRESIDENT: Thank you.", "THE PRESIDENT", LabelKind.CAPITALS, "Thank you."),
        ("**Mr. LIMAN**: Now, Colonel.", "Mr. LIMAN", LabelKind.CAPITALS, "Now, Colonel."),
        ("Joshua Renken: How is it going?", "Joshua Renken", LabelKind.NAME, "How is it going?"),
        ("McKelvey:When I started.", "McKelvey", LabelKind.NAME, "When I started."),
        ("JR: Who pays?", "JR", LabelKind.INITIALS, "Who pays?"),
        ("**Ian:** Very well.", "Ian", LabelKind.NAME, "Very well."),
    ],
)
def test_labels_are_found_and_the_turn_starts_after_them(paragraph: str, text: str, kind: str, words: str) -> None:
    label, body = _label(paragraph)
    assert label is not None
    assert (label.text, label.kind) == (text, kind)
    assert body[label.start : label.end] == text
    assert body[label.content_start :] == words


@pytest.mark.parametrize(
    "paragraph",
    [
        "Update: the talks resume on Friday.",
        "Source: Al Jazeera",
        "PHOTO: Ana and Tom Reyes with their daughter.",
        "Editor's note: this story was corrected.",
        "He said: no.",
        "At 10:30 the meeting began.",
        "https://example.com/a-story and more",
        "Q station opened in 1902.",
    ],
)
def test_what_is_not_a_label(paragraph: str) -> None:
    assert _label(paragraph)[0] is None


def test_a_bold_label_is_marked_emphasised_and_stage_directions_are_recognised() -> None:
    label, _ = _label("**Ian:** It is a very good question.")
    assert label is not None and label.emphasised
    assert is_stage_direction("[PAUSE]") and is_stage_direction("(Applause.)")
    assert not is_stage_direction("(Applause.) Thank you.")


QA = """Q&A: Mayor Ana Ruiz on the city budget

By Tom Hale | March 3, 2024

Ana Ruiz, the mayor of Port Lewis, talked to Tom Hale about the budget she presents next week.

Q: Why cut the library budget?

A: We did not cut it. We moved two branches into the schools.

And the hours went up, not down.

Q: The union says "this is a cut by another name." Is it?

A: I understand why they say that. But the numbers are public.
"""

HEARING = """Senate Banking Committee hearing on bank capital rules

The Hearing Desk | June 4, 2024

Senator Elizabeth Warren questioned Federal Reserve Chair Jerome Powell on Tuesday about the proposal.

SEN. WARREN: Chair Powell, did the banks ask you to weaken the proposal?

CHAIR POWELL: We heard from many people, Senator, including the banks.

SEN. WARREN: Did you meet with bank chief executives before the change?

CHAIR POWELL: I meet with a wide range of people. That is part of the job.

SEN. WARREN: How many of those meetings were with consumer groups?

CHAIR POWELL: I would have to get back to you with the number.
"""

DEBATE = """Transcript: the first mayoral debate

Staff | October 1, 2024

The debate between council member Rosa Diaz and businessman Carl Webb was moderated by Lena Park.

MODERATOR: Good evening. Ms. Diaz, what is your plan for housing?

DIAZ: We will build two thousand homes on city land in four years.

MODERATOR: Mr. Webb, your response?

WEBB: Her plan has no money behind it. Mine does.

DIAZ: That is simply not true.
"""

ADDRESS = """Weekly address: a message for the holidays

The White House | December 23, 2016

**Remarks of President Barack Obama and First Lady Michelle Obama**

THE PRESIDENT: Merry Christmas, everybody.

THE FIRST LADY: Celebrating the holidays here has been a privilege.

[PAUSE]

THE PRESIDENT: And the greatest gift has been serving you.

THE FIRST LADY: We wish you a happy and healthy new year.
"""

BOLD_QUESTIONS = """New provost in town

By Andy Djaba | 26 October 2018

Felix sat down with Ian Walmsley, the new Provost, for an interview about his first month.

**Felix: What does the Provost do?**

**Ian:** The Provost leads the academic work of the College.

**Is there a typical day?**

I have only been here a month, so no typical day yet.

**How would you describe your first month?**

Very exciting.
"""

UNLABELLED_ANSWERS = """Interview: Adam Kay, musical comedy

By Jonathan Pratt | 6 December 2013

Jonathan Pratt speaks to Adam Kay about music and medicine.

Q: Why did you leave medicine?

I realised I could not do it forever, and I jumped ship.

Q: Do you have a favourite song?

I enjoy the newest ones, because I still hear the jokes fresh.

Nearly as much as it has been seen online.

Yeah, I am grateful for that song, but I would not miss it.

Q: Any advice for students?

Finish your degree. It is always good to have a vocation.

The Christmas show opens on Friday at the Bloomsbury Theatre, with tickets from £16.
"""

NEWS = """Harbour levy talks stall

By Jane Reporter | May 2, 2024

ROTTERDAM: Negotiations over a harbour levy stalled on Tuesday, officials said.

"We are not there yet," said port director Anne de Vries.

Update: The talks resume on Friday.

Source: Port authority.
"""


def _turns(text: str) -> list[tuple[int, str, str | None, str]]:
    """(paragraph, kind, speaker, label as printed) of every answer and question."""
    result = extract_article(text)
    return [
        (s.paragraph, str(s.kind), s.speaker, s.speaker_as_written)
        for s in result.statements
        if s.kind in (QuoteKind.ANSWER, QuoteKind.QUESTION)
    ]


def test_a_q_and_a_interview_is_the_guest_answering_the_writer() -> None:
    reading = read_turns(parse_article(QA))
    assert reading is not None and reading.document_format == DocumentFormat.INTERVIEW
    assert _turns(QA) == [
        (1, "question", "Tom Hale", "Q"),
        (2, "answer", "Ana Ruiz", "A"),
        (3, "answer", "Ana Ruiz", ""),
        (4, "question", "Tom Hale", "Q"),
        (5, "answer", "Ana Ruiz", "A"),
    ]


def test_a_hearing_is_a_transcript_whose_questioner_is_the_one_asking() -> None:
    reading = read_turns(parse_article(HEARING))
    assert reading is not None and reading.document_format == DocumentFormat.TRANSCRIPT
    turns = _turns(HEARING)
    assert {(kind, speaker) for _, kind, speaker, _ in turns} == {
        ("question", "Elizabeth Warren"),
        ("answer", "Jerome Powell"),
    }
    answer = next(s for s in reading.statements if s.kind == QuoteKind.ANSWER)
    assert answer.source is not None and answer.source.kind == SourceKind.SPEECH
    assert answer.source.title == "Senate Banking Committee hearing on bank capital rules"


def test_a_debate_moderator_asks_and_surnames_resolve_to_the_full_names() -> None:
    assert _turns(DEBATE) == [
        (1, "question", "Lena Park", "MODERATOR"),
        (2, "answer", "Rosa Diaz", "DIAZ"),
        (3, "question", "Lena Park", "MODERATOR"),
        (4, "answer", "Carl Webb", "WEBB"),
        (5, "answer", "Rosa Diaz", "DIAZ"),
    ]


def test_role_labels_resolve_to_the_people_named_and_stage_directions_are_no_turn() -> None:
    turns = _turns(ADDRESS)
    assert [speaker for _, _, speaker, _ in turns] == ["Barack Obama", "Michelle Obama"] * 2
    assert {kind for _, kind, _, _ in turns} == {"answer"}
    assert 3 not in [paragraph for paragraph, *_ in turns]  # [PAUSE]


def test_bold_questions_and_unlabelled_answers() -> None:
    assert _turns(BOLD_QUESTIONS) == [
        (1, "question", "Felix", "Felix"),
        (2, "answer", "Ian Walmsley", "Ian"),
        (3, "question", "Felix", ""),
        (4, "answer", "Ian Walmsley", ""),
        (5, "question", "Felix", ""),
        (6, "answer", "Ian Walmsley", ""),
    ]


def test_q_only_interview_with_an_interjection_and_a_closing_line() -> None:
    assert _turns(UNLABELLED_ANSWERS) == [
        (1, "question", "Jonathan Pratt", "Q"),
        (2, "answer", "Adam Kay", ""),
        (3, "question", "Jonathan Pratt", "Q"),
        (4, "answer", "Adam Kay", ""),
        (5, "question", "Jonathan Pratt", ""),
        (6, "answer", "Adam Kay", ""),
        (7, "question", "Jonathan Pratt", "Q"),
        (8, "answer", "Adam Kay", ""),
    ]


def test_news_without_turns_is_read_as_before() -> None:
    article = parse_article(NEWS)
    assert read_turns(article) is None
    assert list(extract_article(NEWS).statements) == attribute_statements(article)[0]


def test_front_matter_forces_the_format() -> None:
    assert read_turns(parse_article("---\nformat: article\n---\n" + QA)) is None
    two_turns = "Remarks\n\nMS. ROE: Thank you all for coming.\n\nMR. POE: Thank you, Jane.\n"
    assert read_turns(parse_article(two_turns)) is None
    forced = read_turns(parse_article("---\nformat: transcript\n---\n" + two_turns))
    assert forced is not None and [s.speaker_as_written for s in forced.statements] == ["MS. ROE", "MR. POE"]
    nothing = extract_article("---\nformat: interview\n---\nHeadline\n\nNo labels here at all.\n")
    assert not nothing.statements and "no turn labels" in nothing.warnings[-1]


def test_answer_spans_index_the_body_without_the_label() -> None:
    result = extract_article(QA)
    body = result.article.body
    for statement in result.statements:
        assert [body[start:end] for start, end in statement.spans] == list(statement.parts)
        assert statement.quote == " ".join(statement.parts)
    answer = next(s for s in result.statements if s.kind == QuoteKind.ANSWER)
    assert not answer.quote.startswith("A:")
    assert answer.rule == Rule.TURN_LABEL and answer.mention is None  # 'A' says what the turn is, not who
    hearing = next(s for s in extract_article(HEARING).statements if s.kind == QuoteKind.ANSWER)
    assert hearing.mention is not None and hearing.mention.kind == MentionKind.LABEL
    assert hearing.mention.text == "CHAIR POWELL"
    continued = next(s for s in result.statements if s.paragraph == 3)
    assert continued.rule == Rule.TURN_ORDER and continued.speaker_as_written == ""


def test_questions_are_kept_without_a_source_and_answers_have_the_interview() -> None:
    result = extract_article("---\npublication: Port Lewis Post\n---\n" + QA)
    question = next(s for s in result.statements if s.kind == QuoteKind.QUESTION)
    answer = next(s for s in result.statements if s.kind == QuoteKind.ANSWER)
    assert question.source is None
    assert answer.source is not None
    assert (answer.source.kind, answer.source.publisher) == (SourceKind.INTERVIEW, "Port Lewis Post")
    assert {speaker.name for speaker in result.speakers} >= {"Tom Hale", "Ana Ruiz"}


def test_a_quote_inside_a_turn_stays_a_quote_beside_the_turn() -> None:
    result = extract_article(QA)
    in_question = [s for s in result.statements if s.paragraph == 4]
    assert [str(s.kind) for s in in_question] == ["question", "direct"]
    assert in_question[1].quote == "this is a cut by another name."
    assert in_question[0].quote.startswith("The union says")


def test_turn_extraction_is_idempotent() -> None:
    for text in (QA, HEARING, DEBATE, ADDRESS, BOLD_QUESTIONS, UNLABELLED_ANSWERS):
        assert extract_article(text).to_dict() == extract_article(text).to_dict()


def test_answers_whose_guest_is_never_named_are_kept_for_a_curator() -> None:
    text = "Budget questions\n\nQ: Why now?\n\nA: Because the money ran out.\n\nQ: And next year?\n\nA: Less.\n"
    result = extract_article(text)
    answers = [s for s in result.statements if s.kind == QuoteKind.ANSWER]
    assert [s.quote for s in answers] == ["Because the money ran out.", "Less."]
    assert {s.speaker for s in answers} == {None}
    assert any("no guest named" in warning for warning in result.warnings)


def test_the_moderator_and_an_audience_member_ask() -> None:
    text = (
        "A town hall on schools\n\nStaff | May 1, 2024\n\n"
        "THE MODERATOR: Welcome. I want to introduce you to Kevin Michel, a teacher.\n\n"
        "AUDIENCE MEMBER: When will schools reopen?\n\n"
        "THE GOVERNOR: By the spring.\n\n"
        "AUDIENCE MEMBER: Thank you.\n\n"
        "THE GOVERNOR: Thank you, Kevin.\n"
    )
    turns = _turns(text)
    assert [(kind, speaker) for _, kind, speaker, _ in turns] == [
        ("question", "moderator"),
        ("question", "Kevin Michel"),
        ("answer", "Governor"),
        ("question", "Kevin Michel"),
        ("answer", "Governor"),
    ]
    governor = next(s for s in extract_article(text).speakers if s.name == "Governor")
    assert not governor.named  # a role the text never fills with a name


SECTION = """Port Lewis mayor defends budget

By Tom Hale | March 3, 2024

Mayor Ana Ruiz defended her budget on Monday. "We did not cut the libraries," she said at a press conference.

Council member Bo Lind disagreed. "It is a cut by another name," he said.

We asked the mayor three questions.

Q: Why move the branches?

A: Because the schools have the space.

Q: Will hours change?

A: They go up.
"""


def test_a_q_and_a_section_inside_a_news_article() -> None:
    result = extract_article(SECTION)
    quoted = [(s.paragraph, s.speaker, str(s.kind)) for s in result.statements if s.paragraph < 3]
    assert quoted == [(0, "Ana Ruiz", "direct"), (1, "Bo Lind", "direct")]
    assert _turns(SECTION) == [
        (3, "question", "Tom Hale", "Q"),
        (4, "answer", "Ana Ruiz", "A"),
        (5, "question", "Tom Hale", "Q"),
        (6, "answer", "Ana Ruiz", "A"),
    ]
    answer = next(s for s in result.statements if s.kind == QuoteKind.ANSWER)
    assert answer.source is not None and answer.source.kind == SourceKind.INTERVIEW


def test_a_surname_two_people_share_is_not_guessed() -> None:
    text = (
        "Family business\n\nStaff | May 1, 2024\n\n"
        "Ann Lee and her brother Tom Lee run the shop.\n\n"
        "LEE: We opened in 1990.\n\nMR. ROSS: Why then?\n\nLEE: Rent was cheap.\n\nMR. ROSS: And now?\n"
    )
    speakers = {speaker for _, _, speaker, label in _turns(text) if label == "LEE"}
    assert speakers == {"Lee"}

"""The scorer: word-overlap matching, speaker folding, non-statements, borderline, micro-averaging."""

from __future__ import annotations

from tracker.extraction import ExtractedStatement
from tracker.extraction.evaluation import combine, overlap_ratios, quote_words, score_article


def _statement(quote: str, speaker: str) -> ExtractedStatement:
    return ExtractedStatement(
        quote=quote, parts=(quote,), spans=((0, len(quote)),), paragraph=0, kind="direct", speaker=speaker
    )


GOLD = {
    "statements": [
        {
            "speaker": "José Álvarez",
            "quote": "We will build one hundred new homes in the city this year.",
            "parts": [],
        },
        {"speaker": "Ann Lee", "quote": "This is a disgrace,", "parts": ["This is a disgrace,"]},
        {"speaker": "Ann Lee", "quote": "maybe", "parts": ["maybe"], "borderline": True},
    ],
    "non_statements": ["Grey Eagle"],
}


def test_quote_words_strip_punctuation_and_case() -> None:
    assert quote_words("“Russia's F-16, now!”") == ["russias", "f16", "now"]


def test_overlap_ratios() -> None:
    assert overlap_ratios("a b c d", "a b c d e") == (1.0, 0.8)


def test_perfect_prediction_with_folded_speaker() -> None:
    predicted = [
        _statement("We will build one hundred new homes in the city this year", "jose alvarez"),
        _statement("This is a disgrace", "ANN LEE"),
    ]
    scores = score_article(GOLD, predicted)
    assert (scores.matched, scores.speaker_correct, scores.predicted, scores.gold) == (2, 2, 2, 2)
    assert scores.e2e_f1 == 1.0 and scores.speaker_accuracy == 1.0


def test_partial_overlap_below_threshold_does_not_match() -> None:
    scores = score_article(GOLD, [_statement("We will build one hundred", "José Álvarez")])
    assert scores.matched == 0 and scores.quote_precision == 0.0


def test_wrong_speaker_counts_for_quotes_not_end_to_end() -> None:
    scores = score_article(GOLD, [_statement("This is a disgrace", "Someone Else")])
    assert scores.quote_precision == 1.0 and scores.quote_recall == 0.5
    assert scores.e2e_precision == 0.0 and scores.speaker_accuracy == 0.0


def test_non_statement_and_borderline() -> None:
    predicted = [
        _statement("Grey Eagle", "X"),
        _statement("maybe", "Ann Lee"),
        _statement("This is a disgrace", "Ann Lee"),
    ]
    scores = score_article(GOLD, predicted)
    assert scores.non_statement_errors == 1
    assert scores.ignored == 1
    assert scores.predicted == 2 and scores.matched == 1


def test_one_to_one_matching() -> None:
    predicted = [_statement("This is a disgrace", "Ann Lee"), _statement("This is a disgrace", "Ann Lee")]
    scores = score_article(GOLD, predicted)
    assert scores.matched == 1 and scores.predicted == 2


def test_dict_predictions_and_combine() -> None:
    first = score_article(GOLD, [{"quote": "This is a disgrace,", "speaker": "Ann Lee"}])
    second = score_article({"statements": [], "non_statements": []}, [])
    total = combine([first, second])
    assert (total.gold, total.predicted, total.matched, total.files) == (2, 1, 1, 2)
    assert total.to_dict()["e2e_recall"] == 0.5


INTERVIEW_GOLD = {
    "statements": [
        {"speaker": "Ana Ruiz", "quote": "We did not cut it, we moved it.", "paragraph": 2, "kind": "answer"},
        {"speaker": "Union", "quote": "a cut by another name", "paragraph": 3, "kind": "direct"},
    ],
    "questions": [
        {"speaker": "Tom Hale", "text": "Why cut the library budget?", "paragraph": 1},
        {"speaker": "Tom Hale", "text": "The union says it is a cut by another name. Is it?", "paragraph": 3},
    ],
}


def _turn(quote: str, speaker: str, kind: str, paragraph: int) -> dict:
    return {"quote": quote, "speaker": speaker, "kind": kind, "paragraph": paragraph}


def test_answers_are_statements_and_predicted_questions_are_not() -> None:
    predicted = [
        _turn("Why cut the library budget?", "Tom Hale", "question", 1),
        _turn("We did not cut it, we moved it.", "Ana Ruiz", "answer", 2),
        _turn("a cut by another name", "Union", "direct", 3),
    ]
    scores = score_article(INTERVIEW_GOLD, predicted)
    assert (scores.gold, scores.predicted, scores.speaker_correct) == (2, 2, 2)
    assert (scores.questions, scores.questions_found, scores.question_errors) == (2, 1, 0)


def test_a_question_stored_as_a_statement_is_an_error() -> None:
    predicted = [
        _turn("Why cut the library budget?", "Tom Hale", "answer", 1),
        # The same words in another paragraph are not that question.
        _turn("Why cut the library budget?", "Ana Ruiz", "direct", 5),
    ]
    scores = score_article(INTERVIEW_GOLD, predicted)
    assert scores.question_errors == 1 and scores.matched == 0


def test_scoring_one_kind_keeps_gold_and_predictions_of_that_kind() -> None:
    predicted = [
        _turn("We did not cut it, we moved it.", "Ana Ruiz", "answer", 2),
        _turn("a cut by another name", "Someone", "direct", 3),
    ]
    scores = score_article(INTERVIEW_GOLD, predicted, kind="answer")
    assert (scores.gold, scores.predicted, scores.e2e_f1) == (1, 1, 1.0)
    assert combine([scores, scores]).questions == 4

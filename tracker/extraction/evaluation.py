"""Scoring extracted statements against a gold annotation (the ``*.gold.json`` format).

A predicted quote matches a gold quote when at least 80% of the words of each are shared
(lowercased word tokens, punctuation stripped), one-to-one.  Speakers are compared by canonical
name, folded by ``keys.fold_name``.  Predictions matching a gold ``non_statements`` string are errors;
gold statements marked ``borderline`` count neither way.

A statement kept without a speaker (no speaker found: left for a curator) claims no attribution. It
counts for quote precision and recall, and against end-to-end recall, but not against end-to-end
precision or speaker accuracy, which measure the attributions made: a wrong speaker is a wrong row, an
unattributed quote is a question. ``unattributed`` counts them, so abstaining is visible.

Interviews and transcripts: gold answers (``"kind": "answer"``) are statements and are scored like quotes;
gold ``questions`` are the interviewer's turns. A predicted question is never a statement: it is matched
against the gold questions only (``questions_found``), and a predicted statement that matches no gold
statement but matches a gold question (in the same paragraph) is a question stored as a claim
(``question_errors``). ``kind`` restricts scoring to one kind of statement (answer-level figures).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from .keys import fold_name
from .types import ExtractedStatement, QuoteKind

MATCH_THRESHOLD = 0.8


def quote_words(text: str) -> list[str]:
    """Lowercased word tokens with punctuation stripped ("Russia's," -> "russias")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    words = []
    for raw in decomposed.split():
        word = "".join(ch for ch in raw if ch.isalnum())
        if word:
            words.append(word)
    return words


def overlap_ratios(predicted: str, gold: str) -> tuple[float, float]:
    """(shared/len(predicted words), shared/len(gold words))."""
    pred_words, gold_words = quote_words(predicted), quote_words(gold)
    if not pred_words or not gold_words:
        return 0.0, 0.0
    shared = sum((Counter(pred_words) & Counter(gold_words)).values())
    return shared / len(pred_words), shared / len(gold_words)


def quotes_match(predicted: str, gold: str) -> bool:
    pred_ratio, gold_ratio = overlap_ratios(predicted, gold)
    return pred_ratio >= MATCH_THRESHOLD and gold_ratio >= MATCH_THRESHOLD


@dataclass(frozen=True, slots=True)
class Scores:
    """Counts for one or more articles; the rates are derived from them."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_correct: int = 0
    non_statement_errors: int = 0
    ignored: int = 0
    # Predicted statements without a speaker, and how many of them matched a gold quote.
    unattributed: int = 0
    matched_unattributed: int = 0
    # Gold questions, predicted questions matching one, and predicted statements that are a gold question.
    questions: int = 0
    questions_found: int = 0
    question_errors: int = 0
    files: int = 1

    @staticmethod
    def _ratio(numerator: int, denominator: int) -> float:
        return numerator / denominator if denominator else 0.0

    @staticmethod
    def _f1(precision: float, recall: float) -> float:
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    @property
    def quote_precision(self) -> float:
        return self._ratio(self.matched, self.predicted) if self.predicted else float(self.gold == 0)

    @property
    def quote_recall(self) -> float:
        return self._ratio(self.matched, self.gold) if self.gold else 1.0

    @property
    def quote_f1(self) -> float:
        return self._f1(self.quote_precision, self.quote_recall)

    @property
    def speaker_accuracy(self) -> float:
        attributed = self.matched - self.matched_unattributed
        return self._ratio(self.speaker_correct, attributed) if attributed else 0.0

    @property
    def e2e_precision(self) -> float:
        attributed = self.predicted - self.unattributed
        return self._ratio(self.speaker_correct, attributed) if attributed else float(self.gold == 0)

    @property
    def e2e_recall(self) -> float:
        return self._ratio(self.speaker_correct, self.gold) if self.gold else 1.0

    @property
    def e2e_f1(self) -> float:
        return self._f1(self.e2e_precision, self.e2e_recall)

    def to_dict(self) -> dict[str, Any]:
        counts = {field.name: getattr(self, field.name) for field in fields(self)}
        rates = {
            name: round(getattr(self, name), 4)
            for name in (
                "quote_precision",
                "quote_recall",
                "quote_f1",
                "speaker_accuracy",
                "e2e_precision",
                "e2e_recall",
                "e2e_f1",
            )
        }
        return {**counts, **rates}


def _get(item: Any, name: str) -> str:
    if isinstance(item, Mapping):
        return str(item.get(name) or "")
    return str(getattr(item, name, "") or "")


def _gold_quote(statement: Mapping[str, Any]) -> str:
    quote = statement.get("quote")
    if quote:
        return str(quote)
    return " ".join(str(part) for part in statement.get("parts", ()))


def _pairs(predicted: list[str], gold: list[str]) -> list[tuple[int, int]]:
    """One-to-one matching: best-overlap pairs first."""
    candidates: list[tuple[float, int, int]] = []
    for p_index, pred in enumerate(predicted):
        for g_index, target in enumerate(gold):
            pred_ratio, gold_ratio = overlap_ratios(pred, target)
            if pred_ratio >= MATCH_THRESHOLD and gold_ratio >= MATCH_THRESHOLD:
                candidates.append((min(pred_ratio, gold_ratio) + pred_ratio + gold_ratio, p_index, g_index))
    candidates.sort(key=lambda item: (-item[0], item[1], item[2]))
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for _, p_index, g_index in candidates:
        if p_index in used_pred or g_index in used_gold:
            continue
        used_pred.add(p_index)
        used_gold.add(g_index)
        pairs.append((p_index, g_index))
    return pairs


def score_article(
    gold: Mapping[str, Any],
    predicted: Sequence[ExtractedStatement | Mapping[str, Any]],
    *,
    kind: str | None = None,
) -> Scores:
    """Score one article's predicted statements against its gold annotation; with ``kind``, only statements
    of that kind, gold and predicted (``"answer"``: an interview's answers alone)."""
    gold_all = [s for s in gold.get("statements", ()) if kind is None or _gold_kind(s) == kind]
    gold_statements = [s for s in gold_all if not s.get("borderline")]
    borderline = [_gold_quote(s) for s in gold_all if s.get("borderline")]
    non_statements = [str(text) for text in gold.get("non_statements", ())]
    gold_questions = [q for q in gold.get("questions", ()) if isinstance(q, Mapping)]
    asked = [item for item in predicted if _get(item, "kind") == QuoteKind.QUESTION]
    predicted = [
        item
        for item in predicted
        if _get(item, "kind") != QuoteKind.QUESTION and (kind is None or (_get(item, "kind") or "direct") == kind)
    ]
    pred_quotes = [_get(item, "quote") or " ".join(_parts(item)) for item in predicted]
    gold_quotes = [_gold_quote(s) for s in gold_statements]

    pairs = _pairs(pred_quotes, gold_quotes)
    matched_pred = {p for p, _ in pairs}
    speakers = [_get(item, "speaker") for item in predicted]
    speaker_correct = 0
    matched_unattributed = 0
    for p_index, g_index in pairs:
        gold_speaker = str(gold_statements[g_index].get("speaker") or "")
        if fold_name(speakers[p_index]) == fold_name(gold_speaker):
            speaker_correct += 1
        elif not speakers[p_index]:
            matched_unattributed += 1
    ignored = 0
    non_statement_errors = 0
    question_errors = 0
    unattributed = 0
    for p_index in range(len(pred_quotes)):
        if p_index in matched_pred:
            unattributed += not speakers[p_index]
        elif any(quotes_match(pred_quotes[p_index], text) for text in borderline):
            ignored += 1
        else:
            unattributed += not speakers[p_index]
            if any(quotes_match(pred_quotes[p_index], text) for text in non_statements):
                non_statement_errors += 1
            if any(_is_question(predicted[p_index], pred_quotes[p_index], question) for question in gold_questions):
                question_errors += 1
    question_texts = [str(question.get("text") or "") for question in gold_questions]
    asked_texts = [_get(item, "quote") or " ".join(_parts(item)) for item in asked]
    return Scores(
        gold=len(gold_statements),
        predicted=len(pred_quotes) - ignored,
        matched=len(pairs),
        speaker_correct=speaker_correct,
        non_statement_errors=non_statement_errors,
        ignored=ignored,
        unattributed=unattributed,
        matched_unattributed=matched_unattributed,
        questions=len(gold_questions),
        questions_found=len(_pairs(asked_texts, question_texts)),
        question_errors=question_errors,
    )


def _gold_kind(statement: Mapping[str, Any]) -> str:
    return str(statement.get("kind") or QuoteKind.DIRECT)


def _is_question(item: Any, quote: str, question: Mapping[str, Any]) -> bool:
    """A predicted statement that is a gold question: the same words, in the same paragraph when both say."""
    paragraph = item.get("paragraph") if isinstance(item, Mapping) else getattr(item, "paragraph", None)
    if paragraph is not None and question.get("paragraph") is not None and paragraph != question["paragraph"]:
        return False
    return quotes_match(quote, str(question.get("text") or ""))


def _parts(item: Any) -> list[str]:
    parts = item.get("parts", ()) if isinstance(item, Mapping) else getattr(item, "parts", ())
    return [str(part) for part in parts]


def combine(scores: Sequence[Scores]) -> Scores:
    """Micro-average: add up the counts of several articles."""
    return Scores(**{field.name: sum(getattr(s, field.name) for s in scores) for field in fields(Scores)})

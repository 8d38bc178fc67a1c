# ruff: noqa: RUF001  (apostrophes are part of the words matched here)
"""Is a document made of turns, and whose turn is each paragraph: the question or the answer, and by whom.

Decided from the labels together (one 'WASHINGTON:' dateline is no interview): labels that recur, that are
bold, that say Q or A, or that name the interviewer or the outlet, confirm each other; three of them, a
fifth of the paragraphs from the first, make turns. The front matter's ``format:`` forces either way.

Then the paragraphs are read in order. A labelled paragraph opens its speaker's turn; an unlabelled one
continues the turn before it, except where the interview's pattern says otherwise: after a question, in
an interview whose answers carry no label, it is the guest's answer; a short line between two answers is
the interviewer's interjection; a bold paragraph is a question; a paragraph between two labels of the same
guest, in an interview whose questions carry no label, is the question between them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .. import lexicon as lx
from ..keys import fold_name
from ..types import DocumentFormat, ParsedArticle, QuoteKind, Rule
from .context import TurnContext, read_context
from .labels import LabelKind, TurnLabel, find_label, is_stage_direction, wholly_emphasised
from .speakers import (
    ASKING_ROLES,
    INTRODUCED_ROLES,
    Voice,
    guest_voice,
    interviewer_voice,
    introduced_person,
    resolve_label,
)

MIN_TURNS = 3
# A label and the speaker it stands for; None for an 'A' when the text names no guest.
Labelled = dict[int, tuple[TurnLabel, Voice | None]]
MIN_TURN_SHARE = 0.2
# An interviewer's interjection between two answers ('Nearly as much as it's been seen on YouTube.').
_INTERJECTION_WORDS = 12
# Who asks, when no label says so: the voice whose turns are questions this often, twice as often as any other.
_ASKING_SHARE = 0.35
_INTERVIEW_RE = re.compile(r"\binterview|\bq\s?&\s?a\b", re.IGNORECASE)
_FIRST_PERSON_RE = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|me|my|mine|we|we['’](?:re|ve|d|ll)|us|our|ours)\b", re.I)


@dataclass(frozen=True, slots=True)
class TurnParagraph:
    """One paragraph of a turn: an answer or a question, its speaker, and the label it was printed with."""

    paragraph: int
    kind: QuoteKind
    voice: Voice | None
    label: TurnLabel | None
    rule: Rule
    confidence: float


@dataclass(frozen=True, slots=True)
class TurnLayout:
    """The turns of a document, read in order."""

    document_format: DocumentFormat
    context: TurnContext
    turns: tuple[TurnParagraph, ...]
    warnings: tuple[str, ...] = ()


@dataclass
class _Reading:
    """Where the walk through the paragraphs is: whose turn it is, and who last asked and answered."""

    kind: QuoteKind | None = None
    voice: Voice | None = None
    asker: Voice | None = None
    answerer: Voice | None = None
    by_label: dict[str, Voice] = field(default_factory=dict)
    turns: list[TurnParagraph] = field(default_factory=list)


def read_layout(article: ParsedArticle) -> TurnLayout | None:
    """The turns of ``article``; None when it is an ordinary article (or its front matter says so)."""
    forced = article.document_format
    if forced == DocumentFormat.ARTICLE:
        return None
    candidates = {
        index: label
        for index, span in enumerate(article.paragraphs)
        if (label := find_label(article.body, span, article.emphasis)) is not None
    }
    bold = _bold_paragraphs(article, candidates)
    if forced is None and len(candidates) + len(bold) < MIN_TURNS:
        return None
    if not candidates:
        return _no_turns(article, forced)
    if forced is None and not _turn_like(candidates, bold):
        return None  # reading every name of the article is the costly step; most articles stop here
    context = read_context(article, min(candidates))
    confirmed = _confirmed(candidates, context, article.body, forced is not None)
    if confirmed and min(confirmed) != min(candidates):
        context = read_context(article, min(confirmed))
        confirmed = _confirmed(candidates, context, article.body, forced is not None)
    if not confirmed:
        return _no_turns(article, forced)
    if forced is None and not _makes_turns(confirmed, bold, article):
        return None
    labels = _labels_in_turns(candidates, confirmed, context, article.body)
    asking = _asking_voices(labels, context, article)
    document_format = forced or _format_of(context, asking)
    reading = _Reading()
    bold_after = {index for index in bold if index > min(labels)}
    _walk(article, labels, bold_after, asking, context, document_format, reading)
    warnings = []
    if any(turn.voice is None for turn in reading.turns):
        warnings.append("interview answers without a label: no guest named in the headline or introduction")
    return TurnLayout(document_format, context, tuple(reading.turns), tuple(warnings))


def _turn_like(candidates: dict[int, TurnLabel], bold: set[int]) -> bool:
    """Labels that look like turns before any name is read: a label printed twice, a Q or A mark, a label in
    bold, or questions in bold between them."""
    texts = [fold_name(label.text) for label in candidates.values()]
    return (
        len(set(texts)) < len(texts)
        or any(label.kind in (LabelKind.QUESTION_MARK, LabelKind.ANSWER_MARK) for label in candidates.values())
        or any(label.emphasised for label in candidates.values())
        or bool(bold)
    )


def _no_turns(article: ParsedArticle, forced: DocumentFormat | None) -> TurnLayout | None:
    if forced is None:
        return None
    line = article.paragraph_lines[0] if article.paragraph_lines else 1
    warning = f"line {line}: format {forced} given, but no turn labels ('Q:', 'NAME:') found; read as an article"
    context = read_context(article, len(article.paragraphs))
    return TurnLayout(forced, context, (), (warning,))


def _confirmed(candidates: dict[int, TurnLabel], context: TurnContext, body: str, forced: bool) -> Labelled:
    """The candidate labels that other labels or the text confirm (all of them when the front matter says the
    text is made of turns), with their speakers."""
    voices = {index: resolve_label(label, context, body) for index, label in candidates.items()}
    counts = Counter(voice.key for voice in voices.values() if voice is not None)
    question_marks = sum(label.kind == LabelKind.QUESTION_MARK for label in candidates.values())
    known = {fold_name(name) for name in (context.interviewer, context.byline, context.publication) if name}
    confirmed = {}
    for index, label in candidates.items():
        voice = voices[index]
        if forced or label.kind == LabelKind.ANSWER_MARK:
            sure = True
        elif label.kind == LabelKind.QUESTION_MARK:
            sure = question_marks >= 2
        elif voice is None or (
            label.kind == LabelKind.NAME and not (voice.grounded or label.emphasised or len(label.text.split()) > 1)
        ):
            sure = False  # 'Look: …' is how an answer starts, not a speaker
        else:
            sure = label.emphasised or counts[voice.key] >= 2 or voice.key in known or voice.role in ASKING_ROLES
        if sure:
            confirmed[index] = (label, voice)
    return confirmed


def _bold_paragraphs(article: ParsedArticle, candidates: dict[int, TurnLabel]) -> set[int]:
    """Unlabelled paragraphs set in bold or italics throughout: questions in many interviews."""
    if not article.emphasis:
        return set()
    return {
        index
        for index, span in enumerate(article.paragraphs)
        if index not in candidates and wholly_emphasised(span, article.emphasis, article.body)
    }


def _makes_turns(confirmed: Labelled, bold: set[int], article: ParsedArticle) -> bool:
    """Enough confirmed labels (and bold questions after them), from two voices or behind 'Q', densely enough."""
    first = min(confirmed)
    turns = len(confirmed) + (sum(index > first for index in bold) if len(confirmed) >= 2 else 0)
    if turns < MIN_TURNS:
        return False
    voices = {voice.key for _, voice in confirmed.values() if voice is not None}
    question_marks = sum(label.kind == LabelKind.QUESTION_MARK for label, _ in confirmed.values())
    if len(voices) < 2 and question_marks < MIN_TURNS - 1:
        return False
    return turns >= MIN_TURN_SHARE * (len(article.paragraphs) - first)


def _labels_in_turns(
    candidates: dict[int, TurnLabel], confirmed: Labelled, context: TurnContext, body: str
) -> Labelled:
    """Confirmed labels, and a speaker's single turn among them or just before them: 'SEN. GRASSLEY:' said once,
    'THE CHAIRMAN:' opening the hearing."""
    labels = dict(confirmed)
    first = min(confirmed)
    while first - 1 in candidates and _single_turn(candidates[first - 1], context, body) is not None:
        first -= 1
    for index, label in candidates.items():
        if index not in labels and index >= first and (voice := _single_turn(label, context, body)) is not None:
            labels[index] = (label, voice)
    return labels


def _single_turn(label: TurnLabel, context: TurnContext, body: str) -> Voice | None:
    """The speaker of a label printed once, if it is a title or a name the text prints ('MR. ROE', 'THE CHAIR')."""
    if label.kind != LabelKind.CAPITALS:
        return None
    words = fold_name(label.text).split()
    voice = resolve_label(label, context, body)
    if voice is not None and (voice.grounded or words[0] == "the" or words[0] in lx.HONORIFICS):
        return voice
    return None


def _format_of(context: TurnContext, asking: set[str]) -> DocumentFormat:
    """An interview when the headline or introduction says so, or the writer or outlet asks; otherwise a
    transcript (a briefing's reporters, a hearing's counsel, a moderator)."""
    writers = {fold_name(name) for name in (context.interviewer, context.byline, context.publication) if name}
    if asking & writers or _INTERVIEW_RE.search(context.introduction):
        return DocumentFormat.INTERVIEW
    return DocumentFormat.TRANSCRIPT


def _asking_voices(labels: Labelled, context: TurnContext, article: ParsedArticle) -> set[str]:
    """The speakers whose turns are questions: behind 'Q', by role ('AUDIENCE MEMBER'), the interviewer or
    outlet the text names, else the one voice whose turns are mostly questions (the counsel, the moderator)."""
    voices = [(label, voice) for label, voice in labels.values() if voice is not None]
    asking = {voice.key for label, voice in voices if label.kind == LabelKind.QUESTION_MARK}
    known = {fold_name(name) for name in (context.interviewer, context.byline, context.publication) if name}
    asking |= {voice.key for _, voice in voices if voice.key in known}
    if asking:
        return asking
    questions: Counter[str] = Counter()
    turns: Counter[str] = Counter()
    for index, (label, voice) in labels.items():
        if voice is None or label.kind == LabelKind.ANSWER_MARK or voice.role in ASKING_ROLES:
            continue
        turns[voice.key] += 1
        questions[voice.key] += "?" in article.paragraph_text(index)
    shares = sorted(((questions[key] / count, key) for key, count in turns.items() if count >= 2), reverse=True)
    if shares and shares[0][0] >= _ASKING_SHARE and (len(shares) == 1 or shares[0][0] >= 2 * shares[1][0]):
        return {shares[0][1]}
    return set()


def _walk(
    article: ParsedArticle,
    labels: Labelled,
    bold: set[int],
    asking: set[str],
    context: TurnContext,
    document_format: DocumentFormat,
    reading: _Reading,
) -> None:
    """Read the paragraphs from the first label on, appending each turn's paragraph to ``reading.turns``."""
    first, last = min(labels), max([*labels, *bold])
    answers_unlabelled = _answers_unlabelled(article, labels, bold, asking)
    questions_unlabelled = sum(_asks(voice, asking) for _, voice in labels.values()) <= 1
    for index in range(first, len(article.paragraphs)):
        text = article.paragraph_text(index)
        if is_stage_direction(text):
            continue
        if index in labels:
            label, voice = labels[index]
            voice = _occurrence_voice(article, index, voice, context, reading)
            kind = QuoteKind.QUESTION if _asks(voice, asking) else QuoteKind.ANSWER
            _add(reading, index, kind, voice, label=label, confidence=0.9)
        elif index in bold and (document_format == DocumentFormat.INTERVIEW or text.rstrip().endswith("?")):
            _add(reading, index, QuoteKind.QUESTION, reading.asker or interviewer_voice(context), confidence=0.8)
        elif reading.kind == QuoteKind.QUESTION and answers_unlabelled:
            _add(reading, index, QuoteKind.ANSWER, reading.answerer or guest_voice(context), confidence=0.7)
        elif index > last and document_format == DocumentFormat.INTERVIEW and not _FIRST_PERSON_RE.search(text):
            break  # a closing line about the guest ('The show runs until …'), not their words
        elif reading.kind == QuoteKind.ANSWER and (
            (answers_unlabelled and _interjection(article, index, labels, bold))
            or (questions_unlabelled and _between_same_labels(index, labels, reading))
        ):
            _add(reading, index, QuoteKind.QUESTION, reading.asker or interviewer_voice(context), confidence=0.5)
        elif reading.kind is not None:
            _add(reading, index, reading.kind, reading.voice, confidence=0.8)


def _add(
    reading: _Reading,
    index: int,
    kind: QuoteKind,
    voice: Voice | None,
    *,
    label: TurnLabel | None = None,
    confidence: float,
) -> None:
    """Append a turn's paragraph: its label's rule when it has one, else the order of the turns."""
    rule = Rule.TURN_LABEL if label is not None else Rule.TURN_ORDER
    reading.turns.append(TurnParagraph(index, kind, voice, label, rule, confidence))
    reading.kind, reading.voice = kind, voice
    if kind == QuoteKind.QUESTION:
        reading.asker = voice
    else:
        reading.answerer = voice


def _asks(voice: Voice | None, asking: set[str]) -> bool:
    return voice is not None and (voice.key in asking or voice.role in ASKING_ROLES)


def _occurrence_voice(
    article: ParsedArticle, index: int, voice: Voice | None, context: TurnContext, reading: _Reading
) -> Voice | None:
    """An 'AUDIENCE MEMBER' is the person the moderator has just introduced, until another is."""
    if voice is None or voice.role not in INTRODUCED_ROLES or voice.named:
        return voice
    start = article.paragraphs[max(index - 3, 0)][0]
    taken = {turn.voice.key for turn in reading.turns if turn.voice is not None}
    name = introduced_person(start, article.paragraphs[index][0], context, taken)
    if name:
        reading.by_label[voice.key] = Voice(name, role=voice.role)
    return reading.by_label.get(voice.key, voice)


def _answers_unlabelled(article: ParsedArticle, labels: Labelled, bold: set[int], asking: set[str]) -> bool:
    """Whether questions are followed by unlabelled paragraphs more often than by labelled answers."""
    questions = [index for index, (_, voice) in labels.items() if _asks(voice, asking)] + sorted(bold)
    labelled = unlabelled = 0
    for index in questions:
        after = index + 1
        while after < len(article.paragraphs) and is_stage_direction(article.paragraph_text(after)):
            after += 1
        if after >= len(article.paragraphs) or after in bold:
            continue
        if after in labels:
            labelled += 1
        else:
            unlabelled += 1
    return unlabelled > labelled


def _interjection(article: ParsedArticle, index: int, labels: Labelled, bold: set[int]) -> bool:
    """A short line between two unlabelled answers."""
    after = index + 1
    return (
        len(article.paragraph_text(index).split()) <= _INTERJECTION_WORDS
        and after < len(article.paragraphs)
        and after not in labels
        and after not in bold
        and not is_stage_direction(article.paragraph_text(after))
    )


def _between_same_labels(index: int, labels: Labelled, reading: _Reading) -> bool:
    """'McKelvey: … / <question> / McKelvey: …': the paragraph just before the same guest's next label."""
    voice = labels[index + 1][1] if index + 1 in labels else None
    return voice is not None and reading.voice is not None and voice.key == reading.voice.key

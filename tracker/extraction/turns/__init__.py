"""Interviews and transcripts: statements in labelled turns rather than quote marks.

'Q: … A: …', 'MR. SULLIVAN: …', 'THE PRESIDENT: …', '**Jane Doe:** …'. Stages, each a module: find the
labels at paragraph starts (``labels``); read the names around them (``context``); resolve each label to
its speaker (``speakers``); decide whether the document is made of turns and whose turn each paragraph is
(``layout``); build the statements and speakers (``statements``). Answers are statements of kind
``answer``; questions, kind ``question``, are kept as the interviewer's turns, never claims. Quotes inside
turns are left to quote attribution, like any other quote.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .. import lexicon as lx
from ..aliases import name_aliases
from ..keys import fold_name
from ..tokens import bare
from ..types import DocumentFormat, ExtractedSpeaker, ExtractedStatement, ParsedArticle
from .layout import read_layout
from .statements import build_turn_statements, turn_speakers

__all__ = ["TurnReading", "merge_turns", "read_turns"]


@dataclass(frozen=True, slots=True)
class TurnReading:
    """The turns of an interview or transcript as statements, their speakers, and warnings."""

    document_format: DocumentFormat
    statements: tuple[ExtractedStatement, ...]
    speakers: tuple[ExtractedSpeaker, ...]
    warnings: tuple[str, ...] = ()


def read_turns(article: ParsedArticle) -> TurnReading | None:
    """The answers and questions of ``article``; None for an article without turns."""
    layout = read_layout(article)
    if layout is None:
        return None
    return TurnReading(
        document_format=layout.document_format,
        statements=tuple(build_turn_statements(article, layout)),
        speakers=tuple(turn_speakers(layout)),
        warnings=layout.warnings,
    )


def merge_turns(
    reading: TurnReading, quoted: tuple[ExtractedStatement, ...], speakers: tuple[ExtractedSpeaker, ...]
) -> tuple[tuple[ExtractedStatement, ...], tuple[ExtractedSpeaker, ...]]:
    """The turns' statements and the quoted ones in body order; their speakers, each once.

    A quote inside an answer stays a statement of whoever the quote attribution found, beside the answer;
    a speaker it names with a title the turns' speaker has without ('Col. North', 'North') is that speaker.
    """
    by_bare_name = {_bare_name(speaker.name): speaker.name for speaker in reading.speakers}
    renamed = {
        speaker.name: by_bare_name[_bare_name(speaker.name)]
        for speaker in speakers
        if _bare_name(speaker.name) in by_bare_name
    }
    quoted = tuple(
        replace(statement, speaker=renamed[statement.speaker]) if statement.speaker in renamed else statement
        for statement in quoted
    )
    statements = sorted([*reading.statements, *quoted], key=lambda statement: statement.spans[0][0])
    merged = {fold_name(speaker.name): speaker for speaker in reading.speakers}
    for speaker in speakers:
        if speaker.name not in renamed:
            merged.setdefault(fold_name(speaker.name), speaker)
            continue
        turn_speaker = merged[fold_name(renamed[speaker.name])]
        printed = [*turn_speaker.aliases, speaker.name, *speaker.aliases]
        merged[fold_name(turn_speaker.name)] = replace(turn_speaker, aliases=name_aliases(turn_speaker.name, printed))
    return tuple(statements), tuple(merged.values())


def _bare_name(name: str) -> str:
    """A name without its titles, folded: 'Col. North' and 'North' are one key."""
    words = [word for word in name.split() if bare(word) not in lx.HONORIFICS and bare(word) not in lx.TITLE_WORDS]
    return fold_name(" ".join(words) or name)

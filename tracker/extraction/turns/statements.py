"""From turns to statements: each paragraph an answer or a question, its span the words after the label,
its source the interview (with the outlet) or the event the headline names; and the speakers who spoke."""

from __future__ import annotations

import re

from .. import lexicon as lx
from ..keys import fold_name
from ..phrases import split_role
from ..sources import source_key
from ..types import (
    DocumentFormat,
    ExtractedMention,
    ExtractedSource,
    ExtractedSpeaker,
    ExtractedStatement,
    MentionKind,
    ParsedArticle,
    QuoteKind,
    SourceKind,
)
from .context import TurnContext
from .layout import TurnLayout, TurnParagraph
from .speakers import Voice

# A headline that names the event a transcript records: 'Press Briefing by …', 'Remarks by … in a Town Hall'.
_EVENT_RE = re.compile(
    r"\b(?:briefing|press\s+conference|news\s+conference|remarks|address|speech|hearing|testimony|debate"
    r"|town\s+hall|roundtable|interview|q\s?&\s?a|discussion|conversation)\b",
    re.IGNORECASE,
)
# An answer whose speaker the text never names is kept for a curator, as least certain as an unattributed quote.
_UNATTRIBUTED_CONFIDENCE = 0.2
_QUOTED_RE = re.compile(r"[“\"]([^”\"]{2,60})[”\"]")


def build_turn_statements(article: ParsedArticle, layout: TurnLayout) -> list[ExtractedStatement]:
    """One statement per turn paragraph with words after its label, in body order."""
    source = turn_source(layout.document_format, layout.context)
    statements = []
    for turn in layout.turns:
        start = turn.label.content_start if turn.label is not None else article.paragraphs[turn.paragraph][0]
        end = article.paragraphs[turn.paragraph][1]
        if start >= end:
            continue  # a label alone on its line: the words follow in the next paragraph
        statements.append(_statement(article, turn, (start, end), source))
    return statements


def _statement(
    article: ParsedArticle, turn: TurnParagraph, span: tuple[int, int], source: ExtractedSource
) -> ExtractedStatement:
    words = article.body[span[0] : span[1]]
    voice = turn.voice
    label = turn.label
    mention = None
    if label is not None and not label.marks_turn:
        mention = ExtractedMention(text=label.text, kind=MentionKind.LABEL, span=(label.start, label.end))
    spoken_source = None
    if turn.kind == QuoteKind.ANSWER and voice is not None:
        # Questions are the interviewer's turns, not claims: no original source is recorded for them.
        spoken_source = ExtractedSource(source.kind, source.title, source.publisher, source_key(source, voice.name))
    return ExtractedStatement(
        quote=words,
        parts=(words,),
        spans=(span,),
        paragraph=turn.paragraph,
        kind=turn.kind,
        speaker=voice.name if voice is not None else None,
        speaker_as_written=label.text if label is not None else "",
        role=voice.role if voice is not None and voice.named else "",
        cue="",
        source=spoken_source,
        confidence=turn.confidence if voice is not None else _UNATTRIBUTED_CONFIDENCE,
        rule=turn.rule,
        mention=mention,
    )


def turn_source(document_format: DocumentFormat, context: TurnContext) -> ExtractedSource:
    """An interview with the outlet, or the briefing, hearing or debate the headline names."""
    if document_format == DocumentFormat.INTERVIEW:
        return ExtractedSource(SourceKind.INTERVIEW, publisher=_outlet(context))
    title = context.headline if _EVENT_RE.search(context.headline) else ""
    return ExtractedSource(SourceKind.SPEECH, title=title)


def _outlet(context: TurnContext) -> str:
    """The outlet a headline names ('Interview … by Jamie Little, “Fox Sports”'), else the publication."""
    for quoted in _QUOTED_RE.findall(context.headline):
        if quoted[:1].isupper() and len(quoted.split()) <= 4:
            return quoted
    for medium in sorted(lx.MEDIA, key=len, reverse=True):
        if re.search(rf"\b{re.escape(medium)}\b", context.headline):
            return medium
    return context.publication


def turn_speakers(layout: TurnLayout) -> list[ExtractedSpeaker]:
    """The speakers of the turns, in order of first turn, with the surnames they were labelled by."""
    voices: dict[str, Voice] = {}
    labels: dict[str, list[str]] = {}
    for turn in layout.turns:
        if turn.voice is None:
            continue
        voices.setdefault(turn.voice.key, turn.voice)
        if turn.label is not None:
            labels.setdefault(turn.voice.key, []).append(turn.label.text)
    return [_speaker(voice, labels.get(key, [])) for key, voice in voices.items()]


def _speaker(voice: Voice, labels: list[str]) -> ExtractedSpeaker:
    surname = fold_name(voice.name).split()[-1] if voice.named else ""
    # Only a label in ordinary case that is the surname is a name worth keeping ('McKelvey'); 'JR', 'Q',
    # 'THE PRESIDENT' and first names are how this text labels a turn, not names to match others on.
    aliases = tuple(
        dict.fromkeys(
            label
            for label in labels
            if not label.isupper() and fold_name(label) == surname and fold_name(label) != fold_name(voice.name)
        )
    )
    title = voice.title or voice.role
    roles = (split_role(title),) if title and voice.named else ()
    return ExtractedSpeaker(
        name=voice.name,
        kind=voice.kind,
        aliases=aliases,
        roles=tuple(role for role in roles if role[0]),
        description=voice.name if not voice.named else title,
        named=voice.named,
    )

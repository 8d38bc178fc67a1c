"""From attributed quote candidates to ExtractedStatements: one per paragraph, with spans, source, confidence."""

from __future__ import annotations

import re
from dataclasses import replace

from ..phrases import classify
from ..sources import source_key
from ..tokens import tokenize
from ..types import ExtractedMention, ExtractedSource, ExtractedStatement, MentionKind, QuoteKind, Rule, SpeakerKind
from .entities import Entity
from .memory import Attribution, Discourse, QuoteCandidate
from .text import ArticleText

# A quote nobody could be found to have said is kept, but flagged as the least certain of all.
_UNATTRIBUTED_CONFIDENCE = 0.2
_MEMBERS_RE = re.compile(
    r"\b(?:signatories|signers|co-signers|cosigners|members|those who signed(?: it)?|the group)"
    r"\s+(?:include|included|includes|are|were|comprise|comprised)\s+([^.\x01]+)"
)
# The words a _MEMBERS_RE match can start with.
_MEMBER_STARTS = ("signatories", "signers", "co-signers", "cosigners", "members", "those who signed", "the group")


def build_statements(text: ArticleText, memory: Discourse) -> list[ExtractedStatement]:
    """The statements of the attributed candidates, in reading order; unattributed speech is kept without
    a speaker, for a curator to attribute."""
    for candidate in memory.quotes:
        # An unnamed role named later in the article ("The chief executive of Acme …").
        if candidate.attribution is not None and candidate.attribution.entity is not None:
            named = memory.registry.named_later(candidate.attribution.entity)
            if named is not None:
                candidate.attribution = replace(candidate.attribution, entity=named)
                named.spoke = True
    statements: list[ExtractedStatement] = []
    carried: dict[int, ExtractedSource] = {}
    read: dict[int, list[QuoteCandidate]] = {}  # the candidates read so far, by paragraph
    for candidate in memory.quotes:
        earlier = read.setdefault(candidate.paragraph, [])
        attribution = candidate.attribution
        if candidate.merged_into is not None:
            earlier.append(candidate)
            continue
        if candidate.unattributed and attribution is None:
            lines = text.article.paragraph_lines
            line = lines[candidate.paragraph] if lines else 0
            words = text.body[slice(*candidate.parts[0])]
            memory.warnings.append(f"line {line}: no speaker found for the quote {words[:50]!r}; kept unattributed")
            attribution = Attribution(None, "", "", "", Rule.UNATTRIBUTED, confidence=_UNATTRIBUTED_CONFIDENCE)
        elif candidate.dropped or attribution is None or attribution.entity is None:
            earlier.append(candidate)
            continue
        entity = attribution.entity
        source = _source_for(text, memory, candidate, entity, earlier, carried) if entity is not None else None
        earlier.append(candidate)
        statements.extend(_statements_of(text, candidate, attribution, source))
    return statements


def _statements_of(
    text: ArticleText, candidate: QuoteCandidate, attribution: Attribution, source: ExtractedSource | None
) -> list[ExtractedStatement]:
    """One statement per paragraph the quote runs over, its spans trimmed of a partial quote's final stop."""
    groups: dict[int, list[tuple[int, int]]] = {}
    for span in candidate.parts:
        groups.setdefault(text.paragraph_at(span[0]), []).append(span)
    statements = []
    for number, (paragraph, group) in enumerate(sorted(groups.items())):
        kind = candidate.kind if number == 0 else QuoteKind.DIRECT
        spans = tuple(group)
        if kind == QuoteKind.PARTIAL:
            # A full stop or comma closing a quoted fragment belongs to the sentence, not the quote.
            spans = tuple((s, e - 1) if e - s > 1 and text.body[e - 1] in ".," else (s, e) for s, e in spans)
        parts = tuple(text.body[s:e] for s, e in spans)
        confidence = attribution.confidence
        if not candidate.quote.closed:
            confidence -= 0.2
        if kind == QuoteKind.PARTIAL:
            confidence -= 0.1
        statements.append(
            ExtractedStatement(
                quote=" ".join(parts),
                parts=parts,
                spans=spans,
                paragraph=paragraph,
                kind=kind,
                speaker=attribution.entity.name if attribution.entity is not None else None,
                speaker_as_written=attribution.as_written,
                role=attribution.role,
                cue=attribution.cue,
                source=source,
                confidence=round(max(0.05, min(1.0, confidence)), 2),
                rule=attribution.rule,
                mention=_mention(attribution),
            )
        )
    return statements


def _mention(attribution: Attribution) -> ExtractedMention | None:
    phrase = attribution.mention
    if phrase is None:
        return None
    return ExtractedMention(text=phrase.text, kind=phrase.kind, span=(phrase.start, phrase.end))


def _source_for(
    text: ArticleText,
    memory: Discourse,
    candidate: QuoteCandidate,
    entity: Entity,
    earlier: list[QuoteCandidate],
    carried: dict[int, ExtractedSource],
) -> ExtractedSource | None:
    """Where the quote was originally said: named in its sentence, earlier in its paragraph for the same
    speaker ("In an interview …, X said … He added …"), or last said of the speaker in the article."""
    attribution = candidate.attribution
    assert attribution is not None
    start = text.sentence_start(candidate.sentence_text, candidate.paragraph)
    source = text.source_in(candidate.sentence_text, attribution.lemma, start)
    if source is None:
        for other in earlier:
            if other.attribution is not None and other.attribution.entity is entity:
                start = text.sentence_start(other.sentence_text, other.paragraph)
                source = text.source_in(other.sentence_text, "", start) or source
    if source is None:
        source = carried.get(id(entity)) or memory.sources.get(id(entity))
    if source is None:
        return None
    if not source.key:
        source = ExtractedSource(source.kind, source.title, source.publisher, source_key(source, entity.name))
    carried[id(entity)] = source
    return source


def add_group_members(text: ArticleText, memory: Discourse) -> None:
    """'Signatories include Ann Lee and Bo Chen': the members of the group that last spoke."""
    for match in _members_matches(text.masked):
        groups = [e for e in memory.registry.entities if e.kind == SpeakerKind.GROUP and e.spoke]
        if not groups:
            continue
        group = max(groups, key=lambda e: e.last_seen)
        for item in re.split(r",\s+(?:and\s+)?|\s+and\s+", match.group(1)):
            item = item.strip()
            if not item or item[0].islower():
                continue
            tokens = tokenize(item, 0, len(item))
            phrase = classify(item, [t for t in tokens if t.is_word])
            if phrase is not None and phrase.kind == MentionKind.NAME and phrase.name not in group.members:
                group.members.append(phrase.name)


def _members_matches(text: str) -> list[re.Match[str]]:
    """_MEMBERS_RE.finditer(text), trying the regex only where one of its first words starts (much faster)."""
    starts: set[int] = set()
    for word in _MEMBER_STARTS:
        position = text.find(word)
        while position >= 0:
            starts.add(position)
            position = text.find(word, position + 1)
    matches: list[re.Match[str]] = []
    resume = 0
    for position in sorted(starts):
        if position < resume:
            continue
        match = _MEMBERS_RE.match(text, position)
        if match is not None:
            matches.append(match)
            resume = match.end()
    return matches

"""Extraction results into the database: one transaction per article, upserts on natural keys, counts back."""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from simple_history.utils import bulk_create_with_history

from .extraction import (
    ArticleFormatError,
    ExtractedSpeaker,
    ExtractionResult,
    decode_article,
    extract_article,
)
from .extraction import normalise_body as normalise_article_body
from .models import (
    Article,
    Publication,
    Source,
    Speaker,
    SpeakerAlias,
    SpeakerRole,
    Statement,
    sha256_of_body,
    validate_spans,
)
from .naming import fold_name

MAX_FILE_BYTES = 5 * 1024 * 1024
ARTICLE_SUFFIXES = {".txt", ".md"}
# One lock id for all loaders: concurrent load_seeds processes take turns per article instead of racing.
LOAD_LOCK_ID = zlib.crc32(b"tracker.ingest.load_article")


class ArticleLoadError(Exception):
    """A file that cannot be loaded; the message names the file and, where it applies, the line."""

    def __init__(self, path: Path | str, reason: str, line: int | None = None):
        self.path, self.reason, self.line = str(path), reason, line
        where = f"{self.path}, line {line}" if line else self.path
        super().__init__(f"{where}: {reason}")


@dataclass
class LoadCounts:
    """How many records a load created and how many it found already present."""

    articles_created: int = 0
    articles_present: int = 0
    statements_created: int = 0
    statements_present: int = 0
    speakers_created: int = 0
    speakers_present: int = 0
    sources_created: int = 0
    sources_present: int = 0

    def add(self, other: LoadCounts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def summary(self) -> str:
        return ", ".join(
            f"{noun}: {getattr(self, noun + '_created')} created, {getattr(self, noun + '_present')} already present"
            for noun in ("articles", "statements", "speakers", "sources")
        )


@dataclass
class LoadReport:
    """The outcome of loading many files: totals, and each file that failed with its reason."""

    counts: LoadCounts = field(default_factory=LoadCounts)
    loaded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[ArticleLoadError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def find_article_files(paths: Iterable[Path | str]) -> list[Path]:
    """The article files named by ``paths``: files as given, directories expanded to their .txt/.md entries.

    An entry with an article suffix that is not a readable file (a folder, a broken link) is kept, so that
    reading it reports the problem by name instead of skipping it silently.
    """
    found: list[Path] = []
    for raw_path in paths:
        path = Path(raw_path)
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in ARTICLE_SUFFIXES))
        else:
            found.append(path)
    return found


def read_article_file(path: Path) -> ExtractionResult:
    """Read and extract one article file, raising ArticleLoadError that names the file (and line)."""
    try:
        if path.is_dir():
            raise ArticleLoadError(path, "is a directory, not an article file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ArticleLoadError(
                path, f"is {size:,} bytes; articles larger than {MAX_FILE_BYTES:,} bytes are refused"
            )
        data = path.read_bytes()
    except ArticleLoadError:
        raise
    except OSError as error:
        raise ArticleLoadError(path, f"cannot be read: {error.strerror or error}") from error
    try:
        return extract_article(decode_article(data))
    except ArticleFormatError as error:
        raise ArticleLoadError(path, error.message, error.line) from error


def load_paths(paths: Sequence[Path | str], *, dry_run: bool = False, strict: bool = False) -> LoadReport:
    """Load every article file under ``paths``; each in its own transaction, failures reported, not raised.

    With ``strict``, a file whose extraction gave warnings (unbalanced quote marks and the like) is refused
    like a malformed one instead of loading.
    """
    report = LoadReport()
    for path in find_article_files(paths):
        try:
            result = read_article_file(path)
            if strict and result.warnings:
                raise ArticleLoadError(path, "; ".join(result.warnings) + " (refused by --strict)")
            counts = load_article(result, seed_file=str(path), dry_run=dry_run)
        except ArticleLoadError as error:
            report.errors.append(error)
            continue
        report.counts.add(counts)
        (report.loaded if counts.articles_created else report.skipped).append(str(path))
        report.warnings.extend(f"{path}: {warning}" for warning in result.warnings)
    return report


def load_article(result: ExtractionResult, *, seed_file: str = "", dry_run: bool = False) -> LoadCounts:
    """Store one extracted article with its speakers, sources and statements, all or nothing.

    The article's normalised-body hash is its natural key: an article already stored is left exactly as it
    is (curated statements are never overwritten) and counted as present. With ``dry_run`` the same work is
    done and then rolled back, so the counts say what a real load would create.
    """
    sha = sha256_of_body(normalise_article_body(result.article.body))
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOAD_LOCK_ID])
        existing = Article.objects.filter(body_sha256=sha).first()
        if existing is not None:
            return LoadCounts(articles_present=1, statements_present=existing.statements.count())
        try:
            counts = _create_article(result, sha=sha, seed_file=seed_file)
        except IntegrityError as error:
            raise ArticleLoadError(seed_file, f"conflicts with a stored record ({error})") from error
        except ValidationError as error:
            raise ArticleLoadError(seed_file, f"extraction produced an invalid statement: {error}") from error
        if dry_run:
            transaction.set_rollback(True)
        return counts


def _create_article(result: ExtractionResult, *, sha: str, seed_file: str) -> LoadCounts:
    counts = LoadCounts(articles_created=1)
    parsed = result.article
    publication = _publication(parsed.publication)
    if parsed.url and Article.objects.filter(url=parsed.url).exists():
        raise ArticleLoadError(seed_file, f"an article with url {parsed.url} is already stored with another body")
    article = Article.objects.create(
        title=parsed.title,
        byline=parsed.byline,
        published=parsed.published,
        publication=publication,
        url=parsed.url,
        language=parsed.language or "en",
        body=parsed.body,
        body_sha256=sha,
        seed_file=seed_file,
    )

    speakers = {fold_name(speaker.name): speaker for speaker in result.speakers}
    resolved: dict[str, Speaker] = {}
    for statement in result.statements:
        if statement.speaker and fold_name(statement.speaker) not in resolved:
            extracted = speakers.get(fold_name(statement.speaker)) or ExtractedSpeaker(name=statement.speaker)
            resolved[fold_name(statement.speaker)] = _upsert_speaker(extracted, counts)

    sources: dict[str, Source] = {}
    for statement in result.statements:
        if statement.source is None or statement.source.key in sources:
            continue
        source = Source.objects.create(
            kind=statement.source.kind,
            title=statement.source.title,
            publisher=_publication(statement.source.publisher),
        )
        sources[statement.source.key] = source
        counts.sources_created += 1
    for statement in result.statements:
        if statement.source is not None and statement.speaker:
            sources[statement.source.key].speakers.add(resolved[fold_name(statement.speaker)])

    rows = []
    for statement in result.statements:
        spans = [list(span) for span in statement.spans]
        validate_spans(spans, article.body, statement.quote)
        rows.append(
            Statement(
                article=article,
                speaker=resolved.get(fold_name(statement.speaker)) if statement.speaker else None,
                speaker_as_written=statement.speaker_as_written[:300],
                role_as_written=statement.role[:300],
                text=statement.quote,
                kind=statement.kind,
                cue=statement.cue[:60],
                source=sources.get(statement.source.key) if statement.source else None,
                paragraph=statement.paragraph,
                spans=spans,
                position=spans[0][0],
                confidence=round(min(max(statement.confidence, 0.0), 1.0), 3),
            )
        )
    bulk_create_with_history(rows, Statement, default_change_reason=f"Extracted from {seed_file or 'text'}")
    counts.statements_created = len(rows)
    return counts


def _publication(name: str) -> Publication | None:
    name = name.strip()
    if not name:
        return None
    publication = Publication.objects.filter(name__iexact=name).first()
    return publication or Publication.objects.create(name=name)


def find_speaker(name: str) -> Speaker | None:
    """The one stored speaker whose name or alias folds like ``name``; None when none or several match."""
    matches = list(Speaker.objects.matching_name(name)[:2])
    return matches[0] if len(matches) == 1 else None


def _upsert_speaker(extracted: ExtractedSpeaker, counts: LoadCounts) -> Speaker:
    speaker = find_speaker(extracted.name)
    if speaker is None:
        speaker = Speaker.objects.create(
            name=extracted.name[:200], kind=extracted.kind, description=extracted.description[:300]
        )
        counts.speakers_created += 1
        for title, organization in extracted.roles:
            SpeakerRole.objects.create(speaker=speaker, title=title[:200], organization=organization[:200])
    else:
        counts.speakers_present += 1
    known = {speaker.name_key, *speaker.aliases.values_list("name_key", flat=True)}
    for alias in extracted.aliases:
        if alias.strip() and fold_name(alias) not in known and len(alias) <= 300:
            SpeakerAlias.objects.create(speaker=speaker, name=alias.strip())
            known.add(fold_name(alias))
    for member_name in extracted.members:
        member = find_speaker(member_name)
        if member is None:
            member = Speaker.objects.create(name=member_name[:200])
            counts.speakers_created += 1
        speaker.members.add(member)
    return speaker

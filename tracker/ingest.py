"""Extraction results into the database: batches of articles in one transaction each, bulk inserts, upserts on
natural keys, counts back. Each article is still all or nothing."""

from __future__ import annotations

import os
import stat
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from functools import reduce
from operator import or_
from pathlib import Path
from typing import TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, connection, models, transaction
from django.db.models import Count, Q
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from .choices import SpeakerKind
from .extraction import (
    ArticleFormatError,
    ExtractedSpeaker,
    ExtractionResult,
    ParsedArticle,
    decode_article,
    extract_article,
)
from .extraction import normalise_body as normalise_article_body
from .extraction.keys import fold_name
from .extraction.phrases import split_role
from .models import (
    Article,
    Publication,
    Source,
    Speaker,
    SpeakerAlias,
    SpeakerRole,
    Statement,
    sha256_of_body,
    surname_key,
    validate_article_size,
    validate_spans,
    validate_statement_count,
)

ARTICLE_SUFFIXES = {".txt", ".md"}
DEFAULT_BATCH_SIZE = 100
# One lock id for all loaders: concurrent load_seeds processes take turns per batch instead of racing.
LOAD_LOCK_ID = zlib.crc32(b"tracker.ingest.load_article")
# Terms per OR'ed query: SQLite parses a chain of ORs into a tree no deeper than 1000.
_OR_CHUNK = 200

_M = TypeVar("_M", bound=models.Model)


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
    ignored: list[str] = field(default_factory=list)
    errors: list[ArticleLoadError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ArticleFile:
    """A file to load, and the directory it was found in: a symbolic link must not lead out of ``root``."""

    path: Path
    root: Path


@dataclass
class ArticleFiles:
    """What a search of the paths given found: the files to load, the entries passed over (each with the reason)
    and the paths that cannot give any article (an empty directory)."""

    files: list[ArticleFile] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    errors: list[ArticleLoadError] = field(default_factory=list)


def find_article_files(paths: Iterable[Path | str]) -> ArticleFiles:
    """The article files named by ``paths``: files as given, directories expanded to their .txt/.md entries.

    A directory entry that is not an article (another extension, a README, a hidden file, a subdirectory) is passed
    over and named in ``ignored``; a directory with no article at all is an error, as is a directory whose name has
    an article suffix. An entry with an article suffix that is no readable file (a broken link, a FIFO) is kept, so
    that reading it reports the problem by name.
    """
    found = ArticleFiles()
    for raw_path in paths:
        path = Path(raw_path)
        if not path.is_dir():
            found.files.append(ArticleFile(path, path.parent))
        elif _is_article_name(path):
            found.errors.append(ArticleLoadError(path, "is a directory, not an article file"))
        else:
            files = []
            for entry in sorted(path.iterdir()):
                reason = _reason_to_pass_over(entry)
                if reason:
                    found.ignored.append(f"{entry}: {reason}")
                else:
                    files.append(ArticleFile(entry, path))
            if not files:
                found.errors.append(ArticleLoadError(path, "has no article files (.txt or .md) to load"))
            found.files.extend(files)
    return found


def _is_article_name(path: Path) -> bool:
    return path.suffix.lower() in ARTICLE_SUFFIXES


def _reason_to_pass_over(entry: Path) -> str:
    if entry.name.startswith("."):
        return "hidden file, not loaded"
    if not _is_article_name(entry):
        if entry.is_dir():
            return "a subdirectory, not searched"
        return "not an article file (.txt or .md), not loaded"
    if entry.stem.lower() == "readme":
        return "a README, not an article; not loaded"
    return ""


def max_file_bytes() -> int:
    """The most bytes read from one file: enough for ``TRACKER_MAX_ARTICLE_CHARS`` characters of any UTF-8 text."""
    return 4 * settings.TRACKER_MAX_ARTICLE_CHARS


def read_article_file(path: Path, *, root: Path | None = None) -> ExtractionResult:
    """Read and extract one article file, raising ArticleLoadError that names the file (and line).

    Only a regular file is read, and never past ``max_file_bytes()``. A symbolic link is followed only when its
    target lies inside ``root`` (by default the file's own directory); the article limits are checked before
    extraction, whose time grows with the article.
    """
    text = _decode(path, _read_regular_file(path, root=path.parent if root is None else root))
    try:
        validate_article_size(text)
    except ValidationError as error:
        raise ArticleLoadError(path, error.messages[0]) from None
    try:
        result = extract_article(text)
    except ArticleFormatError as error:
        raise ArticleLoadError(path, error.message, error.line) from error
    problem = article_metadata_problem(result.article)
    if problem is not None:
        value, reason = problem
        raise ArticleLoadError(path, reason, _line_of(text, value))
    return result


def _decode(path: Path, data: bytes) -> str:
    try:
        return decode_article(data)
    except ArticleFormatError as error:
        raise ArticleLoadError(path, error.message, error.line) from error


_FILE_KINDS = [
    (stat.S_ISDIR, "a directory, not an article file"),
    (stat.S_ISFIFO, "a FIFO (named pipe), not a regular file"),
    (stat.S_ISCHR, "a character device, not a regular file"),
    (stat.S_ISBLK, "a block device, not a regular file"),
    (stat.S_ISSOCK, "a socket, not a regular file"),
]


def _read_regular_file(path: Path, *, root: Path) -> bytes:
    """The bytes of ``path`` if it is (or links, inside ``root``, to) a regular file no larger than the limit."""
    target = path
    try:
        if path.is_symlink():
            target = Path(os.path.realpath(path, strict=True))
            if not target.is_relative_to(os.path.realpath(root)):
                raise ArticleLoadError(
                    path, f"is a symbolic link to {target}, outside {root}; links must stay inside the directory given"
                )
        # A device is never opened (opening some has effects); the check is made again on what was opened.
        _refuse_unless_regular(path, os.lstat(target).st_mode)
        # O_NOFOLLOW: the target checked above cannot be swapped for a link meanwhile. O_NONBLOCK: opening a FIFO
        # put there meanwhile returns at once instead of waiting for a writer.
        descriptor = os.open(target, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as error:
        raise ArticleLoadError(path, f"cannot be read: {error.strerror or error}") from error
    try:
        _refuse_unless_regular(path, os.fstat(descriptor).st_mode)
        limit, size = max_file_bytes(), os.fstat(descriptor).st_size
        if size > limit:
            raise ArticleLoadError(path, f"is {size:,} bytes; files over {limit:,} bytes are refused")
        # The size stat gives is not trusted alone: files under /proc say 0, and a file can grow while it is read.
        data = _read_at_most(descriptor, limit + 1)
        if len(data) > limit:
            raise ArticleLoadError(path, f"is over {limit:,} bytes (reading stopped there); larger files are refused")
        return data
    except OSError as error:
        raise ArticleLoadError(path, f"cannot be read: {error.strerror or error}") from error
    finally:
        os.close(descriptor)


def _refuse_unless_regular(path: Path, mode: int) -> None:
    for is_kind, description in _FILE_KINDS:
        if is_kind(mode):
            raise ArticleLoadError(path, f"is {description}")
    if not stat.S_ISREG(mode):
        raise ArticleLoadError(path, "is not a regular file")


def _read_at_most(descriptor: int, limit: int) -> bytes:
    chunks, remaining = [], limit
    while remaining > 0:
        chunk = os.read(descriptor, min(remaining, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


# The parsed metadata that is stored, with the model field whose length and validators it must pass: the same
# fields the API's serializers are built from, so the loader takes no value (an over-long title, a URL) the API refuses.
_METADATA_FIELDS = [
    ("title", Article, "title"),
    ("byline", Article, "byline"),
    ("url", Article, "url"),
    ("language", Article, "language"),
    ("publication", Publication, "name"),
]


def article_metadata_problem(parsed: ParsedArticle) -> tuple[str, str] | None:
    """The first metadata value of ``parsed`` that its database field would refuse, with the reason; else None."""
    for name, model, field_name in _METADATA_FIELDS:
        value = getattr(parsed, name).strip() if name == "publication" else getattr(parsed, name)
        try:
            model._meta.get_field(field_name).run_validators(value)
        except ValidationError as error:
            shown = value if len(value) <= 80 else value[:77] + "..."
            return value, f"{name} {shown!r}: " + " ".join(error.messages)
    return None


def _line_of(text: str, value: str) -> int | None:
    """The line of ``text`` where ``value`` first appears, or None."""
    index = text.find(value[:200]) if value else -1
    return text.count("\n", 0, index) + 1 if index >= 0 else None


def load_paths(
    paths: Sequence[Path | str],
    *,
    dry_run: bool = False,
    strict: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> LoadReport:
    """Load every article file under ``paths``, ``batch_size`` files per transaction; failures reported, not raised.

    Each article is all or nothing: a file that cannot be read or stored is reported by name and leaves
    nothing behind, and the other files of its batch still load. With ``strict``, a file whose extraction
    gave warnings (unbalanced quote marks and the like) is refused like a malformed one instead of loading.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    report = LoadReport()
    found = find_article_files(paths)
    report.ignored.extend(found.ignored)
    report.errors.extend(found.errors)
    files = found.files
    # A dry run keeps every batch in one transaction that it rolls back at the end, so an article seen in an
    # earlier batch counts as present in a later one, exactly as in a real run.
    with transaction.atomic() if dry_run else nullcontext():
        for start in range(0, len(files), batch_size):
            _load_file_batch(files[start : start + batch_size], strict=strict, report=report)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _load_file_batch(files: Sequence[ArticleFile], *, strict: bool, report: LoadReport) -> None:
    """Read and extract ``files`` (pure Python, outside any transaction), store them, and report in file order."""
    outcomes: dict[int, LoadCounts | ArticleLoadError] = {}
    results: dict[int, ExtractionResult] = {}
    for index, file in enumerate(files):
        try:
            result = read_article_file(file.path, root=file.root)
            if strict and result.warnings:
                raise ArticleLoadError(file.path, "; ".join(result.warnings) + " (refused by --strict)")
        except ArticleLoadError as error:
            outcomes[index] = error
        else:
            results[index] = result
    stored = load_articles([(str(files[index].path), result) for index, result in results.items()])
    outcomes.update(zip(results, stored, strict=True))
    for index, path in enumerate(file.path for file in files):
        outcome = outcomes[index]
        if isinstance(outcome, ArticleLoadError):
            report.errors.append(outcome)
            continue
        report.counts.add(outcome)
        (report.loaded if outcome.articles_created else report.skipped).append(str(path))
        report.warnings.extend(f"{path}: {warning}" for warning in results[index].warnings)


def load_article(result: ExtractionResult, *, seed_file: str = "", dry_run: bool = False) -> LoadCounts:
    """Store one extracted article with its speakers, sources and statements, all or nothing.

    Raises ArticleLoadError when it cannot be stored; otherwise as ``load_articles`` for a batch of one.
    """
    outcome = load_articles([(seed_file, result)], dry_run=dry_run)[0]
    if isinstance(outcome, ArticleLoadError):
        raise outcome
    return outcome


def load_articles(
    articles: Sequence[tuple[str, ExtractionResult]], *, dry_run: bool = False
) -> list[LoadCounts | ArticleLoadError]:
    """Store extracted articles, given as ``(seed_file, result)`` pairs, in one transaction with bulk inserts.

    The article's normalised-body hash is its natural key: an article already stored (or earlier in the
    batch) is left exactly as it is (curated statements are never overwritten) and counted as present.
    Returns, per article and in order, its counts or the ArticleLoadError that kept it out; an article that
    fails leaves nothing behind and the others still load. With ``dry_run`` the same work is done and then
    rolled back, so the counts say what a real load would create.
    """
    pending = [_Pending(seed_file, result) for seed_file, result in articles]
    if not pending:
        return []
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Held to the end of the transaction: a second loader waits, then finds this batch's articles stored.
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOAD_LOCK_ID])
        if len(pending) == 1:
            outcomes = [_write_one_article(pending[0])]
        else:
            try:
                with transaction.atomic():
                    outcomes = _write_articles(pending)
            except (IntegrityError, DataError):
                # Validation up front cannot foresee everything (a value too long for its column, a row another
                # program wrote meanwhile): store the batch again one article at a time, so only the culprit fails.
                outcomes = [_write_one_article(article) for article in pending]
        if dry_run:
            transaction.set_rollback(True)
    return outcomes


def _write_one_article(article: _Pending) -> LoadCounts | ArticleLoadError:
    try:
        with transaction.atomic():
            return _write_articles([article])[0]
    except IntegrityError as error:
        return ArticleLoadError(article.seed_file, f"conflicts with a stored record ({error})")
    except DataError as error:
        return ArticleLoadError(article.seed_file, f"has a value the database cannot store ({error})")


@dataclass
class _Pending:
    """An extracted article waiting to be stored, with its natural key."""

    seed_file: str
    result: ExtractionResult
    sha: str = ""

    def __post_init__(self) -> None:
        self.sha = sha256_of_body(normalise_article_body(self.result.article.body))


def _write_articles(pending: Sequence[_Pending]) -> list[LoadCounts | ArticleLoadError]:
    """Check every article against the database and the batch first, then insert the new ones in bulk."""
    shas = {article.sha for article in pending}
    stored = dict(
        Article.objects.filter(body_sha256__in=shas)
        .order_by()
        .annotate(statement_count=Count("statements"))
        .values_list("body_sha256", "statement_count")
    )
    urls = {article.result.article.url for article in pending if article.sha not in stored} - {""}
    urls_taken = set(Article.objects.filter(url__in=urls).values_list("url", flat=True)) if urls else set()

    outcomes: list[LoadCounts | ArticleLoadError] = []
    new: list[tuple[_Pending, LoadCounts]] = []
    for article in pending:
        url = article.result.article.url
        if article.sha in stored:
            outcomes.append(LoadCounts(articles_present=1, statements_present=stored[article.sha]))
        elif url and url in urls_taken:
            outcomes.append(
                ArticleLoadError(article.seed_file, f"an article with url {url} is already stored with another body")
            )
        elif error := _invalid_article(article) or _invalid_statement(article):
            outcomes.append(error)
        else:
            # Later copies in this batch are present, like copies in a later batch.
            stored[article.sha] = len(article.result.statements)
            if url:
                urls_taken.add(url)
            counts = LoadCounts(articles_created=1, statements_created=len(article.result.statements))
            outcomes.append(counts)
            new.append((article, counts))
    if new:
        _insert_articles(new)
    return outcomes


def _invalid_article(article: _Pending) -> ArticleLoadError | None:
    """The limits and field rules ``read_article_file`` checks, again for results that come from elsewhere."""
    parsed = article.result.article
    try:
        validate_article_size(parsed.body)
        validate_statement_count(len(article.result.statements))
    except ValidationError as error:
        return ArticleLoadError(article.seed_file, error.messages[0])
    problem = article_metadata_problem(parsed)
    return ArticleLoadError(article.seed_file, problem[1]) if problem else None


def _invalid_statement(article: _Pending) -> ArticleLoadError | None:
    body = article.result.article.body
    for statement in article.result.statements:
        try:
            validate_spans([list(span) for span in statement.spans], body, statement.quote)
        except ValidationError as error:
            return ArticleLoadError(article.seed_file, f"extraction produced an invalid statement: {error}")
    return None


def _insert_articles(new: Sequence[tuple[_Pending, LoadCounts]]) -> None:
    """Insert new articles with their speakers, sources and statements: a few queries for the whole batch."""
    publication_names = []
    speaker_keys: set[str] = set()
    roles: set[tuple[str, str]] = set()
    for article, _ in new:
        publication_names.append(article.result.article.publication)
        for statement in article.result.statements:
            if statement.source is not None:
                publication_names.append(statement.source.publisher)
            if statement.speaker:
                speaker_keys.add(fold_name(statement.speaker))
        speaker_keys.update(fold_name(member) for speaker in article.result.speakers for member in speaker.members)
        roles.update(split_role(speaker.description) for speaker in article.result.speakers if not speaker.named)
    publications = _upsert_publications(publication_names)
    speakers = _SpeakerIndex(speaker_keys, roles - {("", "")})

    rows = _Rows()
    for pending, counts in new:
        _add_article_rows(pending, counts=counts, publications=publications, speakers=speakers, rows=rows)
    # Parents before children: bulk_create fills each child's foreign key from its now saved parent.
    speakers.save()
    bulk_create_with_history(rows.articles, Article)
    bulk_create_with_history(rows.sources, Source)
    Source.speakers.through.objects.bulk_create(
        Source.speakers.through(source=source, speaker=speaker) for source, speaker in rows.source_speakers.values()
    )
    bulk_create_with_history(rows.statements, Statement)


@dataclass
class _Rows:
    """The article-side rows of a batch, waiting for one bulk insert per table."""

    articles: list[Article] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    source_speakers: dict[tuple[int, int], tuple[Source, Speaker]] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)


def _add_article_rows(
    pending: _Pending,
    *,
    counts: LoadCounts,
    publications: dict[str, Publication],
    speakers: _SpeakerIndex,
    rows: _Rows,
) -> None:
    parsed, reason = pending.result.article, _change_reason(pending.seed_file)
    article = Article(
        title=parsed.title,
        byline=parsed.byline,
        published=parsed.published,
        publication=publications.get(_publication_key(parsed.publication)),
        url=parsed.url,
        language=parsed.language or "en",
        body=parsed.body,
        body_sha256=pending.sha,
        seed_file=_fit_path(pending.seed_file, Article._meta.get_field("seed_file").max_length),
    )
    rows.articles.append(_with_reason(article, reason))

    extracted = {fold_name(speaker.name): speaker for speaker in pending.result.speakers}
    resolved: dict[str, Speaker] = {}
    statement_speakers: list[Speaker | None] = []
    for statement in pending.result.statements:
        key = fold_name(statement.speaker) if statement.speaker else ""
        if key and key not in resolved:
            speaker = extracted.get(key) or ExtractedSpeaker(name=statement.speaker)
            resolved[key] = speakers.upsert(speaker, counts=counts, reason=reason, on=parsed.published)
        statement_speakers.append(resolved.get(key))

    # Statements from the same source within an article share one Source.
    article_sources: dict[str, Source] = {}
    for statement, speaker in zip(pending.result.statements, statement_speakers, strict=True):
        source = None
        if statement.source is not None:
            source = article_sources.get(statement.source.key)
            if source is None:
                source = Source(
                    kind=statement.source.kind,
                    title=statement.source.title[: Source._meta.get_field("title").max_length],
                    publisher=publications.get(_publication_key(statement.source.publisher)),
                )
                article_sources[statement.source.key] = _with_reason(source, reason)
                rows.sources.append(source)
                counts.sources_created += 1
            if speaker is not None:
                rows.source_speakers[id(source), id(speaker)] = (source, speaker)
        spans = [list(span) for span in statement.spans]
        row = Statement(
            article=article,
            speaker=speaker,
            speaker_as_written=statement.speaker_as_written[:300],
            role_as_written=statement.role[:300],
            text=statement.quote,
            kind=statement.kind,
            cue=statement.cue[:60],
            attribution_rule=statement.rule,
            source=source,
            paragraph=statement.paragraph,
            spans=spans,
            position=spans[0][0],
            confidence=round(min(max(statement.confidence, 0.0), 1.0), 3),
        )
        rows.statements.append(_with_reason(row, reason))


def _fit_path(path: str, limit: int) -> str:
    """``path`` in at most ``limit`` characters: a long one keeps its end (the file name), after an ellipsis."""
    return path if len(path) <= limit else "…" + path[len(path) - limit + 1 :]


def _change_reason(seed_file: str) -> str:
    """The history's change reason for a loaded record, which must fit simple-history's 100-character column."""
    prefix, limit = "Extracted from ", Article.history.model._meta.get_field("history_change_reason").max_length
    return prefix + _fit_path(seed_file or "text", limit - len(prefix))


def _with_reason(instance: _M, reason: str) -> _M:
    # simple-history reads a per-instance change reason, so one bulk insert can say where each record came from.
    instance._change_reason = reason
    return instance


def _publication_name(name: str) -> str:
    # Publishers found by extraction are cut to the column's length; a front-matter publication is validated.
    return name.strip()[: Publication._meta.get_field("name").max_length]


def _publication_key(name: str) -> str:
    return _publication_name(name).casefold()


def _upsert_publications(names: Iterable[str]) -> dict[str, Publication]:
    """The publications named, by case-folded name: stored ones matched ignoring case, the others created."""
    wanted = {_publication_key(name): _publication_name(name) for name in names if name.strip()}
    if not wanted:
        return {}
    found: dict[str, Publication] = {}
    for chunk in _chunks(list(wanted.values())):
        condition = reduce(or_, (Q(name__iexact=name) for name in chunk))
        for publication in Publication.objects.filter(condition):
            found.setdefault(publication.name.casefold(), publication)
    missing = [Publication(name=name) for key, name in wanted.items() if key not in found]
    for publication, slug in zip(missing, _unique_slugs(Publication, [p.name for p in missing]), strict=True):
        publication.slug = slug
        found[publication.name.casefold()] = publication
    bulk_create_with_history(missing, Publication, default_change_reason="Created by article loading")
    return found


def _unique_slugs(model: type[models.Model], texts: Sequence[str]) -> list[str]:
    """Slugs for ``texts`` that no row of ``model`` nor each other uses, found in one or two queries.

    The same slugs ``unique_slug`` would give saving them one at a time (``name``, ``name-2``, ``name-3`` …).
    """
    bases = [slugify(text, allow_unicode=False)[:192].strip("-") or "item" for text in texts]
    if not bases:
        return []
    taken = set(model.objects.filter(slug__in=set(bases)).values_list("slug", flat=True))
    clashing = taken | {base for base, count in Counter(bases).items() if count > 1}
    for chunk in _chunks(sorted(clashing)):
        condition = reduce(or_, (Q(slug__startswith=f"{base}-") for base in chunk))
        taken.update(model.objects.filter(condition).values_list("slug", flat=True))
    slugs = []
    for base in bases:
        slug, counter = base, 2
        while slug in taken:
            slug, counter = f"{base}-{counter}", counter + 1
        taken.add(slug)
        slugs.append(slug)
    return slugs


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    return (items[start : start + _OR_CHUNK] for start in range(0, len(items), _OR_CHUNK))


@dataclass(eq=False)
class _Match:
    """A speaker a batch can match: stored or new, with every folded name it answers to."""

    speaker: Speaker
    keys: set[str]


class _SpeakerIndex:
    """Speakers of one batch, matched as a reader of many articles would: by name, alias, surname or role.

    It starts from the stored speakers that any name, surname or role the batch looks up could match (a few
    queries) and grows with the speakers and aliases the batch adds, so that a speaker new in one article is
    matched in the next. A speaker printed only by surname ('Stoltenberg') or only by a role ('the NATO
    Secretary-General') is the stored speaker it fits when exactly one fits; otherwise a new speaker, never
    a merge of two people. New speakers, aliases, roles and group members are inserted in bulk by ``save``.
    """

    def __init__(self, keys: set[str], roles: set[tuple[str, str]] = frozenset()):
        self.by_key: dict[str, list[_Match]] = {}
        self.by_surname: dict[str, list[_Match]] = {}
        # (folded title, folded organisation) -> [(match, start, end)] of the roles stored or added.
        self.by_role: dict[tuple[str, str], list[tuple[_Match, date | None, date | None]]] = {}
        self.new_speakers: list[Speaker] = []
        self.new_aliases: list[SpeakerAlias] = []
        self.new_roles: list[SpeakerRole] = []
        self.members: dict[tuple[int, int], tuple[Speaker, Speaker]] = {}
        stored: dict[int, _Match] = {}
        surnames = {key for key in keys if " " not in key}
        if keys:
            aliased = SpeakerAlias.objects.filter(name_key__in=keys).values("speaker_id")
            condition = Q(name_key__in=keys) | Q(pk__in=aliased) | Q(surname_key__in=surnames)
            for speaker in Speaker.objects.filter(condition).only("pk", "name_key", "surname_key"):
                stored[speaker.pk] = _Match(speaker, {speaker.name_key})
        role_rows = []
        for chunk in _chunks(sorted(roles)):
            condition = reduce(or_, (Q(title__iexact=title, organization__iexact=org) for title, org in chunk))
            role_rows.extend(SpeakerRole.objects.filter(condition).select_related("speaker"))
        for role in role_rows:
            stored.setdefault(role.speaker_id, _Match(role.speaker, {role.speaker.name_key}))
        for speaker_id, key in SpeakerAlias.objects.filter(speaker_id__in=stored).values_list("speaker_id", "name_key"):
            stored[speaker_id].keys.add(key)
        for match in stored.values():
            for key in match.keys:
                self.by_key.setdefault(key, []).append(match)
            if match.speaker.surname_key:
                self.by_surname.setdefault(match.speaker.surname_key, []).append(match)
        for role in role_rows:
            key = (fold_name(role.title), fold_name(role.organization))
            self.by_role.setdefault(key, []).append((stored[role.speaker_id], role.start_date, role.end_date))

    def find(self, name: str) -> _Match | None:
        """The one speaker whose name or alias folds like ``name``; None when none or several match."""
        matches = self.by_key.get(fold_name(name), [])
        return matches[0] if len(matches) == 1 else None

    def fitting(self, extracted: ExtractedSpeaker, on: date | None) -> _Match | None:
        """The one speaker an extracted speaker fits: by name or alias, else by surname, else by a role held
        on the article's date ``on``; None when no speaker or more than one fits."""
        match = self.find(extracted.name)
        if match is not None or fold_name(extracted.name) in self.by_key:
            return match
        key = fold_name(extracted.name)
        if extracted.kind == SpeakerKind.PERSON and extracted.named and " " not in key:
            by_surname = {id(m): m for m in self.by_surname.get(key, [])}
            return next(iter(by_surname.values())) if len(by_surname) == 1 else None
        if not extracted.named:
            title, organisation = split_role(extracted.description)
            holders = {
                id(match): match
                for match, start, end in self.by_role.get((fold_name(title), fold_name(organisation)), [])
                if on is None or ((start is None or start <= on) and (end is None or on <= end))
            }
            return next(iter(holders.values())) if len(holders) == 1 else None
        return None

    def upsert(
        self, extracted: ExtractedSpeaker, *, counts: LoadCounts, reason: str, on: date | None = None
    ) -> Speaker:
        """The speaker that fits, else a new one; either way with the extracted aliases and members added."""
        match = self.fitting(extracted, on)
        if match is None:
            match = self._create(extracted.name, reason=reason, kind=extracted.kind, description=extracted.description)
            counts.speakers_created += 1
            self.new_roles.extend(
                SpeakerRole(speaker=match.speaker, title=title[:200], organization=organization[:200])
                for title, organization in extracted.roles
            )
        else:
            counts.speakers_present += 1
        for alias in extracted.aliases:
            key = fold_name(alias)
            if alias.strip() and key not in match.keys and len(alias) <= 300:
                self.new_aliases.append(SpeakerAlias(speaker=match.speaker, name=alias.strip(), name_key=key))
                self._add_key(match, key)
        for member_name in extracted.members:
            member = self.find(member_name)
            if member is None:
                member = self._create(member_name, reason=reason)
                counts.speakers_created += 1
            self.members[id(match), id(member)] = (match.speaker, member.speaker)
        return match.speaker

    def _create(self, name: str, *, reason: str, kind: str = SpeakerKind.PERSON, description: str = "") -> _Match:
        speaker = Speaker(name=name[:200], kind=kind, description=description[:300])
        speaker.name_key = fold_name(speaker.name)
        speaker.surname_key = surname_key(speaker.name, speaker.kind)
        self.new_speakers.append(_with_reason(speaker, reason))
        match = _Match(speaker, set())
        self._add_key(match, speaker.name_key)
        if speaker.surname_key:
            self.by_surname.setdefault(speaker.surname_key, []).append(match)
        return match

    def _add_key(self, match: _Match, key: str) -> None:
        match.keys.add(key)
        self.by_key.setdefault(key, []).append(match)

    def save(self) -> None:
        """Insert the new speakers (with history), then their aliases, roles and memberships."""
        slugs = _unique_slugs(Speaker, [speaker.name for speaker in self.new_speakers])
        for speaker, slug in zip(self.new_speakers, slugs, strict=True):
            speaker.slug = slug
        bulk_create_with_history(self.new_speakers, Speaker)
        # ignore_conflicts: a loader outside the advisory lock (the admin) may have added the same alias meanwhile.
        SpeakerAlias.objects.bulk_create(self.new_aliases, ignore_conflicts=True)
        SpeakerRole.objects.bulk_create(self.new_roles)
        Speaker.members.through.objects.bulk_create(
            (Speaker.members.through(from_speaker=group, to_speaker=member) for group, member in self.members.values()),
            ignore_conflicts=True,
        )

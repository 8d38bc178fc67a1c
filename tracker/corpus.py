"""A synthetic but realistic corpus for load tests: publications, speakers, sources, articles and statements.

Everything is drawn from one ``random.Random(seed)``, so a seed always gives the same corpus. Speakers are
quoted with a long-tailed (Zipf-like) frequency, as real coverage quotes a few people constantly and most
people once; statement words follow a Zipf law over an English word list (``data/words.txt``) extended with
deterministic pseudo-words, so full-text search meets both very common and very rare terms. Each article
body is built from its statements' texts in quote marks with attribution sentences, so every statement's
spans really point into the body (``body[start:end]`` is the text) exactly as extraction would store them.

Rows are written in batches without model ``save()`` and without history rows: on PostgreSQL with COPY
(``method="copy"``), elsewhere, or when asked, with ``bulk_create``. Primary keys are reserved up front
(``nextval`` on PostgreSQL) so that a batch's statements can name their article and source before either
is written.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import json
import operator
import random
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path

from django.db import connection, models, transaction
from django.utils.text import slugify

from .choices import AttributionRule, ReviewStatus, SourceKind, SpeakerKind, StatementKind
from .extraction.keys import fold_name
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
)

DATA_DIR = Path(__file__).parent / "data"
VOCABULARY_SIZE = 20_000
# The vocabulary must not depend on the corpus seed: benchmarks name a common and a rare word up front.
VOCABULARY_SEED = 20_221_129
FIRST_DATE = datetime.date(2016, 1, 1)
LAST_DATE = datetime.date(2024, 12, 31)


def _data_lines(name: str) -> list[str]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return list(dict.fromkeys(line.strip() for line in lines if line.strip()))


FIRST_NAMES = _data_lines("first_names.txt")
SURNAMES = _data_lines("surnames.txt")
ROLE_TITLES = _data_lines("role_titles.txt")
ORGANIZATIONS = _data_lines("organizations.txt")
OUTLETS = _data_lines("outlets.txt")
OUTLET_NOUNS = ["Courier", "Herald", "Tribune", "Gazette", "Observer", "Chronicle", "Post", "Times", "Review"]
GROUP_NOUNS = ["Coalition", "Caucus", "Committee", "Alliance", "Union", "Council", "Front", "Network"]
UNATTRIBUTED = ["a senior official", "an adviser", "a diplomat", "one analyst", "a spokesperson", "officials"]
SOURCE_KIND_WEIGHTS = {
    SourceKind.SPEECH: 22,
    SourceKind.INTERVIEW: 20,
    SourceKind.SOCIAL_MEDIA: 18,
    SourceKind.LETTER: 5,
    SourceKind.ESSAY: 6,
    SourceKind.ARTICLE: 8,
    SourceKind.OFFICIAL_STATEMENT: 12,
    SourceKind.UNKNOWN: 9,
}
CUES = {
    SourceKind.SPEECH: ["said", "declared", "told delegates", "said in a speech"],
    SourceKind.INTERVIEW: ["told reporters", "said in an interview", "said", "told Bloomberg"],
    SourceKind.SOCIAL_MEDIA: ["tweeted", "wrote on Twitter", "posted"],
    SourceKind.LETTER: ["wrote", "wrote in a letter"],
    SourceKind.ESSAY: ["wrote", "argued"],
    SourceKind.ARTICLE: ["wrote", "argued in an op-ed"],
    SourceKind.OFFICIAL_STATEMENT: ["said in a statement", "announced", "said"],
    SourceKind.UNKNOWN: ["said", "added", "claimed", "warned", "insisted"],
}
KIND_WEIGHTS = {StatementKind.DIRECT: 70, StatementKind.PARTIAL: 18, StatementKind.PARAPHRASE: 12}
STATUS_WEIGHTS = {
    ReviewStatus.EXTRACTED: 84,
    ReviewStatus.VERIFIED: 10,
    ReviewStatus.DISPUTED: 4,
    ReviewStatus.REJECTED: 2,
}


# --- vocabulary and text ------------------------------------------------------------------------------------


class Vocabulary:
    """Words ranked by frequency with Zipf cumulative weights: word ``r`` (from 1) has weight ``1 / r``."""

    def __init__(self, words: Sequence[str]):
        self.words = list(words)
        self.cumulative = list(itertools.accumulate(1.0 / rank for rank in range(1, len(self.words) + 1)))
        self.total = self.cumulative[-1]

    def sample(self, rng: random.Random, count: int) -> list[str]:
        # random.choices does the same, but this inlines the loop for the ~30 million draws of a 1M corpus.
        words, cumulative, total, hi, rand = (
            self.words,
            self.cumulative,
            self.total,
            len(self.words) - 1,
            rng.random,
        )
        return [words[bisect.bisect(cumulative, rand() * total, 0, hi)] for _ in range(count)]


def pseudo_words(rng: random.Random, count: int, exclude: set[str]) -> list[str]:
    """``count`` distinct pronounceable non-words (``"velomar"``), none of them in ``exclude``."""
    onsets = [*"bcdfghklmnprstvz", "br", "cr", "dr", "gr", "pl", "st", "tr"]
    vowels = ["a", "e", "i", "o", "u", "ai", "ea", "io"]
    codas = ["", "", "", "", "", "n", "r", "s", "l", "m", "t"]
    found: list[str] = []
    seen = set(exclude)
    while len(found) < count:
        word = "".join(
            rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas) for _ in range(rng.choice((1, 2, 2, 2, 3)))
        )
        if word not in seen:
            seen.add(word)
            found.append(word)
    return found


@cache
def vocabulary(size: int = VOCABULARY_SIZE) -> Vocabulary:
    """The shipped English word list, most frequent first, then pseudo-words up to ``size`` words."""
    english = _data_lines("words.txt")
    extra = pseudo_words(random.Random(VOCABULARY_SEED), max(size - len(english), 0), set(english))
    return Vocabulary(english + extra)


def search_words() -> tuple[str, str]:
    """A (common, rare) pair of search terms: an English word in roughly 5% of statements, a pseudo-word in
    roughly one statement in 5,000, whatever the seed."""
    words = vocabulary().words
    return "people", words[int(len(words) * 0.75)]


def sentence(rng: random.Random, vocab: Vocabulary, words: int) -> str:
    tokens = vocab.sample(rng, words)
    if words > 8 and rng.random() < 0.4:
        cut = rng.randrange(3, words - 3)
        tokens[cut] += ","
    text = " ".join(tokens)
    return text[0].upper() + text[1:] + "."


def quote_text(rng: random.Random, vocab: Vocabulary) -> str:
    """One to three sentences, 6 to about 60 words in all: the spread of quoted statements in news copy."""
    return " ".join(sentence(rng, vocab, rng.randint(6, 22)) for _ in range(rng.choice((1, 1, 2, 2, 3))))


def weighted(rng: random.Random, weights: dict) -> str:
    population, cumulative = _cumulative_weights(tuple(weights.items()))
    return population[bisect.bisect(cumulative, rng.random() * cumulative[-1], 0, len(population) - 1)]


@cache
def _cumulative_weights(items: tuple) -> tuple[list, list[float]]:
    return [key for key, _ in items], list(itertools.accumulate(weight for _, weight in items))


def zipf_cumulative(count: int, exponent: float = 1.0) -> list[float]:
    return list(itertools.accumulate(1.0 / rank**exponent for rank in range(1, count + 1)))


# --- plan ---------------------------------------------------------------------------------------------------


@dataclass
class CorpusCounts:
    """What a run created, and how long it took."""

    publications: int = 0
    speakers: int = 0
    aliases: int = 0
    roles: int = 0
    members: int = 0
    sources: int = 0
    source_speakers: int = 0
    articles: int = 0
    statements: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        parts = [f"{name.replace('_', ' ')}: {getattr(self, name):,}" for name in self._names()]
        rate = self.statements / self.seconds if self.seconds else 0
        return ", ".join(parts) + f" in {self.seconds:.1f} s ({rate:,.0f} statements/s)"

    def _names(self) -> list[str]:
        return [f.name for f in fields(self) if f.name != "seconds"]


@dataclass
class SpeakerInfo:
    """What statements need to know about a generated speaker."""

    id: int
    name: str
    printed: list[str]
    roles: list[str]
    sources: list[tuple[int, str]] = field(default_factory=list)  # the last few: (id, kind)


Progress = Callable[[str, int, int], None]
RowBatch = list[tuple[type[models.Model], list[dict]]]


def generate_corpus(
    *,
    statements: int,
    seed: int = 0,
    batch_size: int = 5000,
    speakers: int | None = None,
    method: str = "auto",
    progress: Progress | None = None,
) -> CorpusCounts:
    """Insert a synthetic corpus of ``statements`` statements; return the counts.

    ``speakers`` defaults to one speaker per 20 statements; ``method`` is ``"copy"`` (PostgreSQL only),
    ``"orm"`` (``bulk_create``) or ``"auto"`` (COPY when the database is PostgreSQL). ``progress`` is
    called as ``progress(stage, done, total)``.
    """
    if statements < 1:
        raise ValueError("statements must be at least 1")
    if batch_size < 1:
        raise ValueError("batch size must be at least 1")
    if method == "auto":
        method = "copy" if connection.vendor == "postgresql" else "orm"
    if method == "copy" and connection.vendor != "postgresql":
        raise ValueError("COPY needs PostgreSQL; use method 'orm' on " + connection.vendor)
    if method not in {"copy", "orm"}:
        raise ValueError(f"unknown method {method!r}")
    if Article.objects.filter(seed_file=f"synthetic:{seed}").exists():
        raise ValueError(f"a corpus with seed {seed} is already loaded; use another seed or a fresh database")
    started = time.monotonic()
    rng = random.Random(seed)
    writer = RowWriter(method=method, batch_size=batch_size)
    counts = CorpusCounts()
    report = progress or (lambda stage, done, total: None)

    publication_ids = _create_publications(rng, writer, counts, count=min(500, 25 + statements // 2000))
    speaker_infos = _create_speakers(rng, writer, counts, count=speakers or max(1, statements // 20), report=report)
    sizes = _article_plan(rng, statements)
    context = _ArticleContext(
        rng=rng,
        ids=IdPool(writer, block=batch_size),
        counts=counts,
        vocab=vocabulary(),
        seed=seed,
        article_count=len(sizes),
        publication_ids=publication_ids,
        speakers=speaker_infos,
        speaker_cumulative=zipf_cumulative(len(speaker_infos)),
    )
    batch: list[tuple[int, int]] = []
    batch_statements = 0
    for index, size in enumerate(sizes):
        batch.append((index, size))
        batch_statements += size
        if batch_statements >= batch_size or index == len(sizes) - 1:
            rows = _generate_articles(context, batch)
            # One transaction per batch: an interrupted run keeps whole articles only.
            with transaction.atomic():
                for model, model_rows in rows:
                    writer.write(model, model_rows)
            batch, batch_statements = [], 0
            report("statements", counts.statements, statements)
    counts.seconds = time.monotonic() - started
    return counts


def _article_plan(rng: random.Random, statements: int) -> list[int]:
    """Statements per article: 1 to 12, mostly 3 to 8, adding up to exactly ``statements``."""
    sizes: list[int] = []
    left = statements
    while left > 0:
        size = min(left, max(1, min(12, round(rng.gauss(5.5, 2.5)))))
        sizes.append(size)
        left -= size
    return sizes


def _create_publications(rng, writer, counts, *, count) -> list[int]:
    """``count`` outlets, real names first; one already stored under the same name is reused, not copied."""
    # The names depend on the seed alone, never on what the database holds, so the seed fixes the corpus.
    names = list(OUTLETS[:count])
    seen = {name.casefold() for name in names}
    for place in itertools.cycle(SURNAMES + ORGANIZATIONS):
        if len(names) >= count:
            break
        name = f"The {place.removeprefix('the ')} {rng.choice(OUTLET_NOUNS)}"
        if name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    stored = {name.casefold(): pk for name, pk in Publication.objects.values_list("name", "id")}
    taken_slugs = set(Publication.objects.values_list("slug", flat=True))
    order = [name.casefold() for name in names]
    names = [name for name in names if name.casefold() not in stored]
    ids = writer.reserve_ids(Publication, len(names))
    now = _now()
    rows = []
    for pk, name in zip(ids, names, strict=True):
        slug = _unique(slugify(name), taken_slugs)
        url = f"https://{slug}.example.org/"
        rows.append({"id": pk, "name": name, "slug": slug, "url": url, "description": "", **now})
    with transaction.atomic():
        writer.write(Publication, rows)
    counts.publications = len(rows)
    stored.update((name.casefold(), pk) for name, pk in zip(names, ids, strict=True))
    return [stored[key] for key in order]


def _create_speakers(rng, writer, counts, *, count, report) -> list[SpeakerInfo]:
    """Speakers, each with one to three aliases and up to two roles; one in fifty is a group of others."""
    taken_slugs = set(Speaker.objects.values_list("slug", flat=True))
    surnames = SURNAMES + [word.capitalize() for word in pseudo_words(rng, max(count // 4, 50), set())]
    infos: list[SpeakerInfo] = []
    now = _now()
    for start in range(0, count, 50_000):
        chunk = min(50_000, count - start)
        ids = writer.reserve_ids(Speaker, chunk)
        speakers, aliases, roles, members = [], [], [], []
        for pk in ids:
            is_group = infos and rng.random() < 0.02
            if is_group:
                name = f"{rng.choice(ORGANIZATIONS).removeprefix('the ')} {rng.choice(GROUP_NOUNS)}"
                kind, printed = SpeakerKind.GROUP, [name]
                group_members = rng.sample(infos[-200:], min(len(infos[-200:]), rng.randint(2, 5)))
                members.extend({"from_speaker_id": pk, "to_speaker_id": m.id} for m in group_members)
            else:
                first, last = rng.choice(FIRST_NAMES), rng.choice(surnames)
                name, kind = f"{first} {last}", SpeakerKind.PERSON
                printed = [name, last, f"{first[0]}. {last}", _misspell(rng, name)][: rng.randint(2, 4)]
            speaker_roles = [
                (rng.choice(ROLE_TITLES), rng.choice(ORGANIZATIONS)) for _ in range(rng.choice((0, 1, 1, 2)))
            ]
            slug = _unique(slugify(name), taken_slugs)
            description = f"{speaker_roles[0][0]}, {speaker_roles[0][1]}" if speaker_roles else ""
            speakers.append(
                {
                    "id": pk,
                    "name": name,
                    "name_key": fold_name(name),
                    "surname_key": surname_key(name, kind),
                    "slug": slug,
                    "kind": kind,
                    "description": description,
                    "wikidata_id": "",
                    **now,
                }
            )
            keys = {fold_name(name)}
            for alias in printed[1:]:
                if fold_name(alias) not in keys:
                    keys.add(fold_name(alias))
                    aliases.append({"speaker_id": pk, "name": alias, "name_key": fold_name(alias)})
            for title, organization in speaker_roles:
                start_date = _random_date(rng) if rng.random() < 0.6 else None
                roles.append(
                    {
                        "speaker_id": pk,
                        "title": title,
                        "organization": organization,
                        "start_date": start_date,
                        "end_date": None,
                    }
                )
            role_labels = [f"{organization.removeprefix('the ')} {title}" for title, organization in speaker_roles]
            infos.append(SpeakerInfo(id=pk, name=name, printed=printed, roles=role_labels))
        with transaction.atomic():
            writer.write(Speaker, speakers)
            writer.write(SpeakerAlias, aliases)
            writer.write(SpeakerRole, roles)
            writer.write(Speaker.members.through, members)
        counts.speakers += len(speakers)
        counts.aliases += len(aliases)
        counts.roles += len(roles)
        counts.members += len(members)
        report("speakers", counts.speakers, count)
    # Shuffled so that Zipf rank (how often a speaker is quoted) does not follow id or creation order.
    rng.shuffle(infos)
    return infos


@dataclass
class _ArticleContext:
    rng: random.Random
    ids: IdPool
    counts: CorpusCounts
    vocab: Vocabulary
    seed: int
    article_count: int
    publication_ids: list[int]
    speakers: list[SpeakerInfo]
    speaker_cumulative: list[float]

    def pick_speaker(self) -> SpeakerInfo:
        """A speaker drawn with Zipf weights: the first few in ``speakers`` are quoted most."""
        point = self.rng.random() * self.speaker_cumulative[-1]
        return self.speakers[bisect.bisect(self.speaker_cumulative, point, 0, len(self.speakers) - 1)]


def _generate_articles(context: _ArticleContext, batch: list[tuple[int, int]]) -> RowBatch:
    """The rows of the articles ``batch`` lists as (index, statement count), their sources and statements."""
    rng, vocab, seed = context.rng, context.vocab, context.seed
    articles, statements, sources, source_speakers = [], [], [], []
    for index, size in batch:
        article_id = context.ids.take(Article)
        # Articles come roughly in date order, as a tracker that follows the news would store them.
        days = int(index / context.article_count * (LAST_DATE - FIRST_DATE).days) + rng.randint(-20, 20)
        published = min(max(FIRST_DATE + datetime.timedelta(days=days), FIRST_DATE), LAST_DATE)
        created = datetime.datetime.combine(published, datetime.time(6), tzinfo=datetime.UTC)
        created += datetime.timedelta(seconds=rng.randrange(2 * 86_400))
        stamps = {"created": created, "updated": created}

        # Each quoted speaker's statements here come from one source: a new one, or one quoted before.
        speaker_sources: dict[int, tuple[int, str]] = {}
        quoted = [context.pick_speaker() for _ in range(rng.choice((1, 1, 2, 2, 3, 4)))]
        for info in quoted:
            if info.id in speaker_sources:
                continue
            if info.sources and rng.random() < 0.5:
                speaker_sources[info.id] = rng.choice(info.sources)
                continue
            kind, source_id = weighted(rng, SOURCE_KIND_WEIGHTS), context.ids.take(Source)
            publisher_id = rng.choice(context.publication_ids) if rng.random() < 0.7 else None
            sources.append(
                {
                    "id": source_id,
                    "kind": kind,
                    "title": sentence(rng, vocab, rng.randint(3, 8)).rstrip("."),
                    "publisher_id": publisher_id,
                    "url": f"https://sources.example.org/{seed}/{source_id}" if rng.random() < 0.5 else "",
                    "date": published - datetime.timedelta(days=rng.randint(0, 3)),
                    **stamps,
                }
            )
            source_speakers.append({"source_id": source_id, "speaker_id": info.id})
            info.sources = [*info.sources[-4:], (source_id, kind)]
            speaker_sources[info.id] = (source_id, kind)

        paragraphs = [sentence(rng, vocab, rng.randint(15, 35)) + " " + sentence(rng, vocab, rng.randint(8, 20))]
        offset = len(paragraphs[0]) + 2
        for _ in range(size):
            if rng.random() < 0.3:
                paragraphs.append(sentence(rng, vocab, rng.randint(10, 30)))
                offset += len(paragraphs[-1]) + 2
            info = rng.choice(quoted) if rng.random() > 0.02 else None
            source_id, source_kind = (None, SourceKind.UNKNOWN)
            if info is not None and rng.random() < 0.75:
                source_id, source_kind = speaker_sources[info.id]
            paragraph, spans, row = _statement_paragraph(rng, vocab, info, CUES[source_kind])
            spans = [[start + offset, end + offset] for start, end in spans]
            row.update(
                id=context.ids.take(Statement),
                article_id=article_id,
                source_id=source_id,
                paragraph=len(paragraphs),
                spans=spans,
                position=spans[0][0],
                confidence=round(rng.uniform(0.55, 1.0), 3),
                status=weighted(rng, STATUS_WEIGHTS),
                curator_note="",
                **stamps,
            )
            statements.append(row)
            paragraphs.append(paragraph)
            offset += len(paragraph) + 2
        body = "\n\n".join(paragraphs)
        title = sentence(rng, vocab, rng.randint(6, 12)).rstrip(".")
        articles.append(
            {
                "id": article_id,
                "title": title,
                "byline": f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
                "published": published,
                "publication_id": rng.choice(context.publication_ids),
                "url": f"https://news.example.org/{published:%Y/%m/%d}/{seed}-{index}-{slugify(title)[:60]}",
                "language": "en",
                "body": body,
                # Bodies are built normalised already (ASCII quotes, single spaces inside paragraphs), so
                # the dedupe key is the whitespace-collapsed body, as extraction's normalise_body gives.
                "body_sha256": sha256_of_body(" ".join(body.split())),
                "seed_file": f"synthetic:{seed}",
                **stamps,
            }
        )

    counts = context.counts
    counts.sources += len(sources)
    counts.source_speakers += len(source_speakers)
    counts.articles += len(articles)
    counts.statements += len(statements)
    # In foreign-key order: a source before its speakers link, an article before its statements.
    return [
        (Source, sources),
        (Source.speakers.through, source_speakers),
        (Article, articles),
        (Statement, statements),
    ]


def _statement_paragraph(rng, vocab, info: SpeakerInfo | None, cues: list[str]) -> tuple[str, list, dict]:
    """One body paragraph reporting a statement, the statement's spans in it, and its other fields."""
    cue = rng.choice(cues)
    if info is None:
        printed, role = rng.choice(UNATTRIBUTED), ""
    else:
        printed = rng.choice(info.printed)
        role = rng.choice(info.roles) if info.roles and rng.random() < 0.4 else ""
    who = f"{role} {printed}" if role else printed
    kind = weighted(rng, KIND_WEIGHTS)
    if kind == StatementKind.PARAPHRASE:
        text = sentence(rng, vocab, rng.randint(8, 25)).rstrip(".")
        text = text[0].lower() + text[1:]
        lead = f"{who[0].upper()}{who[1:]} {cue} that "
        paragraph, spans = f"{lead}{text}.", [(len(lead), len(lead) + len(text))]
    elif kind == StatementKind.PARTIAL:
        text = " ".join(vocab.sample(rng, rng.randint(2, 8)))
        lead = f'{who[0].upper()}{who[1:]} {cue} that {" ".join(vocab.sample(rng, rng.randint(3, 10)))} "'
        tail = f'" {" ".join(vocab.sample(rng, rng.randint(0, 8)))}'.rstrip() + "."
        paragraph, spans = lead + text + tail, [(len(lead), len(lead) + len(text))]
    elif rng.random() < 0.2:
        # A split quote: two spans around the attribution, joined by a space in the statement text.
        first, second = quote_text(rng, vocab).rstrip("."), quote_text(rng, vocab)
        middle = f'," {who} {cue}. "'
        paragraph = f'"{first}{middle}{second}"'
        second_start = 1 + len(first) + len(middle)
        spans = [(1, 1 + len(first)), (second_start, second_start + len(second))]
        text = f"{first} {second}"
    elif rng.random() < 0.6:
        text = quote_text(rng, vocab).rstrip(".")
        paragraph, spans = f'"{text}," {who} {cue}.', [(1, 1 + len(text))]
    else:
        text = quote_text(rng, vocab)
        lead = f'{who[0].upper()}{who[1:]} {cue}, "'
        paragraph, spans = f'{lead}{text}"', [(len(lead), len(lead) + len(text))]
    row = {
        "speaker_id": info.id if info else None,
        "speaker_as_written": printed,
        "role_as_written": role,
        "text": text,
        "kind": kind,
        "cue": cue,
        "attribution_rule": AttributionRule.UNATTRIBUTED if info is None else "",
    }
    return paragraph, spans, row


def _misspell(rng: random.Random, name: str) -> str:
    """The name with two neighbouring letters swapped, a common way a name gets mangled in print."""
    letters = list(name)
    positions = [i for i in range(1, len(letters) - 1) if letters[i].isalpha() and letters[i + 1].isalpha()]
    if not positions:
        return name
    i = rng.choice(positions)
    letters[i], letters[i + 1] = letters[i + 1], letters[i]
    return "".join(letters)


def _unique(slug: str, taken: set[str]) -> str:
    """``slug``, or ``slug-2``, ``slug-3`` …: the first not in ``taken``, which it joins (as unique_slug)."""
    base = (slug or "item")[:190]
    candidate, counter = base, 2
    while candidate in taken:
        candidate = f"{base}-{counter}"
        counter += 1
    taken.add(candidate)
    return candidate


def _random_date(rng: random.Random) -> datetime.date:
    return FIRST_DATE + datetime.timedelta(days=rng.randrange((LAST_DATE - FIRST_DATE).days))


def _now() -> dict[str, datetime.datetime]:
    now = datetime.datetime.now(tz=datetime.UTC)
    return {"created": now, "updated": now}


# --- writing ------------------------------------------------------------------------------------------------


class RowWriter:
    """Writes plain row dicts (keyed by attname) to a model's table by COPY or ``bulk_create``."""

    def __init__(self, *, method: str, batch_size: int):
        self.method, self.batch_size = method, batch_size
        self._next_id: dict[type[models.Model], int] = {}

    def reserve_ids(self, model: type[models.Model], count: int) -> list[int]:
        """``count`` primary keys no other writer will use: from the sequence on PostgreSQL, else max + 1."""
        if count == 0:
            return []
        table = model._meta.db_table
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                    [table, count],
                )
                return [row[0] for row in cursor.fetchall()]
            if model not in self._next_id:
                cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {connection.ops.quote_name(table)}")
                self._next_id[model] = cursor.fetchone()[0]
        start = self._next_id[model]
        self._next_id[model] = start + count
        return list(range(start, start + count))

    def write(self, model: type[models.Model], rows: list[dict]) -> None:
        if not rows:
            return
        if self.method == "copy":
            self._copy(model, rows)
        else:
            model.objects.bulk_create([model(**row) for row in rows], batch_size=self.batch_size)

    def _copy(self, model: type[models.Model], rows: list[dict]) -> None:
        quote = connection.ops.quote_name
        names = list(rows[0])
        columns = [model._meta.get_field(name) for name in names]
        # COPY's text format takes JSON as its text; psycopg adapts every other value here as it is.
        json_names = [name for name, f in zip(names, columns, strict=True) if isinstance(f, models.JSONField)]
        sql = f"COPY {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in columns)}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            values = operator.itemgetter(*names)
            for row in rows:
                for name in json_names:
                    row[name] = json.dumps(row[name], separators=(",", ":"))
                copy.write_row(values(row))


class IdPool:
    """Hands out primary keys one at a time, reserving them from the writer a block at a time."""

    def __init__(self, writer: RowWriter, *, block: int):
        self.writer, self.block = writer, block
        self._free: dict[type[models.Model], Iterator[int]] = {}

    def take(self, model: type[models.Model]) -> int:
        pk = next(self._free.setdefault(model, iter(())), None)
        if pk is None:
            self._free[model] = iter(self.writer.reserve_ids(model, self.block))
            pk = next(self._free[model])
        return pk

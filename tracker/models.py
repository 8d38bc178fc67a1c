"""The claim-and-source schema: who said what, where it was reported, and where it was first said."""

from __future__ import annotations

import bisect
import datetime
import hashlib
import re
from collections.abc import Collection

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField, TrigramSimilarity
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import IntegrityError, connections, models, transaction
from django.db.models import Count, F, FloatField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce
from django.db.models.lookups import GreaterThanOrEqual, LessThanOrEqual
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalRecords
from simple_history.utils import bulk_update_with_history

from .choices import RATING_VALUES, AttributionRule, Rating, ReviewStatus, SourceKind, SpeakerKind, StatementKind
from .extraction.keys import fold_name, name_words

wikidata_id_validator = RegexValidator(
    regex=r"^Q[1-9][0-9]*$", message="A Wikidata id is Q followed by digits, for example Q57522."
)


# Curators are the users with this permission (the "curators" group of migration 0005 has it): they see rejected
# statements, read statement histories and alone set a statement's curation fields.
CURATION_PERMISSION = "tracker.change_statement"
# What only a curator may set on a statement: others' new statements get the model's defaults.
CURATION_FIELDS = ("status", "confidence", "curator_note")


def is_curator(user) -> bool:
    """Whether ``user`` (None for no user) has the curation permission."""
    return user is not None and user.has_perm(CURATION_PERMISSION)


def sha256_of_body(normalised_body: str) -> str:
    """Hex sha256 of an already normalised article body: the key that keeps an article from being stored twice."""
    return hashlib.sha256(normalised_body.encode("utf-8")).hexdigest()


def unique_slug(model: type[models.Model], text: str, *, max_length: int = 200) -> str:
    """A slug for ``text`` that no row of ``model`` uses yet (``name``, ``name-2``, ``name-3`` …)."""
    base = slugify(text, allow_unicode=False)[: max_length - 8].strip("-") or "item"
    slug, counter = base, 2
    while model.objects.filter(slug=slug).exists():
        slug = f"{base}-{counter}"
        counter += 1
    return slug


class SlugFromNameMixin:
    """A model whose ``slug``, left empty, is made from its ``name`` when saved (``name``, ``name-2`` …).

    Two concurrent saves of one name both found ``name`` free and the second failed on the unique index (a spurious
    409 from the API). The insert runs in a savepoint, and when the slug it chose was taken meanwhile, the next free
    one is tried.
    """

    slug_attempts = 5

    def save(self, *args, **kwargs):
        if self.slug:
            return super().save(*args, **kwargs)
        model = type(self)
        for attempt in range(1, self.slug_attempts + 1):
            self.slug = unique_slug(model, self.name)
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                # Another constraint (a name or Wikidata id already stored) is no reason to try another slug.
                if attempt == self.slug_attempts or not model._default_manager.filter(slug=self.slug).exists():
                    self.slug = ""
                    raise


class TimestampedModel(models.Model):
    created = models.DateTimeField(auto_now_add=True, help_text="When the record was created.")
    updated = models.DateTimeField(auto_now=True, help_text="When the record was last changed.")

    class Meta:
        abstract = True


class Publication(SlugFromNameMixin, TimestampedModel):
    """An outlet that publishes articles or hosts original statements: a news site, a think tank, a network."""

    name = models.CharField(max_length=200, unique=True, help_text="Name as the outlet writes it.")
    slug = models.SlugField(max_length=200, unique=True, help_text="URL-safe identifier, unique.")
    url = models.URLField(blank=True, help_text="Home page of the outlet.")
    description = models.TextField(blank=True, help_text="What kind of outlet this is.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ArticleQuerySet(models.QuerySet):
    def with_related(self) -> ArticleQuerySet:
        return self.select_related("publication").annotate(statement_count=Count("statements"))

    def with_visible_statements(self, user, *, limit: int) -> ArticleQuerySet:
        """Prefetch into ``embedded_statements`` the first ``limit`` statements, in body order, that ``user`` may see
        (``StatementQuerySet.visible_to``), with what they embed; annotate ``visible_statement_count``, all of them.

        Bounded because an article may hold a thousand statements: its page should not grow with them.
        """
        visible = Statement.objects.visible_to(user)
        first = visible.select_related("speaker", "source__publisher", "review").order_by("position", "id")[:limit]
        count = visible.filter(article=OuterRef("pk")).order_by().values("article").annotate(count=Count("id"))
        return self.annotate(visible_statement_count=Coalesce(Subquery(count.values("count")), 0)).prefetch_related(
            Prefetch("statements", queryset=first, to_attr="embedded_statements")
        )

    def quoting(self, speakers, user) -> ArticleQuerySet:
        """Articles reporting a statement, visible to ``user``, by one of ``speakers``."""
        statements = Statement.objects.visible_to(user).filter(speaker__in=speakers)
        return self.filter(pk__in=statements.values("article_id"))


class Article(TimestampedModel):
    """A published news article that reports statements; its body is stored exactly as extraction saw it."""

    title = models.CharField(max_length=500, help_text="Headline as published.")
    byline = models.CharField(max_length=300, blank=True, help_text="Author line as printed.")
    published = models.DateField(null=True, blank=True, help_text="Publication date.")
    publication = models.ForeignKey(
        Publication,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        help_text="Outlet that published the article.",
    )
    url = models.URLField(max_length=1000, blank=True, help_text="Canonical URL; unique when set.")
    language = models.CharField(max_length=16, default="en", help_text="Language code of the body.")
    body = models.TextField(help_text="Body text as stored; statement spans index into it.")
    body_sha256 = models.CharField(
        max_length=64,
        unique=True,
        help_text="sha256 of the normalised body: the same article is never stored twice.",
    )
    seed_file = models.CharField(max_length=500, blank=True, help_text="File the article was loaded from.")
    history = HistoricalRecords()

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="article_url_unique_when_set"),
            models.CheckConstraint(condition=Q(body_sha256__regex=r"^[0-9a-f]{64}$"), name="article_sha256_hex"),
        ]
        indexes = [models.Index(fields=["published", "id"], name="article_published_idx")]

    def __str__(self) -> str:
        return self.title


def surname_key(name: str, kind: str) -> str:
    """The folded surname of a person named by two words or more ('Stoltenberg', 'Kennedy' for 'Robert F. Kennedy
    Jr.'); '' for anyone else."""
    words = name_words(name)
    return words[-1] if kind == SpeakerKind.PERSON and len(words) >= 2 else ""


class SpeakerQuerySet(models.QuerySet):
    def with_related(self) -> SpeakerQuerySet:
        return self.prefetch_related("aliases", "roles", "members").annotate(
            statement_count=Count("statements", distinct=True)
        )

    def matching_name(self, name: str) -> SpeakerQuerySet:
        """Speakers whose canonical name or one of whose aliases folds to the same key as ``name``."""
        key = fold_name(name)
        # A subquery rather than a join on aliases: each side uses its own name_key index, no DISTINCT needed.
        aliased = SpeakerAlias.objects.filter(name_key=key).values("speaker_id")
        return self.filter(Q(name_key=key) | Q(pk__in=aliased))

    def with_statement_count(self, user) -> SpeakerQuerySet:
        """Prefetch aliases, roles and members; annotate ``statement_count``: statements ``user`` may see."""
        visible = (
            Statement.objects.visible_to(user)
            .filter(speaker=OuterRef("pk"))
            .order_by()
            .values("speaker")
            .annotate(count=Count("id"))
            .values("count")
        )
        return self.prefetch_related("aliases", "roles", "members").annotate(
            statement_count=Coalesce(Subquery(visible), 0)
        )

    def search(self, query: str) -> SpeakerQuerySet:
        """Speakers whose name or an alias contains ``query``, ignoring case and accents.

        On PostgreSQL a name or alias that is merely similar also matches (pg_trgm's ``%``, which forgives
        misspellings such as 'Lindsay Graham'), and the closest names come first. Elsewhere only containment.
        """
        # The folded key covers case and accents, so no separate ILIKE on the name is needed (Django writes
        # icontains as UPPER(name) LIKE …, which the trigram indexes cannot serve).
        name_match = Q(name_key__contains=fold_name(query))
        postgresql = connections[self.db].vendor == "postgresql"
        if postgresql:
            name_match |= Q(name__trigram_similar=query)
        # A UNION of the two tables' matches, not an OR across them: each side is then a BitmapOr of its own
        # trigram indexes (migrations 0002 and 0004) rather than a sequential scan of every speaker.
        matched = (
            Speaker.objects.filter(name_match)
            .order_by()
            .values("pk")
            .union(SpeakerAlias.objects.filter(name_match).order_by().values("speaker_id"))
        )
        speakers = self.filter(pk__in=matched)
        if not postgresql:
            return speakers
        return speakers.annotate(similarity=TrigramSimilarity("name", query)).order_by("-similarity", "name", "id")


class Speaker(SlugFromNameMixin, TimestampedModel):
    """A person, group or organization that makes statements, under one curated canonical name."""

    name = models.CharField(max_length=200, help_text="Canonical name, without titles: 'Jens Stoltenberg'.")
    name_key = models.CharField(
        max_length=200, db_index=True, editable=False, help_text="Name folded for matching (case, accents)."
    )
    surname_key = models.CharField(
        max_length=200,
        blank=True,
        db_index=True,
        editable=False,
        help_text="A person's last name folded, for an article that prints only the surname; empty otherwise.",
    )
    slug = models.SlugField(max_length=200, unique=True, help_text="URL-safe identifier, unique.")
    kind = models.CharField(
        max_length=16,
        choices=SpeakerKind.choices,
        default=SpeakerKind.PERSON,
        help_text="Person, group or organization.",
    )
    description = models.CharField(
        max_length=300, blank=True, help_text="Short description: 'Ukrainian presidential adviser'."
    )
    wikidata_id = models.CharField(
        max_length=20,
        blank=True,
        validators=[wikidata_id_validator],
        help_text="Wikidata item id such as Q57522; unique when set.",
    )
    members = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="member_of",
        help_text="For a group speaker: the people who belong to it (the signatories of a letter).",
    )
    history = HistoricalRecords()

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["wikidata_id"], condition=~Q(wikidata_id=""), name="speaker_wikidata_unique_when_set"
            ),
            models.CheckConstraint(
                condition=Q(wikidata_id="") | Q(wikidata_id__regex=r"^Q[1-9][0-9]*$"),
                name="speaker_wikidata_format",
            ),
            models.CheckConstraint(condition=Q(kind__in=SpeakerKind.values), name="speaker_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = fold_name(self.name)
        self.surname_key = surname_key(self.name, self.kind)
        super().save(*args, **kwargs)

    @transaction.atomic
    def merge(self, others: list[Speaker], *, user=None) -> int:
        """Move the statements, aliases, roles, memberships and authored sources of ``others`` onto this speaker.

        Each merged speaker's name becomes an alias here, then it is deleted. Returns the number of statements
        moved. Runs in one transaction: a failure leaves every speaker as it was.
        """
        others = [other for other in others if other.pk != self.pk]
        known_keys = {self.name_key, *self.aliases.values_list("name_key", flat=True)}
        moved = 0
        for other in others:
            statements = list(other.statements.all())
            now = timezone.now()
            for statement in statements:
                statement.speaker, statement.updated = self, now
            # Saved through simple-history so each moved statement's history names the merge.
            bulk_update_with_history(
                statements,
                Statement,
                ["speaker", "updated"],
                default_user=user,
                default_change_reason=f"Merged speaker {other.name} into {self.name}",
            )
            moved += len(statements)
            for alias in other.aliases.all():
                if alias.name_key in known_keys:
                    alias.delete()
                else:
                    alias.speaker = self
                    alias.save()
                    known_keys.add(alias.name_key)
            if other.name_key not in known_keys:
                SpeakerAlias.objects.create(speaker=self, name=other.name)
                known_keys.add(other.name_key)
            other.roles.update(speaker=self)
            for group in other.member_of.all():
                group.members.add(self)
            self.members.add(*other.members.exclude(pk=self.pk))
            for source in other.authored_sources.all():
                source.speakers.add(self)
            if not self.wikidata_id and other.wikidata_id:
                wikidata_id, other.wikidata_id = other.wikidata_id, ""
                other.save(update_fields=["wikidata_id"])
                self.wikidata_id = wikidata_id
                self.save(update_fields=["wikidata_id"])
            other.delete()
        return moved


class SpeakerAlias(models.Model):
    """Another name a speaker is printed under: a surname, a misspelling, a name with its title."""

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases", help_text="Who this names.")
    name = models.CharField(max_length=300, help_text="The name as printed: 'Lindsay Graham', 'Stoltenberg'.")
    name_key = models.CharField(max_length=300, db_index=True, editable=False, help_text="Name folded for matching.")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "speaker aliases"
        constraints = [models.UniqueConstraint(fields=["speaker", "name_key"], name="alias_unique_per_speaker")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = fold_name(self.name)
        super().save(*args, **kwargs)


class SpeakerRole(models.Model):
    """A position a speaker holds or held: 'Secretary-General' of 'NATO', with optional dates."""

    speaker = models.ForeignKey(
        Speaker, on_delete=models.CASCADE, related_name="roles", help_text="Who holds the role."
    )
    title = models.CharField(max_length=200, help_text="The position: 'Secretary-General', 'Foreign Minister'.")
    organization = models.CharField(max_length=200, blank=True, help_text="Where it is held: 'NATO', 'Lithuania'.")
    start_date = models.DateField(null=True, blank=True, help_text="When the role began, if known.")
    end_date = models.DateField(null=True, blank=True, help_text="When the role ended, if it has.")

    class Meta:
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="role_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.title}".strip()


class Source(TimestampedModel):
    """Where a statement was originally made: a speech, an interview, a post, a letter, an essay, an article."""

    kind = models.CharField(
        max_length=24,
        choices=SourceKind.choices,
        default=SourceKind.UNKNOWN,
        help_text="What kind of original source.",
    )
    title = models.CharField(max_length=500, blank=True, help_text="Title or description of the source.")
    publisher = models.ForeignKey(
        Publication,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sources",
        help_text="Who published or hosted it: Bloomberg, CSIS, Twitter.",
    )
    url = models.URLField(max_length=1000, blank=True, help_text="Where the original can be read or watched.")
    date = models.DateField(null=True, blank=True, help_text="When it was said or published.")
    speakers = models.ManyToManyField(
        Speaker, blank=True, related_name="authored_sources", help_text="Who authored or delivered it."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [models.CheckConstraint(condition=Q(kind__in=SourceKind.values), name="source_kind_valid")]

    def __str__(self) -> str:
        label = self.title or self.get_kind_display()
        return f"{label} ({self.publisher})" if self.publisher_id else label


class StatementSearchVector(models.Expression):
    """The ``search_vector`` column migration 0002 generates on PostgreSQL; the model has no field for it."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        return f"{compiler.quote_name_unless_alias(compiler.query.base_table)}.search_vector", []


# What ``StatementQuerySet.with_embedded`` leaves out of the rows it joins.
_UNEMBEDDED = [
    *(f"{relation}__{name}" for relation in ("speaker", "source", "review") for name in ("created", "updated")),
    "speaker__name_key",
    "speaker__description",
    "source__publisher__created",
    "source__publisher__updated",
    "source__publisher__slug",
    "source__publisher__description",
    "review__reviewer",
]


# The columns ``StatementQuerySet.list_rows`` reads: what the API's JSON shows of a statement and its embeds, and
# the statement's own sort keys (``article_id``, ``position``, ``created``, ``id``) for the pagination cursor.
STATEMENT_ROW_FIELDS = (
    "id",
    "text",
    "kind",
    "cue",
    "status",
    "speaker_as_written",
    "role_as_written",
    "paragraph",
    "spans",
    "confidence",
    "curator_note",
    "created",
    "updated",
    "position",
    "speaker_id",
    "speaker__name",
    "speaker__slug",
    "article_id",
    "article__title",
    "article__url",
    "article__published",
    "article__body",
    "article__publication__name",
    "source_id",
    "source__kind",
    "source__title",
    "source__url",
    "source__date",
    "source__publisher__name",
)


def _sort_published():
    """The article date, 0001-01-01 when unknown: the expression of ``article_sort_published_idx`` (0003)."""
    return Coalesce(F("article__published"), Value(datetime.date.min))


_SEARCH_TERM = re.compile(r'(-?)"([^"]+)"|(-?)(\S+)')


class StatementQuerySet(models.QuerySet):
    def with_related(self) -> StatementQuerySet:
        return self.select_related("speaker", "article__publication", "source__publisher")

    def claims(self) -> StatementQuerySet:
        """The statements that are claims: all but interviewers' questions (``Statement.is_claim``)."""
        return self.exclude(kind=StatementKind.QUESTION)

    def visible_to(self, user) -> StatementQuerySet:
        """The statements ``user`` may see.

        A rejected statement is an extraction a curator has ruled out (not a quote, wrong speaker), so it is
        hidden from anonymous users and from users without the ``tracker.change_statement`` permission:
        lists, counts and embeds leave it out and its detail answers 404, as if it did not exist. Curators
        (users with that permission, and superusers) see every statement whatever its status.
        """
        if is_curator(user):
            return self
        return self.exclude(status=ReviewStatus.REJECTED)

    def with_embedded(self) -> StatementQuerySet:
        """Load what the API embeds in a statement in a fixed number of queries, however many statements.

        Articles are prefetched, not joined, so that each article body (which ``parts`` slices) is read once
        per page rather than once per statement. Columns of the joined rows that neither the API's brief
        embeds nor the ClaimReview (``jsonld.py``) show are not read: on a page of 50 that is 650 values,
        timestamps mostly, that would be parsed for nothing.
        """
        articles = Article.objects.select_related("publication")
        return (
            self.select_related("speaker", "source__publisher", "review")
            .defer(*_UNEMBEDDED)
            .prefetch_related(Prefetch("article", queryset=articles))
        )

    def list_rows(self) -> StatementQuerySet:
        """Plain dicts of ``STATEMENT_ROW_FIELDS``, the annotations (sort keys, ``rank``) and the review's
        ``review_pk`` and ``review_rating`` (None without a review), in one query.

        The API's JSON read path (``StatementSerializer.represent_row``): building the model instances of
        ``with_embedded`` (four or five a statement) and compiling its two queries cost more CPU than the database
        spends on a page. The article body is joined for ``parts``, once per statement rather than per article.
        The review is read by subqueries, not a seventh joined table: PostgreSQL spent 9-13 ms planning that join
        order, against under 2 ms with the subqueries (a page executes in under 1 ms either way).
        """
        reviews = Review.objects.filter(statement=OuterRef("pk"))
        return (
            self.prefetch_related(None)
            .annotate(review_pk=Subquery(reviews.values("pk")), review_rating=Subquery(reviews.values("rating")))
            .values(*STATEMENT_ROW_FIELDS, *self.query.annotation_select, "review_pk", "review_rating")
        )

    def with_sort_keys(self) -> StatementQuerySet:
        """Annotate ``sort_published`` and ``sort_speaker``, never NULL, as keyset pagination needs."""
        return self.annotate(sort_published=_sort_published(), sort_speaker=Coalesce(F("speaker__name"), Value("")))

    def published_between(self, after=None, before=None) -> StatementQuerySet:
        """Statements whose article was published on or after ``after`` and on or before ``before`` (dates or None).

        The bounds are put on ``sort_published`` (with the date not NULL, that is the same condition), whose
        expression migration 0003 indexes: PostgreSQL then starts its newest-first index scan at ``before`` and
        stops at ``after``, instead of filtering every newer article (90 ms at a million statements), and its
        statistics on the index expression estimate the range well.
        """
        if after is None and before is None:
            return self
        queryset = self.filter(article__published__isnull=False)
        if after is not None:
            queryset = queryset.filter(GreaterThanOrEqual(_sort_published(), after))
        if before is not None:
            queryset = queryset.filter(LessThanOrEqual(_sort_published(), before))
        return queryset

    def search(self, query: str) -> StatementQuerySet:
        """Statements whose text matches ``query`` in web search syntax, best first by ``rank``.

        On PostgreSQL this is full-text search (``websearch_to_tsquery('english', …)``: words are stemmed,
        ``"a phrase"``, ``or`` and ``-word`` work) on the generated, GIN-indexed ``search_vector`` column,
        ranked by ``ts_rank``. Elsewhere each word or quoted phrase must occur in the text (``-word``: must
        not) and ``rank`` is 0, so the order falls back to ``id``.
        """
        if connections[self.db].vendor == "postgresql":
            search_query = SearchQuery(query, search_type="websearch", config="english")
            return (
                self.alias(search_vector=StatementSearchVector())
                .filter(search_vector=search_query)
                # ts_rank is a float4, which reaches Python rounded; as a float8 it survives the round trip
                # through a pagination cursor exactly, so "rank < cursor value" is exact too.
                .annotate(rank=Cast(SearchRank(StatementSearchVector(), search_query), FloatField()))
                .order_by("-rank", "id")
            )
        condition = Q()
        for phrase_sign, phrase, word_sign, word in _SEARCH_TERM.findall(query):
            term, excluded = (phrase, phrase_sign) if phrase else (word, word_sign)
            if not phrase and term.lower() == "or":
                continue
            condition &= ~Q(text__icontains=term) if excluded else Q(text__icontains=term)
        rank = Value(0.0, output_field=FloatField())
        return self.filter(condition).annotate(rank=rank).order_by("-rank", "id")

    def newest(self, limit: int) -> StatementQuerySet:
        """Only the ``limit`` newest (highest id) rows of this queryset, in its own order.

        For ``search``: ranking means computing ``ts_rank`` for every match before the best page is known, over
        a second for a word in most of a million statements. Ranking only the newest few thousand matches keeps
        it bounded; PostgreSQL finds them by walking the primary key backwards (a common word) or from the GIN
        index (a rare one), and because the set is fixed by id, every cursor page ranks the same rows.
        """
        return self.filter(pk__in=self.order_by("-pk").values("pk")[:limit])

    def set_status(self, status: str, *, user=None, reason: str = "") -> int:
        """Set the review status of every statement here, recording the change in each statement's history."""
        statements = list(self.exclude(status=status))
        now = timezone.now()
        for statement in statements:
            statement.status, statement.updated = status, now
        bulk_update_with_history(
            statements,
            Statement,
            ["status", "updated"],
            default_user=user,
            default_change_reason=reason or f"Marked {status}",
        )
        return len(statements)


class Statement(TimestampedModel):
    """A statement as an article reports it (a quote, or a turn of an interview or transcript), tied to its
    speaker, article and original source. An interviewer's question is stored too, but is no claim."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="statements", help_text="The article that reports it."
    )
    speaker = models.ForeignKey(
        Speaker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statements",
        help_text="The curated speaker; empty while unattributed.",
    )
    speaker_as_written = models.CharField(
        max_length=300, blank=True, help_text="The speaker exactly as the article prints it, errors included."
    )
    role_as_written = models.CharField(
        max_length=300,
        blank=True,
        help_text="The title the article gives the speaker here: 'NATO Secretary-General'.",
    )
    text = models.TextField(help_text="The verbatim quoted words without quote marks; parts joined by a space.")
    kind = models.CharField(
        max_length=16,
        choices=StatementKind.choices,
        default=StatementKind.DIRECT,
        help_text="Direct, partial or paraphrase; an answer in an interview or transcript; or the interviewer's "
        "question, which is not a claim.",
    )
    cue = models.CharField(max_length=60, blank=True, help_text="The reporting verb as printed: 'said', 'tweeted'.")
    attribution_rule = models.CharField(
        max_length=32,
        blank=True,
        choices=AttributionRule.choices,
        help_text="The extractor's rule that linked the quote to its speaker's mention; empty for hand entries.",
    )
    source = models.ForeignKey(
        Source,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements",
        help_text="Where it was originally said, when known.",
    )
    paragraph = models.PositiveIntegerField(help_text="Body paragraph index, 0 = first paragraph after the byline.")
    spans = models.JSONField(
        help_text="Character spans [[start, end], …] into the article body, one per part of a split quote."
    )
    position = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Start of the first span: orders statements within their article.",
    )
    confidence = models.FloatField(default=1.0, help_text="Extractor confidence, 0 to 1; 1 for hand entries.")
    status = models.CharField(
        max_length=16,
        choices=ReviewStatus.choices,
        default=ReviewStatus.EXTRACTED,
        help_text="Review status.",
    )
    curator_note = models.TextField(blank=True, help_text="Curator's note on attribution or wording.")
    history = HistoricalRecords()

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["article_id", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1), name="statement_confidence_0_1"
            ),
            models.CheckConstraint(condition=Q(status__in=ReviewStatus.values), name="statement_status_valid"),
            models.CheckConstraint(condition=Q(kind__in=StatementKind.values), name="statement_kind_valid"),
            models.UniqueConstraint(fields=["article", "position"], name="statement_unique_position_in_article"),
        ]
        indexes = [models.Index(fields=["speaker", "id"], name="statement_speaker_idx")]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else self.text[:77] + "…"

    def save(self, *args, **kwargs):
        """Refuse spans that do not point at the quoted text in the article body, then save."""
        validate_spans(self.spans, self.article.body, self.text)
        self.position = self.spans[0][0]
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "position"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if self.article_id is not None:
            validate_spans(self.spans, self.article.body, self.text)
        if not self.is_claim and self.pk is not None and Review.objects.filter(statement=self).exists():
            raise ValidationError({"kind": REVIEWED_IS_A_CLAIM})

    @property
    def parts(self) -> list[str]:
        return [self.article.body[start:end] for start, end in self.spans]

    @property
    def is_claim(self) -> bool:
        """Whether the speaker claimed something: every kind but an interviewer's question."""
        return self.kind != StatementKind.QUESTION


_SPACE = re.compile(r"\s+")


def validate_spans(spans: object, body: str, text: str) -> None:
    """Raise ValidationError unless ``spans`` are ordered [start, end] pairs in ``body`` whose parts make ``text``."""
    if not isinstance(spans, list) or not spans:
        raise ValidationError({"spans": "Give at least one [start, end] span."})
    previous_end = 0
    for span in spans:
        if (
            not isinstance(span, list | tuple)
            or len(span) != 2
            or not all(isinstance(offset, int) and not isinstance(offset, bool) for offset in span)
        ):
            raise ValidationError({"spans": f"Each span is a pair of integers; got {span!r}."})
        start, end = span
        if not 0 <= start < end <= len(body):
            raise ValidationError({"spans": f"Span {span!r} is outside the article body (length {len(body)})."})
        if start < previous_end:
            raise ValidationError({"spans": f"Span {span!r} overlaps or precedes the one before it."})
        previous_end = end
    joined = " ".join(body[start:end] for start, end in spans)
    if _SPACE.sub(" ", joined).strip() != _SPACE.sub(" ", text).strip():
        raise ValidationError({"spans": "The spans do not cover the statement text in the article body."})


_WORD = re.compile(r"\S+")


def locate_spans(body: str, text: str, taken: Collection[int] = ()) -> list[list[int]] | None:
    """The span of the first occurrence of ``text`` in ``body`` (any run of whitespace matching any other) that
    starts at no position in ``taken``; None when there is none. Occurrences are counted without overlap.

    Linear in the body: body and text are compared with each run of whitespace made one space, by ``str.find``
    (which CPython keeps linear however the text repeats), and offsets are mapped back through the body's words. A
    regular expression of the words joined by runs of whitespace backtracked at every position: quadratic.
    """
    needle = " ".join(text.split())
    if not needle:
        return None
    # For each word of the body: where it starts in the body and in the collapsed body.
    body_starts, collapsed_starts, words, offset = [], [], [], 0
    for match in _WORD.finditer(body):
        body_starts.append(match.start())
        collapsed_starts.append(offset)
        words.append(match.group())
        offset += len(match.group()) + 1
    collapsed = " ".join(words)

    def in_body(position: int) -> int:
        # ``position`` is inside a word: both ends of a match are, since the text starts and ends with one.
        word = bisect.bisect_right(collapsed_starts, position) - 1
        return body_starts[word] + position - collapsed_starts[word]

    found = collapsed.find(needle)
    while found >= 0:
        start = in_body(found)
        if start not in taken:
            return [[start, in_body(found + len(needle) - 1) + 1]]
        # Occurrences do not overlap: a statement is not found again inside one already there.
        found = collapsed.find(needle, found + len(needle))
    return None


_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


def count_paragraphs(text: str) -> int:
    """The blocks of ``text`` separated by blank lines: an article's paragraphs, as the loader splits them."""
    return sum(1 for block in _PARAGRAPH_BREAK.split(text) if block.strip())


def validate_article_size(text: str) -> None:
    """Raise ValidationError when an article's text is over ``TRACKER_MAX_ARTICLE_CHARS`` characters or
    ``TRACKER_MAX_ARTICLE_PARAGRAPHS`` paragraphs (the file for the loader, the body for the API)."""
    limit = settings.TRACKER_MAX_ARTICLE_CHARS
    if len(text) > limit:
        raise ValidationError(
            f"The article is {len(text):,} characters long; the limit is {limit:,} (TRACKER_MAX_ARTICLE_CHARS)."
        )
    limit, paragraphs = settings.TRACKER_MAX_ARTICLE_PARAGRAPHS, count_paragraphs(text)
    if paragraphs > limit:
        raise ValidationError(
            f"The article has {paragraphs:,} paragraphs; the limit is {limit:,} (TRACKER_MAX_ARTICLE_PARAGRAPHS)."
        )


def validate_statement_count(count: int) -> None:
    """Raise ValidationError when an article would have more than ``TRACKER_MAX_ARTICLE_STATEMENTS`` statements."""
    limit = settings.TRACKER_MAX_ARTICLE_STATEMENTS
    if count > limit:
        raise ValidationError(
            f"The article would have {count:,} statements; the limit is {limit:,} (TRACKER_MAX_ARTICLE_STATEMENTS)."
        )


QUESTION_NOT_REVIEWABLE = "A question is the interviewer's turn, not a claim: it cannot be fact-checked."
REVIEWED_IS_A_CLAIM = "A reviewed statement is a claim: it cannot be made a question while it has a review."


class Review(TimestampedModel):
    """A fact-check verdict on one statement, published as a schema.org ClaimReview."""

    statement = models.OneToOneField(
        Statement,
        on_delete=models.CASCADE,
        related_name="review",
        help_text="The statement that was checked.",
    )
    rating = models.CharField(max_length=16, choices=Rating.choices, help_text="The verdict.")
    explanation = models.TextField(help_text="Short explanation of the verdict.")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviews",
        help_text="The curator who wrote the review.",
    )
    reviewed_on = models.DateField(help_text="Date of the review.")
    url = models.URLField(max_length=1000, blank=True, help_text="Where the full fact-check is published.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-reviewed_on", "-id"]
        constraints = [models.CheckConstraint(condition=Q(rating__in=Rating.values), name="review_rating_valid")]

    def __str__(self) -> str:
        return f"{self.get_rating_display()}: {self.statement}"

    def clean(self) -> None:
        super().clean()
        if self.statement_id is not None and not self.statement.is_claim:
            raise ValidationError({"statement": QUESTION_NOT_REVIEWABLE})

    @property
    def rating_value(self) -> int | None:
        """schema.org ratingValue on a 1-5 scale; None for an unverifiable claim."""
        return RATING_VALUES.get(self.rating)

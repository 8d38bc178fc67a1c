"""Serializers: one per resource, and a brief one per model for embedding in others.

Naming rule for links: ``url`` is always the object's own API address; ``web_url`` is the page on the web
that the record describes (the article, the source, the outlet's home page, the published fact-check).
"""

from django.core.exceptions import ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import empty
from rest_framework.relations import MANY_RELATION_KWARGS
from rest_framework.reverse import reverse
from rest_framework.validators import UniqueValidator

from tracker.choices import RATING_VALUES, StatementKind
from tracker.extraction import normalise_body
from tracker.models import (
    QUESTION_NOT_REVIEWABLE,
    REVIEWED_IS_A_CLAIM,
    Article,
    Publication,
    Review,
    Source,
    Speaker,
    SpeakerRole,
    Statement,
    locate_spans,
    sha256_of_body,
    validate_article_size,
    validate_spans,
    validate_statement_count,
)

# DRF's own formatting of dates (ISO 8601), so both read paths write them alike.
_date = serializers.DateField().to_representation
# Any digits match the ``pk`` of a detail route; these are unlikely to occur elsewhere in a URL.
_PK_PLACEHOLDER = "9081726354"


class ReadCache:
    """What every object of one response shares: detail-URL templates and one brief serializer per class.

    It lives in the serializer context, which the view creates per request and every nested serializer reads.
    """

    def __init__(self, context):
        self.context = context
        self.templates = {}
        self.briefs = {}
        self.timezone = timezone.get_current_timezone()

    def datetime(self, value):
        """``value`` as DRF's ``DateTimeField`` writes it: in the current time zone, ISO 8601, "Z" for UTC."""
        if value is None:
            return None
        if timezone.is_naive(value):
            value = timezone.make_aware(value, self.timezone)
        text = value.astimezone(self.timezone).isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text

    def link(self, view_name, pk):
        """The absolute URL ``HyperlinkedIdentityField(view_name=...)`` writes for ``pk``: one ``reverse()`` per
        view and request instead of one per object (about 30 µs each)."""
        template = self.templates.get(view_name)
        if template is None:
            kwargs = {"pk": _PK_PLACEHOLDER}
            url = reverse(
                view_name, kwargs=kwargs, request=self.context.get("request"), format=self.context.get("format")
            )
            template = self.templates[view_name] = url.rsplit(_PK_PLACEHOLDER, 1)
        return f"{template[0]}{pk}{template[1]}"

    def brief(self, serializer_class, obj):
        """``obj`` as ``serializer_class`` represents it, or None; the serializer is built once per response."""
        if obj is None:
            return None
        serializer = self.briefs.get(serializer_class)
        if serializer is None:
            serializer = self.briefs[serializer_class] = serializer_class(context=self.context)
            serializer._read_cache = self
        return serializer.to_representation(obj)


def read_cache(context):
    """The ``ReadCache`` of a serializer context, made on first use."""
    cache = context.get("read_cache")
    if cache is None:
        cache = context["read_cache"] = ReadCache(context)
    return cache


# The JSON types each kind of writable field takes: DRF also takes 0 for a string and "3" or true for a number.
JSON_TYPES = [
    (serializers.CharField, str),
    (serializers.IntegerField, int),
    (serializers.FloatField, (int, float)),
]


class StrictWriteSerializer(serializers.ModelSerializer):
    """A ModelSerializer whose writes hold to the schema: values of the declared JSON type, text no longer than
    ``max_length`` as sent.

    DRF is lenient: it turns numbers into strings and strings into numbers, and it checks a length after trimming
    the whitespace around the text, so 501 characters with a leading space passed a limit of 500 (and were
    silently shortened). The schema calls each of those invalid, and so they are answered with a 400.
    """

    def to_internal_value(self, data):
        errors = {}
        for name, field in self.fields.items() if isinstance(data, dict) else ():
            value = data.get(name)
            if field.read_only or value is None:
                continue
            expected = next((types for kind, types in JSON_TYPES if isinstance(field, kind)), None)
            if expected is not None and (isinstance(value, bool) or not isinstance(value, expected)):
                kind = "a string" if expected is str else "a number"
                errors[name] = [f"Expected {kind}, got {type(value).__name__}."]
            elif isinstance(value, str) and len(value) > (getattr(field, "max_length", None) or len(value)):
                errors[name] = [field.error_messages["max_length"].format(max_length=field.max_length)]
        if errors:
            raise serializers.ValidationError(errors)
        return super().to_internal_value(data)


class FastReadSerializer(StrictWriteSerializer):
    """A ModelSerializer that reads through a hand-written ``to_representation`` building a plain dict.

    DRF's generic representation builds every field of a nested serializer again for each embedded object and
    reverses a URL pattern for each link: 0.44 s of a 0.5 s page of 50 statements. Each subclass writes the
    fields of ``Meta.fields``, in that order, straight from the instance and never touches ``self.fields``
    (building them costs milliseconds). The declared fields still describe the schema and validate writes;
    ``tests/api/test_serializers.py`` checks that both paths give the same JSON for every serializer.
    """

    _read_cache = None

    @property
    def cache(self):
        # Looked up once per serializer: ``self.context`` walks up to the root serializer on every call.
        if self._read_cache is None:
            self._read_cache = read_cache(self.context)
        return self._read_cache


class ListRelatedField(serializers.ManyRelatedField):
    """Many related ids, given as a JSON list. DRF takes any iterable, so ``{"1": 2}`` passed for ``[1]``."""

    def to_internal_value(self, data):
        if not isinstance(data, list):
            self.fail("not_a_list", input_type=type(data).__name__)
        return super().to_internal_value(data)


class BriefRelatedField(serializers.PrimaryKeyRelatedField):
    """A relation written as the related object's id and read back as its brief serializer."""

    def __init__(self, serializer_class, **kwargs):
        self.serializer_class = serializer_class
        super().__init__(**kwargs)

    @classmethod
    def many_init(cls, *args, **kwargs):
        list_kwargs = {key: value for key, value in kwargs.items() if key in MANY_RELATION_KWARGS}
        return ListRelatedField(child_relation=cls(*args, **kwargs), **list_kwargs)

    def run_validation(self, data=empty):
        # DRF reads "" as null for every relation; the schema says an id or null (bodies are JSON only), so ""
        # is a 400 like "1".
        if data == "":
            self.fail("incorrect_type", data_type="str")
        return super().run_validation(data)

    def to_internal_value(self, data):
        # An id is a JSON integer, as the schema says; DRF would also look up "1" and true.
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("incorrect_type", data_type=type(data).__name__)
        return super().to_internal_value(data)

    def use_pk_only_optimization(self):
        return False

    def to_representation(self, value):
        return read_cache(self.context).brief(self.serializer_class, value)

    def get_choices(self, cutoff=None):
        """Key the browsable API's choices by id: the brief representation is a dict and cannot be a key."""
        queryset = self.get_queryset()
        if queryset is None:
            return {}
        if cutoff is not None:
            queryset = queryset[:cutoff]
        return {item.pk: self.display_value(item) for item in queryset}


class BriefPublicationSerializer(FastReadSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:publication-detail")

    class Meta:
        model = Publication
        fields = ["id", "url", "name", "slug"]

    def to_representation(self, publication):
        pk = publication.pk
        return {
            "id": pk,
            "url": self.cache.link("api:publication-detail", pk),
            "name": publication.name,
            "slug": publication.slug,
        }


class BriefSpeakerSerializer(FastReadSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:speaker-detail")

    class Meta:
        model = Speaker
        fields = ["id", "url", "name", "slug"]

    def to_representation(self, speaker):
        pk = speaker.pk
        return {"id": pk, "url": self.cache.link("api:speaker-detail", pk), "name": speaker.name, "slug": speaker.slug}


class BriefArticleSerializer(FastReadSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:article-detail")
    web_url = serializers.URLField(
        source="url", read_only=True, allow_blank=True, help_text="The article on the web; empty when unknown."
    )
    publication = serializers.CharField(
        source="publication.name", read_only=True, allow_null=True, help_text="Name of the outlet."
    )

    class Meta:
        model = Article
        fields = ["id", "url", "title", "web_url", "published", "publication"]

    def to_representation(self, article):
        pk, publication = article.pk, article.publication
        return {
            "id": pk,
            "url": self.cache.link("api:article-detail", pk),
            "title": article.title,
            "web_url": article.url,
            "published": _date(article.published),
            "publication": publication and publication.name,
        }


class BriefSourceSerializer(FastReadSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:source-detail")
    web_url = serializers.URLField(
        source="url", read_only=True, allow_blank=True, help_text="The original on the web; empty when unknown."
    )
    publisher = serializers.CharField(
        source="publisher.name", read_only=True, allow_null=True, help_text="Name of the publisher."
    )

    class Meta:
        model = Source
        fields = ["id", "url", "kind", "title", "publisher", "web_url", "date"]

    def to_representation(self, source):
        pk, publisher = source.pk, source.publisher
        return {
            "id": pk,
            "url": self.cache.link("api:source-detail", pk),
            "kind": source.kind,
            "title": source.title,
            "publisher": publisher and publisher.name,
            "web_url": source.url,
            "date": _date(source.date),
        }


class BriefReviewSerializer(FastReadSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:review-detail")
    rating_value = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text="schema.org rating, 1 (false) to 5 (true); null if unverifiable.",
    )

    class Meta:
        model = Review
        fields = ["id", "url", "rating", "rating_value"]

    def to_representation(self, review):
        pk = review.pk
        return {
            "id": pk,
            "url": self.cache.link("api:review-detail", pk),
            "rating": review.rating,
            "rating_value": review.rating_value,
        }


class BriefStatementSerializer(FastReadSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:statement-detail")
    speaker = BriefSpeakerSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Statement
        fields = [
            "id",
            "url",
            "text",
            "kind",
            "cue",
            "status",
            "speaker",
            "speaker_as_written",
            "paragraph",
            "spans",
        ]
        read_only_fields = fields

    def to_representation(self, statement):
        cache, pk = self.cache, statement.pk
        return {
            "id": pk,
            "url": cache.link("api:statement-detail", pk),
            "text": statement.text,
            "kind": statement.kind,
            "cue": statement.cue,
            "status": statement.status,
            "speaker": cache.brief(BriefSpeakerSerializer, statement.speaker),
            "speaker_as_written": statement.speaker_as_written,
            "paragraph": statement.paragraph,
            "spans": statement.spans,
        }


class PublicationSerializer(FastReadSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:publication-detail")

    class Meta:
        model = Publication
        fields = ["id", "url", "name", "slug", "web_url", "description", "created", "updated"]
        extra_kwargs = {"web_url": {"source": "url"}, "slug": {"required": False}}

    def to_representation(self, publication):
        cache, pk = self.cache, publication.pk
        return {
            "id": pk,
            "url": cache.link("api:publication-detail", pk),
            "name": publication.name,
            "slug": publication.slug,
            "web_url": publication.url,
            "description": publication.description,
            "created": cache.datetime(publication.created),
            "updated": cache.datetime(publication.updated),
        }


class SpeakerRoleSerializer(serializers.ModelSerializer):
    class Meta:
        model = SpeakerRole
        fields = ["title", "organization", "start_date", "end_date"]


class SpeakerSerializer(FastReadSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:speaker-detail")
    aliases = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="name", help_text="Other names the speaker is printed under."
    )
    roles = SpeakerRoleSerializer(many=True, read_only=True, help_text="Positions held, latest first.")
    members = BriefSpeakerSerializer(many=True, read_only=True, help_text="For a group: the people in it.")
    statement_count = serializers.SerializerMethodField(help_text="Statements by this speaker that you may see.")

    class Meta:
        model = Speaker
        fields = [
            "id",
            "url",
            "name",
            "slug",
            "kind",
            "description",
            "wikidata_id",
            "aliases",
            "roles",
            "members",
            "statement_count",
            "created",
            "updated",
        ]
        extra_kwargs = {"slug": {"required": False}}

    def get_statement_count(self, speaker) -> int:
        # A speaker just created through the API has no annotation, and no statements.
        return getattr(speaker, "statement_count", 0)

    def to_representation(self, speaker):
        cache, pk = self.cache, speaker.pk
        return {
            "id": pk,
            "url": cache.link("api:speaker-detail", pk),
            "name": speaker.name,
            "slug": speaker.slug,
            "kind": speaker.kind,
            "description": speaker.description,
            "wikidata_id": speaker.wikidata_id,
            "aliases": [alias.name for alias in speaker.aliases.all()],
            "roles": [
                {
                    "title": role.title,
                    "organization": role.organization,
                    "start_date": _date(role.start_date),
                    "end_date": _date(role.end_date),
                }
                for role in speaker.roles.all()
            ],
            "members": [cache.brief(BriefSpeakerSerializer, member) for member in speaker.members.all()],
            "statement_count": self.get_statement_count(speaker),
            "created": cache.datetime(speaker.created),
            "updated": cache.datetime(speaker.updated),
        }


class ArticleSerializer(FastReadSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:article-detail")
    publication = BriefRelatedField(
        BriefPublicationSerializer,
        queryset=Publication.objects.all(),
        required=False,
        allow_null=True,
        help_text="Outlet that published the article (write its id).",
    )

    class Meta:
        model = Article
        fields = [
            "id",
            "url",
            "title",
            "byline",
            "published",
            "publication",
            "web_url",
            "language",
            "body_sha256",
            "created",
            "updated",
        ]
        read_only_fields = ["body_sha256"]
        extra_kwargs = {"web_url": {"source": "url"}}

    def to_representation(self, article):
        cache, pk = self.cache, article.pk
        return {
            "id": pk,
            "url": cache.link("api:article-detail", pk),
            "title": article.title,
            "byline": article.byline,
            "published": _date(article.published),
            "publication": cache.brief(BriefPublicationSerializer, article.publication),
            "web_url": article.url,
            "language": article.language,
            "body_sha256": article.body_sha256,
            "created": cache.datetime(article.created),
            "updated": cache.datetime(article.updated),
        }


# How many statements an article's detail embeds; ``statements_url`` pages through all of them.
ARTICLE_DETAIL_STATEMENTS = 100


class ArticleDetailSerializer(ArticleSerializer):
    """An article with its body and the statements it reports; the body is set once, on creation."""

    statement_count = serializers.IntegerField(
        source="visible_statement_count", read_only=True, help_text="How many statements of the article you may see."
    )
    statements = BriefStatementSerializer(
        source="embedded_statements",
        many=True,
        read_only=True,
        help_text=f"The first {ARTICLE_DETAIL_STATEMENTS} of them, in body order; `statements_url` lists them all.",
    )
    statements_url = serializers.SerializerMethodField(
        help_text="Every statement of the article, in body order, a page at a time (the statements list filtered "
        "by `article`)."
    )

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body", "statement_count", "statements", "statements_url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_statements_url(self, article):
        request = self.context.get("request")
        return f"{reverse('api:statement-list', request=request)}?article={article.pk}"

    def to_representation(self, article):
        representation = super().to_representation(article)
        representation["body"] = article.body
        brief = self.cache.brief
        # An article just created has neither annotation nor prefetch, and no statements.
        representation["statement_count"] = getattr(article, "visible_statement_count", 0)
        statements = getattr(article, "embedded_statements", [])
        representation["statements"] = [brief(BriefStatementSerializer, s) for s in statements]
        representation["statements_url"] = self.get_statements_url(article)
        return representation

    def validate_body(self, body):
        if self.instance is not None and body != self.instance.body:
            raise serializers.ValidationError("The body cannot change: statement spans index into it.")
        try:
            validate_article_size(body)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from error
        return body

    def validate(self, attrs):
        if self.instance is None:
            # The same key ingestion uses, so an article posted here and then found in a seed is not stored twice.
            attrs["body_sha256"] = sha256_of_body(normalise_body(attrs["body"]))
            existing = Article.objects.filter(body_sha256=attrs["body_sha256"]).first()
            if existing is not None:
                raise serializers.ValidationError({"body": f"Article {existing.pk} already has this body."})
        return attrs


class SourceSerializer(FastReadSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:source-detail")
    publisher = BriefRelatedField(
        BriefPublicationSerializer,
        queryset=Publication.objects.all(),
        required=False,
        allow_null=True,
        help_text="Who published or hosted it (write its id).",
    )
    speakers = BriefRelatedField(
        BriefSpeakerSerializer,
        queryset=Speaker.objects.all(),
        many=True,
        required=False,
        help_text="Who authored or delivered it (write their ids).",
    )

    class Meta:
        model = Source
        fields = [
            "id",
            "url",
            "kind",
            "title",
            "publisher",
            "web_url",
            "date",
            "speakers",
            "created",
            "updated",
        ]
        extra_kwargs = {"web_url": {"source": "url"}}

    def to_representation(self, source):
        cache, pk = self.cache, source.pk
        return {
            "id": pk,
            "url": cache.link("api:source-detail", pk),
            "kind": source.kind,
            "title": source.title,
            "publisher": cache.brief(BriefPublicationSerializer, source.publisher),
            "web_url": source.url,
            "date": _date(source.date),
            "speakers": [cache.brief(BriefSpeakerSerializer, speaker) for speaker in source.speakers.all()],
            "created": cache.datetime(source.created),
            "updated": cache.datetime(source.updated),
        }


class StatementSerializer(FastReadSerializer):
    """A statement with everything a reader needs: its speaker, article, original source, spans and parts.

    ``spans`` are never written: on creation, and when ``text`` or ``article`` changes, the server finds
    the text in the article body (whitespace may differ) and checks the spans with ``validate_spans``.
    """

    url = serializers.HyperlinkedIdentityField(view_name="api:statement-detail")
    article = BriefRelatedField(
        BriefArticleSerializer,
        queryset=Article.objects.all(),
        help_text="The reporting article (write its id).",
    )
    speaker = BriefRelatedField(
        BriefSpeakerSerializer,
        queryset=Speaker.objects.all(),
        required=False,
        allow_null=True,
        help_text="The curated speaker (write its id); null while unattributed.",
    )
    source = BriefRelatedField(
        BriefSourceSerializer,
        queryset=Source.objects.all(),
        required=False,
        allow_null=True,
        help_text="Where it was originally said (write its id); null when unknown.",
    )
    parts = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="The body text of each span."
    )
    review = BriefReviewSerializer(read_only=True, allow_null=True, help_text="The fact-check verdict, if any.")

    class Meta:
        model = Statement
        fields = [
            "id",
            "url",
            "text",
            "kind",
            "cue",
            "status",
            "speaker",
            "speaker_as_written",
            "role_as_written",
            "article",
            "source",
            "paragraph",
            "spans",
            "parts",
            "confidence",
            "curator_note",
            "review",
            "created",
            "updated",
        ]
        read_only_fields = ["spans"]
        extra_kwargs = {"confidence": {"min_value": 0.0, "max_value": 1.0}}

    def to_representation(self, statement):
        cache, pk = self.cache, statement.pk
        try:
            review = statement.review
        except ObjectDoesNotExist:
            review = None
        return {
            "id": pk,
            "url": cache.link("api:statement-detail", pk),
            "text": statement.text,
            "kind": statement.kind,
            "cue": statement.cue,
            "status": statement.status,
            "speaker": cache.brief(BriefSpeakerSerializer, statement.speaker),
            "speaker_as_written": statement.speaker_as_written,
            "role_as_written": statement.role_as_written,
            "article": cache.brief(BriefArticleSerializer, statement.article),
            "source": cache.brief(BriefSourceSerializer, statement.source),
            "paragraph": statement.paragraph,
            "spans": statement.spans,
            "parts": statement.parts,
            "confidence": statement.confidence,
            "curator_note": statement.curator_note,
            "review": cache.brief(BriefReviewSerializer, review),
            "created": cache.datetime(statement.created),
            "updated": cache.datetime(statement.updated),
        }

    def represent_row(self, row):
        """``to_representation`` of a ``StatementQuerySet.list_rows`` dict: the same JSON, with the embeds written
        as the brief serializers write them, from joined columns instead of model instances (the list and detail
        JSON reads; ``tests/api/test_serializers.py`` compares the two)."""
        cache, pk = self.cache, row["id"]
        link = cache.link
        speaker_id, article_id, source_id = row["speaker_id"], row["article_id"], row["source_id"]
        review_id, rating = row["review_pk"], row["review_rating"]
        body, spans = row["article__body"], row["spans"]
        return {
            "id": pk,
            "url": link("api:statement-detail", pk),
            "text": row["text"],
            "kind": row["kind"],
            "cue": row["cue"],
            "status": row["status"],
            "speaker": None
            if speaker_id is None
            else {
                "id": speaker_id,
                "url": link("api:speaker-detail", speaker_id),
                "name": row["speaker__name"],
                "slug": row["speaker__slug"],
            },
            "speaker_as_written": row["speaker_as_written"],
            "role_as_written": row["role_as_written"],
            "article": {
                "id": article_id,
                "url": link("api:article-detail", article_id),
                "title": row["article__title"],
                "web_url": row["article__url"],
                "published": _date(row["article__published"]),
                "publication": row["article__publication__name"],
            },
            "source": None
            if source_id is None
            else {
                "id": source_id,
                "url": link("api:source-detail", source_id),
                "kind": row["source__kind"],
                "title": row["source__title"],
                "publisher": row["source__publisher__name"],
                "web_url": row["source__url"],
                "date": _date(row["source__date"]),
            },
            "paragraph": row["paragraph"],
            "spans": spans,
            "parts": [body[start:end] for start, end in spans],
            "confidence": row["confidence"],
            "curator_note": row["curator_note"],
            "review": None
            if review_id is None
            else {
                "id": review_id,
                "url": link("api:review-detail", review_id),
                "rating": rating,
                "rating_value": RATING_VALUES.get(rating),
            },
            "created": cache.datetime(row["created"]),
            "updated": cache.datetime(row["updated"]),
        }

    def validate_kind(self, kind):
        if kind == StatementKind.QUESTION and self.instance is not None and hasattr(self.instance, "review"):
            raise serializers.ValidationError(REVIEWED_IS_A_CLAIM)
        return kind

    def validate(self, attrs):
        article = attrs.get("article", getattr(self.instance, "article", None))
        text = attrs.get("text", getattr(self.instance, "text", None))
        if self.instance is not None and article == self.instance.article and text == self.instance.text:
            return attrs
        others = Statement.objects.filter(article=article)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        taken = set(others.values_list("position", flat=True))
        try:
            validate_statement_count(len(taken) + 1)
        except DjangoValidationError as error:
            raise serializers.ValidationError({"article": error.messages}) from error
        spans = locate_spans(article.body, text, taken)
        if spans is None:
            raise serializers.ValidationError(
                {
                    "text": "The text does not occur in the article body, "
                    "or another statement of the article already starts there."
                }
            )
        try:
            validate_spans(spans, article.body, text)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error
        attrs["spans"] = spans
        return attrs


class ReviewSerializer(FastReadSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:review-detail")
    statement = BriefRelatedField(
        BriefStatementSerializer,
        queryset=Statement.objects.all(),
        validators=[UniqueValidator(Review.objects.all(), message="This statement already has a review.")],
        help_text="The checked statement (write its id).",
    )
    rating_value = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text="schema.org rating, 1 (false) to 5 (true); null if unverifiable.",
    )
    reviewer = serializers.CharField(
        source="reviewer.username", read_only=True, allow_null=True, help_text="The curator who wrote it."
    )
    claimreview = serializers.HyperlinkedIdentityField(
        view_name="api:statement-claimreview",
        lookup_field="statement_id",
        lookup_url_kwarg="pk",
        help_text="The review as schema.org ClaimReview JSON-LD.",
    )

    class Meta:
        model = Review
        fields = [
            "id",
            "url",
            "statement",
            "rating",
            "rating_value",
            "explanation",
            "reviewer",
            "reviewed_on",
            "web_url",
            "claimreview",
            "created",
            "updated",
        ]
        extra_kwargs = {"web_url": {"source": "url"}}

    def validate_statement(self, statement):
        if not statement.is_claim:
            raise serializers.ValidationError(QUESTION_NOT_REVIEWABLE)
        return statement

    def to_representation(self, review):
        cache, pk, reviewer = self.cache, review.pk, review.reviewer
        return {
            "id": pk,
            "url": cache.link("api:review-detail", pk),
            "statement": cache.brief(BriefStatementSerializer, review.statement),
            "rating": review.rating,
            "rating_value": review.rating_value,
            "explanation": review.explanation,
            "reviewer": reviewer and reviewer.username,
            "reviewed_on": _date(review.reviewed_on),
            "web_url": review.url,
            "claimreview": cache.link("api:statement-claimreview", review.statement_id),
            "created": cache.datetime(review.created),
            "updated": cache.datetime(review.updated),
        }

    def get_fields(self):
        """Offer only the statements the requesting user may see (``StatementQuerySet.visible_to``)."""
        fields = super().get_fields()
        request = self.context.get("request")
        fields["statement"].queryset = Statement.objects.visible_to(getattr(request, "user", None))
        return fields


class HistoryChangeSerializer(serializers.Serializer):
    field = serializers.CharField(help_text="The field that changed; a relation is named without `_id`.")
    old = serializers.JSONField(allow_null=True, help_text="Its value before (a related object's id).")
    new = serializers.JSONField(allow_null=True, help_text="Its value after (a related object's id).")


class StatementHistorySerializer(serializers.Serializer):
    """One recorded change to a statement (its django-simple-history record)."""

    CHANGE_TYPES = {"+": "created", "~": "changed", "-": "deleted"}

    history_id = serializers.IntegerField(help_text="Id of this history record.")
    date = serializers.DateTimeField(help_text="When the change was made.")
    user = serializers.CharField(allow_null=True, help_text="Username of who made it; null for a script.")
    change_type = serializers.ChoiceField(choices=list(CHANGE_TYPES.values()), help_text="What happened.")
    change_reason = serializers.CharField(
        allow_null=True, help_text="Why, when recorded: a bulk status change, a speaker merge."
    )
    changes = HistoryChangeSerializer(
        many=True, help_text="Fields that differ from the record before, by name; empty for the first record."
    )

    def to_representation(self, pair):
        """``pair`` is a history record and the one before it (None for the first), which the changes are against."""
        record, previous = pair
        delta = record.diff_against(previous).changes if previous is not None else []
        return super().to_representation(
            {
                "history_id": record.history_id,
                "date": record.history_date,
                "user": record.history_user.username if record.history_user else None,
                "change_type": self.CHANGE_TYPES[record.history_type],
                "change_reason": record.history_change_reason,
                "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in delta],
            }
        )

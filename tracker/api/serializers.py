"""Serializers: one per resource, and a brief one per model for embedding in others.

Naming rule for links: ``url`` is always the object's own API address; ``web_url`` is the page on the web
that the record describes (the article, the source, the outlet's home page, the published fact-check).
"""

import re

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers
from rest_framework.validators import UniqueValidator

from tracker.extraction import normalise_body
from tracker.models import (
    Article,
    Publication,
    Review,
    Source,
    Speaker,
    SpeakerRole,
    Statement,
    sha256_of_body,
    validate_spans,
)


class BriefRelatedField(serializers.PrimaryKeyRelatedField):
    """A relation written as the related object's id and read back as its brief serializer."""

    def __init__(self, serializer_class, **kwargs):
        self.serializer_class = serializer_class
        super().__init__(**kwargs)

    def use_pk_only_optimization(self):
        return False

    def to_representation(self, value):
        return self.serializer_class(value, context=self.context).data

    def get_choices(self, cutoff=None):
        """Key the browsable API's choices by id: the brief representation is a dict and cannot be a key."""
        queryset = self.get_queryset()
        if queryset is None:
            return {}
        if cutoff is not None:
            queryset = queryset[:cutoff]
        return {item.pk: self.display_value(item) for item in queryset}


class BriefPublicationSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:publication-detail")

    class Meta:
        model = Publication
        fields = ["id", "url", "name", "slug"]


class BriefSpeakerSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:speaker-detail")

    class Meta:
        model = Speaker
        fields = ["id", "url", "name", "slug"]


class BriefArticleSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:article-detail")
    web_url = serializers.URLField(source="url", read_only=True, help_text="The article on the web.")
    publication = serializers.CharField(
        source="publication.name", read_only=True, allow_null=True, help_text="Name of the outlet."
    )

    class Meta:
        model = Article
        fields = ["id", "url", "title", "web_url", "published", "publication"]


class BriefSourceSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:source-detail")
    web_url = serializers.URLField(source="url", read_only=True, help_text="The original on the web.")
    publisher = serializers.CharField(
        source="publisher.name", read_only=True, allow_null=True, help_text="Name of the publisher."
    )

    class Meta:
        model = Source
        fields = ["id", "url", "kind", "title", "publisher", "web_url", "date"]


class BriefReviewSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:review-detail")
    rating_value = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text="schema.org rating, 1 (false) to 5 (true); null if unverifiable.",
    )

    class Meta:
        model = Review
        fields = ["id", "url", "rating", "rating_value"]


class BriefStatementSerializer(serializers.ModelSerializer):
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


class PublicationSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:publication-detail")

    class Meta:
        model = Publication
        fields = ["id", "url", "name", "slug", "web_url", "description", "created", "updated"]
        extra_kwargs = {"web_url": {"source": "url"}, "slug": {"required": False}}


class SpeakerRoleSerializer(serializers.ModelSerializer):
    class Meta:
        model = SpeakerRole
        fields = ["title", "organization", "start_date", "end_date"]


class SpeakerSerializer(serializers.ModelSerializer):
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


class ArticleSerializer(serializers.ModelSerializer):
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


class ArticleDetailSerializer(ArticleSerializer):
    """An article with its body and the statements it reports; the body is set once, on creation."""

    statements = BriefStatementSerializer(many=True, read_only=True, help_text="Statements, in body order.")

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body", "statements"]

    def validate_body(self, body):
        if self.instance is not None and body != self.instance.body:
            raise serializers.ValidationError("The body cannot change: statement spans index into it.")
        return body

    def validate(self, attrs):
        if self.instance is None:
            # The same key ingestion uses, so an article posted here and then found in a seed is not stored twice.
            attrs["body_sha256"] = sha256_of_body(normalise_body(attrs["body"]))
            existing = Article.objects.filter(body_sha256=attrs["body_sha256"]).first()
            if existing is not None:
                raise serializers.ValidationError({"body": f"Article {existing.pk} already has this body."})
        return attrs


class SourceSerializer(serializers.ModelSerializer):
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


def locate_spans(body: str, text: str, taken: set[int]) -> list[list[int]] | None:
    """The span of the first occurrence of ``text`` in ``body``, whitespace aside, that starts at no position
    in ``taken``; None when there is none."""
    words = text.split()
    if not words:
        return None
    for match in re.finditer(r"\s+".join(map(re.escape, words)), body):
        if match.start() not in taken:
            return [[match.start(), match.end()]]
    return None


class StatementSerializer(serializers.ModelSerializer):
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

    def validate(self, attrs):
        article = attrs.get("article", getattr(self.instance, "article", None))
        text = attrs.get("text", getattr(self.instance, "text", None))
        if self.instance is not None and article == self.instance.article and text == self.instance.text:
            return attrs
        others = Statement.objects.filter(article=article)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        spans = locate_spans(article.body, text, set(others.values_list("position", flat=True)))
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


class ReviewSerializer(serializers.ModelSerializer):
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

    def get_fields(self):
        """Offer only the statements the requesting user may see (``StatementQuerySet.visible_to``)."""
        fields = super().get_fields()
        request = self.context.get("request")
        fields["statement"].queryset = Statement.objects.visible_to(getattr(request, "user", None))
        return fields

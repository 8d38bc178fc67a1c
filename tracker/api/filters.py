"""FilterSets, one per resource. Every parameter is validated: a bad value is a 400 naming it, never ignored.

Parameters combine with AND; a repeated parameter (``?speaker=a&speaker=b``) matches any of its values.
"""

import re

import django_filters as filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django_filters.fields import ModelMultipleChoiceField
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import exceptions

from tracker.choices import Rating, ReviewStatus, SourceKind, SpeakerKind, StatementKind
from tracker.models import Article, Publication, Review, Source, Speaker, Statement

Q_MAX_LENGTH = 200
BOOLEAN_CHOICES = [("true", "true"), ("false", "false")]


class FilterBackend(DjangoFilterBackend):
    """django-filter's backend, except that an empty value is a 400 for every parameter that is not free text.

    django-filter reads ``?published_after=`` as no filter at all; the schema promises a date there, so an empty
    value is as wrong as ``?published_after=soon``. The browsable API's filter form submits its empty fields, so
    its requests keep django-filter's reading.
    """

    def get_filterset(self, request, queryset, view):
        filterset = super().get_filterset(request, queryset, view)
        renderer = getattr(request, "accepted_renderer", None)
        if filterset is None or (renderer is not None and renderer.format == "api"):
            return filterset
        empty = [
            name
            for name, declared in filterset.filters.items()
            if not isinstance(declared, filters.CharFilter) and "" in request.query_params.getlist(name)
        ]
        if empty:
            raise exceptions.ValidationError({name: ["Give a value, or leave the parameter out."] for name in empty})
        return filterset

    def filter_queryset(self, request, queryset, view):
        """The queryset as it is when no parameter names a filter (a detail, page 1, a cursor page).

        Building a FilterSet builds a form field for each of its filters: a few milliseconds a request for nothing
        when no filter applies. A parameter that merely starts with a filter's name (``date_after`` of a range
        filter ``date``) still takes the full path.
        """
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and not any(
            key.startswith(name) for key in request.query_params for name in filterset_class.base_filters
        ):
            return queryset
        return super().filter_queryset(request, queryset, view)


class OrderingFilter(filters.OrderingFilter):
    """``ordering=field,-other``, then ``tiebreakers``, which end with ``id``: pages never overlap."""

    def __init__(self, *args, tiebreakers=("id",), **kwargs):
        self.tiebreakers = tiebreakers
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        # "published," validates as "published" and an empty entry, which names no field: not in the schema's list.
        params = list(value or ())
        if "" in params:
            raise exceptions.ValidationError({self.field_name: ["An empty entry names no field to sort by."]})
        if not params:
            return qs
        return qs.order_by(*(self.get_ordering_value(param) for param in params), *self.tiebreakers)


class ValuesInput(forms.TextInput):
    """The browsable API's input for a filter of related objects: a plain field, where Django's default renders
    every row of the related table as an option (every statement, rejected ones included, on /api/reviews/).
    It reads every value of a repeated parameter, as a multiple select does."""

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)

    def format_value(self, value):
        # One field shows one value: the first of a repeated parameter.
        if isinstance(value, list | tuple):
            value = value[0] if value else None
        return super().format_value(value)


class IdsInput(ValuesInput):
    input_type = "number"


class IdChoiceField(ModelMultipleChoiceField):
    def _check_values(self, value):
        """Refuse ids no database column holds before querying: SQLite raises on integers over 64 bits."""
        for pk in value:
            if not re.fullmatch(r"[0-9]{1,18}", str(pk)):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)


class IdFilter(filters.ModelMultipleChoiceFilter):
    """Related objects by id; an id that is not a whole number or names nothing is a 400."""

    field_class = IdChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", IdsInput)
        super().__init__(*args, **kwargs)


def search_filter(help_text):
    return filters.CharFilter(method="search", max_length=Q_MAX_LENGTH, help_text=help_text)


class SlugFilter(filters.ModelMultipleChoiceFilter):
    """Related objects named by slug (an unknown slug is a 400); ``field_name`` is the relation itself."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", ValuesInput)
        super().__init__(*args, **kwargs)

    def get_filter_predicate(self, v):
        return {self.field_name: v}


def slug_filter(field_name, queryset, help_text, **kwargs):
    return SlugFilter(field_name=field_name, to_field_name="slug", queryset=queryset, help_text=help_text, **kwargs)


class StatementFilterSet(filters.FilterSet):
    q = search_filter(
        "Full-text search in the statement text, best matches first, at most 200 characters. On PostgreSQL "
        'web search syntax with stemming: `nato membership`, `"security guarantees"`, `ukraine -russia`, '
        "`a or b`; on SQLite each word must occur. Ranked pages rank the newest 1,000 matches; give an "
        "explicit `ordering` (or use the CSV export) to page through every match."
    )
    speaker_id = IdFilter(field_name="speaker", queryset=Speaker.objects.all(), distinct=False, help_text="Speaker id.")
    speaker = slug_filter(
        "speaker",
        Speaker.objects.all(),
        "Speaker slug, e.g. `jens-stoltenberg`; `none` for statements no speaker was found for, left to curators.",
        distinct=False,
        null_label="No speaker (unattributed)",
        null_value="none",
    )
    speaker_name = filters.CharFilter(
        method="filter_speaker_name",
        max_length=Q_MAX_LENGTH,
        help_text="Part of the speaker's name or of one of their aliases, ignoring case and accents.",
    )
    article = IdFilter(field_name="article", queryset=Article.objects.all(), distinct=False, help_text="Article id.")
    publication = slug_filter(
        "article__publication",
        Publication.objects.all(),
        "Slug of the publication of the reporting article.",
        distinct=False,
    )
    source = IdFilter(
        field_name="source", queryset=Source.objects.all(), distinct=False, help_text="Original source id."
    )
    source_kind = filters.MultipleChoiceFilter(
        field_name="source__kind",
        choices=SourceKind.choices,
        distinct=False,
        help_text="Kind of original source.",
    )
    kind = filters.MultipleChoiceFilter(
        field_name="kind", choices=StatementKind.choices, distinct=False, help_text="Kind of quote."
    )
    cue = filters.CharFilter(
        field_name="cue", lookup_expr="iexact", max_length=60, help_text="Reporting verb, e.g. `said`."
    )
    status = filters.MultipleChoiceFilter(
        field_name="status", choices=ReviewStatus.choices, distinct=False, help_text="Review status."
    )
    published_after = filters.DateFilter(
        field_name="article__published",
        lookup_expr="gte",
        method="filter_published_after",
        help_text="Article published on or after (YYYY-MM-DD).",
    )
    published_before = filters.DateFilter(
        field_name="article__published",
        lookup_expr="lte",
        method="filter_published_before",
        help_text="Article published on or before (YYYY-MM-DD).",
    )
    ordering = OrderingFilter(
        fields=[("sort_published", "published"), ("sort_speaker", "speaker_name"), ("created", "created")],
        tiebreakers=("article_id", "position", "id"),
        help_text="Sort by article date, speaker name or creation; `-` for descending. Default `-published`, "
        "or best match first with `q`. Ties are in article and body order.",
    )

    class Meta:
        model = Statement
        fields = []

    def search(self, queryset, name, value):
        return queryset.search(value)

    def filter_speaker_name(self, queryset, name, value):
        return queryset.filter(speaker__in=Speaker.objects.search(value).values("pk"))

    # Through the QuerySet, which also bounds the indexed sort key (StatementQuerySet.published_between).
    def filter_published_after(self, queryset, name, value):
        return queryset.published_between(after=value)

    def filter_published_before(self, queryset, name, value):
        return queryset.published_between(before=value)


class SpeakerFilterSet(filters.FilterSet):
    q = search_filter(
        "Name or alias contains this, ignoring case and accents; on PostgreSQL similar names match too "
        "(trigram similarity), closest first. At most 200 characters."
    )
    kind = filters.MultipleChoiceFilter(
        field_name="kind", choices=SpeakerKind.choices, help_text="Person, group or organization."
    )
    organization = filters.CharFilter(
        field_name="roles__organization",
        lookup_expr="icontains",
        distinct=True,
        max_length=Q_MAX_LENGTH,
        help_text="Organization of one of the speaker's roles contains this, e.g. `NATO`.",
    )
    has_statements = filters.ChoiceFilter(
        choices=BOOLEAN_CHOICES,
        method="filter_has_statements",
        help_text="`true`: only speakers with statements; `false`: only speakers without.",
    )
    ordering = OrderingFilter(
        fields=[("name", "name"), ("created", "created"), ("statement_count", "statement_count")],
        help_text="Sort by name, creation or statement count; `-` for descending. Ties are ordered by id.",
    )

    class Meta:
        model = Speaker
        fields = []

    def search(self, queryset, name, value):
        return queryset.search(value)

    def filter_has_statements(self, queryset, name, value):
        return queryset.filter(statement_count__gt=0) if value == "true" else queryset.filter(statement_count=0)


class ArticleFilterSet(filters.FilterSet):
    q = search_filter("Title, byline or publication name contains this; at most 200 characters.")
    publication = slug_filter("publication", Publication.objects.all(), "Publication slug.", distinct=False)
    published_after = filters.DateFilter(
        field_name="published", lookup_expr="gte", help_text="Published on or after (YYYY-MM-DD)."
    )
    published_before = filters.DateFilter(
        field_name="published", lookup_expr="lte", help_text="Published on or before (YYYY-MM-DD)."
    )
    speaker = slug_filter(
        "statements__speaker",
        Speaker.objects.all(),
        "Slug of a speaker the article quotes.",
        method="filter_speaker",
    )
    ordering = OrderingFilter(
        fields=[("published", "published"), ("title", "title"), ("created", "created")],
        help_text="Sort by date, title or creation; `-` for descending. Default `-published`. Ties by id.",
    )

    class Meta:
        model = Article
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value) | Q(byline__icontains=value) | Q(publication__name__icontains=value)
        )

    def filter_speaker(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.quoting(value, getattr(self.request, "user", None))


class SourceFilterSet(filters.FilterSet):
    q = search_filter("Title or publisher name contains this; at most 200 characters.")
    kind = filters.MultipleChoiceFilter(
        field_name="kind", choices=SourceKind.choices, distinct=False, help_text="Kind of source."
    )
    publisher = slug_filter("publisher", Publication.objects.all(), "Publisher slug.", distinct=False)
    date_after = filters.DateFilter(field_name="date", lookup_expr="gte", help_text="On or after (YYYY-MM-DD).")
    date_before = filters.DateFilter(field_name="date", lookup_expr="lte", help_text="On or before (YYYY-MM-DD).")
    speaker = slug_filter("speakers", Speaker.objects.all(), "Slug of a speaker who authored it.")
    ordering = OrderingFilter(
        fields=[("date", "date"), ("created", "created")],
        help_text="Sort by date or creation; `-` for descending. Default `-date`. Ties by id.",
    )

    class Meta:
        model = Source
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(publisher__name__icontains=value))


class PublicationFilterSet(filters.FilterSet):
    q = search_filter("Name or description contains this; at most 200 characters.")
    ordering = OrderingFilter(
        fields=[("name", "name"), ("created", "created")],
        help_text="Sort by name or creation; `-` for descending. Default `name`. Ties by id.",
    )

    class Meta:
        model = Publication
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(description__icontains=value))


class ReviewFilterSet(filters.FilterSet):
    rating = filters.MultipleChoiceFilter(
        field_name="rating", choices=Rating.choices, distinct=False, help_text="The verdict."
    )
    # Only statements the user may see: a rejected one is as unknown as a missing id (a 400), not an empty page.
    statement = IdFilter(
        field_name="statement",
        queryset=lambda request: Statement.objects.visible_to(getattr(request, "user", None)),
        distinct=False,
        help_text="Statement id.",
    )
    speaker = slug_filter("statement__speaker", Speaker.objects.all(), "Slug of the reviewed speaker.", distinct=False)
    reviewed_after = filters.DateFilter(
        field_name="reviewed_on", lookup_expr="gte", help_text="Reviewed on or after (YYYY-MM-DD)."
    )
    reviewed_before = filters.DateFilter(
        field_name="reviewed_on", lookup_expr="lte", help_text="Reviewed on or before (YYYY-MM-DD)."
    )
    ordering = OrderingFilter(
        fields=[("reviewed_on", "reviewed_on"), ("created", "created")],
        help_text="Sort by review date or creation; `-` for descending. Default `-reviewed_on`. Ties by id.",
    )

    class Meta:
        model = Review
        fields = []

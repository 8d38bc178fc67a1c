"""API viewsets: each is its queryset, serializer and FilterSet on top of ``TrackerViewSet``."""

import hashlib
from itertools import islice

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date
from django.views.defaults import page_not_found
from django.views.defaults import server_error as default_server_error
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.renderers import BrowsableAPIRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings

from tracker.models import (
    CURATION_FIELDS,
    CURATION_PERMISSION,
    Article,
    Publication,
    Review,
    Source,
    Speaker,
    Statement,
    is_curator,
)

from .filters import (
    ArticleFilterSet,
    PublicationFilterSet,
    ReviewFilterSet,
    SourceFilterSet,
    SpeakerFilterSet,
    StatementFilterSet,
)
from .jsonld import claim_review
from .pagination import KeysetCursorPagination, PageNumberPagination
from .renderers import JSONLDRenderer, ORJSONRenderer, StatementCSVRenderer
from .schema import CLAIM_REVIEW_SCHEMA
from .serializers import (
    ARTICLE_DETAIL_STATEMENTS,
    ArticleDetailSerializer,
    ArticleSerializer,
    PublicationSerializer,
    ReviewSerializer,
    SourceSerializer,
    SpeakerSerializer,
    StatementHistorySerializer,
    StatementSerializer,
)
from .throttling import ExportRateThrottle


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "This conflicts with stored records."
    default_code = "conflict"


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "request_too_large"

    def __init__(self):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        super().__init__(f"The request body is over the limit of {limit} bytes (DATA_UPLOAD_MAX_MEMORY_SIZE).")


def answer_in_json(request):
    """Make an answer that is not a resource (an error, OPTIONS metadata) JSON, whatever format was asked for:
    a CSV or JSON-LD renderer cannot write it."""
    if getattr(request, "accepted_renderer", None) and request.accepted_renderer.format != "api":
        request.accepted_renderer = ORJSONRenderer()
        request.accepted_media_type = ORJSONRenderer.media_type


def not_found(request, exception):
    """``handler404``: an address under /api/ that no route matches (``/api/statements/abc/``) answers JSON too."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return page_not_found(request, exception)


def server_error(request):
    """``handler500``: under /api/ a JSON body, as every other API error, without any detail of the failure."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Server error."}, status=500)
    return default_server_error(request)


def last_modified(data):
    """The newest ``updated`` among the top-level objects of a detail or list body, or None."""
    items = data.get("results", [data]) if isinstance(data, dict) else data
    stamps = [parse_datetime(item["updated"]) for item in items if isinstance(item, dict) and item.get("updated")]
    return max(stamps) if stamps else None


class ConditionalGetMixin:
    """``ETag`` and ``Last-Modified`` on every successful GET, and 304 when ``If-None-Match`` matches.

    The ETag hashes the rendered body, so it changes with anything the answer shows, an embedded speaker's
    new name or a statement that became hidden included. ``Last-Modified`` (newest ``updated`` among the
    objects shown) is informative only: a deletion does not advance it, so ``If-Modified-Since`` is not
    honoured and clients revalidate with ``If-None-Match``.
    """

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if not isinstance(response, Response):
            return response
        # The body differs with the format and, through visibility, with the user.
        patch_vary_headers(response, ["Accept", "Authorization", "Cookie"])
        response.render()
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:40]}"'
        response["ETag"] = etag
        modified = last_modified(response.data)
        if modified is not None:
            response["Last-Modified"] = http_date(modified.timestamp())
        return get_conditional_response(request, etag=etag, response=response)


class TrackerViewSet(ConditionalGetMixin, viewsets.ModelViewSet):
    """A model resource: list, retrieve, create, update, delete, with conditional GETs and safe writes.

    Writes that would break a database constraint answer 400 (field errors) or 409 (conflict), never 500.
    """

    lookup_value_regex = "[0-9]+"

    def initial(self, request, *args, **kwargs):
        # DRF's JSON parser reads the request stream itself, past Django's size check; reading the body through
        # HttpRequest.body first applies DATA_UPLOAD_MAX_MEMORY_SIZE to every content type (RequestDataTooBig).
        request._request.body  # noqa: B018
        super().initial(request, *args, **kwargs)

    def perform_content_negotiation(self, request, force=False):
        """An unknown or empty ``?format=`` is a 400 naming the parameter, as any other bad parameter (DRF answers
        an unknown one with a 404 and ignores an empty one)."""
        try:
            if not force and request.query_params.get("format") == "":
                raise Http404
            return super().perform_content_negotiation(request, force)
        except Http404:
            formats = ", ".join(sorted({renderer.format for renderer in self.get_renderers()}))
            raise exceptions.ValidationError({"format": [f"Unknown format; use one of: {formats}."]}) from None

    def handle_exception(self, exc):
        answer_in_json(self.request)
        if isinstance(exc, RequestDataTooBig):
            exc = RequestTooLarge()
        return super().handle_exception(exc)

    def options(self, request, *args, **kwargs):
        answer_in_json(request)
        return super().options(request, *args, **kwargs)

    def save(self, serializer, **kwargs):
        try:
            with transaction.atomic():
                serializer.save(**kwargs)
        except DjangoValidationError as error:
            detail = error.message_dict if hasattr(error, "error_dict") else error.messages
            raise exceptions.ValidationError(detail) from error
        except IntegrityError as error:
            raise Conflict() from error

    def perform_create(self, serializer):
        self.save(serializer)

    def perform_update(self, serializer):
        self.save(serializer)

    def perform_destroy(self, instance):
        try:
            with transaction.atomic():
                instance.delete()
        except ProtectedError as error:
            names = ", ".join(sorted({str(obj._meta.verbose_name_plural) for obj in error.protected_objects}))
            raise Conflict(f"Still referenced by {names}; reassign or delete those first.") from error


class PublicationViewSet(TrackerViewSet):
    """Outlets that publish articles or host original statements."""

    queryset = Publication.objects.all()
    serializer_class = PublicationSerializer
    filterset_class = PublicationFilterSet


class SpeakerViewSet(TrackerViewSet):
    """People, groups and organizations, with their aliases, roles, members and statement count."""

    queryset = Speaker.objects.all()
    serializer_class = SpeakerSerializer
    filterset_class = SpeakerFilterSet

    def get_queryset(self):
        return super().get_queryset().with_statement_count(self.request.user)


class ArticleViewSet(TrackerViewSet):
    """Articles; the detail adds the body and the first statements it reports, with a link to all of them."""

    queryset = Article.objects.select_related("publication")
    serializer_class = ArticleDetailSerializer
    filterset_class = ArticleFilterSet

    def get_serializer_class(self):
        return ArticleSerializer if self.action == "list" else ArticleDetailSerializer

    def get_queryset(self):
        if self.action == "list":
            return super().get_queryset().defer("body")
        return super().get_queryset().with_visible_statements(self.request.user, limit=ARTICLE_DETAIL_STATEMENTS)


class SourceViewSet(TrackerViewSet):
    """Where statements were originally made."""

    queryset = Source.objects.select_related("publisher").prefetch_related("speakers")
    serializer_class = SourceSerializer
    filterset_class = SourceFilterSet


def batched(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


class IsCurator(permissions.BasePermission):
    """Users who may change statements: the curators who may read their history."""

    def has_permission(self, request, view):
        return is_curator(request.user)


class MayCurate(permissions.BasePermission):
    """A write that sets a statement's curation fields (``CURATION_FIELDS``) needs the curation permission: a user
    who may only add statements got status "verified", a confidence and a note in. The 403 names the fields."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS or is_curator(request.user) or not isinstance(request.data, dict):
            return True
        sent = [name for name in CURATION_FIELDS if name in request.data]
        if sent:
            self.message = (
                f"Setting {', '.join(sent)} needs the curation permission ({CURATION_PERMISSION}); "
                "leave them out and the statement gets the defaults."
            )
        return not sent


def with_previous(records):
    """Each history record of a page (newest first) paired with the record before it, or None for the first."""
    records = list(records)
    if not records:
        return []
    return list(zip(records, [*records[1:], records[-1].prev_record], strict=True))


STATEMENT_FORMAT = OpenApiParameter(
    "format",
    OpenApiTypes.STR,
    enum=["json", "csv"],
    description="`csv` for flat rows (the list: every row matching the filters, unpaginated; `page_size` and "
    "`cursor` are checked but do not apply). An anonymous export has at most `API_CSV_ANON_MAX_ROWS` rows (5,000 "
    "by default; when more match, a 400) and exports have a rate of their own (`API_THROTTLE_EXPORT`, 30 an hour "
    "by default). A text cell a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a "
    "carriage return) starts with an apostrophe.",
)


@extend_schema_view(
    list=extend_schema(
        parameters=[STATEMENT_FORMAT],
        responses={(200, "application/json"): StatementSerializer, (200, "text/csv"): OpenApiTypes.STR},
    ),
    retrieve=extend_schema(
        parameters=[STATEMENT_FORMAT],
        responses={(200, "application/json"): StatementSerializer, (200, "text/csv"): OpenApiTypes.STR},
    ),
)
class StatementViewSet(TrackerViewSet):
    """Statements with their speaker, article, original source and review embedded.

    Rejected statements are shown only to curators (users with the change_statement permission); for everyone
    else they are left out of lists and their detail is a 404 (``StatementQuerySet.visible_to``). Only curators
    set status, confidence and curator note (``MayCurate``).
    """

    queryset = (
        Statement.objects.with_embedded().with_sort_keys().order_by("-sort_published", "article_id", "position", "id")
    )
    serializer_class = StatementSerializer
    filterset_class = StatementFilterSet
    permission_classes = [*api_settings.DEFAULT_PERMISSION_CLASSES, MayCurate]
    throttle_classes = [*api_settings.DEFAULT_THROTTLE_CLASSES, ExportRateThrottle]
    pagination_class = KeysetCursorPagination
    renderer_classes = [ORJSONRenderer, BrowsableAPIRenderer, StatementCSVRenderer]
    csv_chunk_size = 500
    # JSON reads take the rows of ``StatementQuerySet.list_rows`` (no model instances) and write them with
    # ``StatementSerializer.represent_row``: about half the CPU of a page. Off: the instance path, as for HTML.
    read_rows = True

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)

    def reads_rows(self, request):
        return self.read_rows and request.accepted_renderer.format == ORJSONRenderer.format

    def list(self, request, *args, **kwargs):
        """Statements matching the filters, a cursor page at a time; ``?format=csv`` gives all of them."""
        if self.reads_rows(request):
            page = self.paginate_queryset(self.filter_queryset(self.get_queryset()).list_rows())
            represent = self.get_serializer().represent_row
            return self.get_paginated_response([represent(row) for row in page])
        if request.accepted_renderer.format != StatementCSVRenderer.format:
            return super().list(request, *args, **kwargs)
        queryset = self.filter_queryset(self.get_queryset())
        # Not paginated, yet a bad page_size or cursor is a 400 here too, as on every list.
        self.paginator.read_parameters(request, queryset)
        limit = settings.API_CSV_ANON_MAX_ROWS
        if not request.user.is_authenticated and queryset[: limit + 1].count() > limit:
            raise exceptions.ValidationError(
                {
                    "format": [
                        f"More than {limit:,} statements match: an anonymous CSV export has at most {limit:,} rows "
                        "(API_CSV_ANON_MAX_ROWS). Narrow the filters, for example with published_after, or sign in."
                    ]
                }
            )
        rows = queryset.iterator(chunk_size=self.csv_chunk_size)
        chunks = (self.get_serializer(chunk, many=True).data for chunk in batched(rows, self.csv_chunk_size))
        response = StreamingHttpResponse(
            request.accepted_renderer.lines(chunks), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="statements.csv"'
        return response

    def retrieve(self, request, *args, **kwargs):
        # As ``get_object``, on the row of ``list_rows``; no permission here checks objects (visibility is the
        # queryset's).
        if not self.reads_rows(request):
            return super().retrieve(request, *args, **kwargs)
        queryset = self.filter_queryset(self.get_queryset()).list_rows()
        row = get_object_or_404(queryset, pk=self.kwargs[self.lookup_url_kwarg or self.lookup_field])
        return Response(self.get_serializer().represent_row(row))

    @extend_schema(
        summary="The statement's review as schema.org ClaimReview JSON-LD",
        filters=False,
        responses={(200, "application/ld+json"): OpenApiResponse(CLAIM_REVIEW_SCHEMA, "ClaimReview JSON-LD.")},
    )
    @action(detail=True, renderer_classes=[JSONLDRenderer, BrowsableAPIRenderer])
    def claimreview(self, request, pk=None):
        """404 when the statement has no review, is a question (no claim), or is not visible to you."""
        statement = self.get_object()
        if not statement.is_claim:
            raise exceptions.NotFound("This statement is an interviewer's question, not a claim.")
        try:
            review = statement.review
        except ObjectDoesNotExist:
            raise exceptions.NotFound("This statement has no review.") from None
        return Response(claim_review(review, request))

    @extend_schema(
        summary="The statement's curation history, newest first",
        description="Who changed the statement, when, how (created, changed, deleted), why, and each changed field "
        "with its old and new value. Curators only (users with the change_statement permission).",
        filters=False,
        responses=StatementHistorySerializer(many=True),
    )
    @action(
        detail=True,
        permission_classes=[permissions.IsAuthenticated, IsCurator],
        pagination_class=PageNumberPagination,
        filterset_class=None,
        renderer_classes=[ORJSONRenderer, BrowsableAPIRenderer],
    )
    def history(self, request, pk=None):
        statement = self.get_object()
        records = statement.history.select_related("history_user").order_by("-history_date", "-history_id")
        page = self.paginate_queryset(records)
        serializer = StatementHistorySerializer(with_previous(page), many=True, context=self.get_serializer_context())
        return self.get_paginated_response(serializer.data)


class ReviewViewSet(TrackerViewSet):
    """Fact-check verdicts; a review of a statement you may not see is hidden too."""

    queryset = Review.objects.select_related("statement__speaker", "reviewer")
    serializer_class = ReviewSerializer
    filterset_class = ReviewFilterSet

    def get_queryset(self):
        return super().get_queryset().filter(statement__in=Statement.objects.visible_to(self.request.user))

    def perform_create(self, serializer):
        self.save(serializer, reviewer=self.request.user)

"""Pagination: keyset cursors for statements, page numbers for the smaller lists.

Both take ``page_size`` from 1 to 200; a value outside that range, or not a number, is a 400 (not clamped), so
a client never silently gets fewer rows than it asked for.
"""

import datetime
import math
import re

from django.core import signing
from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from django.utils import timezone
from rest_framework import pagination
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.utils.urls import replace_query_param

MAX_PAGE_SIZE = 200
# A page of statements in search-rank order ranks only this many of the newest matches (StatementQuerySet.newest).
SEARCH_CANDIDATES = 1000
_POSITIVE_INTEGER = re.compile(r"[1-9][0-9]{0,8}")


# Cursors are signed with the secret key (HMAC-SHA256) under this salt: only the server's own are accepted. No
# timestamp, so that one position always has one token and an unchanged page keeps its ETag.
CURSOR_SALT = "tracker.api.pagination.cursor"


def sign_cursor(payload):
    """The opaque token of a cursor ``payload`` (ordering, sort values, direction): its JSON, signed."""
    return signing.Signer(salt=CURSOR_SALT).sign_object(payload)


def _is_cursor_value(value):
    """A sort value as this API writes it into a cursor; bounded so no database rejects it.

    Checked although cursors are signed: a value the server once wrote must still be one a database can compare.
    """
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return abs(value) < 2**63
    if isinstance(value, float):
        return math.isfinite(value)
    if not isinstance(value, str) or len(value) > 1000 or "\x00" in value:
        return False
    try:
        # A lone surrogate (JSON allows "\ud800") is no text a database stores.
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _in_utc(value):
    """A cursor's timestamp in UTC: PostgreSQL refuses offsets beyond ±15:59, which Python takes."""
    if not isinstance(value, datetime.datetime):
        return value
    if timezone.is_naive(value):
        raise ValueError("a cursor timestamp has no offset")
    return value.astimezone(datetime.UTC)


def page_size_from(request, default):
    """The ``page_size`` parameter, or ``default`` when absent; a 400 when out of range."""
    raw = request.query_params.get("page_size")
    # An empty value is no number either: the schema promises an integer.
    if raw is None:
        return default
    if not _POSITIVE_INTEGER.fullmatch(raw) or int(raw) > MAX_PAGE_SIZE:
        raise ValidationError({"page_size": [f"A page size is a whole number from 1 to {MAX_PAGE_SIZE}."]})
    return int(raw)


def page_size_parameter():
    return {
        "name": "page_size",
        "required": False,
        "in": "query",
        "description": f"Items per page, 1 to {MAX_PAGE_SIZE} (default {api_settings.PAGE_SIZE}); "
        "outside that range the answer is a 400.",
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
    }


class PageNumberPagination(pagination.PageNumberPagination):
    """``?page=N`` with a total ``count``: fine for the smaller tables, where COUNT(*) is cheap."""

    last_page_strings = ()

    def get_page_size(self, request):
        return page_size_from(request, self.page_size)

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param, "1")
        if not _POSITIVE_INTEGER.fullmatch(raw):
            raise ValidationError({self.page_query_param: ["A page number is a whole number from 1."]})
        return raw

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": "Page number from 1; a page past the last one is a 404.",
                "schema": {"type": "integer", "minimum": 1, "maximum": 999999999},
            },
            page_size_parameter(),
        ]


class KeysetCursorPagination(pagination.BasePagination):
    """Opaque ``next``/``previous`` cursors that seek past the last row seen: no COUNT(*), no OFFSET.

    A cursor holds the sort values of the row at the page edge. Every sort key is a non-null column or
    annotation and the ordering always ends with ``id``, so "rows after this one" is a plain comparison
    on the sort keys that an index can serve, however deep the page. DRF's CursorPagination compares only
    the first sort key and falls back to OFFSET among ties, which is why this one exists.
    """

    cursor_query_param = "cursor"
    page_size = api_settings.PAGE_SIZE

    def read_parameters(self, request, queryset):
        """``(page_size, position, reverse)`` from the request for ``queryset``'s ordering; a 400 for a bad one."""
        self.request = request
        self.ordering = [(term.lstrip("-"), term.startswith("-")) for term in queryset.query.order_by or ("id",)]
        return page_size_from(request, self.page_size), *self.decode_cursor(request, queryset)

    def paginate_queryset(self, queryset, request, view=None):
        page_size, position, reverse = self.read_parameters(request, queryset)
        if self.ordering[0][0] == "rank":
            # Best search matches first: every match would be ranked to find the best page, so bound the set.
            queryset = queryset.newest(SEARCH_CANDIDATES)
        if position is not None:
            queryset = queryset.filter(self.seek(position, reverse))
        if reverse:
            queryset = queryset.order_by(*(("" if desc else "-") + name for name, desc in self.ordering))
        rows = list(queryset[: page_size + 1])
        has_more = len(rows) > page_size
        rows = rows[:page_size]
        if reverse:
            rows.reverse()
        has_next = has_more if not reverse else position is not None
        has_previous = position is not None if not reverse else has_more
        self.next_cursor = self.encode_cursor(rows[-1], reverse=False) if has_next and rows else None
        self.previous_cursor = self.encode_cursor(rows[0], reverse=True) if has_previous and rows else None
        return rows

    def seek(self, position, reverse):
        """Rows strictly after ``position`` in the ordering (before it when ``reverse``)."""
        after, equal = Q(pk__in=[]), Q()
        for (name, descending), value in zip(self.ordering, position, strict=True):
            lookup = "gt" if descending == reverse else "lt"
            after |= equal & Q(**{f"{name}__{lookup}": value})
            equal &= Q(**{name: value})
        # Implied by the OR above, but a plain range on the first key is what lets an index serve the seek.
        name, descending = self.ordering[0]
        return Q(**{f"{name}__{'gte' if descending == reverse else 'lte'}": position[0]}) & after

    def signature(self):
        return ",".join(("-" if desc else "") + name for name, desc in self.ordering)

    def encode_cursor(self, row, *, reverse):
        # A model instance, or a dict of ``StatementQuerySet.list_rows`` (which reads every sort key).
        if isinstance(row, dict):
            position = [row[name] for name, _ in self.ordering]
        else:
            position = [getattr(row, name) for name, _ in self.ordering]
        payload = {"o": self.signature(), "p": [self.jsonable(value) for value in position], "r": reverse}
        return replace_query_param(self.request.build_absolute_uri(), self.cursor_query_param, sign_cursor(payload))

    @staticmethod
    def jsonable(value):
        return value if isinstance(value, int | float | str) else value.isoformat()

    def decode_cursor(self, request, queryset):
        """The position and direction a ``cursor`` parameter holds; a 400 for one this API did not issue."""
        token = request.query_params.get(self.cursor_query_param)
        if not token:
            return None, False
        try:
            payload = signing.Signer(salt=CURSOR_SALT).unsign_object(token)
            values = payload["p"]
            if payload["o"] != self.signature() or not isinstance(values, list) or len(values) != len(self.ordering):
                raise ValueError("the cursor was issued for another ordering")
            if not all(map(_is_cursor_value, values)) or not isinstance(payload["r"], bool):
                raise ValueError("a cursor value is malformed")
            position = [
                _in_utc(self.sort_field(queryset, name).to_python(value))
                for (name, _), value in zip(self.ordering, values, strict=True)
            ]
            return position, payload["r"]
        except (
            signing.BadSignature,
            DjangoValidationError,
            KeyError,
            OverflowError,
            TypeError,
            UnicodeError,
            ValueError,
        ) as error:
            raise ValidationError(
                {self.cursor_query_param: ["Invalid cursor: use the next or previous link as given."]}
            ) from error

    @staticmethod
    def sort_field(queryset, name):
        if name in queryset.query.annotations:
            return queryset.query.annotations[name].output_field
        try:
            return queryset.model._meta.get_field(name)
        except FieldDoesNotExist:
            return queryset.model._meta.pk

    def get_paginated_response(self, data):
        return Response({"next": self.next_cursor, "previous": self.previous_cursor, "results": data})

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {**link, "description": "The next page; null on the last page."},
                "previous": {**link, "description": "The previous page; null on the first page."},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Opaque position from a `next` or `previous` link; pages are found by "
                "seeking, without counting rows, so there is no total count. Cursors are signed by the "
                "server: one from another ordering, altered or made by hand is a 400.",
                "schema": {"type": "string"},
            },
            page_size_parameter(),
        ]

    def get_results(self, data):
        return data["results"]

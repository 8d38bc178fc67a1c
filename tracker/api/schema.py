"""OpenAPI generation: the error answers, headers and relation shapes that drf-spectacular cannot infer."""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissionsOrAnonReadOnly

DETAIL_ERROR = {
    "type": "object",
    "required": ["detail"],
    "properties": {"detail": {"type": "string", "description": "What went wrong."}},
}
# Field errors are lists of messages keyed by parameter or field name; a body that is not JSON is a
# `detail` message instead.
VALIDATION_ERROR = {
    "type": "object",
    "description": "Messages keyed by the parameter or field that was rejected (`non_field_errors` for the "
    "whole body), or a `detail` message.",
    "additionalProperties": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
}

ERRORS = {
    "304": (None, "Not modified: the `If-None-Match` ETag still matches."),
    "400": (VALIDATION_ERROR, "A parameter or field was rejected; the body names it."),
    "401": (
        DETAIL_ERROR,
        "The credentials given (token or session) are invalid, or a write came without any.",
    ),
    "403": (DETAIL_ERROR, "Signed in without the permission this needs."),
    "404": (DETAIL_ERROR, "No such object (or not visible to you), or a page past the last one."),
    "409": (DETAIL_ERROR, "Conflicts with stored records, e.g. deleting something still referenced."),
    "413": (DETAIL_ERROR, "The request body is over the size limit (`DATA_UPLOAD_MAX_MEMORY_SIZE`, 1 MB by default)."),
    "415": (DETAIL_ERROR, "The request body's content type is not accepted."),
    "429": (DETAIL_ERROR, "Too many requests; retry after `Retry-After` seconds."),
}
ERRORS_BY_METHOD = {
    "GET": ["304", "400", "401", "404", "429"],
    "POST": ["400", "401", "403", "413", "415", "429"],
    "PUT": ["400", "401", "403", "404", "409", "413", "415", "429"],
    "PATCH": ["400", "401", "403", "404", "409", "413", "415", "429"],
    "DELETE": ["400", "401", "403", "404", "409", "429"],
}


class TrackerAutoSchema(AutoSchema):
    """Adds to every operation what the server does besides succeeding, so that the schema matches it."""

    def anyone_reads(self):
        """Whether anonymous users may read here (DjangoModelPermissionsOrAnonReadOnly), unlike statement history."""
        return any(
            issubclass(permission, DjangoModelPermissionsOrAnonReadOnly) for permission in self.view.permission_classes
        )

    def get_auth(self):
        """Reading needs no credentials (DjangoModelPermissionsOrAnonReadOnly), which spectacular misses."""
        auths = super().get_auth()
        if self.method in SAFE_METHODS and self.anyone_reads() and {} not in auths:
            auths.append({})
        return auths

    def get_override_parameters(self):
        parameters = [
            *super().get_override_parameters(),
            OpenApiParameter(
                "Retry-After",
                OpenApiTypes.INT,
                OpenApiParameter.HEADER,
                response=[429],
                description="Seconds until the throttle lets requests through again.",
            ),
        ]
        if self.method == "GET":
            parameters += [
                OpenApiParameter(
                    "If-None-Match",
                    OpenApiTypes.STR,
                    OpenApiParameter.HEADER,
                    description="An `ETag` from an earlier answer: 304 without a body if nothing changed.",
                ),
                OpenApiParameter(
                    "ETag",
                    OpenApiTypes.STR,
                    OpenApiParameter.HEADER,
                    response=[200, 304],
                    description="Hash of the body; send it back in `If-None-Match`.",
                ),
                OpenApiParameter(
                    "Last-Modified",
                    OpenApiTypes.STR,
                    OpenApiParameter.HEADER,
                    response=[200],
                    description="Newest change among the objects shown (informative; revalidate with ETag).",
                ),
            ]
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        codes = ERRORS_BY_METHOD.get(self.method, [])
        if self.method == "GET" and not self.anyone_reads():
            codes = [*codes, "403"]
        for code in codes:
            schema, description = ERRORS[code]
            if code in responses:
                continue
            response = self._get_response_for_code(schema, code, ["application/json"], direction)
            response["description"] = description
            if schema is None:
                response.pop("content", None)
            responses[code] = response
        return responses


class BriefRelatedFieldExtension(OpenApiSerializerFieldExtension):
    """A ``BriefRelatedField`` is written as an id and read as the related object's brief representation."""

    target_class = "tracker.api.serializers.BriefRelatedField"

    def map_serializer_field(self, auto_schema, direction):
        if direction == "response":
            return auto_schema.resolve_serializer(self.target.serializer_class, direction).ref
        return build_basic_type(OpenApiTypes.INT)


def _organization_schema(description):
    return {
        "type": "object",
        "description": description,
        "required": ["@type", "name"],
        "properties": {
            "@type": {"type": "string", "enum": ["Organization"]},
            "name": {"type": "string"},
            "url": {"type": "string", "format": "uri"},
        },
    }


_DATE = {"type": "string", "format": "date"}
CLAIM_REVIEW_SCHEMA = {
    "type": "object",
    "description": "A schema.org ClaimReview (https://schema.org/ClaimReview).",
    "required": [
        "@context",
        "@type",
        "url",
        "claimReviewed",
        "itemReviewed",
        "reviewRating",
        "reviewBody",
        "datePublished",
        "author",
    ],
    "properties": {
        "@context": {"type": "string", "enum": ["https://schema.org"]},
        "@type": {"type": "string", "enum": ["ClaimReview"]},
        "url": {
            "type": "string",
            "format": "uri",
            "description": "The published fact-check, else the statement.",
        },
        "claimReviewed": {"type": "string", "description": "The statement text."},
        "itemReviewed": {
            "type": "object",
            "required": ["@type", "appearance"],
            "properties": {
                "@type": {"type": "string", "enum": ["Claim"]},
                "author": {
                    "type": "object",
                    "description": "The speaker; `sameAs` is its Wikidata item when known.",
                    "required": ["@type", "name"],
                    "properties": {
                        "@type": {"type": "string", "enum": ["Person", "Organization"]},
                        "name": {"type": "string"},
                        "sameAs": {"type": "string", "format": "uri"},
                    },
                },
                "datePublished": {**_DATE, "description": "Date of the original source."},
                "appearance": {
                    "type": "array",
                    "description": "The article that reported the claim.",
                    "items": {
                        "type": "object",
                        "required": ["@type", "headline"],
                        "properties": {
                            "@type": {"type": "string", "enum": ["NewsArticle"]},
                            "headline": {"type": "string"},
                            "url": {"type": "string", "format": "uri"},
                            "datePublished": _DATE,
                            "publisher": _organization_schema("The publication."),
                        },
                    },
                },
                "firstAppearance": {
                    "type": "object",
                    "description": "Where the claim was first made.",
                    "required": ["@type", "name"],
                    "properties": {
                        "@type": {"type": "string", "enum": ["CreativeWork"]},
                        "name": {"type": "string"},
                        "url": {"type": "string", "format": "uri"},
                        "datePublished": _DATE,
                        "publisher": _organization_schema("Who published or hosted it."),
                    },
                },
            },
        },
        "reviewRating": {
            "type": "object",
            "required": ["@type", "bestRating", "worstRating", "alternateName"],
            "properties": {
                "@type": {"type": "string", "enum": ["Rating"]},
                "ratingValue": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 5,
                    "description": "1 false … 5 true; absent when unverifiable.",
                },
                "bestRating": {"type": "integer", "enum": [5]},
                "worstRating": {"type": "integer", "enum": [1]},
                "alternateName": {"type": "string", "description": "The verdict label."},
            },
        },
        "reviewBody": {"type": "string"},
        "datePublished": _DATE,
        "author": _organization_schema("This site, which published the review."),
    },
}

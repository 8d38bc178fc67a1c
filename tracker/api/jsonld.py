"""A fact-check review as a schema.org ClaimReview (https://schema.org/ClaimReview) JSON-LD document."""

from django.conf import settings
from django.urls import reverse

from tracker.choices import SpeakerKind


def _organization(name, url=""):
    return {"@type": "Organization", "name": name, **({"url": url} if url else {})}


def _speaker(statement):
    """The claim's author: the curated speaker with its Wikidata item, else the name as printed."""
    speaker = statement.speaker
    if speaker is None:
        return {"@type": "Person", "name": statement.speaker_as_written} if statement.speaker_as_written else None
    kind = "Person" if speaker.kind == SpeakerKind.PERSON else "Organization"
    author = {"@type": kind, "name": speaker.name}
    if speaker.wikidata_id:
        author["sameAs"] = f"https://www.wikidata.org/wiki/{speaker.wikidata_id}"
    return author


def _appearance(article):
    appearance = {"@type": "NewsArticle", "headline": article.title}
    if article.url:
        appearance["url"] = article.url
    if article.published:
        appearance["datePublished"] = article.published.isoformat()
    if article.publication:
        appearance["publisher"] = _organization(article.publication.name, article.publication.url)
    return appearance


def _first_appearance(source):
    first = {"@type": "CreativeWork", "name": source.title or source.get_kind_display()}
    if source.url:
        first["url"] = source.url
    if source.date:
        first["datePublished"] = source.date.isoformat()
    if source.publisher:
        first["publisher"] = _organization(source.publisher.name, source.publisher.url)
    return first


def claim_review(review, request):
    """The ClaimReview of ``review``, published by this site (setting ``TRACKER_SITE_NAME``).

    Raises ValueError for a question: an interviewer's turn is no claim, and a ClaimReview says it is one.
    """
    statement = review.statement
    if not statement.is_claim:
        raise ValueError(f"statement {statement.pk} is a question, not a claim")
    claim = {"@type": "Claim", "appearance": [_appearance(statement.article)]}
    author = _speaker(statement)
    if author:
        claim["author"] = author
    if statement.source is not None:
        claim["firstAppearance"] = _first_appearance(statement.source)
        if statement.source.date:
            claim["datePublished"] = statement.source.date.isoformat()
    rating = {
        "@type": "Rating",
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": review.get_rating_display(),
    }
    if review.rating_value is not None:
        rating["ratingValue"] = review.rating_value
    site = _organization(getattr(settings, "TRACKER_SITE_NAME", "Claim tracker"), request.build_absolute_uri("/"))
    statement_url = reverse("api:statement-detail", kwargs={"pk": statement.pk})
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": review.url or request.build_absolute_uri(statement_url),
        "claimReviewed": statement.text,
        "itemReviewed": claim,
        "reviewRating": rating,
        "reviewBody": review.explanation,
        "datePublished": review.reviewed_on.isoformat(),
        "author": site,
    }

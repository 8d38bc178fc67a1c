"""Enumerations shared by models, API and extraction results."""

from django.db import models

from .extraction.types import Rule


class SpeakerKind(models.TextChoices):
    PERSON = "person", "Person"
    GROUP = "group", "Group of people"
    ORGANIZATION = "organization", "Organization"


class SourceKind(models.TextChoices):
    SPEECH = "speech", "Speech or press remarks"
    INTERVIEW = "interview", "Interview"
    SOCIAL_MEDIA = "social_media", "Social media post"
    LETTER = "letter", "Letter"
    ESSAY = "essay", "Essay or report"
    ARTICLE = "article", "Article or op-ed"
    OFFICIAL_STATEMENT = "official_statement", "Official statement"
    UNKNOWN = "unknown", "Unknown"


class StatementKind(models.TextChoices):
    """What kind of words a statement is. Every kind is a claim its speaker made except ``question``: an
    interviewer's turn, kept so an answer can be read with what was asked, never fact-checked."""

    DIRECT = "direct", "Direct quote"
    PARTIAL = "partial", "Partial quote"
    PARAPHRASE = "paraphrase", "Paraphrase"
    ANSWER = "answer", "Answer in an interview or transcript"
    QUESTION = "question", "Interviewer's question (not a claim)"


class ReviewStatus(models.TextChoices):
    EXTRACTED = "extracted", "Extracted, not reviewed"
    VERIFIED = "verified", "Verified"
    DISPUTED = "disputed", "Disputed"
    REJECTED = "rejected", "Rejected"


class Rating(models.TextChoices):
    """Fact-check verdicts, mapped to schema.org ``reviewRating`` values 1 (worst) to 5 (best)."""

    FALSE = "false", "False"
    MOSTLY_FALSE = "mostly_false", "Mostly false"
    MIXED = "mixed", "Half true"
    MOSTLY_TRUE = "mostly_true", "Mostly true"
    TRUE = "true", "True"
    UNVERIFIABLE = "unverifiable", "Unverifiable"


RATING_VALUES = {
    Rating.FALSE: 1,
    Rating.MOSTLY_FALSE: 2,
    Rating.MIXED: 3,
    Rating.MOSTLY_TRUE: 4,
    Rating.TRUE: 5,
}


# The extractor's attribution rules (``extraction.types.Rule``) as database choices, labelled for curators.
_RULE_LABELS = {
    Rule.CUE_AFTER_QUOTE: "Reporting verb after the quote",
    Rule.CUE_BEFORE_QUOTE: "Reporting verb before the quote",
    Rule.ACCORDING_TO: "'According to'",
    Rule.DOCUMENT_AUTHOR: "Author of the document quoted",
    Rule.CUE_ENDS_SENTENCE: "Reporting verb ending the sentence",
    Rule.FRAME: "Verbless frame ('For X, …')",
    Rule.COLON: "Subject before a colon",
    Rule.CONTINUATION: "Quote-only sentence: the last speaker goes on",
    Rule.NARRATIVE: "Quote-only sentence: the person just described",
    Rule.NEXT_PARAGRAPH: "Named in the next paragraph",
    Rule.MAIN_SPEAKER: "The person doing most of the talking in the piece",
    Rule.TURN_LABEL: "Turn label in an interview or transcript ('MR. SMITH:')",
    Rule.TURN_ORDER: "Unlabelled turn: continues a turn or answers a question",
    Rule.UNATTRIBUTED: "No speaker found",
}
AttributionRule = models.TextChoices(
    "AttributionRule", [(rule.name, (rule.value, label)) for rule, label in _RULE_LABELS.items()]
)

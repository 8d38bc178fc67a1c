"""Attribution: who said each quote of an article.

A two-stage sieve (Muzny et al., EACL 2017): for each quote, ordered rules find the *mention* of its
speaker in the text (``quote_to_mention``), and the mention is linked to an *entity* of the article
(``mention_to_entity``), people and organisations clustered from names, surnames, titles, roles and
pronouns (``entities``). The article is read once from the top (``reading``), because who 'she' or 'the
company' is depends on what came before; that state is the explicit discourse memory (``memory``).
"""

from __future__ import annotations

from ..types import ExtractedStatement, ParsedArticle
from .entities import Entity
from .reading import read_article

__all__ = ["attribute_statements"]


def attribute_statements(article: ParsedArticle) -> tuple[list[ExtractedStatement], list[Entity], list[str]]:
    """Statements of ``article`` with their speakers, the entities that spoke, and warnings."""
    statements, memory = read_article(article)
    return statements, memory.registry.speakers(), memory.warnings

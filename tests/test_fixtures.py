"""The curated demo fixture loads into an empty database and agrees with the seed's gold annotation."""

import json

from tracker.choices import ReviewStatus, SpeakerKind
from tracker.extraction import normalise_body, parse_article
from tracker.models import Article, Review, Source, Speaker, Statement, sha256_of_body

from .conftest import DATA_DIR, SEED_PATH

GOLD = json.loads((DATA_DIR / "gold" / "000_4562f5bd9218622e.gold.json").read_text())


def test_demo_fixture_counts(demo_data):
    assert Article.objects.count() == 1
    assert Statement.objects.count() == 17
    assert Statement.objects.filter(status=ReviewStatus.VERIFIED).count() == 17
    assert Source.objects.count() == 8
    assert Statement.objects.values("speaker").distinct().count() == 7
    assert Review.objects.count() == 1


def test_demo_spans_point_at_the_gold_parts(demo_data):
    article = Article.objects.get()
    statements = list(Statement.objects.order_by("position"))
    for statement, gold in zip(statements, GOLD["statements"], strict=True):
        assert statement.parts == gold["parts"]
        assert statement.text == gold["quote"]
        assert statement.paragraph == gold["paragraph"]
        assert statement.speaker.name == gold["speaker"]
        assert statement.speaker_as_written == gold["speaker_as_written"]
        paragraph = article.body.split("\n\n")[gold["paragraph"]]
        assert all(part in paragraph for part in statement.parts)


def test_demo_article_is_the_seed_as_extraction_stores_it(demo_data):
    article = Article.objects.get()
    parsed = parse_article(SEED_PATH.read_text(encoding="utf-8"))
    assert article.body == parsed.body
    assert article.body_sha256 == sha256_of_body(normalise_body(parsed.body))


def test_demo_speakers_keep_printed_and_curated_names(demo_data):
    landsbergis = Speaker.objects.get(slug="gabrielius-landsbergis")
    # As printed on his statement, beside the curated speaker; his aliases are names only.
    assert landsbergis.statements.filter(speaker_as_written="Latvian Foreign Minister Gabrielius Landsbergis").exists()
    assert list(landsbergis.aliases.values_list("name", flat=True)) == ["Landsbergis"]
    assert landsbergis.roles.get().organization == "Lithuania"
    senators = Speaker.objects.get(slug="us-senators")
    assert senators.kind == SpeakerKind.GROUP
    assert sorted(senators.members.values_list("name", flat=True)) == ["Joe Manchin", "Lindsey Graham"]
    assert Speaker.objects.matching_name("Lindsay Graham").get().name == "Lindsey Graham"
    assert Speaker.objects.get(slug="jens-stoltenberg").roles.get().title == "Secretary-General"

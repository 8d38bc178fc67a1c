"""Loading extraction results: one transaction per article, idempotent, curated records left alone."""

import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tracker import ingest
from tracker.choices import ReviewStatus, SourceKind
from tracker.ingest import load_article, load_paths, read_article_file
from tracker.models import Article, Publication, Source, Speaker, Statement

from .conftest import DATA_DIR, SEED_PATH

ARTICLES = DATA_DIR / "articles"


def counts() -> tuple[int, int, int, int]:
    return (
        Article.objects.count(),
        Statement.objects.count(),
        Speaker.objects.count(),
        Source.objects.count(),
    )


def test_seed_loads_with_spans_into_the_stored_body(db):
    report = load_paths([SEED_PATH])
    assert not report.errors
    article = Article.objects.get()
    assert article.title == "NATO summit vows to continue troop surge to Russia's borders"
    assert article.byline == "Andre Damon"
    assert str(article.published) == "2022-11-29"
    assert "*" not in article.body
    assert report.counts.statements_created == Statement.objects.count() >= 15
    for statement in Statement.objects.all():
        assert " ".join(statement.parts) == statement.text
        assert statement.status == ReviewStatus.EXTRACTED


def test_seed_keeps_the_speaker_as_printed_beside_the_curated_one(db):
    load_paths([SEED_PATH])
    statement = Statement.objects.get(text__startswith="We should allow Ukrainians")
    assert statement.speaker.name == "Gabrielius Landsbergis"
    assert statement.speaker_as_written == "Latvian Foreign Minister Gabrielius Landsbergis"
    assert statement.source.kind == SourceKind.INTERVIEW
    assert statement.source.publisher.name == "Bloomberg"


def test_statements_from_one_source_share_it(db):
    load_paths([SEED_PATH])
    essay = Source.objects.get(kind=SourceKind.ESSAY)
    assert essay.statements.count() == 2
    assert list(essay.speakers.values_list("name", flat=True)) == ["Anthony H. Cordesman"]


def test_second_run_creates_nothing_and_says_so(db):
    first = load_paths([SEED_PATH])
    before = counts()
    second = load_paths([SEED_PATH])
    assert counts() == before
    assert second.counts.articles_created == second.counts.statements_created == 0
    assert second.counts.articles_present == 1
    assert second.counts.statements_present == first.counts.statements_created
    assert second.skipped == [str(SEED_PATH)]


def test_reload_never_overwrites_curated_statements(db):
    load_paths([SEED_PATH])
    Statement.objects.filter(cue="tweeted").set_status(ReviewStatus.REJECTED)
    Statement.objects.filter(cue="tweeted").update(curator_note="checked")
    load_paths([SEED_PATH])
    assert set(Statement.objects.filter(cue="tweeted").values_list("status", "curator_note")) == {
        (ReviewStatus.REJECTED, "checked")
    }


def test_front_matter_gives_url_and_publication(db):
    load_paths([ARTICLES / "second_article.txt"])
    article = Article.objects.get()
    assert article.url == "https://news.example.org/2022/12/01/nato-air-defence"
    assert article.publication == Publication.objects.get(name="Example News")
    assert article.byline == "Jane Reporter"


def test_speakers_are_matched_across_articles_by_name_and_alias(db):
    load_paths([SEED_PATH])
    stoltenberg = Speaker.objects.get(name="Jens Stoltenberg")
    load_paths([ARTICLES / "second_article.txt"])
    assert Speaker.objects.filter(name="Jens Stoltenberg").count() == 1
    assert stoltenberg.statements.count() == 6
    assert Speaker.objects.get(name="Gabrielius Landsbergis").statements.count() == 5


def test_different_full_names_are_never_merged(demo_data):
    load_paths([ARTICLES / "third_article.txt"])
    graham = Speaker.objects.get(slug="lindsey-graham")
    assert graham.statements.filter(text__startswith="The drones").exists()
    peter = Speaker.objects.get(name="Peter Graham")
    assert peter.statements.get().text == "The costs are rising."


def test_dry_run_reports_counts_and_stores_nothing(db):
    report = load_paths([SEED_PATH], dry_run=True)
    assert report.counts.articles_created == 1
    assert report.counts.statements_created > 0
    assert counts() == (0, 0, 0, 0)


def test_seed_after_demo_fixture_is_already_present(demo_data):
    before = counts()
    report = load_paths([SEED_PATH])
    assert counts() == before
    assert report.counts.articles_present == 1


def test_crash_in_the_middle_of_an_article_rolls_it_back(db, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(ingest, "bulk_create_with_history", crash)
    with pytest.raises(RuntimeError):
        load_article(read_article_file(SEED_PATH), seed_file=str(SEED_PATH))
    assert counts() == (0, 0, 0, 0)
    assert not Publication.objects.exists()


def test_a_bad_file_is_reported_and_the_others_still_load(db, tmp_path):
    shutil.copy(SEED_PATH, tmp_path / "good.txt")
    (tmp_path / "bad.txt").write_bytes(b"Headline\n\n\xff\xfe broken \x80 bytes")
    report = load_paths([tmp_path])
    assert [error.path for error in report.errors] == [str(tmp_path / "bad.txt")]
    assert Article.objects.count() == 1


def test_load_seeds_command_prints_counts_and_fails_on_bad_files(db, tmp_path, capsys):
    shutil.copy(SEED_PATH, tmp_path / "good.txt")
    call_command("load_seeds", str(tmp_path))
    out = capsys.readouterr().out
    assert "articles: 1 created, 0 already present" in out
    call_command("load_seeds", str(tmp_path))
    assert "articles: 0 created, 1 already present" in capsys.readouterr().out
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(CommandError) as error:
        call_command("load_seeds", str(tmp_path))
    assert "empty.txt" in str(error.value)


def test_load_seeds_default_is_the_seeds_directory(db, settings, tmp_path, capsys):
    shutil.copy(SEED_PATH, tmp_path / "seed.txt")
    settings.SEEDS_DIR = tmp_path
    call_command("load_seeds", "--dry-run")
    assert "Dry run, nothing stored. articles: 1 created" in capsys.readouterr().out
    assert not Article.objects.exists()

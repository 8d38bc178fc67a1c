"""Loading extraction results: one transaction per article, idempotent, curated records left alone."""

import dataclasses
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError

from tracker import ingest
from tracker.choices import ReviewStatus, SourceKind, StatementKind
from tracker.ingest import ArticleLoadError, load_article, load_articles, load_paths, read_article_file
from tracker.models import Article, Publication, Source, Speaker, SpeakerAlias, SpeakerRole, Statement

from .conftest import DATA_DIR, SEED_PATH

ARTICLES = DATA_DIR / "articles"
THIRD = ARTICLES / "third_article.txt"


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


# Batches: many articles per transaction, each still all or nothing.


def contents() -> dict[str, set]:
    return {
        "speakers": set(Speaker.objects.values_list("name", "slug", "kind", "description")),
        "aliases": set(SpeakerAlias.objects.values_list("speaker__slug", "name", "name_key")),
        "roles": set(SpeakerRole.objects.values_list("speaker__slug", "title", "organization")),
        "members": set(Speaker.members.through.objects.values_list("from_speaker__slug", "to_speaker__slug")),
        "sources": set(Source.objects.values_list("kind", "title", "publisher__name", "speakers__slug")),
        "statements": set(
            Statement.objects.values_list("article__body_sha256", "position", "speaker__slug", "source__kind", "text")
        ),
    }


def test_one_batch_stores_what_one_article_at_a_time_stores(db):
    paths = [SEED_PATH, ARTICLES / "second_article.txt", ARTICLES / "third_article.txt"]
    one_by_one = load_paths(paths, batch_size=1)
    expected = contents()
    for model in (Statement, Source, Article, Speaker, Publication):
        model.objects.all().delete()
    batched = load_paths(paths, batch_size=100)
    assert contents() == expected
    assert batched.counts == one_by_one.counts
    assert Speaker.objects.filter(name="Jens Stoltenberg").count() == 1
    assert Speaker.objects.get(name="Jens Stoltenberg").statements.count() == 6


def test_a_batch_takes_a_fixed_number_of_queries(db, django_assert_max_num_queries):
    paths = [SEED_PATH, ARTICLES / "second_article.txt", ARTICLES / "third_article.txt"]
    # Row by row this was well over a hundred queries; in bulk it does not grow with the articles.
    with django_assert_max_num_queries(26):
        report = load_paths(paths)
    assert report.counts.articles_created == 3
    with django_assert_max_num_queries(6):
        assert load_paths(paths).counts.articles_present == 3


def test_created_records_say_in_their_history_where_they_came_from(db):
    load_paths([SEED_PATH])
    reason = f"Extracted from {SEED_PATH}"
    for model in (Article, Speaker, Source, Statement):
        assert model.history.count() == model.objects.count() > 0
        assert set(model.history.values_list("history_change_reason", flat=True)) == {reason}


def test_a_bad_article_leaves_nothing_and_the_rest_of_its_batch_loads(db):
    good, bad = read_article_file(SEED_PATH), read_article_file(ARTICLES / "third_article.txt")
    broken = dataclasses.replace(bad.statements[0], spans=((0, 3),))
    bad = dataclasses.replace(bad, statements=(broken, *bad.statements[1:]))
    outcomes = load_articles([("good.txt", good), ("bad.txt", bad)])
    assert isinstance(outcomes[1], ArticleLoadError)
    assert outcomes[1].path == "bad.txt" and "invalid statement" in outcomes[1].reason
    assert outcomes[0].articles_created == 1
    assert list(Article.objects.values_list("seed_file", flat=True)) == ["good.txt"]
    assert not Speaker.objects.filter(name="Peter Graham").exists()


def test_a_batch_that_fails_to_write_is_stored_one_article_at_a_time(db, monkeypatch):
    insert = ingest._insert_articles

    def refuse_third(new):
        if any(pending.seed_file == "third.txt" for pending, _ in new):
            raise IntegrityError("duplicate key value violates unique constraint")
        insert(new)

    monkeypatch.setattr(ingest, "_insert_articles", refuse_third)
    results = [(name, read_article_file(path)) for name, path in [("seed.txt", SEED_PATH), ("third.txt", THIRD)]]
    outcomes = load_articles(results)
    assert outcomes[0].articles_created == 1
    assert isinstance(outcomes[1], ArticleLoadError) and "conflicts with a stored record" in str(outcomes[1])
    assert list(Article.objects.values_list("seed_file", flat=True)) == ["seed.txt"]
    assert not Speaker.objects.filter(name="Peter Graham").exists()


def test_two_new_articles_with_one_url_in_a_batch(db, tmp_path):
    text = (ARTICLES / "second_article.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text + "\nOne more paragraph.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(text, encoding="utf-8")
    report = load_paths([tmp_path])
    assert [error.path for error in report.errors] == [str(tmp_path / "b.txt")]
    assert "already stored with another body" in report.errors[0].reason
    assert report.skipped == [str(tmp_path / "c.txt")]
    assert Article.objects.count() == 1


def test_ambiguous_names_in_one_batch_make_new_speakers_with_unique_slugs(db, tmp_path):
    for name in ("Lindsey Graham", "Peter Graham"):
        speaker = Speaker.objects.create(name=name)
        speaker.aliases.create(name="Graham")
    Speaker.objects.create(name="Graham Smith", slug="graham")
    for index in range(2):
        (tmp_path / f"{index}.txt").write_text(
            f'Headline {index}\n\nJane Doe 1 May 2023\n\n"The costs are rising {index}," said Graham.\n'
        )
    report = load_paths([tmp_path])
    assert report.counts.speakers_created == 2
    new = Speaker.objects.filter(name="Graham")
    assert sorted(new.values_list("slug", flat=True)) == ["graham-2", "graham-3"]
    assert all(speaker.statements.count() == 1 for speaker in new)


def test_dry_run_counts_what_a_real_run_counts_across_batches(db, tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(SEED_PATH, tmp_path / name)
    dry = load_paths([tmp_path], dry_run=True, batch_size=1)
    assert counts() == (0, 0, 0, 0)
    real = load_paths([tmp_path], batch_size=2)
    assert dry.counts == real.counts
    assert (real.counts.articles_created, real.counts.articles_present) == (1, 2)


def test_load_seeds_batch_size_option(db, tmp_path, capsys):
    shutil.copy(SEED_PATH, tmp_path / "a.txt")
    shutil.copy(ARTICLES / "second_article.txt", tmp_path / "b.txt")
    call_command("load_seeds", str(tmp_path), "--batch-size", "1")
    assert "articles: 2 created, 0 already present" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("load_seeds", str(tmp_path), "--batch-size", "0")


def write_article(directory, name, date, paragraphs):
    path = directory / f"{name}.txt"
    path.write_text(f"{name} headline\n\nBy A Reporter | {date}\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    return path


def test_a_surname_alone_is_the_one_stored_speaker_it_fits(db, tmp_path):
    stoltenberg = Speaker.objects.create(name="Jens Stoltenberg")
    load_paths([write_article(tmp_path, "a", "May 1, 2023", ['"We are ready," Stoltenberg said.'])])
    assert Statement.objects.get().speaker == stoltenberg
    assert Speaker.objects.count() == 1


def test_a_surname_two_people_share_is_a_new_speaker_never_a_merge(db, tmp_path):
    Speaker.objects.create(name="Anna Smith")
    Speaker.objects.create(name="Bob Smith")
    load_paths([write_article(tmp_path, "a", "May 1, 2023", ['"Costs are rising," Smith said.'])])
    assert Statement.objects.get().speaker.name == "Smith"
    assert Speaker.objects.count() == 3


def test_a_role_alone_is_whoever_held_it_on_the_article_date(db, tmp_path):
    stoltenberg = Speaker.objects.create(name="Jens Stoltenberg")
    stoltenberg.roles.create(
        title="Secretary-General", organization="NATO", start_date="2014-10-01", end_date="2024-09-30"
    )
    quote = '"We stand ready to help," the NATO Secretary-General said.'
    load_paths([write_article(tmp_path, "a", "May 1, 2023", [quote])])
    assert Statement.objects.get().speaker == stoltenberg
    load_paths([write_article(tmp_path, "b", "May 1, 2025", [quote.replace("help", "assist")])])
    later = Statement.objects.get(text__contains="assist")
    assert later.speaker != stoltenberg and later.speaker.name == "NATO Secretary-General"


def test_a_quote_with_no_speaker_found_is_stored_for_curators(db, tmp_path):
    banner = (
        'Banners across the square read "we will not be moved from the homes our grandparents built with their '
        'own hands" as the crowd waited.'
    )
    load_paths([write_article(tmp_path, "a", "May 1, 2024", [banner])])
    statement = Statement.objects.get()
    assert statement.speaker is None
    assert statement.attribution_rule == "unattributed"
    assert statement.status == ReviewStatus.EXTRACTED


def test_statements_record_the_rule_that_chose_their_speaker(db):
    load_paths([SEED_PATH])
    statement = Statement.objects.get(text__startswith="We should allow Ukrainians")
    assert statement.attribution_rule == "cue_before_quote"
    assert 0 < statement.confidence <= 1


def test_stored_aliases_are_names_only(db):
    gold_dirs = [DATA_DIR / name for name in ("heldout", "heldout4", "heldout5", "real1", "real2", "real3")]
    report = load_paths(gold_dirs)
    assert report.counts.articles_created >= 60
    pronouns = {"he", "she", "they", "it", "him", "her", "them", "his", "its", "their"}
    for alias in SpeakerAlias.objects.all():
        assert alias.name.casefold() not in pronouns, alias.name
        assert not alias.name.endswith(("'s", "’s")), alias.name  # noqa: RUF001
        assert "," not in alias.name and alias.name[:1].isupper(), alias.name
    assert not Speaker.objects.matching_name("he").exists()


def test_interviews_and_transcripts_load_answers_and_questions(db):
    texts = sorted((DATA_DIR / "transcripts").glob("*.txt"))
    report = load_paths(texts)
    assert not report.errors and report.counts.articles_created == 9
    answers = Statement.objects.filter(kind=StatementKind.ANSWER)
    questions = Statement.objects.filter(kind=StatementKind.QUESTION)
    assert answers.count() == 229 and questions.count() == 155
    assert not questions.exclude(source=None).exists()  # questions are no claims: no original source
    assert not answers.filter(source=None).exists()
    assert set(answers.values_list("attribution_rule", flat=True)) == {"turn_label", "turn_order"}
    sullivan = answers.filter(speaker__name="Jake Sullivan").first()
    assert sullivan is not None and sullivan.source.kind == "speech"
    for statement in answers.select_related("article")[:50]:
        assert " ".join(statement.parts) == statement.text
    again = load_paths(texts)
    assert again.counts.articles_created == 0 and again.counts.statements_created == 0

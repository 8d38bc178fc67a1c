"""The synthetic corpus: reproducible, spans pointing into the bodies, every source kind, no history."""

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from tracker.choices import SourceKind
from tracker.corpus import generate_corpus, search_words, vocabulary
from tracker.models import Article, Source, Speaker, SpeakerAlias, Statement, validate_spans


def corpus_snapshot():
    return [
        (s.text, s.speaker.name if s.speaker else None, s.article.title, s.spans, s.kind, s.status, s.cue)
        for s in Statement.objects.select_related("speaker", "article").order_by("id")
    ]


@pytest.mark.django_db
def test_counts_and_spans():
    counts = generate_corpus(statements=600, seed=7, batch_size=100)
    assert counts.statements == Statement.objects.count() == 600
    assert counts.articles == Article.objects.count()
    assert counts.speakers == Speaker.objects.count() == 30
    assert SpeakerAlias.objects.count() == counts.aliases > 0
    for statement in Statement.objects.select_related("article"):
        validate_spans(statement.spans, statement.article.body, statement.text)
        assert statement.position == statement.spans[0][0]
    split = Statement.objects.filter(spans__1__isnull=False).first()
    assert split is not None, "some quotes are split around their attribution"


@pytest.mark.django_db
def test_every_source_kind_and_a_long_tail_of_speakers():
    generate_corpus(statements=2000, seed=3)
    assert set(Source.objects.values_list("kind", flat=True)) == set(SourceKind.values)
    per_speaker = sorted(
        Statement.objects.exclude(speaker=None).values("speaker").annotate(n=Count("id")).values_list("n", flat=True),
        reverse=True,
    )
    # Zipf-like: the most quoted speaker has many times the median's statements.
    assert per_speaker[0] > 5 * per_speaker[len(per_speaker) // 2]


@pytest.mark.django_db
def test_no_history_rows():
    generate_corpus(statements=100, seed=1)
    assert Statement.history.count() == 0
    assert Article.history.count() == 0


@pytest.mark.django_db
def test_same_seed_same_corpus():
    generate_corpus(statements=300, seed=11)
    first = corpus_snapshot()
    Statement.objects.all().delete()
    Article.objects.all().delete()
    Source.objects.all().delete()
    Speaker.objects.all().delete()
    generate_corpus(statements=300, seed=11)
    assert corpus_snapshot() == first
    Statement.objects.all().delete()
    Article.objects.all().delete()
    generate_corpus(statements=300, seed=12)
    assert corpus_snapshot() != first


@pytest.mark.django_db
def test_bulk_create_and_copy_make_the_same_rows():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("COPY needs PostgreSQL")
    generate_corpus(statements=200, seed=5, method="copy")
    copied = corpus_snapshot()
    Statement.objects.all().delete()
    Article.objects.all().delete()
    Source.objects.all().delete()
    Speaker.objects.all().delete()
    generate_corpus(statements=200, seed=5, method="orm")
    assert corpus_snapshot() == copied


@pytest.mark.django_db
def test_search_words_are_common_and_rare():
    generate_corpus(statements=3000, seed=2)
    common, rare = search_words()
    assert common in vocabulary().words and rare in vocabulary().words
    assert Statement.objects.filter(text__icontains=f" {common} ").count() > 20
    assert Statement.objects.filter(text__icontains=rare).count() < 10


@pytest.mark.django_db
def test_command_prints_counts_and_refuses_a_loaded_seed(capsys):
    call_command("generate_corpus", "--statements", "50", "--seed", "4", "--batch-size", "20")
    assert "statements: 50" in capsys.readouterr().out
    with pytest.raises(CommandError, match="seed 4 is already loaded"):
        call_command("generate_corpus", "--statements", "50", "--seed", "4")
    with pytest.raises(CommandError):
        call_command("generate_corpus", "--statements", "50", "--seed", "5", "--method", "copy", "--speakers", "0")

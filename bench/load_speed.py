"""Load speed: ``load_seeds`` on N synthetic article files against the same rows saved one by one.

    .venv/bin/python bench/load_speed.py --files 200

Writes N article files laid out like the seeds (headline, blank line, ``Byline 29 November 2022``, blank
line, paragraphs with quotes such as ``"…," said Jane Doe.``), loads them with ``load_seeds`` into a fresh
PostgreSQL database, then deletes the rows and inserts the same ones again with one ``save()`` each (history
included, as the admin would), and prints both times and their ratio. Finally it runs ``load_seeds`` on the
same files again, which must create nothing.
"""

import argparse
import datetime
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def write_articles(directory: Path, count: int, seed: int) -> None:
    from tracker.corpus import FIRST_NAMES, SURNAMES, sentence, vocabulary

    rng, vocab = random.Random(seed), vocabulary()
    people = [f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}" for _ in range(max(10, count // 3))]
    for index in range(count):
        date = datetime.date(2022, 1, 1) + datetime.timedelta(days=rng.randrange(700))
        paragraphs = [sentence(rng, vocab, rng.randint(15, 30))]
        for _ in range(rng.randint(3, 8)):
            quote = sentence(rng, vocab, rng.randint(8, 25)).rstrip(".")
            paragraphs.append(f'"{quote}," said {rng.choice(people)}.')
            if rng.random() < 0.4:
                paragraphs.append(sentence(rng, vocab, rng.randint(10, 25)))
        headline = sentence(rng, vocab, rng.randint(6, 10)).rstrip(".")
        byline = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)} {date.day} {date:%B %Y}"
        text = "\n\n".join([headline, byline, *paragraphs]) + "\n"
        (directory / f"{index:05d}.txt").write_text(text, encoding="utf-8")


def snapshot():
    """Every row load_seeds made, as unsaved model instances, in foreign-key order."""
    from tracker.models import Article, Publication, Source, Speaker, SpeakerAlias, SpeakerRole, Statement

    return [list(model.objects.order_by("pk")) for model in (Publication, Speaker, SpeakerAlias, SpeakerRole)] + [
        list(Source.objects.order_by("pk").prefetch_related("speakers")),
        list(Article.objects.order_by("pk")),
        list(Statement.objects.order_by("pk").select_related("article")),
    ]


def delete_all():
    from tracker.models import Article, Publication, Source, Speaker, Statement

    for model in (Statement, Article, Source, Speaker, Publication):
        model.objects.all().delete()
        model.history.all().delete()


def save_one_by_one(groups) -> int:
    saved = 0
    for group in groups:
        for obj in group:
            speakers = list(obj.speakers.all()) if hasattr(obj, "speakers") else None
            obj.save(force_insert=True)
            if speakers:
                obj.speakers.set(speakers)
            saved += 1
    return saved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--admin-url", default=os.environ.get("BENCH_ADMIN_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    )
    args = parser.parse_args()

    import psycopg

    database = f"tracker_loadspeed_{os.getpid()}"
    with psycopg.connect(args.admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{database}"')
    os.environ["DATABASE_URL"] = args.admin_url.rsplit("/", 1)[0] + "/" + database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connections

        from tracker.models import Article, Statement

        call_command("migrate", verbosity=0)
        with tempfile.TemporaryDirectory() as tmp:
            directory = Path(tmp)
            write_articles(directory, args.files, args.seed)
            started = time.monotonic()
            call_command("load_seeds", str(directory), stdout=io.StringIO(), stderr=io.StringIO())
            load_seconds = time.monotonic() - started
            articles, statements = Article.objects.count(), Statement.objects.count()
            groups = snapshot()
            delete_all()
            started = time.monotonic()
            rows = save_one_by_one(groups)
            save_seconds = time.monotonic() - started
            out = io.StringIO()
            started = time.monotonic()
            call_command("load_seeds", str(directory), stdout=out, stderr=io.StringIO())
            rerun_seconds = time.monotonic() - started
            created_again = Article.objects.count() - articles, Statement.objects.count() - statements
        print(f"{args.files} files: {articles} articles, {statements} statements ({rows} rows in all)")
        print(f"load_seeds:            {load_seconds:7.2f} s ({statements / load_seconds:,.0f} statements/s)")
        print(f"one save() per row:    {save_seconds:7.2f} s (ratio save/load_seeds {save_seconds / load_seconds:.2f})")
        print(
            f"load_seeds again:      {rerun_seconds:7.2f} s, created {created_again[0]} articles, "
            f"{created_again[1]} statements"
        )
        connections.close_all()
        return 0 if created_again == (0, 0) else 1
    finally:
        with psycopg.connect(args.admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


if __name__ == "__main__":
    sys.exit(main())

"""Load speed: ``load_seeds`` on N synthetic article files against the same rows saved one by one.

    .venv/bin/python bench/load_speed.py --files 2000 [--database sqlite] [--batch-size 100]

Writes N article files laid out like the seeds (headline, blank line, ``Byline 29 November 2022``, blank
line, paragraphs with quotes such as ``"…," said Jane Doe.``), loads them with ``load_seeds`` into a fresh
database (PostgreSQL by default, or SQLite in a temporary file), then empties the tables and inserts the same
rows again with one ``save()`` each (history included, as the admin would), and prints the times and ratios.
Finally it runs ``load_seeds`` on the same files again, which must create nothing.

Two row-by-row baselines, because the original one (each ``save()`` committed on its own) mostly measures
commits: every row and its history row wait for a WAL flush, which says more about the disk than about
inserting row by row, and it is a loader nobody could ship, since a crash leaves half an article behind.
The fair baseline saves the same rows one by one with as many commits as ``load_seeds`` used to make (one
transaction per article). Both are printed; the ratio against the fair one is the honest figure. The time
``load_seeds`` spends reading and extracting (pure Python, the same whatever the database does) is measured
apart and printed too: it bounds the ratio, since no database speed-up makes loading faster than it.
"""

import argparse
import contextlib
import datetime
import io
import os
import random
import shutil
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
    """Empty the tables load_seeds filled. TRUNCATE on PostgreSQL, so the baseline does not insert into tables
    and indexes full of dead rows (which would slow it down and flatter the ratio)."""
    from django.db import connection

    from tracker.models import Article, Publication, Source, Speaker, Statement

    models = (Statement, Article, Source, Speaker, Publication)
    if connection.vendor == "postgresql":
        tables = [table for model in models for table in (model._meta.db_table, model.history.model._meta.db_table)]
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {', '.join(tables)} CASCADE")
        return
    for model in models:
        model.objects.all().delete()
        model.history.all().delete()


def save_one_by_one(groups, *, transactions: int = 0) -> int:
    """Save every row with its own ``save()``; with ``transactions``, in that many equal transactions."""
    from django.db import transaction

    rows = [obj for group in groups for obj in group]
    size = -(-len(rows) // transactions) if transactions else 1
    for start in range(0, len(rows), size):
        with transaction.atomic() if transactions else contextlib.nullcontext():
            for obj in rows[start : start + size]:
                speakers = list(obj.speakers.all()) if hasattr(obj, "speakers") else None
                obj.save(force_insert=True)
                if speakers:
                    obj.speakers.set(speakers)
    return len(rows)


def time_extraction(directory: Path) -> float:
    """Seconds load_seeds spends reading and extracting the files: the part no database work can speed up."""
    from tracker.ingest import find_article_files, read_article_file

    started = time.monotonic()
    for file in find_article_files([directory]).files:
        read_article_file(file.path, root=file.root)
    return time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--database", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--batch-size", type=int, default=None, help="load_seeds --batch-size (default its own).")
    parser.add_argument(
        "--admin-url", default=os.environ.get("BENCH_ADMIN_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    )
    args = parser.parse_args()

    import psycopg

    workdir = Path(tempfile.mkdtemp(prefix="load-speed-"))
    database = f"tracker_loadspeed_{os.getpid()}"
    if args.database == "postgresql":
        with psycopg.connect(args.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{database}"')
        os.environ["DATABASE_URL"] = args.admin_url.rsplit("/", 1)[0] + "/" + database
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connections

        from tracker.models import Article, Statement

        call_command("migrate", verbosity=0)
        directory = workdir / "articles"
        directory.mkdir()
        write_articles(directory, args.files, args.seed)
        options = {} if args.batch_size is None else {"batch_size": args.batch_size}
        started = time.monotonic()
        call_command("load_seeds", str(directory), stdout=io.StringIO(), stderr=io.StringIO(), **options)
        load_seconds = time.monotonic() - started
        articles, statements = Article.objects.count(), Statement.objects.count()
        groups = snapshot()
        delete_all()
        started = time.monotonic()
        rows = save_one_by_one(groups)
        autocommit_seconds = time.monotonic() - started
        delete_all()
        started = time.monotonic()
        save_one_by_one(groups, transactions=articles)
        per_article_seconds = time.monotonic() - started
        out = io.StringIO()
        started = time.monotonic()
        call_command("load_seeds", str(directory), stdout=out, stderr=io.StringIO(), **options)
        rerun_seconds = time.monotonic() - started
        created_again = Article.objects.count() - articles, Statement.objects.count() - statements
        extraction_seconds = time_extraction(directory)
        print(f"{args.database}, {args.files} files: {articles} articles, {statements} statements ({rows} rows in all)")
        print(
            f"load_seeds:                       {load_seconds:7.2f} s ({statements / load_seconds:,.0f} statements/s)"
        )
        print(
            f"  of which read + extract (apart):{extraction_seconds:7.2f} s ({extraction_seconds / load_seconds:.0%}); "
            f"database part ~{load_seconds - extraction_seconds:.2f} s"
        )
        for label, seconds in (
            ("one save() per row, autocommit: ", autocommit_seconds),
            ("one save() per row, tx/article: ", per_article_seconds),
        ):
            print(
                f"{label}{seconds:7.2f} s (ratio save/load_seeds {seconds / load_seconds:.2f}; "
                f"at most {seconds / extraction_seconds:.1f} with a free database)"
            )
        print(
            f"load_seeds again:                 {rerun_seconds:7.2f} s, created {created_again[0]} articles, "
            f"{created_again[1]} statements"
        )
        connections.close_all()
        return 0 if created_again == (0, 0) else 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if args.database == "postgresql":
            with psycopg.connect(args.admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


if __name__ == "__main__":
    sys.exit(main())

"""How loading time splits between extraction and database writes, over 1,000 varied seed articles.

    .venv/bin/python bench/extraction_share.py [--articles 1000] [--database-url URL]

Writes the articles to a temporary directory (the seeds with paragraphs rotated, names and numbers
varied so every body hashes differently), migrates a throwaway database (SQLite in the temporary
directory unless --database-url is given), then loads every file, timing read + extraction apart from
the database transactions (batches of 100 articles, as load_seeds writes them).
Target: extraction under a fifth of the total.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST_NAMES = ["Anna", "Boris", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas"]
LAST_NAMES = ["Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Sato", "Tanaka", "Ulrich", "Varga", "Weber"]


def varied_articles(seed_texts: list[str], count: int, rng: random.Random) -> list[str]:
    """``count`` article texts derived from the seeds: same shapes, different names, numbers and order."""
    articles = []
    for index in range(count):
        headline, byline, *paragraphs = seed_texts[index % len(seed_texts)].split("\n\n")
        body = paragraphs[:-2] if paragraphs[-1].startswith("wsws.org") else paragraphs
        rotation = rng.randrange(1, max(2, len(body) // 3))
        body = body[rotation:] + body[:rotation]
        text = "\n\n".join([f"{headline} ({index})", byline, *body])
        for old in ("Stoltenberg", "Landsbergis", "Cordesman", "Ryabkov", "Podolyak", "Stavridis"):
            text = text.replace(old, rng.choice(LAST_NAMES) + ("" if rng.random() < 0.5 else "-" + old[:3]))
        text = text.replace("Jens", rng.choice(FIRST_NAMES)).replace("four to eight", f"four to {index + 8}")
        articles.append(text)
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=100, help="Articles a transaction, as load_seeds does.")
    options = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="extraction-share-"))
    os.environ["DATABASE_URL"] = options.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from tracker.ingest import load_articles, read_article_file

    call_command("migrate", verbosity=0)
    seeds = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    paths = []
    for index, text in enumerate(varied_articles(seeds, options.articles, random.Random(options.seed))):
        path = workdir / f"article_{index:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)

    extraction = database = 0.0
    statements = 0
    for first in range(0, len(paths), options.batch_size):
        started = time.perf_counter()
        batch = [(str(path), read_article_file(path)) for path in paths[first : first + options.batch_size]]
        extracted = time.perf_counter()
        outcomes = load_articles(batch)
        database += time.perf_counter() - extracted
        extraction += extracted - started
        statements += sum(outcome.statements_created for outcome in outcomes if not isinstance(outcome, Exception))
    total = extraction + database
    print(
        f"{len(paths)} articles, {statements} statements loaded in {total:.2f} s ({len(paths) / total:.0f} articles/s)"
    )
    print(f"  extraction (read + parse + attribute): {extraction:6.2f} s  {extraction / total:6.1%}")
    print(f"  database writes (batched transactions): {database:6.2f} s  {database / total:6.1%}")
    print(f"  target: extraction under 20% -> {'met' if extraction / total < 0.2 else 'NOT met'}")


if __name__ == "__main__":
    main()

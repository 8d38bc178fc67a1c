"""How extraction time grows with the article: the seed, and generated articles 10x and 100x its length.

    .venv/bin/python bench/extraction_scaling.py [--times 1,10,100] [--repeat 3]

Prints, for four shapes of article (the seed's, one quoting a new speaker in every paragraph, one of stray quote
marks, one of reported speech without quotes) at each size, the
characters, paragraphs and statements, the best wall-clock time of ``--repeat`` runs of ``extract_article`` (no
database), its ratio to the 1x article's, and what ``load_seeds`` does with such a file: load it, or refuse it by the
article limits (``TRACKER_MAX_ARTICLE_*``) before extracting anything. Targets: time grows at most 12x at 10x the
length and at most 150x at 100x. Then the same for ``locate_spans``, which the API runs on every statement write,
on a repetitive body where a backtracking search was quadratic.

Figures are wall-clock on a shared machine: compare ratios within one run, not across machines. The test suite
asserts no timing (``tests/test_faults.py`` loads the 10x article and checks that the 100x one is refused).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_4562f5bd9218622e.txt"


def article_times(times: int, seed_text: str | None = None) -> str:
    """An article whose body is the seed's body ``times`` over, each copy's numbers changed so no two paragraphs
    are the same text: the seed's shape (quotes, cues, names, pronouns) at ``times`` its length."""
    seed_text = seed_text if seed_text is not None else SEED.read_text(encoding="utf-8")
    headline, byline, *paragraphs = seed_text.strip().split("\n\n")
    # The site's trailer is boilerplate, not body: it ends the article once.
    body = [paragraph for paragraph in paragraphs if not paragraph.startswith(("wsws.org", "To contact"))]
    copies = []
    for copy in range(times):
        copies.extend(paragraph.replace("four to eight", f"four to {copy + 8}") for paragraph in body)
    return "\n\n".join([headline, byline, *copies]) + "\n"


def many_speakers(times: int) -> str:
    """20 paragraphs a copy, each quoting a speaker not named before, then a pronoun: the shape whose extraction
    time grew fastest in the hardening probes (every new name is compared with those before it)."""
    paragraphs = [
        f'Minister Alpha{index} Beta{index} said "we will act on item {index}." He added "soon."'
        for index in range(20 * times)
    ]
    return "\n\n".join(["Ministers speak", "Jane Doe 1 May 2023", *paragraphs]) + "\n"


def quote_marks(times: int) -> str:
    """Stray and unbalanced quote marks of every kind, in one paragraph, then runs of bare marks: the shape
    where pairing marks or looking back over earlier quotes could grow quadratically."""
    noise = " ".join(["\"a\" 'b' ’c’ «d» “e”", "'", '"', "s' x", "''", "’’"] * (80 * times))  # noqa: RUF001
    return "Headline\n\nJ R 1 May 2023\n\n" + noise + "\n\n" + '"' * (300 * times) + "\n\n" + "'" * (300 * times) + "\n"


def no_quotes(times: int) -> str:
    """Reported speech and names in every paragraph, but not one quote mark."""
    paragraph = "Officials met again on Tuesday to discuss the budget, and Smith said talks went well. " * 3
    return "Headline\n\nJ R 1 May 2023\n\n" + "\n\n".join([paragraph] * (40 * times)) + "\n"


def best_time(function, repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--times", default="1,10,100", help="Comma-separated multiples of the seed (default 1,10,100).")
    parser.add_argument("--repeat", type=int, default=3, help="Runs per size; the best is kept (default 3).")
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.exceptions import ValidationError

    from tracker.extraction import extract_article
    from tracker.models import count_paragraphs, locate_spans, validate_article_size

    sizes = [int(value) for value in options.times.split(",")]
    shapes = [("seed", article_times), ("many-speakers", many_speakers), ("quote-marks", quote_marks)]
    for name, make in [*shapes, ("no-quotes", no_quotes)]:
        print(f"| Article ({name}) | Characters | Paragraphs | Statements | Extraction s | vs 1x | load_seeds |")
        print("|---|---:|---:|---:|---:|---:|---|")
        base = None
        for times in sizes:
            text = make(times)
            seconds, result = best_time(lambda text=text: extract_article(text), options.repeat)
            base = base or seconds
            try:
                validate_article_size(text)
                verdict = "loads"
            except ValidationError as error:
                verdict = "refused: " + error.messages[0]
            print(
                f"| {times}x | {len(text):,} | {count_paragraphs(text):,} | {len(result.statements):,} "
                f"| {seconds:.3f} | {seconds / base:.1f}x | {verdict} |"
            )
        print()
    print("| locate_spans body | Characters | Seconds | vs 1x |")
    print("|---|---:|---:|---:|")
    base = None
    for times in sizes:
        # The worst case for a backtracking search: a long text that almost matches everywhere.
        body, text = "a " * (2_000 * times), "a " * (100 * times) + "b"
        seconds, found = best_time(lambda body=body, text=text: locate_spans(body, text), options.repeat)
        assert found is None
        base = base or seconds
        print(f"| {times}x | {len(body):,} | {seconds:.4f} | {seconds / base:.1f}x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

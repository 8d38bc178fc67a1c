"""Extraction time per article, and against the extractor of an earlier commit, measured in one run.

    .venv/bin/python bench/extraction_speed.py [--against REV] [--rounds 7]

Reads every article of the gold sets (tests/data/*/, tests/extraction/articles/) and the seeds, and times
``extract_article`` over all of them, round after round; with ``--against`` the extraction package of
that commit (taken with ``git archive``) is timed in the same process, the two alternating round by
round so that a busy machine slows both alike. Prints the best and the median round of each as
milliseconds per article, and the ratio. The machine is shared: compare ratios from one run, not
figures from different runs.
"""

from __future__ import annotations

import argparse
import importlib
import io
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.extraction import decode_article, extract_article  # noqa: E402

Extract = Callable[[str], object]


def corpus() -> list[str]:
    """The decoded text of every annotated article the project keeps: gold sets, feature articles and seeds."""
    gold_articles = {
        gold.parent / json.loads(gold.read_text(encoding="utf-8")).get("seed", gold.name[: -len(".gold.json")] + ".txt")
        for gold in ROOT.glob("tests/data/*/*.gold.json")
        if gold.parent.name != "transcripts"  # interviews: read as turns today, not before, so not comparable
    }
    paths = sorted({*gold_articles, *ROOT.glob("tests/extraction/articles/*.txt")}) + sorted(ROOT.glob("seeds/*.txt"))
    return [decode_article(path.read_bytes()) for path in paths]


def extractor_at(revision: str, workdir: Path) -> Extract:
    """``extract_article`` of the extraction package as it was at ``revision``, importable beside today's."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, "tracker"], check=True, capture_output=True
    ).stdout
    package = f"tracker_{revision.replace('/', '_').replace('-', '_')}"
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        members = [
            m
            for m in tar.getmembers()
            if m.name == "tracker/__init__.py" or m.name.startswith(("tracker/extraction/", "tracker/naming.py"))
        ]
        tar.extractall(workdir, members=members, filter="data")
    (workdir / "tracker").rename(workdir / package)
    sys.path.insert(0, str(workdir))
    return importlib.import_module(f"{package}.extraction").extract_article


def clear_memos(package: str) -> None:
    """Empty every bounded ``lru_cache`` of ``package``'s modules; unbounded ones hold loaded data."""
    for name, module in list(sys.modules.items()):
        if not name.startswith(package):
            continue
        for value in vars(module).values():
            info = getattr(value, "cache_parameters", None)
            if info is not None and info()["maxsize"] is not None:
                value.cache_clear()


def one_round(extract: Extract, texts: list[str]) -> float:
    clear_memos(extract.__module__.split(".")[0])
    started = time.process_time()
    for text in texts:
        extract(text)
    return (time.process_time() - started) / len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", help="a git revision whose extractor is timed alongside today's")
    parser.add_argument("--rounds", type=int, default=7)
    options = parser.parse_args()
    texts = corpus()
    extractors: dict[str, Extract] = {"today": extract_article}
    with tempfile.TemporaryDirectory() as workdir:
        if options.against:
            extractors[options.against] = extractor_at(options.against, Path(workdir))
        for extract in extractors.values():
            for text in texts:
                extract(text)  # warm up: imports, word lists, the gender dictionary, caches
        rounds: dict[str, list[float]] = {name: [] for name in extractors}
        for _ in range(options.rounds):
            for name, extract in extractors.items():
                rounds[name].append(one_round(extract, texts))
    print(f"{len(texts)} articles, {options.rounds} rounds")
    for name, times in rounds.items():
        print(f"{name:>12}: best {min(times) * 1000:.2f} ms/article, median {statistics.median(times) * 1000:.2f}")
    if options.against:
        today, before = rounds["today"], rounds[options.against]
        print(
            f"today / {options.against}: best {min(today) / min(before):.2f}, median "
            f"{statistics.median(today) / statistics.median(before):.2f}"
        )


if __name__ == "__main__":
    main()

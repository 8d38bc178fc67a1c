# ruff: noqa: RUF001
"""Mechanical checks of the heldout3 gold files against their articles.

Run from anywhere: ``python verify_gold.py``. Exits non-zero on the first file with problems,
after printing every problem found.
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Trailing paragraphs that are site or wire boilerplate, not body.
BOILERPLATE_TAIL = {
    "01_sarb_rate_hold.txt": 2,
    "02_tennessee_flash_flood.txt": 2,
    "03_empty_homes_powers.txt": 1,
    "04_granite_spoon_diner.txt": 0,
    "05_chile_lithium_address.txt": 1,
    "06_river_health_report.txt": 0,
    "07_rovers_late_winner.txt": 0,
    "08_stair_climbing_trial.txt": 0,
    "09_meridian_bluewater_deal.txt": 1,
    "10_rail_funding_analysis.txt": 0,
}

OPENERS = "\"'“‘"
CLOSERS = "\"'”’"
MEDIA = {"speech", "interview", "tweet", "letter", "essay", "article", "statement", "unknown"}
KINDS = {"direct", "partial"}
KEYS = [
    "speaker",
    "speaker_as_written",
    "quote",
    "parts",
    "paragraph",
    "cue",
    "medium",
    "original_source",
    "kind",
]


def body_paragraphs(text: str, tail: int) -> list[str]:
    """Headline, byline/date line, then body; the last ``tail`` blocks are boilerplate."""
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    body = blocks[2:]
    return body[: len(body) - tail] if tail else body


def quoted_at(paragraph: str, part: str) -> bool:
    """True if ``part`` occurs right after an opening mark and right before a closing mark.

    A paragraph of a multi-paragraph quote has no closing mark, so its end also counts.
    """
    start = paragraph.find(part)
    while start != -1:
        end = start + len(part)
        opened = start > 0 and paragraph[start - 1] in OPENERS
        closed = end == len(paragraph) or paragraph[end] in CLOSERS
        if opened and closed:
            return True
        start = paragraph.find(part, start + 1)
    return False


def opening_marks(paragraph: str) -> list[int]:
    """Positions of opening quote marks: curly openers, and straight marks after a space or at the start."""
    found = []
    for i, ch in enumerate(paragraph):
        curly = ch in "“‘"
        straight = ch in "\"'" and (i == 0 or paragraph[i - 1] in " (—\n")
        if curly or straight:
            found.append(i)
    return found


def unannotated(paragraphs: list[str], data: dict) -> list[str]:
    """Opening marks in the body that start neither a statement part nor a non_statement."""
    problems = []
    for n, para in enumerate(paragraphs):
        strings = [p for st in data["statements"] if st["paragraph"] == n for p in st["parts"]]
        strings += data["non_statements"]
        for pos in opening_marks(para):
            if not any(s and para.startswith(s, pos + 1) for s in strings):
                problems.append(f"paragraph {n}: quoted text not annotated: {para[pos : pos + 50]!r}")
    return problems


def check_statement(i: int, st: dict, paragraphs: list[str]) -> list[str]:
    problems = []
    where = f"statement {i}"
    missing = [k for k in KEYS if k not in st]
    if missing:
        return [f"{where}: missing keys {missing}"]
    extra = set(st) - set(KEYS) - {"borderline"}
    if extra:
        problems.append(f"{where}: unexpected keys {sorted(extra)}")
    if st.get("borderline", True) is not True:
        problems.append(f"{where}: borderline must be true when present")
    if st["quote"] != " ".join(st["parts"]):
        problems.append(f"{where}: quote is not the parts joined by a space")
    if st["medium"] not in MEDIA:
        problems.append(f"{where}: bad medium {st['medium']!r}")
    if st["kind"] not in KINDS:
        problems.append(f"{where}: bad kind {st['kind']!r}")
    n = st["paragraph"]
    if not isinstance(n, int) or not 0 <= n < len(paragraphs):
        return [*problems, f"{where}: paragraph {n!r} outside the body (0..{len(paragraphs) - 1})"]
    para = paragraphs[n]
    for part in st["parts"]:
        if part not in para:
            problems.append(f"{where}: part not in paragraph {n}: {part[:60]!r}")
        elif not quoted_at(para, part):
            problems.append(f"{where}: part not bounded by quote marks in paragraph {n}: {part[:60]!r}")
    for field in ("speaker_as_written", "cue"):
        if st[field] and st[field] not in para:
            problems.append(f"{where}: {field} {st[field]!r} not in paragraph {n}")
    return problems


def check_file(gold_path: Path, txt_path: Path) -> tuple[list[str], dict]:
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    seed = data["seed"]
    if seed != txt_path.name:
        return [f"seed {seed!r} does not match {txt_path.name!r}"], {}
    text = txt_path.read_text(encoding="utf-8")
    paragraphs = body_paragraphs(text, BOILERPLATE_TAIL[seed])
    problems = []
    if text.split("\n", 1)[0] != data["title"]:
        problems.append("title differs from the headline")
    for i, st in enumerate(data["statements"]):
        problems += check_statement(i, st, paragraphs)
    body = "\n\n".join(paragraphs)
    for ns in data["non_statements"]:
        if not quoted_at(body, ns):
            problems.append(f"non_statement not found between quote marks in the body: {ns!r}")
    problems += unannotated(paragraphs, data)
    order = [(st["paragraph"], para_pos(paragraphs, st)) for st in data["statements"]]
    if order != sorted(order):
        problems.append("statements are not in reading order")
    counts = {
        "statements": len(data["statements"]),
        "direct": sum(st["kind"] == "direct" for st in data["statements"]),
        "partial": sum(st["kind"] == "partial" for st in data["statements"]),
        "multi_part": sum(len(st["parts"]) > 1 for st in data["statements"]),
        "borderline": sum(bool(st.get("borderline")) for st in data["statements"]),
        "non_statements": len(data["non_statements"]),
        "body_paragraphs": len(paragraphs),
        "words": len(text.split()),
    }
    return problems, counts


def para_pos(paragraphs: list[str], st: dict) -> int:
    n = st["paragraph"]
    if not 0 <= n < len(paragraphs):
        return -1
    return paragraphs[n].find(st["parts"][0])


def main() -> int:
    gold_files = sorted(HERE.glob("*.gold.json"))
    txt_files = sorted(HERE.glob("*.txt"))
    if [g.name.removesuffix(".gold.json") for g in gold_files] != [t.stem for t in txt_files]:
        print("every .txt needs a .gold.json beside it and vice versa")
        return 1
    failed = False
    totals: dict[str, int] = {}
    for gold_path, txt_path in zip(gold_files, txt_files, strict=True):
        try:
            problems, counts = check_file(gold_path, txt_path)
        except (json.JSONDecodeError, KeyError) as exc:
            problems, counts = [f"cannot read: {exc!r}"], {}
        status = "ok" if not problems else "FAIL"
        print(f"{gold_path.name}: {status} {counts}")
        for p in problems:
            print(f"  - {p}")
        failed = failed or bool(problems)
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
    print(f"files: {len(gold_files)} totals: {totals}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

# ruff: noqa: RUF001
"""Check that every gold file in this directory matches its article text.

Run from anywhere: ``python verify_gold.py``. Exits non-zero and lists every problem found.
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Trailing blocks of each article that are site boilerplate, not body.
BOILERPLATE_BLOCKS = {
    "01_manila_hanoi_hotline.txt": 2,
    "02_nevada_governor_race.txt": 2,
    "03_fda_baby_food_lead.txt": 1,
    "04_teachers_strike_england.txt": 2,
    "05_riksbank_rates_analysis.txt": 1,
    "06_wa_ambulance_ramping_death.txt": 2,
    "07_florissant_laundromat_crash.txt": 2,
    "08_eu_loopla_dsa_fine.txt": 2,
    "09_cop32_draft_text.txt": 2,
    "10_kestrel_whistleblower_suit.txt": 2,
}

OPENING = {'"', "“", "‘", "'"}
CLOSING = {'"', "”", "’", "'"}
TOP_KEYS = {"seed", "publication", "title", "author", "published", "notes", "statements", "non_statements"}
STATEMENT_KEYS = {
    "speaker",
    "speaker_as_written",
    "quote",
    "parts",
    "paragraph",
    "cue",
    "medium",
    "original_source",
    "kind",
}
MEDIA = {"speech", "interview", "tweet", "letter", "essay", "article", "statement", "unknown"}


def split_article(text: str, boilerplate: int) -> tuple[str, str, list[str]]:
    """Return headline, byline and body paragraphs (boilerplate dropped)."""
    blocks = [b.strip() for b in re.split(r"\n[ \t]*\n", text.strip()) if b.strip()]
    body = blocks[2 : len(blocks) - boilerplate]
    return blocks[0], blocks[1], body


def find_between_marks(paragraph: str, part: str) -> bool:
    """True if part occurs with an opening mark before it and a closing mark (or paragraph end) after it."""
    start = paragraph.find(part)
    while start != -1:
        end = start + len(part)
        opened = start > 0 and paragraph[start - 1] in OPENING
        closed = end == len(paragraph) or paragraph[end] in CLOSING
        if opened and closed:
            return True
        start = paragraph.find(part, start + 1)
    return False


def check(gold_path: Path) -> list[str]:
    problems: list[str] = []
    name = gold_path.name

    def fail(msg: str) -> None:
        problems.append(f"{name}: {msg}")

    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return [f"{name}: invalid JSON: {exc}"]
    if set(gold) != TOP_KEYS:
        fail(f"top-level keys {sorted(gold)}")
    seed = gold.get("seed", "")
    txt_path = HERE / seed
    if seed != name.replace(".gold.json", ".txt") or not txt_path.exists():
        fail(f"seed {seed!r} does not name the article beside it")
        return problems
    if seed not in BOILERPLATE_BLOCKS:
        fail("no boilerplate count recorded")
        return problems
    headline, _byline, body = split_article(txt_path.read_text(encoding="utf-8"), BOILERPLATE_BLOCKS[seed])
    if gold["title"] != headline:
        fail("title differs from the headline")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold["published"]):
        fail(f"published {gold['published']!r} is not YYYY-MM-DD")

    for i, st in enumerate(gold["statements"]):
        where = f"statement {i} ({st.get('speaker')})"
        keys = set(st) - {"borderline"}
        if keys != STATEMENT_KEYS:
            fail(f"{where}: keys {sorted(st)}")
            continue
        if st["quote"] != " ".join(st["parts"]):
            fail(f"{where}: quote is not the parts joined by a space")
        if st["kind"] not in {"direct", "partial"}:
            fail(f"{where}: kind {st['kind']!r}")
        if st["medium"] not in MEDIA:
            fail(f"{where}: medium {st['medium']!r}")
        if st.get("borderline", True) is not True:
            fail(f"{where}: borderline must be true when present")
        if not 0 <= st["paragraph"] < len(body):
            fail(f"{where}: paragraph {st['paragraph']} out of range (body has {len(body)})")
            continue
        paragraph = body[st["paragraph"]]
        for part in st["parts"]:
            if not find_between_marks(paragraph, part):
                fail(f"{where}: part not found between marks in paragraph {st['paragraph']}: {part[:60]!r}")
        if st["cue"] and st["cue"] not in paragraph:
            fail(f"{where}: cue {st['cue']!r} not in paragraph")
        if st["speaker_as_written"] and st["speaker_as_written"] not in paragraph:
            fail(f"{where}: speaker_as_written not in paragraph")

    # Statements in reading order, no part claimed twice.
    order = [(st["paragraph"], body[st["paragraph"]].find(st["parts"][0])) for st in gold["statements"]]
    if order != sorted(order):
        fail("statements are not in reading order")
    claimed = [(st["paragraph"], part) for st in gold["statements"] for part in st["parts"]]
    if len(claimed) != len(set(claimed)):
        fail("a part is claimed by two statements")

    for ns in gold["non_statements"]:
        if not any(find_between_marks(p, ns) for p in body):
            fail(f"non-statement not found between marks: {ns!r}")
    return problems


def main() -> int:
    gold_files = sorted(HERE.glob("*.gold.json"))
    txt_files = sorted(HERE.glob("*.txt"))
    problems: list[str] = []
    if len(gold_files) != len(txt_files):
        problems.append(f"{len(txt_files)} articles but {len(gold_files)} gold files")
    else:
        for txt, gold in zip(txt_files, gold_files, strict=True):
            if gold.name != txt.name.replace(".txt", ".gold.json"):
                problems.append(f"unpaired files: {txt.name}, {gold.name}")
    statements = partial = borderline = non_statements = 0
    for gold_path in gold_files:
        problems.extend(check(gold_path))
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        statements += len(gold["statements"])
        partial += sum(st["kind"] == "partial" for st in gold["statements"])
        borderline += sum(bool(st.get("borderline")) for st in gold["statements"])
        non_statements += len(gold["non_statements"])
    for problem in problems:
        print(problem)
    print(
        f"{len(gold_files)} articles, {statements} statements ({statements - partial} direct, {partial} partial, "
        f"{borderline} borderline), {non_statements} non-statements"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

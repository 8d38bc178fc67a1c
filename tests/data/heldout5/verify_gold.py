# ruff: noqa: RUF001
"""Check the heldout5 gold files against their articles.

Every part must occur verbatim in its body paragraph, opened by a quote mark and closed by one
(or by the paragraph end, for a quote that runs on into the next paragraph); quote must equal the
parts joined by one space. Run: python verify_gold.py
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Trailing blank-line-separated blocks that are site boilerplate, not body.
BOILERPLATE = {
    "01_portugal_budget.txt": 2,
    "02_senate_drone_hearing.txt": 1,
    "03_romania_measles.txt": 2,
    "04_mozambique_macomia.txt": 1,
    "05_shrewsbury_flooding.txt": 1,
    "06_energy_price_cap.txt": 2,
    "07_dilley_deportation_ruling.txt": 2,
    "08_whitaker_profile.txt": 2,
}
OPENERS = "\"'“‘"
CLOSERS = "\"'”’"
MEDIA = {"speech", "interview", "tweet", "letter", "essay", "article", "statement", "unknown"}
KINDS = {"direct", "partial"}
FIELDS = [
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


def body_paragraphs(txt: Path) -> tuple[str, list[str]]:
    """Return the headline and the body paragraphs (after the byline, before boilerplate)."""
    blocks = [b.strip() for b in txt.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    return blocks[0], blocks[2 : len(blocks) - BOILERPLATE[txt.name]]


def check_part(part: str, para: str) -> bool:
    """True when part sits between quote marks somewhere in para."""
    start = para.find(part)
    while start != -1:
        end = start + len(part)
        opened = start > 0 and para[start - 1] in OPENERS
        closed = end == len(para) or para[end] in CLOSERS
        if opened and closed:
            return True
        start = para.find(part, start + 1)
    return False


def verify(gold_path: Path) -> list[str]:
    errors = []
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    txt = HERE / gold["seed"]
    if gold_path.name != txt.name.removesuffix(".txt") + ".gold.json":
        errors.append(f"seed {gold['seed']} does not match {gold_path.name}")
    headline, paras = body_paragraphs(txt)
    if gold["title"] != headline:
        errors.append("title differs from headline")
    for n, st in enumerate(gold["statements"]):
        where = f"{gold_path.name} statement {n}"
        missing = [f for f in FIELDS if f not in st]
        if missing:
            errors.append(f"{where}: missing {missing}")
            continue
        if st["quote"] != " ".join(st["parts"]):
            errors.append(f"{where}: quote != joined parts")
        if st["medium"] not in MEDIA or st["kind"] not in KINDS:
            errors.append(f"{where}: bad medium or kind")
        if not 0 <= st["paragraph"] < len(paras):
            errors.append(f"{where}: paragraph {st['paragraph']} outside body")
            continue
        para = paras[st["paragraph"]]
        for part in st["parts"]:
            if not check_part(part, para):
                errors.append(f"{where}: part not quoted in paragraph {st['paragraph']}: {part!r}")
        if st["speaker_as_written"] and st["speaker_as_written"] not in para:
            errors.append(f"{where}: speaker_as_written not in paragraph")
        if st["cue"] and st["cue"] not in para:
            errors.append(f"{where}: cue not in paragraph")
    body = "\n\n".join(paras)
    for ns in gold["non_statements"]:
        if not any(check_part(ns, p) for p in paras) or ns not in body:
            errors.append(f"{gold_path.name}: non-statement not quoted in body: {ns!r}")
    return errors


def main() -> int:
    golds = sorted(HERE.glob("*.gold.json"))
    errors = [e for g in golds for e in verify(g)]
    for e in errors:
        print(e)
    totals = [len(json.loads(g.read_text(encoding="utf-8"))["statements"]) for g in golds]
    for g, t in zip(golds, totals, strict=True):
        print(f"{g.name}: {t} statements")
    print(f"{len(golds)} files, {sum(totals)} statements, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

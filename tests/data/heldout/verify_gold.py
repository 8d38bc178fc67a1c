# ruff: noqa: RUF001  (curly quote marks are what this checker looks for)
"""Mechanical checks of the held-out gold files (run: python3 verify_gold.py).

Checks, for every NN_slug.txt / NN_slug.gold.json pair in this directory:
- the JSON parses, has the expected fields, and its "seed" names the .txt file;
- quote == " ".join(parts); kind, medium and paragraph values are valid;
- every part occurs verbatim in its body paragraph, in order, directly between an
  opening and a closing quote mark (ignoring spaces and no-break spaces next to the
  marks; a part may run to the end of the paragraph for AP-style multi-paragraph quotes);
- every non_statement occurs between marks somewhere in the body;
- coverage: no opening/closing double, guillemet or opening single mark is left in the
  body that is not accounted for by a part or a non_statement, and marks nested inside a
  part are accounted for by a non_statement.
The body is every blank-line-separated block after the headline and the byline/date line,
minus the trailing boilerplate blocks counted in BOILERPLATE.
"""

import glob
import json
import os
import re
import sys
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
BOILERPLATE = {"01": 1, "02": 2, "05": 2, "09": 1, "10": 1}
OPEN = "“‘\"«'"
CLOSE = "”’\"»'"
SPACES = " \u00a0\u202f"
MEDIA = {"speech", "interview", "tweet", "letter", "essay", "article", "statement", "unknown"}
FIELDS = {"speaker", "speaker_as_written", "quote", "parts", "paragraph", "cue", "medium", "original_source", "kind"}


def body_paragraphs(path):
    text = Path(path).read_text(encoding="utf-8")
    blocks = [b.strip("\n") for b in re.split(r"\n[ \t]*\n", text.strip())]
    n_boiler = BOILERPLATE.get(os.path.basename(path)[:2], 0)
    return blocks[2 : len(blocks) - n_boiler]


def bounded_spans(para, needle):
    """Start offsets of needle in para where it sits directly between quote marks."""
    spans = []
    start = para.find(needle)
    while start != -1:
        i = start - 1
        while i >= 0 and para[i] in SPACES:
            i -= 1
        j = start + len(needle)
        while j < len(para) and para[j] in SPACES:
            j += 1
        if i >= 0 and para[i] in OPEN and (j == len(para) or para[j] in CLOSE):
            spans.append((i, j))  # offsets of the opening mark and the closing mark
        start = para.find(needle, start + 1)
    return spans


def check(gold_path):
    errors = []
    seed = os.path.basename(gold_path).replace(".gold.json", ".txt")
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    if gold.get("seed") != seed:
        errors.append(f"seed field {gold.get('seed')!r} != {seed!r}")
    for key in ("publication", "title", "author", "published", "statements", "non_statements"):
        if key not in gold:
            errors.append(f"missing {key}")
    paras = body_paragraphs(os.path.join(HERE, seed))
    covered = [set() for _ in paras]
    inner = [set() for _ in paras]  # offsets strictly inside statement parts
    for n, st in enumerate(gold["statements"]):
        tag = f"statement {n} ({st.get('speaker')}, p{st.get('paragraph')})"
        missing = FIELDS - st.keys()
        if missing:
            errors.append(f"{tag}: missing fields {sorted(missing)}")
            continue
        if st["quote"] != " ".join(st["parts"]):
            errors.append(f"{tag}: quote != ' '.join(parts)")
        if st["kind"] not in ("direct", "partial"):
            errors.append(f"{tag}: bad kind {st['kind']!r}")
        if st["medium"] not in MEDIA:
            errors.append(f"{tag}: bad medium {st['medium']!r}")
        if not 0 <= st["paragraph"] < len(paras):
            errors.append(f"{tag}: paragraph out of range (body has {len(paras)})")
            continue
        para = paras[st["paragraph"]]
        pos = 0
        for part in st["parts"]:
            spans = [s for s in bounded_spans(para, part) if s[0] >= pos]
            if not spans:
                errors.append(f"{tag}: part not found between marks (in order): {part!r}")
                continue
            a, b = spans[0]
            covered[st["paragraph"]].update(range(a, b + 1))
            inner[st["paragraph"]].update(range(a + 1, b))
            pos = b
    ns_covered = [set() for _ in paras]
    for ns in gold["non_statements"]:
        hits = [(k, s) for k, p in enumerate(paras) for s in bounded_spans(p, ns)]
        if not hits:
            errors.append(f"non_statement not found between marks: {ns!r}")
        for k, (a, b) in hits:
            covered[k].update(range(a, b + 1))
            ns_covered[k].update(range(a, b + 1))
    # Coverage: marks that cannot be apostrophes must all be accounted for.
    for k, para in enumerate(paras):
        for i, ch in enumerate(para):
            nested_unlisted = i in inner[k] and i not in ns_covered[k]
            if ch in '“”«»"‘' and (i not in covered[k] or nested_unlisted):
                errors.append(f"uncovered mark {ch!r} in paragraph {k}: ...{para[max(0, i - 30) : i + 30]!r}...")
    return gold, errors


def main():
    totals = {"statements": 0, "partial": 0, "borderline": 0, "non_statements": 0}
    failed = False
    for gold_path in sorted(glob.glob(os.path.join(HERE, "*.gold.json"))):
        gold, errors = check(gold_path)
        sts = gold["statements"]
        counts = (
            len(sts),
            sum(s["kind"] == "partial" for s in sts),
            sum(bool(s.get("borderline")) for s in sts),
            len(gold["non_statements"]),
        )
        for key, value in zip(totals, counts, strict=True):
            totals[key] += value
        status = "OK " if not errors else "ERR"
        print(
            f"{status} {os.path.basename(gold_path)}: statements={counts[0]} partial={counts[1]} "
            f"borderline={counts[2]} non_statements={counts[3]}"
        )
        for e in errors:
            print("    " + e)
        failed |= bool(errors)
    print("TOTAL", totals)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

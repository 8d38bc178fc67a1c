# ruff: noqa: RUF001
"""Check the hand-made gold files of this folder against their articles.

Run from anywhere: ``python verify_gold.py``. Exits non-zero and lists every problem found.
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Trailing site boilerplate (sign-ups, credits, update notes) is not body; it is recognised by how it opens.
BOILERPLATE = re.compile(
    r"^(Sign up|Reporting by|Additional reporting|Editing by|This (story|article) (has been|was|appears)"
    r"|\(Updates|--With assistance|To contact|Source:|\(With inputs|Published - |Update, |Have a news tip"
    r"|Filed under|Explore more|[A-Z][a-z]+ [A-Z][a-z]+ covers |[A-Z][a-z]+ [A-Z][a-z]+ contributed )"
)
OPENING = "\"'“‘"
CLOSING = "\"'”’"
FIELDS = ("seed", "publication", "title", "author", "published", "notes", "statements", "non_statements")
STATEMENT_FIELDS = (
    "speaker",
    "speaker_as_written",
    "quote",
    "parts",
    "paragraph",
    "cue",
    "medium",
    "original_source",
    "kind",
)
MEDIA = {"speech", "interview", "tweet", "letter", "essay", "article", "statement", "unknown"}
KINDS = {"direct", "partial"}


def body_paragraphs(text: str) -> list[str]:
    """Paragraphs after the headline and the byline/date line, trailing boilerplate removed."""
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text.strip())]
    body = blocks[2:]
    while body and BOILERPLATE.match(body[-1]):
        body.pop()
    return body


def is_quoted(part: str, paragraph: str) -> bool:
    """True if the part occurs right after an opening mark and ends at a closing mark or the paragraph's end."""
    start = paragraph.find(part)
    while start != -1:
        end = start + len(part)
        opened = start > 0 and paragraph[start - 1] in OPENING
        closed = end == len(paragraph) or paragraph[end] in CLOSING
        if opened and closed:
            return True
        start = paragraph.find(part, start + 1)
    return False


def check(gold_path: Path, gold: dict) -> list[str]:
    """Every problem found in one parsed gold file, checked against the article it names."""
    problems: list[str] = []
    name = gold_path.name
    missing = [field for field in FIELDS if field not in gold]
    if missing:
        return [f"{name}: missing fields {missing}"]
    article = HERE / gold["seed"]
    if gold["seed"] != name.replace(".gold.json", ".txt") or not article.exists():
        return [f"{name}: seed {gold['seed']!r} does not name the article beside it"]
    text = article.read_text(encoding="utf-8")
    if gold["title"] != text.strip().split("\n", 1)[0]:
        problems.append(f"{name}: title differs from the headline")
    body = body_paragraphs(text)
    body_text = "\n\n".join(body)
    for number, statement in enumerate(gold["statements"]):
        where = f"{name} statement {number}"
        absent = [field for field in STATEMENT_FIELDS if field not in statement]
        if absent:
            problems.append(f"{where}: missing fields {absent}")
            continue
        if statement["medium"] not in MEDIA:
            problems.append(f"{where}: unknown medium {statement['medium']!r}")
        if statement["kind"] not in KINDS:
            problems.append(f"{where}: unknown kind {statement['kind']!r}")
        if statement.get("borderline", True) is not True:
            problems.append(f"{where}: borderline must be true or absent")
        parts = statement["parts"]
        if not parts or statement["quote"] != " ".join(parts):
            problems.append(f"{where}: quote is not the parts joined by one space")
        index = statement["paragraph"]
        if not isinstance(index, int) or not 0 <= index < len(body):
            problems.append(f"{where}: paragraph {index!r} is outside the body (0..{len(body) - 1})")
            continue
        for part in parts:
            if part not in body[index]:
                problems.append(f"{where}: part not in paragraph {index}: {part[:60]!r}")
            elif not is_quoted(part, body[index]):
                problems.append(f"{where}: part is not bounded by quote marks: {part[:60]!r}")
        if statement["cue"] and statement["cue"] not in body_text:
            problems.append(f"{where}: cue {statement['cue']!r} not in the body")
        as_written = statement["speaker_as_written"]
        if as_written and as_written not in body_text:
            problems.append(f"{where}: speaker_as_written {as_written!r} not in the body")
    for phrase in gold["non_statements"]:
        if phrase not in body_text:
            problems.append(f"{name}: non-statement not in the body: {phrase!r}")
    return problems


def main() -> int:
    problems: list[str] = []
    golds: list[dict] = []
    gold_paths = sorted(HERE.glob("*.gold.json"))
    for gold_path in gold_paths:
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            problems.append(f"{gold_path.name}: not valid JSON ({error})")
            continue
        golds.append(gold)
        problems.extend(check(gold_path, gold))
    articles = sorted(path.name for path in HERE.glob("*.txt"))
    expected = sorted(path.name.replace(".gold.json", ".txt") for path in gold_paths)
    if len(articles) != len(expected):
        problems.append(f"{len(articles)} articles but {len(expected)} gold files")
    else:
        problems.extend(
            f"article {article!r} has no gold file beside it"
            for seed, article in zip(expected, articles, strict=True)
            if seed != article
        )
    statements = [statement for gold in golds for statement in gold.get("statements", [])]
    non_statements = sum(len(gold.get("non_statements", [])) for gold in golds)
    print(
        f"{len(gold_paths)} gold files, {len(statements)} statements "
        f"({sum(s.get('kind') == 'partial' for s in statements)} partial, "
        f"{sum(bool(s.get('borderline')) for s in statements)} borderline), {non_statements} non-statements"
    )
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

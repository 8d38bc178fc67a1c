import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tracker.extraction.evaluation import combine, score_article
from tracker.extraction.types import QuoteKind
from tracker.ingest import ArticleLoadError, read_article_file


class Command(BaseCommand):
    help = "Score the extractor against gold annotations (*.gold.json beside their article .txt files)."

    def add_arguments(self, parser):
        parser.add_argument("gold_dir", help="Directory holding *.gold.json files.")
        parser.add_argument("--json", action="store_true", dest="as_json", help="Print the scores as JSON.")
        parser.add_argument(
            "--kind",
            choices=[kind.value for kind in QuoteKind if kind != QuoteKind.QUESTION],
            help="Score only statements of this kind (answer: an interview's or transcript's answers).",
        )

    def handle(self, *args, gold_dir, as_json, kind=None, **options):
        directory = Path(gold_dir)
        gold_files = sorted(directory.glob("*.gold.json")) if directory.is_dir() else []
        if not gold_files:
            raise CommandError(f"{directory}: no *.gold.json files found")
        per_file = {}
        for gold_file in gold_files:
            gold = load_gold(gold_file)
            article_path = gold_file.parent / gold.get("seed", gold_file.name.removesuffix(".gold.json") + ".txt")
            try:
                result = read_article_file(article_path)
            except ArticleLoadError as error:
                raise CommandError(f"{gold_file}: {error}") from error
            per_file[gold_file.name] = score_article(gold, result.statements, kind=kind)
        total = combine(list(per_file.values()))
        if as_json:
            self.stdout.write(
                json.dumps({name: s.to_dict() for name, s in per_file.items()} | {"total": total.to_dict()}, indent=2)
            )
            return
        for name, scores in [*per_file.items(), ("TOTAL", total)]:
            self.stdout.write(format_scores(name, scores.to_dict()))


def load_gold(gold_file: Path) -> dict:
    try:
        return json.loads(gold_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"{gold_file}: cannot be read ({error})") from error
    except json.JSONDecodeError as error:
        raise CommandError(f"{gold_file}, line {error.lineno}: invalid JSON ({error.msg})") from error


def format_scores(name: str, scores: dict) -> str:
    return f"{name}: " + ", ".join(
        f"{key} {value:.3f}" if isinstance(value, float) else f"{key} {value}" for key, value in scores.items()
    )

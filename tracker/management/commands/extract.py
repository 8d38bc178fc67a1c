import json

from django.core.management.base import BaseCommand, CommandError

from tracker.ingest import ArticleLoadError, find_article_files, read_article_file


class Command(BaseCommand):
    help = "Extract attributed statements from article files and print them; touches no database."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Article files or directories.")
        parser.add_argument("--format", choices=["json", "text"], default="json", help="Output format (default json).")

    def handle(self, *args, paths, format, **options):
        found = find_article_files(paths)
        results, errors = [], list(found.errors)
        for file in found.files:
            try:
                results.append({"file": str(file.path), **read_article_file(file.path, root=file.root).to_dict()})
            except ArticleLoadError as error:
                errors.append(error)
        for notice in found.ignored:
            self.stderr.write(f"Passed over {notice}")
        if format == "json":
            self.stdout.write(json.dumps(results, indent=2, ensure_ascii=False))
        else:
            for result in results:
                self.stdout.write(format_text(result))
        if errors:
            raise CommandError("; ".join(map(str, errors)))


def format_text(result: dict) -> str:
    article = result["article"]
    lines = [f"== {result['file']}", f"{article['title']} ({article['byline']}, {article['published']})"]
    for statement in result["statements"]:
        source = statement["source"]
        origin = f" [{source['kind']}: {source['title'] or source['publisher']}]" if source else ""
        lines.append(
            f"  ¶{statement['paragraph']} {statement['speaker'] or '?'} ({statement['speaker_as_written']}) "
            f'{statement["cue"]}, {statement["kind"]}{origin}: "{statement["quote"]}"'
        )
    lines.extend(f"  warning: {warning}" for warning in result["warnings"])
    return "\n".join(lines)

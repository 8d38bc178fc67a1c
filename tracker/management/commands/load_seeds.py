from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tracker.ingest import DEFAULT_BATCH_SIZE, load_paths


class Command(BaseCommand):
    help = "Extract statements from article text files and load them; files already loaded are left as they are."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="Article files or directories (default: the seeds directory).")
        parser.add_argument("--dry-run", action="store_true", help="Show what would be created; store nothing.")
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Refuse files whose extraction gave warnings instead of loading them.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help=f"Articles stored per transaction (default {DEFAULT_BATCH_SIZE}); a bad one never spoils its batch.",
        )

    def handle(self, *args, paths, dry_run, strict, batch_size, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        report = load_paths(paths or [settings.SEEDS_DIR], dry_run=dry_run, strict=strict, batch_size=batch_size)
        verb = "Would load" if dry_run else "Loaded"
        for path in report.loaded:
            self.stdout.write(f"{verb} {path}")
        for path in report.skipped:
            self.stdout.write(f"Already present, nothing created: {path}")
        for notice in report.ignored:
            self.stderr.write(f"Passed over {notice}")
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(f"warning: {warning}"))
        prefix = "Dry run, nothing stored. " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(f"{prefix}{report.counts.summary()}."))
        if report.errors:
            for error in report.errors:
                self.stderr.write(self.style.ERROR(str(error)))
            raise CommandError(
                f"{len(report.errors)} file(s) could not be loaded: " + "; ".join(map(str, report.errors))
            )

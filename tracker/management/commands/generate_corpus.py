import sys
import time

from django.core.management.base import BaseCommand, CommandError

from tracker.corpus import generate_corpus


def positive_int(value: str) -> int:
    number = int(value.replace("_", ""))
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Insert a synthetic, reproducible corpus of speakers, sources, articles and statements for load "
        "tests. Rows are bulk-written (COPY on PostgreSQL) without history records."
    )

    def add_arguments(self, parser):
        parser.add_argument("--statements", type=positive_int, required=True, help="How many statements.")
        parser.add_argument("--seed", type=int, default=0, help="Random seed: same seed, same corpus.")
        parser.add_argument("--batch-size", type=positive_int, default=5000, help="Statements a transaction.")
        parser.add_argument("--speakers", type=positive_int, help="Speakers (default: statements / 20).")
        parser.add_argument(
            "--method",
            choices=["auto", "copy", "orm"],
            default="auto",
            help="copy: PostgreSQL COPY; orm: bulk_create; auto: COPY on PostgreSQL, else bulk_create.",
        )

    def handle(self, *args, statements, seed, batch_size, speakers, method, **options):
        started = time.monotonic()
        last_line = [0.0]
        interactive = sys.stderr.isatty()

        def progress(stage: str, done: int, total: int) -> None:
            # One line rewritten in place on a terminal; in a log, a line every five seconds and at the end.
            now = time.monotonic()
            if not interactive and done < total and now - last_line[0] < 5:
                return
            last_line[0] = now
            line = f"{stage}: {done:,}/{total:,} ({done / total:.0%}, {now - started:.0f} s)"
            ending = "\n" if done >= total or not interactive else ""
            self.stderr.write(f"\r{line}" if interactive else line, ending=ending)

        try:
            counts = generate_corpus(
                statements=statements,
                seed=seed,
                batch_size=batch_size,
                speakers=speakers,
                method=method,
                progress=progress if options["verbosity"] > 0 else None,
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Created {counts.summary()}."))

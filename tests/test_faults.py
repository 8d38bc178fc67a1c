"""Loading under faults: every malformed input is refused by name (and line), and the database stays as it was."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from tracker.ingest import MAX_FILE_BYTES
from tracker.models import Article, Publication, Source, Speaker, SpeakerAlias, Statement

from .conftest import DATA_DIR, SEED_PATH

FAULTY = DATA_DIR / "faulty"
ROOT = Path(__file__).resolve().parent.parent

# file name -> words the error must contain, and the line it must name (None where no line applies)
REFUSED = {
    "empty.txt": ("empty", None),
    "whitespace_only.txt": ("empty", None),
    "headline_only.txt": ("body", None),
    "latin1.txt": ("UTF-8", 5),
    "nul_byte.txt": ("NUL", 5),
    "html.txt": ("HTML", 1),
    "bad_date.txt": ("date", 3),
    "front_matter_unclosed.txt": ("closing '---' missing", 5),
    "bad_url.txt": ("url", 3),
}


def snapshot() -> list:
    models = [Article, Publication, Source, Speaker, SpeakerAlias, Statement]
    return [
        sorted(
            model.objects.values_list("pk", "updated") if hasattr(model, "updated") else model.objects.values_list("pk")
        )
        for model in models
    ]


@pytest.fixture
def stored(demo_data):
    return snapshot()


def refuse(path: Path, *args: str) -> str:
    with pytest.raises(CommandError) as error:
        call_command("load_seeds", str(path), *args)
    message = str(error.value)
    assert str(path) in message
    return message


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_malformed_file_is_refused_by_name_and_line(stored, name):
    words, line = REFUSED[name]
    message = refuse(FAULTY / name)
    assert words.lower() in message.lower()
    if line is not None:
        assert f"line {line}" in message
    assert snapshot() == stored


def test_oversized_file_is_refused_without_reading_it(stored, tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.write(b"Headline\n\nJane Doe 1 May 2023\n\n")
        handle.truncate(50 * 1024 * 1024)
    assert huge.stat().st_size > MAX_FILE_BYTES
    assert "bytes" in refuse(huge)
    assert snapshot() == stored


def test_very_long_line_is_refused(stored, tmp_path):
    long_line = tmp_path / "long_line.txt"
    long_line.write_text("Headline\n\nJane Doe 1 May 2023\n\n" + "word " * 60_000)
    assert "line 5" in refuse(long_line)
    assert snapshot() == stored


def test_directory_symlink_loop_and_unreadable_file(stored, tmp_path, monkeypatch):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert "cannot be read" in refuse(loop)

    seeds = tmp_path / "seeds"
    (seeds / "folder.txt").mkdir(parents=True)
    with pytest.raises(CommandError) as error:
        call_command("load_seeds", str(seeds))
    assert f"{seeds / 'folder.txt'}: is a directory" in str(error.value)

    locked = tmp_path / "locked.txt"
    shutil.copy(SEED_PATH, locked)
    locked.chmod(0)
    if os.geteuid() == 0:
        # root reads any file, so stand in for the kernel's refusal
        real_read_bytes = Path.read_bytes

        def read_bytes(self):
            if self == locked:
                raise PermissionError(13, "Permission denied", str(self))
            return real_read_bytes(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert "Permission denied" in refuse(locked)
    assert snapshot() == stored


@pytest.mark.parametrize(
    "name, text",
    [
        ("bom.txt", '\ufeffHeadline\n\nJane Doe 1 May 2023\n\nJane Doe said, "It works."\n'),
        (
            "unbalanced.txt",
            'Headline\n\nJane Doe 1 May 2023\n\nJane Doe said, "It never ends.\n\nMore text.\n',
        ),
        (
            "whole_article.txt",
            'Headline\n\nJane Doe 1 May 2023\n\n"Everything\n\n"is quoted\n\n"to the end.\n',
        ),
        ("many_marks.txt", "Headline\n\nJane Doe 1 May 2023\n\n" + '"' * 5001 + "\n"),
    ],
)
def test_suspicious_file_loads_with_a_warning_and_is_refused_when_strict(stored, tmp_path, name, text, capsys):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    message = refuse(path, "--strict")
    assert "line" in message
    assert snapshot() == stored
    call_command("load_seeds", str(path))
    assert f"warning: {path}" in capsys.readouterr().err
    assert Article.objects.count() == 2


def test_command_exits_non_zero_for_a_bad_file(tmp_path):
    env = {**os.environ, "DATABASE_URL": "sqlite:///" + str(tmp_path / "db.sqlite3")}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    result = subprocess.run(
        [sys.executable, "manage.py", "load_seeds", str(FAULTY / "latin1.txt")],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode != 0
    assert "latin1.txt, line 5" in result.stderr


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_loaders_started_together_store_each_article_once(tmp_path):
    for index in range(3):
        shutil.copy(DATA_DIR / "articles" / "second_article.txt", tmp_path / f"copy_{index}.txt")
    shutil.copy(SEED_PATH, tmp_path / "seed.txt")
    shutil.copy(DATA_DIR / "articles" / "third_article.txt", tmp_path / "third.txt")
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": url}
    command = [sys.executable, "manage.py", "load_seeds", str(tmp_path)]
    processes = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], outputs
    assert Article.objects.count() == 3
    assert Speaker.objects.filter(name="Jens Stoltenberg").count() == 1

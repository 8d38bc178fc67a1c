"""Loading under faults: every malformed input is refused by name (and line), and the database stays as it was."""

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from bench.extraction_scaling import article_times
from tracker.ingest import max_file_bytes
from tracker.models import Article, Publication, Source, Speaker, SpeakerAlias, Statement

from .conftest import DATA_DIR, SEED_PATH

FAULTY = DATA_DIR / "faulty"
ROOT = Path(__file__).resolve().parent.parent

# The fault corpus, part one: files in tests/data/faulty/, each with words its error must contain and the line it
# must name (None where no line applies). Part two, below, makes what git cannot hold: links, FIFOs, devices.
REFUSED = {
    "empty.txt": ("empty", None),
    "whitespace_only.txt": ("empty", None),
    "blank_lines_crlf.txt": ("empty", None),
    "nbsp_only.txt": ("empty", None),
    "bom_only.txt": ("empty", None),
    "headline_only.txt": ("body", None),
    "heading_only.txt": ("body", None),
    "front_matter_only.txt": ("body", None),
    "date_first.txt": ("no headline", 1),
    "latin1.txt": ("UTF-8", 5),
    "windows_1252.txt": ("UTF-8", 5),
    "utf8_overlong.txt": ("UTF-8", 5),
    "utf8_surrogate.txt": ("UTF-8", 5),
    "pdf_document.txt": ("UTF-8", 2),
    "nul_byte.txt": ("NUL", 5),
    "utf16.txt": ("NUL", 1),
    "png_image.txt": ("NUL", 3),
    "gzip_archive.txt": ("NUL", 1),
    "html.txt": ("HTML", 1),
    "html_body_tag.txt": ("HTML", 1),
    "html_lowercase_doctype.txt": ("HTML", 1),
    "bad_date.txt": ("date", 3),
    "date_impossible.txt": ("date", 3),
    "front_matter_unclosed.txt": ("closing '---' missing", 5),
    "bad_url.txt": ("url", 3),
    "url_javascript.txt": ("url", 3),
    "url_with_space.txt": ("url", 3),
    # Refused by the same validator as the API's: Django's URLValidator on Article.url.
    "url_invalid_host.txt": ("url 'https://exa_mple.org/story': Enter a valid URL", 3),
    # Too long for their columns: the message names the field and its limit.
    "title_too_long.txt": ("title 'AAAA", 1),
    "byline_too_long.txt": ("byline 'Jane Doe and", 3),
    "url_too_long.txt": ("at most 1000 characters", 3),
    "publication_too_long.txt": ("publication 'The Daily", 3),
    "language_too_long.txt": ("language 'en-en", 3),
    "too_many_paragraphs.txt": ("the limit is 1,000 (TRACKER_MAX_ARTICLE_PARAGRAPHS)", None),
}
LIMIT_WORDS = {
    "title_too_long.txt": "at most 500 characters (it has 501)",
    "byline_too_long.txt": "at most 300 characters",
    "publication_too_long.txt": "at most 200 characters",
    "language_too_long.txt": "at most 16 characters",
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


def test_the_corpus_is_every_file_of_the_directory():
    assert sorted(path.name for path in FAULTY.iterdir()) == sorted(REFUSED)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_malformed_file_is_refused_by_name_and_line(stored, name):
    words, line = REFUSED[name]
    message = refuse(FAULTY / name)
    assert words.lower() in message.lower()
    assert LIMIT_WORDS.get(name, "") in message
    if line is not None:
        assert f"line {line}" in message
    assert snapshot() == stored


def test_oversized_file_is_refused_without_reading_it(stored, tmp_path, monkeypatch):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.write(b"Headline\n\nJane Doe 1 May 2023\n\n")
        handle.truncate(50 * 1024 * 1024)
    assert huge.stat().st_size > max_file_bytes()
    monkeypatch.setattr("tracker.ingest._read_at_most", None)
    assert "is 52,428,800 bytes; files over 800,000 bytes are refused" in refuse(huge)
    assert snapshot() == stored


def test_an_article_over_the_character_limit_is_refused_before_extraction(stored, tmp_path, monkeypatch):
    long = tmp_path / "long.txt"
    long.write_text("Headline\n\nJane Doe 1 May 2023\n\n" + "Words and more words.\n" * 10_000)
    monkeypatch.setattr("tracker.ingest.extract_article", None)
    assert "characters long; the limit is 200,000 (TRACKER_MAX_ARTICLE_CHARS)" in refuse(long)
    assert snapshot() == stored


def test_an_article_with_too_many_statements_is_refused(stored, tmp_path):
    quotes = tmp_path / "quotes.txt"
    paragraph = '"We act now {0}," said John Smith. "We stay {0}," he added.'
    quotes.write_text("Headline\n\nJane Doe 1 May 2023\n\n" + "\n\n".join(paragraph.format(i) for i in range(501)))
    message = refuse(quotes)
    assert "The article would have 1,002 statements; the limit is 1,000 (TRACKER_MAX_ARTICLE_STATEMENTS)" in message
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
        real_open = os.open

        def refusing_open(path, *args, **kwargs):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr("tracker.ingest.os.open", refusing_open)
    assert "Permission denied" in refuse(locked)
    assert snapshot() == stored


# The fault corpus, part two: what only the file system can make. Each builder makes the input in ``directory``
# and returns the path to load and the words its error must contain.


def _link_outside(directory):
    (directory / "passwd.txt").symlink_to("/etc/passwd")
    return directory / "passwd.txt", "is a symbolic link to /etc/passwd, outside"


def _link_to_dev_zero(directory):
    (directory / "zero.txt").symlink_to("/dev/zero")
    return directory / "zero.txt", "is a symbolic link to /dev/zero, outside"


def _relative_link_out(directory):
    outside = directory.parent / "elsewhere.txt"
    shutil.copy(SEED_PATH, outside)
    (directory / "up.txt").symlink_to("../elsewhere.txt")
    return directory / "up.txt", "outside"


def _broken_link(directory):
    (directory / "broken.txt").symlink_to(directory / "missing.txt")
    return directory / "broken.txt", "cannot be read: No such file"


def _link_loop(directory):
    (directory / "loop.txt").symlink_to(directory / "loop.txt")
    return directory / "loop.txt", "cannot be read: Too many levels of symbolic links"


def _fifo(directory):
    os.mkfifo(directory / "x.txt")
    return directory / "x.txt", "is a FIFO (named pipe), not a regular file"


def _link_inside_to_fifo(directory):
    os.mkfifo(directory / "pipe")
    (directory / "pipe.txt").symlink_to(directory / "pipe")
    return directory / "pipe.txt", "is a FIFO"


def _character_device(directory):
    return Path("/dev/zero"), "is a character device, not a regular file"


def _socket(directory):
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(directory / "s.txt"))
    server.close()
    return directory / "s.txt", "is a socket, not a regular file"


def _directory_named_like_a_file(directory):
    (directory / "folder.txt").mkdir()
    return directory / "folder.txt", "is a directory, not an article file"


def _empty_directory(directory):
    (directory / "empty").mkdir()
    return directory / "empty", "has no article files (.txt or .md) to load"


def _directory_of_other_files(directory):
    (directory / "notes").mkdir()
    (directory / "notes" / "README.md").write_text("# Notes\n\nNot an article.\n")
    (directory / "notes" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    return directory / "notes", "has no article files"


def _long_line(directory):
    (directory / "long_line.txt").write_text("Headline\n\nJane Doe 1 May 2023\n\n" + "word " * 25_000)
    return directory / "long_line.txt", "line 5: line is 125,000 characters long; the limit is 100,000"


FILE_SYSTEM_FAULTS = [
    _link_outside,
    _link_to_dev_zero,
    _relative_link_out,
    _broken_link,
    _link_loop,
    _fifo,
    _link_inside_to_fifo,
    _character_device,
    _socket,
    _directory_named_like_a_file,
    _empty_directory,
    _directory_of_other_files,
    _long_line,
]


def test_the_corpus_has_at_least_forty_inputs():
    # Plus the oversized, over-long, unreadable and too-quoted files of the tests above.
    assert len(REFUSED) + len(FILE_SYSTEM_FAULTS) >= 40


@pytest.mark.parametrize("make", FILE_SYSTEM_FAULTS, ids=lambda make: make.__name__.strip("_"))
def test_only_regular_files_inside_the_directory_given_are_read(stored, tmp_path, make):
    directory = tmp_path / "seeds"
    directory.mkdir()
    path, words = make(directory)
    message = refuse(path)
    assert words in message
    assert snapshot() == stored


def test_a_link_that_stays_inside_the_directory_loads(db, tmp_path):
    shutil.copy(SEED_PATH, tmp_path / "seed.txt")
    (tmp_path / "link.txt").symlink_to("seed.txt")
    call_command("load_seeds", str(tmp_path / "link.txt"))
    assert Article.objects.get().seed_file == str(tmp_path / "link.txt")


def test_links_in_a_directory_are_checked_against_that_directory(db, tmp_path):
    """A link out of the directory is refused by name; the directory's other files still load."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED_PATH, seeds / "seed.txt")
    (seeds / "passwd.txt").symlink_to("/etc/passwd")
    with pytest.raises(CommandError) as error:
        call_command("load_seeds", str(seeds))
    assert f"{seeds / 'passwd.txt'}: is a symbolic link to /etc/passwd" in str(error.value)
    assert list(Article.objects.values_list("seed_file", flat=True)) == [str(seeds / "seed.txt")]
    assert not Article.objects.filter(body__contains="root:").exists()


def test_files_passed_over_in_a_directory_are_named(db, tmp_path, capsys):
    shutil.copy(SEED_PATH, tmp_path / "seed.txt")
    (tmp_path / "README.md").write_text("Articles\n\nThis folder holds the seed articles.\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / ".draft.txt").write_text("Headline\n\nBody.\n")
    (tmp_path / "older").mkdir()
    call_command("load_seeds", str(tmp_path))
    err = capsys.readouterr().err
    assert f"Passed over {tmp_path / 'README.md'}: a README, not an article" in err
    assert f"Passed over {tmp_path / 'notes.pdf'}: not an article file (.txt or .md)" in err
    assert f"Passed over {tmp_path / '.draft.txt'}: hidden file" in err
    assert f"Passed over {tmp_path / 'older'}: a subdirectory, not searched" in err
    assert Article.objects.count() == 1


def test_a_long_path_fits_the_history_and_the_seed_file_column(db, tmp_path):
    """The change reason names the file within simple-history's 100 characters (PostgreSQL refused more)."""
    deep = tmp_path / ("d" * 120) / ("e" * 200) / ("f" * 200)
    deep.mkdir(parents=True)
    shutil.copy(SEED_PATH, deep / "seed.txt")
    call_command("load_seeds", str(deep / "seed.txt"))
    article = Article.objects.get()
    assert len(str(deep / "seed.txt")) > 500
    assert len(article.seed_file) == 500 and article.seed_file.endswith("f/seed.txt")
    for model in (Article, Statement, Speaker, Source):
        reasons = model.history.values_list("history_change_reason", flat=True)
        assert reasons and all(len(reason) <= 100 and reason.endswith("/seed.txt") for reason in reasons)


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


@pytest.mark.scaling
def test_an_article_ten_times_the_seed_loads_and_one_a_hundred_times_is_refused(stored, tmp_path):
    """``bench/extraction_scaling.py`` prints the timings; here only what happens to each file."""
    ten, hundred = tmp_path / "ten.txt", tmp_path / "hundred.txt"
    ten.write_text(article_times(10), encoding="utf-8")
    hundred.write_text(article_times(100), encoding="utf-8")
    message = refuse(hundred)
    assert "characters long; the limit is 200,000 (TRACKER_MAX_ARTICLE_CHARS)" in message
    assert snapshot() == stored
    call_command("load_seeds", str(ten))
    article = Article.objects.get(seed_file=str(ten))
    assert article.statements.count() > 100

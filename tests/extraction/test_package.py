"""The extraction package stays pure and readable: no Django, no module a newcomer cannot read in one go."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import tracker.extraction

PACKAGE = Path(tracker.extraction.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))
# Word lists are data, not logic: they may grow past the limit.
WORD_LISTS = {"lexicon.py"}
MAX_LINES = 600


@pytest.mark.parametrize("module", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_no_django_imports(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    imported += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert not [name for name in imported if name.split(".")[0] in ("django", "rest_framework", "tracker")]


@pytest.mark.parametrize(
    "module", [m for m in MODULES if m.name not in WORD_LISTS], ids=lambda path: str(path.relative_to(PACKAGE))
)
def test_modules_stay_short(module: Path) -> None:
    assert len(module.read_text(encoding="utf-8").splitlines()) <= MAX_LINES

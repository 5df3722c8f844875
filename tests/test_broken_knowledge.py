"""A corpus of broken knowledge files: each gives its FILE:LINE message, exit 1, no traceback; reload keeps the old."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core import QA
from bot.knowledge import check_knowledge
from tests.conftest import SEEDS

CORPUS = Path(__file__).parent / "broken"
NO_COMMENT = {"16-empty.yaml": "file is empty", "25-binary.yaml": "NUL bytes"}


def expected(path: Path) -> str:
    if path.name in NO_COMMENT:
        return NO_COMMENT[path.name]
    first = path.read_bytes().split(b"\n", 1)[0].decode("utf-8", "replace")
    assert first.startswith("# expect:"), path.name
    return first.removeprefix("# expect:").strip()


CASES = sorted(p.name for p in CORPUS.glob("*.yaml"))


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 20


def _install(kcopy: Path, name: str) -> Path:
    target = kcopy / "zz-broken.yaml"
    shutil.copyfile(CORPUS / name, target)
    return target


@pytest.mark.parametrize("name", CASES)
def test_each_broken_file_is_reported_with_file_and_line(kcopy: Path, name: str) -> None:
    _install(kcopy, name)
    kb, problems = check_knowledge(kcopy, SEEDS)
    assert kb is None
    mine = [p for p in problems if p.file == "zz-broken.yaml"]
    assert mine, [str(p) for p in problems]
    want = expected(CORPUS / name)
    assert any(want in p.message for p in mine), [str(p) for p in mine]
    assert all(p.line >= 1 for p in mine)


def test_huge_file_is_refused(kcopy: Path) -> None:
    (kcopy / "zz-broken.yaml").write_text("# padding\n" * 300_000, "utf-8")
    _, problems = check_knowledge(kcopy, SEEDS)
    assert any("must stay under" in p.message for p in problems)


def test_cli_over_whole_corpus_exits_1_without_traceback(kcopy: Path) -> None:
    for name in CASES:
        shutil.copyfile(CORPUS / name, kcopy / f"zz-{name}")
    res = subprocess.run([sys.executable, "-m", "bot", "check", "--no-lint", "--knowledge", str(kcopy)],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 1
    assert "Traceback" not in res.stdout + res.stderr
    reported = {line.split(":", 1)[0] for line in res.stdout.splitlines()}
    assert {f"zz-{n}" for n in CASES} <= reported


def test_reload_with_any_broken_file_keeps_serving_old_knowledge(kcopy: Path) -> None:
    qa = QA.load(kcopy, SEEDS)
    before = qa.ask("茂名培训是哪几天")
    assert before.answered
    for name in CASES:
        target = _install(kcopy, name)
        errors = qa.reload()
        assert errors, name
        after = qa.ask("茂名培训是哪几天")
        assert after.answered and after.facts == before.facts, name
        target.unlink()
    assert qa.reload() == []

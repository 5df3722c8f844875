"""ruff and mypy (strict) stay clean, so style and type errors fail CI like any other test."""

from __future__ import annotations

import subprocess
import sys

from bot.knowledge import PROJECT_ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=PROJECT_ROOT, capture_output=True, text=True,
                          timeout=300)


def test_ruff() -> None:
    res = run("ruff", "check", "bot", "tests", "benchmarks")
    assert res.returncode == 0, res.stdout + res.stderr


def test_mypy_strict_on_the_package() -> None:
    res = run("mypy", "bot")
    assert res.returncode == 0, res.stdout + res.stderr

"""Shared fixtures: the real knowledge loaded once, and a writable copy for tests that break it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core import QA
from bot.knowledge import PROJECT_ROOT

KNOWLEDGE = PROJECT_ROOT / "knowledge"
SEEDS = PROJECT_ROOT / "seeds"


@pytest.fixture(scope="session")
def qa() -> QA:
    return QA.load(KNOWLEDGE, SEEDS)


@pytest.fixture
def kcopy(tmp_path: Path) -> Path:
    """A copy of knowledge/ that a test may break."""
    dst = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, dst)
    return dst

"""Hot reload: a valid edit is served after reload; an invalid one is reported and the old knowledge keeps serving."""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path

import pytest

from bot.console import Console
from bot.core import QA
from bot.knowledge import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"
QUESTION = "茂名的培训是哪几天？"
OLD = "茂名“柏桥讲堂·百人课堂”镇街书记大培训于4月24日至26日举行，为期3天。"
NEW = "茂名“柏桥讲堂·百人课堂”镇街书记大培训于4月24日至26日举行，一共三天。"
QUOTE = "4月24日至26日,茂名市所有鎮(街)黨(工)委書記參加「柏橋講堂·百人課堂」大培訓。"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path.name}; the test needs updating"
    path.write_text(text.replace(old, new, 1), "utf-8")
    # same-second edits on coarse filesystems must still look new to the watcher
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


@pytest.fixture
def live(kcopy: Path) -> QA:
    qa = QA.load(kcopy, SEEDS)
    assert OLD in qa.ask(QUESTION).text
    return qa


def test_valid_change_is_served_after_reload(live: QA, kcopy: Path) -> None:
    _edit(kcopy / "maoming-2024.yaml", f"answer: {OLD}", f"answer: {NEW}")
    assert OLD in live.ask(QUESTION).text  # nothing changes until reload
    assert live.reload() == []
    assert NEW in live.ask(QUESTION).text


@pytest.mark.parametrize(("old", "new", "expect"), [
    ("facts:\n", "facts:\n- id: [unclosed\n", "maoming-2024.yaml"),  # broken YAML
    (f"- {QUOTE}", "- 4月24日至26日,茂名市所有镇街书记都来了。", "not verbatim"),  # quote not in the article
    ("- id: mm-dates", "- id: Mm Dates", "Mm Dates"),  # id breaks the schema
])
def test_invalid_change_reports_errors_and_keeps_old_answers(live: QA, kcopy: Path, old: str, new: str,
                                                             expect: str) -> None:
    _edit(kcopy / "maoming-2024.yaml", f"answer: {OLD}", f"answer: {NEW}")  # valid part of the same edit
    _edit(kcopy / "maoming-2024.yaml", old, new)
    before = live.kb
    errors = live.reload()
    assert errors and all(not p.warning for p in errors)
    assert any(expect in str(p) for p in errors), [str(p) for p in errors]
    assert live.kb is before
    assert OLD in live.ask(QUESTION).text and NEW not in live.ask(QUESTION).text


def test_questions_during_reload_see_old_or_new_never_a_mix(live: QA, kcopy: Path) -> None:
    _edit(kcopy / "maoming-2024.yaml", f"answer: {OLD}", f"answer: {NEW}")
    seen: set[str] = set()
    stop = threading.Event()

    def ask() -> None:
        while not stop.is_set():
            seen.add(live.ask(QUESTION).parts[0].text)

    worker = threading.Thread(target=ask)
    worker.start()
    try:
        assert live.reload() == []
    finally:
        stop.set()
        worker.join(30)
    assert seen <= {OLD, NEW}
    assert live.ask(QUESTION).parts[0].text == NEW


def _console(qa: QA) -> tuple[Console, io.StringIO, io.StringIO]:
    out, err = io.StringIO(), io.StringIO()
    return Console(qa, out, err, log=lambda a: None), out, err


def test_console_reload_command_reports_errors(live: QA, kcopy: Path) -> None:
    console, out, _ = _console(live)
    _edit(kcopy / "maoming-2024.yaml", f"- {QUOTE}", "- 这句话文章里没有。")
    console.handle(":reload")
    text = out.getvalue()
    assert "not reloaded" in text and "maoming-2024.yaml:" in text and "not verbatim" in text
    console.handle(QUESTION)
    assert OLD in out.getvalue()  # still answering from the old knowledge


def test_console_reload_command_success(live: QA, kcopy: Path) -> None:
    console, out, _ = _console(live)
    _edit(kcopy / "maoming-2024.yaml", f"answer: {OLD}", f"answer: {NEW}")
    console.handle(":reload")
    assert "reloaded:" in out.getvalue()
    console.handle(QUESTION)
    assert NEW in out.getvalue()


def test_console_picks_up_edits_by_itself(live: QA, kcopy: Path) -> None:
    console, out, err = _console(live)
    _edit(kcopy / "maoming-2024.yaml", f"answer: {OLD}", f"answer: {NEW}")
    console.handle(QUESTION)  # the watcher sees the edit before this question is answered
    assert NEW in out.getvalue() and "reloaded" in err.getvalue()

    _edit(kcopy / "maoming-2024.yaml", "facts:\n", "facts:\n- id: [unclosed\n")
    console.handle(QUESTION)
    assert "error(s)" in err.getvalue() and "maoming-2024.yaml" in err.getvalue()
    assert out.getvalue().count(NEW) == 2  # the last valid knowledge keeps serving

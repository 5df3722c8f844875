"""The declined-question log: what a line holds (and never holds), where it goes, and how it is summarised."""

from __future__ import annotations

import datetime as dt
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core import QA
from bot.knowledge import PROJECT_ROOT
from bot.unanswered import default_log_path, format_summary, record, summarise

OOS = "茂名培训的伙食怎么样？"


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines()]


def test_declined_answer_logged_as_one_json_line(qa: QA, tmp_path: Path) -> None:
    log = tmp_path / "deep" / "dir" / "unanswered.jsonl"  # parents are created
    answer = qa.ask(OOS)
    assert not answer.answered
    record(answer, log)
    record(qa.ask("红酒怎么挑选"), log)
    entries = _lines(log)
    assert len(entries) == 2
    e = entries[0]
    assert set(e) == {"time", "question", "candidates"}  # no user id, no name
    assert e["question"] == OOS
    when = dt.datetime.fromisoformat(str(e["time"]))
    assert when.utcoffset() == dt.timedelta(0)
    assert abs(dt.datetime.now(dt.UTC) - when) < dt.timedelta(minutes=5)
    cands = e["candidates"]
    assert isinstance(cands, list) and 1 <= len(cands) <= 3
    assert all(set(c) == {"fact", "score"} for c in cands)
    assert cands[0]["fact"] == answer.analysis.candidates[0].fact_id  # type: ignore[union-attr]


def test_answered_and_empty_questions_not_logged(qa: QA, tmp_path: Path) -> None:
    log = tmp_path / "u.jsonl"
    record(qa.ask("茂名的培训是哪几天？"), log)
    record(qa.ask("  "), log)
    assert not log.exists()


def test_path_from_environment_then_data_dir(qa: QA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRAINING_BOT_UNANSWERED_LOG", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_log_path() == tmp_path / "xdg" / "training-bot" / "unanswered.jsonl"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_log_path() == tmp_path / "home" / ".local" / "share" / "training-bot" / "unanswered.jsonl"
    env_log = tmp_path / "env.jsonl"
    monkeypatch.setenv("TRAINING_BOT_UNANSWERED_LOG", str(env_log))
    assert default_log_path() == env_log
    record(qa.ask(OOS))
    assert _lines(env_log)[0]["question"] == OOS


def test_io_error_is_a_warning_not_a_crash(qa: QA, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with caplog.at_level(logging.WARNING, logger="bot.unanswered"):
        record(qa.ask(OOS), blocker / "sub" / "u.jsonl")  # parent is a file
        record(qa.ask(OOS), tmp_path)  # the path is a directory
    assert len(caplog.records) == 2 and "not logged" in caplog.text


def _write_log(path: Path, questions: list[str], extra: bytes = b"") -> None:
    with path.open("wb") as fh:
        for i, q in enumerate(questions):
            obj = {"time": f"2025-01-01T00:00:{i:02d}+00:00", "question": q,
                   "candidates": [{"fact": "mm-dates", "score": 0.4}]}
            fh.write(json.dumps(obj, ensure_ascii=False).encode() + b"\n")
        fh.write(extra)


def test_summary_groups_similar_questions_most_frequent_first(tmp_path: Path) -> None:
    log = tmp_path / "u.jsonl"
    _write_log(log, [
        "湖北学员住在哪里", OOS, "茂名培訓的伙食怎麼樣", "茂名培训伙食怎么样", OOS, "下周会下雨吗",
        "湖北的学员住在哪里？",
    ], extra=b"{broken\n\xff\xfe\n[]\n{\"question\": 3}\n")
    groups = summarise(log)
    assert [g.count for g in groups] == [4, 2, 1]
    assert groups[0].question == OOS  # named by its commonest wording
    assert "茂名培訓的伙食怎麼樣" in groups[0].variants  # traditional folds into the same group
    assert groups[1].question.startswith("湖北")
    assert groups[0].near["mm-dates"] == 4
    text = format_summary(groups, limit=2)
    assert text.index(OOS) < text.index("湖北学员住在哪里")
    assert "下周会下雨吗" not in text and "1 more" in text
    assert "7 declined" in text


def test_summary_of_missing_or_empty_log(tmp_path: Path) -> None:
    assert summarise(tmp_path / "none.jsonl") == []
    assert "no declined questions" in format_summary([], 10)


def test_cli_unanswered_command(qa: QA, tmp_path: Path) -> None:
    log = tmp_path / "u.jsonl"
    for q in (OOS, OOS, "红酒怎么挑选"):
        record(qa.ask(q), log)
    res = subprocess.run([sys.executable, "-m", "bot", "unanswered", "--log", str(log), "--top", "5"],
                         capture_output=True, cwd=PROJECT_ROOT, timeout=120)
    assert res.returncode == 0, res.stderr
    out = res.stdout.decode()
    assert out.index(OOS) < out.index("红酒怎么挑选")
    assert "    2  " + OOS in out

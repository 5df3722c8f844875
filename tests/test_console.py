"""The console as a user meets it: through a pseudo-terminal (prompt, readline, colour, Ctrl-C/D) and a pipe."""

from __future__ import annotations

import io
import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.console import PROMPT, Console, explain
from bot.core import QA
from bot.knowledge import PROJECT_ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

DATES_Q = "茂名的培训是哪几天？"
DATES_A = "4月24日至26日"
OOS_Q = "红酒怎么挑选"
TIMEOUT = 60.0


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(TRAINING_BOT_UNANSWERED_LOG=str(tmp_path / "unanswered.jsonl"), XDG_DATA_HOME=str(tmp_path / "data"),
               TERM="xterm", LANG="C.UTF-8", LC_ALL="C.UTF-8", PYTHONIOENCODING="utf-8")
    env.update(extra)
    return env


class Terminal:
    """`python -m bot console` on the slave side of a pty, read and typed on the master side."""

    def __init__(self, env: dict[str, str]) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # child: the pty is its controlling terminal, so Ctrl-C becomes SIGINT
            try:
                os.chdir(PROJECT_ROOT)
                os.execve(sys.executable, [sys.executable, "-m", "bot", "console"], env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.buf = b""
        self.pos = 0
        self.status: int | None = None

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            return False
        self.buf += data
        return bool(data)

    def expect(self, text: str, timeout: float = TIMEOUT) -> str:
        """Everything up to and including the next `text`; fails with what was seen."""
        needle = text.encode()
        deadline = time.monotonic() + timeout
        while (idx := self.buf.find(needle, self.pos)) < 0:
            left = deadline - time.monotonic()
            if left <= 0 or (not self._read(min(left, 0.5)) and self.buf.find(needle, self.pos) < 0):
                raise AssertionError(f"{text!r} not seen; got {self.buf[self.pos:].decode('utf-8', 'replace')!r}")
        out = self.buf[self.pos : idx + len(needle)]
        self.pos = idx + len(needle)
        return out.decode("utf-8", "replace")

    def send(self, data: str | bytes) -> None:
        os.write(self.fd, data.encode() if isinstance(data, str) else data)

    def wait(self, timeout: float = TIMEOUT) -> int:
        """Exit status of the child; keeps draining its output so it never blocks on a full terminal."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
                return self.status
            self._read(0.1)
        raise AssertionError("console did not exit")

    def rest(self) -> str:
        while self._read(0.1) and select.select([self.fd], [], [], 0)[0]:
            pass
        return self.buf[self.pos :].decode("utf-8", "replace")

    def close(self) -> None:
        if self.status is None:
            try:
                os.kill(self.pid, 9)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        os.close(self.fd)


@pytest.fixture
def term(tmp_path: Path):  # type: ignore[no-untyped-def]
    t = Terminal(_env(tmp_path))
    yield t
    t.close()


def test_tty_session_question_debug_sources_quit(term: Terminal, tmp_path: Path) -> None:
    welcome = term.expect(PROMPT)
    assert "香港商報網" in welcome and "共产党员网" in welcome  # names both trainings
    assert "茂名镇街书记培训是哪几天" in welcome  # and the example questions
    term.send(DATES_Q + "\r")
    answer = term.expect(PROMPT)
    assert DATES_A in answer and "香港商報網" in answer
    assert "\x1b[" in answer  # a terminal that wants colour gets it

    term.send(":debug\r")
    assert "debug on" in term.expect(PROMPT)
    term.send(DATES_Q + "\r")
    debug = term.expect(PROMPT)
    assert "candidates:" in debug and "mm-dates" in debug and "decision: answered mm-dates" in debug
    assert "folded:" in debug and "coverage" in debug

    term.send(":sources\r")
    sources = term.expect(PROMPT)
    assert "郭昕玥" in sources and "賀爾達" in sources and "湖北日报" in sources and "17:26:55" in sources

    term.send(":quit\r")
    assert term.wait() == 0
    assert "Traceback" not in term.rest()
    history = (tmp_path / "data" / "training-bot" / "console_history").read_text("utf-8")
    assert DATES_Q in history  # readline history survives the session


def test_tty_history_recall_with_up_arrow(term: Terminal) -> None:
    term.expect(PROMPT)
    term.send(DATES_Q + "\r")
    term.expect(PROMPT)
    term.send(b"\x1b[A\r")  # up arrow, Enter: readline brings back the last question
    assert DATES_A in term.expect(PROMPT)
    term.send(b"\x04")
    assert term.wait() == 0


def test_tty_ctrl_d_leaves_cleanly(term: Terminal) -> None:
    term.expect(PROMPT)
    term.send(b"\x04")
    assert term.wait() == 0
    assert "Traceback" not in term.rest()


def test_tty_ctrl_c_leaves_cleanly(term: Terminal) -> None:
    term.expect(PROMPT)
    term.send("湖北有多")  # half-typed line
    term.expect("湖北有多")
    # as a person would, press Ctrl-C a moment later: CPython's readline notices SIGINT only while it waits in
    # select(), so a signal that lands while it is still redrawing the echo waits for the next key
    time.sleep(0.3)
    term.send(b"\x03")
    assert term.wait() == 0
    assert "Traceback" not in term.rest() and "KeyboardInterrupt" not in term.rest()


def test_tty_no_color_when_asked(tmp_path: Path) -> None:
    t = Terminal(_env(tmp_path, NO_COLOR="1"))
    try:
        t.expect(PROMPT)
        t.send(DATES_Q + "\r")
        answer = t.expect(PROMPT)
        assert DATES_A in answer and "\x1b[1m" not in answer and "\x1b[33m" not in answer
        t.send(":quit\r")
        assert t.wait() == 0
    finally:
        t.close()


def _pipe(tmp_path: Path, lines: list[str]) -> subprocess.CompletedProcess[bytes]:
    data = "".join(line + "\n" for line in lines).encode()
    return subprocess.run([sys.executable, "-m", "bot", "console"], input=data, capture_output=True,
                          env=_env(tmp_path), cwd=PROJECT_ROOT, timeout=120)


def test_pipe_answers_in_order_without_prompt(tmp_path: Path) -> None:
    res = _pipe(tmp_path, [DATES_Q, "湖北有多少个分课堂", OOS_Q, "莊悅群提出了哪四大要求？"])
    assert res.returncode == 0, res.stderr
    out = res.stdout.decode()
    assert PROMPT not in out and "\x1b[" not in out  # no prompt decoration, no colour into a pipe
    assert "我只根据" not in out  # no welcome either
    blocks = out.rstrip("\n").split("\n\n")
    assert len(blocks) == 4, out
    assert DATES_A in blocks[0]
    assert "131" in blocks[1]
    assert "没有讲到" in blocks[2]
    assert "四大要求" in blocks[3] or "忠誠" in blocks[3]


def test_pipe_commands_and_quit(tmp_path: Path) -> None:
    res = _pipe(tmp_path, [":debug", OOS_Q, ":sources", ":reload", ":help", ":quit", DATES_Q])
    assert res.returncode == 0, res.stderr
    out = res.stdout.decode()
    assert "debug on" in out and "decision: declined" in out
    assert "香港商報網" in out and "reloaded" in out and ":sources" in out
    assert DATES_A not in out  # nothing is answered after :quit


def test_pipe_records_declined_questions_only(tmp_path: Path) -> None:
    res = _pipe(tmp_path, [DATES_Q, OOS_Q, ""])
    assert res.returncode == 0
    lines = (tmp_path / "unanswered.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(x)["question"] for x in lines] == [OOS_Q]


def _console(qa: QA) -> tuple[Console, io.StringIO, io.StringIO, list[object]]:
    out, err = io.StringIO(), io.StringIO()
    logged: list[object] = []
    return Console(qa, out, err, log=logged.append), out, err, logged


def test_debug_explains_a_decline_by_threshold_or_coverage(qa: QA) -> None:
    text = explain(qa.ask("茂名培训的伙食怎么样"))
    assert "decision: declined" in text
    assert "threshold" in text or "covers" in text or "no fact" in text


def test_debug_explains_empty_and_both_trainings(qa: QA) -> None:
    assert "empty" in explain(qa.ask("   "))
    both = qa.ask("培训多长时间？")
    assert "decision: answered" in explain(both)


def test_unknown_command_and_colon_questions(qa: QA) -> None:
    console, out, _, logged = _console(qa)
    assert console.handle(":nope")
    assert "unknown command" in out.getvalue()
    assert console.handle(":) 茂名培训哪几天")  # not a command: answered as a question
    assert DATES_A in out.getvalue()
    assert console.handle(OOS_Q) and len(logged) == 1
    assert not console.handle(":QUIT")


def test_telegram_style_slash_commands_work_in_the_console(qa: QA) -> None:
    console, out, _, logged = _console(qa)
    assert console.handle("/help") and ":quit" in out.getvalue()  # the help text, not a declined question
    assert not logged
    assert not console.handle("/quit")

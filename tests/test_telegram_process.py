"""`training-bot telegram` as a real process: environment checks, clean stop on SIGINT/SIGTERM, reload on SIGHUP."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from telegram_stub import TOKEN, BotApiStub, message

from bot.core import QA
from bot.knowledge import PROJECT_ROOT
from bot.render_html import escape

SEEDS = PROJECT_ROOT / "seeds"
CLI = Path(sys.executable).with_name("training-bot")
QUESTION = "茂名那次培训是哪几天?"


def env(**extra: str) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "TRAINING_BOT_"))}
    out.update(extra)
    return out


def run(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CLI), "telegram", *args], env=env(**extra), capture_output=True, text=True, timeout=30)


@pytest.mark.parametrize(("token", "word"), [("", "not set"), ("not-a-token", "malformed"),
                                             ("123:short", "malformed")])
def test_missing_or_malformed_token_is_one_line_and_exit_2(token: str, word: str) -> None:
    result = run(TELEGRAM_BOT_TOKEN=token) if token else run()
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "TELEGRAM_BOT_TOKEN" in result.stderr and word in result.stderr
    assert result.stdout == ""


def test_webhook_without_secret_is_one_line_and_exit_2() -> None:
    result = run("--webhook", "--webhook-url", "https://example.org/tg", TELEGRAM_BOT_TOKEN=TOKEN)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "TELEGRAM_WEBHOOK_SECRET" in result.stderr


def test_rejected_token_exits_2_without_showing_it(tmp_path: Path) -> None:
    with BotApiStub(token="987654321:" + "B" * 35) as stub:
        result = run(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=stub.base_url,
                     TRAINING_BOT_UNANSWERED_LOG=str(tmp_path / "u.jsonl"))
    assert result.returncode == 2
    assert "rejected" in result.stderr.splitlines()[-1]
    assert TOKEN not in result.stderr and TOKEN.split(":")[1] not in result.stderr


class Bot:
    """A `training-bot telegram` process talking to a stand-in; its stderr goes to a file we can read while it runs."""

    def __init__(self, stub: BotApiStub, tmp_path: Path, *args: str, **extra: str) -> None:
        self.log = tmp_path / "stderr.log"
        self.stub = stub
        self._err = self.log.open("wb")
        variables = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": stub.base_url,
                     "TRAINING_BOT_UNANSWERED_LOG": str(tmp_path / "u.jsonl"), **extra}
        self.proc = subprocess.Popen([str(CLI), "telegram", *args], env=env(**variables),
                                     stdout=subprocess.DEVNULL, stderr=self._err)
        try:
            stub.wait_for("getUpdates", timeout=20, ok_only=False)
        except AssertionError:
            self.stop(signal.SIGKILL)
            raise AssertionError(self.stderr()) from None

    def stderr(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def ask(self, text: str) -> str:
        before = len(self.stub.sent())
        self.stub.push({"message": message(text)})
        self.stub.wait_for("sendMessage", before + 1, timeout=10)
        reply: str = self.stub.sent()[before]["text"]
        return reply

    def stop(self, sig: int) -> tuple[int, float]:
        start = time.monotonic()
        self.proc.send_signal(sig)
        try:
            code = self.proc.wait(timeout=10)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            self._err.close()
        return code, time.monotonic() - start


@pytest.fixture
def stub() -> Iterator[BotApiStub]:
    with BotApiStub() as s:
        yield s


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_serves_then_stops_cleanly_on_signal(stub: BotApiStub, tmp_path: Path, qa: QA, sig: int) -> None:
    bot = Bot(stub, tmp_path, TRAINING_BOT_LOG_LEVEL="DEBUG")
    reply = bot.ask(QUESTION)
    assert qa.ask(QUESTION).parts[0].citations[0].quote in reply
    code, took = bot.stop(sig)
    assert code == 0, bot.stderr()
    assert took < 5
    log = bot.stderr()
    assert "serving as @" in log and TOKEN not in log and TOKEN.split(":")[1] not in log


def test_sighup_reloads_the_knowledge(stub: BotApiStub, tmp_path: Path, kcopy: Path) -> None:
    qa = QA.load(kcopy, SEEDS)
    old = qa.ask(QUESTION).parts[0].text
    bot = Bot(stub, tmp_path, "--knowledge", str(kcopy), TRAINING_BOT_WATCH_INTERVAL="0", TRAINING_BOT_ADMIN_IDS="1,2")
    try:
        assert escape(old) in bot.ask(QUESTION)
        path = kcopy / "maoming-2024.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(old, "改过的回答：三天。"), encoding="utf-8")
        bot.proc.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 10
        while "knowledge reloaded (SIGHUP)" not in bot.stderr():
            assert time.monotonic() < deadline, bot.stderr()
            time.sleep(0.05)
        assert "改过的回答：三天。" in bot.ask(QUESTION)
    finally:
        code, _ = bot.stop(signal.SIGINT)
    assert code == 0


def test_bad_admin_ids_are_one_line_and_exit_2() -> None:
    result = run(TELEGRAM_BOT_TOKEN=TOKEN, TRAINING_BOT_ADMIN_IDS="12,alice")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "alice" in result.stderr

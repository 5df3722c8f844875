"""`training-bot telegram` as a process: the token never reaches stdout or stderr at DEBUG, even while Telegram fails
in every way; maintainer commands answer only the ids in TRAINING_BOT_ADMIN_IDS."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from telegram_stub import BOT_USERNAME, TOKEN, USER, BotApiStub, ChaosBotApiStub, FaultPlan, message

from bot.telegram_bot import HELP_ADMIN, NOT_ADMIN

CLI = Path(sys.executable).with_name("training-bot")
QUESTION = "茂名那次培训是哪几天?"
ADMIN, OTHER_ADMIN, STRANGER = 4242, 77, 555
ANONYMOUS_ADMIN = {"id": 1087968824, "is_bot": True, "first_name": "Group", "username": "GroupAnonymousBot"}
GROUP = -100_777


class BotProcess:
    """The bot as a process with stdout and stderr in files; stopped with SIGTERM, killed if it hangs."""

    def __init__(self, stub: BotApiStub, tmp_path: Path, *args: str, **env: str) -> None:
        self.stub = stub
        self.out_path, self.err_path = tmp_path / "stdout.log", tmp_path / "stderr.log"
        variables = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "TRAINING_BOT_"))}
        variables.update(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=stub.base_url, TRAINING_BOT_WATCH_INTERVAL="0",
                         TRAINING_BOT_UNANSWERED_LOG=str(tmp_path / "unanswered.jsonl"), **env)
        with self.out_path.open("wb") as out, self.err_path.open("wb") as err:
            self.proc = subprocess.Popen([str(CLI), "telegram", *args], env=variables, stdout=out, stderr=err)
        try:
            stub.wait_for("getUpdates", timeout=20, ok_only=False)
        except AssertionError:
            self.stop()
            raise AssertionError(self.output()) from None

    def output(self) -> str:
        return "".join(p.read_text(encoding="utf-8", errors="replace") for p in (self.out_path, self.err_path))

    def ask(self, text: str, user: dict[str, Any] | None = None, chat_id: int | None = None, **extra: Any) -> str:
        """Send a message and return the bot's reply text."""
        user = user or USER
        chat = chat_id if chat_id is not None else user["id"]
        before = len(self.stub.sent(chat))
        kind = "supergroup" if chat < 0 else "private"
        self.stub.push({"message": message(text, chat_id=chat, chat_type=kind, user=user, **extra)})
        self.stub.wait_for("sendMessage", before + 1, timeout=30, where=lambda c: c.params["chat_id"] == chat)
        reply: str = self.stub.sent(chat)[before]["text"]
        return reply

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=15)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()


def token_forms() -> list[str]:
    secret = TOKEN.split(":", 1)[1]
    return [TOKEN, secret, quote(TOKEN, safe=""), secret[:20], secret[-20:]]


def test_token_never_printed_at_debug_while_telegram_fails(tmp_path: Path, kcopy: Path) -> None:
    # drops, 5xx and 429 at random (no stalls: PTB's default 5 s timeouts would only slow the test), plus error texts
    # that quote the request URL, token included, as a careless proxy might
    plan = FaultPlan(seed=11, drop=0.1, stall=0.0, server_error=0.15, too_many=0.05, opening=("drop", "5xx"))
    with ChaosBotApiStub(plan) as stub:
        stub.fail("setMyCommands", 400, echo_path=True)
        stub.fail("sendMessage", 500, echo_path=True)  # with at most two random faults after it: four tries suffice
        bot = BotProcess(stub, tmp_path, "--knowledge", str(kcopy), TRAINING_BOT_LOG_LEVEL="DEBUG")
        try:
            replies = [bot.ask(QUESTION), bot.ask("下周会下雨吗"), bot.ask("/reload"), bot.ask("/about")]
            deadline = time.monotonic() + 10
            while not all(stub.faults()[m] for m in plan.methods):
                assert time.monotonic() < deadline, stub.faults()
                bot.ask(QUESTION)
        finally:
            code = bot.stop()
    text = bot.output()
    assert code == 0, text
    assert "DEBUG" in text and "Telegram request failed" in text and "could not register the command menu" in text
    assert "[REDACTED]" in text  # the echoed URLs were logged, redacted
    for form in token_forms():
        assert form not in text
    assert NOT_ADMIN in replies[2]  # no TRAINING_BOT_ADMIN_IDS: nobody is an admin, not even the first user


def test_admin_commands_refuse_everyone_not_listed(tmp_path: Path, kcopy: Path) -> None:
    def user(uid: int) -> dict[str, Any]:
        return {**USER, "id": uid}

    with BotApiStub() as stub:
        bot = BotProcess(stub, tmp_path, "--knowledge", str(kcopy), TRAINING_BOT_ADMIN_IDS=f"{ADMIN}, {OTHER_ADMIN}")
        try:
            bot.ask("下周会下雨吗", user(STRANGER))  # something for /unanswered to show
            refused = {
                "stranger /reload": bot.ask("/reload", user(STRANGER)),
                "stranger /unanswered": bot.ask("/unanswered", user(STRANGER)),
                "id that is a prefix of an admin's": bot.ask("/reload", user(424)),
                "id that extends an admin's": bot.ask("/reload", user(42420)),
                "stranger in a group": bot.ask(f"/reload@{BOT_USERNAME}", user(STRANGER), chat_id=GROUP),
                "stranger forwarding an admin's command": bot.ask(
                    "/reload", user(STRANGER),
                    forward_origin={"type": "user", "date": 1, "sender_user": user(ADMIN)}),
                "anonymous group admin": bot.ask(
                    "/unanswered", ANONYMOUS_ADMIN, chat_id=GROUP,
                    sender_chat={"id": GROUP, "type": "supergroup", "title": "Study group"}),
            }
            stranger_help = bot.ask("/help", user(STRANGER))
            admin_help = bot.ask("/help", user(OTHER_ADMIN))
            reloaded = bot.ask("/reload", user(OTHER_ADMIN))
            top = bot.ask("/unanswered", user(ADMIN))
        finally:
            code = bot.stop()
    log = bot.output()
    assert code == 0, log
    for who, reply in refused.items():
        assert reply == NOT_ADMIN, who
    assert "/reload" not in stranger_help and "/reload" in admin_help and HELP_ADMIN.split("：")[0] in admin_help
    assert "已重新加载" in reloaded and top.startswith("<pre>") and "下周会下雨吗" in top
    assert f"/reload by {OTHER_ADMIN}" in log
    assert log.count("knowledge reloaded") == 1  # the refused ones reloaded nothing


@pytest.mark.parametrize("value", ["4242;77", "-1"])
def test_malformed_admin_ids_stop_the_bot_before_it_starts(value: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "TRAINING_BOT_"))}
    env.update(TELEGRAM_BOT_TOKEN=TOKEN, TRAINING_BOT_ADMIN_IDS=value, TELEGRAM_BASE_URL="http://127.0.0.1:9/bot")
    result = subprocess.run([str(CLI), "telegram"], env=env, capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "TRAINING_BOT_ADMIN_IDS" in result.stderr
    assert TOKEN.split(":", 1)[1] not in result.stdout + result.stderr

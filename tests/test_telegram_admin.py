"""Hot reload and the maintainer commands in the Telegram bot: /reload, the knowledge watch, /unanswered."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

import pytest
from telegram_stub import TOKEN, USER, USER_ID, BotApiStub, message, running, telegram_html_errors

from bot.core import QA
from bot.knowledge import PROJECT_ROOT
from bot.render_html import escape
from bot.telegram_bot import ALLOWED_UPDATES, build_application

SEEDS = PROJECT_ROOT / "seeds"

ADMIN = USER_ID
STRANGER = 555
QUESTION = "茂名那次培训是哪几天?"
NEW_ANSWER = "培训在4月24日到26日，共三天（已更新）。"


def edit_answer(kdir: Path, qa: QA, new: str) -> None:
    """Rewrite the answer of the fact that answers QUESTION, in the knowledge copy."""
    fact = qa.kb.fact(qa.ask(QUESTION).parts[0].fact_id)
    path = kdir / Path(fact.file).name
    text = path.read_text(encoding="utf-8")
    old = qa.ask(QUESTION).parts[0].text
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def break_quote(kdir: Path, qa: QA) -> None:
    """Make a quote of that fact no longer verbatim: an error the reload must refuse."""
    quote = qa.ask(QUESTION).parts[0].citations[0].quote
    path = kdir / Path(qa.kb.fact(qa.ask(QUESTION).parts[0].fact_id).file).name
    text = path.read_text(encoding="utf-8")
    assert quote in text
    path.write_text(text.replace(quote, quote + "（并非原文）"), encoding="utf-8")


def bot(stub: BotApiStub, qa: QA, tmp_path: Path, **kw: Any) -> Any:
    kw.setdefault("watch_interval", None)
    app = build_application(TOKEN, qa, base_url=stub.base_url, admins=frozenset({ADMIN}),
                            unanswered_log=tmp_path / "unanswered.jsonl", **kw)
    return running(app, stub, allowed_updates=ALLOWED_UPDATES)


def ask(stub: BotApiStub, text: str, user_id: int = ADMIN) -> str:
    """Send text from user_id and return the bot's (first) reply."""
    before = len(stub.sent(user_id))
    stub.push({"message": message(text, chat_id=user_id, user={**USER, "id": user_id})})
    stub.wait_for("sendMessage", before + 1, where=lambda c: c.params["chat_id"] == user_id)
    reply: str = stub.sent(user_id)[before]["text"]
    assert telegram_html_errors(reply) == [], reply
    return reply


def test_admin_reload_refuses_broken_knowledge_and_takes_a_valid_change(kcopy: Path, tmp_path: Path) -> None:
    qa = QA.load(kcopy, SEEDS)
    old = qa.ask(QUESTION).parts[0].text
    with BotApiStub() as stub, bot(stub, qa, tmp_path):
        assert "维护者" in ask(stub, "/reload", STRANGER)

        break_quote(kcopy, qa)
        reply = ask(stub, "/reload")
        assert "仍在使用旧版本" in reply and "maoming-2024.yaml:" in reply and "<pre>" in reply
        assert escape(old) in ask(stub, QUESTION)  # the old knowledge keeps serving

        (kcopy / "maoming-2024.yaml").write_text(
            (kcopy / "maoming-2024.yaml").read_text(encoding="utf-8").replace("（并非原文）", ""), encoding="utf-8")
        edit_answer(kcopy, qa, NEW_ANSWER)
        reply = ask(stub, "/reload")
        assert "已重新加载" in reply and qa.kb.digest in reply
        assert escape(NEW_ANSWER) in ask(stub, QUESTION)


def wait_digest_change(qa: QA, old: str, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while qa.kb.digest == old:
        assert time.monotonic() < deadline, "the knowledge was not reloaded"
        time.sleep(0.05)


def test_knowledge_watch_reloads_valid_edits_only(kcopy: Path, tmp_path: Path,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="bot.telegram")
    qa = QA.load(kcopy, SEEDS)
    old_digest, old = qa.kb.digest, qa.ask(QUESTION).parts[0].text
    with BotApiStub() as stub, bot(stub, qa, tmp_path, watch_interval=0.1):
        break_quote(kcopy, qa)
        deadline = time.monotonic() + 5
        while "knowledge reload (knowledge changed) failed" not in caplog.text:
            assert time.monotonic() < deadline, "the broken edit was not noticed"
            time.sleep(0.05)
        assert qa.kb.digest == old_digest
        assert escape(old) in ask(stub, QUESTION)

        (kcopy / "maoming-2024.yaml").write_text(
            (kcopy / "maoming-2024.yaml").read_text(encoding="utf-8").replace("（并非原文）", ""), encoding="utf-8")
        edit_answer(kcopy, qa, NEW_ANSWER)
        wait_digest_change(qa, old_digest)
        assert escape(NEW_ANSWER) in ask(stub, QUESTION)


def test_unanswered_top_for_admins_only(qa: QA, tmp_path: Path) -> None:
    with BotApiStub() as stub, bot(stub, qa, tmp_path):
        for q in ["下周会下雨吗", "下周会下雨吗？", "茂名的房价多少"]:
            ask(stub, q, STRANGER)
        assert "维护者" in ask(stub, "/unanswered", STRANGER)
        reply = ask(stub, "/unanswered")
    assert reply.startswith("<pre>")
    assert "下周会下雨吗" in reply and "茂名的房价多少" in reply
    assert reply.index("下周会下雨吗") < reply.index("茂名的房价多少")  # the most frequent first
    lines = (tmp_path / "unanswered.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and str(STRANGER) not in "".join(lines)  # no user ids in the log

"""Faults: a Bot API that drops connections, stalls past timeouts and answers 5xx and 429 at random loses no reply."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from telegram_drills import fault_drill
from telegram_stub import TOKEN, USER, BotApiStub, FaultPlan, message, running

from bot import telegram_bot
from bot.core import QA
from bot.telegram_bot import ALLOWED_UPDATES, build_application

LONG = os.environ.get("TRAINING_BOT_LONG_TESTS") == "1"  # a minute of faults; CI runs ten seconds
SECONDS = 60.0 if LONG else 10.0


def test_bot_recovers_and_answers_every_update_it_received(qa: QA, tmp_path: Path) -> None:
    result = fault_drill(qa, SECONDS, tmp_path / "unanswered.jsonl", plan=FaultPlan(seed=6), rate=20.0)
    print(f"\nfaults: {result.faults}; requests {result.requests}; received {result.received}/{result.pushed}, "
          f"answered once {result.answered_once}; resent {result.resent}; tail {result.tail:.1f} s")
    for method in ("getUpdates", "sendMessage"):  # every kind hit both polling and sending
        assert set(result.faults[method]) == {"drop", "stall", "5xx", "429"}, result.faults
    assert result.received == result.pushed  # polling came back after every fault
    assert result.answered_once == result.received
    t = result.tally
    assert (t.lost, t.duplicated, t.unexpected, t.misquoted) == (0, 0, 0, 0), t
    assert result.resent > 0 and result.handler_errors == 0


def _bot(stub: BotApiStub, qa: QA, tmp_path: Path) -> Any:
    app = build_application(TOKEN, qa, base_url=stub.base_url, unanswered_log=tmp_path / "u.jsonl",
                            watch_interval=None)
    return running(app, stub, allowed_updates=ALLOWED_UPDATES)


def test_send_retry_is_bounded_and_skips_rejections(qa: QA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(telegram_bot, "SEND_RETRY_DELAYS", (0.01, 0.01, 0.01))
    with BotApiStub() as stub, _bot(stub, qa, tmp_path):
        stub.fail("sendMessage", 503, times=3)  # three failures, then the fourth try gets through
        stub.push({"message": message("茂名那次培训是哪几天?", chat_id=1, user={**USER, "id": 1})})
        stub.wait_for("sendMessage", where=lambda c: c.params["chat_id"] == 1)
        stub.fail("sendMessage", 500, times=4)  # four failures: the reply is given up, not retried forever
        stub.push({"message": message("茂名那次培训是哪几天?", chat_id=2, user={**USER, "id": 2})})
        stub.fail("sendMessage", 400)  # Telegram refused the message itself: sending it again cannot help
        stub.push({"message": message("茂名那次培训是哪几天?", chat_id=3, user={**USER, "id": 3})})
        stub.push({"message": message("/about", chat_id=4, user={**USER, "id": 4})})  # a marker after both
        stub.wait_for("sendMessage", where=lambda c: c.params["chat_id"] == 4)
    statuses = {chat: [c.status for c in stub.calls_of("sendMessage", ok_only=False) if c.params["chat_id"] == chat]
                for chat in (1, 2, 3)}
    assert statuses == {1: [503, 503, 503, 200], 2: [500, 500, 500, 500], 3: [400]}

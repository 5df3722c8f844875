"""Load: thousands of updates from hundreds of chats through the real polling loop, each answered exactly once."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from telegram_drills import load_drill
from telegram_stub import TOKEN

from bot.core import QA
from bot.telegram_bot import build_application, parse_concurrency

LONG = os.environ.get("TRAINING_BOT_LONG_TESTS") == "1"  # the benchmark's full size; CI runs a fifth of it
N = 10_000 if LONG else 2_000


def test_every_update_is_answered_exactly_once(qa: QA, tmp_path: Path) -> None:
    result = load_drill(qa, N, tmp_path / "unanswered.jsonl", private_chats=200, group_chats=50, concurrent=8,
                        timeout=300 if LONG else 90)
    print(f"\nload: {N} updates from {result.chats} chats in {result.seconds:.1f} s = {result.throughput:.0f}/s; "
          f"RSS {result.rss_before:.0f} -> {result.rss_after:.0f} MiB; {result.tally}")
    t = result.tally
    assert (t.lost, t.duplicated, t.unexpected, t.misquoted) == (0, 0, 0, 0), t
    assert t.answered_once == t.updates == N
    # each chat's first question is declined: the log holds exactly one line per chat, none lost to concurrency
    assert len((tmp_path / "unanswered.jsonl").read_text(encoding="utf-8").splitlines()) == result.chats


def test_concurrency_is_off_unless_asked_for(qa: QA) -> None:
    def limit(**kw: Any) -> int:
        app = build_application(TOKEN, qa, base_url="http://127.0.0.1:9/bot", watch_interval=None, **kw)
        return int(app.update_processor.max_concurrent_updates)

    assert limit() == 1  # one chat's questions are answered in the order asked
    assert limit(concurrent_updates=8) == 8 and limit(concurrent_updates=True) == 256
    assert parse_concurrency("") == parse_concurrency(" 0 ") == 0 and parse_concurrency("8") == 8
    for bad in ("-1", "eight", "1.5"):
        with pytest.raises(ValueError, match="TRAINING_BOT_CONCURRENT_UPDATES"):
            parse_concurrency(bad)

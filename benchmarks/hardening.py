"""Hardening figures: load, Telegram faults and hostile input, through the loopback Bot API stand-in.

    .venv/bin/python benchmarks/hardening.py [--updates 10000] [--fault-seconds 60] [--hostile 2000] [--no-sweep]

Load: updates from 250 chats (200 private, 50 groups) pushed at once into the real PTB polling loop with concurrent
updates on; every reply matched to its update (answered exactly once, lost, duplicated); throughput and the bot
process's RSS before and after (the stand-in runs in its own process). Faults: a minute of dropped connections,
stalls past PTB's read timeouts, 5xx and 429 on getUpdates and sendMessage; faults by kind, updates received and
answered. Hostile input: random strings (controls, bidi marks, lone surrogates, emoji, fake tags, up to 100,000
characters) through qa.ask and the Telegram renderer; latency and whether every message is valid Telegram HTML.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the stand-in and the drills live with the tests

import telegram  # noqa: E402
from telegram_drills import fault_drill, load_drill  # noqa: E402
from telegram_stub import FaultPlan, telegram_html_errors  # noqa: E402

from bot.core import QA  # noqa: E402
from bot.render_html import render_answer  # noqa: E402

SPECIAL = list("\x00\x01\x08\x0b\x1b\x7f\x85\r\n\t \u00a0\u200b\u200d\u200e\u200f\u202a\u202e\u2066\u2069\u2028"
               "\u2029\u3000\ufeff\ufffd<>&\"'")
MARKUP = ["<b>", "</b>", "<b><i>", '<a href="javascript:alert(1)">', "<pre>", "</blockquote>", "<tg-spoiler>",
          "<!--", "<![CDATA[", "&amp;", "&lt;", "&#60;", "&nbsp;", "&", "👨‍👩‍👧‍👦", "🇨🇳", "\u202e<b>",
          "茂名那次培训是哪几天？", "湖北有多少人參加", "培训"]
LENGTHS = [0, 1, 5, 20, 80, 499, 500, 501, 4096, 4097, 20_000, 100_000]


def hostile(rng: random.Random, questions: list[str]) -> str:
    """One random hostile question: pieces of every kind, sometimes around a real question, sometimes very long."""
    pieces = [rng.choice(questions)] if rng.random() < 0.3 else []
    for _ in range(rng.randint(0, 12)):
        kind = rng.random()
        if kind < 0.25:
            pieces.append(rng.choice(MARKUP))
        elif kind < 0.45:
            pieces.append("".join(rng.choice(SPECIAL) for _ in range(rng.randint(1, 6))))
        elif kind < 0.65:
            pieces.append("".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(rng.randint(1, 8))))
        elif kind < 0.75:
            pieces.append("".join(chr(rng.randint(0x1F300, 0x1FAFF)) for _ in range(rng.randint(1, 3))))
        elif kind < 0.85:
            pieces.append(chr(rng.randint(0xD800, 0xDFFF)))  # a lone surrogate
        else:
            pieces.append("".join(chr(rng.randint(0, 0x10FFFF)) for _ in range(rng.randint(1, 8))))
    rng.shuffle(pieces)
    text = "".join(pieces)
    if text and rng.random() < 0.2:
        length = rng.choice(LENGTHS)
        text = (text * (length // len(text) + 1))[:length]
    return text


def hostile_inputs(qa: QA, n: int, seed: int = 6) -> None:
    rng = random.Random(seed)
    questions = [q for fact in qa.kb.facts for q in fact.questions]
    latencies: list[float] = []
    invalid = answered = messages = longest = 0
    for _ in range(n):
        text = hostile(rng, questions)
        start = time.perf_counter()
        answer = qa.ask(text)
        rendered = render_answer(answer) + render_answer(answer, show_question=True)
        latencies.append(time.perf_counter() - start)
        answered += answer.answered
        messages += len(rendered)
        longest = max(longest, len(text))
        invalid += not rendered or any(telegram_html_errors(m) for m in rendered)
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    print(f"hostile inputs: {n} random strings (seed {seed}; longest {longest:,} characters) through qa.ask and "
          f"both Telegram renderings")
    print(f"  all valid Telegram HTML (<= 4096 UTF-16 units each): {'yes' if not invalid else f'NO, {invalid} bad'}"
          f"; {messages:,} messages; {answered} answered, {n - answered} declined")
    print(f"  latency ask+render: p50 {statistics.median(latencies) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, "
          f"max {latencies[-1] * 1000:.1f} ms")


def load(qa: QA, n: int, sweep: bool, tmp: Path) -> None:
    result = load_drill(qa, n, tmp / "load.jsonl", private_chats=200, group_chats=50, concurrent=8, timeout=600)
    t = result.tally
    print(f"load: {n:,} updates from {result.chats} chats (200 private, 50 groups), pushed at once; "
          f"concurrent_updates=8, flood limits off")
    print(f"  answered exactly once: {t.answered_once:,}/{t.updates:,} (lost {t.lost}, duplicated {t.duplicated}, "
          f"unexpected {t.unexpected}, group replies quoting the wrong message {t.misquoted})")
    print(f"  {result.seconds:.1f} s, throughput {result.throughput:.0f} updates/s")
    print(f"  bot process RSS: {result.rss_before:.0f} MiB before, {result.rss_after:.0f} MiB after")
    if sweep:
        m = min(n, 2_000)
        figures = []
        for label, concurrent in (("off", False), ("8", 8), ("64", 64), ("256 (True)", True)):
            r = load_drill(qa, m, tmp / f"sweep-{label}.jsonl", concurrent=concurrent, timeout=600)
            once = "all once" if r.tally.answered_once == m else f"{r.tally.answered_once} once"
            figures.append(f"{label}: {r.throughput:.0f}/s ({once})")
        print(f"  concurrent_updates sweep, {m:,} updates each: " + "; ".join(figures))
        # on loopback a reply costs no round trip, so one update at a time is fastest; with Telegram 50 ms away
        # (a typical round trip) sequential handling is bound by latency and concurrency pays
        m = min(n, 400)
        figures = []
        for label, concurrent in (("off", False), ("8", 8), ("64", 64), ("256 (True)", True)):
            r = load_drill(qa, m, tmp / f"latency-{label}.jsonl", concurrent=concurrent, timeout=600, latency=0.05)
            once = "all once" if r.tally.answered_once == m else f"{r.tally.answered_once} once"
            figures.append(f"{label}: {r.throughput:.0f}/s ({once})")
        print(f"  the same with 50 ms Bot API latency, {m:,} updates each: " + "; ".join(figures))


def faults(qa: QA, seconds: float, tmp: Path) -> None:
    plan = FaultPlan(seed=6)
    r = fault_drill(qa, seconds, tmp / "faults.jsonl", plan=plan, rate=20.0)
    t = r.tally
    print(f"faults: {r.seconds:.0f} s of updates at 20/s from 50 chats; each getUpdates and sendMessage fails with "
          f"p={plan.drop} drop, {plan.stall} stall ({plan.stall_seconds} s, read timeout 2 s), "
          f"{plan.server_error} 5xx, {plan.too_many} 429 (retry_after {plan.retry_after} s)")
    for method, by_kind in r.faults.items():
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(by_kind.items()))
        print(f"  {method}: {r.requests.get(method, 0):,} requests, faults injected: {kinds} "
              f"({sum(by_kind.values())} in all)")
    print(f"  updates pushed {r.pushed:,}, received by the bot {r.received:,}, answered exactly once "
          f"{r.answered_once:,} (lost {t.lost}, duplicated {t.duplicated})")
    print(f"  replies sent again by the adapter: {r.resent}; logged by the error handler: {r.network_errors} network "
          f"errors (failed polls, which PTB retries), {r.handler_errors} others; last reply {r.tail:.1f} s after the "
          f"last update")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--updates", type=int, default=10_000, help="load: number of updates (default 10,000)")
    parser.add_argument("--fault-seconds", type=float, default=60.0, help="faults: seconds of updates (default 60)")
    parser.add_argument("--hostile", type=int, default=2_000, help="hostile inputs: how many (default 2,000)")
    parser.add_argument("--no-sweep", action="store_true", help="skip the concurrent_updates sweep")
    parser.add_argument("--verbose", action="store_true", help="show the bot's log (warnings and errors)")
    args = parser.parse_args()
    # the faults make PTB log an error per failed poll; without a handler Python would print them all
    logging.getLogger().addHandler(logging.StreamHandler() if args.verbose else logging.NullHandler())

    print(f"training-bot hardening figures: Python {platform.python_version()}, python-telegram-bot "
          f"{telegram.__version__}, {platform.machine()} {sys.platform}, {os.cpu_count()} CPUs")
    qa = QA.load()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        load(qa, args.updates, not args.no_sweep, Path(tmp))
        faults(qa, args.fault_seconds, Path(tmp))
        hostile_inputs(qa, args.hostile)
    print(f"(all figures in {time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

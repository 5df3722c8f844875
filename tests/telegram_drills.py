"""Load and fault drills: the real PTB polling loop against the loopback stand-in; used by tests and benchmarks."""

from __future__ import annotations

import logging
import math
import multiprocessing
import resource
import time
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from telegram_stub import (
    TOKEN,
    BotApiStub,
    Call,
    ChaosBotApiStub,
    FaultPlan,
    message,
    running,
)

from bot.core import QA
from bot.render_html import render_answer
from bot.telegram_bot import ALLOWED_UPDATES, build_application

DECLINED = "下周会下雨吗"  # each chat's first question: a decline, with its buttons and the unanswered log


def _serve(conn: Connection, plan: FaultPlan | None, latency: float) -> None:
    """The child process: run a stand-in and answer the parent's commands until told to close (or orphaned)."""
    stub = ChaosBotApiStub(plan) if plan is not None else BotApiStub()
    stub.latency = latency
    with stub:
        while True:
            try:
                command, *args = conn.recv()
            except (EOFError, OSError):
                return
            if command == "close":
                conn.send(None)
                return
            result: Any
            if command == "base_url":
                result = stub.base_url
            elif command == "push":
                result = [stub.push(u) for u in args[0]]
            elif command == "count":
                result = len(stub.calls_of(args[0], ok_only=args[1]))
            elif command == "calls_of":
                result = stub.calls_of(args[0], ok_only=args[1])
            elif command == "sent":
                result = stub.sent()
            elif command == "confirmed":
                try:
                    stub.wait_confirmed(args[0], timeout=args[1])
                    result = True
                except AssertionError:
                    result = False
            elif command == "chaos":
                assert isinstance(stub, ChaosBotApiStub)
                stub.enabled = args[0]
                result = {"delivered": dict(stub.delivered), "faults": stub.faults()}
            else:
                result = ValueError(command)
            conn.send(result)


class StubProcess:
    """The stand-in in a child process, as Telegram is elsewhere: its HTTP work does not share the bot's GIL."""

    def __init__(self, plan: FaultPlan | None = None, latency: float = 0.0, reply_timeout: float = 30.0) -> None:
        ctx = multiprocessing.get_context("spawn")  # no fork of a process that runs threads
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child, plan, latency), name="bot-api-stand-in", daemon=True)
        self._timeout = reply_timeout
        self.base_url = ""

    def __enter__(self) -> StubProcess:
        self._proc.start()
        self.base_url = self._ask("base_url")
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if self._proc.is_alive():
                self._conn.send(("close",))
                self._conn.poll(5)
        finally:
            self._proc.join(5)
            if self._proc.is_alive():
                self._proc.kill()
                self._proc.join(5)
            self._conn.close()

    def _ask(self, *command: Any) -> Any:
        self._conn.send(command)
        if not self._conn.poll(self._timeout):
            raise AssertionError(f"the stand-in did not answer {command[0]!r} within {self._timeout} s")
        result = self._conn.recv()
        if isinstance(result, Exception):
            raise result
        return result

    def push(self, update: dict[str, Any]) -> int:
        ids: list[int] = self._ask("push", [update])
        return ids[0]

    def push_many(self, updates: list[dict[str, Any]]) -> list[int]:
        ids: list[int] = self._ask("push", updates)
        return ids

    def count(self, method: str, ok_only: bool = True) -> int:
        n: int = self._ask("count", method, ok_only)
        return n

    def calls_of(self, method: str, ok_only: bool = True) -> list[Call]:
        calls: list[Call] = self._ask("calls_of", method, ok_only)
        return calls

    def sent(self) -> list[dict[str, Any]]:
        params: list[dict[str, Any]] = self._ask("sent")
        return params

    def confirmed(self, update_id: int, timeout: float = 5.0) -> bool:
        """Whether the bot confirmed update_id (asked for the ones after it) within timeout."""
        ok: bool = self._ask("confirmed", update_id, timeout)
        return ok

    def chaos(self, enabled: bool) -> dict[str, Any]:
        """Turn the faults on or off; returns update ids delivered so far and the faults injected by kind."""
        state: dict[str, Any] = self._ask("chaos", enabled)
        return state


@dataclass(frozen=True)
class Planned:
    """One update to push and the messages that answer it."""

    chat_id: int
    message_id: int
    group: bool
    chunks: tuple[str, ...]
    update: dict[str, Any] = field(compare=False, repr=False)


def question_pool(qa: QA) -> list[tuple[str, tuple[str, ...]]]:
    """Questions whose rendered replies all differ: within one chat the reply text tells which update it answers."""
    seen: set[tuple[str, ...]] = set()
    pool = []
    for fact in qa.kb.facts:
        question = fact.questions[0]
        answer = qa.ask(question)
        chunks = tuple(render_answer(answer))
        if answer.answered and chunks not in seen:
            seen.add(chunks)
            pool.append((question, chunks))
    return pool


def plan_updates(qa: QA, n: int, private_chats: int = 200, group_chats: int = 50) -> list[Planned]:
    """n messages round-robin over private chats and supergroups (/ask there); no chat asks the same thing twice."""
    pool = question_pool(qa)
    assert not qa.ask(DECLINED).answered
    declined = tuple(render_answer(qa.ask(DECLINED)))
    chats = private_chats + group_chats
    if math.ceil(n / chats) > len(pool) + 1:
        raise ValueError(f"{n} updates over {chats} chats would repeat questions within a chat; add chats")
    out = []
    for i in range(n):
        c, j = i % chats, i // chats
        group = c >= private_chats
        question, chunks = (DECLINED, declined) if j == 0 else pool[(c * 7 + j) % len(pool)]
        user: dict[str, Any] = {"id": 700_000 + c, "is_bot": False, "first_name": f"Asker{c}",
                                "language_code": "zh-hans"}
        if group:
            msg = message(f"/ask {question}", chat_id=-100_000_000 - c, chat_type="supergroup", user=user)
        else:
            msg = message(question, chat_id=user["id"], user=user)
        out.append(Planned(msg["chat"]["id"], msg["message_id"], group, chunks, {"message": msg}))
    return out


@dataclass
class Tally:
    """How the sendMessage calls the stand-in accepted match the planned updates."""

    updates: int = 0
    answered_once: int = 0
    lost: int = 0  # some message of the reply never arrived
    duplicated: int = 0  # some message of the reply arrived more than once
    unexpected: int = 0  # messages that answer no planned update
    misquoted: int = 0  # group replies that quote another message than the question


def tally(sent: list[dict[str, Any]], planned: list[Planned]) -> Tally:
    """Match every accepted sendMessage to its update by (chat, text); group replies also by the quoted message."""
    counts = Counter((p["chat_id"], p["text"]) for p in sent)
    expected = {(p.chat_id, chunk): p for p in planned for chunk in p.chunks}
    out = Tally(updates=len(planned))
    for p in planned:
        seen = [counts[(p.chat_id, chunk)] for chunk in p.chunks]
        if all(n == 1 for n in seen):
            out.answered_once += 1
        out.lost += any(n == 0 for n in seen)
        out.duplicated += any(n > 1 for n in seen)
    out.unexpected = sum(n for key, n in counts.items() if key not in expected)
    for params in sent:
        answered = expected.get((params["chat_id"], params["text"]))
        if answered is not None and answered.group and params["text"] == answered.chunks[0]:
            out.misquoted += params.get("reply_parameters", {}).get("message_id") != answered.message_id
    return out


def rss_mb() -> float:
    """Resident set size of this process now (peak where /proc is missing), in MiB."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _wait_sent(stub: StubProcess, total: int, deadline: float) -> float:
    """Wait until total messages were accepted (or the deadline); returns when."""
    while True:
        now = time.monotonic()
        if stub.count("sendMessage") >= total or now >= deadline:
            return now
        time.sleep(0.02)


@dataclass
class LoadResult:
    n: int
    chats: int
    concurrent: bool | int
    seconds: float
    tally: Tally
    rss_before: float
    rss_after: float

    @property
    def throughput(self) -> float:
        return self.n / self.seconds if self.seconds else 0.0


def load_drill(qa: QA, n: int, log_path: Path, private_chats: int = 200, group_chats: int = 50,
               concurrent: bool | int = 8, timeout: float = 120.0, latency: float = 0.0) -> LoadResult:
    """Push n updates at once and time until every reply was accepted; flood limits off, concurrent updates on."""
    planned = plan_updates(qa, n, private_chats, group_chats)
    total = sum(len(p.chunks) for p in planned)
    with StubProcess(latency=latency) as stub:
        app = build_application(TOKEN, qa, base_url=stub.base_url, unanswered_log=log_path, watch_interval=None,
                                concurrent_updates=concurrent, rate_limits=False)
        before = rss_mb()
        with running(app, stub, allowed_updates=ALLOWED_UPDATES, timeout=1):
            start = time.monotonic()
            ids = stub.push_many([p.update for p in planned])
            done = _wait_sent(stub, total, start + timeout)
            stub.confirmed(ids[-1])
            time.sleep(0.3)  # a late duplicate would show up now
            after = rss_mb()
        result = tally(stub.sent(), planned)
    return LoadResult(n, private_chats + group_chats, concurrent, done - start, result, before, after)


class _Counting(logging.Handler):
    """Counts the adapter's log records by their format string."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.counts: Counter[str] = Counter()

    def emit(self, record: logging.LogRecord) -> None:
        self.counts[str(record.msg)] += 1


@dataclass
class FaultResult:
    seconds: float
    pushed: int
    received: int  # handed to the bot by a successful getUpdates
    answered_once: int  # of those received
    tally: Tally
    faults: dict[str, dict[str, int]]
    requests: dict[str, int]  # getUpdates and sendMessage calls, failed ones included
    resent: int  # replies the adapter sent again after a transient failure
    network_errors: int  # failures that reached the error handler: polling hiccups, or a send that gave up
    handler_errors: int  # other handler failures
    tail: float  # seconds from the last push until the last reply


def fault_drill(qa: QA, seconds: float, log_path: Path, plan: FaultPlan | None = None, rate: float = 20.0,
                private_chats: int = 40, group_chats: int = 10, tail: float = 45.0) -> FaultResult:
    """Push `rate` updates a second for `seconds` through a stand-in that fails at random; wait for every reply."""
    n = int(seconds * rate)
    planned = plan_updates(qa, n, private_chats, group_chats)
    total = sum(len(p.chunks) for p in planned)
    counter = _Counting()
    logger = logging.getLogger("bot.telegram")
    level = logger.level
    logger.addHandler(counter)
    logger.setLevel(min(logger.getEffectiveLevel(), logging.WARNING))  # the retries are warnings
    try:
        with StubProcess(plan or FaultPlan()) as stub:
            # short read timeouts so a stall costs seconds, not minutes; the stand-in stalls past them
            app = build_application(TOKEN, qa, base_url=stub.base_url, unanswered_log=log_path,
                                    watch_interval=None, concurrent_updates=8, rate_limits=False, read_timeout=2.0)
            with running(app, stub, allowed_updates=ALLOWED_UPDATES, timeout=1):
                start = time.monotonic()
                ids = []
                for i, p in enumerate(planned):
                    time.sleep(max(0.0, start + i / rate - time.monotonic()))
                    ids.append(stub.push(p.update))
                pushed_at = time.monotonic()
                done = _wait_sent(stub, total, pushed_at + tail)
                time.sleep(0.3)
                state = stub.chaos(False)  # a clean goodbye: the final getUpdates confirms the offset
            requests = {m: stub.count(m, ok_only=False) for m in ("getUpdates", "sendMessage")}
            sent = stub.sent()
        delivered = {int(k) for k in state["delivered"]}
        received = [p for i, p in zip(ids, planned, strict=True) if i in delivered]
        counts = Counter((c["chat_id"], c["text"]) for c in sent)
        return FaultResult(
            seconds=pushed_at - start, pushed=n, received=len(received),
            answered_once=sum(all(counts[(p.chat_id, ch)] == 1 for ch in p.chunks) for p in received),
            tally=tally(sent, planned), faults=state["faults"], requests=requests,
            resent=counter.counts["Telegram request failed: %s; sending again in %.1f s"],
            network_errors=counter.counts["Telegram request failed: %s"],
            handler_errors=counter.counts["error while handling an update"],
            tail=done - pushed_at)
    finally:
        logger.removeHandler(counter)
        logger.setLevel(level)

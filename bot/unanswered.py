"""The log of declined questions (one JSON line each) and its summary, so maintainers see which facts to add."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.answer import Answer
from bot.normalize import clean, fold

log = logging.getLogger(__name__)

LOG_ENV = "TRAINING_BOT_UNANSWERED_LOG"
SIMILARITY = 80  # fuzz.ratio of folded questions at or above which two questions count as one
MAX_LOGGED_CHARS = 500  # a pasted essay is not a question; keep the log readable
_lock = threading.Lock()  # the Telegram bot records from several handlers at once


def data_dir() -> Path:
    """Per-user data directory: $XDG_DATA_HOME/training-bot, default ~/.local/share/training-bot."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "training-bot"


def default_log_path() -> Path:
    """$TRAINING_BOT_UNANSWERED_LOG, else unanswered.jsonl in the user's data directory."""
    return Path(os.environ.get(LOG_ENV) or data_dir() / "unanswered.jsonl")


def entry(answer: Answer, now: dt.datetime | None = None) -> dict[str, object]:
    """The JSON object logged for a declined answer: time, question, top 3 candidates; nothing about the asker."""
    now = now or dt.datetime.now(dt.UTC)
    cands = answer.analysis.candidates[:3] if answer.analysis is not None else ()
    return {
        "time": now.isoformat(timespec="seconds"),
        "question": answer.question.strip()[:MAX_LOGGED_CHARS],  # as asked: NFKC would turn ？ into ?
        "candidates": [{"fact": c.fact_id, "score": round(c.score, 3)} for c in cands],
    }


def record(answer: Answer, path: Path | str | None = None) -> None:
    """Append a declined answer to the log; answered or empty questions are skipped. Never raises on I/O errors."""
    if answer.answered or not clean(answer.question):
        return
    target = Path(path) if path is not None else default_log_path()
    line = json.dumps(entry(answer), ensure_ascii=False) + "\n"
    try:
        with _lock:
            target.parent.mkdir(parents=True, exist_ok=True)
            # one write of one line in append mode: concurrent writers (bot and console) do not interleave lines
            with target.open("a", encoding="utf-8") as fh:
                fh.write(line)
    except OSError as exc:
        log.warning("unanswered question not logged to %s: %s", target, exc)


@dataclass
class Group:
    """Similar declined questions: the most frequent wording, how often, and the facts the matcher came closest to."""

    question: str
    count: int = 0
    variants: list[str] = field(default_factory=list)
    last_seen: str = ""
    near: Counter[str] = field(default_factory=Counter)


def read_log(path: Path) -> list[dict[str, object]]:
    """Entries of the log in order; broken lines (a crash mid-write, hand edits) are skipped."""
    out: list[dict[str, object]] = []
    try:
        with path.open("rb") as fh:
            for raw in fh:
                try:
                    obj = json.loads(raw.decode("utf-8", "replace"))
                except ValueError:
                    continue
                if isinstance(obj, dict) and isinstance(obj.get("question"), str) and obj["question"].strip():
                    out.append(obj)
    except FileNotFoundError:
        return []
    except OSError as exc:
        log.warning("cannot read %s: %s", path, exc)
        return []
    return out


def summarise(path: Path | str) -> list[Group]:
    """Group similar questions of the log (folded, then fuzz.ratio >= 80 to a group's first); most frequent first."""
    entries = read_log(Path(path))
    by_key: dict[str, list[dict[str, object]]] = {}
    for e in entries:
        by_key.setdefault(fold(str(e["question"])), []).append(e)
    # the most frequent wordings found the groups, so a group is named by its commonest question
    keys = sorted(by_key, key=lambda k: -len(by_key[k]))
    groups: list[Group] = []
    heads: list[str] = []
    for key in keys:
        found = process.extractOne(key, heads, scorer=fuzz.ratio, score_cutoff=SIMILARITY) if heads else None
        if found is None:
            first = str(by_key[key][0]["question"])
            groups.append(Group(first))
            heads.append(key)
            group = groups[-1]
        else:
            group = groups[found[2]]
        for e in by_key[key]:
            group.count += 1
            q = str(e["question"])
            if q not in group.variants:
                group.variants.append(q)
            group.last_seen = max(group.last_seen, str(e.get("time", "")))
            cands = e.get("candidates")
            if isinstance(cands, list) and cands and isinstance(cands[0], dict) and "fact" in cands[0]:
                group.near[str(cands[0]["fact"])] += 1
    # most frequent first; among equal counts the most recently asked (stable sorts, ISO times sort as text)
    groups.sort(key=lambda g: g.last_seen, reverse=True)
    groups.sort(key=lambda g: g.count, reverse=True)
    return groups


def format_summary(groups: list[Group], limit: int = 20) -> str:
    """One block per group: count, question, other wordings and the nearest fact; plain text."""
    if not groups:
        return "no declined questions logged yet"
    total = sum(g.count for g in groups)
    lines = [f"{total} declined question(s) in {len(groups)} group(s); most frequent first:"]
    for g in groups[:limit]:
        lines.append(f"{g.count:5d}  {g.question}")
        others = [v for v in g.variants if v != g.question]
        if others:
            shown = "；".join(others[:3]) + ("；…" if len(others) > 3 else "")
            lines.append(f"       also: {shown}")
        if g.near:
            lines.append(f"       nearest fact: {g.near.most_common(1)[0][0]}")
    if len(groups) > limit:
        lines.append(f"… and {len(groups) - limit} more group(s)")
    return "\n".join(lines)

"""Terminal chat over the core: readline prompt on a TTY, one answer per line from a pipe, maintainer commands."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from bot.answer import MAX_QUESTION_CHARS, Answer, examples
from bot.core import QA
from bot.knowledge import Problem, default_knowledge_dir
from bot.render_text import render_text
from bot.terminal import write_line
from bot.unanswered import data_dir, record
from bot.watch import Watcher

PROMPT = "问> "
HISTORY_LENGTH = 1000
MAX_ERRORS_SHOWN = 10
# ":)" or "：" starting a question stays a question; /quit, /help as in the Telegram bot work too
_COMMAND = re.compile(r"[:/][A-Za-z]+")

HELP = """\
命令 / commands:
  :debug    显示/隐藏匹配细节 (normalised text, tokens, top 5 candidates, why it answered or declined)
  :sources  两篇文章的出处 (title, outlet, source, date, editor, reporter)
  :reload   重新读取 knowledge/ (the old knowledge keeps serving if the new one has errors)
  :help     本帮助
  :quit     退出 (also /quit, Ctrl-D, Ctrl-C; /help works too)"""


def use_color(stream: IO[str]) -> bool:
    """Colour only on a terminal that wants it (https://no-color.org: a non-empty NO_COLOR turns it off)."""
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def explain(answer: Answer) -> str:
    """The :debug block: what the matcher made of the question and why the bot answered or declined."""
    a = answer.analysis
    if a is None:
        reason = ("the question is empty" if not answer.question.strip()
                  else f"the question is longer than {MAX_QUESTION_CHARS} characters")
        return f"  declined: {reason}"
    lines = [f"  folded:  {a.folded}", f"  words:   {' / '.join(a.words)}", f"  content: {' '.join(a.content) or '-'}"]
    if a.articles_named:
        lines.append(f"  names:   {', '.join(sorted(a.articles_named))}")
    lines.append("  candidates:")
    for i, c in enumerate(a.candidates[:5], 1):
        missing = " ".join(c.missing) or "-"
        lines.append(f"    {i}. {c.fact_id:<24} score {c.score:.3f}  fuzz {c.fuzz:5.1f}  "
                     f"coverage {c.coverage:.2f}  missing: {missing}")
    if not a.candidates:
        lines.append("    (none)")
    lines.append(f"  decision: {answer.reason}")
    return "\n".join(lines)


def sources_text(qa: QA) -> str:
    """The :sources block: both articles' metadata as the pages state it."""
    lines: list[str] = []
    for src in qa.kb.articles.values():
        m = src.meta
        when = f"{m.published} {m.time}" if m.time else m.published
        lines.append(f"【{m.training}】")
        lines.append(f"  标题：{m.title}")
        lines.append(f"  媒体：{m.outlet}" + (f"（来源：{m.source}）" if m.source else ""))
        lines.append(f"  发布：{when}")
        if m.editor:
            lines.append(f"  责任编辑：{m.editor}")
        if m.reporter:
            lines.append(f"  通讯员：{m.reporter}")
        lines.append(f"  文件：seeds/{m.seed}")
    return "\n".join(lines)


def welcome_text(qa: QA) -> str:
    """Greeting on a terminal: what the bot knows, what to ask, how to leave."""
    lines = ["我只根据两篇文章回答关于这两次培训的问题，每个回答都注明出处："]
    for src in qa.kb.articles.values():
        m = src.meta
        lines.append(f"  • {m.training} — 《{m.title}》，{m.outlet}，{m.published}")
    lines.append("可以这样问：")
    lines += [f"  {q}" for q in examples(qa.kb, "simplified")]
    lines.append("输入 :help 查看命令，:quit 或 Ctrl-D 退出。")
    return "\n".join(lines)


def _format_problems(problems: list[Problem]) -> list[str]:
    shown = [f"  {p}" for p in problems[:MAX_ERRORS_SHOWN]]
    if len(problems) > MAX_ERRORS_SHOWN:
        shown.append(f"  … {len(problems) - MAX_ERRORS_SHOWN} more; run `training-bot check` for all")
    return shown


class Console:
    """The chat loop's state and commands, apart from where lines come from (testable without a terminal)."""

    def __init__(self, qa: QA, out: IO[str], err: IO[str], color: bool = False,
                 log: Callable[[Answer], None] = record) -> None:
        self.qa = qa
        self.out = out
        self.err = err
        self.color = color
        self.debug = False
        self.log = log
        self.watcher = Watcher(qa.knowledge_dir or default_knowledge_dir())

    def say(self, text: str) -> None:
        write_line(text, self.out)

    def reload(self) -> str:
        """:reload — validate knowledge/ again; swap only when valid."""
        problems = self.qa.reload()
        self.watcher.changed()  # this edit is handled; do not reload it again before the next question
        if problems:
            return "\n".join([f"not reloaded: {len(problems)} error(s); still answering from the previous knowledge:",
                              *_format_problems(problems)])
        return f"reloaded: {len(self.qa.kb.facts)} facts"

    def _auto_reload(self) -> None:
        if not self.watcher.changed():
            return
        problems = self.qa.reload()
        if problems:
            head = f"knowledge changed but has {len(problems)} error(s); still answering from the previous knowledge:"
            write_line("\n".join([head, *_format_problems(problems)]), self.err)
        else:
            write_line(f"knowledge changed: reloaded ({len(self.qa.kb.facts)} facts)", self.err)

    def command(self, line: str) -> str | None:
        """Run a :command and return its output; None means quit."""
        name = ":" + line.strip().lower()[1:]
        if name in {":quit", ":q", ":exit"}:
            return None
        if name == ":debug":
            self.debug = not self.debug
            return f"debug {'on' if self.debug else 'off'}"
        if name == ":sources":
            return sources_text(self.qa)
        if name == ":reload":
            return self.reload()
        if name == ":help":
            return HELP
        return f"unknown command {line.strip()!r}; :help lists the commands"

    def answer(self, question: str) -> str:
        """Answer one question (after picking up edits to knowledge/), log it if declined, render it."""
        self._auto_reload()
        answer = self.qa.ask(question)
        if not answer.answered:
            self.log(answer)
        text = render_text(answer, color=self.color)
        if self.debug:
            text += "\n" + explain(answer)
        return text

    def handle(self, line: str) -> bool:
        """One input line: a command or a question; False when the user asked to leave."""
        if _COMMAND.fullmatch(line.strip()):
            output = self.command(line)
            if output is None:
                return False
            self.say(output)
            return True
        self.say(self.answer(line))
        return True


def _history_file() -> Path:
    return data_dir() / "console_history"


def _setup_readline() -> Callable[[], None]:
    """Line editing and history on a terminal; returns the function that saves the history."""
    try:
        import readline
    except ImportError:  # Windows without pyreadline: input() still works, just without editing
        return lambda: None
    path = _history_file()
    try:
        readline.read_history_file(path)
    except OSError:
        pass
    readline.set_history_length(HISTORY_LENGTH)

    def save() -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            readline.write_history_file(path)
        except OSError:
            pass

    return save


def _tty_lines() -> Iterator[str]:
    while True:
        yield input(PROMPT)


def _pipe_lines(stream: IO[str]) -> Iterator[str]:
    # split on b"\n" only and decode with replacement, like `ask --json -`
    for raw in stream.buffer:  # type: ignore[attr-defined]
        yield (raw[:-1] if raw.endswith(b"\n") else raw).decode("utf-8", "replace")


def run_console(qa: QA) -> int:
    """Chat until :quit, Ctrl-D or Ctrl-C; exit status 0."""
    interactive = sys.stdin.isatty()
    console = Console(qa, sys.stdout, sys.stderr, color=use_color(sys.stdout))
    save_history = _setup_readline() if interactive else (lambda: None)
    first = True
    try:
        if interactive:
            console.say(welcome_text(qa))
        for line in _tty_lines() if interactive else _pipe_lines(sys.stdin):
            if interactive and not line.strip():
                continue
            if not interactive and not first:
                console.say("")  # a blank line between answers, so a reader of the pipe can split them
            first = False
            if not console.handle(line):
                break
            if interactive:
                console.say("")
    except (EOFError, KeyboardInterrupt):
        if interactive:
            console.say("")  # leave the shell prompt on a fresh line
    except BrokenPipeError:
        # the reader left (`| head`): stop quietly, and keep the interpreter's final flush from failing again
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        save_history()
    return 0

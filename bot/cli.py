"""The `training-bot` command line: one subcommand per face of the core (see ../shared/DESIGN.md)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from bot import __version__
from bot.knowledge import KnowledgeError, check_knowledge
from bot.terminal import write_line


def _out(text: str, stream: IO[str] | None = None) -> None:
    write_line(text, stream)


def _err(text: str) -> None:
    _out(text, sys.stderr)


def _load(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from bot.core import QA

    try:
        return QA.load(args.knowledge, args.seeds)
    except KnowledgeError as exc:
        _err("training-bot: the knowledge has errors; run `training-bot check` for all of them:")
        for p in exc.problems[:5]:
            _err(f"  {p}")
        raise SystemExit(1) from None


def cmd_check(args: argparse.Namespace) -> int:
    kb, problems = check_knowledge(args.knowledge, args.seeds)
    if kb is not None and not args.no_lint:
        from bot.lint import lint

        problems = problems + lint(kb)
    for p in problems:
        _out(str(p))
    errors = [p for p in problems if not p.warning]
    if errors or kb is None:
        _err(f"{len(errors)} error(s), {len(problems) - len(errors)} warning(s)")
        return 1
    per = {aid: sum(1 for f in kb.facts if f.articles == (aid,)) for aid in kb.articles}
    spanning = sum(1 for f in kb.facts if len(f.parts) > 1)
    summary = ", ".join(f"{aid}: {n}" for aid, n in per.items())
    _out(f"ok: {len(kb.facts)} facts ({summary}, both: {spanning}); {len(problems)} warning(s)")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    qa = _load(args)
    if args.question == "-":
        for raw in sys.stdin.buffer:  # binary iteration splits on b"\n" only, as the contract says
            line = raw[:-1] if raw.endswith(b"\n") else raw
            answer = qa.ask(line.decode("utf-8", "replace"))
            _out(json.dumps(answer.to_dict(), ensure_ascii=False) if args.json else _render(answer))
        return 0
    answer = qa.ask(args.question)
    _out(json.dumps(answer.to_dict(), ensure_ascii=False) if args.json else _render(answer))
    return 0


def _render(answer) -> str:  # type: ignore[no-untyped-def]
    from bot.render_text import render_text

    return render_text(answer, color=False)


def cmd_eval(args: argparse.Namespace) -> int:
    from bot.evaluate import EvalFileError, format_report, load_eval, run_eval

    try:
        items = load_eval(Path(args.file))
    except EvalFileError as exc:
        _err(f"training-bot eval: {exc}")
        return 2
    report = run_eval(_load(args), items)
    _out(format_report(report, show_failures=not args.quiet))
    ok = report.accuracy >= args.min_accuracy and report.decline_rate >= args.min_decline
    return 0 if ok else 1


def cmd_coverage(args: argparse.Namespace) -> int:
    from bot.coverage import coverage, format_coverage

    qa = _load(args)
    reports = coverage(qa.kb)
    _out(format_coverage(reports, show=not args.quiet))
    return 0 if all(r.percent >= args.min for r in reports) else 1


def cmd_console(args: argparse.Namespace) -> int:
    from bot.console import run_console

    return run_console(_load(args))


def cmd_telegram(args: argparse.Namespace) -> int:
    from bot.telegram_bot import run_telegram

    return run_telegram(args)


def cmd_unanswered(args: argparse.Namespace) -> int:
    from bot.unanswered import default_log_path, format_summary, summarise

    path = Path(args.log) if args.log else default_log_path()
    _out(format_summary(summarise(path), limit=args.top))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from bot.schema import write_schemas

    target = Path(args.knowledge) if args.knowledge else None
    for path in write_schemas(target):
        _out(f"wrote {path}")
    return 0


def _common(default: object) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--knowledge", type=Path, default=default, metavar="DIR",
                        help="knowledge directory (default: the project's knowledge/)")
    common.add_argument("--seeds", type=Path, default=default, metavar="DIR",
                        help="directory of the article files (default: the project's seeds/)")
    return common


def build_parser() -> argparse.ArgumentParser:
    # the options work before and after the subcommand; SUPPRESS keeps a subparser from resetting them to None
    parser = argparse.ArgumentParser(prog="training-bot", description="Q&A bot about two Party-secretary trainings",
                                     parents=[_common(None)])
    common = _common(argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"training-bot {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("console", parents=[common], help="chat in the terminal (no token needed)")
    p.set_defaults(func=cmd_console)

    p = sub.add_parser("ask", parents=[common], help="answer one question, or '-' for one per stdin line")
    p.add_argument("question", help="the question, or - to read questions from stdin")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("check", parents=[common], help="validate knowledge: FILE:LINE: fact-id: problem")
    p.add_argument("--no-lint", action="store_true", help="skip the matcher-based warnings")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("eval", parents=[common], help="run a labelled question set")
    p.add_argument("file")
    p.add_argument("--min-accuracy", type=float, default=0.0, help="exit 1 if in-scope accuracy is below")
    p.add_argument("--min-decline", type=float, default=0.0, help="exit 1 if the out-of-scope decline rate is below")
    p.add_argument("--quiet", action="store_true", help="do not list failures")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("coverage", parents=[common], help="article sentences no fact quotes")
    p.add_argument("--min", type=float, default=0.0, help="exit 1 if an article's coverage (%%) is below")
    p.add_argument("--quiet", action="store_true", help="percentages only")
    p.set_defaults(func=cmd_coverage)

    p = sub.add_parser("telegram", parents=[common], help="run the Telegram bot (TELEGRAM_BOT_TOKEN)")
    p.add_argument("--webhook", action="store_true", help="webhook mode instead of polling")
    p.add_argument("--listen", default="127.0.0.1", help="webhook listen address")
    p.add_argument("--port", type=int, default=8443, help="webhook port")
    p.add_argument("--url-path", default="telegram", help="webhook path")
    p.add_argument("--webhook-url", default=None, help="public URL Telegram posts to (https://host/path)")
    p.set_defaults(func=cmd_telegram)

    p = sub.add_parser("unanswered", parents=[common], help="most frequent declined questions")
    p.add_argument("--log", default=None, help="log file (default: $TRAINING_BOT_UNANSWERED_LOG)")
    p.add_argument("--top", type=int, default=20)
    p.set_defaults(func=cmd_unanswered)

    p = sub.add_parser("schema", parents=[common], help="regenerate knowledge/schema/*.json from the models")
    p.set_defaults(func=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0

"""Plain-text rendering of an Answer for terminals (console and `ask` without --json)."""

from __future__ import annotations

from bot.answer import ORIGIN_LABEL, SOURCE_LABEL, Answer
from bot.normalize import in_script

_STYLES = {"answer": "1", "label": "36", "cite": "2", "quote": "33", "hint": "35"}


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_STYLES[style]}m{text}\x1b[0m" if color else text


def render_text(answer: Answer, color: bool = False) -> str:
    """Answer, then each citation with its verbatim quote; a decline lists the nearest questions."""
    lines: list[str] = []
    if not answer.answered:
        lines.append(answer.notice)
        lines += [_paint(f"  {i}. {s}", "hint", color) for i, s in enumerate(answer.suggestions, 1)]
        return "\n".join(lines)
    source_word = in_script(SOURCE_LABEL, answer.script)
    for part in answer.parts:
        head = _paint(f"【{part.training}】", "label", color) if answer.labelled else ""
        lines.append(head + _paint(part.text, "answer", color))
        cites = part.citations
        if cites:
            c = cites[0]
            origin = f"，{in_script(ORIGIN_LABEL, answer.script)}：{c.source}" if c.source else ""
            where = f"  {source_word}：《{c.title}》，{c.outlet}{origin}，{c.published}"
            lines.append(_paint(where, "cite", color))
            lines += [_paint(f"  「{cite.quote}」", "quote", color) for cite in cites]
    return "\n".join(lines)

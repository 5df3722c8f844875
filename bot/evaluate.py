"""Run a labelled question set (tests/eval/*.yaml) through the core and score it by kind."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from bot.answer import Answer
from bot.core import QA
from bot.normalize import fold
from bot.yamlsource import YamlProblem, load_yaml


class EvalFileError(Exception):
    """An eval file that cannot be read."""


class EvalItem(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    q: str
    kind: str
    expect: tuple[str, ...] = ()
    decline: bool = False

    @field_validator("expect", mode="before")
    @classmethod
    def _as_text(cls, v: object) -> object:
        # unquoted numbers such as [112] are read by YAML as ints; they are still text to look for
        return [str(x) for x in v] if isinstance(v, list) else v


@dataclass
class Failure:
    item: EvalItem
    answer: Answer
    why: str


@dataclass
class Report:
    total: Counter[str] = field(default_factory=Counter)
    passed: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    in_scope_kinds: set[str] = field(default_factory=set)

    def _rate(self, kinds: set[str]) -> float:
        n = sum(self.total[k] for k in kinds)
        return sum(self.passed[k] for k in kinds) / n if n else 1.0

    @property
    def accuracy(self) -> float:
        return self._rate(self.in_scope_kinds)

    @property
    def decline_rate(self) -> float:
        return self._rate(set(self.total) - self.in_scope_kinds)


def load_eval(path: Path) -> list[EvalItem]:
    try:
        doc, _ = load_yaml(path)
    except YamlProblem as exc:
        raise EvalFileError(f"{path}:{exc.line}: {exc.message}") from None
    if not isinstance(doc.data, list):
        raise EvalFileError(f"{path}: expected a list of {{q, expect|decline, kind}} entries")
    items = []
    for i, raw in enumerate(doc.data):
        try:
            item = EvalItem.model_validate(raw)
        except ValidationError as exc:
            raise EvalFileError(f"{path}:{doc.line_of((i,))}: {exc.errors()[0]['msg']}") from None
        if not item.decline and not item.expect:
            raise EvalFileError(f"{path}:{doc.line_of((i,))}: give expect: [...] or decline: true")
        items.append(item)
    return items


def judge(item: EvalItem, answer: Answer) -> str | None:
    """Why the answer fails the item, or None when it passes."""
    if item.decline:
        return None if not answer.answered else "answered a question the articles do not cover"
    if not answer.answered:
        return "declined"
    text = fold(answer.text)
    missing = [e for e in item.expect if fold(e) not in text]
    if missing:
        return f"answer lacks {missing}"
    if not any(p.citations for p in answer.parts):
        return "no citation"
    return None


def run_eval(qa: QA, items: list[EvalItem]) -> Report:
    report = Report()
    for item in items:
        answer = qa.ask(item.q)
        report.total[item.kind] += 1
        if not item.decline:
            report.in_scope_kinds.add(item.kind)
        why = judge(item, answer)
        if why is None:
            report.passed[item.kind] += 1
        else:
            report.failures.append(Failure(item, answer, why))
    return report


def format_report(report: Report, show_failures: bool = True) -> str:
    lines = []
    for kind in sorted(report.total, key=lambda k: (k not in report.in_scope_kinds, k)):
        n, ok = report.total[kind], report.passed[kind]
        label = "answered right" if kind in report.in_scope_kinds else "declined"
        lines.append(f"{kind:<14}{ok:>4}/{n:<4} {ok / n:6.1%} {label}")
    n_in = sum(report.total[k] for k in report.in_scope_kinds)
    n_out = sum(report.total.values()) - n_in
    lines.append(f"{'in-scope':<14}{'':>9} {report.accuracy:6.1%} accuracy ({n_in} questions)")
    lines.append(f"{'out-of-scope':<14}{'':>9} {report.decline_rate:6.1%} declined ({n_out} questions)")
    if show_failures and report.failures:
        lines.append("")
        lines.append(f"failures ({len(report.failures)}):")
        for f in report.failures:
            a = f.answer
            lines.append(f"- [{f.item.kind}] {f.item.q}  →  {f.why}; confidence {a.confidence:.2f}, "
                         f"facts {list(a.facts)}; answer: {a.text[:80]!r}")
    return "\n".join(lines)

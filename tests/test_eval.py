"""The labelled eval sets, run through the real core: accuracy and decline rate must hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core import QA
from bot.evaluate import format_report, load_eval, run_eval

EVAL = Path(__file__).parent / "eval"

# (file, min in-scope accuracy, min out-of-scope decline rate). questions.yaml is the dev set the matcher was tuned
# on and must meet issue 3's 0.95 / 0.95. The held-out sets were written apart from the knowledge: holdout.yaml
# has since been used to diagnose failures, holdout2.yaml only measured. Their floors sit just under today's
# figures (README "Answer quality") so a regression fails CI; they are below the 0.95 target, honestly.
SETS = [
    ("questions.yaml", 0.95, 0.95),
    ("holdout.yaml", 0.83, 0.97),
    ("holdout2.yaml", 0.83, 0.92),
]


def test_eval_set_is_large_and_varied() -> None:
    items = load_eval(EVAL / "questions.yaml")
    kinds = {it.kind for it in items}
    assert len(items) >= 200
    assert sum(it.decline for it in items) >= 50
    assert {"plain", "traditional", "typo", "colloquial", "both", "oos", "oos-entity"} <= kinds


@pytest.mark.parametrize(("name", "min_acc", "min_decline"), SETS)
def test_eval_thresholds(qa: QA, name: str, min_acc: float, min_decline: float) -> None:
    report = run_eval(qa, load_eval(EVAL / name))
    print(format_report(report))
    assert report.accuracy >= min_acc, format_report(report)
    assert report.decline_rate >= min_decline, format_report(report)

"""Grid-search the matcher's weights and the decision thresholds on dev eval sets (never on a held-out one).

    python benchmarks/tune.py tests/eval/questions.yaml [more dev sets...]
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import bot.answer as answer_mod
import bot.matcher as matcher_mod
from bot.core import QA
from bot.evaluate import judge, load_eval

# Matcher constants searched (each combination re-analyses every question), then the decision constants.
GRID = {
    "W_COVERAGE": (0.55, 0.65),
    "TYPE_PENALTY": (0.5, 0.6, 0.7),
    "QUOTE_CREDIT": (0.3, 0.45),
    "ALIAS_CREDIT": (0.4, 0.6),
    "SUBSTRING_CREDIT": (0.6, 0.8),
    "UNKNOWN_WEIGHT": (3.0, 4.0, 5.0),
}
DECISION = {
    "THRESHOLD": [x / 100 for x in range(50, 72, 2)],
    "MIN_COVERAGE": [0.4, 0.45, 0.5, 0.55, 0.6],
    "BOTH_MARGIN": [0.06, 0.1, 0.14],
}


def main() -> None:
    items = [it for arg in sys.argv[1:] for it in load_eval(Path(arg))]
    qa = QA.load()
    results = []
    names = list(GRID)
    for values in itertools.product(*GRID.values()):
        for name, value in zip(names, values, strict=True):
            setattr(matcher_mod, name, value)
        matcher_mod.W_FUZZ = 1 - matcher_mod.W_COVERAGE
        qa.matcher.idf.cache_clear()
        analyses = [qa.matcher.analyse(it.q) for it in items]
        for dvalues in itertools.product(*DECISION.values()):
            for name, value in zip(DECISION, dvalues, strict=True):
                setattr(answer_mod, name, value)
            ok_in = ok_out = n_in = n_out = 0
            for it, an in zip(items, analyses, strict=True):
                a = answer_mod.decide(qa.kb, it.q, an, "simplified")
                good = judge(it, a) is None
                if it.decline:
                    n_out += 1
                    ok_out += good
                else:
                    n_in += 1
                    ok_in += good
            acc, dec = ok_in / n_in, ok_out / n_out
            results.append((min(acc, dec), acc + dec, acc, dec, values, dvalues))
    results.sort(reverse=True)
    print("min    acc    decl   " + " ".join(names) + " | " + " ".join(DECISION))
    for best, _, acc, dec, values, dvalues in results[:25]:
        print(f"{best:.3f}  {acc:.3f}  {dec:.3f}  " + " ".join(f"{v:g}" for v in values) + " | "
              + " ".join(f"{v:g}" for v in dvalues))


if __name__ == "__main__":
    main()

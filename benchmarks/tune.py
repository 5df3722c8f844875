"""Grid-search the matcher's weights and the decision thresholds on a dev eval set (never on the held-out one).

    python benchmarks/tune.py tests/eval/questions.yaml
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import bot.answer as answer_mod
import bot.matcher as matcher_mod
from bot.core import QA
from bot.evaluate import judge, load_eval


def main() -> None:
    items = load_eval(Path(sys.argv[1]))
    qa = QA.load()
    results = []
    for w_cov, unknown, foreign in itertools.product((0.5, 0.6, 0.7), (2.0, 3.0, 4.0), (0.6, 0.7, 0.8)):
        matcher_mod.W_COVERAGE, matcher_mod.W_FUZZ = w_cov, 1 - w_cov
        matcher_mod.UNKNOWN_WEIGHT, matcher_mod.FOREIGN_ENTITY_PENALTY = unknown, foreign
        qa.matcher.idf.cache_clear()
        analyses = [qa.matcher.analyse(it.q) for it in items]
        thresholds = [x / 100 for x in range(40, 72, 2)]
        for thr, min_cov in itertools.product(thresholds, [x / 100 for x in range(40, 80, 4)]):
            answer_mod.THRESHOLD, answer_mod.MIN_COVERAGE = thr, min_cov
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
            results.append((min(acc, dec), acc + dec, acc, dec, w_cov, unknown, foreign, thr, min_cov))
    results.sort(reverse=True)
    print("min    acc    decl   w_cov unknown foreign threshold min_cov")
    for r in results[:15]:
        best, _, acc, dec, w_cov, unknown, foreign, thr, min_cov = r
        print(f"{best:.3f}  {acc:.3f}  {dec:.3f}  {w_cov:.2f}  {unknown:.1f}     {foreign:.2f}    "
              f"{thr:.2f}      {min_cov:.2f}")


if __name__ == "__main__":
    main()

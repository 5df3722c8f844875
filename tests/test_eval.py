"""The labelled eval sets, run through the real core: accuracy and decline rate must hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core import QA
from bot.evaluate import format_report, load_eval, run_eval

EVAL = Path(__file__).parent / "eval"

# (file, min in-scope accuracy, min out-of-scope decline rate). questions.yaml is the dev set the matcher was tuned on
# and must meet issue 3's 0.95 / 0.95. The held-out sets were written from the articles alone by helpers who never saw
# the knowledge. holdout to holdout6, holdout8, holdout9, holdout11, holdout12, holdout14 (90 declines, 60 traditional),
# holdout15 (chat style), holdout16, holdout19 (Cantonese, formal traditional, chat), holdout20, holdout21, holdout23 to
# holdout25, holdout27 to holdout29, holdout31, holdout33, holdout35 to holdout38, holdout40, holdout41, holdout43,
# holdout45, holdout46, holdout48, holdout49, holdout52, holdout54, holdout55, holdout58, holdout62, holdout63,
# holdout64, holdout67, holdout70 to holdout73, holdout76 to holdout85, holdout88, holdout89, holdout92, holdout93,
# holdout98, holdout99, holdout100 to holdout102, holdout109 to holdout111, holdout115, holdout116, holdout119 to
# holdout121, holdout125 to holdout127, holdout131 to holdout133, holdout140 to holdout142, holdout146 to holdout148,
# holdout152 to holdout154, holdout155 to holdout157 and holdout158 to holdout160 have since been used to diagnose
# failures, so their figures are no longer unseen; so have holdout26 and holdout51, whose failures a failing floor once
# printed. holdout149 to holdout151 (the newest), holdout143 to holdout145, holdout137 to holdout139, holdout134 to
# holdout136, holdout128 to holdout130, holdout122 to holdout124, holdout117, holdout118, holdout112 to holdout114,
# holdout103 to holdout108, holdout94 to holdout97, holdout91, holdout90, holdout87, holdout86, holdout75, holdout74,
# holdout69, holdout68, holdout66, holdout65, holdout61, holdout60, holdout59, holdout57, holdout56, holdout53,
# holdout50, holdout47, holdout44, holdout42, holdout39, holdout34, holdout32, holdout30, holdout22, holdout17,
# holdout18, holdout7, holdout10 and holdout13 have only been measured, not read: they are the honest figures for
# questions nobody prepared for (27 of their questions were once shown by mistake, see README).
# Floors sit one question under today's figures (README "Answer quality").
SETS = [
    ("questions.yaml", 0.99, 0.99),
    ("holdout.yaml", 0.99, 0.99),
    ("holdout2.yaml", 0.99, 0.99),
    ("holdout3.yaml", 0.99, 0.99),
    ("holdout4.yaml", 0.98, 0.97),
    ("holdout5.yaml", 0.98, 0.99),
    ("holdout6.yaml", 0.99, 0.99),
    ("holdout8.yaml", 0.98, 0.99),
    ("holdout9.yaml", 0.98, 0.97),
    ("holdout11.yaml", 0.91, 0.99),
    ("holdout12.yaml", 0.94, 0.92),
    ("holdout14.yaml", 0.97, 0.96),
    ("holdout15.yaml", 0.99, 0.99),
    ("holdout16.yaml", 0.96, 0.97),
    ("holdout19.yaml", 0.98, 0.99),  # Cantonese, formal traditional and chat
    ("holdout20.yaml", 0.94, 0.99),
    ("holdout21.yaml", 0.90, 0.93),  # 60 both-trainings questions (diagnosis)
    ("holdout23.yaml", 0.95, 0.99),  # chat and both-trainings questions (diagnosis)
    ("holdout24.yaml", 0.98, 0.97),
    ("holdout25.yaml", 0.99, 0.99),
    ("holdout27.yaml", 0.96, 0.99),
    ("holdout28.yaml", 0.93, 0.99),  # 40 both-trainings questions (diagnosis)
    ("holdout31.yaml", 0.95, 0.99),  # 40 traditional, 50 chat, 40 both-trainings questions (diagnosis)
    ("holdout29.yaml", 0.98, 0.99),
    ("holdout7.yaml", 0.96, 0.97),
    ("holdout10.yaml", 0.96, 0.97),
    ("holdout13.yaml", 0.96, 0.97),
    ("holdout17.yaml", 0.98, 0.95),
    ("holdout18.yaml", 0.96, 0.99),
    ("holdout22.yaml", 0.94, 0.95),
    ("holdout26.yaml", 0.97, 0.97),  # written unseen; 4 failures once printed by a failing floor
    ("holdout30.yaml", 0.96, 0.97),  # unseen: totals only
    ("holdout32.yaml", 0.98, 0.99),  # unseen (6 of its chat failures once shown, see README)
    ("holdout33.yaml", 0.98, 0.99),  # diagnosis; first run 89.3% / 100%
    ("holdout35.yaml", 0.97, 0.99),  # diagnosis, 35 both-trainings; first run 90.0% / 100%
    ("holdout36.yaml", 0.97, 0.99),  # diagnosis; first run 84.4% / 100%
    ("holdout37.yaml", 0.98, 0.99),  # diagnosis, chat asides; first run 88.8% / 100%
    ("holdout34.yaml", 0.95, 0.97),  # unseen: totals only
    ("holdout38.yaml", 0.96, 0.99),  # diagnosis, 50 both-trainings; first run 89.4% / 97.5%
    ("holdout39.yaml", 0.98, 0.99),  # unseen: totals only
    ("holdout40.yaml", 0.97, 0.99),  # diagnosis; first run 90.8% / 100.0%
    ("holdout41.yaml", 0.96, 0.99),  # diagnosis; first run 89.2% / 100.0%
    ("holdout43.yaml", 0.97, 0.99),  # diagnosis; first run 86.9% / 96.7%
    ("holdout45.yaml", 0.97, 0.99),  # diagnosis; first run 86.2% / 96.7%
    ("holdout42.yaml", 0.95, 0.97),  # unseen: totals only (2 of its questions once shown, see README)
    ("holdout44.yaml", 0.97, 0.95),  # unseen: totals only
    ("holdout46.yaml", 0.97, 0.99),  # diagnosis; first run 88.5% / 100.0%
    ("holdout47.yaml", 0.96, 0.95),  # unseen: totals only
    ("holdout51.yaml", 0.96, 0.99),  # written unseen; 9 failures once printed by a failing floor
    ("holdout50.yaml", 0.96, 0.93),  # unseen: totals only
    ("holdout48.yaml", 0.94, 0.99),  # diagnosis; first run 80.0% / 100.0%
    ("holdout49.yaml", 0.97, 0.98),  # diagnosis; first run 91.3% / 96.0%
    ("holdout52.yaml", 0.97, 0.99),  # diagnosis; first run 86.7% / 100.0%
    ("holdout53.yaml", 0.95, 0.98),  # unseen: totals only
    ("holdout54.yaml", 0.95, 0.99),  # diagnosis, 60 both-trainings; first run 87.5% / 100.0%
    ("holdout55.yaml", 0.98, 0.99),  # diagnosis, 60 chat; first run 93.8% / 100.0%
    ("holdout58.yaml", 0.96, 0.99),  # diagnosis, 50 chat, 40 both; first run 83.1% / 100.0%
    ("holdout59.yaml", 0.98, 0.97),  # unseen: totals only
    ("holdout57.yaml", 0.97, 0.99),  # unseen: totals only
    ("holdout56.yaml", 0.94, 0.99),  # unseen: totals only
    ("holdout62.yaml", 0.91, 0.97),  # diagnosis, 60 chat (stories, wrong guesses), 60 both; first run 78.1% / 97.5%
    ("holdout63.yaml", 0.97, 0.99),  # diagnosis, 70 chat, 40 both; first run 91.2% / 100.0%
    ("holdout61.yaml", 0.96, 0.99),  # unseen: totals only
    ("holdout60.yaml", 0.96, 0.99),  # unseen: totals only
    ("holdout64.yaml", 0.94, 0.99),  # diagnosis, 70 long chat, 40 both; first run 81.9% / 100.0%
    ("holdout67.yaml", 0.92, 0.99),  # diagnosis, 50 chat, 45 both; first run 88.1% / 97.5%
    ("holdout66.yaml", 0.95, 0.97),  # unseen, measured once at the end of its round
    ("holdout65.yaml", 0.95, 0.99),  # unseen, measured once at the end of its round
    ("holdout70.yaml", 0.95, 0.99),  # diagnosis, 55 long chat, 45 both; first run 86.2% / 100.0%
    ("holdout71.yaml", 0.96, 0.97),  # diagnosis, 50 phone-typed chat, 45 both; first run 92.5% / 97.5%
    ("holdout72.yaml", 0.91, 0.99),  # diagnosis, 55 chat, 45 both; first run 87.5% / 100.0%
    ("holdout73.yaml", 0.94, 0.99),  # diagnosis, 50 second-hand chat, 45 both; first run 92.5% / 100.0%
    ("holdout69.yaml", 0.96, 0.98),  # unseen, measured once at the end of its round
    ("holdout68.yaml", 0.94, 0.97),  # unseen, measured once at the end of its round
    ("holdout76.yaml", 0.96, 0.99),  # diagnosis, 60 chat (two questions, follow-ups), 40 both; first run 93.8% / 100.0%
    ("holdout77.yaml", 0.97, 0.99),  # diagnosis, 50 chat, 55 both; first run 91.2% / 100.0%
    ("holdout78.yaml", 0.95, 0.99),  # diagnosis, 55 half-remembered chat, 35 both; first run 90.6% / 100.0%
    ("holdout79.yaml", 0.95, 0.99),  # diagnosis, 50 group-chat fragments, 40 both; first run 93.1% / 100.0%
    ("holdout80.yaml", 0.98, 0.99),  # diagnosis, 45 chat, 40 both (teachers); first run 93.8% / 100.0%
    ("holdout81.yaml", 0.95, 0.99),  # diagnosis, voice-typed and Cantonese; first run 87.5% / 100.0%
    ("holdout82.yaml", 0.98, 0.99),  # diagnosis, students: methods, likenesses, near misses; first run 96.2% / 100.0%
    ("holdout83.yaml", 0.93, 0.99),  # diagnosis, journalists' formal paraphrase, 35 both; first run 84.4% / 100.0%
    ("holdout84.yaml", 0.95, 0.99),  # diagnosis, older askers confirming wrong details; first run 91.2% / 100.0%
    ("holdout85.yaml", 0.95, 0.99),  # diagnosis, hurried fragments; first run 93.1% / 100.0%
    ("holdout75.yaml", 0.96, 0.99),  # unseen, measured once at the end of its round
    ("holdout74.yaml", 0.96, 0.97),  # unseen, measured once at the end of its round
    ("holdout86.yaml", 0.96, 0.97),  # unseen, measured once at the end of its round
    ("holdout87.yaml", 0.96, 0.99),  # unseen, measured once at the end of its round
    ("holdout88.yaml", 0.96, 0.99),  # diagnosis, stories and two questions in one, 35 both; first run 90.6% / 100.0%
    ("holdout89.yaml", 0.98, 0.99),  # diagnosis, terse Cantonese, 35 both; first run 95.6% / 100.0%
    ("holdout90.yaml", 0.95, 0.95),  # unseen, measured once at the end of its round
    ("holdout91.yaml", 0.92, 0.97),  # unseen, measured once at the end of its round
    ("holdout92.yaml", 0.97, 0.99),  # diagnosis, stories and two questions in one, 35 both; first run 93.1% / 100.0%
    ("holdout93.yaml", 0.98, 0.99),  # diagnosis, terse slang, comparisons; first run 94.4% / 100.0%
    ("holdout98.yaml", 0.95, 0.99),  # diagnosis, 55 both of every shape, 55 chat; first run 92.5% / 100.0%
    ("holdout99.yaml", 0.94, 0.97),  # diagnosis, phone fragments as keywords, 55 both; first run 88.8% / 70.0%
    ("holdout94.yaml", 0.96, 0.99),  # unseen; measured at the end of each round, never read
    ("holdout95.yaml", 0.92, 0.99),  # unseen; measured at the end of each round, never read
    ("holdout96.yaml", 0.95, 0.99),  # unseen; measured at the end of each round, never read
    ("holdout97.yaml", 0.96, 0.99),  # unseen; measured at the end of each round, never read
    ("holdout100.yaml", 0.94, 0.99),  # diagnosis, retired cadres' long stories; first run 88.1% / 95.0%
    ("holdout101.yaml", 0.96, 0.99),  # diagnosis, comparisons of the two, 35 both; first run 93.8% / 100.0%
    ("holdout102.yaml", 0.92, 0.99),  # diagnosis, 80 both-trainings questions; first run 88.1% / 100.0%
    ("holdout103.yaml", 0.96, 0.99),  # unseen; first run 95.0% / 100.0%
    ("holdout104.yaml", 0.90, 0.97),  # unseen; first run 88.1% / 97.5%
    ("holdout105.yaml", 0.96, 0.99),  # unseen; first run 96.9% / 100.0%
    ("holdout106.yaml", 0.97, 0.99),  # unseen; first run 98.1% / 100.0%
    ("holdout107.yaml", 0.93, 0.99),  # unseen; first run 91.2% / 100.0%
    ("holdout108.yaml", 0.95, 0.94),  # unseen; first run 94.4% / 95.0%
    ("holdout109.yaml", 0.96, 0.99),  # diagnosis, WeChat groups, varied both; first run 89.4% / 100.0%
    ("holdout110.yaml", 0.95, 0.97),  # diagnosis, talk-show hosts' anecdotes; first run 93.1% / 97.5%
    ("holdout111.yaml", 0.95, 0.97),  # diagnosis, student volunteers, two in one; first run 88.8% / 97.5%
    ("holdout112.yaml", 0.94, 0.97),  # unseen; first run 92.5% / 97.5%
    ("holdout113.yaml", 0.93, 0.99),  # unseen; first run 90.0% / 100.0%
    ("holdout114.yaml", 0.95, 0.99),  # unseen; first run 93.1% / 100.0%
    ("holdout115.yaml", 0.96, 0.97),  # diagnosis, trainees' families, second-hand; first run 93.1% / 97.5%
    ("holdout116.yaml", 0.98, 0.97),  # diagnosis, researchers comparing the two; first run 95.6% / 97.5%
    ("holdout117.yaml", 0.93, 0.95),  # unseen; first run 93.1% / 97.5% (one decline lost to 晚上有什么安排)
    ("holdout118.yaml", 0.96, 0.99),  # unseen; first run 96.2% / 100.0%
    ("holdout119.yaml", 0.97, 0.97),  # diagnosis, 广东 officials and 湖北 retirees; first run 93.1% / 100.0%
    ("holdout120.yaml", 0.94, 0.97),  # diagnosis, journalism students and cadres' families; first run 91.2% / 100.0%
    ("holdout121.yaml", 0.98, 0.97),  # diagnosis, Hong Kong readers, graduate village officials; first 96.2% / 100.0%
    ("holdout122.yaml", 0.96, 0.97),  # unseen; first run 95.6% / 100.0%
    ("holdout123.yaml", 0.92, 0.97),  # unseen; first run 93.1% / 100.0%
    ("holdout124.yaml", 0.93, 0.97),  # unseen; first run 94.4% / 97.5%
    ("holdout125.yaml", 0.94, 0.97),  # diagnosis, voice-input elders, Cantonese office workers; first 88.1% / 100.0%
    ("holdout126.yaml", 0.95, 0.97),  # diagnosis, new township cadres and village accountants; first run 94.4% / 100.0%
    ("holdout127.yaml", 0.94, 0.97),  # diagnosis, news editors and school essays; first run 91.2% / 100.0%
    ("holdout128.yaml", 0.91, 0.97),  # unseen; first run 90.6% / 100.0%
    ("holdout129.yaml", 0.93, 0.97),  # unseen; first run 92.5% / 100.0%
    ("holdout130.yaml", 0.95, 0.95),  # unseen; first run 93.1% / 97.5%
    ("holdout131.yaml", 0.98, 0.97),  # diagnosis, varied ages and regions; first run 95.6% / 100.0%
    ("holdout132.yaml", 0.97, 0.97),  # diagnosis, busy village cadres on phones; first run 94.4% / 100.0%
    ("holdout133.yaml", 0.97, 0.97),  # diagnosis, journalists, students, retirees; first run 94.4% / 100.0%
    ("holdout134.yaml", 0.96, 0.97),  # unseen; first run 96.9% / 100.0%
    ("holdout135.yaml", 0.92, 0.95),  # unseen; first run 91.2% / 97.5%
    ("holdout136.yaml", 0.91, 0.97),  # unseen; first run 90.6% / 100.0%
    ("holdout137.yaml", 0.93, 0.95),  # unseen (newest); first run (late in the round) 93.1% / 97.5%
    ("holdout138.yaml", 0.91, 0.97),  # unseen (newest); first run (late in the round) 91.2% / 100.0%
    ("holdout139.yaml", 0.98, 0.95),  # unseen; first run (late in the round) 96.9% / 97.5%
    ("holdout140.yaml", 0.96, 0.97),  # diagnosis, township and village cadres chatting; first run 95.0% / 100.0%
    ("holdout141.yaml", 0.95, 0.92),  # diagnosis, journalism students, retired teachers; first run 93.1% / 95.0%
    ("holdout142.yaml", 0.98, 0.97),  # diagnosis, Hong Kong and Macau askers; first run 95.0% / 100.0%
    ("holdout146.yaml", 0.95, 0.97),  # diagnosis, rural entrepreneurs and tourism operators; first run 93.8% / 100.0%
    ("holdout147.yaml", 0.91, 0.92),  # diagnosis, elderly members and grandchildren typing; first run 91.2% / 95.0%
    ("holdout148.yaml", 0.96, 0.97),  # diagnosis, exam candidates and teachers; first run 93.8% / 100.0%
    ("holdout152.yaml", 0.94, 0.97),  # diagnosis, young village officials in internet slang; first run 92.5% / 100.0%
    ("holdout153.yaml", 0.93, 0.95),  # diagnosis, Cantonese-Mandarin mix and Hubei speech; first run 93.8% / 97.5%
    ("holdout154.yaml", 0.95, 0.95),  # diagnosis, point-by-point comparisons, late details; first run 94.4% / 97.5%
    ("holdout155.yaml", 0.93, 0.95),  # diagnosis, cadres elsewhere copying the methods; first run 91.9% / 97.5%
    ("holdout156.yaml", 0.96, 0.97),  # diagnosis, trainees' families half-remembering; first run 96.9% / 100.0%
    ("holdout157.yaml", 0.95, 0.97),  # diagnosis, short direct questions, wrong numbers; first run 93.8% / 100.0%
    ("holdout158.yaml", 0.88, 0.95),  # diagnosis, long preambles before the question; first run 88.1% / 97.5%
    ("holdout159.yaml", 0.93, 0.95),  # diagnosis, "the training" unnamed, compared; first run 93.8% / 97.5%
    ("holdout160.yaml", 0.88, 0.95),  # diagnosis, fast Cantonese typing, Hubei dialect; first run 89.4% / 92.5%
    ("holdout143.yaml", 0.91, 0.97),  # unseen; first run (early in the round) 91.9% / 100.0%
    ("holdout144.yaml", 0.95, 0.97),  # unseen; first run (early in the round) 95.6% / 100.0%
    ("holdout145.yaml", 0.96, 0.92),  # unseen; first run (early in the round) 96.9% / 92.5%
    ("holdout149.yaml", 0.91, 0.95),  # unseen (newest); first run (at the round's end) 91.9% / 97.5%
    ("holdout150.yaml", 0.92, 0.95),  # unseen (newest); first run (at the round's end) 93.1% / 97.5%
    ("holdout151.yaml", 0.96, 0.97),  # unseen (newest); first run (at the round's end) 96.9% / 100.0%
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

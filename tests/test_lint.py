"""Lint warnings inside `check`: variants matched to another fact, near-duplicate facts, missing variants."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core import QA
from bot.knowledge import PROJECT_ROOT, load_knowledge
from bot.lint import is_colloquial, lint, misranked, missing_variants, near_duplicates

SEEDS = PROJECT_ROOT / "seeds"
MM_QUOTE = "4月24日至26日,茂名市所有鎮(街)黨(工)委書記參加「柏橋講堂·百人課堂」大培訓。"
HB_QUOTE = "“四天半的学习时间虽短,但会潜移默化地影响到全省每一位村干部。”"

MAOMING_DAYS = f"""\
article: maoming-2024
facts:
- id: mm-days
  questions:
  - 茂名镇街书记培训是哪几天？
  - 茂名培訓是哪幾天？
  - {{stolen}}
  answer: 茂名培训于4月24日至26日举行。
  quotes:
  - {MM_QUOTE}
"""

BOTH_DAYS = f"""\
facts:
- id: both-days
  questions:
  - 培训一共几天？
  - 培訓一共幾天？
  - 学了几天啊
  parts:
  - article: maoming-2024
    answer: 茂名的培训为期3天。
    quotes:
    - {MM_QUOTE}
  - article: hubei-2023
    answer: 湖北村书记培训的学习时间为四天半。
    quotes:
    - {HB_QUOTE}
"""

HUBEI_DAYS = f"""\
article: hubei-2023
facts:
- id: hb-days
  questions:
  - 培训一共几天？
  - 培訓一共幾天？
  - 学了几天啊
  answer: 湖北村书记培训的学习时间为四天半。
  quotes:
  - {HB_QUOTE}
"""


def _mini(tmp_path: Path, files: dict[str, str]) -> Path:
    """A small knowledge directory: the real articles and vocabulary, and the given facts files."""
    kdir = tmp_path / "mini"
    kdir.mkdir()
    for name in ("articles.yaml", "vocabulary.yaml"):
        shutil.copy(PROJECT_ROOT / "knowledge" / name, kdir / name)
    for name, text in files.items():
        (kdir / name).write_text(text, "utf-8")
    return kdir


# a maoming question that names Hubei: the matcher sends it elsewhere (the other-training penalty)
STOLEN = "湖北培训一共几天呀"


def test_variant_ranked_to_another_fact_is_a_warning(tmp_path: Path) -> None:
    kb = load_knowledge(_mini(tmp_path, {"mm.yaml": MAOMING_DAYS.format(stolen=STOLEN), "hb.yaml": HUBEI_DAYS}),
                        SEEDS)
    warnings = misranked(kb)
    assert len(warnings) == 1
    w = warnings[0]
    assert w.warning and w.fact == "mm-days" and w.file == "mm.yaml" and w.line == kb.fact("mm-days").line
    assert STOLEN in w.message and "hb-days" in w.message and "hb.yaml:" in w.message


def test_variant_ranked_to_a_fact_spanning_its_training_is_fine(tmp_path: Path) -> None:
    kb = load_knowledge(_mini(tmp_path, {"mm.yaml": MAOMING_DAYS.format(stolen=STOLEN), "both.yaml": BOTH_DAYS}),
                        SEEDS)
    from bot.index_cache import build_matcher

    assert build_matcher(kb).analyse(STOLEN).candidates[0].fact_id == "both-days"  # the case under test
    assert misranked(kb) == []


def _append_fact(kdir: Path, text: str) -> None:
    path = kdir / "maoming-2024.yaml"
    path.write_text(path.read_text("utf-8").rstrip("\n") + "\n" + text, "utf-8")


def test_near_duplicate_facts(kcopy: Path, qa: QA) -> None:
    dates = qa.kb.fact("mm-dates").parts[0]
    nearly = dates.answer[:-1] + "！"  # one character differs
    _append_fact(kcopy, f"""\
- id: mm-dates-copy
  questions:
  - 茂名的大培训从哪天到哪天
  - 茂名大培訓從哪天到哪天
  - 茂名那个培训几号开的
  answer: {dates.answer}
  quotes:
  - {MM_QUOTE}
- id: mm-dates-near
  questions:
  - 茂名镇街书记集中学习是几号
  - 茂名鎮街書記集中學習是幾號
  - 镇街书记几号上的课
  answer: {nearly}
  quotes:
  - {MM_QUOTE}
""")
    kb = load_knowledge(kcopy, SEEDS)
    found = {(p.fact, p.message.split(" as fact ")[1].split(" ")[0]) for p in near_duplicates(kb)}
    assert ("mm-dates-copy", "mm-dates") in found
    assert ("mm-dates-near", "mm-dates") in found or ("mm-dates-near", "mm-dates-copy") in found
    texts = [str(p) for p in near_duplicates(kb) if p.fact == "mm-dates-copy"]
    assert any("the same answer" in t for t in texts)


FORMAL_ONLY = f"""\
- id: mm-formal-only
  questions:
  - 茂名市镇街党委书记集中培训的具体起止日期是什么
  - 请问茂名市镇街党委书记大培训的举办日期是什么
  - 茂名市所有镇街党委书记参加的培训于何日开始举办
  answer: 培训于4月24日至26日举行。
  quotes:
  - {MM_QUOTE}
"""


def test_missing_traditional_and_colloquial_variants(kcopy: Path) -> None:
    _append_fact(kcopy, FORMAL_ONLY)
    kb = load_knowledge(kcopy, SEEDS)
    mine = [p for p in missing_variants(kb) if p.fact == "mm-formal-only"]
    assert len(mine) == 2 and all(p.warning for p in mine)
    assert any("traditional" in p.message for p in mine) and any("colloquial" in p.message for p in mine)
    line = next(i for i, t in enumerate((kcopy / "maoming-2024.yaml").read_text("utf-8").splitlines(), 1)
                if "id: mm-formal-only" in t)
    assert mine[0].file == "maoming-2024.yaml" and mine[0].line == line


@pytest.mark.parametrize(("question", "colloquial"), [
    ("在哪培训的", True),  # short
    ("茂名那篇文章的作者叫啥", True),  # spoken word
    ("茂名培訓的學員是誰呀？", True),  # traditional, spoken particle
    ("每周听一个镇汇报这事儿是咋回事", True),  # 咋, which fold() rewrites to 怎么 for matching
    ("茂名市镇街党委书记集中培训的具体起止日期是什么", False),
])
def test_colloquial_rule(question: str, colloquial: bool) -> None:
    assert is_colloquial(question) is colloquial


def test_real_knowledge_lints_to_warnings_with_fact_locations(qa: QA) -> None:
    facts = {f.id: f for f in qa.kb.facts}
    for p in lint(qa.kb):
        assert p.warning
        assert p.fact in facts and (p.file, p.line) == (facts[p.fact].file, facts[p.fact].line)


def test_check_prints_warnings_and_still_succeeds(kcopy: Path) -> None:
    _append_fact(kcopy, FORMAL_ONLY)
    run = [sys.executable, "-m", "bot", "check", "--knowledge", str(kcopy)]
    res = subprocess.run(run, capture_output=True, cwd=PROJECT_ROOT, timeout=120)
    out = res.stdout.decode()
    assert res.returncode == 0, out + res.stderr.decode()
    assert "maoming-2024.yaml:" in out and "mm-formal-only: warning: no question in traditional script" in out
    res = subprocess.run([*run, "--no-lint"], capture_output=True, cwd=PROJECT_ROOT, timeout=120)
    assert res.returncode == 0 and "mm-formal-only" not in res.stdout.decode()

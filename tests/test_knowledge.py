"""The real knowledge validates; every kind of broken knowledge gives FILE:LINE: fact: problem, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.knowledge import PROJECT_ROOT, check_knowledge, load_knowledge
from bot.schema import schema_texts
from tests.conftest import KNOWLEDGE, SEEDS

SHARED_SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"


def run_check(kdir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", "check", "--no-lint", "--knowledge", str(kdir)],
                          capture_output=True, text=True, timeout=120)


def test_real_knowledge_is_valid_and_sizeable() -> None:
    kb, problems = check_knowledge(KNOWLEDGE, SEEDS)
    assert kb is not None, [str(p) for p in problems]
    assert not [p for p in problems if not p.warning]
    per = {aid: sum(1 for f in kb.facts if f.articles == (aid,)) for aid in kb.articles}
    assert per["maoming-2024"] >= 45 and per["hubei-2023"] >= 40
    assert any(len(f.parts) == 2 for f in kb.facts), "facts spanning both trainings"


def test_every_quote_is_verbatim_in_its_seed() -> None:
    kb = load_knowledge(KNOWLEDGE, SEEDS)
    n = 0
    for fact in kb.facts:
        for part in fact.parts:
            for quote in part.quotes:
                assert quote in kb.articles[part.article].text, (fact.id, quote)
                n += 1
    assert n >= 100


def test_facts_have_three_variants_and_simplified_answers() -> None:
    from bot.normalize import to_simplified

    kb = load_knowledge(KNOWLEDGE, SEEDS)
    for fact in kb.facts:
        assert len(fact.questions) >= 3, fact.id
        for part in fact.parts:
            assert to_simplified(part.answer) == part.answer, f"{fact.id}: answer not in simplified script"


def test_article_metadata_only_what_the_seeds_state() -> None:
    kb = load_knowledge(KNOWLEDGE, SEEDS)
    mm, hb = kb.articles["maoming-2024"].meta, kb.articles["hubei-2023"].meta
    assert (mm.outlet, mm.published, mm.time, mm.editor, mm.reporter) == (
        "香港商報網", "2024-04-27", "17:26:55", "郭昕玥", "賀爾達")
    assert (hb.outlet, hb.source, hb.published, hb.time, hb.editor, hb.reporter) == (
        "共产党员网", "湖北日报", "2023-05-29", "18:15", None, None)


def test_seeds_byte_identical_to_shared() -> None:
    if not SHARED_SEEDS.is_dir():
        pytest.skip("../shared/seeds not beside the project")
    shared = sorted(p.name for p in SHARED_SEEDS.iterdir())
    assert shared == sorted(p.name for p in SEEDS.iterdir())
    for name in shared:
        assert (SEEDS / name).read_bytes() == (SHARED_SEEDS / name).read_bytes(), name


def test_committed_schema_is_current() -> None:
    for name, text in schema_texts().items():
        committed = (KNOWLEDGE / "schema" / name).read_text("utf-8")
        assert committed == text, f"knowledge/schema/{name} is stale: run `training-bot schema`"


def test_every_yaml_points_to_its_schema() -> None:
    for path in KNOWLEDGE.glob("*.yaml"):
        first = path.read_text("utf-8").splitlines()[0]
        kind = {"articles.yaml": "articles", "vocabulary.yaml": "vocabulary"}.get(path.name, "facts")
        assert first == f"# yaml-language-server: $schema=schema/{kind}.json", path.name


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), "utf-8")


def _line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(needle)


GOOD = """# yaml-language-server: $schema=schema/facts.json
article: maoming-2024
facts:
  - id: mm-extra
    questions:
      - 培训头一天是几号
      - 培訓頭一天是幾號
      - 头一天几号
    answer: 培训从4月24日开始。
    quotes:
      - 4月24日至26日
"""

BROKEN = [
    # (file, old, new, expected fragment of the message, fact id or None); edits apply to GOOD in zz-extra.yaml
    ("zz-extra.yaml", "    answer:", "    colour: red\n    answer:", "unknown field 'colour'", "mm-extra"),
    ("zz-extra.yaml", "answer: 培训从4月24日开始。", "answer: no", "YAML read the unquoted value False as a boolean",
     "mm-extra"),
    ("zz-extra.yaml", "      - 头一天几号", "      - 9:30", "the number 570", "mm-extra"),
    ("zz-extra.yaml", "    questions:\n      - 培训头一天是几号\n      - 培訓頭一天是幾號\n      - 头一天几号",
     "    questions: [培训头一天是几号?, 头一天几号]", "a question ending in '?' inside [ ... ]", None),
    ("zz-extra.yaml", "      - 4月24日至26日", "      - 4月24日至26日,茂名市所有镇(街)党(工)委书记参加",
     "closest passage: «", "mm-extra"),
    ("zz-extra.yaml", "article: maoming-2024", "article: shenzhen-2025", "unknown article 'shenzhen-2025'", None),
    ("zz-extra.yaml", "id: mm-extra", "id: mm-dates", "duplicate id", "mm-dates"),
    ("zz-extra.yaml", "      - 头一天几号\n", "", "at least 3", "mm-extra"),
    ("zz-extra.yaml", "    answer:", "\tanswer:", "tab", None),
    ("zz-extra.yaml", "    questions:", "    overview: true\n    questions:", "overview: true needs parts", "mm-extra"),
    ("zz-extra.yaml", "    quotes:", "    answer: again\n    quotes:", "appears twice", None),
    ("articles.yaml", '    published: "2024-04-27"', "    published: 2024-04-27", "as a date", "maoming-2024"),
    ("articles.yaml", "    editor: 郭昕玥", "    editor: 王五", "does not appear in the seed", "maoming-2024"),
]


@pytest.mark.parametrize(("fname", "old", "new", "fragment", "fact"), BROKEN, ids=[b[3][:30] for b in BROKEN])
def test_broken_knowledge_reports_file_line_fact(kcopy: Path, fname: str, old: str, new: str, fragment: str,
                                                 fact: str | None) -> None:
    (kcopy / "zz-extra.yaml").write_text(GOOD, "utf-8")
    assert check_knowledge(kcopy, SEEDS)[0] is not None, "the unbroken extra file is valid"
    _edit(kcopy / fname, old, new)
    kb, problems = check_knowledge(kcopy, SEEDS)
    assert kb is None
    hits = [p for p in problems if fragment in p.message]
    assert hits, [str(p) for p in problems]
    p = hits[0]
    assert p.file == fname
    if fact is not None:
        assert p.fact == fact
    # the line is the edited one (or its fact's first line for a missing item)
    edited = _line_of(kcopy / fname, new.strip().splitlines()[0].strip()) if new.strip() else p.line
    assert abs(p.line - edited) <= 4, (p.line, edited)


def test_same_question_in_two_facts(kcopy: Path) -> None:
    kb = load_knowledge(kcopy, SEEDS)
    q = kb.fact("mm-dates").questions[0]
    (kcopy / "zz-extra.yaml").write_text(GOOD.replace("头一天几号", q), "utf-8")
    _, problems = check_knowledge(kcopy, SEEDS)
    assert any("is also a question of fact mm-dates" in p.message and p.fact == "mm-extra" for p in problems)


def test_check_cli_reports_every_error_and_exits_1(kcopy: Path) -> None:
    (kcopy / "zz-extra.yaml").write_text(GOOD.replace("    answer:", "    colour: red\n    answer:"), "utf-8")
    _edit(kcopy / "hubei-2023.yaml", "article: hubei-2023", "article: wuhan")
    res = run_check(kcopy)
    assert res.returncode == 1
    lines = [ln for ln in res.stdout.splitlines() if ln]
    assert any(ln.startswith("zz-extra.yaml:9: mm-extra: unknown field 'colour'") for ln in lines), lines
    assert any(ln.startswith("hubei-2023.yaml:") and "unknown article" in ln for ln in lines)
    assert "Traceback" not in res.stdout + res.stderr


@pytest.mark.parametrize("damage", ["missing-dir", "binary", "empty", "not-utf8", "huge", "no-articles", "list-top"])
def test_hostile_files_give_messages_not_tracebacks(kcopy: Path, damage: str) -> None:
    target = kcopy
    f = kcopy / "maoming-2024.yaml"
    if damage == "missing-dir":
        target = kcopy / "nope"
    elif damage == "binary":
        f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    elif damage == "empty":
        f.write_text("", "utf-8")
    elif damage == "not-utf8":
        f.write_bytes("article: maoming-2024\n# 茂名\n".encode("gbk"))
    elif damage == "huge":
        f.write_text("# x\n" * 1_000_000, "utf-8")
    elif damage == "no-articles":
        (kcopy / "articles.yaml").unlink()
    elif damage == "list-top":
        f.write_text("- a\n- b\n", "utf-8")
    res = run_check(target)
    assert res.returncode == 1
    assert "Traceback" not in res.stdout + res.stderr
    first = res.stdout.splitlines()[0]
    assert first.count(":") >= 3, first  # FILE:LINE: fact: problem

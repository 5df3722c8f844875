"""The start-up caches: validated knowledge reused only for the same bytes, jieba's prefix dictionary read whole."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import bot.index_cache as ic
from bot.knowledge import PROJECT_ROOT, KnowledgeError
from bot.tokenize import Segmenter

SEEDS = PROJECT_ROOT / "seeds"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    where.mkdir()
    monkeypatch.setenv("TRAINING_BOT_CACHE", str(where))
    return where


def _no_validation(*_: object) -> None:
    raise AssertionError("validated again")


def test_same_files_skip_validation(kcopy: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = ic.load_knowledge_cached(kcopy, SEEDS)
    assert len(list(cache.glob("knowledge-*.pickle"))) == 1
    monkeypatch.setattr(ic, "load_knowledge", _no_validation)
    again = ic.load_knowledge_cached(kcopy, SEEDS)
    assert again == first and again.digest == first.digest  # same digest: the same cached index serves it
    assert again.fact("mm-dates").parts == first.fact("mm-dates").parts
    with pytest.raises(TypeError):  # still read-only after the round trip
        again.articles["x"] = again.articles["maoming-2024"]  # type: ignore[index]


def test_edited_knowledge_is_validated_again(kcopy: Path, cache: Path) -> None:
    quote = ic.load_knowledge_cached(kcopy, SEEDS).fact("mm-dates").parts[0].quotes[0]
    facts = kcopy / "maoming-2024.yaml"
    text = facts.read_text("utf-8")
    assert quote in text
    facts.write_text(text.replace(quote, quote + "（编造）", 1), "utf-8")
    with pytest.raises(KnowledgeError) as err:
        ic.load_knowledge_cached(kcopy, SEEDS)
    assert "not verbatim" in str(err.value.problems[0])


def test_an_edited_answer_is_served(kcopy: Path, cache: Path) -> None:
    before = ic.load_knowledge_cached(kcopy, SEEDS)
    old = before.fact("mm-dates").parts[0].answer
    facts = kcopy / "maoming-2024.yaml"
    facts.write_text(facts.read_text("utf-8").replace(old, old + "（已更新）"), "utf-8")
    after = ic.load_knowledge_cached(kcopy, SEEDS)
    assert after.fact("mm-dates").parts[0].answer == old + "（已更新）"
    assert after.digest != before.digest


def test_an_edited_seed_is_validated_again(kcopy: Path, cache: Path, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for p in SEEDS.iterdir():
        (seeds / p.name).write_bytes(p.read_bytes())
    ic.load_knowledge_cached(kcopy, seeds)
    seed = next(p for p in seeds.iterdir() if "茂名" in p.read_text("utf-8"))
    seed.write_text(seed.read_text("utf-8").replace("莊悅群", "某某"), "utf-8")  # the seed is traditional
    with pytest.raises(KnowledgeError):  # quotes naming 庄悦群 are no longer verbatim
        ic.load_knowledge_cached(kcopy, seeds)


@pytest.mark.parametrize("damage", ["garbage", "group-writable"])
def test_a_bad_cache_file_is_ignored(kcopy: Path, cache: Path, damage: str) -> None:
    first = ic.load_knowledge_cached(kcopy, SEEDS)
    (path,) = cache.glob("knowledge-*.pickle")
    if damage == "garbage":
        path.write_bytes(b"\x80\x05not a pickle")
    else:
        os.chmod(path, 0o666)  # someone else could have planted it: unpickling it would run their code
    assert ic.load_knowledge_cached(kcopy, SEEDS) == first


def test_missing_directory_is_a_knowledge_error(cache: Path, tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError) as err:
        ic.load_knowledge_cached(tmp_path / "nowhere", SEEDS)
    assert "knowledge directory not found" in str(err.value.problems[0])


def test_prefix_dictionary_cache_is_used_and_a_broken_one_rebuilt(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jieba

    Segmenter(["庄悦群"])  # builds the dictionary and jieba's cache of it
    (jcache,) = cache.glob("dict-*.cache")
    with monkeypatch.context() as m:
        m.setattr(jieba.Tokenizer, "initialize", _no_validation)
        assert Segmenter(["庄悦群"]).cut("庄悦群讲了什么") == ["庄悦群", "讲", "了", "什么"]
    jcache.write_bytes(b"broken")
    os.utime(jcache)  # still newer than the dictionary: only its content is wrong
    assert Segmenter(["庄悦群"]).cut("庄悦群讲了什么") == ["庄悦群", "讲", "了", "什么"]


def test_answers_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    # a set's order changes with PYTHONHASHSEED; an index built from one, then cached, read 坡新镇 (a typo of 坡心镇)
    # as 坡心镇 in one process and as 坡新铺镇 in the next
    questions = "坡新镇党委书记叫什么？\n尧冶河村党委书记叫什么名字\n庄月群提了哪四大要求\n饶治河村有多少人口\n"
    outputs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "TRAINING_BOT_CACHE": str(tmp_path / f"cache-{seed}")}
        run = subprocess.run([sys.executable, "-m", "bot", "ask", "--json", "-"], input=questions.encode(),
                             capture_output=True, env=env, cwd=PROJECT_ROOT, check=True, timeout=120)
        outputs.append(run.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    assert "高锦乔" in outputs[0].decode()


def test_traditional_renderings_are_made_once_and_match_opencc(cache: Path) -> None:
    import opencc

    from bot.answer import shown_texts
    from bot.knowledge import load_knowledge

    texts = shown_texts(load_knowledge(PROJECT_ROOT / "knowledge", SEEDS))
    table = ic.traditional_renderings(texts)
    s2tw = opencc.OpenCC("s2tw")
    assert table.keys() == texts and all(table[t] == s2tw.convert(t) for t in texts)
    assert table["这两篇文章没有讲到这个问题，我不能乱说。你可以试试下面这些问题："].startswith("這兩篇文章")
    (path,) = cache.glob("traditional-*.pickle")
    path.write_bytes(b"\x80\x05not a pickle")  # a broken cache is made again, not served
    assert ic.traditional_renderings(texts) == table
    assert ic.traditional_renderings(texts | {"新的答案"})["新的答案"] == "新的答案"  # other texts: another file
    assert len(list(cache.glob("traditional-*.pickle"))) == 2


def test_a_one_shot_traditional_answer_does_not_load_the_converter(cache: Path) -> None:
    # OpenCC's s2tw tables take 0.2 s to load: with the renderings cached, a one-shot ask in traditional skips them
    probe = ("import sys; from bot.core import QA; from bot.render_text import render_text; import bot.normalize as n;"
             "qa = QA.load(); print(render_text(qa.ask(sys.argv[1]))); print(n._converter.cache_info().currsize)")
    runs = [subprocess.run([sys.executable, "-c", probe, q], capture_output=True, text=True, cwd=PROJECT_ROOT,
                           env={**os.environ, "TRAINING_BOT_CACHE": str(cache)}, check=True, timeout=120)
            for q in ("預熱", "茂名培訓哪幾天", "兩次培訓分別在哪裡舉辦?")]
    for run in runs[1:]:
        text, converters = run.stdout.rsplit("\n", 2)[:2]
        assert converters == "1"  # t2s only, for reading the question
        assert "出處：" in text and "培訓" in text and "培训" not in text.split("「")[0]

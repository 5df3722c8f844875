"""The cached jieba dictionary: built once per lexicon, old ones pruned, function words known."""

from __future__ import annotations

import time
from pathlib import Path

from bot.tokenize import KEEP_DICTIONARIES, Segmenter


def test_new_lexicons_prune_old_dictionaries(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TRAINING_BOT_CACHE", str(tmp_path))
    for i in range(KEEP_DICTIONARIES + 2):
        seg = Segmenter([f"测试词{i}"])
        assert seg.cut(f"这是测试词{i}吗")[-2] == f"测试词{i}"
        time.sleep(0.01)  # strictly newer modification times, whatever the file system's resolution
    assert len(list(tmp_path.glob("dict-*.txt"))) == KEEP_DICTIONARIES
    # every kept dictionary still has its companions
    for d in tmp_path.glob("dict-*.txt"):
        assert d.with_suffix(".names").exists() and d.with_suffix(".function").exists()


def test_function_words_come_from_jiebas_tags(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TRAINING_BOT_CACHE", str(tmp_path))
    seg = Segmenter(["庄悦群"])
    assert seg.is_function("一块儿") and seg.is_function("另外")
    assert not seg.is_function("学历") and not seg.is_function("庄悦群")


def test_changing_the_tag_sets_rebuilds_the_word_lists(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # a cached .function file from other tags would silently keep the old function words
    import bot.tokenize as tk

    monkeypatch.setenv("TRAINING_BOT_CACHE", str(tmp_path))
    assert Segmenter(["庄悦群"]).is_function("好多")  # 好多 is tagged m (a numeral phrase)
    assert not Segmenter(["庄悦群"]).is_function("一把手")  # tagged m too, but a subject: long numerals stay
    monkeypatch.setattr(tk, "FUNCTION_TAGS", tk.FUNCTION_TAGS - {"m"})
    assert not Segmenter(["庄悦群"]).is_function("好多")

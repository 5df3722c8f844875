"""Any Unicode a user can send yields an answer or a decline, quickly, and JSON that encodes."""

from __future__ import annotations

import json
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core import QA
from bot.normalize import clean, detect_script, fold, in_script

# Text as users send it: every code point (surrogates arrive replaced), heavy on CJK, controls, bidi marks, emoji.
NASTY = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(list("\u200b\u200d\u202e\u2066\u2028\ufeff\x00\r\t\x1b<>&\"'")),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),
)
TEXT = st.text(NASTY, max_size=300)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(TEXT)
def test_fold_is_idempotent_and_clean(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert not any(ch in once for ch in "\u200b\u202e\ufeff\x00")


@SETTINGS
@given(TEXT)
def test_script_round_trip_keeps_simplified_answers(text: str) -> None:
    assert detect_script(text) in ("simplified", "traditional")
    assert isinstance(in_script(clean(text), "traditional"), str)


@SETTINGS
@given(TEXT)
def test_ask_never_raises_and_is_well_formed(qa: QA, text: str) -> None:
    t = time.perf_counter()
    answer = qa.ask(text)
    assert time.perf_counter() - t < 2.0  # generous: a bound, not a benchmark
    obj = json.loads(json.dumps(answer.to_dict(), ensure_ascii=False))
    assert obj["answered"] == bool(answer.parts)
    if answer.answered:
        for cite in obj["citations"]:
            assert cite["quote"] in qa.kb.articles[cite["article"]].text
    else:
        assert obj["answer"] and len(obj["suggestions"]) <= 3


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(NASTY, min_size=1, max_size=500).map(lambda s: (s * (100_000 // len(s) + 1))[:100_000]))
def test_huge_input_is_bounded(qa: QA, text: str) -> None:
    t = time.perf_counter()
    answer = qa.ask(text)
    assert time.perf_counter() - t < 2.0
    assert not answer.answered or len(clean(text)) <= 500


def test_lone_surrogates_and_replacement_chars(qa: QA) -> None:
    for text in ("\ud800茂名", "培训\udfff哪几天", "\ufffd\ufffd", "\x00" * 10):
        answer = qa.ask(text)
        json.dumps(answer.to_dict(), ensure_ascii=False).encode("utf-8")

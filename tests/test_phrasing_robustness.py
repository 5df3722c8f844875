"""Every knowledge variant the bot answers right still finds its fact with chat phrasing around it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.core import QA
from bot.normalize import fold, to_traditional

# the ways people wrap the same question in chat; each keeps its meaning
FORMS: dict[str, Callable[[str], str]] = {
    "traditional": to_traditional,
    "greeting": lambda q: "请问一下，" + q,
    "trailing particle": lambda q: q.rstrip("?？") + "来着",
    "thanks": lambda q: q.rstrip("?？") + " 谢谢",
    "no question mark": lambda q: q.rstrip("?？。"),
    "到底": lambda q: "到底" + q,
    "chatter first": lambda q: "不太清楚，" + q,
    "我记得": lambda q: "我记得好像有这个，" + q,
    "about oneself": lambda q: "同志你好，我年纪大了眼神不好，" + q,  # not an age question
    "家人们谁懂啊": lambda q: "家人们谁懂啊，" + q,  # not a who-question
    "closing request": lambda q: q + "能帮我找一下吗？谢啦",
    "在吗": lambda q: "在吗？" + q,
    "read the article": lambda q: "刚看到这篇报道，" + q,
    "在线等": lambda q: q + " 在线等，挺急的",
    "话说": lambda q: "话说" + q,
    "a story about oneself": lambda q: "我是个退休老党员，平时爱看新闻，" + q,  # goes on without 我
    "another question": lambda q: "还有个问题，" + q,
    "how to answer": lambda q: q + "简单回答就好，说详细点也行",
    "asking around": lambda q: q + "，哪位大神知道，求告知",
}


def answered_variants(qa: QA) -> list[tuple[str, str]]:
    """(fact id, variant) for every variant the bot answers with its own fact."""
    # (a variant another fact answers better is the lint's business: check warns of it)
    return [(fact.id, q) for fact in qa.kb.facts if not fact.not_stated for q in fact.questions
            if fact.id in qa.ask(q).facts]


@pytest.mark.parametrize("form", FORMS)
def test_variants_keep_their_fact_with_chat_phrasing(qa: QA, form: str) -> None:
    wrap = FORMS[form]
    variants = answered_variants(qa)
    lost = [wrap(q) for fact_id, q in variants if fact_id not in qa.ask(wrap(q)).facts]
    assert len(variants) > 400
    assert len(lost) <= 3, lost  # mixed-script leftovers and a near tie; before the fixes up to 20 per form


@pytest.mark.parametrize("wrap", [lambda q: "两个培训" + q, lambda q: "茂名和湖北" + q,
                                  lambda q: q.rstrip("?？") + "，两边分别是啥"])
def test_both_fact_variants_asked_of_both_get_both_halves(qa: QA, wrap: Callable[[str], str]) -> None:
    lost = []
    for fact in qa.kb.facts:
        if len(fact.articles) < 2 or fact.overview:
            continue
        for q in fact.questions:
            if fact.id not in qa.ask(q).facts:
                continue
            answer = qa.ask(wrap(q))
            if {p.article for p in answer.parts} != set(qa.kb.articles):
                lost.append(wrap(q))
    assert not lost, lost


def test_variants_keep_their_fact_with_a_character_dropped_from_a_name(qa: QA) -> None:
    """郑龙 for 郑青龙, 百人堂 for 百人课堂: the second character of the longest name or term dropped."""
    lost = []
    total = 0
    for fact_id, q in answered_variants(qa):
        names = sorted((w for w in (*qa.kb.people, *qa.kb.lexicon) if len(w) >= 3 and w in fold(q)),
                       key=len, reverse=True)
        if not names:
            continue
        total += 1
        typo = fold(q).replace(names[0], names[0][0] + names[0][2:], 1)
        if fact_id not in qa.ask(typo).facts:
            lost.append(typo)
    assert total > 200
    assert len(lost) <= 21, lost  # 21 of 258 (two-character words: 专课, 分堂, 小题 of 小标题); 40 before the fix

"""Warnings about knowledge that loads but will answer badly: stolen variants, near-duplicates, missing variants."""

from __future__ import annotations

import re
from itertools import combinations

from rapidfuzz import fuzz

from bot.index_cache import build_matcher
from bot.knowledge import Fact, KnowledgeBase, Problem
from bot.normalize import clean, detect_script, fold, to_simplified

NEAR_DUPLICATE = 95  # fuzz.ratio of two answers (folded) about the same article at or above which they look copied
# A colloquial variant is short (at most SHORT_QUESTION Han characters, e.g. 在哪培训的) or uses a spoken-language
# word (啥, 咋, 吗 …) — checked on the simplified question, before fold() rewrites spoken words (咋 → 怎么).
SHORT_QUESTION = 10
COLLOQUIAL_WORDS = ("啥", "咋", "吗", "呀", "啊", "嘛", "呢", "吧", "哪个", "哪儿", "干嘛")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def is_colloquial(question: str) -> bool:
    """Short, or uses a spoken-language word (the rule of SHORT_QUESTION and COLLOQUIAL_WORDS)."""
    simple = to_simplified(clean(question))
    return len(_HAN.findall(simple)) <= SHORT_QUESTION or any(w in simple for w in COLLOQUIAL_WORDS)


def _warn(fact: Fact, message: str) -> Problem:
    return Problem(fact.file, fact.line, fact.id, message, warning=True)


def misranked(kb: KnowledgeBase) -> list[Problem]:
    """A question variant of fact A whose best match is another fact B: askers of that wording get B's answer."""
    matcher = build_matcher(kb)  # cached: `check` after an edit also prepares the index the reloading bot will use
    out: list[Problem] = []
    for fact in kb.facts:
        if len(fact.parts) > 1:
            continue  # a fact spanning both trainings shares its wording with each training's own facts
        for q in fact.questions:
            cands = matcher.analyse(clean(q)).candidates
            if not cands or cands[0].fact_id == fact.id:
                continue
            top = kb.fact(cands[0].fact_id)
            if len(top.parts) > 1 and fact.articles[0] in top.articles:
                continue  # the general fact about both trainings answers this training too
            own = next((c.score for c in cands if c.fact_id == fact.id), None)
            own_text = f"{own:.2f}" if own is not None else "not in the top 10"
            out.append(_warn(fact, f"question {q!r} is matched to fact {top.id} ({top.file}:{top.line}) "
                                   f"with score {cands[0].score:.2f}, its own fact scores {own_text}; "
                                   "reword it or make the two facts more distinct"))
    return out


def near_duplicates(kb: KnowledgeBase) -> list[Problem]:
    """Two facts whose answers about the same article are equal after folding or nearly so."""
    answers = [(f, p.article, fold(p.answer)) for f in kb.facts for p in f.parts]
    out: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for (fa, aa, ta), (fb, ab, tb) in combinations(answers, 2):
        if fa.id == fb.id or aa != ab or (fa.id, fb.id) in seen:
            continue
        ratio = 100.0 if ta == tb else fuzz.ratio(ta, tb)
        if ratio >= NEAR_DUPLICATE:
            seen.add((fa.id, fb.id))
            how = "the same answer" if ta == tb else f"nearly the same answer ({ratio:.0f}% alike)"
            out.append(_warn(fb, f"{how} as fact {fa.id} ({fa.file}:{fa.line}) for {aa}; merge them "
                                 "(move the questions to one fact) or say what differs"))
    return out


def missing_variants(kb: KnowledgeBase) -> list[Problem]:
    """A fact without a traditional-script question, or without a short or colloquial one."""
    out: list[Problem] = []
    for fact in kb.facts:
        if not any(detect_script(q) == "traditional" for q in fact.questions):
            out.append(_warn(fact, "no question in traditional script (add one, e.g. 這次培訓是哪幾天？)"))
        if not any(is_colloquial(q) for q in fact.questions):
            out.append(_warn(fact, f"no colloquial question (add one of at most {SHORT_QUESTION} characters or "
                                   "with a spoken word such as 啥, 咋, 吗)"))
    return out


def lint(kb: KnowledgeBase) -> list[Problem]:
    """All warnings for a knowledge base that passed validation, in file and line order."""
    problems = misranked(kb) + near_duplicates(kb) + missing_variants(kb)
    return sorted(problems, key=lambda p: (p.file, p.line, p.fact))

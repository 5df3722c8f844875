"""The one entry point adapters call: question in, Answer out; knowledge swapped whole on reload."""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

from bot.answer import (
    EACH_MIN_COVERAGE,
    EACH_THRESHOLD,
    EMPTY,
    MAX_QUESTION_CHARS,
    THRESHOLD,
    TOO_LONG,
    Answer,
    combine,
    decide,
    examples,
    shown_texts,
)
from bot.index_cache import build_matcher, load_knowledge_cached, traditional_renderings
from bot.knowledge import KnowledgeBase, Problem, check_knowledge
from bot.matcher import AND_WORDS, Matcher, confirms_only
from bot.normalize import clean, detect_script, in_script, join_keywords, remember_traditional, safe_text

# a fact covering this much of a message's words is what it is about, whatever else it asks
FULL_COVERAGE = 0.9
# a clause asking only whether what the asker heard is so (是真的吗, 对吧)
# (a clause merely ending in 是 or 对, 主办方分别是, is cut short, not a check: those need 吗 or 吧)
MAX_CLAUSES = 4  # more questions in one message than this is a list or noise: matched as one text, in bounded time


def _render_ahead(kb: KnowledgeBase) -> None:
    """Have the traditional renderings of every text kb's answers may show ready (made once, then cached)."""
    remember_traditional(traditional_renderings(shown_texts(kb)))


class QA:
    """Knowledge plus its matcher; `ask` is safe to call from any thread while `reload` runs."""

    def __init__(self, kb: KnowledgeBase, knowledge_dir: Path | None = None, seeds_dir: Path | None = None) -> None:
        self.knowledge_dir = knowledge_dir
        self.seeds_dir = seeds_dir
        # one tuple, replaced by a single assignment: a reader sees the old pair or the new, never a mix
        self._state: tuple[KnowledgeBase, Matcher] = (kb, build_matcher(kb))
        _render_ahead(kb)
        self._reload_lock = threading.Lock()

    @classmethod
    def load(cls, knowledge_dir: Path | None = None, seeds_dir: Path | None = None) -> QA:
        """Load and validate knowledge (or reuse what validated the same files before); raises KnowledgeError."""
        return cls(load_knowledge_cached(knowledge_dir, seeds_dir), knowledge_dir, seeds_dir)

    @property
    def kb(self) -> KnowledgeBase:
        return self._state[0]

    @property
    def matcher(self) -> Matcher:
        return self._state[1]

    def ask(self, question: str) -> Answer:
        kb, matcher = self._state
        question = safe_text(question)
        text = join_keywords(clean(question))
        script = detect_script(text[:MAX_QUESTION_CHARS])
        if not text:
            return Answer(question, False, script, suggestions=examples(kb, script),
                          notice=in_script(EMPTY, script))
        if len(text) > MAX_QUESTION_CHARS:
            return Answer(question, False, script, suggestions=examples(kb, script),
                          notice=in_script(TOO_LONG, script))
        # one message reaches the same clause by several routes (its clauses, its asking part, each training)
        analyse = lru_cache(maxsize=None)(matcher.analyse)
        alternatives = lru_cache(maxsize=None)(matcher.alternatives)

        def half(asked: str, text: str, aid: str) -> Answer:
            """One training's half of a message: its facts alone, under the lower per-training bar."""
            return decide(kb, asked, analyse(text, article=aid), script, EACH_THRESHOLD, EACH_MIN_COVERAGE)

        # (茂名培训是24号开始的吧？那开班式是哪天: the premise is told; what follows 那 is asked)
        analysis = analyse(text)
        whole = decide(kb, question, analysis, script)
        after = matcher.after_premise(text)
        if after:
            alone = decide(kb, question, analyse(after), script)
            # (茂名那篇说…落实到位了，那工程就会咋样: 那 may point back, the premise then part of what is asked)
            if alone.answered and alone.confidence >= whole.confidence:
                return alone
        # (an unnamed question whose best fact scores under the per-training bar is not worth two more passes)
        top_score = analysis.candidates[0].score if analysis.candidates else 0.0
        partial = {p.article for p in whole.parts} != set(kb.articles)
        own = matcher.conjuncts(text)
        # (parts named by people or places are each their own question even when one fact for both matched the
        # whole: 车东耀和郑雄分别是什么身份 is not answered by what the trainings said about farming; 茂名和湖北的培训
        # 各是谁主办的 is, by the fact written for both)
        by_name = bool(own) and not analysis.articles_named
        if by_name or (partial and (own or analysis.of_both
                                    or (analysis.both_asked and (analysis.neutral or len(analysis.touched) > 1))
                                    or (analysis.neutral and not whole.answered and top_score >= EACH_THRESHOLD)
                                    # (开班动员或者开班第一课是谁讲的: each side is one training's)
                                    or (whole.answered and not analysis.articles_named
                                        and bool(alternatives(text))))):
            # 两场培训分别…, 坡心镇和尧治河村的书记分别叫什么: no one fact answers for both; ask each training alone
            each: list[Answer] = []
            # (几条要求或几个专题: each training may answer one side of the choice only)
            asked = [text] if own else [text, *alternatives(text)]
            for aid in kb.articles:  # every training must answer: stop at the first that does not
                for t in asked:  # (the whole question first: a side alone is asked only when it finds nothing)
                    one = half(question, own.get(aid, t), aid)
                    if one.answered:
                        break
                each.append(one)
                if not each[-1].answered:
                    break
            mean = sum(a.confidence for a in each) / len(kb.articles)
            if all(a.answered for a in each) and mean >= THRESHOLD and (partial or mean >= whole.confidence):
                return combine(question, each)
        clauses = matcher.clauses(text)
        if 1 < len(clauses) <= MAX_CLAUSES:
            # several questions in one message: when they are about different things (茂名有多少镇街、湖北设了多少个
            # 分课堂) or the message as a whole finds nothing, answer each clause, if every one has an answer
            # (not when the whole message matched a fact fully but asks what it does not give: 哪位领导?叫什么名字)
            top = analysis.candidates[0] if analysis.candidates else None
            asks_more = top is not None and not top.type_ok and top.coverage >= FULL_COVERAGE
            several = len({matcher.subjects(c) for c in clauses}) > 1
            if (not whole.answered and (not asks_more or several)) or (whole.answered and several):
                parts = [analyse(c) for c in clauses]
                answers = [decide(kb, c, a, script) for c, a in zip(clauses, parts, strict=True)]
                if all(a.answered for a in answers):
                    return combine(question, answers)
                # 两边规模差多少？茂名有多少镇街，湖北来了多少人: the comparison is asked by the clauses that answer it
                given = [a for a in answers if a.answered]
                if len(given) > 1 and {p.article for a in given for p in a.parts} == set(kb.articles) and all(
                        a.answered or p.both_asked for a, p in zip(answers, parts, strict=True)):
                    return combine(question, given)
                # 听说全市镇街书记都被叫去回炉培训了是真的吗 茂名一共有几多个镇街: a clause only asking whether
                # what the asker heard is true is answered by the others
                if given and all(a.answered or confirms_only(c) for a, c in zip(answers, clauses, strict=True)):
                    return combine(question, given)
                # 茂名学员去的是哪个基地，湖北学员分布在多少个县级分课堂: each clause is one training's half, which may
                # be weaker, as when a question is asked of each training, if the halves together are sure enough
                of = [p.articles_named | p.articles_implied for p in parts]
                if given and all(len(s) == 1 for s in of) and frozenset().union(*of) == set(kb.articles):
                    halves = [a if a.answered else half(c, c, next(iter(s)))
                              for a, c, s in zip(answers, clauses, of, strict=True)]
                    if all(a.answered for a in halves) and (
                            sum(a.confidence for a in halves) / len(halves) >= THRESHOLD):
                        return combine(question, halves)
            elif whole.answered:
                # one subject, different kinds of answer asked (茂名那篇是哪家媒体发的 哪年): the whole message's fact
                # may give one kind only, so each clause brings its own fact too
                analyses = [analyse(c) for c in clauses]
                answers = [decide(kb, c, a, script) for c, a in zip(clauses, analyses, strict=True)]
                # (or the same kind of two things: 镇街总共几个 常委会每周听几个汇报, each clause its own fact)
                if all(a.answered for a in answers) and any(set(a.facts) - set(whole.facts) for a in answers) and (
                        len({a.wants for a in analyses}) > 1 or len({a.facts for a in answers}) == len(answers)):
                    return combine(question, [whole, *answers])
        if not whole.answered:
            # a question told as a story (我是个镇上的小干部哈，听说…，他们参观的是哪个企业啊): the asking part alone
            core = matcher.asking_core(text)
            if core:
                alone = decide(kb, question, analyse(core), script)
                if alone.answered:
                    return alone
                # (老新闻人我挺好奇，茂名这篇稿子是哪家媒体发的，通讯员叫啥: the story kept the first question out of
                # the message's clauses; the asking part's own clauses, each answered)
                pieces = matcher.clauses(core)
                if 1 < len(pieces) <= MAX_CLAUSES:
                    answers = [decide(kb, c, analyse(c), script) for c in pieces]
                    if all(a.answered for a in answers):
                        return combine(question, answers)
            told = core or text  # (the story cut away)
            # 有讲新质生产力或者产业发展吗: either side may be what an article has; each answered is told
            sides = [decide(kb, t, analyse(t), script) for t in alternatives(told)]
            if any(a.answered for a in sides):
                return combine(question, [a for a in sides if a.answered])
            # 对比一下两次培训的时长和授课形式: two things asked, both to be answered
            sides = [decide(kb, t, analyse(t), script) for t in alternatives(told, AND_WORDS)]
            if sides and all(a.answered for a in sides):
                return combine(question, sides)
            # 孙开林是郑家湖村的书记对不: the wrong guess is what is asked; the best answer without it
            guesses = [decide(kb, question, analyse(t), script) for t in matcher.without_guess(text)]
            if best := max((a for a in guesses if a.answered), key=lambda a: a.confidence, default=None):
                return best
        return whole

    def reload(self) -> list[Problem]:
        """Validate the knowledge directory again; swap it in only if it has no error. Returns the errors."""
        with self._reload_lock:
            kb, problems = check_knowledge(self.knowledge_dir, self.seeds_dir)
            errors = [p for p in problems if not p.warning]
            if kb is None or errors:
                return errors or [Problem("-", 1, "-", "knowledge could not be loaded")]
            if kb.digest != self.kb.digest:
                _render_ahead(kb)
                self._state = (kb, build_matcher(kb))
            return []


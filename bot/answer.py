"""The structured Answer every adapter renders, and the decision that turns ranked candidates into one."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.knowledge import KnowledgeBase
from bot.matcher import Analysis, Candidate
from bot.normalize import Script, fold, in_script

# Tuned on tests/eval/questions.yaml with benchmarks/tune.py (a plateau: 0.58-0.60 and 0.40-0.60 score the same):
# below THRESHOLD the best fact is more often wrong than right; MIN_COVERAGE is a backstop for questions whose words
# the best fact mostly lacks (the matcher's unknown-word weight, answer-type and asked-attribute checks decline most
# questions that name a known person or place but ask what no fact states).
THRESHOLD = 0.60
MIN_COVERAGE = 0.5
# a both-trainings fact whose weaker half covers this much more of a neutral question answers it instead (measured:
# 0.1 to 0.3 fix the same 8 diagnosis questions; 0.1 loses one)
BALANCE_GAIN = 0.2
BOTH_MARGIN = 0.12  # another training's best fact (or a both-trainings fact) this close to the top one: it fits both
# A clear winner: below THRESHOLD but far ahead of every other fact, with its type right, every name and number of
# the question in its answer (庄悦群多大年纪 must not get 马聂's age) and half the words covered: a long, chatty
# question about one thing (马聂在哪个村当党总支书记) rather than an unknown topic.
CLEAR_FLOOR = 0.45
COUNTERPART_FLOOR = 0.40
COUNTERPART_FLOOR_TYPED = 0.30
CLEAR_MARGIN = 0.18
STATED_MARGIN = 0.03  # a fact that answers, this close behind one saying the article does not state it, wins
MAX_QUESTION_CHARS = 500
# A question asked of each training (两场培训各办了几天) is answered per training when no one fact serves both: each
# half may be weaker than a lone question must be, if it gives the kind of answer asked for and the halves average
# THRESHOLD (茂名 3天 at 0.90 vouches for 湖北 四天半 at 0.52).
EACH_THRESHOLD = 0.45
EACH_MIN_COVERAGE = 0.4
# 一个是视频授课，另一个呢: one training told, the other asked
_ONE_THEN_OTHER = re.compile(r"一个.+另一个|一个.+另外一个")
# 是哪个培训, 哪次活动, 哪篇文章: the training's name is the answer, or part of it
_WHICH_TRAINING = re.compile(r"(?:哪|啥|什么)(?:个|次|场|一个|一次|一场|期|一期)?(?:培训|活动|班|课堂)|哪篇")


@dataclass(frozen=True)
class Citation:
    article: str
    title: str
    outlet: str
    published: str
    quote: str
    source: str | None = None


@dataclass(frozen=True)
class AnswerPart:
    """One fact's answer for one training, in the asker's script, with its citations."""

    fact_id: str
    article: str
    training: str
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Answer:
    question: str
    answered: bool
    script: Script
    parts: tuple[AnswerPart, ...] = ()
    confidence: float = 0.0
    suggestions: tuple[str, ...] = ()
    notice: str = ""  # the decline or error text when not answered
    analysis: Analysis | None = field(default=None, compare=False)
    reason: str = field(default="", compare=False)  # why it answered or declined, for :debug
    which_training: bool = False  # the asker asked which training (是哪个培训): name it even when only one

    @property
    def labelled(self) -> bool:
        """Several trainings answered at once, or the asker asked which: each part needs its training's name."""
        return bool(self.parts) and (self.which_training or len({p.article for p in self.parts}) > 1)

    @property
    def text(self) -> str:
        if not self.answered:
            return self.notice
        if not self.labelled:
            return "\n".join(p.text for p in self.parts)
        return "\n".join(f"【{p.training}】{p.text}" for p in self.parts)

    @property
    def facts(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.fact_id for p in self.parts))

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of the command-line contract (../shared/DESIGN.md)."""
        return {
            "question": self.question,
            "answered": self.answered,
            "answer": self.text,
            "citations": [
                {"article": c.article, "title": c.title, "outlet": c.outlet, "published": c.published,
                 "quote": c.quote, **({"source": c.source} if c.source else {})}
                for p in self.parts for c in p.citations
            ],
            "confidence": round(self.confidence, 3),
            "facts": list(self.facts),
            "suggestions": list(self.suggestions),
        }


# labels the renderers put around an answer (here, so the traditional renderings made ahead cover them too)
QUESTION_LABEL = "问："
SOURCE_LABEL = "出处"
ORIGIN_LABEL = "来源"
TRY_THESE = "你可以试试下面这些问题："
DECLINE = "这两篇文章没有讲到这个问题，我不能乱说。" + TRY_THESE
EMPTY = "请发一个关于这两次培训的问题，例如下面这些："
TOO_LONG = f"问题太长了（超过{MAX_QUESTION_CHARS}字），请只问一个具体的问题。"


def _parts(kb: KnowledgeBase, fact_id: str, script: Script, only: str | None = None) -> list[AnswerPart]:
    fact = kb.fact(fact_id)
    out = []
    for part in fact.parts:
        if only is not None and part.article != only:
            continue
        src = kb.articles[part.article].meta
        cites = tuple(
            Citation(src.id, src.title, src.outlet, src.published, q, src.source) for q in part.quotes
        )
        out.append(AnswerPart(fact.id, part.article, in_script(src.training, script),
                              in_script(part.answer, script), cites))
    return out


def suggestions_for(kb: KnowledgeBase, cands: tuple[Candidate, ...], script: Script, skip: set[str]) -> tuple[str, ...]:
    out: list[str] = []
    for c in cands:
        if c.fact_id in skip:
            continue
        out.append(in_script(kb.fact(c.fact_id).questions[0], script))
        if len(out) == 3:
            break
    return tuple(out)


def shown_texts(kb: KnowledgeBase) -> set[str]:
    """Every text an answer from kb may show in the asker's script: answers, trainings, the questions suggested,
    notices and labels."""
    texts = {DECLINE, TRY_THESE, EMPTY, TOO_LONG, QUESTION_LABEL, SOURCE_LABEL, ORIGIN_LABEL, *kb.examples}
    texts.update(a.meta.training for a in kb.articles.values())
    for fact in kb.facts:
        texts.add(fact.questions[0])  # (a suggestion shows a fact's first question)
        texts.update(p.answer for p in fact.parts)
    return texts


def examples(kb: KnowledgeBase, script: Script) -> tuple[str, ...]:
    return tuple(in_script(q, script) for q in kb.examples[:3])


def decide(kb: KnowledgeBase, question: str, analysis: Analysis, script: Script,
           threshold: float = THRESHOLD, min_coverage: float = MIN_COVERAGE) -> Answer:
    """Answer from the best candidate(s), or decline with the nearest questions.

    A lower threshold and coverage serve one training's half of a question asked of each (core.ask); there the
    best fact must also give the kind of answer asked for.
    """
    cands = analysis.candidates
    if len(cands) > 1 and kb.fact(cands[0].fact_id).not_stated:
        # a fact that answers beats one saying the article does not state it when it fits as well (分课堂几个:
        # 湖北's 131, not the national total no article gives)
        alt = cands[1]
        if (alt.type_ok and alt.coverage >= cands[0].coverage and alt.score >= cands[0].score - STATED_MARGIN
                and not kb.fact(alt.fact_id).not_stated):
            cands = (alt, cands[0], *cands[2:])
    top = cands[0] if cands else None
    if top is not None and threshold < THRESHOLD and not top.type_ok:
        threshold = THRESHOLD
    why = f"score {top.score:.3f} >= threshold {threshold}" if top else ""
    if (top is not None and CLEAR_FLOOR <= top.score < THRESHOLD and top.type_ok and not top.foreign
            and top.coverage >= min_coverage):
        # (a fact tied with the top one on the same quoted sentence is no rival: 周代年召开什么会 is answered by both)
        quoted = {q for p in kb.fact(top.fact_id).parts for q in p.quotes}
        runner_up = next((c.score for c in cands[1:] if c.score < top.score
                          or not quoted & {q for p in kb.fact(c.fact_id).parts for q in p.quotes}), 0.0)
        if top.score - runner_up >= CLEAR_MARGIN:
            threshold = top.score
            why = f"clear winner: score {top.score:.3f} >= {CLEAR_FLOOR}, {CLEAR_MARGIN} ahead of the next fact"
    if top is None or top.score < threshold or top.coverage < min_coverage:
        # the nearest questions, topped up with the examples when few facts share a word with the question
        sugg = tuple(dict.fromkeys((*suggestions_for(kb, cands, script, set()), *examples(kb, script))))[:3]
        conf = top.score if top else 0.0
        if top is None:
            reason = "declined: no fact shares a word with the question"
        elif top.score < threshold:
            reason = f"declined: best score {top.score:.3f} < threshold {threshold} and no clear winner"
        else:
            reason = f"declined: best fact covers {top.coverage:.2f} of the question's words < {min_coverage}"
        return Answer(question, False, script, (), conf, sugg, in_script(DECLINE, script), analysis, reason)

    def fits(c: Candidate, margin: float) -> bool:
        return c.score >= top.score - margin and c.score >= threshold and c.coverage >= MIN_COVERAGE and c.type_ok

    chosen_ids = [top.fact_id]
    related = set(kb.counterparts(top.fact_id))  # both-facts quoting what the top fact quotes
    if analysis.neutral:
        # the question does not say which training: a fact written for both, when it fits nearly as well as the
        # best one-training fact, answers for both; otherwise the other training's best fact, when close enough
        top_articles = set(kb.fact(top.fact_id).articles)
        if len(top_articles) == 1:
            # (not a round-up: it gives far more than the question asks about one thing)
            # (the one quoting what the top fact quotes first: both-published, not both-dates, for 几点几分发布)
            pairs = [c for c in cands[1:] if len(kb.fact(c.fact_id).articles) > 1 and not kb.fact(c.fact_id).overview]
            both = next((c for c in pairs if c.fact_id in related and fits(c, BOTH_MARGIN)),
                        pairs[0] if pairs else None)
            if both is not None and fits(both, BOTH_MARGIN):
                both = _balanced(kb, cands, both, fits)
                chosen_ids = [both.fact_id]
            else:
                for c in cands[1:]:
                    if (set(kb.fact(c.fact_id).articles) - top_articles and fits(c, BOTH_MARGIN)
                            and not kb.fact(c.fact_id).overview):
                        chosen_ids.append(c.fact_id)
                        break
                else:
                    # the both-trainings fact quoting what the top fact quotes, when it suits the question at all:
                    # its other training's half answers the same question there (这次培训办了几天 → 3天, 四天半)
                    # (a question asking for a kind of answer, 几天, lets the kind vouch for a weaker match)
                    floor = COUNTERPART_FLOOR_TYPED if analysis.wants else COUNTERPART_FLOOR
                    twin = next((c for c in cands[1:] if c.fact_id in related and c.score >= floor
                                 and (set(kb.fact(c.fact_id).articles) - top_articles) & c.fits), None)
                    if twin is not None:
                        chosen_ids.append(twin.fact_id)
        else:
            chosen_ids = [_balanced(kb, cands, top, fits).fact_id]
    if analysis.both_asked and (analysis.neutral or len(analysis.articles_named) > 1):
        # 两篇文章分别…, 茂名和湖北各…: each training's best fact, if it is a fair match, even far behind the top one
        for aid in kb.articles:
            if any(aid in kb.fact(f).articles for f in chosen_ids):
                continue
            # the both-fact quoting what the top fact quotes first (授课 → both-teachers), else the best fit
            # (its part for this training must give the kind asked: both-author's 茂名 half names no outlet)
            fitting = [c for c in cands[1:] if aid in kb.fact(c.fact_id).articles and aid in c.fits
                       and c.score >= CLEAR_FLOOR and c.coverage >= MIN_COVERAGE]
            other = next((c for c in fitting if c.fact_id in related), fitting[0] if fitting else None)
            # (两篇文章分别用了什么俗语或比喻: the round-up of both covers more of the question than this training's
            # best fact alone; its half answers for this training)
            if other is not None:
                other = next((c for c in fitting if len(kb.fact(c.fact_id).articles) > 1
                              and c.fits >= set(kb.articles) and c.coverage > other.coverage), other)
                chosen_ids.append(other.fact_id)
    # a both-trainings fact answers a question about one training (named, or implied by a name) with that half
    only = (analysis.articles_named | analysis.articles_implied) or None
    if analysis.both_asked and (not analysis.articles_named or _ONE_THEN_OTHER.search(analysis.folded)):
        # 两个培训开班式上有谁讲话: asked of both, though 开班式 is a word only 茂名's article uses; 一个是视频授课，
        # 另一个呢: the one named is told, the other asked
        only = None
    parts: list[AnswerPart] = []
    covered: set[str] = set()  # a training answered by an earlier, more specific fact keeps that answer
    for fid in chosen_ids:
        articles = kb.fact(fid).articles
        for aid in articles:
            # (以前给村书记办过类似的培训吗: 村书记 names 湖北's training, but 茂名's half speaks of 村书记 too; folded
            # only then, not for every answer)
            if aid not in covered and (only is None or aid in only or len(articles) == 1 or any(
                    w in fold(p.answer) for p in kb.fact(fid).parts if p.article == aid for w in analysis.role_words)):
                parts += _parts(kb, fid, script, only=aid)
                covered.add(aid)
    sugg = suggestions_for(kb, cands, script, set(chosen_ids))
    if len(parts) == 1 and (top.negative or kb.fact(parts[0].fact_id).not_stated):
        # the one answer says the article does not state what is asked (具体哪天开班, 记者是谁): a decline that
        # says what the article does say
        reason = f"declined: {parts[0].fact_id} says the article does not state what is asked ({why})"
        return Answer(question, False, script, (), top.score, sugg, parts[0].text + in_script(TRY_THESE, script),
                      analysis, reason)
    reason = f"answered {top.fact_id}: {why}, coverage {top.coverage:.2f} >= {min_coverage}"
    if len(chosen_ids) > 1 or len(parts) > 1:
        reason += f"; {', '.join(chosen_ids)} for each training (none named)"
    return Answer(question, True, script, tuple(parts), min(top.score, 1.0), sugg, "", analysis, reason,
                  bool(_WHICH_TRAINING.search(analysis.folded)))


def _balanced(kb: KnowledgeBase, cands: tuple[Candidate, ...] | list[Candidate], pick: Candidate,
              fits: Callable[[Candidate, float], bool]) -> Candidate:
    """The both-trainings fact to answer with: `pick`, unless another that fits nearly as well answers the question
    in both halves where `pick` answers it in one (生态方面讲了啥: both-ecology-tourism, not both-lectures); a
    round-up too, since it then says what the question asks of each training."""
    others = [c for c in cands if c.fact_id != pick.fact_id and len(kb.fact(c.fact_id).articles) > 1
              and fits(c, BOTH_MARGIN)]
    # one whose halves both give the kind of answer asked (两个培训分别在哪搞: both-venue, not both-opening, whose
    # 茂名 half names no place)
    wider = [c for c in others if c.fits > pick.fits]
    if wider:
        pick = wider[0]
    # (never one giving the kind asked in fewer halves: 来了多少学员 is both-headcount's, not who taught)
    better = [c for c in others if c.balance >= pick.balance + BALANCE_GAIN and c.fits >= pick.fits]
    return max(better, key=lambda c: (c.balance, c.score)) if better else pick


def combine(question: str, answers: list[Answer]) -> Answer:
    """One Answer for a message of several questions, each answered: their parts in order, each fact once."""
    seen: set[tuple[str, str]] = set()
    parts: list[AnswerPart] = []
    for a in answers:
        for p in a.parts:
            if (p.fact_id, p.article) not in seen:
                seen.add((p.fact_id, p.article))
                parts.append(p)
    sugg = tuple(dict.fromkeys(s for a in answers for s in a.suggestions))[:3]
    reason = "several questions: " + "; ".join(f"{a.question!r} → {a.reason}" for a in answers)
    return Answer(question, True, answers[0].script, tuple(parts), min(a.confidence for a in answers), sugg, "",
                  answers[0].analysis, reason, any(a.which_training for a in answers))

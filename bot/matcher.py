"""Rank facts for a question: fuzzy match on question variants plus rarity-weighted coverage of its words."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.knowledge import Fact, KnowledgeBase
from bot.normalize import fold
from bot.pinyin import pinyin
from bot.tokenize import Segmenter

_HAN = re.compile(r"[\u3400-\u9fff]")

# Weights and penalties, tuned on tests/eval/questions.yaml and checked on tests/eval/holdout.yaml.
W_COVERAGE = 0.6
W_FUZZ = 0.4
HOMOPHONE_CREDIT = 0.9  # a word found only by its pinyin is probably a typo of a known word
FOREIGN_ENTITY_PENALTY = 0.7  # the question names something the knowledge knows, but this fact does not mention it
OTHER_TRAINING_PENALTY = 0.75  # the question names one training; this fact is about the other
UNKNOWN_WEIGHT = 3.0  # a word no fact contains: an unasked-about detail (年纪, 家乡) or just phrasing


@dataclass(frozen=True)
class Candidate:
    """One fact's score for a question, with the parts it was built from (shown by :debug)."""

    fact_id: str
    score: float
    fuzz: float
    coverage: float
    missing: tuple[str, ...]
    matched_question: str


@dataclass(frozen=True)
class Analysis:
    """What the matcher made of a question."""

    folded: str
    words: tuple[str, ...]
    content: tuple[str, ...]
    articles_named: frozenset[str]
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True)
class _Doc:
    fact: Fact
    terms: frozenset[str]  # canonical content words
    text: str  # folded questions, answers and quotes, for substring hits across segmentation differences
    sound: str  # pinyin of text, padded with spaces


class Matcher:
    """Index of a KnowledgeBase; built once per knowledge version, then read-only."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._canon: dict[str, str] = {w: g[0] for g in kb.synonyms for w in g[1:]}
        # synonyms with punctuation, such as 镇(街)党(工)委书记, never survive segmentation: rewrite them first
        phrases = sorted((w for w in self._canon if not re.fullmatch(r"\w+", w)), key=len, reverse=True)
        self._phrase_re = re.compile("|".join(map(re.escape, phrases))) if phrases else None
        aliases = {fold(a) for src in kb.articles.values() for a in src.meta.aliases}
        self.segmenter = Segmenter([*kb.lexicon, *(w for g in kb.synonyms for w in g if re.fullmatch(r"\w+", w)),
                                    *aliases])
        self._alias = sorted(((fold(a), src.id) for src in kb.articles.values() for a in src.meta.aliases),
                             key=lambda x: -len(x[0]))
        self.docs: list[_Doc] = []
        self._choices: list[str] = []
        self._choice_sounds: list[str] = []
        self._choice_doc: list[int] = []
        self._doc_choices: list[list[int]] = []
        df: dict[str, int] = defaultdict(int)
        self._postings: dict[str, list[int]] = defaultdict(list)
        for i, fact in enumerate(kb.facts):
            questions = [self._prefold(q) for q in fact.questions]
            self._doc_choices.append([])
            for q in questions:
                self._doc_choices[i].append(len(self._choices))
                self._choices.append(q)
                self._choice_sounds.append(pinyin(q))
                self._choice_doc.append(i)
            texts = questions + [self._prefold(p.answer) for p in fact.parts]
            texts += [self._prefold(q) for p in fact.parts for q in p.quotes]
            text = "\n".join(texts)
            terms = frozenset(self.terms(text))
            self.docs.append(_Doc(fact, terms, text, f" {pinyin(text)} "))
            for t in terms:
                df[t] += 1
                self._postings[t].append(i)
        self._n = max(len(self.docs), 1)
        self._df = dict(df)
        self._all_text = "\n".join(d.text for d in self.docs)
        self._all_sound = "\n".join(d.sound for d in self.docs)
        self._entities = frozenset(self._canon.get(w, w) for w in (*kb.lexicon, *aliases)) & frozenset(self._df)

    def _prefold(self, text: str) -> str:
        folded = fold(text)
        if self._phrase_re is not None:
            folded = self._phrase_re.sub(lambda m: self._canon[m.group(0)], folded)
        return folded

    def terms(self, folded: str) -> list[str]:
        """Canonical content words: stop words dropped, runs of lone characters joined (庄/月/群 → 庄月群)."""
        out: list[str] = []
        run: list[str] = []
        for w in [*self.segmenter.cut(folded), ""]:
            if len(w) == 1 and _HAN.match(w) and w not in self.kb.stopwords:
                run.append(w)
                continue
            if run:
                out.append("".join(run))
                run = []
            if w and w not in self.kb.stopwords:
                out.append(self._canon.get(w, w))
        return out

    @lru_cache(maxsize=4096)  # noqa: B019 - the matcher lives as long as its knowledge
    def idf(self, word: str) -> float:
        df = self._df.get(word)
        if df is None:
            # a word segmented differently in the knowledge still counts as known when it occurs as a substring
            df = sum(1 for d in self.docs if word in d.text) if word in self._all_text else 0
        if df == 0:
            return UNKNOWN_WEIGHT
        return math.log((self._n + 1) / (df + 0.5))

    @lru_cache(maxsize=4096)  # noqa: B019
    def _sound(self, word: str) -> str:
        return f" {pinyin(word)} " if _HAN.search(word) and len(word) >= 2 else ""

    def _credit(self, word: str, doc: _Doc) -> float:
        if word in doc.terms or word in doc.text:
            return 1.0
        sound = self._sound(word)
        if sound and sound in doc.sound:
            return HOMOPHONE_CREDIT
        return 0.0

    def _is_entity(self, word: str) -> bool:
        """A name, place or number the knowledge mentions: a fact lacking it is about something else."""
        return word in self._entities or (any(ch.isdigit() for ch in word) and word in self._all_text)

    def analyse(self, question: str, limit: int = 10) -> Analysis:
        folded = self._prefold(question)
        words = tuple(self.segmenter.cut(folded))
        content = tuple(dict.fromkeys(self.terms(folded)))
        named = frozenset(aid for alias, aid in self._alias if alias in folded)
        if not folded:
            return Analysis(folded, words, content, named, ())

        pool: set[int] = set()
        for w in content:
            pool.update(self._postings.get(w, ()))
            sound = self._sound(w)
            if w not in self._df and sound and sound in self._all_sound:
                pool.update(i for i, d in enumerate(self.docs) if sound in d.sound)
        for _, _, idx in process.extract(folded, self._choices, scorer=fuzz.ratio, limit=20, score_cutoff=40):
            pool.add(self._choice_doc[idx])

        weights = {w: self.idf(w) for w in content}
        total = sum(weights.values()) or 1.0
        qsound = pinyin(folded)
        cands: list[Candidate] = []
        for d in pool:
            doc = self.docs[d]
            best, best_q = 0.0, ""
            for c in self._doc_choices[d]:
                s = max(fuzz.ratio(folded, self._choices[c]), fuzz.ratio(qsound, self._choice_sounds[c]) * 0.95)
                if s > best:
                    best, best_q = s, self._choices[c]
            covered = 0.0
            missing: list[str] = []
            foreign = 0
            for w, weight in weights.items():
                credit = self._credit(w, doc)
                covered += credit * weight
                if credit == 0.0:
                    missing.append(w)
                    if self._is_entity(w):
                        foreign += 1
            cov = covered / total
            score = W_COVERAGE * cov + W_FUZZ * best / 100.0
            score *= FOREIGN_ENTITY_PENALTY ** min(foreign, 2)
            if named and not named.intersection(doc.fact.articles):
                score *= OTHER_TRAINING_PENALTY
            cands.append(Candidate(doc.fact.id, round(score, 4), round(best, 1), round(cov, 4), tuple(missing),
                                   best_q))
        cands.sort(key=lambda c: (-c.score, c.fact_id))
        return Analysis(folded, words, content, named, tuple(cands[:limit]))

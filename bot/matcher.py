"""Rank facts for a question: fuzzy match on question variants plus rarity-weighted word coverage."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from bot.knowledge import Fact, KnowledgeBase
from bot.normalize import fold
from bot.tokenize import Segmenter

_HAN = re.compile(r"[\u3400-\u9fff]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


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
    blob: str  # folded questions, answers and quotes: a word is "covered" when it is a substring
    words: frozenset[str]


class Matcher:
    """Index of a KnowledgeBase; built once per knowledge version, then read-only."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._canon: dict[str, str] = {}
        for group in kb.synonyms:
            for word in group[1:]:
                self._canon[word] = group[0]
        alts = sorted(self._canon, key=len, reverse=True)
        self._syn_re = re.compile("|".join(re.escape(a) for a in alts)) if alts else None
        aliases: set[str] = set()
        for src in kb.articles.values():
            aliases.update(fold(a) for a in src.meta.aliases)
        self.segmenter = Segmenter([*kb.lexicon, *(g[0] for g in kb.synonyms), *aliases])
        self._alias: list[tuple[str, str]] = sorted(
            ((self.rewrite(fold(a)), src.id) for src in kb.articles.values() for a in src.meta.aliases),
            key=lambda x: -len(x[0]),
        )
        self.docs: list[_Doc] = []
        self._choices: list[str] = []
        self._choice_doc: list[int] = []
        df: dict[str, int] = defaultdict(int)
        self._postings: dict[str, list[int]] = defaultdict(list)
        for i, fact in enumerate(kb.facts):
            texts = [self.rewrite(fold(q)) for q in fact.questions]
            for t in texts:
                self._choices.append(t)
                self._choice_doc.append(i)
            extra = [self.rewrite(fold(p.answer)) for p in fact.parts]
            extra += [self.rewrite(fold(q)) for p in fact.parts for q in p.quotes]
            blob = "\n".join(texts + extra)
            words = frozenset(self.content_words(blob))
            self.docs.append(_Doc(fact, blob, words))
            for w in words:
                df[w] += 1
                self._postings[w].append(i)
        n = max(len(self.docs), 1)
        self._idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
        self._max_idf = math.log((n + 1) / 0.5)
        self._vocab_by_len: dict[int, list[str]] = defaultdict(list)
        for w in df:
            self._vocab_by_len[len(w)].append(w)

    def rewrite(self, folded: str) -> str:
        """Replace every synonym by its group's first word."""
        if self._syn_re is None:
            return folded
        return self._syn_re.sub(lambda m: self._canon[m.group(0)], folded)

    def content_words(self, text: str) -> list[str]:
        return [w for w in self.segmenter.cut(text) if w not in self.kb.stopwords]

    def idf(self, word: str) -> float:
        return self._idf.get(word, self._max_idf)

    def _correct(self, word: str) -> str:
        """Map an unknown word to a known one a single substitution away (typos like 陪训 → 培训)."""
        if word in self._idf or len(word) < 2 or not _HAN.search(word):
            return word
        best = process.extractOne(
            word, self._vocab_by_len.get(len(word), []), scorer=Levenshtein.distance, score_cutoff=1
        )
        if best is None:
            return word
        # two-character words share one character with too many others; only trust a match on the rarer side
        if len(word) == 2 and self.idf(best[0]) < 1.5:
            return word
        return str(best[0])

    def analyse(self, question: str, limit: int = 10) -> Analysis:
        folded = self.rewrite(fold(question))
        words = tuple(self.segmenter.cut(folded))
        content = tuple(dict.fromkeys(self._correct(w) for w in words if w not in self.kb.stopwords))
        named = frozenset(aid for alias, aid in self._alias if alias and alias in folded)
        if not content and not folded:
            return Analysis(folded, words, content, named, ())

        pool: set[int] = set()
        for w in content:
            pool.update(self._postings.get(w, ()))
        fuzzy = process.extract(folded, self._choices, scorer=fuzz.ratio, limit=30, score_cutoff=30)
        best_q: dict[int, tuple[float, str]] = {}
        for choice, score, idx in fuzzy:
            d = self._choice_doc[idx]
            pool.add(d)
            if score > best_q.get(d, (0.0, ""))[0]:
                best_q[d] = (float(score), choice)

        total = sum(self.idf(w) for w in content) or 1.0
        cands: list[Candidate] = []
        for d in pool:
            doc = self.docs[d]
            fz, mq = best_q.get(d, (0.0, ""))
            if d not in best_q:
                qs = [self._choices[i] for i, di in enumerate(self._choice_doc) if di == d]
                res = process.extractOne(folded, qs, scorer=fuzz.ratio)
                if res is not None:
                    fz, mq = float(res[1]), str(res[0])
            covered = 0.0
            missing = []
            for w in content:
                if w in doc.words or w in doc.blob:
                    covered += self.idf(w)
                else:
                    missing.append(w)
            cov = covered / total
            score = 0.55 * cov + 0.45 * (fz / 100.0)
            if named and not named.intersection(doc.fact.articles):
                score *= 0.75
            cands.append(Candidate(doc.fact.id, round(score, 4), fz, round(cov, 4), tuple(missing), mq))
        cands.sort(key=lambda c: (-c.score, c.fact_id))
        return Analysis(folded, words, content, named, tuple(cands[:limit]))

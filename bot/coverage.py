"""Which sentences of each article body no fact quotes: the to-do list for knowledge maintainers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge import KnowledgeBase, Source

COVERED = 0.8  # share of a sentence's non-space characters that quotes must cover for it to count as covered

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# a sentence ends at 。！？ (or their ASCII forms, which these pages use), keeping the mark and any closing quotes
_SENTENCE = re.compile(r"[^。！？!?\n]+(?:[。！？!?]+[”’」』）)]*)?|[。！？!?]+[”’」』）)]*")
_IMAGE = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp)$", re.IGNORECASE)
_ELLIPSIS = re.compile(r"^[…\.。·\s]*$")


@dataclass(frozen=True)
class Sentence:
    start: int  # offset in Source.body
    text: str


@dataclass(frozen=True)
class CoverageReport:
    """One article's body sentences, how many some fact quotes, and the ones none does."""

    article: str
    title: str
    total: int
    covered: int
    uncovered: tuple[str, ...]

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / self.total if self.total else 100.0


def sentences(body: str) -> list[Sentence]:
    """Body sentences with their offsets; furniture (image names, lines of only …, text without Han) skipped."""
    out: list[Sentence] = []
    pos = 0
    for line in body.split("\n"):
        stripped = line.strip()
        if stripped and not _IMAGE.match(stripped) and not _ELLIPSIS.match(stripped):
            for m in _SENTENCE.finditer(line):
                text = m.group(0).strip()
                if _HAN.search(text):
                    out.append(Sentence(pos + m.start() + (len(m.group(0)) - len(m.group(0).lstrip())), text))
        pos += len(line) + 1
    return out


def quoted_mask(body: str, quotes: list[str]) -> list[bool]:
    """For each character of body: does some quote cover it (every occurrence of every quote counts)."""
    mask = [False] * len(body)
    for quote in set(quotes):
        if not quote:
            continue
        start = body.find(quote)
        while start >= 0:
            mask[start : start + len(quote)] = [True] * len(quote)
            start = body.find(quote, start + 1)
    return mask


def article_coverage(source: Source, quotes: list[str]) -> CoverageReport:
    """Coverage of one article by the given quotes."""
    body = source.body
    mask = quoted_mask(body, quotes)
    covered = 0
    uncovered: list[str] = []
    for s in sentences(body):
        chars = [i for i in range(s.start, s.start + len(s.text)) if not body[i].isspace()]
        hit = sum(1 for i in chars if mask[i])
        if chars and hit / len(chars) >= COVERED:
            covered += 1
        else:
            uncovered.append(s.text)
    total = covered + len(uncovered)
    return CoverageReport(source.id, source.meta.title, total, covered, tuple(uncovered))


def coverage(kb: KnowledgeBase) -> list[CoverageReport]:
    """Per article, in the order of articles.yaml: which body sentences the facts' quotes cover."""
    reports = []
    for aid, source in kb.articles.items():
        quotes = [q for f in kb.facts for p in f.parts if p.article == aid for q in p.quotes]
        reports.append(article_coverage(source, quotes))
    return reports


def format_coverage(reports: list[CoverageReport], show: bool = True) -> str:
    """Percentages, and with `show` every uncovered sentence under its article."""
    lines: list[str] = []
    for r in reports:
        lines.append(f"{r.article}: {r.covered}/{r.total} sentences quoted ({r.percent:.1f}%)")
        if show:
            lines += [f"  - {text}" for text in r.uncovered]
    return "\n".join(lines)

"""Load knowledge/*.yaml and seeds/ into an immutable KnowledgeBase, or report every problem with FILE:LINE."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from rapidfuzz import fuzz

from bot.normalize import fold

# pydantic, the models and the YAML reader are imported where files are read and validated: a one-shot `ask`
# whose files validated before loads the cached KnowledgeBase (index_cache) and never needs them (0.15 s)
if TYPE_CHECKING:
    from pydantic import BaseModel

    from bot.models import Article
    from bot.yamlsource import Loc, YamlDoc

M = TypeVar("M", bound="BaseModel")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ARTICLES_FILE = "articles.yaml"
VOCABULARY_FILE = "vocabulary.yaml"


def default_knowledge_dir() -> Path:
    return Path(os.environ.get("TRAINING_BOT_KNOWLEDGE") or PROJECT_ROOT / "knowledge")


def default_seeds_dir() -> Path:
    return Path(os.environ.get("TRAINING_BOT_SEEDS") or PROJECT_ROOT / "seeds")


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or, as a warning, doubtful) in the knowledge."""

    file: str
    line: int
    fact: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        tag = "warning: " if self.warning else ""
        return f"{self.file}:{self.line}: {self.fact}: {tag}{self.message}"


class KnowledgeError(Exception):
    """Knowledge that failed validation; `problems` lists every error found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in knowledge")
        self.problems = problems


@dataclass(frozen=True)
class ArticleInfo:
    """What answers show of an article: models.Article without the body markers, and no pydantic to unpickle."""

    id: str
    seed: str
    training: str
    title: str
    outlet: str
    published: str
    script: str
    aliases: tuple[str, ...] = ()
    source: str | None = None
    time: str | None = None
    editor: str | None = None
    reporter: str | None = None


@dataclass(frozen=True)
class Source:
    """An article with its seed text and the body without page furniture."""

    meta: ArticleInfo
    text: str
    body: str

    @property
    def id(self) -> str:
        return self.meta.id


@dataclass(frozen=True)
class FactPart:
    article: str
    answer: str
    quotes: tuple[str, ...]


@dataclass(frozen=True)
class Fact:
    id: str
    questions: tuple[str, ...]
    parts: tuple[FactPart, ...]
    file: str
    line: int
    overview: bool = False  # a round-up for broad questions about both trainings (models.Fact.overview)
    not_stated: bool = False  # records what the article leaves out: answering with it is declining

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(p.article for p in self.parts)


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything the bot knows; never mutated, replaced whole on reload."""

    articles: Mapping[str, Source]
    facts: tuple[Fact, ...]
    synonyms: tuple[tuple[str, ...], ...]
    lexicon: tuple[str, ...]
    stopwords: frozenset[str]
    examples: tuple[str, ...]
    digest: str
    people: frozenset[str] = frozenset()  # names of people (folded), from vocabulary.yaml
    occasions: frozenset[str] = frozenset()  # programme parts named as context (folded), from vocabulary.yaml

    def fact(self, fact_id: str) -> Fact:
        return self._by_id[fact_id]

    def __reduce__(self) -> tuple[Any, ...]:
        # a mappingproxy does not pickle: the index cache stores a plain copy (and none of the lookup caches)
        values = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "articles"}
        return _unpickle_knowledge, (dict(self.articles), values)

    def counterparts(self, fact_id: str) -> tuple[str, ...]:
        """Facts for both trainings that quote a sentence this one-training fact quotes: its answer for both."""
        cache: dict[str, tuple[str, ...]] | None = self.__dict__.get("_counterparts_cache")
        if cache is None:
            quoted_by: dict[tuple[str, str], list[str]] = {}  # (article, quote) → both-facts quoting it
            for b in self.facts:
                if len(b.parts) > 1 and not b.overview:  # a round-up quotes much; it is nobody's counterpart
                    for part in b.parts:
                        for q in part.quotes:
                            quoted_by.setdefault((part.article, q), []).append(b.id)
            cache = {}
            for f in self.facts:
                if len(f.parts) == 1:
                    part = f.parts[0]
                    found = {b for q in part.quotes for b in quoted_by.get((part.article, q), ())}
                    cache[f.id] = tuple(b.id for b in self.facts if b.id in found)  # in knowledge order
            object.__setattr__(self, "_counterparts_cache", cache)
        return cache.get(fact_id, ())

    @property
    def _by_id(self) -> dict[str, Fact]:
        cache: dict[str, Fact] | None = self.__dict__.get("_by_id_cache")
        if cache is None:
            cache = {f.id: f for f in self.facts}
            object.__setattr__(self, "_by_id_cache", cache)
        return cache


def _unpickle_knowledge(articles: dict[str, Source], values: dict[str, Any]) -> KnowledgeBase:
    return KnowledgeBase(**{**values, "articles": MappingProxyType(articles)})


_YAML11_HINT = (
    "YAML read the unquoted value {value!r} as a {kind}, not text "
    "(YAML 1.1: yes/no/on/off are booleans, 9:30 is the number 570, 2024-04-27 is a date); put it in quotes"
)


def _schema_message(err: Any) -> str:
    value = err.get("input")
    expects_text = err["type"] in {"string_type", "str_type"} or "string" in err["msg"].lower()
    if expects_text and isinstance(value, bool | int | float | dt.date):
        kind = {bool: "boolean", int: "number", float: "number"}.get(type(value), "date")
        return _YAML11_HINT.format(value=value, kind=kind)
    loc = ".".join(str(p) for p in err["loc"])
    msg = err["msg"]
    if err["type"] == "extra_forbidden":
        return f"unknown field '{err['loc'][-1]}' (check the spelling; the schema lists the allowed fields)"
    if err["type"] == "missing":
        return f"missing field '{err['loc'][-1]}'"
    return f"{loc}: {msg}" if loc else msg


def _fact_label(data: Any, loc: Loc) -> str:
    """The id of the fact or article an error is inside, for FILE:LINE: id: problem."""
    if len(loc) >= 2 and loc[0] in ("facts", "articles") and isinstance(loc[1], int):
        try:
            item_id = data[loc[0]][loc[1]].get("id")
        except (KeyError, IndexError, TypeError, AttributeError):
            item_id = None
        return str(item_id) if isinstance(item_id, str) and item_id else f"{loc[0]}[{loc[1]}]"
    return "-"


def _validate(model: type[M], doc: YamlDoc, name: str, problems: list[Problem]) -> M | None:
    from pydantic import ValidationError

    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            # union branches repeat the same error per branch; the loc of the model field is enough
            problems.append(Problem(name, doc.line_of(loc), _fact_label(doc.data, loc), _schema_message(err)))
        return None


def closest_passage(quote: str, text: str) -> str:
    """The passage of `text` most like `quote`, for 'did you mean' messages."""
    al = fuzz.partial_ratio_alignment(quote, text)
    if al is None:
        return ""
    start = max(0, al.dest_start - 5)
    end = min(len(text), al.dest_end + 5)
    return text[start:end].replace("\n", " ").strip()


def _body(text: str, meta: Article) -> str | None:
    start = text.find(meta.body.start)
    if start < 0:
        return None
    end = text.find(meta.body.end, start)
    if end < 0:
        return None
    return text[start : end + len(meta.body.end)]


def _load_articles(kdir: Path, seeds: Path, problems: list[Problem]) -> tuple[dict[str, Source], tuple[str, ...]]:
    from bot.models import ArticlesFile

    path = kdir / ARTICLES_FILE
    if not path.is_file():
        problems.append(Problem(ARTICLES_FILE, 1, "-", f"missing: {path} must list the articles"))
        return {}, ()
    doc = _read(path, problems)
    if doc is None:
        return {}, ()
    parsed = _validate(ArticlesFile, doc, ARTICLES_FILE, problems)
    if parsed is None:
        return {}, ()
    out: dict[str, Source] = {}
    for i, meta in enumerate(parsed.articles):
        line = doc.line_of(("articles", i))
        if meta.id in out:
            problems.append(Problem(ARTICLES_FILE, line, meta.id, "article id used twice"))
            continue
        seed = seeds / meta.seed
        try:
            text = seed.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(ARTICLES_FILE, doc.line_of(("articles", i, "seed")), meta.id,
                                    f"cannot read seed {seed}: {exc}"))
            continue
        for fname in ("title", "outlet", "source", "editor", "reporter"):
            value = getattr(meta, fname)
            if value is not None and value not in text:
                problems.append(Problem(ARTICLES_FILE, doc.line_of(("articles", i, fname)), meta.id,
                                        f"{fname} {value!r} does not appear in the seed"))
        y, m, d = meta.published.split("-")
        if not any(form in text for form in (meta.published, f"{y}年{m}月{d}日")):
            problems.append(Problem(ARTICLES_FILE, doc.line_of(("articles", i, "published")), meta.id,
                                    f"published date {meta.published} does not appear in the seed"))
        if meta.time is not None and meta.time not in text:
            problems.append(Problem(ARTICLES_FILE, doc.line_of(("articles", i, "time")), meta.id,
                                    f"time {meta.time} does not appear in the seed"))
        body = _body(text, meta)
        if body is None:
            problems.append(Problem(ARTICLES_FILE, doc.line_of(("articles", i, "body")), meta.id,
                                    "body start/end markers not found in the seed in that order"))
            continue
        info = ArticleInfo(**{**meta.model_dump(exclude={"body"}), "aliases": tuple(meta.aliases)})
        out[meta.id] = Source(info, text, body)
    return out, tuple(parsed.examples)


def _read(path: Path, problems: list[Problem]) -> YamlDoc | None:
    from bot.yamlsource import YamlProblem, load_yaml

    name = path.name
    try:
        doc, soft = load_yaml(path)
    except YamlProblem as exc:
        problems.append(Problem(name, exc.line, "-", exc.message))
        return None
    problems.extend(Problem(name, p.line, "-", p.message) for p in soft)
    return doc


def _check_quote(quote: str, source: Source, name: str, line: int, fid: str, problems: list[Problem]) -> None:
    if quote in source.text:
        return
    hint = closest_passage(quote, source.text)
    script = "traditional" if source.meta.script == "traditional" else "simplified"
    problems.append(Problem(
        name, line, fid,
        f"quote is not verbatim in {source.meta.seed} ({script} script; quotes are copied, never converted); "
        f"closest passage: «{hint}»",
    ))


def load_knowledge(kdir: Path | None = None, seeds: Path | None = None) -> KnowledgeBase:
    """Load and validate everything; raise KnowledgeError listing every error (warnings are not raised)."""
    kb, problems = check_knowledge(kdir, seeds)
    errors = [p for p in problems if not p.warning]
    if kb is None or errors:
        raise KnowledgeError(errors or [Problem("-", 1, "-", "knowledge could not be loaded")])
    return kb


def check_knowledge(
    kdir: Path | None = None, seeds: Path | None = None
) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Validate the knowledge directory; return the base (None on any error) and all problems found."""
    from bot.models import FactsFile, VocabularyFile

    kdir = Path(kdir) if kdir is not None else default_knowledge_dir()
    seeds = Path(seeds) if seeds is not None else default_seeds_dir()
    problems: list[Problem] = []
    if not kdir.is_dir():
        return None, [Problem(str(kdir), 1, "-", "knowledge directory not found")]
    if not seeds.is_dir():
        return None, [Problem(str(seeds), 1, "-", "seeds directory not found")]

    articles, examples = _load_articles(kdir, seeds, problems)
    synonyms: tuple[tuple[str, ...], ...] = ()
    lexicon: tuple[str, ...] = ()
    stopwords: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    occasions: frozenset[str] = frozenset()
    vpath = kdir / VOCABULARY_FILE
    if vpath.is_file():
        vdoc = _read(vpath, problems)
        vocab = _validate(VocabularyFile, vdoc, VOCABULARY_FILE, problems) if vdoc else None
        if vocab is not None:
            synonyms = tuple(tuple(fold(w) for w in g) for g in vocab.synonyms)
            lexicon = tuple(fold(w) for w in vocab.lexicon)
            stopwords = frozenset(fold(w) for w in vocab.stopwords)
            people = frozenset(fold(w) for w in vocab.people)
            occasions = frozenset(fold(w) for w in vocab.occasions)

    facts: list[Fact] = []
    seen_ids: dict[str, str] = {}
    seen_questions: dict[str, tuple[str, str]] = {}
    files = sorted(p for p in kdir.iterdir() if p.suffix in {".yaml", ".yml"}
                   and p.name not in {ARTICLES_FILE, VOCABULARY_FILE})
    if not files:
        problems.append(Problem(str(kdir), 1, "-", "no facts files (*.yaml) found"))
    for path in files:
        name = path.name
        if path.suffix == ".yml":
            problems.append(Problem(name, 1, "-", "rename to .yaml (only .yaml files are facts files)"))
            continue
        doc = _read(path, problems)
        if doc is None:
            continue
        parsed = _validate(FactsFile, doc, name, problems)
        if parsed is None:
            continue
        if parsed.article is not None and parsed.article not in articles:
            problems.append(Problem(name, doc.line_of(("article",)), "-",
                                    f"unknown article '{parsed.article}' (known: {', '.join(sorted(articles))})"))
            continue
        for i, raw in enumerate(parsed.facts):
            line = doc.line_of(("facts", i))
            if raw.id in seen_ids:
                problems.append(Problem(name, line, raw.id, f"duplicate id (also in {seen_ids[raw.id]})"))
                continue
            seen_ids[raw.id] = f"{name}:{line}"
            if raw.parts is None:
                if parsed.article is None:
                    problems.append(Problem(name, line, raw.id,
                                            "no article: set 'article:' at the top of the file or use parts"))
                    continue
                assert raw.answer is not None and raw.quotes is not None
                parts: tuple[FactPart, ...] = (FactPart(parsed.article, raw.answer, tuple(raw.quotes)),)
                quote_locs: list[tuple[str, Loc]] = [(parsed.article, ("facts", i, "quotes", j))
                                                     for j in range(len(raw.quotes))]
            else:
                parts = tuple(FactPart(p.article, p.answer, tuple(p.quotes)) for p in raw.parts)
                quote_locs = [(p.article, ("facts", i, "parts", k, "quotes", j))
                              for k, p in enumerate(raw.parts) for j in range(len(p.quotes))]
            ok = True
            for aid, loc in quote_locs:
                if aid not in articles:
                    problems.append(Problem(name, doc.line_of(loc[:-2]), raw.id, f"unknown article '{aid}'"))
                    ok = False
                    continue
                quote = doc.data
                for key in loc:
                    quote = quote[key]
                _check_quote(quote, articles[aid], name, doc.line_of(loc), raw.id, problems)
            for j, q in enumerate(raw.questions):
                key = fold(q)
                if key in seen_questions and seen_questions[key][0] != raw.id:
                    other, where = seen_questions[key]
                    problems.append(Problem(name, doc.line_of(("facts", i, "questions", j)), raw.id,
                                            f"question {q!r} is also a question of fact {other} ({where})"))
                seen_questions.setdefault(key, (raw.id, f"{name}:{doc.line_of(('facts', i, 'questions', j))}"))
            if ok:
                facts.append(Fact(raw.id, tuple(raw.questions), parts, name, line, raw.overview, raw.not_stated))

    if any(not p.warning for p in problems):
        return None, problems
    digest = hashlib.sha256()
    for path in sorted([*kdir.glob("*.yaml")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    kb = KnowledgeBase(
        articles=MappingProxyType(articles), facts=tuple(facts), synonyms=synonyms,
        lexicon=lexicon, stopwords=stopwords, examples=examples, digest=digest.hexdigest()[:12], people=people,
        occasions=occasions,
    )
    return kb, problems

"""Strict pydantic models of the knowledge YAML files; the JSON Schemas in knowledge/schema/ come from here."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

FactId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
ArticleId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=40)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]


class Strict(BaseModel):
    # strict: YAML 1.1 turns `no`, `9:30` or `2024-04-27` into bool/int/date; we want a loud error, not coercion
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class BodyBounds(Strict):
    """Where the article body starts and ends in the seed; everything outside is page furniture."""

    start: Text = Field(description="Verbatim text at which the body begins (first occurrence).")
    end: Text = Field(description="Verbatim text with which the body ends (inclusive).")


class Article(Strict):
    """One published article and its metadata, each value as the seed file states it."""

    id: ArticleId
    seed: Text = Field(description="File name in seeds/.")
    training: Text = Field(description="Short simplified-Chinese label of the training, shown before answers.")
    title: Text
    outlet: Text = Field(description="Where it was published.")
    source: Text | None = Field(default=None, description="Original source, when the page names one.")
    published: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")] = Field(
        description='Publication date as "YYYY-MM-DD" (quote it: unquoted YAML reads a date).'
    )
    time: Annotated[str, StringConstraints(pattern=r"^\d{2}:\d{2}(:\d{2})?$")] | None = Field(
        default=None, description='Publication time as "HH:MM[:SS]" (quote it: unquoted 17:26 is a number).'
    )
    editor: Text | None = None
    reporter: Text | None = None
    script: Literal["traditional", "simplified"]
    body: BodyBounds
    aliases: list[Text] = Field(
        default_factory=list, description="Words that name this training in a question (simplified)."
    )


class ArticlesFile(Strict):
    """knowledge/articles.yaml."""

    articles: list[Article] = Field(min_length=1)
    examples: list[Text] = Field(
        default_factory=list, max_length=10, description="Questions offered to newcomers (/start, console)."
    )


class Part(Strict):
    """One article's share of a fact that spans both trainings."""

    article: ArticleId
    answer: Text
    quotes: list[Text] = Field(min_length=1)


class Fact(Strict):
    """A question family and its cited answer."""

    id: FactId
    questions: list[Text] = Field(min_length=3, description="Ways people ask: simplified, traditional, colloquial.")
    answer: Text | None = Field(default=None, description="Concise answer in simplified Chinese.")
    quotes: list[Text] | None = Field(
        default=None, min_length=1, description="Verbatim passages of the article, copied exactly."
    )
    parts: list[Part] | None = Field(
        default=None, min_length=2, description="For a fact spanning trainings: one answer per article."
    )
    overview: bool = Field(
        default=False,
        description="A round-up across trainings for broad questions (有哪些学员分享了经验): used only when a "
        "question names no training and nothing only one of them mentions, and never ahead of a fact about one "
        "thing that fits as well. Needs parts.",
    )
    not_stated: bool = Field(
        default=False,
        description="The answer records what the article leaves out (文章没有写具体日期): a question it answers "
        "best is declined with this text as the reason, its quotes showing what the article does say.",
    )

    @model_validator(mode="after")
    def _answer_or_parts(self) -> Fact:
        single = self.answer is not None or self.quotes is not None
        if self.parts is not None and single:
            raise ValueError("give either answer+quotes or parts, not both")
        if self.parts is None and (self.answer is None or self.quotes is None):
            raise ValueError("a fact needs answer and quotes (or parts for a fact spanning trainings)")
        if self.parts is not None and len({p.article for p in self.parts}) != len(self.parts):
            raise ValueError("parts must name different articles")
        if self.overview and self.parts is None:
            raise ValueError("overview: true needs parts, one per training it rounds up")
        return self


class FactsFile(Strict):
    """knowledge/*.yaml holding facts; `article` is required unless every fact has parts."""

    article: ArticleId | None = None
    facts: list[Fact] = Field(min_length=1)


class VocabularyFile(Strict):
    """knowledge/vocabulary.yaml: synonyms, domain lexicon and stop words for the tokenizer."""

    synonyms: list[list[Text]] = Field(
        default_factory=list, description="Groups of synonyms (simplified); the first word is canonical."
    )
    lexicon: list[Text] = Field(default_factory=list, description="Extra words for jieba (simplified).")
    stopwords: list[Text] = Field(default_factory=list, description="Words that carry no meaning in a question.")
    people: list[Text] = Field(
        default_factory=list,
        description="Names of the people in the articles (simplified): a question asking who someone is or what "
        "they are called wants one of these in its answer.",
    )
    occasions: list[Text] = Field(
        default_factory=list,
        description="Parts of the programme a question names as context (在分组研讨时, 开班动员时): a fact about what "
        "was said or done there answers it without naming the occasion, unlike a fact lacking a person or place.",
    )


SCHEMAS: dict[str, type[Strict]] = {
    "articles": ArticlesFile,
    "facts": FactsFile,
    "vocabulary": VocabularyFile,
}

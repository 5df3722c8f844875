"""Whatever users send and whatever the knowledge holds, every Telegram message is valid HTML within 4096 units."""

from __future__ import annotations

import time
from html.parser import HTMLParser

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from telegram_stub import telegram_html_errors, utf16_len

from bot.answer import Answer, AnswerPart, Citation
from bot.core import QA
from bot.render_html import MAX_MESSAGE, answer_blocks, inline_article, preformatted, render_answer

# Characters users can send: any code point, lone surrogates (broken clients, JSON escapes), controls, bidi and
# zero-width marks, line separators, CJK and emoji.
SPECIAL = list("\x00\x01\x08\x0b\x0c\x1b\x7f\x85\r\n\t \u00a0\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d"
               "\u202e\u2066\u2067\u2068\u2069\u2028\u2029\u3000\ufeff\ufffd<>&\"'")
SAFE_CHAR = st.one_of(
    st.characters(codec="utf-8"),  # every code point except surrogates
    st.sampled_from(SPECIAL),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),
)
ANY_CHAR = st.one_of(SAFE_CHAR, st.integers(0xD800, 0xDFFF).map(chr))
# What someone trying to break the HTML would type: tags Telegram knows and does not, entities, comments.
MARKUP = st.sampled_from([
    "<b>", "</b>", "<i>", "<b><i>", "</i></b>", "<u><s>", '<a href="javascript:alert(1)">', "</a>", "<pre>",
    "</pre>", "<code>", '<code class="language-python">', "<blockquote>", "</blockquote>", "<tg-spoiler>",
    '<span class="tg-spoiler">', '<tg-emoji emoji-id="1">', "<br/>", "<script>", "<!--", "-->", "<![CDATA[",
    "<!DOCTYPE html>", "&amp;", "&lt;", "&gt;", "&quot;", "&#60;", "&#x3c;", "&nbsp;", "&", "&#", "&;", "\"'",
    "👨‍👩‍👧‍👦", "🇨🇳", "e\u0301", "\u202e<b>", "茂名那次培训是哪几天？", "湖北有多少人參加", "4096",
])
PIECES = st.lists(st.one_of(st.text(ANY_CHAR, max_size=30), MARKUP), max_size=12).map("".join)
NONEMPTY = st.lists(st.one_of(st.text(ANY_CHAR, min_size=1, max_size=30), MARKUP), min_size=1, max_size=12).map("".join)
SAFE_PIECES = st.lists(st.one_of(st.text(SAFE_CHAR, max_size=30), MARKUP), max_size=12).map("".join)


def repeated(text: str, length: int) -> str:
    """text repeated to exactly length characters (empty stays empty)."""
    return (text * (length // len(text) + 1))[:length] if text else ""


# up to 100,000 characters, with the lengths around Telegram's limit and the core's 500-character cut-off likely
HUGE = st.builds(repeated, NONEMPTY, st.one_of(
    st.sampled_from([499, 500, 501, 4095, 4096, 4097, 100_000]), st.integers(1, 100_000)))
LONG_SAFE = st.builds(repeated, SAFE_PIECES, st.integers(1, 12_000))

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])
SLOW = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible(messages: list[str]) -> str:
    """The text a reader sees in all messages, whitespace removed (blank pieces of a split are not sent)."""
    parser = _Visible()
    for text in messages:
        parser.feed(text)
    parser.close()
    return "".join("".join(parser.parts).split())


def assert_valid(messages: list[str]) -> None:
    for text in messages:
        assert telegram_html_errors(text) == [], (telegram_html_errors(text), text[:200])
        assert utf16_len(text) <= MAX_MESSAGE


def check_answer(answer: Answer) -> None:
    """Every rendering of answer is valid, and shows all of its text."""
    for show_question in (False, True):
        messages = render_answer(answer, show_question=show_question)
        assert_valid(messages)
        expected = "".join(s.text for b in answer_blocks(answer, show_question) for s in b.segs)
        assert visible(messages) == "".join(expected.split())
    if answer.answered:
        content = inline_article(answer).input_message_content
        assert_valid([content.message_text])  # type: ignore[attr-defined]


def check_asked(qa: QA, question: str) -> None:
    start = time.perf_counter()
    answer = qa.ask(question)
    messages = render_answer(answer, show_question=True)
    assert time.perf_counter() - start < 3.0  # a bound, not a benchmark
    assert messages  # the asker always gets an answer or a decline
    check_answer(answer)


@FAST
@given(PIECES)
def test_any_question_renders_valid_html(qa: QA, question: str) -> None:
    check_asked(qa, question)


@SLOW
@given(HUGE)
@example(repeated("<b><i>&\ud800\u202e😀\r\n\u2028茂名培训\x00", 100_000))
@example(repeated("&", 100_000))  # escapes to five times its length
@example(repeated("茂名那次培训是哪几天？", 4097))
def test_huge_questions_render_valid_html(qa: QA, question: str) -> None:
    check_asked(qa, question)


ARTICLES = st.sampled_from(["maoming-2024", "hubei-2023"])
CITATIONS = st.builds(Citation, article=ARTICLES, title=SAFE_PIECES, outlet=SAFE_PIECES, published=SAFE_PIECES,
                      quote=st.one_of(SAFE_PIECES, LONG_SAFE), source=st.none() | SAFE_PIECES)
# at least one citation per part: the knowledge schema requires a quote for every answer
PARTS = st.builds(AnswerPart, fact_id=st.just("fact-id"), article=ARTICLES, training=SAFE_PIECES,
                  text=st.one_of(SAFE_PIECES, LONG_SAFE),
                  citations=st.lists(CITATIONS, min_size=1, max_size=3).map(tuple))
ANSWERS = st.builds(Answer, question=st.one_of(SAFE_PIECES, LONG_SAFE), answered=st.booleans(),
                    script=st.sampled_from(["simplified", "traditional"]),
                    parts=st.lists(PARTS, min_size=1, max_size=3).map(tuple),
                    confidence=st.floats(0, 1), suggestions=st.lists(SAFE_PIECES, max_size=3).map(tuple),
                    notice=st.one_of(SAFE_PIECES, LONG_SAFE))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANSWERS)
def test_hostile_answers_render_valid_html(answer: Answer) -> None:
    check_answer(answer)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(SAFE_PIECES, LONG_SAFE), SAFE_PIECES)
def test_preformatted_maintainer_text_is_valid(text: str, title: str) -> None:
    messages = preformatted(text, title)
    assert_valid(messages)
    assert visible(messages) == "".join((title + text).split())

"""End to end: the real PTB Application, polling the Bot API stand-in through HTTPXRequest, with the real knowledge."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from telegram_stub import (
    BOT_ID,
    BOT_USERNAME,
    TOKEN,
    USER,
    USER_ID,
    BotApiStub,
    callback,
    inline_query,
    mention,
    message,
    running,
    telegram_html_errors,
)

from bot import __version__
from bot.core import QA
from bot.normalize import detect_script, to_simplified, to_traditional
from bot.render_html import escape
from bot.telegram_bot import ALLOWED_UPDATES, build_application

PRIVATE = USER_ID
GROUP = -1001
DATES_Q = "茂名那次培训是哪几天?"
OOS_Q = "下周会下雨吗"


@pytest.fixture
def stub() -> Iterator[BotApiStub]:
    with BotApiStub() as s:
        yield s


def start(stub: BotApiStub, qa: Any, tmp_path: Path, **kw: Any) -> Any:
    kw.setdefault("unanswered_log", tmp_path / "unanswered.jsonl")
    kw.setdefault("watch_interval", None)
    app = build_application(TOKEN, qa, base_url=stub.base_url, **kw)
    return running(app, stub, allowed_updates=ALLOWED_UPDATES)


@pytest.fixture
def bot(stub: BotApiStub, qa: QA, tmp_path: Path) -> Iterator[BotApiStub]:
    with start(stub, qa, tmp_path):
        yield stub


def wait_reply(stub: BotApiStub, chat_id: int, count: int = 1) -> list[dict[str, Any]]:
    stub.wait_for("sendMessage", count, where=lambda c: c.params["chat_id"] == chat_id)
    return stub.sent(chat_id)


def expected_text(qa: QA, question: str) -> str:
    """The escaped first line the bot should send for question: the first part's answer, or the decline."""
    answer = qa.ask(question)
    return escape(answer.parts[0].text if answer.answered else answer.notice)


def assert_valid(texts: list[str]) -> None:
    for text in texts:
        assert telegram_html_errors(text) == [], text


def test_private_question_gets_cited_answer(bot: BotApiStub, qa: QA) -> None:
    bot.push({"message": message(DATES_Q)})
    [sent] = wait_reply(bot, PRIVATE)
    expected = qa.ask(DATES_Q)
    assert expected.answered
    text = sent["text"]
    assert sent["parse_mode"] == "HTML"
    assert escape(expected.parts[0].text) in text
    for cite in expected.parts[0].citations:
        assert f"<blockquote>{escape(cite.quote)}</blockquote>" in text
        assert f"《{escape(cite.title)}》" in text and cite.outlet in text and cite.published in text
    assert "reply_parameters" not in sent  # private chats need no quoting
    assert_valid([text])


def test_traditional_asker_is_answered_in_traditional(bot: BotApiStub, qa: QA) -> None:
    question = to_traditional(DATES_Q)
    bot.push({"message": message(question)})
    [sent] = wait_reply(bot, PRIVATE)
    expected = qa.ask(question)
    assert expected.script == "traditional" and expected.answered
    answer_line = sent["text"].split("\n")[0]
    assert answer_line == escape(expected.parts[0].text)
    assert detect_script(answer_line) == "traditional"
    assert to_simplified(answer_line) != answer_line  # it has characters only traditional writes so
    assert_valid([sent["text"]])


def test_group_answers_only_when_addressed(bot: BotApiStub, qa: QA) -> None:
    bot.push({"message": message(DATES_Q, chat_id=GROUP, chat_type="group")})  # not for the bot
    other = message("随便聊聊", chat_id=GROUP, chat_type="group", user={"id": 7, "is_bot": False, "first_name": "X"})
    bot.push({"message": message(DATES_Q, chat_id=GROUP, chat_type="group", reply_to_message=other)})  # not to bot
    mentioned = mention(DATES_Q)
    bot.push({"message": mentioned})
    sent = wait_reply(bot, GROUP)
    assert len(sent) == 1  # updates are handled in order, so the two before it were seen and left alone
    assert sent[0]["reply_parameters"]["message_id"] == mentioned["message_id"]
    assert escape(qa.ask(DATES_Q).parts[0].text) in sent[0]["text"]
    assert f"@{BOT_USERNAME}" not in sent[0]["text"]

    bot_msg = bot.sent_messages[max(bot.sent_messages)]
    bot.push({"message": message("湖北有多少人参加？", chat_id=GROUP, chat_type="group", reply_to_message=bot_msg)})
    wait_reply(bot, GROUP, 2)
    bot.push({"message": message("/ask 湖北有多少人参加？", chat_id=GROUP, chat_type="group")})
    wait_reply(bot, GROUP, 3)
    bot.push({"message": message(OOS_Q, chat_id=GROUP, chat_type="group")})
    bot.push({"message": message("/about")})  # a private marker: once answered, the group message was handled
    wait_reply(bot, PRIVATE)
    assert len(bot.sent(GROUP)) == 3
    assert_valid([s["text"] for s in bot.sent()])


def test_non_text_hint_in_private_silence_in_groups(bot: BotApiStub) -> None:
    sticker = {"file_id": "s1", "file_unique_id": "u1", "type": "regular", "width": 512, "height": 512,
               "is_animated": False, "is_video": False}
    bot.push({"message": message(None, chat_id=GROUP, chat_type="group", sticker=sticker)})
    bot.push({"message": message(None, sticker=sticker)})
    [hint] = wait_reply(bot, PRIVATE)
    assert "文字" in hint["text"] and "\n" not in hint["text"]
    photo = [{"file_id": "p1", "file_unique_id": "pu1", "width": 90, "height": 90}]
    bot.push({"message": message(None, photo=photo)})
    wait_reply(bot, PRIVATE, 2)
    assert bot.sent(GROUP) == []


def test_edits_and_channel_posts_never_answer_twice(bot: BotApiStub) -> None:
    original = message(DATES_Q)
    bot.push({"message": original})
    wait_reply(bot, PRIVATE)
    edited = {**original, "text": DATES_Q + "？", "edit_date": original["date"] + 5}
    bot.push({"edited_message": edited})
    bot.push({"channel_post": message(DATES_Q, chat_id=-1002, chat_type="channel")})
    bot.push({"edited_channel_post": message(DATES_Q, chat_id=-1002, chat_type="channel", edit_date=1)})
    bot.push({"message": message("/about", chat_id=555, user={**USER, "id": 555})})  # marker
    wait_reply(bot, 555)
    assert len(bot.sent(PRIVATE)) == 1
    assert bot.sent(-1002) == []
    polls = bot.calls_of("getUpdates", ok_only=False)
    assert all(c.params["allowed_updates"] == ["message", "callback_query", "inline_query"] for c in polls)


def test_decline_offers_buttons_and_a_tap_answers(bot: BotApiStub, qa: QA) -> None:
    bot.push({"message": message(OOS_Q)})
    [decline] = wait_reply(bot, PRIVATE)
    expected = qa.ask(OOS_Q)
    assert not expected.answered
    assert decline["text"] == escape(expected.notice)
    buttons = [row[0] for row in decline["reply_markup"]["inline_keyboard"]]
    assert [b["text"] for b in buttons] == list(expected.suggestions)
    assert all(len(b["callback_data"].encode()) <= 64 for b in buttons)

    bot_msg = bot.sent_messages[max(bot.sent_messages)]
    tap = callback(buttons[1]["callback_data"], bot_msg)
    bot.push(tap)
    [ack] = bot.wait_for("answerCallbackQuery")
    assert ack.params["callback_query_id"] == tap["callback_query"]["id"]
    answer = wait_reply(bot, PRIVATE, 2)[1]
    assert escape(buttons[1]["text"]) in answer["text"]  # the tapped question is shown above its answer
    assert expected_text(qa, buttons[1]["text"]) in answer["text"]
    assert_valid([decline["text"], answer["text"]])


def test_stale_or_foreign_buttons_are_still_acknowledged(bot: BotApiStub) -> None:
    bot_msg = {"message_id": 1, "date": 1, "chat": {"id": PRIVATE, "type": "private"}, "text": "x"}
    bot.push(callback("q:000000000000000000", bot_msg))
    bot.push(callback("something else", bot_msg))
    acks = bot.wait_for("answerCallbackQuery", 2)
    assert all(a.params.get("text") for a in acks)  # "this button has expired" rather than a spinner
    bot.push({"message": message("/about")})
    wait_reply(bot, PRIVATE)
    assert len(bot.sent()) == 1


def test_start_help_sources_about_and_command_menu(bot: BotApiStub, qa: QA) -> None:
    [menu] = bot.calls_of("setMyCommands")
    assert {c["command"] for c in menu.params["commands"]} >= {"start", "help", "sources", "about"}
    for i, command in enumerate(["/start", "/help", "/sources", "/about"], 1):
        bot.push({"message": message(command)})
        wait_reply(bot, PRIVATE, i)
    start_msg, help_msg, sources, about = bot.sent(PRIVATE)
    kb = qa.kb
    examples = [row[0]["text"] for row in start_msg["reply_markup"]["inline_keyboard"]]
    assert examples == list(kb.examples[:3])
    for source in kb.articles.values():
        assert escape(source.meta.title) in start_msg["text"]
        assert escape(source.meta.title) in sources["text"]
        assert source.meta.outlet in sources["text"] and source.meta.published in sources["text"]
    assert "湖北日报" in sources["text"]
    assert f"@{BOT_USERNAME}" in help_msg["text"] and "/ask" in help_msg["text"]
    assert __version__ in about["text"] and kb.digest in about["text"] and str(len(kb.facts)) in about["text"]
    assert_valid([s["text"] for s in bot.sent()])

    # an example button answers its question
    bot.push(callback(start_msg["reply_markup"]["inline_keyboard"][0][0]["callback_data"],
                      bot.sent_messages[min(bot.sent_messages)]))
    bot.wait_for("answerCallbackQuery")
    reply = wait_reply(bot, PRIVATE, 5)[4]
    assert expected_text(qa, examples[0]) in reply["text"]


def test_inline_query_returns_at_most_five_cited_articles(bot: BotApiStub, qa: QA) -> None:
    bot.push(inline_query(DATES_Q))
    bot.push(inline_query(""))
    bot.push(inline_query(OOS_Q))
    calls = bot.wait_for("answerInlineQuery", 3)
    for call in calls:
        results = call.params["results"]
        assert len(results) <= 5
        for r in results:
            assert r["type"] == "article" and len(r["id"].encode()) <= 64
            content = r["input_message_content"]
            assert content["parse_mode"] == "HTML" and "<blockquote>" in content["message_text"]
            assert_valid([content["message_text"]])
    first = calls[0].params["results"]
    assert first and escape(qa.ask(DATES_Q).parts[0].text) in first[0]["input_message_content"]["message_text"]
    assert len(calls[1].params["results"]) == 3  # the examples when nothing is typed yet


class LongAnswers:
    """The real QA, except that one question gets an answer far longer than one Telegram message."""

    def __init__(self, qa: QA) -> None:
        self.qa = qa

    def __getattr__(self, name: str) -> Any:
        return getattr(self.qa, name)

    def ask(self, question: str) -> Any:
        answer = self.qa.ask(question)
        if question == "long":
            real = self.qa.ask(DATES_Q)
            part = dataclasses.replace(real.parts[0], text="<b>&甲乙丙丁。" * 900)
            answer = dataclasses.replace(real, question=question, parts=(part, *real.parts[1:]))
        if question == "boom":
            raise RuntimeError("handler bug")
        return answer


def test_long_answer_is_split_into_valid_messages(stub: BotApiStub, qa: QA, tmp_path: Path) -> None:
    with start(stub, LongAnswers(qa), tmp_path):
        stub.push({"message": message("long")})
        stub.push({"message": message("/about", chat_id=555, user={**USER, "id": 555})})  # marker
        wait_reply(stub, 555)
    sent = [s["text"] for s in stub.sent(PRIVATE)]
    assert len(sent) >= 3
    assert_valid(sent)
    assert "".join(sent).count("甲乙丙丁") == 900
    assert sent[-1].endswith("</blockquote>")


def test_faults_are_survived(stub: BotApiStub, qa: QA, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    with start(stub, LongAnswers(qa), tmp_path):
        stub.fail("getUpdates", 502)
        stub.wait_for("getUpdates", where=lambda c: c.status == 502, ok_only=False)
        stub.push({"message": message(DATES_Q)})
        wait_reply(stub, PRIVATE, 1)

        stub.fail("sendMessage", 429, retry_after=1)
        stub.push({"message": message(DATES_Q)})
        wait_reply(stub, PRIVATE, 2)  # AIORateLimiter waited retry_after and sent again
        assert [c.status for c in stub.calls_of("sendMessage", ok_only=False)][-2:] == [429, 200]

        stub.fail("sendMessage", 500)
        stub.push({"message": message(DATES_Q)})
        stub.wait_for("sendMessage", where=lambda c: c.status == 500, ok_only=False)
        stub.push({"message": message("boom")})  # a handler that raises
        stub.push({"message": message(DATES_Q)})
        wait_reply(stub, PRIVATE, 3)
    assert "Telegram request failed: Internal Server Error" in caplog.text
    assert "error while handling an update" in caplog.text and "handler bug" in caplog.text


def test_token_absent_from_logs_at_debug(stub: BotApiStub, qa: QA, tmp_path: Path) -> None:
    import io

    from bot import redact
    from bot.telegram_bot import setup_logging

    root = logging.getLogger()
    old_level, out = root.level, io.StringIO()
    handler = setup_logging(TOKEN, level=logging.DEBUG, stream=out)
    assert logging.getLogger("httpx").level == logging.WARNING
    # and now the worst case: httpx and httpcore logging every URL, which carries the token
    logging.getLogger("httpx").setLevel(logging.DEBUG)
    logging.getLogger("httpcore").setLevel(logging.DEBUG)
    try:
        with start(stub, qa, tmp_path):
            stub.fail("sendMessage", 500, echo_path=True)  # an error text that quotes the URL, token included
            stub.push({"message": message(DATES_Q)})
            stub.wait_for("sendMessage", where=lambda c: c.status == 500, ok_only=False)
            stub.push({"message": message(DATES_Q)})
            wait_reply(stub, PRIVATE)
        logging.getLogger("probe").error("token %s in args", TOKEN, exc_info=RuntimeError(f"url /bot{TOKEN}/x"))
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        for name in ("httpx", "httpcore"):
            logging.getLogger(name).setLevel(logging.WARNING)
        for h in root.handlers:
            for f in list(h.filters):
                if isinstance(f, redact.SecretRedactor):
                    h.removeFilter(f)
    text = out.getvalue()
    assert "Set Bot API URL" in text and "HTTP Request" in text and "Internal Server Error at" in text
    assert redact.REDACTED in text
    assert TOKEN not in text and TOKEN.split(":")[1] not in text
    assert "%3A" + TOKEN.split(":")[1] not in text


def test_the_bot_ignores_what_it_posted_inline_itself(bot: BotApiStub) -> None:
    me = {"id": BOT_ID, "is_bot": True, "first_name": "Training", "username": BOT_USERNAME}
    bot.push({"message": message(DATES_Q, via_bot=me)})
    bot.push({"message": message("/about", chat_id=555, user={**USER, "id": 555})})
    wait_reply(bot, 555)
    assert bot.sent(PRIVATE) == []

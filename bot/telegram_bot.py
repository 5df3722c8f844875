"""The Telegram adapter: a python-telegram-bot Application whose handlers read, ask the core once, render, send."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import re
import signal
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import telegram
from telegram import BotCommand, InlineKeyboardMarkup, Message, ReplyParameters, Update, User
from telegram.constants import ChatType, MessageEntityType, ParseMode
from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot import __version__, redact
from bot.answer import ORIGIN_LABEL, Answer, examples
from bot.core import QA
from bot.knowledge import KnowledgeError, Problem, default_knowledge_dir
from bot.normalize import Script, in_script
from bot.render_html import (
    Block,
    Seg,
    SuggestionStore,
    inline_article,
    preformatted,
    render_answer,
    render_lines,
    suggestion_keyboard,
)
from bot.watch import Watcher

log = logging.getLogger("bot.telegram")

# edits and channel posts are never asked for, so they can never produce a second answer
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
POLL_TIMEOUT = 30  # seconds a getUpdates long poll may wait; stopping cancels it at once
TOKEN_RE = re.compile(r"[0-9]{1,20}:[A-Za-z0-9_-]{30,100}")
SECRET_RE = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what Telegram accepts as a webhook secret_token
INLINE_RESULTS = 5
UNANSWERED_TOP = 10
WATCH_INTERVAL = 2.0
# Pauses before sending a reply again after a network error, a timeout or a 5xx: four tries over 3.5 s. A timed-out
# send may have reached Telegram, so this can rarely post a reply twice; that beats losing it. 429s are left to
# AIORateLimiter, which waits retry_after.
SEND_RETRY_DELAYS = (0.5, 1.0, 2.0)

# Texts written once in simplified Chinese; in_script converts them for traditional readers.
COMMANDS = [
    ("start", "我能回答什么"),
    ("help", "怎么提问"),
    ("ask", "提问（群组里用：/ask 问题）"),
    ("sources", "两篇报道的出处"),
    ("about", "版本和知识库信息"),
]
START = "你好！我回答关于下面两篇报道的问题，每个回答都附上原文出处和引文："
START_TRY = "点下面的例子试试，或者直接发问题。"
HELP = [
    "直接把问题发给我，简体繁体都可以，比如“茂名那次培训是哪几天？”",
    "每个回答都注明出处：报道标题、媒体、日期和原文引文。文章没讲到的，我会直说，并列出相近的问题。",
    "在群组里：@我 提问、回复我的消息，或者用 /ask 问题。",
    "在任何聊天里输入 @{bot} 问题，可以把带出处的回答发到那个聊天。",
    "/sources 两篇报道的出处　/about 版本和知识库信息",
]
HELP_ADMIN = "维护者：/reload 重新加载知识库　/unanswered 最常见的未答问题"
NON_TEXT = "我只看得懂文字，请把问题打成文字发给我。"
UNKNOWN_COMMAND = "没有这个命令，发 /help 看看怎么用。"
NOT_ADMIN = "这个命令只供维护者使用。"
EXPIRED = "这个按钮已失效，请直接输入问题。"
RELOADED = "知识库已重新加载：{facts} 条事实，版本 {digest}。"
RELOAD_FAILED = "知识库有错误，没有替换，仍在使用旧版本 {digest}："


@dataclass
class BotState:
    """What the handlers share: the core, the button store and the maintainer settings."""

    qa: QA
    admins: frozenset[int] = frozenset()
    store: SuggestionStore = field(default_factory=SuggestionStore)
    unanswered_log: Path | None = None
    watch_interval: float | None = WATCH_INTERVAL
    handle_sighup: bool = False
    tasks: set[asyncio.Task[Any]] = field(default_factory=set)


def _state(context: ContextTypes.DEFAULT_TYPE) -> BotState:
    state: BotState = context.application.bot_data["state"]
    return state


def user_script(user: User | None) -> Script:
    """Traditional for users whose Telegram language is a traditional Chinese locale."""
    code = (user.language_code or "").lower() if user else ""
    return "traditional" if code in {"zh-hant", "zh-tw", "zh-hk", "zh-mo"} else "simplified"


def addressed_text(message: Message, bot_id: int, username: str | None) -> str | None:
    """The question in a text message meant for the bot, or None: private chats always, groups when addressed."""
    text = message.text or ""
    if message.chat.type == ChatType.PRIVATE:
        return text
    if message.chat.type not in (ChatType.GROUP, ChatType.SUPERGROUP):
        return None
    mentions = [
        value for entity, value in message.parse_entities([MessageEntityType.MENTION,
                                                            MessageEntityType.TEXT_MENTION]).items()
        if (entity.type == MessageEntityType.MENTION and username and value.lower() == f"@{username.lower()}")
        or (entity.type == MessageEntityType.TEXT_MENTION and entity.user is not None and entity.user.id == bot_id)
    ]
    if mentions:
        for value in mentions:
            text = text.replace(value, " ")
        return text.strip()
    reply = message.reply_to_message
    # in forum topics every message "replies" to the topic's first message; that is not addressing the bot
    topic_root = message.is_topic_message and reply is not None and reply.message_id == message.message_thread_id
    if reply is not None and not topic_root and reply.from_user is not None and reply.from_user.id == bot_id:
        return text
    return None


async def ask(state: BotState, question: str) -> Answer:
    """Ask the core once (in a thread, off the event loop); log the question when declined."""
    answer = await asyncio.to_thread(state.qa.ask, question)
    if not answer.answered and answer.question.strip():
        try:
            from bot import unanswered

            await asyncio.to_thread(unanswered.record, answer, state.unanswered_log)
        except Exception:  # the log is for maintainers; it must never cost the user the answer
            log.exception("could not record an unanswered question")
    return answer


def _transient(exc: TelegramError) -> bool:
    """A failure that sending again may cure: network errors, timeouts and 5xx, not a rejected request."""
    return isinstance(exc, NetworkError) and not isinstance(exc, BadRequest)


async def send_message(bot: telegram.Bot, chat_id: int, text: str, **kwargs: Any) -> None:
    """bot.send_message, tried again after a transient failure (SEND_RETRY_DELAYS), so a hiccup costs no reply."""
    for delay in SEND_RETRY_DELAYS:
        try:
            await bot.send_message(chat_id, text, **kwargs)
            return
        except TelegramError as exc:
            if not _transient(exc):
                raise
            log.warning("Telegram request failed: %s; sending again in %.1f s", exc, delay)
        await asyncio.sleep(delay)
    await bot.send_message(chat_id, text, **kwargs)


async def send_chunks(bot: telegram.Bot, chat_id: int, chunks: Sequence[str],
                      markup: InlineKeyboardMarkup | None = None, reply_to: int | None = None,
                      thread_id: int | None = None) -> None:
    """Send HTML chunks in order; the keyboard goes on the last one, the reply reference on the first."""
    for i, chunk in enumerate(chunks):
        await send_message(
            bot, chat_id, chunk, parse_mode=ParseMode.HTML,
            reply_markup=markup if i == len(chunks) - 1 else None,
            reply_parameters=ReplyParameters(reply_to, allow_sending_without_reply=True)
            if reply_to is not None and i == 0 else None,
            message_thread_id=thread_id,
        )


async def reply(message: Message, chunks: Sequence[str], markup: InlineKeyboardMarkup | None = None) -> None:
    """Answer a message in its chat (and topic); in groups quote it so the asker sees which question it answers."""
    group = message.chat.type != ChatType.PRIVATE
    await send_chunks(message.get_bot(), message.chat.id, chunks, markup,
                      reply_to=message.message_id if group else None,
                      thread_id=message.message_thread_id if message.is_topic_message else None)


async def answer_message(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    """Ask, render, send: the answer with citations, or the decline with the nearest questions as buttons."""
    assert update.message is not None
    state = _state(context)
    answer = await ask(state, question)
    markup = None if answer.answered else suggestion_keyboard(answer.suggestions, state.store)
    await reply(update.message, render_answer(answer), markup)


def _from_own_inline(message: Message, bot_id: int) -> bool:
    return message.via_bot is not None and message.via_bot.id == bot_id


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a text message addressed to the bot."""
    message = update.message
    if message is None or message.text is None or _from_own_inline(message, context.bot.id):
        return
    question = addressed_text(message, context.bot.id, context.bot.username)
    if question is not None:
        await answer_message(update, context, question)


async def on_ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the question after /ask (the way to ask in groups with privacy mode on)."""
    if update.message is None or update.message.text is None:
        return
    pieces = update.message.text.split(maxsplit=1)
    await answer_message(update, context, pieces[1] if len(pieces) > 1 else "")


async def on_non_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Tell a private chatter that only text questions are understood."""
    if update.message is not None:
        await reply(update.message, render_lines([in_script(NON_TEXT, user_script(update.effective_user))]))


async def on_unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Point a private chatter at /help."""
    if update.message is not None:
        await reply(update.message, render_lines([in_script(UNKNOWN_COMMAND, user_script(update.effective_user))]))


async def on_suggestion(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the question a tapped button stands for."""
    query = update.callback_query
    if query is None:
        return
    state = _state(context)
    script = user_script(query.from_user)
    question = state.store.get(query.data or "", known_questions(state.qa))
    try:
        # always answered, so the client stops its spinner even when the button is stale
        await query.answer(None if question is not None else in_script(EXPIRED, script))
    except TelegramError as exc:
        log.warning("could not answer a callback query: %s", exc)
    if question is None or query.message is None:
        return
    answer = await ask(state, question)
    markup = None if answer.answered else suggestion_keyboard(answer.suggestions, state.store)
    message = query.message
    thread_id = message.message_thread_id if isinstance(message, Message) and message.is_topic_message else None
    await send_chunks(context.bot, message.chat.id, render_answer(answer, show_question=True), markup,
                      thread_id=thread_id)


def known_questions(qa: QA) -> Iterator[str]:
    """Every text a button can stand for, in both scripts (lazily): lets a button outlive the in-memory store."""
    kb = qa.kb
    for text in (*kb.examples, *(f.questions[0] for f in kb.facts)):
        yield in_script(text, "simplified")
        yield in_script(text, "traditional")


def inline_answers(qa: QA, query: str) -> list[Answer]:
    """Up to five cited answers: the question's own, then its nearest questions (or the examples when empty)."""
    query = query.strip()
    first = qa.ask(query) if query else None
    script = first.script if first else "simplified"
    asked = [first] if first else []
    more = first.suggestions if first else examples(qa.kb, script)
    asked += [qa.ask(q) for q in more]
    out: list[Answer] = []
    seen: set[tuple[str, ...]] = set()
    for a in asked:
        if a.answered and a.facts not in seen:
            seen.add(a.facts)
            out.append(a)
    return out[:INLINE_RESULTS]


async def on_inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Offer up to five cited answers for what is typed after @bot."""
    query = update.inline_query
    if query is None:
        return
    answers = await asyncio.to_thread(inline_answers, _state(context).qa, query.query)
    await query.answer([inline_article(a) for a in answers], cache_time=60)


async def on_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say what the bot knows and offer three example questions as buttons."""
    if update.message is None:
        return
    state = _state(context)
    script = user_script(update.effective_user)
    lines: list[Block | str] = [in_script(START, script)]
    for source in state.qa.kb.articles.values():
        meta = source.meta
        lines.append(Block((Seg("• "), Seg(in_script(meta.training, script), "b"),
                            Seg(f"——《{meta.title}》，{meta.outlet}，{meta.published}"))))
    lines.append(in_script(START_TRY, script))
    await reply(update.message, render_lines(lines), suggestion_keyboard(examples(state.qa.kb, script), state.store))


async def on_help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain how to ask, in private chats, groups and inline."""
    if update.message is None:
        return
    script = user_script(update.effective_user)
    lines = [in_script(line, script).replace("{bot}", context.bot.username or "bot") for line in HELP]
    if _is_admin(update, _state(context)):
        lines.append(in_script(HELP_ADMIN, script))
    await reply(update.message, render_lines(lines))


async def on_sources(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List both articles: title, outlet, original source, date."""
    if update.message is None:
        return
    script = user_script(update.effective_user)
    lines: list[Block | str] = []
    for source in _state(context).qa.kb.articles.values():
        m = source.meta
        when = f"{m.published} {m.time}" if m.time else m.published
        origin = f"，{in_script(ORIGIN_LABEL, script)}：{m.source}" if m.source else ""
        lines.append(Block((Seg(in_script(m.training, script), "b"),)))
        lines.append(Block((Seg(f"《{m.title}》", "i"), Seg(f"，{m.outlet}{origin}，{when}"))))
    await reply(update.message, render_lines(lines))


async def on_about(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the version, the fact count and the knowledge hash."""
    if update.message is None:
        return
    kb = _state(context).qa.kb
    script = user_script(update.effective_user)
    lines: list[Block | str] = [
        Block.of(f"training-bot {__version__}", "b"),
        in_script(f"知识库：{len(kb.facts)} 条事实，{len(kb.articles)} 篇文章，版本 ", script) + kb.digest,
        f"python-telegram-bot {telegram.__version__}",
    ]
    await reply(update.message, render_lines(lines))


def _is_admin(update: Update, state: BotState) -> bool:
    return update.effective_user is not None and update.effective_user.id in state.admins


async def reload_knowledge(state: BotState, why: str) -> list[Problem]:
    """Validate knowledge/ again and swap it in when valid; log the outcome either way."""
    errors = await asyncio.to_thread(state.qa.reload)
    if errors:
        log.error("knowledge reload (%s) failed; still serving %s:\n%s", why, state.qa.kb.digest,
                  "\n".join(str(p) for p in errors))
    else:
        log.info("knowledge reloaded (%s): %d facts, %s", why, len(state.qa.kb.facts), state.qa.kb.digest)
    return errors


async def on_reload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reload the knowledge for an admin and report the errors or the new version."""
    if update.message is None:
        return
    state = _state(context)
    script = user_script(update.effective_user)
    if not _is_admin(update, state):
        await reply(update.message, render_lines([in_script(NOT_ADMIN, script)]))
        return
    who = update.effective_user.id if update.effective_user else "?"
    errors = await reload_knowledge(state, f"/reload by {who}")
    kb = state.qa.kb
    if errors:
        title = in_script(RELOAD_FAILED, script).format(digest=kb.digest)
        chunks = preformatted("\n".join(str(p) for p in errors), title)
    else:
        chunks = render_lines([in_script(RELOADED, script).format(facts=len(kb.facts), digest=kb.digest)])
    await reply(update.message, chunks)


async def on_unanswered(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show an admin the ten most frequent declined questions."""
    if update.message is None:
        return
    state = _state(context)
    if not _is_admin(update, state):
        await reply(update.message, render_lines([in_script(NOT_ADMIN, user_script(update.effective_user))]))
        return
    from bot import unanswered

    path = state.unanswered_log or unanswered.default_log_path()
    groups = await asyncio.to_thread(unanswered.summarise, path)
    await reply(update.message, preformatted(unanswered.format_summary(groups, UNANSWERED_TOP)))


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error and keep serving."""
    err = context.error
    if isinstance(err, NetworkError | RetryAfter):
        # Telegram or the network hiccuped; PTB retries polling by itself, the next update is served as usual
        log.warning("Telegram request failed: %s", err)
        log.debug("details", exc_info=err)
    else:
        log.error("error while handling an update", exc_info=err)


async def _watch(state: BotState, interval: float) -> None:
    """Reload whenever a knowledge file changes; polled, so it works on every filesystem."""
    watcher = Watcher(state.qa.knowledge_dir or default_knowledge_dir())
    while True:
        await asyncio.sleep(interval)
        try:
            if await asyncio.to_thread(watcher.changed):
                await reload_knowledge(state, "knowledge changed")
        except Exception:
            log.exception("knowledge watch failed; trying again")


def _spawn(state: BotState, coro: Any) -> None:
    task = asyncio.get_running_loop().create_task(coro)
    state.tasks.add(task)
    task.add_done_callback(state.tasks.discard)


async def post_init(app: Application) -> None:  # type: ignore[type-arg]
    """Register the command menu and start the knowledge watch and the SIGHUP reload."""
    state: BotState = app.bot_data["state"]
    try:
        await app.bot.set_my_commands([BotCommand(name, text) for name, text in COMMANDS])
    except TelegramError as exc:  # the menu is a convenience; answering matters more
        log.warning("could not register the command menu: %s", exc)
    if state.watch_interval:
        _spawn(state, _watch(state, state.watch_interval))
    if state.handle_sighup:
        loop = asyncio.get_running_loop()
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError, AttributeError):
            loop.add_signal_handler(signal.SIGHUP, lambda: _spawn(state, reload_knowledge(state, "SIGHUP")))
    log.info("serving as @%s: %d facts, knowledge %s", app.bot.username, len(state.qa.kb.facts),
             state.qa.kb.digest)


async def post_stop(app: Application) -> None:  # type: ignore[type-arg]
    """Stop the background tasks started in post_init."""
    state: BotState = app.bot_data["state"]
    if state.handle_sighup:
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError, AttributeError):
            asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
    tasks = list(state.tasks)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def build_application(token: str, qa: QA, *, base_url: str | None = None, admins: frozenset[int] = frozenset(),
                      unanswered_log: Path | None = None, watch_interval: float | None = WATCH_INTERVAL,
                      handle_sighup: bool = False, concurrent_updates: bool | int = False, rate_limits: bool = True,
                      read_timeout: float | None = None) -> Application:  # type: ignore[type-arg]
    """The Application with every handler; run it with run_polling or run_webhook."""
    # concurrent_updates: handle this many updates at once (True: 256); off by default, so one chat's questions are
    # answered in the order asked. rate_limits=False lifts Telegram's flood limits (30 messages/s, 20 a minute per
    # group) for a Bot API server without them, such as the load test's stand-in; 429s are waited out either way.
    # read_timeout: seconds to wait for a Bot API response (None: PTB's 5 s).
    flood = {} if rate_limits else {"overall_max_rate": 0, "group_max_rate": 0}
    limiter = AIORateLimiter(max_retries=3, **flood)
    builder = (
        Application.builder()
        .token(token)
        .rate_limiter(limiter)  # 429: wait retry_after and send again
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .concurrent_updates(concurrent_updates)
        .post_init(post_init)
        .post_stop(post_stop)
    )
    if base_url:
        builder = builder.base_url(base_url)
    if read_timeout is not None:
        builder = builder.read_timeout(read_timeout).get_updates_read_timeout(read_timeout)
    app = builder.build()
    app.bot_data["state"] = BotState(qa, admins, unanswered_log=unanswered_log, watch_interval=watch_interval,
                                     handle_sighup=handle_sighup)
    new = filters.UpdateType.MESSAGE  # never edited messages or channel posts
    for name, callback in [("start", on_start), ("help", on_help), ("sources", on_sources), ("about", on_about),
                           ("ask", on_ask), ("reload", on_reload), ("unanswered", on_unanswered)]:
        app.add_handler(CommandHandler(name, callback, filters=new))
    app.add_handler(MessageHandler(new & filters.TEXT & ~filters.COMMAND, on_text))
    app.add_handler(MessageHandler(new & filters.ChatType.PRIVATE & filters.COMMAND, on_unknown_command))
    app.add_handler(MessageHandler(new & filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL,
                                   on_non_text))
    app.add_handler(CallbackQueryHandler(on_suggestion))
    app.add_handler(InlineQueryHandler(on_inline))
    app.add_error_handler(on_error)
    return app


def setup_logging(*secrets: str, level: str | int = logging.INFO, stream: Any = None) -> logging.Handler:
    """Log to stderr (or stream) with every secret redacted; httpx quiet, since its lines carry the token URL."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
    redact.install(*secrets)
    return handler


def token_problem(token: str) -> str | None:
    """Why a TELEGRAM_BOT_TOKEN value cannot be a bot token, or None."""
    if not token:
        return "TELEGRAM_BOT_TOKEN is not set; create a bot with @BotFather and export its token"
    if not TOKEN_RE.fullmatch(token):
        return "TELEGRAM_BOT_TOKEN is malformed; expected <bot id>:<secret> exactly as @BotFather gives it"
    return None


def parse_admin_ids(value: str) -> frozenset[int]:
    """Comma-separated Telegram user ids; raises ValueError naming the bad one."""
    ids = set()
    for item in value.split(","):
        item = item.strip()
        if not item:
            continue
        if not item.isdigit():
            raise ValueError(f"TRAINING_BOT_ADMIN_IDS: {item!r} is not a numeric Telegram user id")
        ids.add(int(item))
    return frozenset(ids)


def parse_concurrency(value: str) -> int:
    """TRAINING_BOT_CONCURRENT_UPDATES: how many updates to handle at once; empty or 0 means one at a time."""
    value = value.strip()
    if not value:
        return 0
    if not value.isdigit():
        raise ValueError(f"TRAINING_BOT_CONCURRENT_UPDATES: {value!r} is not a whole number of updates")
    return int(value)


def _fail(message: str) -> int:
    print(f"training-bot telegram: {message}", file=sys.stderr)
    return 2


def run_telegram(args: argparse.Namespace) -> int:
    """Check the environment, load the knowledge, and serve until SIGINT or SIGTERM."""
    env = os.environ
    token = env.get("TELEGRAM_BOT_TOKEN", "").strip()
    problem = token_problem(token)
    if problem:
        return _fail(problem)
    try:
        admins = parse_admin_ids(env.get("TRAINING_BOT_ADMIN_IDS", ""))
        watch_interval = float(env.get("TRAINING_BOT_WATCH_INTERVAL", WATCH_INTERVAL))
        concurrent = parse_concurrency(env.get("TRAINING_BOT_CONCURRENT_UPDATES", ""))
    except ValueError as exc:
        return _fail(str(exc))
    secret = ""
    webhook_url = args.webhook_url or env.get("TELEGRAM_WEBHOOK_URL")
    if args.webhook:
        secret = env.get("TELEGRAM_WEBHOOK_SECRET", "")
        if not SECRET_RE.fullmatch(secret):
            return _fail("--webhook needs TELEGRAM_WEBHOOK_SECRET: 1-256 characters from A-Z a-z 0-9 _ -")
        if not webhook_url:
            return _fail("--webhook needs --webhook-url (or TELEGRAM_WEBHOOK_URL): the public https URL "
                         "Telegram posts to")

    setup_logging(token, secret, level=env.get("TRAINING_BOT_LOG_LEVEL", "INFO").upper())
    try:
        qa = QA.load(args.knowledge, args.seeds)
    except KnowledgeError as exc:
        print("training-bot telegram: the knowledge has errors; run `training-bot check` for all of them:",
              file=sys.stderr)
        for p in exc.problems[:5]:
            print(f"  {p}", file=sys.stderr)
        return 1
    app = build_application(token, qa, base_url=env.get("TELEGRAM_BASE_URL") or None, admins=admins,
                            watch_interval=watch_interval or None, handle_sighup=True,
                            concurrent_updates=concurrent or False)
    try:
        # bootstrap_retries=-1: an unreachable Telegram at start-up is waited out, not fatal
        if args.webhook:
            app.run_webhook(listen=args.listen, port=args.port, url_path=args.url_path, webhook_url=webhook_url,
                            secret_token=secret, allowed_updates=ALLOWED_UPDATES, bootstrap_retries=-1)
        else:
            app.run_polling(allowed_updates=ALLOWED_UPDATES, timeout=POLL_TIMEOUT, bootstrap_retries=-1)
    except InvalidToken:
        return _fail("Telegram rejected TELEGRAM_BOT_TOKEN (revoked or mistyped?); check it with @BotFather")
    except Exception:  # through logging, so the redaction applies; an uncaught traceback could show the token
        log.exception("the bot stopped on an unexpected error")
        return 1
    return 0

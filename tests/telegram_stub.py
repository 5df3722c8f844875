"""A Bot API stand-in on 127.0.0.1 for end-to-end tests: PTB talks to it through its real HTTPXRequest."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import random
import re
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol, Self
from urllib.parse import parse_qsl

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"
BOT_ID = 123456789
BOT_USERNAME = "training_test_bot"
JSON_FIELDS = {"reply_markup", "allowed_updates", "results", "commands", "reply_parameters", "link_preview_options",
               "scope", "button", "entities"}
INT_FIELDS = {"chat_id", "offset", "timeout", "limit", "message_id", "cache_time", "message_thread_id"}
MAX_POLL = 5.0  # a long poll never holds a test longer than this
DROPPED = -1  # Call.status of a request whose connection was closed without a response
STALLED = -2  # Call.status of a request held past the client's read timeout, then closed without a response


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024  # listen backlog: a bot opening 256 connections at once must not be reset


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    status: int = 200
    at: float = field(default_factory=time.monotonic)


@dataclass
class Fault:
    status: int
    retry_after: int | None = None
    echo_path: bool = False  # put the request path (with the token) in the error text, as a careless proxy might


class BotApiStub:
    """Answers the Bot API methods the bot uses, records every call, and fails on request."""

    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.bot_user = {"id": BOT_ID, "is_bot": True, "first_name": "Training", "username": BOT_USERNAME,
                         "can_join_groups": True, "can_read_all_group_messages": False,
                         "supports_inline_queries": True}
        self._cond = threading.Condition()
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(5000)
        self._faults: dict[str, deque[Fault]] = {}
        self._chats: dict[int, dict[str, Any]] = {}
        self.sent_messages: dict[int, dict[str, Any]] = {}
        self.stall_seconds = 3.5
        self.latency = 0.0  # seconds every answer but getUpdates is held, like a round trip to Telegram
        self._closed = False
        self._closing = threading.Event()
        self._server = _Server(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), name="bot-api-stub",
                                        daemon=True)

    # lifecycle ---------------------------------------------------------------------------------------------

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._closing.set()
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._server.shutdown()
        self._server.server_close()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    # what tests do ------------------------------------------------------------------------------------------

    def fail(self, method: str, status: int, times: int = 1, retry_after: int | None = None,
             echo_path: bool = False) -> None:
        """Make the next `times` calls of method fail with status."""
        with self._cond:
            self._faults.setdefault(method, deque()).extend(Fault(status, retry_after, echo_path)
                                                            for _ in range(times))

    def push(self, update: dict[str, Any]) -> int:
        """Queue an update (update_id is added) for the next getUpdates; returns its id."""
        with self._cond:
            update = {"update_id": next(self._update_ids), **update}
            for value in update.values():
                if isinstance(value, dict) and isinstance(value.get("chat"), dict):
                    self._chats[value["chat"]["id"]] = value["chat"]
            self._updates.append(update)
            self._cond.notify_all()
            return int(update["update_id"])

    def calls_of(self, method: str, ok_only: bool = True) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.method == method and (c.status == 200 or not ok_only)]

    def sent(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """Parameters of every successful sendMessage (to chat_id)."""
        return [c.params for c in self.calls_of("sendMessage") if chat_id is None or c.params["chat_id"] == chat_id]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0,
                 where: Callable[[Call], bool] = lambda c: True, ok_only: bool = True) -> list[Call]:
        """Block until `count` matching calls happened; AssertionError after timeout."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [c for c in self.calls
                         if c.method == method and (c.status == 200 or not ok_only) and where(c)]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(c.method, c.status) for c in self.calls][-20:]
                    raise AssertionError(f"{count} x {method} not seen in {timeout}s; last calls: {seen}")
                self._cond.wait(min(left, 0.5))

    def wait_confirmed(self, update_id: int, timeout: float = 10.0) -> None:
        """Block until the bot has fetched update_id and asked for the ones after it."""
        self.wait_for("getUpdates", timeout=timeout, where=lambda c: int(c.params.get("offset", 0)) > update_id,
                      ok_only=False)

    # the HTTP side --------------------------------------------------------------------------------------------

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body are two writes: Nagle would hold the body ~40 ms

            def log_message(self, format: str, *args: Any) -> None:  # quiet: pytest shows failures anyway
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                status, payload, ctype = stub._dispatch(self.path, self.headers.get("Content-Type", ""), body)
                if status in (DROPPED, STALLED):
                    if status == STALLED:
                        stub._closing.wait(stub.stall_seconds)  # bounded, and cut short when the stub closes
                    self.close_connection = True  # hang up without a word
                    return
                if stub.latency and not self.path.endswith("/getUpdates"):
                    stub._closing.wait(stub.latency)
                with contextlib.suppress(ConnectionError):  # the bot hung up on a long poll when stopping
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)

            do_GET = do_POST

        return Handler

    @staticmethod
    def _params(ctype: str, body: bytes) -> dict[str, Any]:
        if not body:
            return {}
        if ctype.startswith("application/json"):
            data: dict[str, Any] = json.loads(body)
            return data
        params: dict[str, Any] = {}
        for key, value in parse_qsl(body.decode("utf-8"), keep_blank_values=True):
            if key in JSON_FIELDS:
                params[key] = json.loads(value)
            elif key in INT_FIELDS and re.fullmatch(r"-?\d+", value):
                params[key] = int(value)
            else:
                params[key] = value
        return params

    def _dispatch(self, path: str, ctype: str, body: bytes) -> tuple[int, bytes, str]:
        match = re.fullmatch(r"/bot([^/]+)/(\w+)", path.split("?")[0])
        if not match:
            return self._error(404, "Not Found")
        token, method = match.groups()
        params = self._params(ctype, body)
        if token != self.token:
            self._record(method, params, 401)
            return self._error(401, "Unauthorized")
        with self._cond:
            queue = self._faults.get(method)
            fault = queue.popleft() if queue else None
        if fault is not None:
            self._record(method, params, fault.status)
            if fault.status == 502:  # what nginx in front of Telegram sends: HTML, not JSON
                page = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
                return 502, page, "text/html"
            text = HTTPStatus(fault.status).phrase + (f" at {path}" if fault.echo_path else "")
            if fault.retry_after is not None:
                return self._error(fault.status, f"Too Many Requests: retry after {fault.retry_after}",
                                   {"retry_after": fault.retry_after})
            return self._error(fault.status, text)
        if method == "getUpdates":
            return self._ok(self._get_updates(params))
        self._record(method, params, 200)
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return self._error(404, "Not Found: method not found")
        return self._ok(handler(params))

    def _record(self, method: str, params: dict[str, Any], status: int) -> None:
        with self._cond:
            self.calls.append(Call(method, params, status))
            self._cond.notify_all()

    @staticmethod
    def _ok(result: Any) -> tuple[int, bytes, str]:
        return 200, json.dumps({"ok": True, "result": result}).encode(), "application/json"

    @staticmethod
    def _error(status: int, description: str, parameters: dict[str, Any] | None = None) -> tuple[int, bytes, str]:
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if parameters:
            body["parameters"] = parameters
        return status, json.dumps(body).encode(), "application/json"

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        wait = min(float(params.get("timeout") or 0), MAX_POLL)
        deadline = time.monotonic() + wait
        with self._cond:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]  # offset confirms the rest
            self.calls.append(Call("getUpdates", params))
            self._cond.notify_all()
            while not self._updates and not self._closed:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(left)
            return list(self._updates[: int(params.get("limit") or 100)])

    def _message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        chat = self._chats.get(chat_id, {"id": chat_id, "type": "private", "first_name": "Asker"})
        msg = {"message_id": next(self._message_ids), "date": int(time.time()), "chat": chat,
               "from": self.bot_user, "text": params.get("text", "")}
        if "reply_markup" in params:
            msg["reply_markup"] = params["reply_markup"]
        with self._cond:
            self.sent_messages[msg["message_id"]] = msg
        return msg

    def _m_getMe(self, params: dict[str, Any]) -> Any:
        return self.bot_user

    def _m_sendMessage(self, params: dict[str, Any]) -> Any:
        return self._message(params)

    def _m_editMessageText(self, params: dict[str, Any]) -> Any:
        if "inline_message_id" in params:
            return True
        return self._message(params)

    def _m_answerCallbackQuery(self, params: dict[str, Any]) -> Any:
        return True

    def _m_answerInlineQuery(self, params: dict[str, Any]) -> Any:
        return True

    def _m_setMyCommands(self, params: dict[str, Any]) -> Any:
        return True

    def _m_deleteWebhook(self, params: dict[str, Any]) -> Any:
        return True

    def _m_setWebhook(self, params: dict[str, Any]) -> Any:
        return True

    def _m_sendChatAction(self, params: dict[str, Any]) -> Any:
        return True


@dataclass(frozen=True)
class FaultPlan:
    """How often the chaos stand-in fails each request of `methods`, by kind (probabilities per request)."""

    seed: int = 6
    drop: float = 0.05  # close the connection without a response
    stall: float = 0.04  # hold the request past the client's read timeout, then close without a response
    server_error: float = 0.06  # 500, 502 (nginx's HTML page), 503 or 504
    too_many: float = 0.05  # 429 with retry_after
    retry_after: int = 1
    stall_seconds: float = 3.5  # past PTB's read timeout (plus the long-poll timeout for getUpdates)
    # at most this many failures in a row for one request (one getUpdates offset, one message): a client that
    # retries a few times always gets through, so "every update answered" is a fair demand and the test is stable
    max_streak: int = 2
    methods: tuple[str, ...] = ("getUpdates", "sendMessage")
    # faults for the first getUpdates calls once updates flow (each after a success), whatever the dice say: how
    # many polls a run makes depends on timing, so this makes sure every kind hits polling in a short run too
    opening: tuple[str, ...] = ("drop", "5xx", "429", "stall")


class ChaosBotApiStub(BotApiStub):
    """The stand-in with random faults; whether a request fails depends only on the seed, the request and its try."""

    def __init__(self, plan: FaultPlan | None = None, token: str = TOKEN) -> None:
        super().__init__(token)
        self.plan = plan or FaultPlan()
        self.stall_seconds = self.plan.stall_seconds
        self.enabled = True
        self.injected: Counter[tuple[str, str]] = Counter()  # (method, kind) -> count
        self.delivered: Counter[int] = Counter()  # update_id -> times handed out by a successful getUpdates
        self._tries: Counter[tuple[Any, ...]] = Counter()
        self._streak: Counter[tuple[Any, ...]] = Counter()
        self._opening = deque(self.plan.opening)

    @staticmethod
    def _key(method: str, params: dict[str, Any]) -> tuple[Any, ...]:
        if method == "getUpdates":
            return (method, int(params.get("offset") or 0))
        return (method, params.get("chat_id"), params.get("text"))

    def _draw(self, method: str, params: dict[str, Any]) -> tuple[str, int] | None:
        """The fault for this try of this request, or None."""
        plan = self.plan
        key = self._key(method, params)
        with self._cond:
            tries = self._tries[key]
            self._tries[key] += 1
            if not self.enabled or self._streak[key] >= plan.max_streak:
                self._streak[key] = 0
                return None
            rng = random.Random(f"{plan.seed}|{key}|{tries}")  # a str seed hashes the same in every process
            roll = rng.random()
            statuses = {"drop": DROPPED, "stall": STALLED, "5xx": rng.choice((500, 502, 503, 504)), "429": 429}
            fault: tuple[str, int] | None = None
            if method == "getUpdates" and self.delivered and self._opening and not self._streak[key]:
                kind = self._opening.popleft()
                fault = (kind, statuses[kind])
            else:
                for kind, p in (("drop", plan.drop), ("stall", plan.stall), ("5xx", plan.server_error),
                                ("429", plan.too_many)):
                    if roll < p:
                        fault = (kind, statuses[kind])
                        break
                    roll -= p
            if fault is None:
                self._streak[key] = 0
                return None
            self._streak[key] += 1
            self.injected[(method, fault[0])] += 1
            return fault

    def _dispatch(self, path: str, ctype: str, body: bytes) -> tuple[int, bytes, str]:
        match = re.fullmatch(r"/bot([^/]+)/(\w+)", path.split("?")[0])
        if match and match.group(1) == self.token and match.group(2) in self.plan.methods:
            method, params = match.group(2), self._params(ctype, body)
            fault = self._draw(method, params)
            if fault is not None:
                kind, status = fault
                self._record(method, params, status)
                if kind in ("drop", "stall"):
                    return status, b"", ""
                if kind == "429":
                    return self._error(429, f"Too Many Requests: retry after {self.plan.retry_after}",
                                       {"retry_after": self.plan.retry_after})
                if status == 502:  # nginx's page, as in front of the real Bot API
                    return 502, b"<html><head><title>502 Bad Gateway</title></head></html>", "text/html"
                return self._error(status, HTTPStatus(status).phrase)
        return super()._dispatch(path, ctype, body)

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        updates = super()._get_updates(params)
        with self._cond:
            self.delivered.update(u["update_id"] for u in updates)
        return updates

    def faults(self) -> dict[str, dict[str, int]]:
        """Injected faults by method and kind."""
        out: dict[str, dict[str, int]] = {m: {} for m in self.plan.methods}
        with self._cond:
            for (method, kind), n in sorted(self.injected.items()):
                out[method][kind] = n
        return out


# building updates -----------------------------------------------------------------------------------------------

_ids = itertools.count(100)
USER_ID = 4242
USER: dict[str, Any] = {"id": USER_ID, "is_bot": False, "first_name": "Asker", "language_code": "zh-hans"}


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def message(text: str | None = None, chat_id: int = 4242, chat_type: str = "private",
            user: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    """A Message object as Telegram sends it."""
    chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
    if chat_type in ("group", "supergroup", "channel"):
        chat["title"] = "Study group"
    else:
        chat["first_name"] = "Asker"
    msg: dict[str, Any] = {"message_id": next(_ids), "date": int(time.time()), "chat": chat, **extra}
    if chat_type != "channel":
        msg["from"] = user or USER
    if text is not None:
        msg["text"] = text
        if text.startswith("/"):
            cmd = text.split()[0]
            msg.setdefault("entities", []).append({"type": "bot_command", "offset": 0, "length": utf16_len(cmd)})
    return msg


def mention(text_after: str, **kw: Any) -> dict[str, Any]:
    """A group message that starts with @bot."""
    handle = f"@{BOT_USERNAME}"
    msg = message(f"{handle} {text_after}", chat_type="group", chat_id=-1001, **kw)
    msg["entities"] = [{"type": "mention", "offset": 0, "length": utf16_len(handle)}]
    return msg


def callback(data: str, bot_message: dict[str, Any], user: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"callback_query": {"id": str(next(_ids)), "from": user or USER, "chat_instance": "ci-1",
                               "data": data, "message": bot_message}}


def inline_query(query: str) -> dict[str, Any]:
    return {"inline_query": {"id": str(next(_ids)), "from": USER, "query": query, "offset": ""}}


# checking Telegram HTML -------------------------------------------------------------------------------------------

ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji",
                "code", "pre", "blockquote"}
ALLOWED_ATTRS = {"a": {"href"}, "span": {"class"}, "tg-emoji": {"emoji-id"}, "code": {"class"},
                 "blockquote": {"expandable"}}
NAMED_ENTITIES = {"lt", "gt", "amp", "quot"}


class _TelegramHTML(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.errors.append(f"tag <{tag}> is not allowed")
        for name, _ in attrs:
            if name not in ALLOWED_ATTRS.get(tag, set()):
                self.errors.append(f"attribute {name} not allowed on <{tag}>")
        if tag == "blockquote" and "blockquote" in self.stack:
            self.errors.append("nested blockquote")
        if self.stack and self.stack[-1] in ("code", "pre") and tag != "code":
            self.errors.append(f"<{tag}> inside <{self.stack[-1]}>")
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.errors.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> does not close {self.stack[-1:] or 'anything'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "<" in data or ">" in data:
            self.errors.append(f"unescaped angle bracket in {data[:30]!r}")

    def handle_entityref(self, name: str) -> None:
        if name not in NAMED_ENTITIES:
            self.errors.append(f"entity &{name}; not supported")

    def handle_comment(self, data: str) -> None:
        self.errors.append("comment")

    def handle_decl(self, decl: str) -> None:
        self.errors.append("declaration")


def telegram_html_errors(text: str, limit: int = 4096) -> list[str]:
    """Why Telegram would reject text as parse_mode=HTML ([] when it is fine)."""
    parser = _TelegramHTML()
    # a bare & that starts no entity is an error for Telegram
    for m in re.finditer(r"&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)", text):
        parser.errors.append(f"bare & at {m.start()}")
    parser.feed(text)
    parser.close()
    if parser.stack:
        parser.errors.append(f"unclosed {parser.stack}")
    if utf16_len(text) > limit:
        parser.errors.append(f"{utf16_len(text)} > {limit} characters")
    if not text.strip():
        parser.errors.append("empty message")
    return parser.errors


# running the real Application against the stand-in --------------------------------------------------------------


class CallLog(Protocol):
    """What `running` needs of a stand-in: BotApiStub, or a proxy to one in another process."""

    def calls_of(self, method: str, ok_only: bool = True) -> list[Call]: ...


@contextlib.contextmanager
def running(app: Any, stub: CallLog, webhook: dict[str, Any] | None = None, **polling: Any) -> Iterator[None]:
    """Run app.run_polling (or run_webhook with these arguments) in a thread until the block ends."""
    box: dict[str, Any] = {}
    errors: list[BaseException] = []

    def target() -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        box["loop"] = loop
        try:
            if webhook is not None:
                app.run_webhook(stop_signals=None, **webhook)
            else:
                app.run_polling(stop_signals=None, **{"timeout": 2, **polling})
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=target, name="bot-under-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    ready = "setWebhook" if webhook is not None else "getUpdates"
    while not (app.running and stub.calls_of(ready, ok_only=False)):
        if errors or not thread.is_alive():
            raise AssertionError(f"the bot did not start: {errors}")
        if time.monotonic() > deadline:
            raise AssertionError("the bot did not start within 10 s")
        time.sleep(0.02)
    time.sleep(0.05)  # let Application.start() return before anyone stops it
    try:
        yield
    finally:
        box["loop"].call_soon_threadsafe(app.stop_running)
        thread.join(10)
        assert not thread.is_alive(), "the bot did not stop within 10 s"
    if errors:
        raise errors[0]

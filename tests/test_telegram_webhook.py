"""Webhook mode end to end: PTB's own webhook server on 127.0.0.1, updates POSTed to it, replies on the stand-in."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from telegram_stub import TOKEN, USER, BotApiStub, message, running, telegram_html_errors

from bot.core import QA
from bot.telegram_bot import ALLOWED_UPDATES, build_application

SECRET = "s3cret-Token_for-tests"
QUESTION = "茂名那次培训是哪几天?"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def webhook(qa: QA, tmp_path: Path) -> Iterator[tuple[BotApiStub, str]]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/tg-hook"
    with BotApiStub() as stub:
        app = build_application(TOKEN, qa, base_url=stub.base_url, watch_interval=None,
                                unanswered_log=tmp_path / "unanswered.jsonl")
        args = {"listen": "127.0.0.1", "port": port, "url_path": "tg-hook", "webhook_url": url,
                "secret_token": SECRET, "allowed_updates": ALLOWED_UPDATES}
        with running(app, stub, webhook=args):
            yield stub, url


def post(url: str, update: dict[str, object], secret: str | None) -> httpx.Response:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    return httpx.post(url, content=json.dumps(update), headers=headers, timeout=5)


def test_webhook_is_registered_with_secret(webhook: tuple[BotApiStub, str]) -> None:
    stub, url = webhook
    [call] = stub.calls_of("setWebhook")
    assert call.params["url"] == url
    assert call.params["secret_token"] == SECRET
    assert call.params["allowed_updates"] == ALLOWED_UPDATES


def test_update_with_right_secret_is_answered(webhook: tuple[BotApiStub, str], qa: QA) -> None:
    stub, url = webhook
    response = post(url, {"update_id": 1, "message": message(QUESTION)}, SECRET)
    assert response.status_code == 200
    [call] = stub.wait_for("sendMessage")
    assert call.params["chat_id"] == USER["id"]
    assert qa.ask(QUESTION).parts[0].citations[0].quote in call.params["text"]
    assert telegram_html_errors(call.params["text"]) == []


@pytest.mark.parametrize("secret", ["wrong", None])
def test_wrong_or_missing_secret_is_forbidden(webhook: tuple[BotApiStub, str], secret: str | None) -> None:
    stub, url = webhook
    response = post(url, {"update_id": 2, "message": message(QUESTION)}, secret)
    assert response.status_code == 403
    # a good update afterwards is answered, and it is the only answer
    assert post(url, {"update_id": 3, "message": message("/about")}, SECRET).status_code == 200
    stub.wait_for("sendMessage")
    assert len(stub.sent()) == 1
    assert "training-bot" in stub.sent()[0]["text"]

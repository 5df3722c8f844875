"""Keep the bot token (and other secrets) out of every log line that reaches a handler."""

from __future__ import annotations

import logging
from urllib.parse import quote

REDACTED = "[REDACTED]"


class SecretRedactor(logging.Filter):
    """Replace each secret in a record's message, arguments, exception text and stack text."""

    def __init__(self, *secrets: str) -> None:
        super().__init__()
        forms: set[str] = set()
        for secret in secrets:
            if secret:
                # URLs may carry the token percent-encoded (the ':' as %3A)
                forms |= {secret, quote(secret, safe=""), quote(secret)}
        self._forms = sorted(forms, key=len, reverse=True)

    def redact(self, text: str) -> str:
        """The text with every secret replaced."""
        for form in self._forms:
            if form in text:
                text = text.replace(form, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._forms:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not leak its arguments either
            message = f"{record.msg!s} {record.args!r}"
        # merge args into msg: an argument's str() (an httpx.URL, an exception) may hold the token
        record.msg = self.redact(message)
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            text = record.exc_text or logging.Formatter().formatException(record.exc_info)
            record.exc_text = self.redact(text)
            # formatters use exc_text as is; dropping exc_info keeps one from formatting the raw traceback
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def install(*secrets: str, logger: logging.Logger | None = None) -> SecretRedactor:
    """Add one redacting filter to every handler of the root logger (or `logger`); returns it."""
    redactor = SecretRedactor(*secrets)
    for handler in (logger or logging.getLogger()).handlers:
        handler.addFilter(redactor)
    return redactor


def uninstall(redactor: SecretRedactor, logger: logging.Logger | None = None) -> None:
    """Remove a filter that `install` added."""
    for handler in (logger or logging.getLogger()).handlers:
        handler.removeFilter(redactor)

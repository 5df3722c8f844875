"""Writing lines to a terminal or pipe, shared by the command line and the console."""

from __future__ import annotations

import sys
from typing import IO


def write_line(text: str, stream: IO[str] | None = None) -> None:
    """Write text and a newline as UTF-8 bytes: a C locale or a pipe must not turn Chinese into an encoding error."""
    stream = stream or sys.stdout
    data = (text + "\n").encode("utf-8", "replace")
    buf = getattr(stream, "buffer", None)
    stream.flush()
    if buf is not None:
        buf.write(data)
        buf.flush()
    else:
        stream.write(data.decode("utf-8"))
        stream.flush()

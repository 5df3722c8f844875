"""Keep the built Matcher on disk between runs, keyed by knowledge and code, so a one-shot `ask` starts fast."""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from pathlib import Path

from bot.knowledge import KnowledgeBase
from bot.matcher import Matcher
from bot.tokenize import cache_dir

log = logging.getLogger(__name__)
_CODE = ("matcher.py", "tokenize.py", "pinyin.py", "normalize.py", "knowledge.py")


def _key(kb: KnowledgeBase) -> str:
    h = hashlib.sha256(kb.digest.encode())
    here = Path(__file__).parent
    for name in _CODE:
        h.update((here / name).read_bytes())
    return h.hexdigest()[:20]


def _trusted(path: Path) -> bool:
    # unpickling runs code: only read files this user wrote and nobody else can change
    st = path.stat()
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


class _Pickler(pickle.Pickler):
    """Stores the KnowledgeBase by reference: the caller supplies the freshly validated one on load."""

    def __init__(self, fh: object, kb: KnowledgeBase) -> None:
        super().__init__(fh, protocol=pickle.HIGHEST_PROTOCOL)  # type: ignore[arg-type]
        self.kb = kb

    def persistent_id(self, obj: object) -> str | None:
        return "kb" if obj is self.kb else None


class _Unpickler(pickle.Unpickler):
    def __init__(self, fh: object, kb: KnowledgeBase) -> None:
        super().__init__(fh)  # type: ignore[arg-type]
        self.kb = kb

    def persistent_load(self, pid: object) -> KnowledgeBase:
        if pid != "kb":
            raise pickle.UnpicklingError(f"unknown reference {pid!r}")
        return self.kb


KEEP = 4  # old knowledge versions whose index stays cached


def _prune(where: Path) -> None:
    """Drop all but the newest few indexes, so edits and test copies do not fill the disk."""
    old = sorted(where.glob("index-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]
    for p in old:
        p.unlink(missing_ok=True)


def build_matcher(kb: KnowledgeBase) -> Matcher:
    """A Matcher for kb, from the cache when the same knowledge and code built one before."""
    path = cache_dir() / f"index-{_key(kb)}.pickle"
    try:
        if path.exists() and _trusted(path):
            with path.open("rb") as fh:
                matcher = _Unpickler(fh, kb).load()
            if isinstance(matcher, Matcher):
                return matcher
    except Exception as exc:  # a stale or corrupt cache only costs a rebuild
        log.debug("index cache unreadable (%s); rebuilding", exc)
    matcher = Matcher(kb)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            _Pickler(fh, kb).dump(matcher)
        os.replace(tmp, path)
        _prune(path.parent)
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:
        log.debug("index cache not written: %s", exc)
        tmp.unlink(missing_ok=True)
    return matcher

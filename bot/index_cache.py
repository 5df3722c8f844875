"""Keep the validated knowledge and the built Matcher on disk between runs, keyed by their inputs and code, so a
one-shot `ask` starts fast."""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from pathlib import Path

from bot.knowledge import KnowledgeBase, default_knowledge_dir, default_seeds_dir, load_knowledge
from bot.matcher import Matcher
from bot.normalize import opencc_version, to_traditional
from bot.tokenize import cache_dir

log = logging.getLogger(__name__)
_CODE = ("matcher.py", "tokenize.py", "pinyin.py", "normalize.py", "knowledge.py")
# what turns knowledge and seed files into a KnowledgeBase
_LOADER_CODE = ("knowledge.py", "models.py", "yamlsource.py", "normalize.py")


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


KEEP = 4  # old knowledge versions whose files stay cached


def _prune(where: Path, pattern: str) -> None:
    """Drop all but the newest few, so edits and test copies do not fill the disk."""
    old = sorted(where.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]
    for p in old:
        p.unlink(missing_ok=True)


def _read(path: Path, kb: KnowledgeBase | None) -> object:
    """The object pickled at path, or None when there is none this user may trust or it is unreadable."""
    try:
        if path.exists() and _trusted(path):
            with path.open("rb") as fh:
                return _Unpickler(fh, kb).load() if kb is not None else pickle.load(fh)
    except Exception as exc:  # a stale or corrupt cache only costs a rebuild
        log.debug("cache %s unreadable (%s); rebuilding", path.name, exc)
    return None


def _write(path: Path, obj: object, kb: KnowledgeBase | None, pattern: str) -> None:
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            if kb is not None:
                _Pickler(fh, kb).dump(obj)
            else:
                pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        _prune(path.parent, pattern)
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:
        log.debug("cache %s not written: %s", path.name, exc)
        tmp.unlink(missing_ok=True)


def build_matcher(kb: KnowledgeBase) -> Matcher:
    """A Matcher for kb, from the cache when the same knowledge and code built one before."""
    path = cache_dir() / f"index-{_key(kb)}.pickle"
    matcher = _read(path, kb)
    if isinstance(matcher, Matcher):
        return matcher
    matcher = Matcher(kb)
    _write(path, matcher, kb, "index-*.pickle")
    return matcher


def traditional_renderings(texts: set[str]) -> dict[str, str]:
    """to_traditional of each text, from the cache when the same texts went through the same converter before."""
    h = hashlib.sha256(opencc_version().encode())
    h.update((Path(__file__).parent / "normalize.py").read_bytes())
    for text in sorted(texts):
        h.update(text.encode("utf-8", "surrogatepass") + b"\0")
    path = cache_dir() / f"traditional-{h.hexdigest()[:20]}.pickle"
    table = _read(path, None)
    if isinstance(table, dict):
        return table
    table = {text: to_traditional(text) for text in texts}
    _write(path, table, None, "traditional-*.pickle")
    return table


def _files_key(kdir: Path, seeds: Path) -> str:
    h = hashlib.sha256()
    for where in (kdir, seeds):
        for p in sorted(where.iterdir()):
            if p.is_file():
                h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
        h.update(b"\1")
    here = Path(__file__).parent
    for name in _LOADER_CODE:
        h.update((here / name).read_bytes())
    return h.hexdigest()[:20]


def load_knowledge_cached(kdir: Path | None = None, seeds: Path | None = None) -> KnowledgeBase:
    """load_knowledge, without parsing and validating again files that passed before, byte for byte."""
    kdir = Path(kdir) if kdir is not None else default_knowledge_dir()
    seeds = Path(seeds) if seeds is not None else default_seeds_dir()
    try:
        path = cache_dir() / f"knowledge-{_files_key(kdir, seeds)}.pickle"
    except OSError:  # a missing or unreadable directory: load_knowledge says which
        return load_knowledge(kdir, seeds)
    kb = _read(path, None)
    if isinstance(kb, KnowledgeBase):
        return kb
    kb = load_knowledge(kdir, seeds)  # raises KnowledgeError, and nothing is cached
    _write(path, kb, None, "knowledge-*.pickle")
    return kb

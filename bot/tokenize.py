"""jieba segmentation through a private Tokenizer on a small cached dictionary plus the knowledge lexicon."""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

# jieba imports pkg_resources (80 ms) only to locate its own files and falls back to plain paths without it
_had_pkg_resources = "pkg_resources" in sys.modules
if not _had_pkg_resources:
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
try:
    import jieba
finally:
    if not _had_pkg_resources:
        del sys.modules["pkg_resources"]

jieba.setLogLevel(logging.ERROR)

# The 50,000 most frequent words of jieba's 349,000 segment these questions as well as the full list and load
# in 0.06 s instead of 0.6 s (benchmarks/startup measures it); domain words come from knowledge/vocabulary.yaml.
DICT_WORDS = 50_000
LEXICON_FREQ = 200_000  # high enough that jieba keeps a domain word whole
# Places (ns) and people (nr) jieba knows; a question naming one the knowledge lacks (湛江, 江西) asks about
# somewhere else. The commonest (城市 is tagged ns) are ordinary words, not names.
NAME_TAGS = ("ns", "nr")
NAME_MAX_FREQ = 20_000
RECENT_BLOCKS = 64
KEEP_DICTIONARIES = 4  # older knowledge versions a running bot may still be using

# Adverbs, conjunctions, prepositions, particles, pronouns, locatives (一块儿, 起来的, 另外, 为何): phrasing, not
# what a question asks about, when the knowledge lacks them
FUNCTION_TAGS = frozenset({"d", "c", "p", "u", "uj", "ul", "uz", "ud", "ug", "uv", "y", "e", "o", "r", "rr", "rz",
                           "rg", "f", "dg", "df", "ad", "k", "h", "mq", "m"})
# numeral phrases (m) only when short: 一块, 好多 are phrasing, 一把手 is a subject
NUMERAL_MAX_LEN = 2

_WORD = re.compile(r"(?=.*\w)[\w.%]+")  # 2.28万, 30%; not an ellipsis (......)
_BLOCK = jieba.re_han_default  # what jieba cuts on its own (the rest kept, as it does)


def cache_dir() -> Path:
    """A writable directory for the derived dictionary: $TRAINING_BOT_CACHE, XDG cache, or the temp dir."""
    for cand in (os.environ.get("TRAINING_BOT_CACHE"),
                 os.environ.get("XDG_CACHE_HOME") and str(Path(os.environ["XDG_CACHE_HOME"]) / "training-bot"),
                 str(Path.home() / ".cache" / "training-bot"),
                 str(Path(tempfile.gettempdir()) / "training-bot-cache")):
        if not cand:
            continue
        path = Path(cand)
        try:
            path.mkdir(parents=True, exist_ok=True)
            if os.access(path, os.W_OK):
                return path
        except OSError:
            continue
    return Path(tempfile.mkdtemp(prefix="training-bot-"))


def _small_dictionary(lexicon: tuple[str, ...], where: Path) -> Path:
    # the tag sets are part of the key: the .names and .function files derive from them
    settings = (f"|{DICT_WORDS}|{jieba.__version__}|{sorted(NAME_TAGS)}|{NAME_MAX_FREQ}|{sorted(FUNCTION_TAGS)}"
                f"|{NUMERAL_MAX_LEN}")
    key = hashlib.sha256(("\n".join(lexicon) + settings).encode()).hexdigest()[:16]
    path = where / f"dict-{key}.txt"
    if all(path.with_suffix(x).exists() for x in (".names", ".function", ".txt")):
        return path
    src = Path(jieba.__file__).with_name("dict.txt")
    entries = []
    with src.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ")
            if len(parts) >= 2 and parts[1].isdigit():
                entries.append((int(parts[1]), parts[0], line.rstrip("\n")))
    entries.sort(key=lambda e: -e[0])
    lines = [e[2] for e in entries[:DICT_WORDS]]
    names = [w for f, w, line in entries[:DICT_WORDS]
             if len(w) >= 2 and f <= NAME_MAX_FREQ and line.split(" ")[-1] in NAME_TAGS]
    function = [w for _, w, line in entries[:DICT_WORDS] if line.split(" ")[-1] in FUNCTION_TAGS
                and (line.split(" ")[-1] != "m" or len(w) <= NUMERAL_MAX_LEN)]
    lines += [f"{w} {LEXICON_FREQ}" for w in lexicon if " " not in w]
    for target, text in ((path.with_suffix(".names"), "\n".join(names)),
                         (path.with_suffix(".function"), "\n".join(function)), (path, "\n".join(lines) + "\n")):
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)  # atomic, so a parallel start never reads half a file; the dictionary last
    _prune(where, keep=KEEP_DICTIONARIES)
    return path


def _prune(where: Path, keep: int) -> None:
    """Drop the files of all but the newest `keep` dictionaries: each lexicon edit makes a new one (1.7 MB)."""
    dicts = sorted(where.glob("dict-*.txt"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in dicts[keep:]:
        for f in where.glob(f"{old.stem}.*"):
            try:
                f.unlink()
            except OSError:
                pass  # another process removed it first, or it is in use on a system that forbids it


class Segmenter:
    """Cuts folded text into words; one instance per knowledge base, never jieba's global one."""

    def __init__(self, lexicon: Iterable[str]) -> None:
        self.lexicon = tuple(sorted(set(lexicon)))
        where = cache_dir()
        dictionary = _small_dictionary(self.lexicon, where)
        self._tk = jieba.Tokenizer(dictionary=str(dictionary))
        self._tk.cache_file = str(dictionary.with_suffix(".cache"))
        self._tk.tmp_dir = str(where)
        self._load_prefix_dict(dictionary)
        self._names_file = dictionary.with_suffix(".names")
        self._names: frozenset[str] | None = None
        self._function: frozenset[str] | None = None

    def _load_prefix_dict(self, dictionary: Path) -> None:
        # jieba reads its cache with marshal.load(file), which reads object by object: 0.17 s against 0.04 s for
        # marshal.loads of the whole file. A cache older than its dictionary, or unreadable, is jieba's to rebuild.
        cache = Path(self._tk.cache_file)
        try:
            if cache.stat().st_mtime > dictionary.stat().st_mtime:
                freq, total = marshal.loads(cache.read_bytes())
                if isinstance(freq, dict) and isinstance(total, int):
                    self._tk.FREQ, self._tk.total, self._tk.initialized = freq, total, True
                    return
        except (OSError, ValueError, EOFError, TypeError):
            pass
        self._tk.initialize()

    def is_name(self, word: str) -> bool:
        """Whether jieba's dictionary knows `word` as a place or person name (loaded on first use)."""
        if self._names is None:
            try:
                self._names = frozenset(self._names_file.read_text("utf-8").split("\n"))
            except OSError:
                self._names = frozenset()
        return word in self._names

    def is_function(self, word: str) -> bool:
        """Whether jieba's dictionary tags `word` as a function word (adverb, particle, pronoun...)."""
        if self._function is None:
            try:
                self._function = frozenset(self._names_file.with_suffix(".function").read_text("utf-8").split("\n"))
            except OSError:
                self._function = frozenset()
        return word in self._function

    def __getstate__(self) -> dict[str, object]:
        # jieba's Tokenizer holds a lock; a pickled index rebuilds it from the cached dictionary instead
        return {"lexicon": self.lexicon}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["lexicon"])  # type: ignore[misc]

    def is_word(self, text: str) -> bool:
        """Whether `text` is a word of the dictionary (the typo corrector never rewrites real words)."""
        return self.frequency(text) > 0

    def frequency(self, word: str) -> int:
        """How often jieba's dictionary says `word` occurs (0 when it is not a word)."""
        return int(self._tk.FREQ.get(word) or 0)

    def tokens(self, text: str) -> list[str]:
        """All pieces of `text`, punctuation included, so their lengths add up to len(text)."""
        return [t for block in _BLOCK.split(text) if block for t in self._block_tokens(block)]

    def cut(self, text: str) -> list[str]:
        """Words of `text`, punctuation and spaces dropped."""
        return [w for block in _BLOCK.split(text) if block for w in self._block_words(block)]

    # jieba segments each run of Han, Latin and digits on its own, so a text is cut block by block with the same
    # result; one message cuts the same blocks again and again (its clauses, each training, each route), and a few
    # dozen entries hold one message's blocks, nothing much older
    @lru_cache(maxsize=RECENT_BLOCKS)  # noqa: B019 - bounded; an old segmenter's entries are soon pushed out
    def _block_tokens(self, block: str) -> tuple[str, ...]:
        return tuple(self._tk.cut(block, HMM=False))

    @lru_cache(maxsize=RECENT_BLOCKS)  # noqa: B019
    def _block_words(self, block: str) -> tuple[str, ...]:
        return tuple(w for w in self._tk.lcut(block, HMM=True) if _WORD.fullmatch(w))

"""Toneless pinyin of Han characters, so homophone typos (庄月群 for 庄悦群, 陪训 for 培训) still match."""

from __future__ import annotations

import importlib.util
import marshal
import os
import runpy
import unicodedata
from functools import lru_cache
from pathlib import Path

from bot.tokenize import cache_dir


def _toneless(readings: str) -> str:
    """All readings of a character, toneless and deduplicated, comma-separated, the commonest first."""
    out: list[str] = []
    for reading in readings.split(","):
        plain = unicodedata.normalize("NFD", reading)
        syllable = "".join(ch for ch in plain if not unicodedata.combining(ch)).replace("ü", "v")
        if syllable and syllable not in out:
            out.append(syllable)
    return ",".join(out)


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    # Importing pypinyin itself costs 0.25 s (phrase tables); its per-character table, cached as marshal, 5 ms.
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        return {}
    src = Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.py"
    cache = cache_dir() / f"pinyin2-{src.stat().st_size}-{int(src.stat().st_mtime)}.marshal"  # 2: all readings
    try:
        data: dict[int, str] = marshal.loads(cache.read_bytes())
        return data
    except (OSError, ValueError, EOFError, TypeError):
        pass
    raw = runpy.run_path(str(src))["pinyin_dict"]
    table = {cp: _toneless(r) for cp, r in raw.items()}
    tmp = cache.with_suffix(f".{os.getpid()}.tmp")
    try:
        tmp.write_bytes(marshal.dumps(table))
        os.replace(tmp, cache)
    except OSError:
        pass
    return table


@lru_cache(maxsize=2048)
def _loose(syllable: str) -> str:
    """Merge the sounds many speakers (and their input methods) confuse: zh/z, ch/c, sh/s, -ng/-n (屏 = 频)."""
    for a, b in (("zh", "z"), ("ch", "c"), ("sh", "s")):
        if syllable.startswith(a):
            syllable = b + syllable[len(a):]
            break
    if syllable.endswith("ng") and len(syllable) > 2 and syllable[-3] in "aeio":
        syllable = syllable[:-1]
    return syllable


def readings(ch: str, loose: bool = True) -> tuple[str, ...]:
    """Every reading of one character (桔: ju, jie), loose by default; a non-Han character is its own reading."""
    found = _table().get(ord(ch))
    if found is None:
        return (ch,)
    return tuple(dict.fromkeys(_loose(r) if loose else r for r in found.split(",")))


def pinyin(text: str, loose: bool = True) -> str:
    """Space-separated syllables (loose ones by default, see _loose), one per Han character; others kept as is.

    A character with several readings gets its commonest.
    """
    table = _table()
    if not loose:
        return " ".join(table[ord(ch)].split(",")[0] if ord(ch) in table else ch for ch in text)
    return " ".join([_LOOSE.get(ch) or _loose_first(ch, table) for ch in text])


# each Han character's loose commonest reading, filled as characters are met (at most the table's size: others
# are not kept); every question's characters are looked up several times, by the corrector and by the scorer
_LOOSE: dict[str, str] = {}


def _loose_first(ch: str, table: dict[int, str]) -> str:
    found = table.get(ord(ch))
    if found is None:
        return ch
    _LOOSE[ch] = syllable = _loose(found.split(",")[0])
    return syllable

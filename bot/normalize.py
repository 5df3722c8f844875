"""Text folding shared by knowledge and questions: NFKC, no zero-width or control characters, simplified, lower case."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

import opencc

Script = Literal["simplified", "traditional"]

# Format characters (Cf: zero-width space/joiners, BOM, bidi marks) and controls carry no meaning in a question.
_INVISIBLE = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")
_SPACE = re.compile(r"\s+")
# CJK quotes and brackets that NFKC leaves alone, folded to one form so 「柏橋講堂」 and “柏桥讲堂” compare equal
_PUNCT = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’", "《": "“", "》": "”", "〈": "‘", "〉": "’",
                        "、": ",", "。": ".", "・": "·", "•": "·"})

# Regional and colloquial spellings OpenCC leaves alone (甚麼 → 甚么, Cantonese 嘅, 點解), rewritten to the standard
# words the knowledge and the question-type rules use; applied to knowledge and questions alike.
_VARIANTS = {"甚么": "什么", "咩嘢": "什么", "乜嘢": "什么", "啥子": "什么", "点解": "为什么", "几时": "什么时候",
             "多会儿": "什么时候", "边个": "谁", "边位": "哪位", "边度": "哪里", "边间": "哪家", "系唔系": "是不是",
             "嘅": "的", "喺": "在", "冇": "没有", "咗": "了", "佢哋": "他们", "佢": "他", "啲": "些", "咋样": "怎么样",
             "咋": "怎么"}
_VARIANT_RE = re.compile("|".join(sorted(map(re.escape, _VARIANTS), key=len, reverse=True)))


@lru_cache(maxsize=4)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    return str(_converter("t2s").convert(text))


def to_traditional(text: str) -> str:
    return str(_converter("s2tw").convert(text))


def safe_text(text: str) -> str:
    """Lone surrogates (from JSON escapes or undecodable argv) become U+FFFD, so the text always encodes."""
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def clean(text: str) -> str:
    """Unicode-normalise and drop invisible characters; keeps the script as written."""
    # lone surrogates would break OpenCC's UTF-8 boundary
    text = safe_text(text)
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    return _SPACE.sub(" ", text).strip()


def fold(text: str) -> str:
    """The form every comparison uses: clean, simplified, lower case, one kind of punctuation."""
    text = to_simplified(clean(text)).lower().translate(_PUNCT)
    return _VARIANT_RE.sub(lambda m: _VARIANTS[m.group(0)], text)


def detect_script(text: str) -> Script:
    """Traditional when t2s changes at least one Han character in ten (a lone shared form does not count)."""
    han = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")
    if not han:
        return "simplified"
    changed = sum(a != b for a, b in zip(han, to_simplified(han), strict=False))
    return "traditional" if changed and changed * 10 >= len(han) else "simplified"


def in_script(text: str, script: Script) -> str:
    """Render simplified knowledge text in the asker's script (Taiwan standard forms: 為, 裡, 說)."""
    return to_traditional(text) if script == "traditional" else text

"""Text folding shared by knowledge and questions: NFKC, no zero-width or control characters, simplified, lower case."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import Literal

import opencc

Script = Literal["simplified", "traditional"]

# Format characters (Cf: zero-width space/joiners, BOM, bidi marks) and controls carry no meaning in a question.
_INVISIBLE = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")
_SPACE = re.compile(r"\s+")
# emoji and pictographs (👀, 🔥, ❤️, ⭐): tone, not words; they would only lower fuzzy scores
_EMOJI = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F]+")
# CJK quotes and brackets that NFKC leaves alone, folded to one form so 「柏橋講堂」 and “柏桥讲堂” compare equal
_PUNCT = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’", "《": "“", "》": "”", "〈": "‘", "〉": "’",
                        "、": ",", "。": ".", "・": "·", "•": "·"})

# Regional and colloquial spellings OpenCC leaves alone (甚麼 → 甚么, Cantonese 嘅, 幾多, 點解; 嗰 it turns into 𠮶),
# and the English question words of mixed-language chat, rewritten to the standard words the knowledge and the
# question-type rules use; applied to knowledge and questions alike. Cantonese 係 (is) is rewritten only before a
# question word (or 用咩, with what), since after OpenCC it is the 系 of 关系.
_VARIANTS = {"甚么": "什么", "咩嘢": "什么", "乜嘢": "什么", "咩": "什么", "啥子": "什么", "点解": "为什么",
             "几时": "什么时候", "多会儿": "什么时候", "几多": "多少", "几耐": "多久", "边个": "谁", "边位": "哪位",
             "边度": "哪里", "边间": "哪家", "边条": "哪条", "边处": "哪里", "系唔系": "是不是", "系咪": "是不是",
             "唔系": "不是", "嗰个": "那个", "嗰": "那", "𠮶个": "那个", "𠮶": "那",
             "上堂": "上课", "好似": "像", "做嘢": "做事", "嘢": "东西", "返去": "回去", "返嚟": "回来",
             "𠮶阵": "那时", "这回": "这次", "谂住": "打算", "谂": "想", "最后生": "最年轻",
             "呢个": "这个", "呢次": "这次", "呢位": "这位", "呢篇": "这篇", "呢啲": "这些", "呢场": "这场",
             "乜": "什么", "边一个": "哪一个", "边一位": "哪一位", "边啲": "哪些", "是咪": "是不是", "咁多": "这么多",
             "而家": "现在", "依家": "现在", "㖞": "", "啩": "", "俾": "给", "唔": "不",
             "今次": "这次", "点样": "怎样", "嘅": "的", "喺": "在",
             "冇": "没有", "咗": "了", "佢哋": "他们", "佢": "他", "啲": "些", "嚟": "来", "畀": "给", "睇": "看",
             "同佢哋": "跟他们", "同佢": "跟他",  # (with them)
             "咋样": "怎么样", "咋": "怎么", "名儿": "名字", "头一回": "第一次", "头一次": "第一次", "一回": "一次",
             "嚟㗎": "", "㗎": "", "嘛呢": "呢", "仨": "三个", "俩": "两个", "一齐": "一起",
             # Taiwan writes the particle 着 as 著 (帶著問題學), which t2s keeps: one form for both, as for 显著
             "著": "着",
             "何人": "谁", "何种": "什么", "何谓": "什么是", "何地": "哪里", "何以": "为什么", "视讯": "视频",
             "何年": "哪年", "有何": "有什么", "课题目": "课的题目",
             "陪聊": "交流", "真的假的": "吗",
             "围着啥转": "围绕什么", "围着什么转": "围绕什么",
             "时间更长": "时长更长", "时间更短": "时长更短", "咁": "这么", "培训的对象": "培训对象",
             "男的还是女的": "什么性别", "是男是女": "什么性别",
             "何日": "哪天", "何月": "哪月", "即系": "就是",
             "有无": "有没有", "第几回": "第几次", "几回": "几次",
             "落去": "去", "落嚟": "来", "俾人": "被", "比喻做": "比喻成", "形容做": "形容成", "比做": "比作",
             "揾": "找", "噉样": "这样", "咁样": "这样", "噉": "这样", "𠮶阵时": "那时", "晒": "",
             "变晒做": "变成", "变做": "变成", "来讲的": "讲的",
             "入面": "里面", "入边": "里面", "𠮶度": "那里", "呢度": "这里", "觉得点": "觉得怎样", "睇片": "看视频",
             "净是": "只是", "净系": "只是", "心入面": "心里", "装住": "装着", "带住": "带着", "开的班": "开班",
             "影片": "视频", "市府": "市政府", "上年": "去年", "定系": "还是", "定是": "还是", "谈偈": "交流",
             "镇和街道": "镇街", "镇与街道": "镇街", "想问下": "请问", "想问一下": "请问", "哪来着": "哪",
             "讲紧": "讲", "做紧": "做", "搞紧": "搞", "谂紧": "想",  # Cantonese 講緊 (is saying): 讲
             "学紧": "学", "听紧": "听", "睇紧": "看", "开紧": "开",
             "呢件": "这件", "呢种": "这种", "呢样": "这样", "呢堂": "这堂",
             "嘢食": "东西吃", "好食": "好吃", "食饭": "吃饭", "食咩": "吃什么",  # Cantonese 食 (eat)
             "的人多": "的人数多", "哪个人多": "哪个人数多",
             "屋企": "家", "逢礼拜": "每周", "逢星期": "每周", "礼拜": "周", "星期": "周", "落村": "下村",
             "落乡": "下乡", "上昼": "上午", "下昼": "下午", "晏昼": "中午", "连住": "连着",
             "跟住": "跟着", "边几": "哪几", "最细": "最小", "埋一齐": "", "埋一起": "", "专登": "专门",
             "这个时候": "这个时机", "这时候": "这时机",  # (为啥这时候搞培训: the moment, not 什么时候's when)
             "度身订造": "量身定制", "攞": "拿", "成个": "整个", "仲": "还", "没去": "没参加",
             # (Cantonese 同埋: and)
             "同埋": "和", "算不算": "是不是", "光看": "只看",
             "会有啥后果": "会怎么样", "会有什么后果": "会怎么样", "有什么后果": "会怎么样", "有啥后果": "会怎么样",
             "这么大培训": "这么大规模的培训", "那么大培训": "那么大规模的培训",  # (not 茂名's 大培训)
             "该篇": "这篇", "此篇": "这篇", "该文": "这篇文章", "此文": "这篇文章",
             "有关的": "的", "相关的": "的",  # (跟龙有关的俗话: about it, no relation asked)
             "出了什么力": "做了什么", "出了啥力": "做了啥", "出了哪些力": "做了哪些", "出了什么力气": "做了什么"}
# (Cantonese 屋企 (home), 逢禮拜三落村 (down to the villages every Wednesday), 上晝 (morning), 連住 (linked to))
_VARIANT_CONTEXT = {"系": ("是", r"(?:(?<![关联体派世谱]系)(?=[哪谁什几多唔咪边乜点咩喺“]|用(?:什么|咩|乜|边)|为咗)"
                           r"|(?<=[都就唔仲真]系)(?![列统数]))"),  # 都係 (all are), 就係 (is just): not 体系
                    "仲": ("还", r"(?=[兼有会是要做可在])"),
                    "篇文": ("文章", r"(?<![两这那每几一二三]篇文)(?!章)"),  # Cantonese 篇文 (the article)
                    "先得": ("", r"(?=[?？!！.,，\s]|$)"),  # 點樣做先得 (how must it be done): not 首先得
                    # 點講, 點做 (how to say, do): not 重点讲, 特点, 几点
                    "点": ("怎么", r"(?<![重要特亮焦起观论优缺终地景热难痛堵节早晚差一二两三四五六七八九十几\d]点)"
                                  r"(?=讲|做|搞|写|叫|称呼|形容)"),
                    "咋": ("", r"(?=[?？!！]|$)"),  # 睇片咋? (just, isn't it): a final particle, not 怎么
                    "去学": ("学", r"(?<![过回下进出上]去学)(?![员校院生者术])"),  # 去学了啥 (learnt); not 过去学员
                    # Hubei 么事, 么子 (what), 么样 (how), 叫么名字: not the 么 of 什么, 怎么, 这么
                    "么事": ("什么", r"(?<![什甚怎这那多要]么事)"), "么子": ("什么", r"(?<![什甚怎这那多要]么子)"),
                    "么样": ("怎么样", r"(?<![什甚怎这那多要]么样)"),
                    "么名字": ("什么名字", r"(?<![什甚怎这那]么名字)"),
                    "多常": ("多长", r"(?=时间|[?？!！啊呀]|$)"),  # a pinyin slip: 多常 (duo chang) is no word
                    "条村": ("的村", r"(?<![一两几边哪\d]条村)"),  # 孫開林條村: his village
                    "边个": ("哪个", r"(?=[部单机村镇县市区地方人目课专题环阶培班])"),  # 邊個目標: which goal
                    "边": ("哪", r"(?=[一二两三四五六七八九十几\d][个位种样条句项日天年月号次场间家件类]"
                                r"|[年日天月次届期]|(?<=去边|咗边|了边)(?=[?？!！]|$))"),  # 去咗邊? (went where)
                    # 倾 (chat) before what was talked about; elsewhere it is 倾向, 倾斜
                    "倾": ("谈", r"(?=[了咗过什些啲咩乜偈计]|[,，?？!！]|$)"),
                    # 係咪真㗎 (is it true): whether, not a 真 asked about
                    "真": ("", r"(?:(?<=是不是真)|(?<=系咪真)|(?<=是咪真))(?=的?[㗎嘅啊呀]?(?:[?？!！,，]|$))")}
_ENGLISH = {"who": "谁", "what": "什么", "when": "什么时候", "where": "哪里", "which": "哪个",
            "how many people": "多少人", "how many": "多少", "editor": "编辑", "author": "作者", "reporter": "记者",
            "how long": "多久", "why": "为什么", "title": "职务", "topic": "题目", "theme": "主题"}
_ENGLISH_RE = re.compile(r"(?<![a-z])(" + "|".join(map(re.escape, _ENGLISH)) + r")(?![a-z])")
_WHO_SAID_RE = re.compile(r"(?<=谁)话")
_COUNT_OF_PEOPLE = re.compile(r"(?<=\d)个人")  # 15个人 is fifteen people, not jieba's 个人 (personal)
# Traditional 係 is Cantonese 是 (書記係領導班子嘅…), except in 關係 and 係數; OpenCC would make it 系 (of 体系)
_CANTONESE_IS = re.compile(r"(?<![關关干幹聯联即])係(?![數数])")  # (即係 is a phrase of its own)
# Cantonese 喺…度 (喺開班度: at the opening) is 在…: the 度 only marks a place
_AT_PLACE_RE = re.compile(r"喺([\u4e00-\u9fff]{1,6}?)(?<![边邊])度")  # not 喺边度 (where)
# a count written in Chinese numerals (三十多年, 十五位, 一百三十一个) in digits as the articles mostly write it; only
# with 十, or a digit before 百/千: 百人课堂, 千名村书记 and 百千万工程 are names, 三农 and 四大要求 stay as written
_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
_CN_COUNT = re.compile(r"(?:[一二两三四五六七八九][百千](?:[零一二两三四五六七八九十]+)?"
                       r"|[一二两三四五六七八九]?十[一二三四五六七八九]?)"
                       r"(?=(?:多|余)?(?:年|个|位|名|天|岁|日|月|人|次|场|家|所|项|条|万|届|期|批))")
# a month named in Chinese numerals (四月底, 十二月份) in digits, as the articles date things (4月24日); not 第四月
_CN_MONTH = re.compile(r"(?<![一二两三四五六七八九十第每这那上下几百千万])(十[一二]?|[一二三四五六七八九])"
                       r"(?=月(?:底|初|中|份|里|的|\d|[,?!.;:\s]|$))")
_CONTEXT_RE = re.compile("|".join(f"{re.escape(k)}{look}" for k, (_, look) in
                                  sorted(_VARIANT_CONTEXT.items(), key=lambda kv: -len(kv[0]))))
_VARIANT_RE = re.compile("|".join(sorted(map(re.escape, _VARIANTS), key=len, reverse=True)))


@lru_cache(maxsize=4)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    return str(_converter("t2s").convert(text))


# renderings made ahead of time (the knowledge's texts, cached beside its index): a one-shot `ask` in traditional
# then shows its answer without loading OpenCC's s2tw tables, which alone take 0.2 s
_TRADITIONAL: dict[str, str] = {}


def to_traditional(text: str) -> str:
    return _TRADITIONAL.get(text) or _convert_traditional(text)


@lru_cache(maxsize=1024)  # the same notices and labels are shown again and again
def _convert_traditional(text: str) -> str:
    return str(_converter("s2tw").convert(text))


def opencc_version() -> str:
    """The installed OpenCC's version: renderings made by another are made again."""
    return str(getattr(opencc, "__version__", "unknown"))


def remember_traditional(table: Mapping[str, str]) -> None:
    """Take traditional renderings made earlier by to_traditional itself (the same function of the text)."""
    _TRADITIONAL.update(table)


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


# 庄悦群 老家 哪里: a query typed as keywords, short runs of Han characters between single spaces and nothing else
_EACH_WORD = re.compile(r"各|分别|两边|两篇|两个|两次|俩")
_KEYWORD = r"(?:[\u3400-\u9fff]{1,5}|[A-Za-z]{2,12})"  # (excel 透视表 怎么做)
_KEYWORDS = re.compile(rf"{_KEYWORD}(?: {_KEYWORD})+[?？]?")
_HAN_CHAR = re.compile(r"[\u3400-\u9fff]")
_SPACE_BY_HAN = re.compile(r"(?<=[\u3400-\u9fff]) | (?=[\u3400-\u9fff])")


def join_keywords(text: str) -> str:
    """A question typed as keywords (庄悦群 老家 哪里) as one phrase: its pieces are no sentences of a story.

    Not one asked of each of several things (根子镇 湖山村 各属哪个市): the spaces part them; nor Latin words
    between themselves (hello world)."""
    if not _KEYWORDS.fullmatch(text) or _EACH_WORD.search(text) or not _HAN_CHAR.search(text):
        return text
    return _SPACE_BY_HAN.sub("", text)


def _cn_count(m: re.Match[str]) -> str:
    total, digit = 0, 0
    for ch in m.group(0):
        if ch in _CN_DIGIT:
            digit = _CN_DIGIT[ch]
        else:  # 十, 百 or 千
            total += (digit or 1) * {"十": 10, "百": 100, "千": 1000}[ch]
            digit = 0
    return str(total + digit)


@lru_cache(maxsize=256)  # one message's pieces are folded by each route that reads them (clauses, conjuncts, …)
def fold(text: str) -> str:
    """The form every comparison uses: clean, simplified, lower case, one kind of punctuation."""
    text = to_simplified(_CANTONESE_IS.sub("是", clean(_EMOJI.sub(" ", text)))).lower().translate(_PUNCT)
    text = _ENGLISH_RE.sub(lambda m: _ENGLISH[m.group(0)], text)
    text = _AT_PLACE_RE.sub(r"在\1", text)
    text = _CONTEXT_RE.sub(lambda m: _VARIANT_CONTEXT[m.group(0)][0], text)
    text = _VARIANT_RE.sub(lambda m: _VARIANTS[m.group(0)], text)
    text = _CN_MONTH.sub(_cn_count, _CN_COUNT.sub(_cn_count, text))
    text = _COUNT_OF_PEOPLE.sub("名", text)
    return _WHO_SAID_RE.sub("说", text)  # 邊個話 → 谁话 → 谁说; elsewhere 话 is a word (千名村书记话振兴)


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

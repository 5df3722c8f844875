"""Rank facts for a question: fuzzy match on question variants plus rarity-weighted coverage of its words.

On top of that, three checks that a word count cannot make:

- homophone typos of known words are corrected before anything else (庄月群 → 庄悦群, 分课唐 → 分课堂);
- the kind of answer the question wants (a number, a date, a person's name, a county or town) must be in the fact's
  answer, else the fact is probably about the right thing but does not answer this question;
- which training the question is about: named (茂名, 湖北 …), implied by a name only one article mentions (黄毅),
  or neither, in which case `decide` may answer for both trainings.
"""

from __future__ import annotations

import heapq
import itertools
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.knowledge import Fact, KnowledgeBase
from bot.normalize import fold
from bot.pinyin import pinyin, readings
from bot.tokenize import Segmenter

_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[a-z]+")
_QUESTION_CHARS = frozenset("哪几谁啥什么多少怎")
# a name typed with capitals after its first letter: an acronym (GDP) or a brand (iPhone), not chat (bro, Omg)
_ACRONYM = re.compile(r"(?<![A-Za-z])(?:[A-Z]{2,6}|[A-Za-z]*[a-z][A-Z][A-Za-z]*)(?![A-Za-z])")


def _capitalised(question: str) -> set[str]:
    """The names a question types in capitals (GDP, iPhone), folded to lower case as its words are."""
    return {a.lower() for a in _ACRONYM.findall(question)}

# Weights and penalties, tuned on tests/eval/questions.yaml (benchmarks/tune.py) and checked on the held-out set.
W_COVERAGE = 0.65  # share of the score from rarity-weighted coverage of the question's words
W_FUZZ = 0.35  # share from the best fuzzy ratio against the fact's question variants
HOMOPHONE_CREDIT = 0.9  # a word found only by its pinyin is probably a typo of a known word
# A word found in a fact's text but not among its words (segmented differently, or part of a longer word).
SUBSTRING_CREDIT = 0.8
# A word found only in a fact's quotes, not in its questions or answer: quotes are whole paragraphs that mention
# neighbouring things (one sentence names four lecturers), so such a hit says little about what the fact answers.
QUOTE_CREDIT = 0.45
FOREIGN_ENTITY_PENALTY = 0.7  # the question names something the knowledge knows, but this fact's answer does not
# An entity the fact's quotes mention but its questions and answer do not counts as this share of a foreign one.
QUOTED_ENTITY_SHARE = 0.25
OTHER_TRAINING_PENALTY = 0.75  # the question names one training; this fact is about the other
# ... by its place (茂名培训年纪最小的学员是谁): 马聂 is 湖北's, and 茂名's article does not say
OTHER_PLACE_PENALTY = 0.7
# The question asks for a kind of thing (a number, a date, a name, a town …) the fact's answer does not contain:
# the fact is about the right subject but does not answer this question (马聂的电话是多少 → 马聂 is 30 岁).
TYPE_PENALTY = 0.6
# 四大要求都是啥 asks for all four: a fact giving fewer items (one of the four) is probably a part of the answer
LIST_PENALTY = 0.85
# 程桔说培训内容怎么样: a question about someone's words prefers a fact quoting them over one saying who they are
SAY_PENALTY = 0.95  # (0.95 with OVERVIEW_PENALTY 0.95: +8 of 7,055 diagnosis questions over 0.9 and 0.9)
# A question naming one training prefers that training's own fact to a fact written for both trainings.
BOTH_FACT_NAMED_PENALTY = 0.93
# A word that names a training (湖北, 视频培训) counts partly as present in that training's facts that do not
# repeat it: the question is about that training, but a fact stating the word fits better (全国 is an alias of the
# 湖北 article, yet 52万 is the national figure and 2.28万 the 湖北 one).
ALIAS_CREDIT = 0.4
# an alias naming a wider scope than the training's own place: a count that does not say it is the place's
_WIDER_SCOPE = frozenset({"全国"})
# An occasion the question sets its words at (开班时提了哪四个要求) counts partly as present in the facts of a
# training that held it: facts say what was said, seldom where.
OCCASION_CREDIT = 0.5
# how far before a name its title may stand (枝江市仙女镇向巷村党支部书记周代年)
PERSON_TITLE_SPAN = 6
# a place the question names that the articles tie to a person this fact names (湖山村 → 郑雄)
LINK_CREDIT = 0.8
# a longer word no fact contains, found by a known word inside it (高科技 → 科技 of 科技感十足): weaker than a typo
PART_CREDIT = 0.5
# A round-up fact (overview: true) answers a broad question; one about one thing that fits nearly as well is the
# better answer (程桔说培训内容咋样 is hers, not the round-up of sayings that quotes her too)
OVERVIEW_PENALTY = 0.95
# Facts fully scored per question: the best by shared rare words (20 gave the same answers as 30 on all 2,400 eval
# questions of its day, and a message asked of each training or clause by clause costs several passes), plus the
# facts of the nearest question variants (10 answers all diagnosis sets as 20 did, with 4% fewer candidates scored).
POOL_SIZE = 20
GIVING_MAX = 8  # facts giving a rare kind of answer (几天: a duration) that are scored whatever words they share
BALANCE_SPAN = 0.2  # balance is worked out for facts this close to the best (the answer weighs those within 0.15)
FUZZ_POOL = 10
RECENT_TEXTS = 64  # texts whose words are remembered: a message's pieces, not many messages'
EACH_POOL_SIZE = 12  # the same, for one training's facts alone: 8 already answers all eval sets alike
# Facts visited when picking candidates, rarest words first: on large knowledge the commonest words (培训) would
# otherwise touch most facts for no information.
POSTINGS_BUDGET = 5000
# A lone character the knowledge seldom uses (来, 同, 啥) is more often phrasing than what a question is about: its
# rarity counts for at most this much (1.8: the best of 1.0-2.0 on the diagnosis sets, +10 answered, -2 declined).
SINGLE_CHAR_MAX_WEIGHT = 1.8
# Up to this many question variants, every one gets a fuzzy ratio; beyond, only those sharing the question's
# rarest character pairs, up to about this many (rapidfuzz takes ~0.35 µs a variant).
FUZZ_SCAN = 4000
MAX_GUESSES = 4  # words of a guess tried without, each a full pass: bounded for a long message
UNKNOWN_WEIGHT = 4.0  # a word no fact contains: an unasked-about detail (年纪, 家乡) or just phrasing
# The thing asked for (生产什么产品, 门票多少钱, 电话是多少) is a word no fact contains: whatever matches the rest
# of the question, the articles do not state it.
UNKNOWN_FOCUS_PENALTY = 0.75
# where asked, a both-trainings fact none of whose own variants ask where (0.9 to 0.95: +4 of 12,335 diagnosis
# questions, none lost; the same for dates, people or who did it loses as many as it wins)
NOT_ASKED_PENALTY = 0.95
_ASKED_OWN = frozenset({"where"})  # kinds of question a fact's own variants must ask to be about them
# the question names a place or person jieba knows but the knowledge never mentions (湛江, 江西省): another topic
FOREIGN_NAME_PENALTY = 0.7
# A homophone typo is corrected only when the typed characters are not a word themselves and differ from the known
# word in at most this share of characters (at least one): 庄月群 → 庄悦群, but 时间 never becomes 实践.
TYPO_MAX_DIFF = 1 / 3
EXACT_FUZZ = 90  # a question this close to a variant, in fuzz.ratio, is that variant
BARE_PLACE_MAX_FREQ = 5_000  # jieba's count above which a place's bare name is a common word (自然 of 自然村)
TYPO_MAX_LEN = 8  # longest known word tried as a correction (characters)
_ON_PURPOSE = frozenset("像")  # a word of its own, not a stop word, never a slip (培训像下了一场雨 is not 线下)
_ROLE_ALIAS = re.compile(r"书记|主任")  # names of a training that are also the asker's own post (我是村支书)
_LN = {"n": "l"}  # initials a name's slip may swap (周代连 for 周代年): many southern speakers merge n and l

# What the question asks for.  Patterns run on the folded question (simplified, lower case).
# 多大 at the end asks a person's age, not a size (规模多大); 我年纪大了 is chat
_AGE_Q = re.compile(r"(?<!规模)(?<!面积)(?<!范围)(?<!力度)(?<!影响)(?<!作用)(?<!区别)(?<!难度)"
                    r"多大(了|年纪|岁数)?[?？]?$|今年多大|几岁|多少岁|(?:年纪|年龄|岁数)(?!大了|不小|也大)")
# ... nor with 有/是 between: 规模有多大, 覆盖范围分别是多大
_SIZE_Q = re.compile(r"(?:规模|面积|范围|力度|影响|作用|区别|难度|阵仗|场面|排场)(?:分别|各自|各|都)?"
                     r"(?:到底|究竟|具体|大概)?(?:有|是|得)?[多几]大")  # (规模有几大: Cantonese for 多大)
_DURATION_Q = re.compile(r"多久|多长时间|多长|几天|多少天|(?<!月)几日|多少日|几个月|几年"  # 几月几日 is a date
                         r"|哪[个次场边期][^?,]{0,8}?(?:更|比较)(?:长|短|久)")  # 哪个培训更长: how long each was
# 多久听取一个镇街的汇报: how often, one at a time
_FREQUENCY_Q = re.compile(r"(多久|多长时间|几天|每隔多久).{0,8}(?<!第)一[次回趟个](?!礼拜|星期|周|月)|多久一次|频率"
                          r"|(?:每天|每日|天天).{0,4}(?:几点|几节|几堂|几个小时|多少小时)")  # a daily schedule
_ANSWER_FREQUENCY = re.compile(r"每(周|月|天|年|日|季度|一周|个月)")
# "哪两个单位", "哪三个「大」": the count only repeats what the asker already knows; not a word to match
# "in the articles" frames a question (两篇报道里分别有哪些人授课, 文章中提到): it is not asking about the articles
_FRAME = re.compile(r"(?:两篇|这两篇|这篇|那篇|两份|篇)?(?:文章|报道|稿子|新闻|原文|稿件|篇文)"
                    r"(?:里面|里头|里|中|当中|话|说|讲|写)"
                    r"|文中|文里|(?:这两篇|两篇)(?:文章|报道)(?=(?:分别|各自|各)(?:有|提到|讲|写|用|介绍|引用|出现|说))"
                    r"|(?:这两篇|两篇|这篇|那篇)(?:里面|里头|里|中|说|讲|提到|写)"  # (茂名那篇说…: the article unnamed)
                    # (文章怎么形容这次培训的分量: how the article puts it, not a word the answer should hold)
                    r"|(?:两篇|这两篇|这篇|那篇)?(?:文章|报道|稿子|原文)(?=(?:分别|各自|各)?是?(?:怎么|如何|怎样)"
                    r"(?:形容|描述|描写|评价|称呼))"
                    # (尧治河村书记在培训中分享了什么: every fact is of a training; where it was said, no more)
                    r"|在(?:这次|那次)?培训(?:中|上|里|期间)(?=[\u4e00-\u9fff])")
_INCLUDES_Q = re.compile(r"(?:包括|包含|涵盖|涉及|覆盖)了?(?:哪些|什么|啥|哪几|多少|几)")
_WHICH_N = re.compile(r"哪([一二两三四五六七八九十]+)(个|位|类|条|项|种|家|大|点|样|方面)")
# the people a count without a measure word counts (多少村书记和村主任)
_PEOPLE_COUNTED = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:书记|支书|干部|主任|学员|人员|村官|代表|领导|老师|专家|成员)")
# 那几个/这几个/哪几个 point at items (which ones), they do not ask how many
_COUNT_Q = re.compile(r"(?:多少|(?<![那这哪好])几)"
                      r"(个人|个|名|位|人|天|日|年|岁|月|号|次|场|类|项|条|大|元|钱|块|堂|批|届|期|所)?")
# 多少位, 几大, 五个: how many is the question's type (wants), not a word the answer must contain
_QUANTITY_WORD = re.compile(r"(?:多少|几|[一二两三四五六七八九十百\d]+几?)"  # 十几个: a guess at the count
                            r"(?:个人|个|名|位|人|天|日|年|岁|月|次|场|类|项|条|大|堂|批|届|期|所|家|点|种|句)?")
_WHEN_Q = re.compile(r"什么时候|啥时候|哪天|哪日|哪一天|几号|几月|哪年|哪一年|何时|(?<![哪这那])几点|什么时间"
                     r"|啥时间|日期")
# the day itself (具体是哪一天, 几号): a month (去年6月) does not say it
_WEEKDAY_Q = re.compile(r"(?:每周|每星期|星期|礼拜|周)几|(?:每周|每星期)哪一?天")
_ANSWER_WEEKDAY = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天]")
_DAY_Q = re.compile(r"哪一?[天日]|几号|几月几[号日]|具体日期|具体.{0,4}(?:时间|日子)")
_ANSWER_DAY = re.compile(r"\d{1,2}\s*[日号]|[一二三四五六七八九十]+[日号]")
# the time of day (几点几分发布): only an answer giving the clock (17:26:55) says it
_CLOCK_Q = re.compile(r"(?<![哪这那])几点|几时几分|什么时刻|哪个时刻|具体时刻")
_ANSWER_CLOCK = re.compile(r"\d{1,2}:\d{2}|\d{1,2}\s*点|上午|下午|晚上|早上|中午")  # 25日上午 is as near as it gets
_MINUTE_Q = re.compile(r"几分|\d{1,2}:\d{2}")  # (几点几分: not 上午)
_ANSWER_MINUTE = re.compile(r"\d{1,2}:\d{2}")
# what a term means (村社合一是什么意思): only a fact that explains it answers, not one that merely names it
_MEANING_Q = re.compile(r"什么意思|啥意思|是说(?:啥|什么)|意思是|指的是|指什么|指啥|是指|具体指|含义|何意|什么概念")
_MEANING_A = re.compile(r"指的?是|意思是|就是|即|意味着|是说|——")
# the year itself (哪一年当上): a day (25日上午) does not say it
_YEAR_Q = re.compile(r"哪一?年|几几年|什么年份|哪个年份|何年")
_ANSWER_YEAR = re.compile(r"\d{4}\s*年|\d{4}-\d|今年|去年|前年")
# 哪位…叫什么名字 asks for a person even with punctuation between
_ROLE_HELD = re.compile(r"以[^，。；]{2,16}为(组长|副组长|召集人)")
_PERSON_Q = re.compile(r"哪位|哪个人|哪一位|是谁|[的个位]人(?:叫|的?(?:姓名|名字))|的叫(?:什么|啥)名字")
_LESSON_NAME_Q = re.compile(r"(?:专题|题目|课题|讲座|那课|那堂课|的课)(?:教学)?的?(?:名字|名称)?(?:叫|是)")
_NAME_Q = re.compile(r"叫什么|叫啥|姓名|什么名字|啥名字|名字是|名称|全称")
# the people, several of them, who did something (讲课的市领导都有谁, 除了市委书记还有哪些领导): an answer naming
# just one person does not give them (one naming none describes them by role, which may be all an article says)
_PEOPLE_Q = re.compile(r"都有谁|哪几位|哪些(?:市|省|县)?(?:领导|老师|局长|官员|长官)")
# The articles report what happened; a question about what comes next needs an answer that speaks of the future.
# "what did X say/share": the answer must report something said, not only who X is
# what someone said; 讲了哪些课程 asks about the 课程, a thing the question names (the wh-word ends the clause)
_SAID_Q = re.compile(r"(((?<!是)说|讲|谈|分享|介绍|提|聊|评价|感想|体会|经验)了?(些|点)?(啥|什么|哪些|怎么样|如何)"
                     r"|怎么(说|评价|看)|原话|(?:啥|什么)话|哪句话)"  # (原话是啥, 说了句…的话，是啥话: the words said)
                     r"(?![^\s?？!！,，.。吗呢啊呀吧哈啦么的是])")
_SAID_A = re.compile(r"说|分享|介绍|讲述|提出|强调|认为|表示|叮嘱|谈|引用|比作|剖析|讲授|授课|感触|评价|体会|经验"
                     r"|期望|要求|解读")
# 还会再办吗 asks about the future; 市委书记还会直接约谈谁 about another habit
_FUTURE_Q = re.compile(r"下一期|下一次|下次|下一批|下一届|下一轮|下一个职|下一步|接下来|明年|后年|将来|未来|以后还|"
                       r"还会(?:再|继续|不会|办|举办|有|开)|升职|提拔|调任")
_FUTURE_A = re.compile(r"将要|将会|计划|下一|明年|未来|今后|迫不及待要")
# 为什么说, 文章说 ask for a reason or the article's content, not someone's words
_SAY_Q = re.compile(r"(?<!什么)(?<!为啥)(?<!可以)(?<!所以)(?<!文章)(?<!报道)(?<!标题)(?<!题目)(?<![据听各])说"
                    r"|评价|认为|表示|比作|比喻|形容|感受|感想|体会|怎么看")
_LIKEN_Q = re.compile(r"比作|比喻|形容|称作|称为|比成|叫作|相当于")
# what someone did before or elsewhere (贺尔达还写过哪些报道, 王小慧曾经在哪工作): the articles tell of the training
_HISTORY_Q = re.compile(r"还(?:[写做当去获拿参办讲任干出发编]|获得|参加|担任|发表|编辑|采访)过|发表过|写过"
                        # (not 曾经拿过什么荣誉: the honour an article names, 两优一先)
                        r"|曾经(?!(?:获得|荣获|拿|获)过?[^,?]{0,4}(?:荣誉|称号|奖))"
                        # (not 原来是哪位领导说的: who it turns out said it)
                        # (not 省委领导过去是跟学员干嘛: went over there)
                        r"|(?:以前|之前|(?<![导记长员他她们])过去|原来|原先)(?:在|当|做|干|是|任|担任)(?![^,?]*(?:说|讲|提)的)|(?:怎么|如何|怎样)(?:当上|当选|成为)"
                        r"|(?:哪一?年|什么时候|何时|啥时候|几时).{0,2}(?:当上|当选|上任|就任|入党|出生|参加工作|开始担任|开始当)")
_HISTORY_A = re.compile(r"此前|先后|去年|曾经|曾在|曾任|曾获|以前|以来|截至目前")  # not the 曾 of 曾春
# why something is called what it is: the articles never say (柏桥讲堂为什么叫柏桥, 这个名字咋来的; 名字来着 is chat)
_ORIGIN_Q = re.compile(r"(名字|名称|名儿|这名|叫法)[^?？,，]{0,6}(来(?!着)|由来|来历|含义)"
                       r"|为(什么|啥)(叫|取名|起名|命名)|(怎么|如何)(得名|起的名|取的名)|由来|来历")
_ORIGIN_A = re.compile(r"得名|取名|取自|命名|由来|来历|(?<!来)源于|寓意")
_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}
# asking for N items: 四大要求都是啥, 五个本领是哪五个, 哪两个题目
_ITEMS_OF = "(?:大|个|项|条|点|种|类|方面|位|名|样)"
_LIST_Q = re.compile(rf"(?<!\d)(\d{{1,2}}|[一二两三四五六七八九十]){_ITEMS_OF}[^?？,，]{{0,8}}?"
                     rf"(?:都是|都有|分别|是啥|是什么|有啥|有什么|有哪|是哪|包括|都叫|名单|啥样|什么样)|哪(\d{{1,2}}|[两三四五六七八九十])[\u4e00-\u9fff]")
# 哪个是全国性的: a property asked of each of two trainings, not a name of one
_WHICH_IS = re.compile(r"(?:^|(?<=[,?]))(?:这)?(?:两个培训|俩培训|两次培训|两场培训)?"
                       r"哪(?:个|次|场|一个|一次)(?:培训|班)?是([\u4e00-\u9fff]{1,10})")
_EITHER_OR = re.compile(r"([\u4e00-\u9fff]{1,8})还是([\u4e00-\u9fff]{1,8})")
_PHRASING_LEAD = re.compile(r"^(?:[\s,.!~]*(?:请问一下|请问|问一下|想问一下|想问|我想知道|想知道|麻烦问一下|麻烦"
                            r"|你好|您好|嗨|哈喽|喂|那个|这个|到底|究竟|hi|hello))+[\s,.!~]*")
_PHRASING_TRAIL = re.compile(r"(?:[\s,~]*(?:来着|呀|啊|呢|吧|哈哈|哈|啦|嘛|谢谢|多谢|谢啦|thx|thanks|呗|咯|捏|哦))+"
                             r"(?=[\s?!.~]*$)")
IDLE_WEIGHT = 0.05  # any word of a preamble naming nothing the articles are about (我年纪大了眼神不好，…)
CHATTER_WEIGHT = 0.5  # an unknown word in a part of the message that asks nothing: chat, not a missing detail
MAX_LISTED = 10  # more things than a question expects listed one by one
_NICKNAME = re.compile(r"[两三四五六七八九][\u4e00-\u9fff]")
# 问下哈, 说一下吧: the 下 of a verb "for a moment", which jieba leaves as a lone content character
_MOMENT = re.compile(r"(?<=[问说讲看查聊绍释认])一?下(?=[哈啊呀吧呗嘛哦呢~，,。.!！?？:：\s]|$)")
# talk to the listener, not about the articles: 话说, 家人们谁懂啊, 谁能告诉我, 能帮我找一下吗, 你帮我看一下
_REQUEST = re.compile(r"^(?:(?:同志|老师|领导|师傅|小哥|小姐姐|各位)?(?:你好|您好|好)(?=[,!~.\s])|话说|在吗|"
                      r"(?:你|您)?(?:知道|晓得)|(?:能不能|能|可以)?(?:告诉|跟)我(?:说说?|讲讲?)?)|"
                      r"[求请]告知|(?:写|交|做)(?:报告|材料|作业|论文|心得体会|心得|ppt|课件|幻灯片|汇报)(?:要用|用)?|"
                      r"(?:同学|朋友|同事|领导|老师|孩子|学生|有人)(?:问我|[让叫托要]我问问?)|"
                      r"哪位(?:大神|大佬|高人|朋友)?(?:知道|晓得)[啊呀吗呢哈]?|"
                      r"(?:领导|老师|上级|单位)?(?:让|叫|要)我(?:整理|写|查|找|汇总|准备)|在线等|挺急的|(?:举|列|说|讲)(?:几|一两|两|三|一)?个?例子?(?:说说?|看看|讲讲)?(?=[\s,?!.~]|$)|急急急?|求解答|求答案|(?:还有|再问|我还有|另外)一?个问题|"
                      r"(?:请|麻烦)?(?:说|讲|答|回答|介绍|解释)?得?(?:详细|简单|简短|通俗)一?[点些]儿?|"
                      r"(?:简单|简短|详细)?(?:回答|说说?|讲讲?)?(?:就好|就行|即可)|(?:家人|姐妹|兄弟|老铁|大哥|朋友|宝子|亲)们|"
                      r"(?:^|(?<=[,?!~.;:\s们]))(?:有)?谁(?:懂|知道|晓得|清楚|记得|能告诉我|能帮我|来说说|能说说)[啊呀吗呢哈]?|"
                      r"有没有人(?:知道|记得|懂)[啊呀吗呢哈]?|(?:前|这|那)(?:几|两)天(?=[我看听单群有在刷,])|"
                      r"(?:能不能|能|可以|可不可以|麻烦)?你?帮(?:我|忙)(?:找|查|看|捋|总结|解释|列|说|讲)?"
                      r"(?:一下|下|一捋)?(?:吗|呗|哈|呀|啊)?")
_NATIONAL_NAME = re.compile(r"全国(?=(?:村|视频)[^,?!。]{0,12}(?:培训|班))")
# the asker's own people (我儿子说…, 听亲戚说…, 我家闺女在湖北当村主任): who told the asker, not a subject; 庄悦群的儿子
# is one, and stays
_KIN_WORDS = (r"(?:亲戚|老伴|闺女|儿子|女儿|外甥女?|侄子|侄女|孙子|孙女|老公|老婆|"
              r"爸爸?|妈妈?|家人|家里人|同事|老乡|邻居|表哥|表姐|表弟|表妹|岳父|岳母|婆婆|公公|嫂子|姐夫|妹夫|"
              r"丈夫|媳妇|老丈人|丈母娘|爷爷|奶奶|外公|外婆|姥姥|姥爷|叔叔|舅舅|姑姑|小姨|儿媳|女婿|哥|姐|弟|妹|"
              r"阿叔|阿姨|阿伯|阿婆|阿公|阿嫂)")
_KIN = re.compile(r"(?<=[我俺听])(?:们)?家?的?" + _KIN_WORDS + r"(?:们)?"
                  # (孙子给我看了个新闻，说…: without 我 before, when they tell or show the asker; 老王说…, 小李说…)
                  r"|(?:(?<=^)|(?<=,))(?:" + _KIN_WORDS + r"|[老小](?![师板婆公伴])[\u4e00-\u9fff])"
                  r"(?=说|讲|告诉|问|给我|跟我|让我|发我)"
                  # (学长说…, 我们队长说…: a fellow student who told it, when what they said follows)
                  r"|(?:(?<=^)|(?<=[我俺听,]))(?:们)?的?(?:学长|学姐|学弟|学妹|师兄|师姐|师弟|师妹|队长|队友|室友|舍友|"
                  r"同学|同桌)(?:们)?(?=说|讲|告诉|问)")
# the asker's own story of who told them, up to 说 (我们村书记去省委党校听课回来说…): what follows is what was said
_TELLER = re.compile(r"(?:^|(?<=[,?!;:]))(?:听?(?:我|俺|咱)们?(?!想|要|记得|问|觉得|知道|是|在|不|也|就|还|只|看|刷|读)"
                     r"[^,?!;:说讲]{2,16}?(?:回来|回家)?(?:说|讲)"
                     r"|[^,?!;:说讲]{0,6}?有人(?:跟我|和我|对我|给我)?(?:说|讲|提到|提起)"
                     r"|(?:之前|以前|早前|前几天|上次)听(?:人|别人)?(?:说|讲)"
                     # (听我邻居讲, 听同事讲… once _KIN has taken who told it: 听我讲, 听讲 are left)
                     r"|听(?:(?:我|俺)(?:说|讲)|讲(?![座课])))(?:了|的)?"
                     r"(?=[^,?!;:]{4,})")
# who the asker is, before what they ask (我是襄阳的退休老支书，…): no subject of the question
_SELF_INTRO = re.compile(r"^(?:我|俺|本人)(?:以前|原来|之前|曾经|也|现在)?是(?!不是)[^,?!;:]{1,16}(?=,)"
                         # the task the asker was set (老师让我们拿湖北那篇写消息稿，…): why they ask, not what
                         r"|^(?:我们?|俺们?)?的?(?:老师|领导|上级|单位|学校|公司|导师|班主任|组长|科长|主任|处长)"
                         r"(?:让|叫|要|要求|安排|布置)(?:我|俺|咱|大家)们?[^,?!;:]{2,20}(?=,)")
# the start of a training (培训开头谁讲的) is its opening, not the opening lines of its article
_TRAINING_START = re.compile(r"(?<=培训|训班)(?:开头|开场|一开始|刚开始)")
# 第几公里: which of them (最后一公里, 最先一公里), not how many; 第几次, 第几天 still count
_ORDINAL = re.compile(r"第几(?=[\u4e00-\u9fff])(?![次届期批天年课讲位个名])")
# 规模最小: a size guessed wrong, not the youngest (最小 alone is 年龄最小)
_SMALLEST = re.compile(r"(?<=规模)最[小少]")
# 湖北省委 is one word to jieba, which the articles never use alone: 湖北 and its 省委 (省委领导, 省委党校)
_PROVINCE_COMMITTEE = re.compile(r"(?<=湖北)(?=省委)")
_NAME_NUMERALS = frozenset("一二两三四五六七八九十百千万")
# attended (我爸去的那个培训): 去 says nothing the training's name does not
_WENT_TO = re.compile(r"去(?=的(?:那个|那次|那场|这个|这次)?[^,?!;:的]{0,8}?(?:培训|班|课))")
# a verb and its object parted by 了 (发了言, 讲了话, 上了课): the word they make
_SEPARATED = re.compile(r"(发|讲|上|授|听)了(言|话|课)")
# where a run of lone characters ends, in folded text (fold turns ，、？！；： into ASCII; not at spaces, unlike
# _CLAUSE_SPLIT: 庄 月 群 is one name typed apart; not at ".", the 。 of folded text and the point of 2.28万)
_RUN_BREAK = re.compile(r"[,?!;:]+")
# a question turning on what the asker just said (…24号开始的吧？那开班式是哪天): 那 (then), not 那个/那边/那时
_THEN_ASKED = re.compile(r"(?<=[,?!;。，？！；])\s*那(?:么)?(?![个些边里儿时天年次位场篇批帮块是人一两三四五几])")
# an asking sentence about what the sentence before it told (那个村是哪个县区的, 是谁啊, 他叫啥)
_BACK_REFERENCE = re.compile(r"\s*(?:(?:那|这)(?:个|位|家)?(?:村|镇|街道|人|书记|地方|基地|企业|局长|领导)"
                             r"|[他她]|是谁|叫(?:啥|什么))")
_PRONOUN_START = re.compile(r"\s*[他她]")  # a clause about the person the one before names
_POINTS_BACK = re.compile(r"\s*(?:这|那)(?:是|就是|又是|算是)")  # (这是学的谁的做法)
_WHAT_PLACE = re.compile(r"(?:哪个|哪些|什么|啥|哪一个)地方")
_SOMEONE = re.compile(r"的人(?![口数员大民家])")  # 佛山那边的人来讲课: someone, not a word about people
# 王树斌是佛山人吗: where he is from (籍贯是哪里), not a word about people; 学员是什么人 still asks who they are
_FROM_PLACE = re.compile(r"是([^\W什么哪几多少谁啥些个这那的]{2,4}?)人(?:还是[^\W什么哪几多少谁啥些个这那的]{2,4}?人)?"
                         r"(?=吗|吧|呢|[?]|$)")
# 程桔是不是女的: a person's sex, which no fact states, asked as a yes/no guess
_GENDER = re.compile(r"是不是(?:女|男)的|是男是女|是男的还是女的|是女的还是男的|是(?:女|男)的(?:吗|吧|嘛)"
                     r"|(?:男|女)的(?:吗|吧)$")
# 哪个先办的, 哪篇先发的: which came first is told by when each was (什么时候办的)
_EARLIER = re.compile(r"(?:(?:哪个|哪篇|哪场|哪次)(?:先|更早|早)|谁更早)(办|发|举办|开|搞|登)?的?")  # not 谁先讲
# 培训班是谁搞的: who ran it (not 九奖九惩是谁搞出来的, who thought of it)
_WHO_RAN = re.compile(r"(?<=培训|训班|课堂)(?:是|由)?谁(?:来)?(?:搞|弄|整)的?(?!出)")
# a guess to confirm (湖北有3.5万人参加，没记错吧; …，真的假的 → ，吗): its number is what is asked, right or wrong
# (县级分课堂是100个?, 是2.8万还是多少, 我记得是24号上午, 50万人，是这个数吗: a number claimed at the end, or against
# another, or called a number)
_GUESS = re.compile(r"是[\d三四五六七八九十百千万.]+[个位名人天年万多号日]?(?:上午|下午|晚上)?"
                    r"(?:[^,?]{0,3}吗|\W*$|还是|[^,?]{0,3}\?\W*$)"
                    r"|(?<![哪几这那\d])[\d两三四五六七八九十]+[个位名人天年万号日]来着"  # (搞了5天来着, not 哪三个)
                    # (学了四天？还是五天, 去北京的有20个人？: a count told and asked back)
                    r"|(?<![哪几这那\d])[\d两三四五六七八九十百千万.]+多?[个位名人天年万号日]人?(?:\?|还是)"
                    r"|吧\W*$|对吧|对不对|对嘛|是吧|记错|没错吧|说错|真的假的|是真的吗|我猜|印象[里中]|好像是|应该是|是不是"
                    r"|[是对,]吗[啊呀呢哈]*\W*$|真的吗|是这个数|这个数对|这数对|是这样吗|是这样的吗|是这样吧"
                    # (…50万村书记，真的假的？准确数字是多少: a tag ending a clause before the question; 我估 (I
                    # guess); 学了一周？: a span guessed and asked back)
                    r"|[是对,]吗[啊呀呢哈]*\?|我估|左右(?=,)|一个?(?:礼拜|星期|周|月)\?"
                    # (听说主课堂设在武汉？: a claim heard, asked back without a question word)
                    r"|^(?:听说|据说|听人说|有人说|我记得)(?!.*(?:什么|啥|哪|谁|多少|几|怎|如何|为何))[^?]+\?\W*$")
# what asks whether something told is right (对不对, 是真的吗)
_TAGS = r"对不对|对吧|对吗|对嘛|是吗|是吧|是不是|真的假的|是真的吗|真的吗|没错吧|没记错吧|是这样吗|是这样的吗|是这样吧"
# a sentence that only asks whether the one before is right
_TAG_ONLY = re.compile(rf"(?:{_TAGS})[啊呀吧呢吗哈]*$")
# a clause ending by asking whether what it tells is right (听说全市镇街书记都被叫去回炉培训了是真的吗)
_TAG_END = re.compile(rf"(?:{_TAGS}|是真的|真的|没错|对不)[吗吧嘛呀啊]*\W*$|(?:是|对)[吗吧嘛]\W*$")
# a detail recalled or guessed mid-message (是比亚迪吗, 是郑家湖村的书记对不？…, 是化州哪个镇的来着, 大概三万人左右)
_RECALLED = re.compile(r"是[^,?!。]{1,12}?[吗吧嘛](?=\W|$)|对不(?!起)|来着|左右\W*$|大概|好像|我记得|记得是"
                       r"|[这那]么[多少]|才(?=\d)")
# 新华社, 武汉大学: an outlet, school or firm guessed wrong names the kind of thing asked (是新华社写的吗)
_BODY_NAME = re.compile(r"..(?:社|报|台|网|大学|学院|党校|公司|集团|中心)$")
_IS_IT = re.compile(r"是([^\W的]{2,6})[吗吧嘛](?=\W|$)")  # the thing guessed: 是比亚迪吗
# 在茂南区对吧: which district; 基地在高州，对不对: where
_GUESSED_PLACE = re.compile(r"(?<=在)(?:[\u4e00-\u9fff]{1,2}(?=[区县](?!委))"
                            r"|[\u4e00-\u9fff]{2,3}?(?=(?:办|举办|举行|开|搞|上课|培训)?的?"
                            r",?(?:(?:对不对|对吧|是吧|是不是|吧|吗)[啊呀呢吧]?|\?)\W*$))")
# 开班动员是市长做的吧: a post guessed as the one who did it asks who did it
_GUESSED_POST = re.compile(r"(?<=是)[\u4e00-\u9fff]{0,4}?(?:市长|省长|县长|区长|镇长|部长|局长|厅长|处长|主任|书记|校长"
                           r"|领导|老师|教授|专家)(?=(?:做|讲|作|办|搞|主持|上|发|提|说)[\u4e00-\u9fff]?的)"
                           # (是湖北省委组织部自己办的吧: a body guessed as who ran it asks who ran it)
                           r"|(?<=是)[\u4e00-\u9fff ]{0,6}?(?:组织部|省委|市委|党校|政府)(?:自己|单独|独自|一家)?"
                           r"(?=(?:办|举办|主办|组织|搞)的)")
# 每个月听一个镇的汇报，是每月吧: a frequency guessed asks how often
_GUESSED_FREQUENCY = re.compile(r"每(?:个|一个|一)?(?:月|年|天|日|季度|半年|两周|两个月|旬)")
# (not a number that describes who is meant: 有个30岁的年轻村书记也去了，是真的吗 confirms that he went)
_GUESSED_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?:多?[万千])?多?(?![\d.万千多]|[岁年个位名]的)"
                             r"|[一两三四五六七八九十百]+多?[万千]多?"  # (五十多万)
                             r"|[一两三四五六七八九]?[十百千]来(?=[个位名人])"  # (一百来个)
                             # (not 一个, 两个培训, 百人课堂; but 两天)
                             r"|(?:[三四五六七八九十百]+|两(?=天))(?=[个位名人天年])(?!人课堂)"
                             r"|一个?(?:礼拜|星期|周|月)(?![一二三四五六日天末])")  # (是不是一个礼拜: how long)
_DATE_UNITS = frozenset("号日月")
_ONLY = re.compile(r"只(?=[\u4e00-\u9fff]{0,2}[\d一两三四五六七八九十百])")  # (只搞了两天: a guess, the 只 its tone)


def _number_asked(folded: str) -> str:
    """A guessed number as the question it stands for: 3.5万人 → 多少人, but 24号 → 几号 (which day, not how many)."""
    return _GUESSED_NUMBER.sub(_number_word, _ONLY.sub("", folded))


def _number_word(m: re.Match[str]) -> str:
    """The question word a guessed number stands for."""
    after = m.string[m.end():m.end() + 1]
    if m.group(0)[-1] in "拜期周月":
        return "多久"  # 一个礼拜, not 一万多
    if after == "年" and len(m.group(0)) == 4:
        return "哪"  # 2023年办的: which year, not how many
    return "几" if after in _DATE_UNITS else "多少"


def confirms_only(clause: str) -> bool:
    """Whether a clause only asks if what it tells is true; another clause of the message asks the question."""
    return bool(_TAG_END.search(fold(clause)))


_OR_ELSE = re.compile(r"或者|或是|还是说")
_OR_WORDS = frozenset({"或", "或者", "或是", "还是"})  # (宜昌还是枝江: the side the article has)
AND_WORDS = frozenset({"和", "与", "及", "以及"})  # (时长和授课形式: two things asked, each its own answer)
# the national training named by who ran it (中央组织部和中央党校办的那个培训，湖北有多少人参加): a name, not the asked
_BY_ORGANISER = re.compile(r"(?<!是)由?(?:中央组织部|中组部|中央党校)[^,，?？。!！]{0,12}?(?:联合)?"
                           r"(?:主办|举办|办|组织)的(?=[^,，?？。!！吗呢]{0,6}?(?:培训|班|课))")
# particles, demonstratives and short function words jieba's HMM glues to an unknown word (提了, 那村, 是从, 讲绿美)
_GLUED = frozenset("了的着过吗呢啊吧呀嘛哈啦么那这时啥来是各讲做")
_ITEM_SEP = re.compile(r"[；;、]")
# words that name the kind of answer asked for (synonym-group heads): an answer of that kind covers them, so
# 王树斌是什么身份 finds the fact giving his title even though its text never says 职务; 孙开林的村子 is the 村 it names
_KIND_WORDS = {"职务": ("title:",), "题目": ("title",), "部门": ("agent",), "村庄": ("place:村",)}
# 各 as "each", not the 各 of 各位, 各地, 各县
_EACH = r"各(?![位地级类种项镇村个县市部方界族])"
# the question says it is about both trainings (两篇文章, 两个培训, 俩)
_TWO_TRAININGS = re.compile(r"两篇|两次|两场|两个培训|两个班|两期|两地|两边|两者|俩")
# the asker wants each training's answer (两篇文章分别…, 两次培训各…, 有什么不同)
_BOTH_Q = re.compile(_TWO_TRAININGS.pattern + r"|分别|" + _EACH + r"|"
                     r"不一样|不同|区别|差别|异同|差异|相比|对比|比较|哪个.{0,4}更|哪次.{0,4}更|哪个数|差距|差多少|"
                     r"哪个.+哪个|哪次.+哪次|一个.+另一个")  # (哪次是全国的，哪次是地方的: each its own)
# what a place has (产业, 人口) or what a person is in charge of (分管): only a fact stating it answers
_STATED_ONLY = frozenset({"产业", "人口", "面积", "特产", "收入", "产值", "经济", "分管"})
# 庄悦群的四大要求和湖北的工作专班分别是啥: things of each training joined, then what is asked of each (和美 is a
# word, 及时 too; Cantonese 同 is "and", not the 同 of 同上一堂课 or 共同)
_AND = re.compile(r"和(?!美)|与|跟|以及|及(?!时)|还有|、|(?<![共相不协认一])同(?![上步志时样一锤提事学期类])")
_EACH_ASKED = re.compile(r"[，,\s]*(?:分别|各自|" + _EACH + r"|都)")
# words of a training (广东的培训, 广东那个分组讨论): what makes 广东 name it rather than the province
_TRAINING_WORD = re.compile(r"培训|班|课|学员|研讨|讨论|交流|动员|讲堂|教学")
# the asker speaking of themself or to the listener (我年纪大了, 同志你好, 请问一哈)
_CHAT_PERSON = re.compile(r"我|你|您|同志|老师|大哥|大家|哈喽|嗨|请问|问一|问下|一哈|看到|刷到|看了|读了")
_SENTENCE = re.compile(r"([^?？!！;；,，。~…\s]+)([?？!！;；,，。~…\s]*)")  # a sentence and what ends it
_REPORTED = re.compile(r"说|看到|刷到|看了|读了|读到|报道|新闻")
_RESPECTIVELY = re.compile(r"(分别|各自|各)(是|在|叫)?((?:哪|什么|啥|几|多少)[^,?]{0,5}?),"
                           r"((?:哪|什么|啥|几|多少)[^,?]{0,5}?)(的[^,?]*)?\??$")
_FEW = re.compile(r"几(?=[年天次个回遍十百千万])")
# before 几, what makes it tell a few rather than ask how many (好几天, 这几年, 十几年, 廿幾年)
_TOLD_BEFORE = "好这前近十廿"
# a span of time the asker tells (这几年在搞…, 当过十几年村会计, 干了几十年): not how long something took
_TOLD_SPAN = re.compile(rf"(?:[{_TOLD_BEFORE}那]几|几十)(?=[年天个月])")
# a blank in a half-remembered word (学有所啥, 湾子什么): what it stands for, up to BLANK_MAX characters
_BLANK = re.compile(r"啥|什么|甚么")
_NUMERAL_CLASS = "[一二两三四五六七八九十百]"
_COUNTED_BLANK = re.compile(r"几([\u4e00-\u9fff])几([\u4e00-\u9fff])")
BLANK_MAX = 3
# words asking for a way or a step, whatever the topic (有啥好办法, 要走什么流程): they name no subject
_HOW_WORDS = frozenset("做法 办法 方法 流程 手续 步骤 技巧 窍门 诀窍 建议 条件 好处 门道".split())
_SENTENCE_END = re.compile(r"[,，?？!！;；。~]")
# where what is asked of joined parts begins (庄悦群和郑青龙|是什么身份)
_PREDICATES = frozenset("是 叫 讲 讲了 说 说了 在 有 干 做 去 提 提了 分享 介绍 参加 担任".split())
# a question asking several things: clauses split at punctuation, each with a question word of its own
# (a space separates chat questions, 哪家媒体发的 哪年; a colon a preamble, 我在写报告: …, not a time, 17:26)
_CLAUSE_SPLIT = re.compile(r"(?:[?？!！;；,，、\s]|(?<!\d)[:：])+")
# (not 好几天, 这几年, 十几年, 没几个 or 当了几十年, which tell)
_ASKS = re.compile(rf"什么|甚么|啥|哪|谁|多少|(?<![{_TOLD_BEFORE}没])几(?![十百千\d])|(?<![好了过])几(?=[十百千\d])|"
                   r"怎么|怎样|如何|为什么|为何|吗|是否|有没有|多久|多长|多大|咋|"
                   r"没$|干嘛|([\u4e00-\u9fff])不\1|还是")  # 大不大, 线上还是线下
# a person's name: "<role> 是谁 / 叫什么", "谁是 …"
_WHO_Q = re.compile(r"(书记|部长|局长|市长|省委领导|领导|学员|同志|老师|专家|负责人|编辑|记者|作者|通讯员|"
                    r"主任|指挥长|组长|村长|镇长|县长|区长|村主任|"
                    r"那个|那位|一位|人)(都)?(?:具体|到底|究竟)?(是谁|有谁|是哪位|是哪一位|是哪个人|叫什么|叫啥|的名字|名字|姓名)|^谁是")
_ROLES = frozenset({"老师", "领导", "专家", "学员"})  # groups of people, often described rather than named
# titles that the answer must carry too (化州市的市长是谁 is not answered by a 市委书记); by-lines count as one
# (met only by a person named in the answer who holds that title somewhere in the articles: 中央农办的专家叫什么 is
# not answered by a fact naming 郑雄, a 书记, beside the 专家)
_TITLES = {"书记": "书记", "部长": "部长", "局长": "局长", "市长": "市长", "副市长": "副市长", "主任": "主任",
           "指挥长": "指挥长", "组长": "组长", "专家": "专家",
           "编辑": "byline", "记者": "byline", "作者": "byline", "通讯员": "byline",
           # heads of a village, town or county: the articles name none (坡心镇的镇长是谁 is not its 书记)
           "村长": "村长", "镇长": "镇长", "县长": "县长", "区长": "区长", "村主任": "村主任",
           "省委领导": "省委领导"}  # (湖北's article never names its 省委领导)
_TITLE_A = re.compile(r"书记|部长|局长|副市长|市长|主任|指挥长|组长|专家|编辑|记者|作者|通讯员|署名")
# "谁 did it": a person, a body (市委, 中央组织部) or a role (负责同志, 领导班子成员) must be in the answer
_AGENT_Q = re.compile(r"谁|哪位|哪些人")
# 哪家媒体: an outlet (香港商报网, 湖北日报), not a date
# (not 编织起了一张什么网, 啥网啊: the net 茂名 wove)
_OUTLET_Q = re.compile(r"(?<!依托)(?<!张)(?:哪个|哪家|什么|啥|哪些)(?:媒体|网站|报纸|报社|平台|刊物|网)|哪家报|哪个报")
_NET = re.compile(r"[一这那]张[^,?]{0,3}网|编织|大网")
_OUTLET_A = re.compile(r"商报|日报|党员网|报网|网站|媒体")
# 哪个单位的: a body (市委, 组织部, 党校, 日报), not a role (通讯员)
_UNIT_Q = re.compile(r"(?:哪个|哪些|哪家|什么|啥)单位|(?:哪个|什么|啥)部门")
_UNIT_A = re.compile(r"市委|省委|组织部|党校|农办|日报|报网|党员网|局|指挥部|学院|政府|人大|基地|公司")
_AGENT_A = re.compile(r"书记|部长|局长|市长|领导|同志|专家|成员|指挥长|编辑|通讯员|主任|干部|市委|组织部|党校|农办|"
                      r"日报|报网|党员网")
_HEADING = re.compile(r"[^:：?？,，。!！]{2,12}[:：](?!\d)")
_UNIT_VERB = re.compile(r"(?<=单位|部门)(?:服务|上班|工作|任职|供职|就职)(?=[?？的呀啊呢吗]|$)")
_FROM_VIEW = re.compile(r"(?:^|(?<=,))从([^,?]{2,8}?)(?:上|方面|角度|层面)?来?看(?=,)")
# 哪个县级市 asks which 市 (化州市), 哪座城市 where (北京 is a city no text calls a 市): kinds, not words to find
_WHICH_CITY = re.compile(r"哪(?:个|一个|座)?(县级市|城市)")
_PLACE_Q = re.compile(  # not 哪些市领导, 哪些省、市领导
    r"哪(?:个|一个|些)?(区县|县区|县市|市县|省市|省|市|县|区|镇|乡|街道|村)"
    r"(?:(?:或者?|或是|还是|/)(省|市|县|区|镇|乡|街道|村))?(?!委|级|领导|长|干部|书记|主任)"
    r"(?![、,和与及][省市县区镇]?(?:委|级|领导|干部|书记))")
# a district or county named with its kind (電白區): the bare name (欣旺达电白基地) then says which 区
_PLACE_NAMED = re.compile(r"([\u4e00-\u9fff]{2})(区|县|市)(?!委|级|长|领导|人大|直属|农业|林业)")
# 姓曾的 (the one surnamed 曾): not 姓什么, 姓名
_SURNAME_Q = re.compile(r"姓([\u4e00-\u9fff])的?"
                        r"(?=[\u4e00-\u9fff]{0,4}(?:书记|部长|局长|市长|指挥长|主任|编辑|学员|领导|那位|$))")
_YEAR_WORD = re.compile(r"(?:19|20)\d\d")
# a word that is a place name (钟祥市, 湖山村)
_PLACE_END = re.compile(r"..(省|市|县|区|镇|乡|街道|村)$")


def _bare_place(place: str) -> str:
    """A place's name without its kind (保康县 → 保康, 石湾街道 → 石湾); other words as they are."""
    m = _PLACE_END.search(place)
    return place[:m.start(1)] if m else place


# a place name ending in 省/市/县 …: 高州市, 龙湾镇, 湖北省; not 省委, 县级, 市领导
# (not 一个镇, 各县, 全市, 驻村, 乡村, 农村, 城市, 重点镇, 千名村书记, 镇街: a kind, not a name)
_NOT_NAMED = "(?<![一个各全本该每驻乡农城点名位给的和与对让为])"
_PLACE_A = re.compile(rf"(?<=[\u4e00-\u9fff]){_NOT_NAMED}(省|市|县|区|镇|乡|街道|村)(?!委|级|长|领导|直属|人大|街)")
# "where": the answer names a place (湖北省, not 省级), a venue or (for 来源是哪里) an outlet; 关键在哪 asks what
_WHERE_Q = re.compile(r"(?<!关键)(?<!难点)(?<!重点)(?<!区别)(?<!意义)(?<!亮点)(?<!特点)(?<!好处)(?<!原因)"
                      r"在哪(?!一?[几两三四五六七八九十]*(?:天|日|年|月|号|个月|周))"  # 在哪几天 asks when
                      r"(?!些(?:工作|方面|领域|问题|事|环节|专题|内容))"  # 处在哪些工作的最前沿 asks which work
                      r"(?![个堂节场次]?(?:活动|场合|环节|会|课|专题|节目|仪式)上?)"  # 在哪个活动上, 哪堂课上: which
                      r"(?![几两三四五六七八九十]+(?:个?方面|点|项|条|件|种|类|个?\W))|"  # 在哪两方面, 哪几个“一方”
                      r"(?<!出自)(?<!源自)哪里|哪儿|(?:什么|啥|哪些|哪个)地方|何处|地点")  # 出自哪里: which source
_WHERE_A = re.compile(rf"(?<=[\u4e00-\u9fff]){_NOT_NAMED}(?:省|市|县|区|镇|乡|村|街道)(?!委|级|长|领导|直属|人大|街)|"
                      r"基地|党校|主课堂|北京|日报|商报|党员网|车间|企业|岗位")
# Measure words an answer may use for what the question counts (几位 → 10位 or 2.28万余名).
# 个 is the general classifier: 几个要求 is answered by 四大要求, 几个分课堂 by 131个
_MEASURES = {"个": "个大项条点种类场次堂批届期所家位名",
             "个人": "名位人", "名": "名位人", "位": "名位人", "人": "名位人", "天": "天日", "日": "天日",
             "钱": "元块", "块": "元块", "元": "元块",
             # 几条要求 is answered by 四大要求
             "条": "条项点大个", "项": "项条点大个", "点": "点条项大个"}
# a Chinese numeral needs a digit word: 百人课堂 and 千名村书记 are names, not counts; so is 同上一堂课
_CN_NUMBER = "[一二两三四五六七八九十百千]*[一二两三四五六七八九十][一二两三四五六七八九十百千]*"
_ANSWER_NUMBER = re.compile(rf"(?<![每的上])(\d[\d.]*|{_CN_NUMBER})(?:多|余)?万?(?:余|多)?"
                            r"(个|名|位|人|天|日|年|岁|月|号|点|次|场|类|项|条|大|元|块|堂|批|届|期|所)")
_ANSWER_SHARE = re.compile(r"一?大半|一半|多半|过半")
# a length of time: 3天, 四天半, 三年; not 2022年 or 4月24日
# (not 3天培训里, which says when a thing happened, not how long it took)
_ANSWER_DURATION = re.compile(r"(?<![\d月])(\d{1,2}|[一二两三四五六七八九十]+)(?:多|余)?(天|个月|周|年|小时)(?!培训)")
_DURATION_UNIT = {"个月": "月", "周": "天", "小时": "天"}  # a week or some hours answer 几天 well enough
_ANSWER_DATE = re.compile(r"\d+\s*(年|月|日|号)|\d{1,2}:\d\d|[一二三四五六七八九十]+(月|日|号)|"
                          r"今年|去年|近日|上午|下午|晚上|以来")
# An answer saying what the article does NOT state (没有写具体日期): it answers the kinds its fact is asked for.
_ANSWER_NEGATIVE = re.compile(r"没有(写|注明|给出|署名|说明|提到|提及|公布)|未(写明|注明|提及)")
# question words followed by what is asked for (什么产品, 多少人口), or preceded by it (电话是多少, 家乡是哪里)
_WH_BEFORE = frozenset({"什么", "啥", "哪些", "哪个", "哪家", "哪种", "哪一个", "多少", "几", "哪", "有没有", "有无"})
_WH_AFTER = frozenset({"多少", "什么", "啥", "哪里", "哪儿", "哪", "几何", "多少钱", "怎么样"})
_LINK = frozenset({"是", "有", "在", "的", "为", "要"})
# details a question asks for wherever they stand (地址在哪条街, 电话号码发我): none of them known means the articles
# do not give it
_DETAIL_WORDS = frozenset({"平均", "性别", "地址", "电话", "手机", "手机号", "邮箱", "微信", "工资", "收入", "年薪",
                           "学历", "门票", "票价", "面积", "身高", "体重", "生日", "门牌", "邮编", "网址", "链接",
                           "gdp"})
# a name or title in quotes or 《》 (folded to “”), possibly with quotes inside: 《关键之年“回炉”培训…》
_TITLE_SPAN = re.compile(r"“[^”，,：:！!？?]{3,}”")
# words said in quotes (“不怕龙尾甩，就怕龙头摆”): an answer to what someone said, not a title
_SAID_SPAN = re.compile(r"“[^”]{3,}”")
_QUOTED = re.compile(r"[“‘\"']([^“”‘’\"']{3,40})[”’\"']")


# the kinds of answer a text gives by a pattern alone (the rest, _offers works out)
_OFFERED_BY = (("agent", _AGENT_A), ("unit", _UNIT_A), ("outlet", _OUTLET_A), ("meaning", _MEANING_A),
               ("where", _WHERE_A), ("date", _ANSWER_DATE), ("day", _ANSWER_DAY), ("year", _ANSWER_YEAR),
               ("weekday", _ANSWER_WEEKDAY), ("clock", _ANSWER_CLOCK), ("minute", _ANSWER_MINUTE),
               ("duration", _ANSWER_DURATION), ("frequency", _ANSWER_FREQUENCY), ("origin", _ORIGIN_A),
               ("history", _HISTORY_A), ("future", _FUTURE_A), ("said", _SAID_A))


def _asks(folded: str, told: bool) -> bool:
    """Whether a sentence asks something; in one ended by 。 (told), 几 is a few (干过几年。), not how many."""
    return bool(_ASKS.search(_FEW.sub("", folded) if told else folded))


def _items(answer: str) -> str:
    """How many things an answer lists (before folding turns 、 into a comma), as an offer: items:N."""
    # (the longest list in it: two lists of four, 周代年's two stories, are not a list of nine)
    parts = [p for p in re.split(r"[；;]", answer) if p.strip()] or [answer]
    listed = max(len(parts), *(p.count("、") + 1 for p in parts))
    return f"items:{max(listed, len(_TITLE_SPAN.findall(answer)))}"


class Candidate(NamedTuple):  # (a tuple: a score or two dozen are made per question, and a frozen dataclass is slow)
    """One fact's score for a question, with the parts it was built from (shown by :debug)."""

    fact_id: str
    score: float
    fuzz: float
    coverage: float
    missing: tuple[str, ...]
    matched_question: str
    type_ok: bool = True
    foreign: float = 0.0  # names and numbers of the question this fact does not answer about
    fits: frozenset[str] = frozenset()  # the trainings whose part gives the kind of answer asked for
    balance: float = 1.0  # a both-trainings fact near the best, asked of neither: how much its weaker half covers
    negative: bool = False  # it gives the kind of answer asked only by saying the article does not state it


@dataclass(frozen=True)
class Analysis:
    """What the matcher made of a question."""

    folded: str
    words: tuple[str, ...]
    content: tuple[str, ...]
    articles_named: frozenset[str]
    candidates: tuple[Candidate, ...]
    articles_implied: frozenset[str] = frozenset()  # by a name that only one article mentions
    wants: tuple[str, ...] = ()  # kinds of answer the question asks for: number:…, date, name, who, place:…
    both_asked: bool = False  # 两篇文章分别…: the asker wants each training's answer
    touched: frozenset[str] = frozenset()  # trainings named, implied, or whose own words (龙头, 及时雨) it uses
    role_words: tuple[str, ...] = ()  # the posts that alone name the training (以前给村书记办过类似的培训吗)

    @property
    def of_both(self) -> bool:
        """It says it asks about the two trainings (两个培训里讲三农的分别是谁), whatever words of one it uses."""
        return self.both_asked and not self.articles_named and bool(_TWO_TRAININGS.search(self.folded))

    @property
    def neutral(self) -> bool:
        """The question names no training and nothing only one of them mentions: it may fit both."""
        return not self.articles_named and not self.articles_implied


@dataclass(frozen=True)
class _Doc:
    fact: Fact
    terms: frozenset[str]  # canonical content words of questions and answers
    quote_terms: frozenset[str]  # ... and of quotes
    text: str  # folded questions and answers, for substring hits across segmentation differences
    quote_text: str  # folded quotes
    sound: str  # pinyin of text, padded with spaces (typos of words only a quote has are not worth the index size)
    offers: tuple[tuple[str, frozenset[str]], ...]  # per part: its article and the kinds of answer it gives
    articles: frozenset[str]
    people: frozenset[str] = frozenset()  # the people its answers name


class Matcher:
    """Index of a KnowledgeBase; built once per knowledge version, then read-only."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._df: dict[str, int] = {}  # filled once the facts are indexed; until then every word is unknown
        self._canon: dict[str, str] = {w: g[0] for g in kb.synonyms for w in g[1:]}
        # synonyms with punctuation, such as 镇(街)党(工)委书记, never survive segmentation: rewrite them first
        phrases = sorted((w for w in self._canon if not re.fullmatch(r"\w+", w)), key=len, reverse=True)
        self._phrase_re = re.compile("|".join(map(re.escape, phrases))) if phrases else None
        aliases = {fold(a) for src in kb.articles.values() for a in src.meta.aliases}
        self.segmenter = Segmenter([*kb.lexicon, *(w for g in kb.synonyms for w in g if re.fullmatch(r"\w+", w)),
                                    *aliases, *kb.people])
        self._alias = sorted(((fold(a), src.id) for src in kb.articles.values() for a in src.meta.aliases),
                             key=lambda x: -len(x[0]))
        # a place named without its kind (保康 for 保康县) is that place, unless it is an alias, the bare name of
        # two places (荆州市, 荆州区), or a common word (行政村, 自然村); jieba's tags cannot tell which rarer names
        # are ordinary words (保康 is tagged an adjective), and asked about these articles 仙女, 星火 are the places
        bare: dict[str, set[str]] = defaultdict(set)
        for w in kb.lexicon:
            if _PLACE_END.search(w) and w not in self._canon and not w.endswith("乡村"):
                bare[_bare_place(w)].add(w)
        for stem, full in bare.items():
            if (len(full) == 1 and stem not in self._canon and stem not in aliases and stem not in kb.lexicon
                    and self.segmenter.frequency(stem) < BARE_PLACE_MAX_FREQ):
                self._canon[stem] = next(iter(full))
        # an alias word in a question counts as present in every fact of the training it names
        self._alias_article: dict[str, set[str]] = defaultdict(set)
        for alias, aid in self._alias:
            self._alias_article[self._canon.get(alias, alias)].add(aid)
        self._people = frozenset(self._canon.get(p, p) for p in kb.people)
        # names of people and places a one-character slip is corrected to (尧治村 → 尧治河村)
        # (and domain terms of four or more characters, with a character dropped only: 百人堂 is 百人课堂)
        # (the longest first; ties by name, not by a set's order, which changes from process to process: 坡新镇 was
        # corrected to 坡心镇 in one run and to 坡新铺镇 in the next)
        self._typo_terms = frozenset(x for x in kb.lexicon if len(x) >= 4 and _HAN.match(x)
                                     and not _PLACE_END.search(x) and x not in kb.people)
        # (a training's place by its full name too: 湖比省 is 湖北省)
        provinces = (a + end for a in aliases for end in "省市" if self.segmenter.is_name(a + end))
        names = sorted({w for w in (*(x for x in (*kb.lexicon, *provinces) if _PLACE_END.search(x)), *kb.people,
                                    *self._typo_terms)
                        if len(w) >= 3 and _HAN.match(w)}, key=lambda w: (-len(w), w))
        self._typo_entities = tuple(names)
        self._entities_with: dict[str, list[int]] = defaultdict(list)  # character → the names holding it
        for k, name in enumerate(names):
            for ch in set(name):
                self._entities_with[ch].append(k)
        self._occasions = frozenset(self._canon.get(w, w) for w in kb.occasions)
        # places the articles name with their kind (電白區): an answer naming one bare (欣旺达电白基地) gives that kind
        self._place_kinds: dict[str, set[str]] = defaultdict(set)
        for fact in kb.facts:
            for part in fact.parts:
                for text in (part.answer, *part.quotes):
                    for m in _PLACE_NAMED.finditer(self._prefold(text)):
                        if m.group(1) in kb.lexicon or m.group(0) in kb.lexicon or m.group(1) in aliases:  # not 生活区
                            self._place_kinds[m.group(1)].add(m.group(2))
        # the titles the articles give each person (党支部书记周代年): an answer naming them carries those titles
        self._person_titles: dict[str, set[str]] = defaultdict(set)
        for fact in kb.facts:
            for part in fact.parts:
                for text in (part.answer, *part.quotes):
                    folded = self._prefold(text)
                    for name in self._people:
                        for m in re.finditer(re.escape(name), folded):
                            before = folded[max(0, m.start() - PERSON_TITLE_SPAN):m.start()]
                            for t in _TITLE_A.findall(before):
                                self._person_titles[name].add(_TITLES.get(t, "byline") if t != "署名" else "byline")
        self.docs: list[_Doc] = []
        self._choices: list[str] = []
        self._choice_sounds: list[str] = []
        self._choice_doc: list[int] = []
        self._doc_choices: list[list[int]] = []
        df: dict[str, int] = defaultdict(int)
        self._postings: dict[str, list[int]] = defaultdict(list)
        term_articles: dict[str, set[str]] = defaultdict(set)
        self._views: dict[tuple[int, str], _Doc] = {}
        for i, fact in enumerate(kb.facts):
            questions = [self._prefold(q) for q in fact.questions]
            self._doc_choices.append([])
            for q in questions:
                self._doc_choices[i].append(len(self._choices))
                self._choices.append(q)
                self._choice_sounds.append(pinyin(q))
                self._choice_doc.append(i)
            answers = [self._prefold(p.answer) for p in fact.parts]
            # (what a not-stated fact quotes is what the article does say: no reason to pick it)
            quotes = [] if fact.not_stated else [self._prefold(q) for p in fact.parts for q in p.quotes]
            text = "\n".join(questions + answers)
            quote_text = "\n".join(quotes)
            terms = frozenset(self.terms(text))
            quote_terms = frozenset(self.terms(quote_text)) - terms
            asked = {w.partition(":")[0] for q in questions for w in self.wants(q)}
            # (a fact some of whose own variants ask where is about a place: both-venue, not both-lectures)
            own = {f"asked:{k}" for k in asked & _ASKED_OWN}
            offers = tuple((p.article, self._offers(a, asked) | {_items(p.answer)} | own)
                           for p, a in zip(fact.parts, answers, strict=True))
            named = frozenset(n for n in self._people if any(n in a for a in answers))
            self.docs.append(_Doc(fact, terms, quote_terms, text, quote_text, f" {pinyin(text)} ", offers,
                                  frozenset(fact.articles), named))
            for t in terms | quote_terms:
                if not fact.overview:  # a round-up repeats what other facts say: it does not make words commoner
                    df[t] += 1
                self._postings[t].append(i)
            if len(fact.parts) > 1:
                # a question about one training is matched against that training's half only
                for p, a, o in zip(fact.parts, answers, offers, strict=True):
                    ptext = "\n".join([*questions, a])
                    pquote = "\n".join(self._prefold(q) for q in p.quotes)
                    pterms = frozenset(self.terms(ptext))
                    self._views[(i, p.article)] = _Doc(
                        fact, pterms, frozenset(self.terms(pquote)) - pterms, ptext, pquote, f" {pinyin(ptext)} ",
                        (o,), frozenset(fact.articles), frozenset(n for n in self._people if n in a))
            for p, a in zip(fact.parts, answers, strict=True):
                # which training mentions a word: by what each part says, not by a both-fact's question variants
                for t in self.terms("\n".join([a, *(self._prefold(q) for q in p.quotes)])):
                    term_articles[t].add(p.article)
        bigrams: dict[str, list[int]] = defaultdict(list)
        if len(self._choices) > FUZZ_SCAN:  # only large knowledge needs the prefilter; a small index loads faster
            for c, q in enumerate(self._choices):
                for b in {q[i:i + 2] for i in range(len(q) - 1)}:
                    if b.isalnum():
                        bigrams[b].append(c)
        self._bigrams = dict(bigrams)
        self._fact_doc = {d.fact.id: k for k, d in enumerate(self.docs)}
        self._n = max(sum(not d.fact.overview for d in self.docs), 1)  # rarity among facts about one thing
        self._df = dict(df)
        self._all_text = "\n".join(f"{d.text}\n{d.quote_text}" for d in self.docs if not d.fact.overview)
        # each training's main name, its first alias (茂名, 湖北), and how rare that is among the facts
        primary = {aid: self._canon.get(fold(src.meta.aliases[0]), fold(src.meta.aliases[0]))
                   for aid, src in kb.articles.items() if src.meta.aliases}
        self._primary_alias = frozenset(primary.values())
        self._primary_of = primary
        self._alias_weight = {aid: self.idf(primary[aid]) if aid in primary else UNKNOWN_WEIGHT for aid in kb.articles}
        self._entities = (frozenset(self._canon.get(w, w) for w in (*kb.lexicon, *aliases)) | self._people) \
            & frozenset(self._df)
        # places and units an answer ties to the one person it names (郑雄是钟祥市胡集镇湖山村党委书记)
        linked: dict[str, set[str]] = defaultdict(set)
        # and the places any text naming one person ties to them, bare too (潜江 of 潜江市): a half-remembered name
        # beside one of them (郑青云 潜江的) is that person
        ties: dict[str, set[str]] = defaultdict(set)
        places = [w for w in kb.lexicon if _PLACE_END.search(w) and w not in self._alias_article]
        for fact in kb.facts:
            for part in fact.parts:
                answer = self._prefold(part.answer)
                for text in (answer, *map(self._prefold, part.quotes)):
                    who = [n for n in self._people if n in text]
                    if len(who) != 1:
                        continue
                    if text is answer:
                        for t in self.terms(answer):
                            if t in self._entities and t not in self._alias_article and _PLACE_END.search(t):
                                linked[t].add(who[0])
                    for w in places:
                        if w in text:
                            ties[who[0]].update((w, _bare_place(w)))
        self._linked = {t: frozenset(n) for t, n in linked.items() if len(n) == 1}
        self._person_places = {n: frozenset(w for w in t if len(w) >= 2) for n, t in ties.items()}
        by_surname: dict[str, set[str]] = defaultdict(set)
        for n in self._people:
            by_surname[n[0]].add(n)
        self._surnames = {c: next(iter(n)) for c, n in by_surname.items() if len(n) == 1}
        self._surname_chars = frozenset(by_surname)
        # 小马同志, 老孙说的: someone called by the surname only one person of the articles has
        self._nickname_re = re.compile(
            r"(?<![大小老])[小老]([" + "".join(sorted(self._surnames)) + r"])"
            r"(?=同志|书记|部长|局长|说|讲|的|是|在|他|她|[^\u4e00-\u9fff]|$)") if self._surnames else None
        # entities that only one training's facts mention: naming one points the question at that training
        said: dict[str, list[str]] = defaultdict(list)  # each training's answers and quotes, folded
        for fact in kb.facts:
            for part in fact.parts:
                said[part.article] += [self._prefold(t) for t in (part.answer, *part.quotes)]
        self._article_text = {a: "\n".join(texts) for a, texts in said.items()}
        # 开班 is held by both trainings even where one only says 开班动员
        self._occasion_article = {t: frozenset(a for a, text in self._article_text.items() if t in text)
                                  for t in self._occasions}
        # words only one training's answers and quotes use (坡心镇, 第一课): asked about the other, they are noise
        self._term_article = {t: next(iter(a)) for t, a in term_articles.items() if len(a) == 1}
        self._entity_article = {t: next(iter(a)) for t, a in term_articles.items()
                                if len(a) == 1 and t in self._entities and t not in self._alias_article}
        # known words by their pinyin, for correcting homophone typos (several words per sound: the most common)
        by_sound: dict[tuple[str, ...], str] = {}
        for w in sorted(self._correctable_words(aliases), key=lambda w: (-df.get(w, 0), w)):
            by_sound.setdefault(tuple(pinyin(w).split(" ")), w)
        # then under their other readings (多长 is duo zhang first, duo chang too), never displacing a first one
        for w in sorted(self._correctable_words(aliases), key=lambda w: (-df.get(w, 0), w)):
            for key in itertools.islice(itertools.product(*(readings(c) for c in w)), 1, 8):
                by_sound.setdefault(key, w)
        self._by_sound = by_sound
        # the lengths of the known sounds by their first two syllables, longest first: the corrector tries only these
        sizes: dict[tuple[str, ...], set[int]] = defaultdict(set)
        for key in by_sound:
            sizes[key[:2]].add(len(key))
        self._sound_sizes = {k: tuple(sorted(v, reverse=True)) for k, v in sizes.items()}

    def _correctable_words(self, aliases: set[str]) -> set[str]:
        words = {w for w in self._df if 2 <= len(w) <= TYPO_MAX_LEN and all(_HAN.match(c) for c in w)}
        words |= {w for w in (*self.kb.lexicon, *self.kb.people, *aliases, *(w for g in self.kb.synonyms for w in g))
                  if 2 <= len(w) <= TYPO_MAX_LEN and all(_HAN.match(c) for c in w)}
        # 办的, 讲过: half particle, half ordinary word; 班的 is the asker's own 培训班 and 的, not a typo of 办的.
        # A word merely starting with a common verb (要求, 是否) is an ordinary word with ordinary typos (要球).
        # 什么官 is one character (官) besides a stop word: correcting 什么馆 to it would rest on one sound
        return {w for w in words - self.kb.stopwords if not (len(w) == 2 and any(c in _GLUED for c in w))
                and not any(len(w) - len(sw) <= 1 and (w.startswith(sw) or w.endswith(sw))
                            for sw in self.kb.stopwords if len(sw) >= 2)}

    def _offers(self, answers: str, asked: set[str]) -> frozenset[str]:
        """The kinds of answer an answer text gives, matched against what a question wants.

        An answer saying what the article does not state (没有写具体日期) answers the kinds of question its fact's
        own variants ask (哪天开班), not every kind.
        """
        out: set[str] = set()
        if _ANSWER_NEGATIVE.search(answers):
            out.update(f"not:{kind}" for kind in asked)
        out.update(kind for kind, pattern in _OFFERED_BY if pattern.search(answers))
        if "meaning" in asked:  # a fact whose own variants ask what a term means explains it
            out.add("meaning")
        out.update(f"duration:{_DURATION_UNIT.get(m.group(2), m.group(2))}" for m in _ANSWER_DURATION.finditer(answers))
        for m in _ANSWER_NUMBER.finditer(answers):
            out.add(f"number:{m.group(2)}")
            out.add("number")
        if _ANSWER_SHARE.search(answers):
            out.add("number")  # 成功了一大半: how much, as a share
        named = [p for p in self._people if p in answers]
        out.add(f"people:{min(len(named), 2)}")
        if named:
            out.add("person")
            out.update(f"title:{t}" for p in named for t in self._person_titles.get(p, ()))
        for m in _ROLE_HELD.finditer(answers):  # 以市委常委、组织部部长为组长: who the 组长 is, by office
            out.update(("office", f"title:{m.group(1)}"))
        if _TITLE_SPAN.search(answers):
            out.add("title")
        if _SAID_SPAN.search(answers):
            out.add("quoted")
        out.update(f"place:{m.group(1)}" for m in _PLACE_A.finditer(answers))
        out.update(f"place:{k}" for name, kinds in self._place_kinds.items() if name in answers for k in kinds)
        return frozenset(out)

    @lru_cache(maxsize=RECENT_TEXTS)  # noqa: B019 - a message's clauses are folded by each route that reads them
    def _prefold(self, text: str) -> str:
        folded = _REQUEST.sub("", _MOMENT.sub("", _KIN.sub("", fold(text)))).lstrip(" ,?!~.;:").rstrip(" ,~;:")
        folded = _PROVINCE_COMMITTEE.sub(" ", _SEPARATED.sub(r"\1\2", folded))
        if self._phrase_re is not None:
            folded = self._phrase_re.sub(lambda m: self._canon[m.group(0)], folded)
        return folded

    def _drop_teller(self, folded: str) -> str:
        """A question without who told the asker and where they had been (我们村书记去省委党校听课回来说有个三十岁的
        最年轻…); a number in what was said, a claim, is asked (…看新闻说茂名有一百多个镇街)."""
        m = _TELLER.search(folded)
        if not m:
            return folded
        end = b.start() if (b := _RUN_BREAK.search(folded, m.end())) else len(folded)
        return folded[:m.start()] + self._teller(m) + _number_asked(folded[m.end():end]) + folded[end:]

    def _drop_self(self, folded: str) -> str:
        """A question without the asker's introduction of themselves, which asks nothing; the training it names or
        implies is kept (我是襄阳的退休老支书，… → 湖北)."""
        m = _SELF_INTRO.match(folded)
        rest = folded[m.end():] if m else ""
        if not m or _ASKS.search(m.group(0)) or not _ASKS.search(rest):
            return folded
        # (我是退休老村干部，想比比这两个培训: the asker's post is not the training asked of)
        lent = "" if _TWO_TRAININGS.search(rest) else self._one_training(m.group(0))
        # (a bare 我 stays: the story about the asker may go on without it, 我是个退休老党员，平时爱看新闻，…)
        return (lent or "我") + rest

    def _teller(self, m: re.Match[str]) -> str:
        """Who told the asker, dropped; the training it names or implies is kept (…去省委党校听课回来说 → 湖北)."""
        told = m.group(0)
        if any(t in self.kb.people for t in self._trainings_of(told)[2]):
            return told  # (我想知道庄悦群说的…: the person is what is asked about)
        return self._one_training(told)

    def _reword(self, folded: str) -> str:
        """What a question means said the way the knowledge says it (a question's, never a fact's text)."""
        folded = _EARLIER.sub(lambda m: "什么时候" + (m.group(1) or "办") + "的", _WHO_RAN.sub("谁举办的", folded))
        if "湖北" in folded:  # 湖北在全国村书记视频培训中设了几个分课堂: the training's name, not the nation asked of
            folded = _NATIONAL_NAME.sub("", folded)
        folded = _WHAT_PLACE.sub("哪里", folded)  # (哪个地方 is where; 地方自己办的 is local)
        folded = _ORDINAL.sub("哪", folded)  # 第几公里: which one (最后一公里), not how many
        folded = _TRAINING_START.sub("开班", _SMALLEST.sub("", _WENT_TO.sub("", folded)))
        folded = _FROM_VIEW.sub(r"\1", folded)  # 从授课形式看，…: the angle is what is asked about
        if self._nickname_re is not None:
            folded = self._nickname_re.sub(lambda m: self._surnames[m.group(1)], folded)
        folded = _UNIT_VERB.sub("", folded)  # 在哪个单位服务: which unit; working there is no word to find
        folded = _WHICH_CITY.sub(lambda m: "哪个市" if m.group(1) == "县级市" else "哪里", folded)  # (化州市; 北京)
        return _GENDER.sub("性别是什么", _FROM_PLACE.sub(self._hometown, _SOMEONE.sub("的", folded)))

    def _hometown(self, m: re.Match[str]) -> str:
        """是佛山人吗 asks where someone is from; 是年轻人吗 does not."""
        place = m.group(1)
        if self.segmenter.is_name(place) or _PLACE_END.search(place) or place in self._alias_article \
                or place in ("本地", "外地", "当地"):
            return "籍贯是哪里"
        return m.group(0)

    def terms(self, folded: str) -> list[str]:
        """Canonical content words: stop words dropped, runs of lone characters joined (庄/月/群 → 庄月群)."""
        return list(self._terms(folded))

    @lru_cache(maxsize=RECENT_TEXTS)  # noqa: B019 - one message's clauses and passes ask for the same pieces
    def _terms(self, folded: str) -> tuple[str, ...]:
        out: list[str] = []
        run: list[str] = []
        # (a run never crosses punctuation: 授课者，除市委书记外 is not 者除)
        for w in [w for piece in _RUN_BREAK.split(folded) for w in (*self.segmenter.cut(piece), "")]:
            if (len(w) == 2 and any(c in self.kb.stopwords for c in w) and _HAN.match(w)
                    and not self.segmenter.is_word(w) and w not in self._canon and w not in self.kb.stopwords):
                # a stop word jieba's HMM glued to one character (说学 of 陈丽说学了啥, 哪学, 各叫): the character
                out += self._joined(run)
                run = []
                out += [c for c in (self._canon.get(c, c) for c in w if c not in self.kb.stopwords and c not in _GLUED)
                        if c not in self.kb.stopwords]
                continue
            if len(w) == 1 and _HAN.match(w) and w not in self.kb.stopwords:
                run.append(w)
                continue
            out += self._joined(run)
            run = []
            if w and w not in self.kb.stopwords and not (_QUANTITY_WORD.fullmatch(w) and not w[0].isdigit()):
                out.append(self._canon.get(w, w))
        return tuple(out)

    def _joined(self, run: list[str]) -> list[str]:
        """A run of lone characters as one canonical word (庄/月/群 → 庄月群); nothing for an empty run."""
        if not run:
            return []
        joined = "".join(run)
        if len(run) == 2 and run[0] in "去来" and joined not in self._canon and joined not in self._df:
            return [self._canon.get(c, c) for c in run]  # 去/看 is a visit and a look, not the unknown word 去看
        if len(run) == 2 and run[1] == "讲" and joined not in self._canon and joined not in self.kb.stopwords:
            return [self._canon.get(run[0], run[0])]  # 课/讲 of 那节课讲的啥: the lesson; 讲 says nothing more
        return [] if joined in self.kb.stopwords else [self._canon.get(joined, joined)]  # 跑/去 is 跑去, phrasing

    def _weight(self, word: str) -> float:
        """A word's rarity; a training's alias no fact repeats (广东) weighs no more than its commonest alias (茂名)."""
        if word in self._alias_article and self.idf(word) == UNKNOWN_WEIGHT:
            return min(self._alias_weight[a] for a in self._alias_article[word])
        w = self.idf(word)
        return min(w, SINGLE_CHAR_MAX_WEIGHT) if len(word) == 1 and w != UNKNOWN_WEIGHT else w

    @lru_cache(maxsize=4096)  # noqa: B019 - the matcher lives as long as its knowledge
    def idf(self, word: str) -> float:
        df = self._df.get(word)
        if df is None:
            # a word segmented differently in the knowledge still counts as known when it occurs as a substring
            # (occurrences, not facts: one pass over the text instead of one per fact)
            # (more occurrences than facts is as common as a word gets, not a negative weight: 堂 of 讲堂)
            df = min(self._all_text.count(word), self._n)
        if df == 0:
            return UNKNOWN_WEIGHT
        return math.log((self._n + 1) / (df + 0.5))

    @lru_cache(maxsize=4096)  # noqa: B019
    def _sound(self, word: str) -> str:
        return f" {pinyin(word)} " if _HAN.search(word) and len(word) >= 2 else ""

    @lru_cache(maxsize=RECENT_TEXTS)  # noqa: B019 - a clause is corrected to find its subjects, then to match it
    def correct(self, folded: str) -> str:
        """Replace homophone typos of known words (庄月群 → 庄悦群, 陪训 → 培训); known words stay as they are.

        A correction never cuts through a word the segmenter recognises (个/县级分课堂 does not become 各县…),
        and never changes a character inside one (柏乔/讲堂 → 柏桥讲堂 changes only 乔).
        """
        syllables = [pinyin(ch) if _HAN.match(ch) else "" for ch in folded]
        n = len(folded)
        word_id = [-1] * n  # which recognised multi-character word each character belongs to
        pos = 0
        for k, w in enumerate(self.segmenter.tokens(folded)):
            if len(w) >= 2 and self._is_word(w):
                for j in range(pos, min(pos + len(w), n)):
                    word_id[j] = k
            pos += len(w)
        out: list[str] = []
        i = 0
        while i < n:
            if not syllables[i]:
                out.append(folded[i])
                i += 1
                continue
            done = False
            longest = min(TYPO_MAX_LEN, n - i)
            for size in self._sound_sizes.get(tuple(syllables[i:i + 2]), ()):
                end = i + size
                if size > longest or not all(syllables[i:end]):
                    continue
                word = self._by_sound.get(tuple(syllables[i:end]))
                if word is None:
                    continue
                seg = folded[i:end]
                if seg == word:
                    out.append(seg)
                    i, done = end, True
                    break
                cuts = (word_id[i] >= 0 and i > 0 and word_id[i - 1] == word_id[i]) or (
                    word_id[end - 1] >= 0 and end < n and word_id[end] == word_id[end - 1])
                changed = [j for j in range(size) if seg[j] != word[j]]
                # a domain term typed as real words (百人/客堂 for 百人课堂, 弯子/会 for 湾子会) may change a character
                # inside them
                whole_words = size >= 3 and word in self._entities and not cuts
                if (cuts or len(changed) > max(1, int(size * TYPO_MAX_DIFF)) or self._is_word(seg)
                        or (any(word_id[i + j] >= 0 for j in changed) and not whole_words)):
                    continue
                # 郑书记 is someone by surname and title (郑青龙 or 郑雄), not a slip for 镇书记
                if any(seg[j] in self._surname_chars and folded[i + j + 1:i + j + 3] in _TITLES for j in changed):
                    continue
                # 是用 is not a typo of 实用, nor 开班时 of 开班式: a function word (是, 在, 时) is typed on purpose
                # (except inside a long domain term: 施工对长 is 施工队长)
                # (nor inside a training's name: 村之书 is 村支书)
                if any(seg[j] in self.kb.stopwords or seg[j] in _ON_PURPOSE for j in changed) and not (
                        (size >= 4 and word in self._entities) or self._canon.get(word, word) in self._alias_article):
                    continue
                # two characters with one changed is a weak signal: for ordinary words (中间 from 中讲) demand the
                # exact sound; names and domain words keep the loose one (郭昕悦, 视屏)
                if size == 2 and word not in self._entities and word not in self.kb.people and any(
                        pinyin(seg[j], loose=False) != pinyin(word[j], loose=False) for j in changed):
                    continue
                # 村在 is not 存在: a character the knowledge uses as a word of its own is typed on purpose
                if size == 2 and word not in self._entities and any(seg[j] in self._df for j in changed):
                    continue
                out.append(word)
                i, done = end, True
                break
            if not done:
                out.append(folded[i])
                i += 1
        return self._correct_entities(self._correct_names("".join(out)))

    def _correct_entities(self, text: str) -> str:
        """A name of three or more characters typed with one character dropped or added inside, two swapped, or, in a
        place's name, one changed (尧治村, 饶治河村 → 尧治河村), unless the typed text is a word or place of its own
        (湛江市); a place keeps its kind (根子村 is another place than 根子镇)."""
        near = self._near_entities(text, -1)
        while near:
            k = near.pop(0)
            name = self._typo_entities[k]
            if name in text:
                continue
            n = len(name)
            place = bool(_PLACE_END.search(name))
            found = None
            term = name in self._typo_terms
            for size in (n - 1, n) if term else (n, n - 1, n + 1):
                for i in range(len(text) - size + 1):
                    seg = text[i:i + size]
                    # a dropped or added character inside (尧治村); a changed or swapped one keeps an end (饶治河村)
                    ends = (seg[0] == name[0]) + (seg[-1] == name[-1])
                    # (a place's kind may begin the next word: 尧冶河/村党委书记)
                    kind_glued = place and seg[-1] == name[-1]
                    if (ends < (1 if size == n else 2) or seg in self._df
                            or OSA.distance(seg, name, score_cutoff=1) > 1
                            or self._inside_word(text, i, size - kind_glued)
                            or any(self.segmenter.is_name(x) or self.segmenter.is_word(x)
                                   for x in (seg, seg[:-1]) if len(x) >= 2)):
                        continue  # (湛江市 is a place of its own, not a slip for 潜江市)
                    # (or a number in a name misremembered: 千人课堂 is 百人课堂)
                    renumbered = size == n and all(a in _NAME_NUMERALS and b in _NAME_NUMERALS
                                                   for a, b in zip(seg, name, strict=True) if a != b)
                    if size == n and not renumbered and (term or (
                            sorted(seg) != sorted(name) and (not place or seg[-1] != name[-1]))):
                        continue  # a changed character only in a place's name: 根子村 is not 根子镇, 王小明 not 王小慧
                    found = (i, size)
                    break
                if found:
                    break
            if found:
                i, size = found
                text = text[:i] + name + text[i + size:]
                near = self._near_entities(text, k)
        return text

    def _near_entities(self, text: str, after: int) -> list[int]:
        """The names (their places in _typo_entities, after `after`) sharing all their characters but one with the
        text, in order: only these can be a slip of it."""
        shared: dict[int, int] = defaultdict(int)
        for ch in set(text):
            for k in self._entities_with.get(ch, ()):
                shared[k] += 1
        return sorted(k for k, c in shared.items() if k > after and c >= len(self._typo_entities[k]) - 1)

    def _correct_names(self, text: str) -> str:
        """A person's name with one given-name character mistyped by its first sound (车东跃 → 车东耀).

        Homophones are corrected above; this catches near-sounds (yue/yao) in names only, where a surname and
        another character already agree and no known word is overwritten; any character of a three-character name
        when the question also names the person's place (孙开山 of 尧治河村 → 孙开林).
        """
        # 姓曾的局长: the one person of that surname, by name
        text = _SURNAME_Q.sub(lambda m: self._surnames.get(m.group(1), m.group(0)), text)
        chars = set(text)
        for name in self._people:
            if len(name) < 2 or name[0] not in chars or len(chars & set(name)) < len(name) - 1 or name in text:
                continue
            for i in range(len(text) - len(name) + 1):
                seg = text[i:i + len(name)]
                changed = [j for j in range(len(name)) if seg[j] != name[j]]
                if (len(changed) == 1 and changed[0] > 0 and _HAN.match(seg[changed[0]])
                        and (self._near_sound(seg[changed[0]], name[changed[0]], len(name))
                             or (len(name) >= 3 and self._beside_place(text, i, name)))
                        and seg not in self._df and not self.segmenter.is_word(seg)
                        and not self._inside_word(text, i, len(name))):
                    text = text[:i] + name + text[i + len(name):]
                    break
        return text

    def _beside_place(self, text: str, start: int, name: str) -> bool:
        """Whether the question names, outside text[start:start+len(name)], a place the articles tie to `name`."""
        rest = text[:start] + "\n" + text[start + len(name):]
        return any(w in rest for w in self._person_places.get(name, ()))

    @staticmethod
    def _near_sound(typed: str, meant: str, name_len: int) -> bool:
        """Whether `typed` sounds near enough to some reading of `meant` (桔: ju or jie) to be its slip.

        A three-character name agrees on two characters already, so the initial is enough; a two-character one
        has only its given name to go on, so one syllable must be the other's beginning (吉 ji, 桔 jie).
        """
        said = pinyin(typed)
        if name_len > 2:
            return any(_LN.get(r[:1], r[:1]) == _LN.get(said[:1], said[:1]) for r in readings(meant))
        return any(min(len(r), len(said)) >= 2 and (r.startswith(said) or said.startswith(r))
                   for r in readings(meant))

    def _inside_word(self, text: str, start: int, size: int) -> bool:
        """Whether text[start:start+size] begins or ends inside a word the segmenter recognises (课程/讲)."""
        pos = 0
        for w in self.segmenter.tokens(text):
            end = pos + len(w)
            if len(w) >= 2 and self._is_word(w) and (pos < start < end or pos < start + size < end):
                return True
            pos = end
        return False

    def _fuzz_choices(self, folded: str) -> dict[int, str] | list[str]:
        """The question variants worth a fuzzy ratio: all of them, or on large knowledge those sharing the
        question's rarest character pairs (a variant sharing none scores too low to matter)."""
        if len(self._choices) <= FUZZ_SCAN:
            return self._choices
        lists = sorted((self._bigrams[b] for b in {folded[i:i + 2] for i in range(len(folded) - 1)}
                        if b in self._bigrams), key=len)
        picked: set[int] = set()
        for ids in lists:
            if len(picked) + len(ids) > FUZZ_SCAN and picked:
                break
            picked.update(ids)
        return {i: self._choices[i] for i in picked}

    def _similar(self, folded: str, sound: str, core: str, pool: set[int]) -> dict[int, float]:
        """How like the question each variant of the pooled facts is: its text, its sound (a little less), or
        the question's asking part alone. One rapidfuzz call per form for all of them, not three per variant."""
        texts = {c: self._choices[c] for d in pool for c in self._doc_choices[d]}
        similar = {c: s for _, s, c in process.extract(folded, texts, scorer=fuzz.ratio, limit=None)}
        for _, s, c in process.extract(sound, {c: self._choice_sounds[c] for c in texts}, scorer=fuzz.ratio,
                                       limit=None):
            similar[c] = max(similar[c], s * 0.95)
        if core != folded:
            for _, s, c in process.extract(core, texts, scorer=fuzz.ratio, limit=None):
                similar[c] = max(similar[c], s)
        return similar

    def _split(self, word: str) -> list[str]:
        """A word jieba made up (里学 from 车间里学什么, 两委干) that no fact contains: its known words instead.

        Dictionary words stay whole even when unknown to the knowledge: 人口, 电话 are what the asker wants.
        """
        if word in self._df or len(word) < 2 or not _HAN.match(word) or self.segmenter.is_word(word):
            return [word]
        # jieba's HMM glues a particle to a word it does not know (提了, 那村): the word without it
        core = word[1:] if word[0] in _GLUED else word[:-1] if word[-1] in _GLUED else word
        if core == word and len(word) > 2:
            # 里算个 of 班子里算个啥: 算; but 哪九奖 keeps its question word (which nine awards)
            core = word.strip("".join(c for c in word if c in self.kb.stopwords and c not in _QUESTION_CHARS))
        if core != word:
            core = self._canon.get(core, core)
            return [] if core in self.kb.stopwords else self._split(core)
        out: list[str] = []
        i = 0
        rest = ""
        while i < len(word):
            for j in range(len(word), i + 1, -1):
                if word[i:j] in self._df:
                    if len(rest) > 1:
                        out.append(rest)
                    elif rest and rest in self._df:
                        out.append(rest)
                    rest = ""
                    out.append(word[i:j])
                    i = j
                    break
            else:
                rest += word[i]
                i += 1
        if not out:
            return [word]  # nothing known inside: an unknown word (a name, a thing) as typed
        if len(rest) > 1 or (rest and rest in self._df):
            out.append(rest)
        return [self._canon.get(w, w) for w in out if w not in self.kb.stopwords]

    def _sound_known(self, word: str) -> bool:
        """Whether a known word sounds like `word` (then it is a typo, not an unknown attribute)."""
        return self._by_sound.get(tuple(pinyin(word).split(" ")), word) != word  # (家乡 itself is no typo)

    def _is_word(self, seg: str) -> bool:
        return seg in self._df or seg in self.kb.stopwords or self.segmenter.is_word(seg)

    def _credit(self, word: str, doc: _Doc, articles: frozenset[str]) -> float:
        if word in doc.terms:
            return 1.0
        kinds = _KIND_WORDS.get(word)
        # ("title:" is any person's title; "title" a quoted name, not 黄毅's title of 部长)
        if kinds and any(o in kinds or o.startswith(tuple(k for k in kinds if k.endswith(":")))
                         for _, offers in doc.offers for o in offers):
            return 1.0
        # a substring hit bridges segmentation differences, but 组织 inside 村党组织书记 is another word
        if word in doc.text:
            return SUBSTRING_CREDIT
        if word in self._alias_article and self._alias_article[word] & articles:
            # (an alias no fact states, 广东, says which training and nothing more: every fact of it fits as well)
            return 1.0 if self.idf(word) == UNKNOWN_WEIGHT else ALIAS_CREDIT
        if word in self._occasions and self._occasion_article.get(word, frozenset()) & articles:
            return OCCASION_CREDIT
        if word in doc.quote_terms or word in doc.quote_text:
            return QUOTE_CREDIT
        # (a word the knowledge has is typed as meant: 北京 is no slip for 背景)
        sound = self._sound(word) if word not in self._df else ""
        if sound and sound in doc.sound:
            return HOMOPHONE_CREDIT
        if any(p in doc.text for p in self._known_parts(word)):
            return PART_CREDIT  # 高科技 for 科技感十足
        return 0.0

    @lru_cache(maxsize=4096)  # noqa: B019
    def _known_parts(self, word: str) -> tuple[str, ...]:
        """The known two-character words inside a longer word no fact contains (科技 of 高科技)."""
        if len(word) < 3 or not _HAN.match(word) or self.idf(word) != UNKNOWN_WEIGHT:
            return ()
        return tuple(p for p in (word[i:i + 2] for i in range(len(word) - 1))
                     if p in self._df and p not in self.kb.stopwords)

    def _is_entity(self, word: str) -> bool:
        """A name, place or number the knowledge mentions: a fact lacking it is about something else.

        Occasions (分组研讨, 开班动员) are not: what someone said there is answered without naming them.
        """
        if word in self._occasions:
            return False
        # a year is one too, known or not: 2025年的培训 is not the 2023 one; so is a place the articles never name
        # (武汉市有多少村书记参加)
        return word in self._entities or (any(ch.isdigit() for ch in word) and word in self._all_text) or bool(
            _YEAR_WORD.fullmatch(word)) or (word not in self._df and bool(_PLACE_END.search(word)))

    def wants(self, folded: str) -> tuple[str, ...]:
        """What kind of answer the question asks for, from its question words."""
        out: list[str] = []
        if _AGE_Q.search(folded) and not _SIZE_Q.search(folded):
            out.append("number:岁")
        elif _WEEKDAY_Q.search(folded):
            out.append("weekday")  # 每周几下村: which day of the week, not how many
        elif _FREQUENCY_Q.search(folded):
            out.append("frequency")
        elif m := _DURATION_Q.search(_TOLD_SPAN.sub("", folded)):
            # 几年 is not answered by 四天半: a count of days, months or years asks that unit
            unit = next((u for k, u in (("年", "年"), ("月", "月"), ("天", "天"), ("日", "天")) if k in m.group(0)), "")
            out.append(f"duration:{unit}" if unit else "duration")
        elif not _WHEN_Q.search(folded) and not _SIZE_Q.search(folded):  # 几号, 几月 ask for a date, not a count
            m = _COUNT_Q.search(folded)
            if m:
                # (多少村书记: a count of people, not 30多年)
                people = not m.group(1) and _PEOPLE_COUNTED.match(folded, m.end())
                out.append(f"count:{'人' if people else m.group(1) or ''}")
        if _WHEN_Q.search(folded):
            out.append("date")
            if _DAY_Q.search(folded):
                out.append("day")
            if _YEAR_Q.search(folded):
                out.append("year")
            if _CLOCK_Q.search(folded):
                out.append("minute" if _MINUTE_Q.search(folded) else "clock")
        m = _WHO_Q.search(folded)
        names = _NAME_Q.search(folded)
        if m and m.group(1) in _ROLES and (m.group(2) or m.group(3) == "有谁"):
            # 湖北的老师都是谁 (all of them): who they were, which 湖北's article says by role, not by name; but
            # 那位领导是谁 asks a name
            out.append("agent")
        elif m or (names and _PERSON_Q.search(folded)):
            out.append("who:name" if names else "who")  # (组长叫啥名字: not the office's name)
            if m and m.group(1) in _TITLES:
                # (a 副市长 is not the 市长: 茂名市市长叫什么 is not answered by 王小慧)
                deputy = "副" if folded[m.start(1) - 1:m.start(1)] == "副" else ""
                out.append(f"title:{_TITLES.get(deputy + m.group(1), _TITLES[m.group(1)])}")
        elif names:
            # 工作专班都叫啥: the names of several things, which a list gives
            # (三个工作专班 名称: a count of them says several too)
            many = re.search(r"都叫|分别叫|各叫|哪些|几个|[两三四五六七八九十]个", folded)
            # (黄毅主讲的专题叫什么: a lesson's name is its title, not the person who gave it)
            out.append("name:many" if many else "title" if _LESSON_NAME_Q.search(folded) else "name")
        elif _UNIT_Q.search(folded):
            out.append("unit")
        elif _AGENT_Q.search(folded):
            out.append("agent")
        if _PEOPLE_Q.search(folded):
            out.append("people")
        if _MEANING_Q.search(folded):
            out.append("meaning")
        if _OUTLET_Q.search(folded) and not _NET.search(folded):
            out.append("outlet")
        if _ORIGIN_Q.search(folded):
            out.append("origin")
        if _HISTORY_Q.search(folded) and "outlet" not in out:  # (报道原来是哪家媒体的: its source, not its past)
            out.append("history")
        if _FUTURE_Q.search(folded):
            out.append("future")
        if _SAID_Q.search(folded) and not out:
            out.append("said")
        m = _PLACE_Q.search(folded)
        if m:  # (哪个街道或村: either kind, place:街道|村)
            out.append(f"place:{m.group(1)}" + (f"|{m.group(2)}" if m.group(2) else ""))
        elif _WHERE_Q.search(folded):
            out.append("where")
        return tuple(out)

    @lru_cache(maxsize=256)  # noqa: B019 - a handful of kinds are asked, over and over
    def _giving(self, wants: tuple[str, ...]) -> frozenset[int]:
        """The facts giving the kind of answer asked, when it is a rare kind (a duration, a weekday): few enough
        to score them all."""
        if not wants:
            return frozenset()
        found: set[int] = set()
        for offers, docs in self._by_offers.items():  # (far fewer kinds of offer than facts)
            if any(all(self._satisfies(w, o) for w in wants) for o in offers):
                found.update(docs)
                if len(found) > GIVING_MAX:
                    return frozenset()
        return frozenset(found)

    @cached_property
    def _by_offers(self) -> dict[frozenset[frozenset[str]], list[int]]:
        """Facts grouped by the kinds of answer their parts give."""
        groups: dict[frozenset[frozenset[str]], list[int]] = defaultdict(list)
        for d, doc in enumerate(self.docs):
            groups[frozenset(o for _, o in doc.offers)].append(d)
        return dict(groups)

    def focus_words(self, words: tuple[str, ...]) -> list[str]:
        """The words naming what the question asks for: 产品 in 生产什么产品, 电话 in 马聂的电话是多少."""
        out = []
        for k, w in enumerate(words):
            if w in _WH_BEFORE and k + 1 < len(words) and words[k + 1] not in self.kb.stopwords:
                out += self._split(words[k + 1])  # (什么会来收集: 会, of a word jieba glued to 来)
            if w in _WH_AFTER and all(x in self.kb.stopwords for x in words[k + 1:]):
                j = k - 1
                while j >= 0 and words[j] in _LINK:
                    j -= 1
                if j >= 0 and words[j] not in self.kb.stopwords:
                    out.append(words[j])
            if w in _DETAIL_WORDS or w == "多少钱" or (
                    len(w) > 2 and self._canon.get(w, w) != w and any(c in _QUESTION_CHARS for c in w)):
                out.append(w)  # a question word with its thing (哪里人 is 家乡, 多大年纪 年龄)
        return [self._canon.get(w, w) for w in out]

    @staticmethod
    def _satisfies(want: str, offers: frozenset[str]) -> bool:
        kind, _, arg = want.partition(":")
        if f"not:{kind}" in offers:
            return True
        if kind == "number":
            return want in offers
        if kind == "duration" and arg:
            return want in offers
        if kind in ("duration", "frequency"):
            return kind in offers
        if kind == "count":
            if not arg:
                return "number" in offers
            return any(f"number:{m}" in offers for m in _MEASURES.get(arg, arg))
        if kind == "date":
            return "date" in offers
        if kind == "name":  # a person's, a title's, or the names of several things (三个工作专班都叫啥)
            return "person" in offers or "title" in offers or any(o.startswith("place:") for o in offers) or (
                arg == "many" and any(o.startswith("items:") and o != "items:1" for o in offers))
        if kind == "people":
            return "people:1" not in offers
        if kind == "who":  # (组长是谁当: the office that heads it, which is not a name: 组长叫什么名字)
            return "person" in offers or ("office" in offers and arg != "name")
        if kind == "title":
            return want in offers
        if kind == "agent":
            return "person" in offers or "agent" in offers
        if kind == "said":  # what was said, or the quoted topics talked about (分组讨论聊了啥)
            return "said" in offers or "quoted" in offers
        if "|" in arg:
            return any(f"place:{x}" in offers for x in arg.split("|"))
        if len(arg) == 2 and arg[1] in "区县市":  # 哪个区县: either kind
            return f"place:{arg[0]}" in offers or f"place:{arg[1]}" in offers
        return want in offers  # place:…

    def _chatter(self, folded: str) -> tuple[dict[str, float], str]:
        """Unknown words only in the parts of a message that ask nothing (不太清楚，茂名有几个镇): talk around
        the question, not a detail it asks about; and the asking parts, which are what a variant resembles."""
        pieces = [p for p in _CLAUSE_SPLIT.split(folded) if p]
        words = {p: [t for w in self.terms(p) for t in self._split(w)] for p in pieces}
        known = {p: any(self.idf(t) != UNKNOWN_WEIGHT for t in ts) for p, ts in words.items()}
        # (不太清楚，四大要求: without a question word, the part naming a thing)
        # a part about the asker or to the listener that asks nothing and names nothing the articles are about
        # (我年纪大了眼神不好，…车东耀讲的是什么) is chat, known words and all (not 既接天线又接地气 这话谁说的, nor the
        # first items of a list, 讲农业、三农的分别是谁)
        idle: set[str] = set()
        # (…要求每周三下村，这是学的哪位书记的做法: an asking part pointing back with 这 asks about the part before it)
        referents = {pieces[i - 1] for i, p in enumerate(pieces) if i and _POINTS_BACK.match(p) and _ASKS.search(p)}
        for i, p in enumerate(pieces):
            # (我是个退休老党员，平时爱看新闻，…: the story about the asker goes on without 我)
            # (not a part of the question cut at a comma, 有学员说工作思路更开阔、劲头更足了吗, which names things the
            # articles know, nor a quotation's: 四大要求里“学理论, 悟思想”对应什么)
            goes_on = 0 < i < len(pieces) - 1 and pieces[i - 1] in idle and not any(c in p for c in "“”\"") \
                and sum(self.idf(t) != UNKNOWN_WEIGHT for t in words[p]) <= 1
            if not _ASKS.search(p) and (_CHAT_PERSON.search(p) or goes_on) and p not in referents \
                    and not any(self._names_subject(t) for t in words[p]):
                idle.add(p)
        if pieces and pieces[-1] in idle and all(p in idle for p in pieces):
            idle.discard(pieces[-1])  # (the last part is an afterword, 我找了半天没找到, only after something else)
        asking = [p for p in pieces if _ASKS.search(p)] or [p for p in pieces if known[p] and p not in idle]
        # an asking part naming nothing (能帮我找一下吗, 叫啥名字来着) asks about what the part before it names
        if asking and not any(known[p] for p in asking):
            asking = [q for i, p in enumerate(pieces) if p in asking
                      for q in (pieces[i - 1:i] if i and pieces[i - 1] not in idle else []) + [p]]
        elif asking:  # (…谁做的开班动员，能帮我找一下吗: a closing request naming nothing asks nothing more)
            last = max(i for i, p in enumerate(asking) if known[p])
            asking = asking[:last + 1]
        if not asking or len(asking) == len(pieces):
            return {}, folded
        if not any(known[p] for p in asking):
            return {}, folded  # (在吗 今天好无聊啊: the asking part names nothing the articles know either)
        asked_known = [t for p in asking for t in words[p] if self.idf(t) != UNKNOWN_WEIGHT]
        # (a word of one character, 走 or 好, names nothing; 学员交流了哪些基层做法 asks about the 学员's)
        if any(t in _HOW_WORDS for t in asked_known) and all(
                t in _HOW_WORDS or len(t) == 1 for t in asked_known) and not any(
                self._names_subject(t) for p in pieces if p not in asking for t in words[p]):
            # (我们村的水稻老倒伏，有啥好办法: asking only for a way, it asks about the story's topic, which the
            # articles do not name; 根子镇书记发言了，讲了啥做法 asks about one they do)
            return {}, folded
        asked = {t for p in asking for t in words[p]}
        first = pieces.index(asking[0])
        after = pieces.index(asking[-1])
        idle = {p for p in idle if not first <= pieces.index(p) <= after}  # (preamble or afterword: 我找了半天没找到)
        chatter = {t: CHATTER_WEIGHT for p in pieces if p not in asking for t in words[p]
                   if t not in asked and self.idf(t) == UNKNOWN_WEIGHT}
        chatter |= {t: IDLE_WEIGHT for p in idle for t in words[p] if t not in asked}
        return chatter, " ".join(p for p in pieces if p in asking or (known[p] and p not in idle))

    def asking_core(self, text: str) -> str:
        """The sentences of a message that ask, without the story around them (我是个镇上的小干部哈，听说…，他们参观的
        是哪个企业啊); empty without a story, or if no asking sentence names a subject (有个…培训班，都讲了啥)."""
        sentences: list[str] = []
        stated: set[str] = set()  # sentences ended by 。: told, not asked (以前也在乡镇干过几年。想问下…)
        for m in _SENTENCE.finditer(text):
            p = m.group(1)
            if sentences and _TAG_ONLY.match(fold(p)):
                sentences[-1] += p  # (…基地在高州，对不对啊: the tag asks about the sentence before it)
            else:
                sentences.append(p)
                if "。" in m.group(2):
                    stated.add(p)
        if _ACRONYM.search(text):
            return ""  # (GDP 茂名是多少: a name in capitals is what is asked about, not a story around it)
        prefolded = [(p, self._prefold(p)) for p in sentences]
        # (a guess asks when nothing else does: 茂名开班式是24号上午吧？我稿子里这么写的)
        # (a 几 told, 干过几年。, is a few, not how many)
        folded = [(p, f) for p, f in prefolded if _asks(f, told=p in stated)] or [
            (p, f) for p, f in prefolded if _GUESS.search(f)]
        asking = [(p, self._names_any_subject(f), f) for p, f in folded]
        # (a sentence adding what is wanted of the same subject, 叫什么名字, stays: it is asked too)
        keep = [p for p, named, f in asking if named or self.wants(f)]
        if len(keep) == len(sentences) or not asking:
            return ""  # nothing to cut
        if not keep:
            # (…说茂名的镇街书记们都跑去参观学习，真的假的？去那边主要学啥呀: asked of what the story just told)
            asked = [p for p, _, _ in asking]
            told = self._told_before(asked, prefolded)
            background = [f for p, f in prefolded if p not in asked]
            if told or not any("我" in f for f in background) or any(_REPORTED.search(f) for f in background) \
                    or not stated - set(asked):
                return told
            # (我退休前在党校教书，比较关心课程。开班第一课讲的是什么内容: the asker's own story, told in sentences
            # of its own, says nothing asked)
            return "，".join(asked)
        # the story may say which training (老师布置作业要写茂名镇街书记培训的心得，请问培训一共搞了几天)
        # (by a name of it: 有个全国乡村振兴局长培训班 names another training, and 我孙子在村里当书记 the asker's
        # kin, not 湖北's training; or by a place only its article names: 我表哥在电白当干部，他说…, 茂名's)
        story = {aid for p, f in prefolded if p not in keep for alias, aid in self._alias
                 if alias in f and alias not in _WIDER_SCOPE and not _ROLE_ALIAS.search(alias)} or {
            a for p, _ in prefolded if p not in keep for a in self._trainings_of(p)[1]}
        lent = self._primary_of[next(iter(story))] if len(story) == 1 else ""
        if _PRONOUN_START.match(keep[0]):
            # (我队友说陈丽是孝感的村书记，她学完之后说了啥: 她 is the person the story names)
            people = [w for p, _ in prefolded[:sentences.index(keep[0])] for w in self._trainings_of(p)[2]
                      if w in self.kb.people]
            if people:
                return people[-1] + "，".join(keep)
        if not any(named and p in keep for p, named, _ in asking):
            # nothing left names what is asked about: the question, of the story's training; but a question of
            # question words alone (…专门弄了个盯学风的小组? 叫啥) would then ask the training's name: of what the
            # story just told
            folded_keep, _, content = self._prepare("，".join(keep))
            # (…有个星火村的书记说的话上了报纸，那个村是哪个县区的: 那个村 points back at the story's village)
            if _BACK_REFERENCE.match(fold(keep[0])):
                told = self._told_before(keep, prefolded)
                if told:
                    return told
            if lent and self.wants(folded_keep) == ("name",) and all(self.idf(w) == UNKNOWN_WEIGHT for w in content):
                told = self._told_before(keep, prefolded)
                if told:
                    return self._lend(lent, told)
            return lent + "，".join(keep) if lent else self._told_before(keep, prefolded)
        # (湖北那个视频培训班，据说省里开了一千多个分课堂是不是: the count of 湖北's, not the nation's)
        return self._lend(lent, "，".join(keep))

    def after_premise(self, text: str) -> str:
        """The question after a premise (茂名培训是24号开始的吧？那开班式是哪天): what follows 那, asked of the
        premise's training; empty when the message has no such turn."""
        m = _THEN_ASKED.search(text)
        if not m or not _ASKS.search(fold(text[m.end():])):
            return ""
        return self._lend(self._one_training(text[:m.start()]), text[m.end():])

    def _one_training(self, text: str) -> str:
        """The name of the one training a text names or implies (省委党校 → 湖北); empty for none or both."""
        named, implied, _ = self._trainings_of(text)
        trainings = named | implied
        return self._primary_of[next(iter(trainings))] if len(trainings) == 1 else ""

    def _lend(self, training: str, text: str) -> str:
        """`text` asked of the story's training, unless it names a training itself."""
        return training + text if training and not self._trainings_of(text)[0] else text

    def _told_before(self, asked: list[str], prefolded: list[tuple[str, str]]) -> str:
        """The asking sentences after the nearest sentence before them that names a subject; empty without one."""
        first = next(k for k, (p, _) in enumerate(prefolded) if p == asked[0])
        told = next((p for p, f in reversed(prefolded[:first]) if self._names_any_subject(f)), "")
        return "，".join([told, *asked]) if told else ""

    def _names_any_subject(self, folded: str) -> bool:
        return any(self.idf(t) != UNKNOWN_WEIGHT and self._names_subject(t)
                   for w in self.terms(folded) for t in self._split(w))

    def _elsewhere(self, phrase: str, article: str) -> bool:
        """A quoted phrase (“每周三下村”) only another training's article says: noise when asking this one."""
        if phrase in self._term_article or len(phrase) < 4 or phrase in self._article_text.get(article, ""):
            return False
        return any(phrase in text for a, text in self._article_text.items() if a != article)

    def clauses(self, question: str) -> list[str]:
        """The separate questions in one message (王树斌是什么身份?他讲的主题是什么?), or just the message.

        A clause that names nothing the knowledge knows borrows the names and trainings of the first one (他 → 王树斌).
        """
        groups: list[str] = []
        current = ""
        # (比较一下覆盖范围：茂名涉及多少个镇街，湖北有多少名学员: a heading that asks nothing titles the questions)
        heading = _HEADING.match(question)
        if heading and not _ASKS.search(fold(heading.group(0))):
            question = question[heading.end():]
        for piece, told in ((p, k < len(ps) - 1) for raw in _CLAUSE_SPLIT.split(question)
                            for ps in [raw.split("。")] for k, p in enumerate(ps) if p):
            folded = self._prefold(piece)  # (举几个例子 asks nothing: a request, as 你好 is)
            asks = _asks(folded, told)
            if not asks and not current and (told or _CHAT_PERSON.search(folded)) and not _REPORTED.search(
                    folded) and not self._names_any_subject(folded):
                # the story before a question (同学让我帮忙查资料，茂名一共几个镇街？) is not part of it; what the
                # asker read (我看新闻说两边都请了老师上课) says what the question is about
                continue
            current += piece + ("。" if told else "")
            # (…有没有去企业参观，或者去北京上课的: the alternative asks the same of another thing)
            if asks or (groups and current == piece and _OR_ELSE.match(piece)):
                groups.append(current)
                current = ""
        if current.strip() and groups:
            groups[-1] += current
        groups = [g for g in (g.strip() for g in groups) if g]
        if len(groups) < 2:
            return [question]
        first_terms = self.terms(self.correct(self._prefold(groups[0])))  # (裴宛君 is 裴婉君)
        first = [t for t in first_terms if self._names_subject(t)]
        out = [groups[0]]
        for g in groups[1:]:
            terms = self.terms(self._prefold(g))
            # (裴婉君是哪个镇的书记？她介绍的工作机制有啥: 她 is the first one's person, whatever else it names)
            if any(self._names_subject(t) for t in terms) and not (first and _PRONOUN_START.match(g)):
                out.append(g)
            elif len(own := [t for t in terms if t in self._df]) == 1 and own[0] in first_terms:
                # (开班第一课是谁讲的，讲的啥内容: the first one's verb and a question word ask of its thing)
                out.append(f"{''.join(t for t in first_terms if t not in terms)} {g}")
            else:
                out.append(f"{''.join(first)} {g}" if first else g)
        return out

    def conjuncts(self, question: str) -> dict[str, str]:
        """Per training, the question about its own part of "A和B分别…" (坡心镇和尧治河村的书记分别叫什么 → 坡心镇的书记
        分别叫什么, 尧治河村的书记分别叫什么); empty unless each joined part names one training, not all the same."""
        question = fold(question)  # (車東耀同鄭雄分別係咩身份: the patterns are simplified)
        # the 分别 after the joined parts (not the 都 of 俩培训里都有人上台分享吧,坡心镇跟向巷村的书记分别叫啥), and the
        # parts from the start of their sentence
        rest = next((m for m in _EACH_ASKED.finditer(question) if _AND.search(question, 0, m.start())), None)
        if rest:
            head, tail = question[:rest.start()], question[rest.start():]
            # (the sentence that joins them: 车东耀和郑雄,一个讲粮食安全一个说及时雨,他们分别是什么身份)
            head = next((x for x in reversed(_SENTENCE_END.split(head)) if _AND.search(x)), "")
        else:  # 庄悦群和郑青龙是什么身份: the last part ends where what is asked of them all begins
            last = list(_AND.finditer(question))
            if not last:
                return {}
            words = self.segmenter.tokens(question[last[-1].end():])
            i = next((i for i, w in enumerate(words) if i and (w in _PREDICATES or _ASKS.search(w))), 0)
            if not i:
                return {}
            tail = "".join(words[i:])
            head = question[:len(question) - len(tail)]
        parts = [p for p in _AND.split(head) if p.strip()]
        if len(parts) < 2:
            return {}
        owners = []
        for p in parts:
            named, implied, _ = self._trainings_of(p)
            which = named or implied
            if len(which) != 1:
                return {}
            owners.append(next(iter(which)))
        if len(set(owners)) < 2:
            return {}
        # 坡心镇和尧治河村的书记: what follows the last part's 的 is said of every part, when the others have none
        shared = ""
        if "的" in parts[-1] and not any("的" in p for p in parts[:-1]):
            shared = parts[-1][parts[-1].rindex("的"):]
        out: dict[str, str] = {}
        for p, aid in zip(parts, owners, strict=True):
            mine = p if p.endswith(shared) else p + shared
            out[aid] = f"{out[aid]}和{mine}" if aid in out else mine
        # 张婷和程桔分别是哪个街道、哪个村的书记: each part is asked its own of the listed questions, in order
        listed = _RESPECTIVELY.match(tail)
        if listed and len(parts) == 2 and len(out) == 2:
            verb, after = listed.group(2) or "是", (listed.group(5) or "") + "?"
            return {aid: f"{q}{verb}{listed.group(3 + k)}{after}" for k, (aid, q) in enumerate(out.items())}
        return {aid: q + tail for aid, q in out.items()}

    def alternatives(self, question: str, joiners: frozenset[str] = _OR_WORDS) -> list[str]:
        """The question about each side of its "A或B" (几条要求或几个专题 → 几条要求, 几个专题), for trainings that
        have one side only. Empty when there is no such choice."""
        words = self.segmenter.cut(self._prefold(question))
        at = next((i for i, w in enumerate(words) if w in joiners and 0 < i < len(words) - 1), None)
        if at is None:
            return []
        end = at + 1  # the right side: past question words and measures (几个专题), then its content words
        while end < len(words) - 1 and words[end] in self.kb.stopwords:
            end += 1
        end += 1
        while end < len(words) and words[end] not in self.kb.stopwords and _HAN.match(words[end]):
            end += 1  # (时长和授课形式: 授课形式)
        # the left side, as many content words as the right has (佛山人还是茂名人: 佛山人), and the particles after it
        n = sum(w not in self.kb.stopwords for w in words[at + 1:end]) or 1
        start = at
        while start > 0 and words[start - 1] in self.kb.stopwords:
            start -= 1
        while start > 0 and n and words[start - 1] not in self.kb.stopwords and _HAN.match(words[start - 1]):
            start, n = start - 1, n - 1
        return ["".join(words[:at] + words[end:]), "".join(words[:start] + words[at + 1:])]

    def without_guess(self, text: str) -> list[str]:
        """A guess to confirm (孙开林是郑家湖村的书记对不, 是比亚迪吗) without each name, place or unknown word it
        guesses: a wrong guess is what is asked, not a subject. Empty for a message that guesses nothing."""
        folded = self._prefold(text)
        if not (_GUESS.search(folded) or _RECALLED.search(folded)) or _FROM_PLACE.search(folded):
            return []  # (王树斌是深圳人吧 asks where he is from, which is never stated)
        words = self.segmenter.cut(folded)
        asked = {m.group(1) for m in _IS_IT.finditer(folded)}  # 是比亚迪吗: the thing guessed, known or not
        # what is guessed follows 是 (孙开林是郑家湖村的书记对不): the one asked about comes before it
        after = words.index("是") + 1 if "是" in words else 0
        guessed = [w for w in dict.fromkeys(words[after:]) if w not in self._alias_article and (
            self._is_entity(w) or (self.idf(w) == UNKNOWN_WEIGHT and (
                self.segmenter.is_name(w) or w in asked or _BODY_NAME.search(w))))]
        # (an outlet or school guessed, 是新华社写的, stands for which one: 是哪家写的)
        out = ["".join(("哪家" if _BODY_NAME.search(w) else "") if x == w else x for x in words)
               for w in guessed[:MAX_GUESSES]]
        if _GUESSED_NUMBER.search(folded):  # (大概三万人左右: how many)
            out.append(_number_asked(folded))
        return out

    def _names_subject(self, word: str) -> bool:
        """A person, a training's name or a word only one training mentions: what a clause is about."""
        return word in self._people or word in self._alias_article or word in self._entity_article

    def _trainings(self, folded: str, terms: list[str]) -> tuple[frozenset[str], frozenset[str]]:
        """The trainings a question names (an alias, or a synonym of one: 村干部 → 村党组织书记 → 湖北) and those
        a name only one training mentions implies."""
        named = self._named(folded, terms)
        if len(named) == 1 and _TWO_TRAININGS.search(folded) and not self._named(folded, terms, roles=False):
            # 两个培训都是面向村干部的吗: asked of both, the post is what is asked about, not which training
            named = frozenset()
        either = _EITHER_OR.search(folded)
        if either and len(named) < 2:  # (茂名还是湖北 asks which of the two: both are named)
            # 线上还是线下: the asker does not know which it was, so neither word says which training is meant
            # (the two words each side of 还是: 线上上课还是线下集中, not the 湖北 of 湖北那个是线上还是线下)
            left = self.segmenter.tokens(either.group(1))[-2:]
            right = self.segmenter.tokens(either.group(2))[:2]
            options = {self._canon.get(w, w) for w in left + right}
            rest = folded.replace(f"{''.join(left)}还是{''.join(right)}", " ")
            terms = [t for t in terms if t not in options]
            named = self._named(rest, terms)
        which = list(_WHICH_IS.finditer(folded))
        if which and len(named) < 2:
            # 两个培训哪个是全国性的，哪个是地方搞的: what is asked of each names neither
            said = {self._canon.get(w, w) for m in which for w in self.segmenter.tokens(m.group(1))}
            terms = [t for t in terms if t not in said]
            named = self._named(_WHICH_IS.sub(" ", folded), terms)
        implied = frozenset(self._entity_article[w] for w in terms if w in self._entity_article)
        if not named and not implied:
            # 那15个书记: a figure only one article gives says which training, when nothing else does
            implied = frozenset(self._term_article[w] for w in terms
                                if len(w) >= 2 and w.isdigit() and w in self._term_article)
        return named, implied

    def _named(self, text: str, terms: list[str], roles: bool = True) -> frozenset[str]:
        """The trainings whose aliases the text contains or its words are synonyms of; without `roles`, not by the
        posts that name them too (村书记, 镇街书记)."""
        return frozenset(aid for alias, aid in self._alias if alias in text and (roles or not _ROLE_ALIAS.search(alias))
                         ) | frozenset(aid for w in terms if roles or not _ROLE_ALIAS.search(w)
                                       for aid in self._alias_article.get(w, ()))

    def subjects(self, question: str) -> frozenset[str]:
        """What a question is about: the trainings and people it names (cheap: no scoring)."""
        named, implied, terms = self._trainings_of(question)
        return named | implied | frozenset(t for t in terms if t in self._people)

    def _trainings_of(self, text: str) -> tuple[frozenset[str], frozenset[str], list[str]]:
        """The trainings a text names and implies, and its words, read as a question is (typos corrected)."""
        folded = self.correct(self._prefold(text))
        terms = self.terms(folded)
        return (*self._trainings(folded, terms), terms)

    @cached_property
    def _blank_words(self) -> tuple[str, ...]:
        """The domain words and names a half-remembered beginning may start (学有所… → 学有所得)."""
        return tuple(sorted(w for w in self._entities if len(w) >= 3 and all(_HAN.match(c) for c in w)))

    def _fill_blank(self, folded: str) -> str:
        """A domain word half remembered (学有所啥来着, 湾子什么): the word it begins, beside the question word, so
        the fact naming it is found; a beginning that is a word of its own (学员什么时候) is no half of another."""
        for m in _COUNTED_BLANK.finditer(folded):  # (几奖几惩: 九奖九惩, its numbers left out)
            shape = re.compile(f"{_NUMERAL_CLASS}{m.group(1)}{_NUMERAL_CLASS}{m.group(2)}")
            if fill := next((w for w in self._blank_words if shape.fullmatch(w)), None):
                return folded[:m.start()] + fill + folded[m.end():]
        for m in _BLANK.finditer(folded):
            for k in (4, 3, 2):
                start = m.start() - k
                begin = folded[max(start, 0):m.start()]
                if start < 0 or begin in self._df or not all(_HAN.match(c) for c in begin):
                    continue
                # (each word it may begin, run together so as not to make clauses: 学有所得学有所获学有所长)
                fills = [w for w in self._blank_words if w.startswith(begin) and len(w) - k <= BLANK_MAX]
                if fills:
                    return folded[:start] + "".join(fills) + folded[m.start():]
        return folded

    @lru_cache(maxsize=8)  # noqa: B019 - a message asked of each training is prepared once, scored thrice
    def _prepare(self, question: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        """A question corrected and folded, its words, and its content words."""
        folded = self._reword(self._drop_teller(self._drop_self(self._prefold(question))))
        if _GUESS.search(folded):
            folded = _GUESSED_POST.sub("谁", _GUESSED_PLACE.sub("哪个", folded))
            folded = _GUESSED_FREQUENCY.sub("多久", folded)
        folded = self._fill_blank(self.correct(folded))
        m = _BY_ORGANISER.search(folded)
        if m and not _ASKS.search(m.group(0)) and _ASKS.search(folded[m.end():]):
            folded = folded[:m.start()] + folded[m.end():]
        if _GUESS.search(folded):
            folded = _number_asked(folded)
        words = tuple(self.segmenter.cut(folded))
        # an unknown Latin word is chat (bro, omg) far more often than a subject the articles lack; an acronym
        # typed in capitals (GDP) or a brand (iPhone) is a subject
        acronyms = _capitalised(question)
        content = [t for t in dict.fromkeys(t for w in self.terms(_FRAME.sub(" ", _WHICH_N.sub("哪 ", folded)))
                                            for t in self._split(w))
                   if not (self.idf(t) == UNKNOWN_WEIGHT and (
                       self.segmenter.is_function(t) or (_LATIN.fullmatch(t) and t not in acronyms)))]
        # a quoted phrase (“做作风上清正廉洁的镇街书记”) is one strong term besides its words
        # (only as the knowledge has it: a paraphrase in quotes, “龙头龙尾”, would count as an unknown word)
        # (not a training's name, “柏桥讲堂·百人课堂”: its words already say which training, nothing more)
        content += [q for q in dict.fromkeys(m.group(1).strip() for m in _QUOTED.finditer(folded))
                    if q not in content and q in self._all_text
                    and not all(t in self._alias_article for t in self.terms(q))]
        return folded, words, tuple(content)

    def analyse(self, question: str, limit: int = 30, article: str | None = None) -> Analysis:
        """Score facts for a question; with `article`, only that training's, setting aside the words that belong
        to the other one (坡心镇和尧治河村的书记分别叫什么, asked of 茂名, is about 坡心镇)."""
        folded, words, prepared = self._prepare(question)
        content = list(prepared)
        named, implied = self._trainings(folded, content)
        if article is not None:
            content = [w for w in content if self._term_article.get(w, article) == article
                       and article in self._alias_article.get(w, {article}) and not self._elsewhere(w, article)]
            named, implied = frozenset({article}), frozenset()
        if named and implied and not implied <= named:
            # 庄书记给村书记讲过啥: an alias of one training, a name only the other mentions; trust neither
            named = named | implied
        wants = self.wants(folded)
        # words the question type already says: 今年 of 今年多大, 区 of 哪个区
        asked = {"今年"} if "number:岁" in wants else set()
        asked |= {k for w in wants if w.startswith("place:") for k in w.partition(":")[2].split("|")}
        if "where" in wants:
            asked |= {"地点"}  # 地点在哪里: the question type again
        if any(w.startswith("duration") for w in wants):
            asked.add("举办")  # 办了几天: how long it was held is how long it lasted
        if _INCLUDES_Q.search(folded):
            asked.add("涵盖")  # 四大要求包括哪些: which they are, not what "includes" them
        m = _LIST_Q.search(folded)
        list_n = 0
        if m:
            n = m.group(1) or m.group(2)
            list_n = int(n) if n.isdigit() else _NUMERALS[n]
            if list_n > MAX_LISTED:
                list_n = 0  # 15位优秀村书记是什么来头 asks about the group, not for fifteen names
        # 三全 (全景式、全流程、全要素): a nickname for a list the articles never use; the list is what is asked
        nick = next((w for w in content if _NICKNAME.fullmatch(w) and self.idf(w) == UNKNOWN_WEIGHT
                     and not self.segmenter.is_name(w)), None)  # not 四川
        if nick is not None:
            asked.add(nick)
            list_n = list_n or _NUMERALS[nick[0]]
        content = [w for w in content if w not in asked]
        content_t = tuple(content)
        says = "said" not in wants and bool(_SAY_Q.search(folded))
        likens = bool(_LIKEN_Q.search(folded))  # 比作什么: the likeness is a quoted word (“班长”), said or not
        focus = named | implied
        if not folded:
            return Analysis(folded, words, content_t, named, (), implied, wants)

        weights = {w: self._weight(w) for w in content}
        chatter, asking = self._chatter(folded)
        # (iPhone 16 什么时候发布: a name in capitals is what is asked about, wherever the spaces fall)
        # (nor a word of a quoted saying split at its comma: “不怕龙尾甩，就怕龙头摆”这话是谁说的)
        quoted = "".join(m.group(1) for m in _QUOTED.finditer(folded)) if chatter else ""
        for w in chatter.keys() & weights.keys() - _capitalised(question):
            if w not in quoted:
                weights[w] = chatter[w]
        total = sum(weights.values()) or 1.0
        # (nothing asked but question words, 文章里提到了哪些村, chat around it or not: the variant it is decides)
        words_only = not weights.keys() - chatter.keys()
        # candidates: the facts sharing the most rarity-weighted words (a cheap bound on coverage), plus the
        # nearest question variants; only these get the full score, so large knowledge stays fast
        rough: dict[int, float] = defaultdict(float)
        budget = POSTINGS_BUDGET
        lists: list[tuple[list[int], float]] = []
        for w in content:
            postings = self._postings.get(w)
            if postings is None:
                # a word the knowledge has only under another sound-alike spelling
                alt = self._by_sound.get(tuple(pinyin(w).split(" "))) if _HAN.search(w) else None
                postings = self._postings.get(alt, []) if alt else []
            lists.append((postings, weights[w]))
        for postings, weight in sorted(lists, key=lambda x: len(x[0])):
            if budget <= 0:
                break  # the rest are the commonest words, which single out no fact
            budget -= len(postings)
            for i in postings:
                rough[i] += weight
        # one training's facts are fewer: a smaller pool covers them (and keeps the per-training passes cheap)
        size = POOL_SIZE if article is None else EACH_POOL_SIZE
        pool = set(heapq.nlargest(size, rough, key=rough.__getitem__))
        # the question without the greeting or particles around it (请问一下，…来着) is what a variant resembles
        core = _PHRASING_TRAIL.sub("", _PHRASING_LEAD.sub("", asking)) or folded
        for _, _, idx in process.extract(core, self._fuzz_choices(core), scorer=fuzz.ratio, limit=FUZZ_POOL,
                                         score_cutoff=40):
            pool.add(self._choice_doc[idx])

        # (村书记那个视频班一共学了几天: the few facts giving the kind of answer asked, a duration, are candidates
        # even when the question's words are too common to single them out)
        pool |= self._giving(wants)
        entity = {w: self._is_entity(w) for w in content}
        own_asked = frozenset(f"asked:{w}" for w in wants if w in _ASKED_OWN)
        whole_training = not any(x.startswith(("count", "number")) for x in wants)
        # (an alias no fact states, 广东, is a known subject: it says which training)
        unknown_focus = any(_HAN.search(w) and self.idf(w) == UNKNOWN_WEIGHT and not self._sound_known(w)
                            and w not in self._alias_article for w in self.focus_words(words))
        # (广东的培训 names the training by its province; 广东有多少个镇, 广东省委书记 ask about the province)
        foreign_name = any(self.idf(w) == UNKNOWN_WEIGHT and self.segmenter.is_name(w) and (
            w not in self._alias_article or f"{w}省" in folded or not _TRAINING_WORD.search(folded)) for w in content)
        qsound = pinyin(folded)
        # the training named by its place (茂名, 湖北), not by a word both articles use (村书记)
        places = [w for w in self._primary_alias if w in folded]
        places += [w for w in content if w in self._alias_article and self.segmenter.is_name(w)]  # 广东
        placed = frozenset(a for w in places for a in self._alias_article[w])
        placed = placed if len(placed) == 1 else frozenset()
        similar = self._similar(folded, qsound, core, pool)
        cands: list[Candidate] = []
        # a question about one training, or naming something only one mentions (implied), is not a broad one
        one_sided = bool(named or implied)
        for d in pool:
            doc = self.docs[d]
            if doc.fact.overview and one_sided:
                continue
            arts = doc.articles
            if article is not None and article not in arts:
                continue
            if len(arts) > 1 and len(focus & arts) == 1:
                doc = self._views[(d, next(iter(focus & arts)))]
            best, best_q = 0.0, ""
            for c in self._doc_choices[d]:
                if similar[c] > best:
                    best, best_q = similar[c], self._choices[c]
            covered = 0.0
            missing: list[str] = []
            foreign = 0.0
            for w, weight in weights.items():
                credit = 1.0 if w in doc.terms else self._credit(w, doc, arts)  # (the common case, without a call)
                if credit <= QUOTE_CREDIT and self._linked.get(w, frozenset()) & doc.people:
                    credit = LINK_CREDIT  # 湖山村的书记: this fact names 郑雄, whom the articles place there
                if credit == ALIAS_CREDIT and not whole_training and w in _WIDER_SCOPE:
                    credit = 0.0  # 全国有多少名村书记: 湖北's 2.28万 is another scope's count
                elif credit == ALIAS_CREDIT and whole_training and w in self._primary_alias:
                    # 湖北 says which training; it does not prefer the few facts that repeat it (马聂是谁), unless
                    # a count is asked, where 湖北's figure and the nation's differ
                    credit = 1.0
                elif (credit == ALIAS_CREDIT and not whole_training and places and w not in self._primary_alias
                      and frozenset(self._alias_article.get(w, ())) == placed and not _ROLE_ALIAS.search(w)):
                    credit = 1.0  # 湖北视频培训班开了多少个分课堂: 湖北 says whose count; 视频培训 says no more
                covered += credit * weight
                if credit == 0.0:
                    missing.append(w)
                if credit < LINK_CREDIT and entity[w] and w not in self._alias_article:
                    # not in what this fact answers; only in its quotes counts half
                    foreign += 1 if credit == 0.0 else QUOTED_ENTITY_SHARE
            cov = float(best >= EXACT_FUZZ) if words_only else covered / total
            score = W_COVERAGE * cov + W_FUZZ * best / 100.0
            score *= FOREIGN_ENTITY_PENALTY ** min(foreign, 2)
            if doc.fact.overview and best < EXACT_FUZZ:  # (asked in a round-up's own words, it is the answer)
                score *= OVERVIEW_PENALTY
            if placed and not placed & arts:
                score *= OTHER_PLACE_PENALTY
            if named and not named & arts:
                score *= OTHER_TRAINING_PENALTY
            elif focus and len(arts) > 1:
                score *= BOTH_FACT_NAMED_PENALTY
            # the trainings whose part gives the kind asked; the type is right if one the question is about does
            fits = frozenset(a for a, o in doc.offers if all(self._satisfies(w, o) for w in wants))
            about = {a for a, _ in doc.offers if not focus or a in focus} or {a for a, _ in doc.offers}
            parts = [o for a, o in doc.offers if a in about]
            type_ok = bool(fits & about)
            # the kind asked is given only by saying the article does not state it (没有写具体日期)
            negative = type_ok and bool(wants) and any(x.startswith("not:") for p in parts for x in p) and not any(
                a in about and all(self._satisfies(w, frozenset(x for x in o if not x.startswith("not:")))
                                   for w in wants) for a, o in doc.offers)
            if not type_ok:
                score *= TYPE_PENALTY
            if says and not any("said" in o or (likens and "quoted" in o) for o in parts):
                score *= SAY_PENALTY
            if list_n > 1:
                listed = max((int(o.split(":")[1]) for p in parts for o in p if o.startswith("items:")), default=1)
                if listed * 2 < list_n:
                    score *= TYPE_PENALTY  # 奖哪九项: a fact listing two or three things does not list nine
                    type_ok = False
                elif listed < list_n:
                    score *= LIST_PENALTY
            if unknown_focus:
                score *= UNKNOWN_FOCUS_PENALTY
            if any(w in _STATED_ONLY for w in missing):
                score *= TYPE_PENALTY  # 星火村主要产业是啥: a fact naming the village, not its industry
            if foreign_name:
                score *= FOREIGN_NAME_PENALTY
            if own_asked and len(arts) > 1 and not any(own_asked <= o for o in parts):
                score *= NOT_ASKED_PENALTY
            cands.append(Candidate(doc.fact.id, round(score, 4), round(best, 1), round(cov, 4), tuple(missing),
                                   best_q, type_ok, foreign, fits, 1.0, negative))
        cands.sort(key=lambda c: (-c.score, c.fact_id))
        if not focus and cands:
            # how well a both-trainings fact's weaker half alone covers the question (生态: both-lectures names it
            # for 茂名 only, both-ecology-tourism for both); only facts near the top are ever weighed by it
            near = cands[0].score - BALANCE_SPAN
            for k, cand in enumerate(cands[:limit]):
                if cand.score < near:
                    break
                d = self._fact_doc[cand.fact_id]
                arts = self.docs[d].articles
                if len(arts) > 1:
                    balance = min(sum(self._credit(w, self._views[(d, a)], arts) * weight
                                      for w, weight in weights.items()) for a in sorted(arts)) / total
                    cands[k] = cand._replace(balance=round(balance, 4))
        touched = named | implied | frozenset(self._term_article[w] for w in content if w in self._term_article)
        roles = () if not named or self._named(folded, list(content), roles=False) else tuple(
            dict.fromkeys(a for a, _ in self._alias if _ROLE_ALIAS.search(a) and a in folded))
        return Analysis(folded, words, content_t, named, tuple(cands[:limit]), implied, wants,
                        article is None and (bool(_BOTH_Q.search(folded)) or len(named) > 1), touched, roles)

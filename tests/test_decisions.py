"""Decisions users rely on: right answers in their script, honest declines, both trainings when unnamed."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core import QA
from bot.knowledge import PROJECT_ROOT
from bot.normalize import detect_script, fold, join_keywords


@pytest.mark.parametrize("question", [
    "庄悦群的年龄", "庄悦群多大年纪?", "黄毅的家乡是哪里", "尧治河村有多少人口", "红酒怎么挑选",
    "湛江市一共有多少个镇?", "马聂的电话是多少", "下周会下雨吗",
    "張婷的學歷是甚麼",  # 甚麼 folds to 什么: the unknown 学历 is what is asked
    "喺茂名有咩好嘢食?",  # Cantonese: what is good to eat in 茂名
    "星火村主要产业是啥", "马聂那村主要搞啥产业的",  # the village is named; its industry is not
    "王小慧副市长分管哪些工作?",  # her lecture is told, not her portfolio
    "柏桥讲堂为什么叫“柏桥”?", "柏桥讲堂这个名字咋来的呀",  # a name's origin: no fact gives one
    "賀爾達還寫過哪些報道?",  # what he did elsewhere: the articles tell of the training only
    "去年6月千名村书记话振兴活动具体是哪一天？",  # the article gives the month, not the day
    "九奖九惩具体是奖哪九项、惩哪九项？",  # no fact lists nine of anything
    "王树斌在佛山原来是干啥的",  # what he did before: the articles tell of the training
    "程桔是不是女的",  # her sex
    "郭昕玥还编辑过哪些别的报道？",  # what she edited elsewhere
    "程桔是怎么当上书记的", "曾春以前担任过什么职务", "黄毅的下一个职务是什么", "郑雄接下来要干啥",  # before, after
    "湖北省一共有多少个行政村?",  # 行政 is a word, not a place called 行政村 named without its kind
    "保康的县长是谁",  # 保康 is 保康县, known; its county head is not stated
    "车东耀那堂课讲了多久", "曾春的生态建设专题课讲了多长时间?",  # a lesson's length (3天培训里 is the training's)
    "庄悦群曾经获得过什么荣誉", "黄毅曾经拿过什么奖",  # honours: only the 15 secretaries' are told
])
def test_declines_what_the_articles_do_not_state(qa: QA, question: str) -> None:
    answer = qa.ask(question)
    assert not answer.answered, (answer.facts, answer.reason)
    assert len(answer.suggestions) == 3 and answer.reason.startswith("declined")


@pytest.mark.parametrize(("question", "expect", "fact_prefix"), [
    ("柏橋講堂百人課堂幾號開班？", "24", "mm-"),
    ("茂名有多少个镇街", "112", "mm-"),
    ("湖北设了多少个分课堂", "131", "hb-"),
    ("庄月群提了哪四大要求", "守正道", "mm-"),  # homophone typo of 庄悦群
    ("马聂多大", "30", "hb-"),
    ("全国一共有多少名村书记和村主任参加了这次视频培训?", "52万", "hb-"),  # not 湖北's 2.28万
    ("随便问问,市委书记给镇街书记提了几条要求啊?", "四大要求", "mm-"),  # 几条 is answered by 四大
    ("黄部长说书记在一个镇街里就相当于个啥?", "龙头", "mm-"),  # 黄部长 is 黄毅, as 庄书记 is 庄悦群
    ("湖北一共有多少名村书记和村主任参加了这次视频培训?", "2.28万", "hb-"),
    ("最年轻那个学员几岁哈", "30", "hb-"),  # particles jieba tags as function words do not count against it
    ("湖北那边多少人一块儿上课呢", "2.28万", "hb-"),
    ("程菊说培训内容怎么样?", "接地气", "hb-"),  # her words, not who she is; 菊 is a typo of 桔
    ("为什么说这次视频培训是第一次?", "主职干部", "hb-"),  # 为什么说 asks a reason, not someone's words
    ("茂名以前办过类似的培训吗?", "电商人才", "both-"),  # history the article does tell
    ("這次茂名鎮街書記培訓叫什麼名字？", "百人课堂", "mm-"),  # 叫什么名字 is all stop words: the name, not its meaning
    ("崇陽嗰個程桔點評個培訓講咗咩？", "既接天线", "hb-"),  # 点评 is 评价
    ("两个培训的学员分别是哪一级的干部？", "村主职干部", "both-"),
    ("湖北那次培训的学员是哪些人", "2.28万", "hb-"),  # not the quote whose answer mentions 学员 and 人
    ("两边都是怎么上课的", "视频授课", "both-"),  # 湖北's classrooms and its video lessons, one answer
    ("两个培训分别办了几天?", "四天半", "both-"),  # 办 (held) is what a duration is of, not a subject
    ("湖北那边县级分课堂是100个?", "130个", "hb-"),  # a wrong number guessed is a number asked
    ("湖北保康那位书记叫啥", "孙开林", "hb-"),  # 保康 is 保康县, named without its kind
    ("两篇文章分别是哪天发布的?", "2024-04-27", "both-"),  # each article's date as the article writes it
    ("这两篇稿子的出处各是哪里", "湖北日报", "both-"),
    ("两个培训的开班分别是怎么进行的?", "同步开班", "both-"),
    ("两边的学员有没有出去外地参训或者参观", "欣旺达", "both-"),  # 出去, 外地: 外出
    ("茂名的那个“百人课堂”，到现在为止一共培训过哪几类人啊？", "电商人才", "mm-"),  # 到现在为止: 截至目前
    ("茂名那个培训除了坐着听课，还有别的环节没？", "现场教学", "both-"),  # 别的 asks nothing of its own
    ("湖北那篇报道原来是哪家媒体的稿子啊", "湖北日报", "hb-"),  # 原来: its source, not its past
    ("裴婉君佢哋鎮啲幹部係咪逢禮拜三落村", "每周三下村", "mm-"),  # Cantonese 逢禮拜三 (every Wednesday), 落村
    ("尧冶河村党委书记叫什么名字", "孙开林", "hb-"),  # one character changed, and 村 glued to 党委书记
    ("周代年开的那个弯子会是用来干嘛的", "收集群众意见", "hb-"),  # 弯子 is a word, 弯子会 a slip for 湾子会
    ("開班動員係邊日上晝搞㗎?", "25日上午", "mm-"),  # Cantonese 上晝 (morning)
    ("文章話今年係「百千萬工程」邊個目標嘅關鍵一年?", "三年初见成效", "mm-"),  # 邊個目標: which goal, not who
    ("黃毅話鎮街書記對個鎮街嚟講係咩?", "龙头", "mm-"),  # 對個鎮街嚟講 (for a town): 来讲 asks nothing
    ("两个培训分别是哪个地方的干部参加的?", "湖北省", "both-"),
    ("做PPT要用，茂名那个培训给学员上课的都有哪些人啊", "部门局长", "mm-"),  # what the answer is for, not a subject
    ("同学问我茂名那个培训有没有分组讨论，讨论的啥?", "献一策", "mm-"),  # who asked the asker is not a subject
    ("茂名市委大抓基层都有啥做法 举几个例子", "约谈", "mm-grassroots"),  # a request for examples asks no count
    ("两个培训各自叫什么名头", "柏桥讲堂", "both-name"),  # 名头 is a name, asked as 名字 is
    ("两个培训的开班动员或第一课分别由谁主讲?", "中央党校", "both-opening"),  # 茂名's 动员, 湖北's 第一课
    ("两篇文章标题里各用了什么说法来形容这次培训?", "同上一堂课", "both-titles"),  # the titles, not the sayings
    ("两个培训学员之间都有交流吗 分别是什么形式", "献一策", "both-discussion"),  # the trainees' exchanges
    # a number that describes who is meant is no guess to check: 是真的吗 confirms that he went
    ("听说湖北有个30岁的年轻村书记也去培训了，是真的吗？叫啥名字，哪个村的？", "铜岭村", "hb-ma-nie"),
    ("茂名那篇里那句俗话原话是什么，是谁说的？", "龙尾甩", "mm-"),  # 那篇里 frames the question, as 文章里 does
    ("文章點樣形容喺鄉鎮工作嘅幹部? 一頭連住乜嘢?", "党心", "mm-"),  # Cantonese 連住 (linked to)
    ("湖北参训的村党组织书记和村委会主任总数约为多少人?", "2.28万", "hb-"),  # 总数, 约为: the count asked
    ("石湾街道是哪个县级市的", "化州市", "mm-"),  # 哪个县级市 asks which 市
    ("全國視頻培訓的主課堂設在哪個城市?", "北京", "hb-"),  # a city no text calls a 市
    ("孫開林將村入面邊幾類地方變成景區?", "矿区", "hb-"),  # 邊幾類: which kinds
    ("湖北那篇文章最后说学员们培训完都去干嘛了", "奔赴各自的工作岗位", "hb-"),
    ("茂名的镇街书记培训是哪天开班讲话的?我记得是24号上午", "25日上午", "mm-"),  # a day guessed is a day asked
    ("我们村书记说那个视频培训全国有50万人参加,是这个数吗?", "52万", "hb-"),  # 是这个数吗: the number is a guess
    ("茂名这培训都有哪些环节呀👀", "现场教学", "both-"),  # an emoji is no part of the question's wording
    ("从授课形式看，两场培训各有什么特色?", "视频授课", "mm-"),  # 从…看: the angle asked about
    ("比较一下覆盖范围：茂名涉及多少个镇街，湖北有多少名学员?", "112个", "mm-"),  # a heading, then two questions
    ("两篇报道结尾都说学员培训后去了哪里?", "回到各自岗位", "hb-"),  # 结尾 is 最后一段, the article's end
    ("那个四大要求里，在其位谋其政对应的是要做到啥?", "造福一方", "mm-"),  # 四大要求 is 茂名's alone
    ("两篇文章分别怎么形容这次培训的分量?", "重头戏", "both-"),  # how the articles put it: 文章 is no subject
    ("两次培训中分别有哪些省、市领导到场？", "庄悦群", "both-"),  # 哪些省、市领导: which leaders, not which 省
    ("培训中有哪些学员代表分享了自己的做法？", "高锦乔", "both-"),  # 自己 (their own) names nothing
    ("湖北那个培训,白天听课,晚上还有什么安排没有?", "省委领导", "hb-"),  # …没有? is a tag, not a word to find
    ("庄悦群开班时对学员提了哪三种“学”的方法？", "带着问题学", "mm-"),
    ("柏乔讲堂是哪个城市办的", "茂名", "mm-"),  # 哪个城市 asks where; 城市 is no word to find
    ("車東耀是在哪個單位服務？", "农业农村局", "mm-"),  # 在哪个单位服务/上班: which unit
])
def test_answers_with_cited_fact(qa: QA, question: str, expect: str, fact_prefix: str) -> None:
    answer = qa.ask(question)
    assert answer.answered, answer.reason
    from bot.normalize import fold

    assert fold(expect) in fold(answer.text)
    assert answer.facts[0].startswith(fact_prefix) or answer.facts[0].startswith("both-")
    for part in answer.parts:
        for cite in part.citations:
            assert cite.quote in qa.kb.articles[cite.article].text


def test_traditional_question_gets_traditional_answer_and_verbatim_quotes(qa: QA) -> None:
    answer = qa.ask("湖北設了多少個分課堂？")
    assert answer.answered and answer.script == "traditional"
    assert detect_script(answer.text) == "traditional"
    assert "課堂" in answer.text
    quote = answer.parts[0].citations[0].quote
    assert quote in qa.kb.articles["hubei-2023"].text  # simplified article, quoted as it stands


def test_unnamed_training_gets_both_labelled_and_named_gets_one(qa: QA) -> None:
    both = qa.ask("培训办了几天？")
    assert both.answered and both.labelled
    assert {p.article for p in both.parts} == {"maoming-2024", "hubei-2023"}
    assert all(p.training in both.text for p in both.parts)
    one = qa.ask("湖北那次培训办了几天？")
    assert one.answered and {p.article for p in one.parts} == {"hubei-2023"}
    assert "四天半" in one.text


def test_asking_for_n_items_gets_the_fact_that_lists_them_all(qa: QA) -> None:
    # each of the four requirements has a fact of its own; 四大要求都是啥 wants all four
    answer = qa.ask("那个四大要求都是啥")
    assert answer.answered, answer.reason
    for item in ("忠诚可靠", "能挑重担", "造福一方", "清正廉洁"):
        assert item in answer.text


def test_regional_spellings_fold_to_standard_words() -> None:
    from bot.normalize import fold

    assert fold("張婷是甚麼職務") == "张婷是什么职务"
    assert fold("點解要培訓") == "为什么要培训"
    assert fold("邊個講課") == "谁讲课"
    assert fold("馬聶係邊條村嘅?") == "马聂是哪条村的?"  # Cantonese 係 before a question word is 是
    assert fold("关系体系") == "关系体系" and fold("千名村书记话振兴") == "千名村书记话振兴"
    # after 都, 就 (都係為咗: all are for), or before 為咗, 係 is 是 too; 都系统 is not
    assert fold("兩個培訓都係為咗推動咩嘢?") == "两个培训都是为了推动什么?"
    assert fold("佢就係書記") == "他就是书记" and fold("都系统学习") == "都系统学习"
    assert fold("講緊乜") == "讲什么"  # 緊 marks the progressive
    assert fold("車間入面學緊咩嘢") == "车间里面学什么" and fold("使命緊迫") == "使命紧迫"
    assert fold("篇文點形容呢件事") == "文章怎么形容这件事"  # 呢 before a measure word is 这
    assert fold("有咩好嘢食") == "有什么好东西吃"  # 食 is to eat
    # 係 between nouns is 是 too (OpenCC would make it the 系 of 体系), but not in 關係; 篇文 is the article
    assert fold("書記係領導班子嘅咩角色") == "书记是领导班子的什么角色" and fold("矛盾關係") == "矛盾关系"
    assert fold("篇文點講") == "文章怎么讲" and fold("兩篇文章") == "两篇文章"
    assert fold("粮食安全那课 who讲的") == "粮食安全那课 谁讲的"
    assert fold("那3个工作专班是哪仨") == "那3个工作专班是哪三个" and fold("黄毅啥title啊") == "黄毅啥职务啊"
    # OpenCC turns Cantonese 嗰 into 𠮶; 係用咩 is 是用什么, 上堂 is 上课
    assert fold("湖北村書記嗰個培訓係用咩方式上堂㗎?") == "湖北村书记那个培训是用什么方式上课?"
    assert fold("呢個培訓係咪講咗乜?邊啲人嚟咗?") == "这个培训是不是讲了什么?哪些人来了?"
    assert fold("有哪些环节呀👀") == "有哪些环节呀" and fold("燃不燃🔥 好❤️") == "燃不燃 好"  # emoji are tone
    # 搵…傾 (find … and talk) ends in 倾 as 谈; 係咪真㗎 (is it true) asks whether, 真 is no subject
    assert fold("搵鎮街書記傾，係咪真㗎？") == "找镇街书记谈,是不是?" and fold("倾向") == "倾向"
    assert fold("真的吗") == "真的吗" and fold("多常时间") == "多长时间" and fold("常常") == "常常"
    assert fold("上完課之後去咗邊？") == "上完课之后去了哪?"  # 去咗邊 (went where)


@pytest.mark.parametrize(("question", "expect"), [
    ("車東耀係邊個部門嘅局長嚟㗎?", "农业农村局"),
    ("馬聶今年幾多歲?", "30"),
    ("欣旺达基地在哪个区?", "电白"),  # 电白 is a 区 elsewhere in the article (電白區坡心鎮)
    ("粮食安全那课 who讲的 lol", "车东耀"),
    ("茂名同湖北兩次培訓各自辦咗幾耐?", "四天半"),
    ("黃毅部長開講時引用了哪一句俗話?", "龙头摆"),  # 一句 counts, 开讲 is 授课
    ("全国一块听课的村干部有多少人啊 好多😮", "52万"),  # 一块, 好多: jieba numerals, phrasing here
    ("鄭青龍話晚上有咩人同佢哋一齊交流?", "省委领导"),  # Cantonese 同佢哋: with them
])
def test_regional_and_mixed_questions(qa: QA, question: str, expect: str) -> None:
    answer = qa.ask(question)
    assert answer.answered, answer.reason
    from bot.normalize import fold

    assert fold(expect) in fold(answer.text)


def test_message_with_two_questions_about_different_trainings_answers_both(qa: QA) -> None:
    answer = qa.ask("文章里茂名有多少个镇街、湖北设了多少个分课堂")
    assert answer.answered, answer.reason
    assert "112" in answer.text and "131" in answer.text
    assert answer.labelled and answer.reason.startswith("several questions")


def test_follow_up_clause_borrows_the_person_of_the_first(qa: QA) -> None:
    assert qa.matcher.clauses("王樹斌是什麼身份?他講課的主題是什麼?") == [
        "王樹斌是什麼身份", "王树斌 他講課的主題是什麼"]
    assert qa.matcher.clauses("王树斌讲了什么?") == ["王树斌讲了什么?"]


def test_asking_for_each_article_gets_each_articles_fact(qa: QA) -> None:
    # the 湖北 source fact scores far ahead; 分别 still wants 茂名's
    answer = qa.ask("两篇报道分别出自哪家报纸")
    assert answer.answered and answer.labelled, answer.reason
    assert "香港商报" in answer.text and "湖北日报" in answer.text


def test_an_occasion_named_as_context_is_not_required_of_the_fact(qa: QA) -> None:
    answer = qa.ask("高錦喬在研討時提到推進哪個項目的徵地拆遷?")
    assert answer.answered, answer.reason
    assert "茂名南站" in answer.text
    # the fact quotes the requirements but not the 开班动员 they were made at
    answer = qa.ask("庄悦群开班时对镇街书记提了哪四个要求呀")
    assert answer.answered and "守正道" in answer.text, answer.reason


def test_function_words_are_not_corrected_into_content_words(qa: QA) -> None:
    assert "实用" not in qa.matcher.analyse("培训是用什么形式开展的?").folded
    assert "办" not in qa.matcher.analyse("全國視頻培訓班的主課堂設在哪個城市?").folded


def test_question_words_read_in_context(qa: QA) -> None:
    wants = qa.matcher.wants
    assert "number:岁" in wants("马聂多大") and "number:岁" not in wants("这次培训规模多大")
    assert "said" in wants("程桔说了什么") and "said" not in wants("培训讲了哪些课程")
    # 那几个 points at the items; 几个 alone asks how many
    assert not any(w.startswith("count") for w in wants("他开班时候提的那几个学是啥来着"))
    assert "count:个" in wants("湖北设了几个分课堂")


def test_unnamed_question_gets_the_other_trainings_half_of_the_related_both_fact(qa: QA) -> None:
    # mm-dates wins; both-duration quotes the same sentence and gives a duration, so 湖北's 四天半 comes along
    answer = qa.ask("這次培訓一共辦了幾天")
    assert answer.answered and answer.labelled, answer.reason
    assert "3天" in answer.text and "四天半" in answer.text
    assert "both-duration" in qa.kb.counterparts("mm-dates")


def test_both_fact_answers_a_question_about_one_training_with_that_half(qa: QA) -> None:
    answer = qa.ask("黄毅在培训上讲的专题叫什么名字?")  # 黄毅 implies 茂名
    assert answer.answered and {p.article for p in answer.parts} == {"maoming-2024"}, answer.reason
    assert "如何当好镇委书记" in answer.text


def test_synonym_of_an_alias_names_the_training(qa: QA) -> None:
    assert qa.matcher.analyse("村干部视频班第一课谁讲的呀").articles_named == {"hubei-2023"}
    assert "开班时" in qa.matcher.analyse("两个培训开班时分别是谁先讲的?").folded  # 时 is not a typo of 式


def test_a_place_tied_to_one_person_finds_that_persons_facts(qa: QA) -> None:
    # hb-zheng-xiong-said quotes 郑雄 without naming his village; his other fact ties 湖山村 to him
    assert qa.matcher._linked["湖山村"] == {"郑雄"}
    answer = qa.ask("鍾祥湖山村的書記把這次培訓比喻成什麼?")
    assert answer.answered and "hb-zheng-xiong-said" in answer.facts, answer.reason


def test_near_sound_typos_of_names_and_split_domain_terms(qa: QA) -> None:
    assert "车东耀" in qa.matcher.analyse("车东跃讲了哪个专题？").folded  # yue for yao: same first sound, a name
    assert "百人课堂" in qa.matcher.analyse("百人客堂是针对哪些人量身定制的培训").folded  # 百人/客堂 are real words
    assert "王小明" in qa.matcher.correct("王小明是谁")  # another sound is another person


@pytest.mark.parametrize(("question", "expect"), [
    ("坡心镇和尧治河村的书记分别叫什么?", ("高锦乔", "孙开林")),
    ("「龙头」那句话和「及时雨」那句话分别是谁说的?", ("黄毅", "郑雄")),
    # each joined part asked alone: the other part's words (学员, 企业) would drag its half down
    ("庄悦群提的四大要求和湖北的3个工作专班分别是啥？", ("忠诚可靠", "学风监督")),
    ("茂名学员参观的企业基地和孙开林的村子，分别在哪个区县？", ("电白", "保康县")),  # 哪个区县: either kind
    # no 分别: what is asked of both begins after the last part
    ("庄悦群和郑青龙是什么身份？", ("市委书记", "郑家湖村")),
    ("坡心镇和尧治河村的书记叫什么", ("高锦乔", "孙开林")),
    # the sentence joining them, not the aside after it; and one fact about farming for both does not answer who
    ("车东耀和郑雄,一个讲粮食安全一个说及时雨,他们分别是什么身份?", ("农业农村局", "湖山村")),
    # traditional script, and Cantonese 同 (and)
    ("坡心鎮和堯治河村的書記分別叫什麼?", ("高錦喬", "孫開林")),
    ("車東耀同鄭雄分別係咩身份?", ("農業農村局", "湖山村")),
])
def test_each_training_asked_about_its_own_thing_is_answered_separately(
        qa: QA, question: str, expect: tuple[str, str]) -> None:
    # no one fact names both; each training is asked with the other training's words set aside
    answer = qa.ask(question)
    assert answer.answered and answer.labelled, answer.reason
    assert all(e in answer.text for e in expect)
    assert {p.article for p in answer.parts} == {"maoming-2024", "hubei-2023"}


def test_stop_word_glued_to_a_character_and_typos_of_words_starting_with_one(qa: QA) -> None:
    assert qa.matcher.correct("四大要球") == "四大要求"  # 要 is a stop word, 要求 an ordinary word
    assert qa.matcher.correct("当地新建有什么馆") == "当地新建有什么馆"  # not 什么官: one sound is too little
    assert qa.matcher.correct("培训像下了一场雨") == "培训像下了一场雨"  # 像 is a word of its own, not 线下's slip
    assert qa.matcher.terms("授课者,除市委书记外") == ["授课", "市委", "书记", "外"]  # no run across the comma
    assert qa.matcher.terms("剩下的在哪学") == ["剩下", "学"]  # 哪学 glued by jieba's HMM
    answer = qa.ask("陈丽说学了啥呀")  # jieba glues 说学
    assert answer.answered and answer.facts == ("hb-chen-li-said",), answer.reason


def test_asking_which_training_names_it_even_for_one_answer(qa: QA) -> None:
    answer = qa.ask("有人说当了30多年村书记第一次参加这么大规模的培训 是哪个培训呀")
    assert answer.answered and answer.labelled and answer.facts == ("hb-quote-30-years",), answer.reason
    assert answer.text.startswith("【全国村党组织书记和村委会主任视频培训班")
    assert not qa.ask("马聂多大").labelled  # one training, not asked which: no label


def test_comparison_asks_each_training(qa: QA) -> None:
    answer = qa.ask("两个培训在教学形式上有什么不一样?")
    assert answer.answered and {p.article for p in answer.parts} == {"maoming-2024", "hubei-2023"}, answer.reason


def test_each_training_half_may_be_weaker_when_the_other_vouches(qa: QA) -> None:
    # 湖北's 四天半 alone scores under the threshold (the question's 办 is not in it); 茂名's 3天 is certain
    answer = qa.ask("茂名和湖北的培训各办了几天?")
    assert answer.answered and "3天" in answer.text and "四天半" in answer.text, answer.reason


def test_in_the_articles_frames_the_question_and_size_is_not_age(qa: QA) -> None:
    assert "报道" not in qa.matcher.analyse("两篇报道里分别有哪些人给学员授课?").content
    assert "报道" in qa.matcher.analyse("两篇报道分别是哪天发的").content
    assert "number:岁" not in qa.matcher.wants("这次培训的规模有多大?")
    assert "number:岁" not in qa.matcher.wants("这次培训规模到底有多大?")  # (到底 between: still a size)


def test_a_quoted_paraphrase_is_not_an_unknown_term(qa: QA) -> None:
    # “龙头龙尾” is not how the article puts it (龙头摆, 龙尾甩): its words count, the phrase does not
    answer = qa.ask("讲「龙头龙尾」那段的是哪位大佬?")
    assert answer.answered and "黄毅" in answer.text, answer.reason
    assert qa.ask("王树斌讲了啥topic").answered  # topic → 题目


def test_typos_by_another_reading_of_a_polyphone(qa: QA) -> None:
    correct = qa.matcher.correct
    assert correct("程吉觉得授课内容怎么样").startswith("程桔")  # 桔 reads ju and jie; 吉 is ji
    assert correct("培训有多厂时间") == "培训有多长时间"  # 长 reads zhang and chang
    assert correct("培训课程讲了哪些主题") == "培训课程讲了哪些主题"  # 程讲 straddles 课程: not 程桔
    assert "future" not in qa.matcher.wants("茂名市委书记还会直接约谈谁")
    assert "future" in qa.matcher.wants("以后还会再办吗")


def test_where_is_answered_by_a_place_not_by_a_level(qa: QA) -> None:
    # 省级分课堂 names a level, not where it is; the 省委党校 fact does
    from bot.normalize import fold

    answer = qa.ask("湖北省級分課堂設在哪裡？")
    assert answer.answered and "省委党校" in fold(answer.text), answer.reason
    assert "where" not in qa.matcher.wants("茂名的培训在哪几天举行")


@pytest.mark.parametrize("question", [
    "湖北省委党校的具体地址在哪?",  # 地址 is what is asked (X在哪); no fact has one
    "到湖北省级分课堂看望学员的是哪位省委领导?叫什么名字",  # a name; the article says only 省委领导
])
def test_declines_when_the_matching_fact_lacks_what_is_asked(qa: QA, question: str) -> None:
    answer = qa.ask(question)
    assert not answer.answered, (answer.facts, answer.reason)


def test_year_and_person_questions(qa: QA) -> None:
    wants = qa.matcher.wants
    assert {"year", "history"} <= set(wants("庄悦群是哪一年当上茂名市委书记的?"))
    assert "who:name" in wants("到湖北省级分课堂看望学员的是哪位省委领导?叫什么名字")  # a name, not an office


def test_chat_latin_words_and_acronyms(qa: QA) -> None:
    assert qa.ask("坡心镇书记说了啥 bro").answered  # bro is chat
    assert not qa.ask("茂名去年的GDP是多少?").answered  # GDP, in capitals, is what is asked
    assert qa.matcher.correct("镇街书记被比喻成一线施工对长") == "镇街书记被比喻成一线施工队长"  # 对 inside a term


def test_unnamed_question_no_one_fact_answers_is_asked_of_each_training(qa: QA) -> None:
    answer = qa.ask("有没有领导对培训或学员提出具体要求?")
    assert answer.answered and answer.labelled, answer.reason


def test_a_persons_title_from_elsewhere_in_the_articles_counts(qa: QA) -> None:
    # the 湾子会 fact names 周代年 without his title; the article calls him 党支部书记
    answer = qa.ask("那个讲开湾子会遍访农户的书记叫啥来着")
    assert answer.answered and "周代年" in answer.text, answer.reason
    answer = qa.ask("尧治河村那个书记分享了啥 简单点")  # a space ends the question: 分享了啥 asks what was said
    assert answer.answered and answer.facts == ("hb-sun-kailin-shared",), answer.reason


@pytest.mark.parametrize("question", [
    "「村社合一」是什么意思?",  # the fact names the practice; nothing explains it
    "通讯员贺尔达是哪个单位的?",  # a unit: 通讯员 is a role, not a body
    "驻村第一书记那期培训在什么地方举办?",  # 驻村 is not a place name
])
def test_declines_details_the_fact_only_names(qa: QA, question: str) -> None:
    answer = qa.ask(question)
    assert not answer.answered, (answer.facts, answer.reason)


def test_meaning_and_place_answers_still_count(qa: QA) -> None:
    assert qa.ask("百人课堂说的“重头戏”是指啥").answered  # the dash explains it
    assert qa.ask("培训结束后学员们去了哪里?").answered  # 回到各自岗位


@pytest.mark.parametrize("question", [
    "曾春当林业局局长之前在哪个单位工作?",  # the 曾 of 曾春 is not 曾经
    "到湖北省委黨校看望學員的省委領導是哪一位?",  # a person; the article says only 省委领导
    "15位登台的优秀村书记分别来自哪些省份?",  # 哪些省份 asks for provinces
    "去北京主课堂参训的10位湖北村书记都有谁?",  # ten names; the article gives the number only
])
def test_declines_a_kind_of_answer_the_fact_lacks(qa: QA, question: str) -> None:
    answer = qa.ask(question)
    assert not answer.answered, (answer.facts, answer.reason)


def test_cantonese_like_and_date_questions(qa: QA) -> None:
    answer = qa.ask("湖山村書記鄭雄形容呢次培訓好似乜嘢?")  # 好似 is 像
    assert answer.answered and "及时雨" in answer.text.replace("及時雨", "及时雨"), answer.reason
    assert "duration" not in qa.matcher.wants("培训是在几月几日举行的")


@pytest.mark.parametrize("question", [
    "中央农办来解读「三农」政策的专家叫什么?",  # the fact names 郑雄, a 书记, not the 专家
    "茂名市委常委会第一次听取的是哪个镇街的工作汇报?",  # 重点镇街 names no 镇
])
def test_declines_a_title_or_place_only_a_neighbour_has(qa: QA, question: str) -> None:
    answer = qa.ask(question)
    assert not answer.answered, (answer.facts, answer.reason)


def test_chat_words_from_a_fresh_set(qa: QA) -> None:
    from bot.normalize import fold

    assert fold("張婷諗住點樣搞旅遊路線呀") == "张婷打算怎样搞旅游路线呀"  # Cantonese 谂住
    assert fold("最後生嗰個學員") == "最年轻那个学员"  # Cantonese 后生 is young
    assert fold("这回视频培训") == "这次视频培训"
    assert qa.ask("湖北一共整了多少个分课堂").answered  # 整 is chat for 搞
    assert qa.ask("这回视频培训是头一次直接对谁搞的").answered  # 对谁: a group of people answers
    assert not qa.ask("庄悦群之前在哪当的官").answered  # 给村书记们 names no place
    assert not qa.ask("九奖九惩具体是哪九奖哪九惩").answered  # 哪 stays on 九奖


def test_one_subject_two_kinds_of_answer_in_chat(qa: QA) -> None:
    # a space separates the questions; the publication fact gives the date, the outlet fact the outlet
    answer = qa.ask("茂名那篇是哪家媒体发的 哪年")
    assert answer.answered and "2024" in answer.text and "香港商报" in answer.text, answer.reason


def test_outlet_questions_get_an_outlet_for_each_training(qa: QA) -> None:
    assert "outlet" in qa.matcher.wants("哪个媒体报的")
    answer = qa.ask("茂名这个培训是哪年的 哪个媒体报的")
    assert answer.answered and "香港商报" in answer.text and "2024" in answer.text, answer.reason
    # the counterpart both-fact's 茂名 half names no outlet, so it does not stand in for 茂名's
    answer = qa.ask("两篇报道分别出自哪家报纸")
    assert "香港商报" in answer.text and "湖北日报" in answer.text, answer.reason


def test_more_cantonese_words(qa: QA) -> None:
    from bot.normalize import fold

    assert fold("莊悅群要鎮街書記心懷邊三樣嘢?") == "庄悦群要镇街书记心怀哪三样东西?"  # 边 before a count is 哪
    assert fold("馬聶結業嗰陣要用咩狀態返去做嘢?") == "马聂结业那时要用什么状态回去做事?"
    assert fold("邊個講課") == "谁讲课"


@pytest.mark.parametrize(("question", "expect"), [
    ("莊悅群要鎮街書記心懷邊三樣嘢?", "国之大者"),  # 哪三样 counts items; 东西 is only the word for them
    ("篇文章話鄉鎮幹部「一頭連住」啲咩?", "党心"),  # the article says…: a frame, not a subject
    ("中央農辦的專家在課堂上解讀了哪一方面的政策?", "三农"),  # 哪一方面 says how many, not what
    ("茂名市常委会多久听取一个镇街的工作汇报?", "每周"),  # how often, though worded 多久
])
def test_item_counts_frames_and_how_often(qa: QA, question: str, expect: str) -> None:
    from bot.normalize import fold

    answer = qa.ask(question)
    assert answer.answered and expect in fold(answer.text), answer.reason


def test_how_long_is_not_answered_by_how_often(qa: QA) -> None:
    answer = qa.ask("裴婉君擔任根子鎮黨委書記幾年了?")
    assert not answer.answered, answer.reason


def test_a_topic_is_a_quoted_name_and_words_said_are_not_one(qa: QA) -> None:
    from bot.normalize import fold

    # 黄毅's 部长 is a person's title, and the saying he quoted is not the topic he taught
    answer = qa.ask("黃毅講授的專題教學題目是什麼?")
    assert answer.facts == ("mm-huangyi-who",) and "如何当好镇委书记" in fold(answer.text), answer.reason
    answer = qa.ask("四天半能有啥用啊 马聂咋说的")  # quoted words still answer what someone said
    assert answer.answered and "潜移默化" in answer.text, answer.reason


def test_a_known_word_inside_an_unknown_one_counts_partly(qa: QA) -> None:
    answer = qa.ask("欣旺达那个车间咋样,很高科技吗😂")  # 科技 of 高科技: the fact says 科技感十足
    assert answer.facts == ("mm-xinwangda",) and "科技感" in answer.text, answer.reason
    assert not qa.ask("欣旺达这家公司的高科技产品卖多少钱?").answered


def test_a_broad_question_gets_the_round_up_of_both_trainings(qa: QA) -> None:
    answer = qa.ask("有哪些学员上台分享了经验?")
    assert answer.facts == ("both-sharers",), answer.reason
    assert "高锦乔" in answer.text and "孙开林" in answer.text
    answer = qa.ask("培训里有没有人谈到旅游或者景区?")
    assert "精品旅游线路" in answer.text and "景区" in answer.text, answer.reason


@pytest.mark.parametrize(("question", "fact"), [
    ("程菊说培训内容咋样", "hb-cheng-ju-said"),  # names her: her fact, not the round-up of sayings quoting her
    ("乡镇干部为啥又说是最先一公里啊?", "mm-township-cadres"),  # one thing, fitting as well as the round-up
    ("都请了哪些人来讲课?", "both-teachers"),
])
def test_a_round_up_never_takes_a_question_about_one_thing(qa: QA, question: str, fact: str) -> None:
    answer = qa.ask(question)
    assert fact in answer.facts and not any(qa.kb.fact(f).overview for f in answer.facts), answer.reason


@pytest.mark.parametrize(("question", "expect"), [
    ("坡心镇属于哪个区啊", "电白"),  # 属于 only links the place to the kind asked
    ("潜江那个村书记叫啥 说很震撼那个", "郑青龙"),  # 很 is phrasing, though 程桔 says 很实用
    ("全国那个视频培训班 是头一回对全部村主职干部搞的么", "第一次"),  # 全部 is 所有
    ("此次茂名培訓是否安排了現場教學?地點在哪裡?", "欣旺達"),  # formal 此次/是否; 地点 repeats 在哪里
    ("镇街书记在百千万工程里算啥角色 整不明白", "施工队长"),  # 整不明白 is chat
    ("有没有学员讲到做群众工作的经历,比如征地或者走访农户?", "遍访全村农户"),  # 比如 introduces; 经历 is 经验
    ("茂名现任市委书记叫什么名字?", "庄悦群"),  # 现任 (current) is phrasing
    ("鄭青龍話白天聽完課,夜晚有咩安排?", "省委領導"),  # 夜晚 is 晚上
    ("镇街书记那批学员跑去哪参观了🏭", "欣旺达"),  # 跑/去, cut apart and joined again, is still phrasing
    ("周代年带班子挨家挨户跑没 开的啥会", "湾子会"),  # 挨家挨户 is 遍访
    ("两场培训的参训对象分别是哪类干部?", "镇（街）党（工）委书记"),  # 参训对象 is 学员; 哪类 and 由 are phrasing
    ("两篇文章里分别用了哪些俗话或形象的说法?", "龙头"),  # 两篇文章分别… frames the question
    ("庄悦群让大家咋学?", "静下心思学"),  # 大家 is phrasing
    ("那个坡心镇书记叫啥,唠了点啥", "高锦乔"),  # 唠 (chat) is 介绍
    ("茂名一共多少个镇街 有数不", "112"),  # 有数不 (do you know) is chat
    ("庄书记那会儿提的期望 啥「静下心」那个 完整的发我下pls", "带着问题学"),
])
def test_phrasing_words_from_a_chat_and_formal_set(qa: QA, question: str, expect: str) -> None:
    answer = qa.ask(question)
    assert answer.answered and expect in answer.text, answer.reason


def test_cantonese_which_days() -> None:
    from bot.normalize import fold

    assert fold("茂名個培訓係邊幾日㗎") == "茂名个培训是哪几日"


def test_chinese_numeral_counts_read_as_digits() -> None:
    from bot.normalize import fold

    assert fold("三十多年 十五位 一百三十一个 五十二万名") == "30多年 15位 131个 52万名"
    # names and single numerals stay: 百人课堂, 千名村书记, 百千万工程, 三农, 四大要求, 十分
    for text in ("百人课堂", "千名村书记", "百千万工程", "三农", "四大要求", "十分震撼"):
        assert fold(text) == text


def test_a_path_is_a_model_and_a_hometown_is_no_place_in_the_articles(qa: QA) -> None:
    answer = qa.ask("尧治河村走的是什么类型的发展路子?")
    assert answer.answered and "融合型" in answer.text, answer.reason
    assert not qa.ask("王樹斌指揮長係邊度人?").answered  # 哪里人 asks a hometown (家乡), which no fact gives


def test_taiwan_zhe_and_the_pages_own_date_format(qa: QA) -> None:
    from bot.normalize import fold

    assert fold("帶著問題學") == fold("帶着問題學") == "带着问题学"
    answer = qa.ask("莊悅群喺開班動員度對學員有咩期望?")  # shown in 帶著 (Taiwan forms), still the same words
    assert "带着问题学" in fold(answer.text), answer.reason
    assert "2024-04-27" in qa.ask("請問香港商報網這篇報導於何時刊出?").text


@pytest.mark.parametrize("question", [
    "向巷村的「九奖九惩」具体是哪九奖哪九惩?",  # 哪九奖 asks for nine of something: no fact lists nine
    "茂名这次镇街书记培训结业时有没有考试?",  # 有没有 + a thing no fact has: that is what is asked
])
def test_declines_a_list_of_n_or_a_thing_asked_about_that_no_fact_has(qa: QA, question: str) -> None:
    answer = qa.ask(question)
    assert not answer.answered, (answer.facts, answer.reason)


def test_cantonese_at_a_place_what_is_included_and_units_of_time(qa: QA) -> None:
    from bot.normalize import fold

    assert fold("喺開班度講") == "在开班讲" and fold("喺邊度講") == "在哪里讲"  # 喺…度 is 在…, but 邊度 is where
    assert fold("村書記係喺邊啲課堂上堂") == "村书记是在哪些课堂上课"  # 係 before 喺 is 是
    answer = qa.ask("茂名市委書記對鎮街書記提出的四大要求包括哪些?")  # 包括哪些 only asks which they are
    assert answer.answered and "忠誠可靠" in answer.text, answer.reason
    assert not qa.ask("马聂当村书记几年了?").answered  # years: 四天半 is how long the training was
    assert "四天半" in qa.ask("村书记视频培训学了几天?").text


def test_which_city_leaders_asks_for_leaders_not_a_city(qa: QA) -> None:
    assert "place:市" not in qa.matcher.wants("两个培训分别有哪些市领导或省领导参与?")
    assert "place:市" in qa.matcher.wants("欣旺达基地在哪个市?")
    answer = qa.ask("两个培训分别有哪些市领导或省领导参与?")
    assert answer.answered and "庄悦群" in answer.text and "省委领导" in answer.text, answer.reason


def test_more_cantonese_forms() -> None:
    from bot.normalize import fold

    assert fold("佢哋傾咗啲乜") == "他们谈了些什么"  # 倾 (chat) before what was said, not 倾向
    assert fold("傾向") == "倾向"
    assert fold("搵邊個講") == "找谁讲" and fold("講晒咩") == "讲什么" and fold("噉樣做") == "这样做"
    assert fold("邊年辦嘅") == "哪年办的" and fold("嗰陣時") == "那时" and fold("兩邊各") == "两边各"
    # formal and Taiwan wording: 何人, 何種, 何謂, 視訊
    assert fold("培訓由何人主辦,採取何種方式") == "培训由谁主办,采取什么方式"
    assert fold("何謂村社合一") == "什么是村社合一" and fold("視訊上課") == "视频上课"
    assert fold("鎮街書記俾人比喻做咩呀?") == "镇街书记被比喻成什么呀?" and fold("有冇領導落去") == "有没有领导去"
    assert fold("於何年何日刊出") == "于哪年哪天刊出" and fold("首先得到") == "首先得到"
    assert fold("書記係「龍頭」,即係要點樣做先得?") == "书记是“龙头”,就是要怎样做?"
    assert fold("嗰句俗語係點講") == "那句俗语是怎么讲" and fold("重点讲咗乜") == "重点讲了什么"  # not 重怎么讲
    assert fold("孫開林條村變晒做景區") == "孙开林的村变成景区" and fold("一條村") == "一条村"
    assert fold("百千萬工程入面") == "百千万工程里面" and fold("湖北嗰度有冇人") == "湖北那里有没有人"
    # a final 咋 is a particle
    assert fold("係咪淨係喺網上睇片咋?") == "是不是只是在网上看视频?" and fold("咋整") == "怎么整"
    # Taiwan and formal wording: 影片 (video), 市府, 上年 (last year), 定係 (or), 傾偈 (chat)
    assert fold("影片培訓") == "视频培训" and fold("上年六月") == "去年6月"
    assert fold("睇片定係面對面") == "看视频还是面对面"
    assert fold("茂名全市有幾多個鎮和街道") == "茂名全市有多少个镇街"
    assert fold("關係「龍頭」") == "关系“龙头”" and fold("有咩關係") == "有什么关系"  # 系 of a word stays


def test_traditional_and_chat_wording_found_in_diagnosis(qa: QA) -> None:
    for question, says in [("請問香港商報網這篇茂名培訓報導是於何年何日刊出?", "2024"),
                           ("坡心鎮隸屬茂名的哪一個區?", "電白區"),
                           ("林业局那个姓曾的局长全名叫啥", "曾春"),  # the one person surnamed 曾
                           ("茂名市委常委會係咪每個禮拜都聽一個鎮街匯報㗎?", "每週")]:
        answer = qa.ask(question)
        assert answer.answered and says in answer.text, (question, answer.reason)
    # an ellipsis is punctuation, not a word the question asks about
    assert "......" not in qa.matcher.segmenter.cut("铁岭村......不是,铜岭村")
    assert "姓郑" in qa.matcher.correct("姓郑的书记说了啥")  # two people surnamed 郑: no guess


def test_places_in_the_answers_are_cut_whole(qa: QA) -> None:
    # a post in the lexicon (村党委书记, 街道党工委书记) once took a place's last character: 星火/村党委书记
    cut = qa.matcher.segmenter.cut
    assert "星火村" in cut("孝感市孝南区新铺镇星火村党委书记陈丽")
    assert "石湾街道" in cut("化州市石湾街道党工委书记张婷")
    assert {"天城镇", "问安镇"} <= set(cut("崇阳县天城镇大市村党委书记、枝江市问安镇向巷村党支部书记"))
    # so a place names its training, and places of both are asked each on its own
    answer = qa.ask("石湾街道 向巷村 各属哪个市")
    assert answer.answered and "化州" in answer.text and "枝江" in answer.text, answer.reason


def test_time_of_day_and_counts_that_are_not_counts(qa: QA) -> None:
    from bot.normalize import fold

    answer = qa.ask("两篇文章各是几点几分发布的?")  # the clock, which only the publication lines give
    assert answer.answered and "17:26" in answer.text and "18:15" in answer.text, answer.reason
    assert "25日上午" in qa.ask("开班式是哪天几点").text  # 几点 without 几分: a part of the day is as near as it gets
    # 每一位村干部 and 年龄最小的一位 count nobody: 湖北那个村书记培训有多少人 is not answered with 四天半
    offers = {d.fact.id: d.offers[0][1] for d in qa.matcher.docs if len(d.offers) == 1}
    assert "number:位" not in offers["hb-duration"]
    assert "2.28万" in qa.ask("湖北那个村书记培训 how many people?").text
    assert not qa.ask("铜岭村有多少名党员?").answered
    assert fold("有无分组讨论 editor是谁") == "有没有分组讨论 编辑是谁" and fold("第几回") == "第几次"


def test_chat_openers_are_phrasing(qa: QA) -> None:
    for question, words in [("老铁们 茂名那培训咋整的", ("茂名", "培训")), ("说真的 庄悦群讲了啥", ("庄悦群", "介绍")),
                            ("好奇 程桔说了啥", ("程桔",)), ("讲真 谁主办的", ("举办",))]:
        assert qa.matcher.analyse(question).content == words
    answer = qa.ask("求问 王树斌啥来头")  # 来头 asks who he is: his title
    assert answer.answered and "指挥长" in answer.text, answer.reason


def test_one_character_slips_in_names_of_people_and_places(qa: QA) -> None:
    m = qa.matcher
    fixed = {"饶治河村的党委书记是谁": "尧治河村的党委书记是谁", "尧治村在哪": "尧治河村在哪", "孙开临": "孙开林",
             "湖比省的村书记": "湖北省的村书记"}  # (a training's province by its full name)
    for typed, meant in fixed.items():
        assert m.correct(m._prefold(typed)) == meant
    # another place (湛江市 is not 潜江市, 根子村 not 根子镇) and ordinary words stay as typed
    for typed in ("湛江市一共有多少个镇?", "根子村有多少人", "黄毅在培训上讲的专题叫什么名字?", "学员都是哪里的?"):
        assert m.correct(m._prefold(typed)) == m._prefold(typed)
    assert qa.ask("饶治河村的党委书记是谁?").facts == ("hb-sun-kailin-who",)
    assert "四天半" in qa.ask("湖比省的村干部视频培训学了多长时间？").text


def test_a_half_remembered_name_beside_the_persons_place_is_that_person(qa: QA) -> None:
    m = qa.matcher
    assert "孙开林" in m.correct(m._prefold("尧治河村那个书记孙开山搞的啥模式"))  # 开山 is a word; 尧治河村 is his
    assert "郑青龙" in m.correct(m._prefold("那个郑青云 潜江的 说了啥"))  # 潜江 of 潜江市
    assert "郑青云" in m.correct(m._prefold("郑青云说了啥"))  # no place to go on: another person
    assert "孙开山" in m.correct(m._prefold("潜江的孙开山是谁"))  # 潜江 is 郑青龙's, not 孙开林's
    answer = qa.ask("那个郑青云 潜江的 哪个村的 说了啥")
    assert answer.answered and "郑家湖村" in answer.text and "指明方向" in answer.text, answer.reason


def test_a_village_population_is_not_a_head_count(qa: QA) -> None:
    # 多少人口 once segmented as 多少人/口: a place tied to a person then matched that person's 52万余名
    for q in ("郑家湖村有多少人口？", "铜岭村有多少人口 bro"):
        assert not qa.ask(q).answered


def test_which_is_bigger_asks_each_training(qa: QA) -> None:
    answer = qa.ask("这两场培训哪个人数更多?各有多少?")
    assert answer.answered and "2.28万" in answer.text and "茂名" in answer.text, answer.reason
    assert "25日上午" in qa.ask("两场培训各是在什么时候开班的?").text


def test_the_two_articles_frame_what_they_mention(qa: QA) -> None:
    assert "报道" not in qa.matcher.analyse("兩篇文章分別提到了哪些生態方面的內容?").content
    assert "报道" in qa.matcher.analyse("两篇报道分别是哪天发的").content  # here the articles are the subject


def test_name_lai_zhe_is_chat_not_a_names_origin(qa: QA) -> None:
    assert "origin" not in qa.matcher.wants("培训叫啥名字来着")
    assert "origin" in qa.matcher.wants("这个名字咋来的呀")
    answer = qa.ask("培训叫啥名字来着")
    assert answer.answered and "百人课堂" in answer.text and "视频培训班" in answer.text, answer.reason


def test_who_taught_names_each_trainings_teachers_but_not_the_unnamed_one(qa: QA) -> None:
    answer = qa.ask("两个培训的授课老师分别是什么人?")
    assert answer.answered and "老师傅" in answer.text and "中央党校专家" in answer.text, answer.reason
    # the answer quotes a student about the lecture, but names no teacher of the first lesson
    assert not qa.ask("中央党校讲第一课的那位负责同志叫什么名字?").answered
    assert qa.ask("嗯那个啥，茂名台上讲课的老师被叫成啥来着").facts == ("mm-teachers",)  # 被叫成 is 称作


def test_a_neutral_question_takes_the_both_fact_answering_it_in_both_halves(qa: QA) -> None:
    # both-lectures names 生态 only in 茂名's half; the round-up on ecology answers it for 湖北 too
    answer = qa.ask("生态方面讲了些什么?")
    assert answer.answered and "绿美茂名" in answer.text and "生态经济" in answer.text, answer.reason
    balance = {c.fact_id: c.balance for c in answer.analysis.candidates}
    assert balance["both-ecology-tourism"] > balance["both-lectures"] + 0.2
    for question in ("组织部在培训里都做了什么?", "组织部门在培训里做了什么?"):  # a both-fact top, a 湖北 one
        answer = qa.ask(question)
        assert answer.answered and "黄毅" in answer.text and "工作专班" in answer.text, (question, answer.reason)
    # a question about one training keeps its one-training answer
    assert qa.ask("曾春讲了什么").facts == ("mm-zengchun",)


def test_chat_particles_guessed_counts_and_details_never_given(qa: QA) -> None:
    for question, says in [("茂名镇街书记培训一共几天阿", "3天"), ("茂名有多少个镇街啊是一百一十几个吗", "112个"),
                           ("茂名这次镇街党委书记大培训是从几号办到几号的?", "4月24日")]:
        answer = qa.ask(question)
        assert answer.answered and says in answer.text, (question, answer.reason)
    assert not qa.ask("湖北省委黨校的地址在哪條街?").answered  # 地址: a detail the articles never give


def test_what_the_article_does_not_state_is_declined_saying_what_it_does_say(qa: QA) -> None:
    answer = qa.ask("全国村书记视频培训班具体是哪一天开班的?")
    assert not answer.answered and "近日" in answer.text and answer.suggestions, answer.reason
    assert qa.ask("湖北村书记培训是全国同步开班吗").answered  # the same fact answers what it does say
    assert not qa.ask("全國村書記視頻培訓班具體係邊日開班?").answered  # 邊日 → 哪日 asks the day
    answer = qa.ask("湖北日报这篇村书记培训报道的記者叫什么?")
    assert not answer.answered and "没有写明记者" in answer.text, answer.reason
    assert "2023年05月29日" in qa.ask("湖北日報那篇報道是幾時發嘅?").text  # the date is given
    # a both-trainings answer whose other half states it is an answer (茂名's editor)
    assert "郭昕玥" in qa.ask("编辑是谁啊").text


def test_a_year_the_fact_does_not_give_and_a_count_inside_a_number(qa: QA) -> None:
    assert not qa.ask("2025年全国村书记视频培训什么时候开班?").answered  # not the 2023 training
    assert qa.matcher._is_entity("2025") and not qa.matcher._is_entity("年")
    # 112个镇街是哪个市: no list of 12; 茂名 is a 市 where the articles write 茂名市
    answer = qa.ask("112个镇街是哪个市的 lol")
    assert answer.answered and "茂名" in answer.text, answer.reason
    assert "place:市" in next(d for d in qa.matcher.docs if d.fact.id == "mm-town-count").offers[0][1]
    assert qa.ask("茂名呢次培訓啲講師係咩人嚟㗎?").facts == ("mm-teachers",)  # 讲师 = 老师


def test_a_not_stated_fact_declines_with_its_reason_and_draws_no_other_question(qa: QA) -> None:
    assert qa.kb.fact("hb-national-classrooms").not_stated
    answer = qa.ask("全国一共设了多少个分课堂?")
    assert not answer.answered and "没有给出全国分课堂的总数" in answer.text, answer.reason
    answer = qa.ask("裴婉君说的「每月一排名」,到底是给什么排名?")  # no kind asked: the flag alone declines
    assert not answer.answered and "没有写明" in answer.text, answer.reason
    assert not qa.ask("裴婉君那个每月排名 谁排第一").answered
    # its quote (北京设主课堂…) is what the article does say: those questions find the facts that say it
    for question, says in [("湖北一共设了多少个分课堂?", "131个"), ("全国视频陪训班在北京设了什么课堂？", "主课堂"),
                           ("每月一排名是谁的做法", "裴婉君")]:
        answer = qa.ask(question)
        assert answer.answered and says in answer.text, (question, answer.reason)


def test_names_of_several_things_and_more_chat_wording(qa: QA) -> None:
    answer = qa.ask("省里搞的工作专班都叫啥 有几个")  # 都叫啥: a list of names answers it
    assert answer.answered and "学风监督" in answer.text, answer.reason
    assert "name:many" in qa.matcher.wants("工作专班都叫啥") and "name" in qa.matcher.wants("那个专班叫啥")
    assert not qa.ask("襄阳成立的那个领导小组,组长具体叫什么名字?").answered  # one name: a list does not give it
    # 团茂名市委书记 (张婷's Youth League title) is not 茂名市委书记
    assert "庄悦群" in qa.ask("那个谁 茂名市委书记叫啥来着").text
    assert "四天半" in qa.ask("村书记那个视频班学了多久啊").text  # 视频班 = 视频培训


def test_chat_clauses_asking_how_long_or_ending_in_mei_are_questions(qa: QA) -> None:
    assert len(qa.matcher.clauses("马聂说要以啥状态去干 另外这培训学了多久")) == 2
    answer = qa.ask("这种视频培训以前搞过没 针对谁的")
    assert answer.answered and "第一次" in answer.text and "村主职干部" in answer.text, answer.reason


def test_a_place_the_articles_never_name_is_foreign(qa: QA) -> None:
    assert qa.matcher._is_entity("武汉市") and not qa.matcher._is_entity("参加")
    assert not qa.ask("武汉市有多少名村书记参加了这次视频培训?").answered
    answer = qa.ask("湖北有多少村支书和村主任参加了这次全国视频培训？")  # 湖北's count, not the national one
    assert answer.answered and "2.28万" in answer.text, answer.reason


def test_visits_nicknames_and_aliases_no_fact_repeats(qa: QA) -> None:
    # 去/看: a visit and a look, not the unknown word 去看 (a fact saying 去看望 does not make it one)
    assert "去看" not in qa.matcher.analyse("欣旺达那边去看了啥").content
    answer = qa.ask("欣旺达那边去看了啥")
    assert answer.answered and "新质生产力" in answer.text, answer.reason
    # 三全: a nickname for a list of three the article writes out; the list answers it, 四川 is a place
    answer = qa.ask("湖北要求预演搞的那个「三全」是啥来着")
    assert answer.answered and "全要素" in answer.text, answer.reason
    assert not qa.ask("四川的村党组织书记培训办得怎么样？").answered
    # 广东 names the 茂名 training though no fact says 广东: it weighs as 茂名 does and every 茂名 fact has it
    assert qa.matcher._weight("广东") == qa.matcher.idf("茂名") < qa.matcher.idf("广东")
    for question, says in [("广东那个王小慧啥职务", "副市长"), ("广东那个参观的啥厂", "欣旺达"),
                           ("湖北开了多少个分课堂", "131个"), ("湖北那个年纪最小的才几岁", "30岁"),
                           ("百无一漏是说啥", "工作专班")]:  # 是说啥 asks what it means
        answer = qa.ask(question)
        assert answer.answered and says in answer.text, (question, answer.reason)
    assert "meaning" in qa.matcher.wants("百无一漏是说啥") and "said" not in qa.matcher.wants("百无一漏是说啥")


def test_an_either_or_question_names_no_training_by_its_options(qa: QA) -> None:
    # 线上 is an alias of the video training, but asking 线上还是线下 means the asker does not know which it was
    answer = qa.ask("培训是线上上课还是线下上课?")
    assert answer.answered and {p.article for p in answer.parts} == {"maoming-2024", "hubei-2023"}, answer.reason
    # a training named outside the options still counts, and 茂名还是湖北 names both
    assert qa.matcher.analyse("湖北那个是线上还是线下").articles_named == {"hubei-2023"}
    assert qa.matcher.analyse("茂名还是湖北的培训人多").articles_named == {"hubei-2023", "maoming-2024"}


def test_a_fact_that_answers_beats_a_not_stated_one_that_fits_as_well(qa: QA) -> None:
    # bare 分课堂几个 is implied 湖北 (131), not the national total the articles do not give
    answer = qa.ask("分课堂几个啊")
    assert answer.answered and "131个" in answer.text, answer.reason
    assert not qa.ask("全国一共设了多少个分课堂?").answered  # asked of the nation: still not stated
    # the overview of 茂名's lectures gives each lecturer's post
    answer = qa.ask("請問王樹斌在培訓班授課時擔任何種職務？")
    assert answer.answered and "指揮長" in answer.text, answer.reason


def test_knowledge_with_a_lone_qu_before_a_verb_builds(kcopy: Path) -> None:
    # the 去/看 rule reads the index's word counts, which do not exist yet while the facts themselves are indexed
    path = kcopy / "maoming-2024.yaml"
    text = path.read_text(encoding="utf-8")
    variant = "  - 新质生产力在哪学的\n"
    path.write_text(text.replace(variant, variant + "  - 欣旺达那边去看了啥\n"), encoding="utf-8")
    assert "欣旺达那边去看了啥" in path.read_text(encoding="utf-8")
    answer = QA.load(kcopy, PROJECT_ROOT / "seeds").ask("欣旺达那边去看了啥")
    assert answer.answered and "新质生产力" in answer.text, answer.reason


def test_naming_the_training_does_not_favour_the_facts_that_repeat_its_name(qa: QA) -> None:
    # hb-duration quotes 马聂 and says 湖北; hb-ma-nie-who says who he is but not 湖北
    assert qa.ask("湖北那个马聂是谁").facts == ("hb-ma-nie-who",)
    # a count still prefers 湖北's own figure to the nation's
    answer = qa.ask("湖北参加这次视频培训的村党组织书记和村委会主任有多少人?")
    assert answer.answered and "2.28万" in answer.text, answer.reason
    # 处在哪些工作的最前沿 asks which work, not where
    assert "where" not in qa.matcher.wants("乡镇处在哪些工作的最前沿")
    assert qa.ask("茂名的乡镇处在哪些工作的最前沿").facts == ("mm-township-role",)


def test_which_points_and_which_source_are_not_a_time_or_a_place(qa: QA) -> None:
    assert not {"date", "clock"} & set(qa.matcher.wants("庄书记希望镇街书记在政治上做到哪几点"))
    assert "clock" in qa.matcher.wants("开班式几点开始")
    assert "where" not in qa.matcher.wants("学有所得学有所获学有所长出自哪里")
    assert qa.ask("茂名的庄书记希望镇街书记在政治上做到哪几点").facts == ("mm-political-ability",)
    assert qa.ask("茂名的学有所得学有所获学有所长出自哪里").facts == ("mm-expectations",)


def test_an_expert_who_explains_policy_said_something(qa: QA) -> None:
    assert qa.ask("湖北的中央农办专家讲了什么？").facts == ("hb-zhongnongban",)  # 解读 is what was said


@pytest.mark.parametrize(("question", "fact"), [
    ("请问一下，5个专题是哪些", "hb-five-topics"), ("请问一下，四大要求", "mm-four-requirements"),
    ("请问一下，第一课谁上的", "hb-first-lesson-teacher"), ("案例交流围绕哪5个专题来着", "hb-five-topics"),
])
def test_greetings_and_particles_around_a_question_do_not_change_its_answer(qa: QA, question: str, fact: str) -> None:
    assert fact in qa.ask(question).facts


def test_a_count_of_people_asked_about_as_a_group_is_not_a_list(qa: QA) -> None:
    for question in ("15位優秀村書記是什麼來頭", "到底第一课谁上的"):
        assert qa.ask(question).answered, question
    assert not qa.ask("九奖九惩具体是奖哪九项、惩哪九项？").answered  # nine is still a list no fact gives


def test_talk_around_a_question_does_not_count_against_it(qa: QA) -> None:
    # 不太清楚 asks nothing: its unknown words are chatter, not a detail the articles lack
    for question, says in [("不太清楚，茂名一共有多少个镇街？", "112"), ("不太清楚，高锦乔是谁？", "坡心镇"),
                           ("我记性不好，马聂多大", "30")]:
        answer = qa.ask(question)
        assert answer.answered and says in answer.text, (question, answer.reason)
    # but a part that asks must name something the articles know, or the chatter is all there is
    assert not qa.ask("在吗 今天好无聊啊😩").answered
    assert not qa.ask("我记性不好，马聂的电话是多少").answered  # the asking part's unknown 电话 still counts


@pytest.mark.parametrize("question", ["两个培训开班式上有谁讲话", "两个培训里讲农业、三农的分别是谁？",
                                      "两个培训里讲乡村建设、三农方面内容的分别是谁?",  # 三农 is 湖北's word
                                      "培训里讲了哪些农业和三农方面的内容，两边分别是啥"])
def test_a_question_asked_of_both_gets_both_halves_even_with_one_sides_words(qa: QA, question: str) -> None:
    answer = qa.ask(question)
    assert {p.article for p in answer.parts} == {"maoming-2024", "hubei-2023"}, answer.reason


@pytest.mark.parametrize(("question", "parts"), [
    ("坡心镇和尧治河村的书记分别叫什么", ("坡心镇的书记分别叫什么", "尧治河村的书记分别叫什么")),
    ("黄毅与马聂是干什么的", ("黄毅是干什么的", "马聂是干什么的")),
    ("車東耀同鄭雄分別係咩身份?", ("车东耀分别是什么身份?", "郑雄分别是什么身份?")),  # folded to simplified
    ("柏桥讲堂和北京主课堂在哪里", ("柏桥讲堂在哪里", "北京主课堂在哪里")),  # 讲 inside 讲堂 is not the verb
    # the 分别 after the parts, not an earlier 都; the sentence before them is not part of the first one
    ("话说俩培训里都有人上台分享吧,坡心镇跟向巷村的书记分别叫啥?", ("坡心镇的书记分别叫啥?", "向巷村的书记分别叫啥?")),
])
def test_joined_parts_of_each_training_become_one_question_each(qa: QA, question: str, parts: tuple[str, str]) -> None:
    assert qa.matcher.conjuncts(question) == dict(zip(("maoming-2024", "hubei-2023"), parts, strict=True))


@pytest.mark.parametrize("question", ["黄毅和庄悦群分别是谁", "和美乡村是谁讲的", "茂名和湖北", "郑雄和马聂说了什么",
                                      "同上一堂课和共同缔造分别是什么意思"])  # 同 of 同上一堂课 joins nothing
def test_parts_of_one_training_or_of_none_are_not_split(qa: QA, question: str) -> None:
    assert qa.matcher.conjuncts(question) == {}


@pytest.mark.parametrize("question", ["庄悦群和郑青龙多大年纪？", "黄毅和马聂的电话是多少",
                                      "坡心镇和尧治河村各有多少人口"])
def test_joined_parts_asking_what_neither_article_states_are_declined(qa: QA, question: str) -> None:
    assert not qa.ask(question).answered


@pytest.mark.parametrize("question", ["茂名培训年纪最小的学员是谁", "广东培训的学员多大年纪", "广东的省委书记是谁",
                                      "广东今年GDP多少"])
def test_a_fact_of_the_other_place_does_not_answer_a_question_naming_one(qa: QA, question: str) -> None:
    # 马聂 is 湖北's youngest; 茂名's article gives no ages
    answer = qa.ask(question)
    assert not answer.answered, answer.reason


@pytest.mark.parametrize(("question", "expect"), [("那个广东的培训几天啊", "3天"),
                                                ("广东那个分组讨论聊的啥", "献一策")])
def test_the_training_named_by_its_province_is_still_answered(qa: QA, question: str, expect: str) -> None:
    answer = qa.ask(question)
    assert answer.answered and expect in answer.text, answer.reason


@pytest.mark.parametrize(("question", "expect"), [
    ("同志你好,我年纪大了眼神不好,报上说的车东耀讲的是什么主题?", "粮食安全"),  # 年纪大了 is no age question
    ("我在写报告，想确认茂名一共有多少个镇街。", "112"),
    ("请问一哈,尧治河村是哪个县的哦?", "保康县"),
])
def test_a_preamble_about_the_asker_does_not_count_against_the_question(qa: QA, question: str, expect: str) -> None:
    answer = qa.ask(question)
    assert answer.answered and expect in answer.text, answer.reason


def test_where_of_an_abstract_noun_asks_what(qa: QA) -> None:
    # 关键在哪 asks what the key is, not a place; 哪来着 is 哪 and a particle, not 来源
    answer = qa.ask("唉茂名那篇说今年是关键一年,关键在哪来着,啥目标?")
    assert answer.answered and "三年初见成效" in answer.text, answer.reason


@pytest.mark.parametrize("question", ["文章里把镇街书记比作啥 俩词", "鎮街書記俾人比喻做咩呀?"])
def test_a_likeness_is_a_quoted_word_not_only_a_saying(qa: QA, question: str) -> None:
    answer = qa.ask(question)  # 比作 asks for “班长”, which no one is quoted saying
    assert answer.answered and "施工" in answer.text and "班长" in fold(answer.text), answer.reason


@pytest.mark.parametrize("question", ["「柏桥讲堂·百人课堂」大培训的开班动员是谁做的?",
                                      "茂名「柏桥讲堂·百人课堂」镇街书记培训班的开班动员是谁做的?"])
def test_who_gave_the_opening_speech_despite_the_trainings_full_name(qa: QA, question: str) -> None:
    # the full name says which training and nothing more; 做 is the article's 作 (作开班动员)
    answer = qa.ask(question)
    assert answer.answered and "庄悦群" in answer.text, answer.reason


@pytest.mark.parametrize(("question", "expect"), [
    # each clause names its own training; the whole message matches a broad fact that gives no name
    ("茂名培训里的对口帮扶协作指挥长是谁?湖北培训里上台做案例交流的又是多少位什么人?", ("王树斌", "15位")),
    ("嗨~这俩班各开了几天来着?", ("3天", "四天半")),  # 班 is a training
    ("呢兩次培訓各自搞咗幾多日?", ("3天", "四天半")),  # 幾多日 folds to 多少日: how long, not a date
    ("我在写报告:茂名一共多少个镇街的书记参加,湖北参训学员有多少人?", ("112", "2.28万")),  # a colon ends a part
    ("茂名那边镇街总共几个 常委会每周听几个汇报", ("112", "每周听取一个")),  # one kind of answer, two things
    # a comparison is answered by the clauses asking each side
    ("两边规模差多少？茂名有多少镇街，湖北来了多少人？", ("112", "2.28万")),
    ("茂名有多少个镇街 湖北有多少个分课堂 哪个数大", ("112", "131")),
])
def test_every_part_of_a_message_is_answered(qa: QA, question: str, expect: tuple[str, str]) -> None:
    answer = qa.ask(question)
    assert answer.answered and all(e in fold(answer.text) for e in expect), answer.reason


def test_a_clause_that_is_no_comparison_still_needs_an_answer(qa: QA) -> None:
    assert not qa.ask("茂名有多少镇街？湖北来了多少人？马聂的电话是多少？").answered
    assert qa.matcher.clauses("几点几分发的? 17:26吗") == ["几点几分发的", "17:26吗"]  # a time is not split


def test_which_one_and_which_other_asks_of_each_training(qa: QA) -> None:
    answer = qa.ask("哪次培训是全国统一办的，哪次是地方自己办的？")
    assert {p.article for p in answer.parts} == {"maoming-2024", "hubei-2023"}, answer.reason


def test_each_trainings_half_ignores_a_phrase_quoted_from_the_other(qa: QA) -> None:
    answer = qa.ask("“每周三下村”和“湾子会”分别是谁讲的？")
    assert answer.answered and "裴婉君" in answer.text and "周代年" in answer.text, answer.reason


@pytest.mark.parametrize("question", ["坡心镇的村长是谁", "尧治河村的村长是谁", "根子镇的镇长是谁", "保康县的县长是谁",
                                      "星火村天气怎么样", "学员的平均年龄是多少", "茂名培训每天几点上课",
                                      "周代年是男的还是女的", "庄悦群发表过什么文章", "湖北培训每天上几节课"])
def test_a_village_head_or_the_weather_is_not_its_secretary(qa: QA, question: str) -> None:
    # the articles name each place's Party secretary, never its 村长/镇长; 天气 before 怎么样 is what is asked
    answer = qa.ask(question)
    assert not answer.answered, answer.reason


def test_the_secretary_of_a_place_is_still_found(qa: QA) -> None:
    assert "高锦乔" in qa.ask("坡心镇的书记是谁").text


def test_a_deputy_mayor_is_not_the_mayor(qa: QA) -> None:
    assert not qa.ask("茂名市市长叫什么名字?").answered  # 王小慧 is 副市长; the articles name no 市长
    assert "王小慧" in qa.ask("茂名副市长是谁").text


def test_all_the_teachers_are_described_where_the_article_names_none(qa: QA) -> None:
    answer = qa.ask("湖北的老师都是谁")  # 湖北's article gives the lecturers' roles, not their names
    assert answer.answered and "中央党校" in answer.text, answer.reason
    assert not qa.ask("湖北省委领导是谁").answered  # one leader: the name is asked, and not given
    assert not qa.ask("到湖北省委党校看望学员的省委领导具体是谁?").answered


@pytest.mark.parametrize("question", [
    "哈喽~茂名百人课堂之前都培训过谁啊,这次是第几拨了",
    "中央党校开班第一课讲的啥 简单说说就行",  # a closing request names nothing
    "庄悦群提的四个要求能不能帮我捋一下 thx",  # and 四个要求 are the 四大要求
])
def test_filler_around_a_question_is_not_a_missing_detail(qa: QA, question: str) -> None:
    answer = qa.ask(question)
    assert answer.answered and len(answer.facts) == 1, (question, answer.facts)
    assert "能挑重担" in qa.ask("庄悦群提的四个要求能不能帮我捋一下 thx").text


@pytest.mark.parametrize(("question", "expect"), [
    # a guess to confirm: what is guessed is what is asked, right or wrong
    ("湖北有3.5万人参加那个村书记视频培训,我没记错吧?", "2.28万"),
    ("茂名是不是正好100个镇街?我印象里是个整数", "112"),
    ("湖北有2.28万人参加对吧?", "2.28万"),
    ("所以说欣旺达那个基地是在茂南区对吧?", "电白"),  # a guessed district, not a typo for 孝南区
    ("茂名的培训搞了三天,湖北那个是不是也是三天?", "四天半"),
    # the national training named by who ran it
    ("中央组织部和中央党校办的视频培训班,湖北有多少学员参加?", "2.28万"),
    ("中央党校和中组部办的那个培训,湖北有多少个县级分课堂?", "130个"),
    ("村书记视频培训是中央组织部和哪个单位一起办的?", "中央党校"),  # who ran it is still asked
    ("村书记那个视频培训是中组部自己单独办的吗?还是有别的单位一起", "中央党校"),
    ("全國村書記視頻培訓班係邊個搞㗎?", "中央組織部"),  # 谁搞: who ran it, answered in the asker's script
    # light verbs (进行, 做到) and 的人 (someone) are no details a fact must name
    ("茂名鎮街書記培訓班一共進行了幾天?", "3天"),
    ("省委領導要求預演要做到哪「三全」?", "全要素"),
    ("茂名培训有没有请佛山那边的人来讲课?", "王树斌"),
    # a question told as a story: its asking sentences alone
    ("我是个镇上的小干部哈,听说茂名把镇街书记全拉回去培训了,他们参观的是哪个企业啊?", "欣旺达"),
    ("求助!!明天要交学习心得,谁能告诉我庄悦群给镇街书记提的那四大要求都是啥,急急急", "清正廉洁"),
    ("枝江市向巷村的书记开什么会来收集群众意见？", "湾子会"),  # 什么会来: 会, not the unknown word 会来
    ("两个培训哪个先办的?", "2023"),  # which came first: when each was
    ("两篇文章哪篇先发的?", "2024-04-27"),
    ("开班的时候谁先讲的课?", "庄悦群"),  # 谁先讲: who spoke first, not when
    ("根子镇那个书记说每周几下村来着", "每周三"),  # 每周几: which day of the week, not how many
    ("求助!!写报告要用湖北参训人数,急急急", "2.28万"),  # 写报告要用: what the asker needs it for
    ("潜江那个郑书记说晚上谁来跟他们交流了", "省委领导"),  # 郑书记: a person by surname and title, not 镇书记
    ("孫開林介紹的是哪個村的發展經驗?", "堯治河村"),  # the fact on what he shared names his village
    ("同志您好，我想问下湖北一共设了多少个分课堂?", "131个"),  # a greeting with a title is no subject
    ("前几天在群里看到个链接,茂名那次培训请了哪几位局长讲课?", "局长"),  # 前几天: when the asker saw it, no count
    ("周代连开湾子会是为了啥?", "群众意见"),  # a name's slip swapping n and l
    ("襄阳宜昌的领导小组由谁当组长?", "组织部部长"),  # who heads it: the article names the office
    ("茂名学员去参观的那个基地叫啥?", "欣旺达"),  # a thing's name, not a person's
    ("文章里提到了哪些镇?", "坡心镇"),  # question words only: the variant it is
    ("培训一共搞了好几天吧,具体几天?", "四天半"),  # 好几天: several days, not a subject
    ("马聂最后放了啥狠话", "撸起袖子加油干"),  # 狠话: a saying
    # the story says which training; the asking sentence does not
    ("老师布置作业,要写一篇茂名镇街书记培训的心得,请问一共培训了几天?", "3天"),
    # who told the asker is no subject; a guess ending 是吗 asks the number it guesses
    ("我儿子说茂名培训搞了三天是吗", "3天"),
    ("我家闺女说湖北有131个分课堂对吗", "131个"),
    ("郑雄的原话是怎么说的", "及时雨"), ("程桔的原话是啥", "接地气"),  # 原话: what was said, word for word
    ("通知上说茂名镇街书记班开班式是24号上午,对吧?", "25日上午"),  # a guessed date asks which day
    ("培训最后一天是上午散的还是下午散的啊?", "26日下午"),  # 散: when it ended
    ("有个老书记说干了30多年头一回参加这么大规模的培训,这说的是啥培训啊?", "视频培训"),  # the quote's training, by name
    ("嗯 那个湖北两万多人同上一堂课的新闻是啥时候发的", "2023年05月29日"),  # 两万多人 is no subject
    ("请问培训期间学员有没有去企业参观,或者去北京上课的?", "北京主课堂"),  # 或者…: asked of another thing too
    ("朋友转了篇文章，说欣旺达那个基地在高州，对不对啊？", "电白"),  # a guessed place, confirmed by a tag sentence
    ("微信群里转的文章说这是第一次直接给全国所有村主职干部培训，真的假的", "第一次"),  # 微信群, 转: how it reached them
    ("茂名开班式是24号上午吧？我稿子里这么写的", "25日上午"),  # the guess asks; what follows is the asker's story
    ("我是镇里的办事员，领导让我整理庄书记讲的四大要求，帮我列一下呗", "忠诚可靠"),  # 领导让我整理: the asker's task
    ("县级分课堂那边，是哪些人走到学员中间去交流的", "党政领导班子成员"),  # 走到 is 走进
    ("话说湖北那个村干部培训,开班第一课是谁讲的,讲的啥内容?", "二十大精神"),  # 讲的啥内容: of the first lesson
    ("孙开林是郑家湖村的书记对不？他在培训上讲了啥来着", "尧治河村"),  # a wrong guess is what is asked
    ("裴婉君是化州哪个镇的来着？", "根子镇"), ("湖北去北京主课堂上课的好像有20个人？我们村书记说的", "10位"),
    ("老师好，我表哥在电白当干部，他说前阵子市里把所有镇街书记都拉去集中培训了，回来累得够呛，想问下那个培训具体是几号到几号啊？",
     "4月24日"),  # the story names 电白, which only 茂名's article has
    ("茂名培训讲绿美生态的是谁，湖北培训里说培训是「及时雨」的是谁？", "曾春"),  # 讲 glued to 绿美 by jieba
    ("庄悦群去年在哪个活动上给村书记授过课？", "千名村书记话振兴"),  # 在哪个活动上: which event, not where
    ("湖北为了这次培训搞了5个工作专班？这么多吗", "3个"), ("我看新闻说马聂才25岁，是省级分课堂最年轻的那个？", "30岁"),
    ("我们这边有人说全国一起上课的村干部有一百万人，真的假的？", "52万"),  # 一百万 guessed, 真的假的 the tag
    ("我老伴非说茂名那个镇街书记培训搞了一个礼拜，你给评评理到底几天", "3天"),  # 评评理: a request, not a subject
    ("我家闺女在湖北当村主任，她说全省好几万人一起上课，到底是多少人啊", "2.28万"),  # 全省: 湖北's, said as such
    ("亲戚说湖北那个培训有十几个优秀村书记上去讲，是真的吗？一共讲了几个专题", "5个"),  # 亲戚说: who told them
    ("这两个培训有什么共同点?", "【"),  # 共同点 asks for both, like 相同
    ("我外甥说湖北培训分了好多小课堂，省里一个，县里一百多个，县里的具体是多少个？", "130个"),  # 县里, 小课堂
    ("湖北那个培训县里的分课堂有没有领导去啊，是哪些人去跟学员交流的", "党政领导班子成员"),
    ("湖北省委領導要求培訓預演須達到哪「三全」?", "全流程"),  # 須: must, a function word; 三全: the three 全
    ("開班動員嗰日係邊個上台講嘢㗎?", "莊悅群"),  # 上台講: who spoke, not the 15 who went on stage
    # the story names the training; the question asks of it (湖北's 131, not the nation's unstated total)
    ("我是跑三农口的记者。湖北那个视频培训班，据说省里开了一千多个分课堂是不是？麻烦帮我核实一下具体数字", "131个"),
    ("我孙子在村里当书记，前阵子去参加了个全国的视频培训，上了好几天课。到底学了几天啊？", "四天半"),  # 好几天: told
    ("我家老头子看新闻说茂名有一百多个镇街，我说哪有那么多，你帮我们查查到底多少个", "112"),
    ("我是镇里的宣传干事，想借鉴茂名的做法，他们那个镇街书记培训班请来的授课老师，文章里是怎么形容的?有个比喻我忘了",
     "老师傅"),  # the question asks of what the sentence before it told
    ("茂名的镇街书记培训是谁主办的？", "茂名市委"),  # who organised it, not when (举行)
    ("培训班上都有谁讲课？", "中央党校"),  # who taught, in both trainings
    ("莊悅群提出的四大要求中，第一項是什麼？", "學理論"),  # 第一项 is 第一条
    # a wrong count told and asked back: the count asked (两天, 一个礼拜, 20个人？, 四天？还是五天, 只: its tone)
    ("听说茂名那次培训只搞了两天来着？", "3天"), ("我爸说全国视频培训一共学了几天来着，是不是一个礼拜？", "四天半"),
    ("听说湖北派去北京主课堂的有20个人？", "10位"), ("有人说湖北只设了一个分课堂，真的假的", "131个"),
    ("茂名的培训是2023年办的？", "2024年"),  # a year guessed asks which year
    ("这句“不怕龙尾甩”原来是哪位领导讲课时说的", "黄毅"),  # 原来是…说的: who it turns out said it, not his past
    ("副市长王小慧那节课讲的是什么", "和美乡村"),  # 课/讲 are the lesson and its telling, not one word 课讲
    ("庄悦群去年给村书记讲课时提了好几个本领，都有啥", "拒腐防变"),  # 好几个: several, not how many
    # who the asker is asks nothing (宜昌, 退休, 老支书); their post is not the training asked of when both are
    ("我是宜昌的退休老支书，听说这次视频培训学了四天？还是五天啊", "四天半"),
    ("我是退休老村干部，想比比这两个培训，各自搞了几天？", "3天"),
    ("有人跟我说茂名那个培训是2023年办的？", "2024年"),  # 有人跟我说: who told them
    ("我爸去的那个全国视频培训一共学了几天？", "四天半"),  # 去的那个培训: the one he attended
    ("孙女给我看了篇报道，说有个村把矿区变成了景区，是哪位书记讲的", "孙开林"),  # 孙女 is kin, not a foreign name
    ("百人课堂是哪个单位推出的？", "茂名市委"),  # 推出 is 举办
    ("有个学员说当了多久村书记才第一次参加这么大规模的培训?", "30多年"),  # 第一次 is no 一次 of how often
    ("有個學員話做咗幾耐村書記先第一次參加咁大規模嘅培訓？", "30多年"),  # 几耐 is 多久
    ("根子镇书记介绍了什么管理方式", "排名"),  # 管理方式 is 做法
    ("茂名为啥偏偏今年搞镇街书记培训", "关键一年"), ("为啥偏偏挑这个时候办培训？", "关键一年"),  # why now
    # a word the knowledge has is typed as meant (形式 is no slip for 行使), nor 北京 for 背景
    ("湖北那次視頻培訓用咩形式上課？", "視頻授課"), ("两个培训是不是都在北京办的？", "分课堂"),
    ("全国总共有多少村书记和村主任参加了这次视频陪训？", "52万"),  # a count of people, not 30多年
    ("全国有多少村之书和村主任一起上课？", "52万"),  # 之 is a slip inside a training's name (村支书)
    ("馬聶喺邊條村做書記？", "銅嶺村"),  # 村做: 做 glued to the village by jieba
    ("湖北村书记培训我记得是整整五天吧", "四天半"),  # 整整 (whole) is the guess's tone
    ("听说湖北那次培训是多年来规模最小的一次？", "规模最大"),  # 规模最小 is a size, not the youngest
    ("这回培训一共来了多少学员？", "112个"),  # both trainings' counts, never who taught
    ("镇街书记落实到位了，百千万工程能成功多少？", "大半"),  # a share answers how much
    ("培訓規模有幾大？", "2.28萬"),  # 几大 after 规模 is Cantonese 多大, not 几大要求
    ("上次开会有人提到柏桥讲堂今年搞了个什么“行动”，叫啥名？", "提升行动"),  # 有人提到: who told it
    ("孙开林介绍的尧治河村发展模式是什么类型？", "产业园区"),  # 什么类型 asks what it is
    ("老师让写基层干部的作文，我想引用“一头连着党心”，后半句是啥来着", "民心"),  # 作文: the asker's errand
    ("湖北那个培训晚上有什么安排吗？", "省委领导"),  # 晚上: 郑青龙 tells of the evenings
    ("那15位书记分享的高招归纳起来是哪几样？", "强堡垒"),  # 归纳起来 (summed up) asks nothing more
    ("茂名那个班里讲“龙头”要干嘛，必须把好什么？", "把好方向"),  # 班里: in the class
    ("培训里有没有讲到发展产业的例子？", "尧治河村"),  # 例子: an example of what is asked, no detail of it
    ("两个培训一个是视频授课,另一个在哪上的?", "欣旺达"),  # the one named is told; the other is asked
    # the start of a training is its opening, not the opening lines of its article (hb-quote-30-years)
    ("湖北那个培训开头是谁讲的？", "中央党校"), ("两个培训开头分别是谁讲的话？", "庄悦群"),
    # asked of both, a post (村书记, 村干部) is what is asked about, not which training
    ("两篇里讲生态的分别是谁？一个局长一个村书记", "孙开林"), ("两个培训都是面向村干部的吗？", "镇街"),
    ("我们书记培训回来就要求每周三下村，这是学的哪位书记的做法？", "裴婉君"),  # 这是…: of the part before it
    ("茂名的培训和湖北那个比，覆盖范围分别是多大?", "2.28万"),  # a size, not an age; 覆盖范围 is 规模
    ("湖北视屏培训班一共开了多少个分课堂？", "131个"),  # 湖北 says whose count; 视频培训 adds nothing to prefer
    ("周代年是哪个地方哪个村的党支部书记?", "向巷村"),  # 哪个地方 is where
    ("村书记和村主任的那个视频培训班是哪两家单位一起办的?", "中央党校"),  # 一起办 is 联合举办
    ("茂名鎮街書記班的授課者,除市委書記外還包括哪些人?", "局長"),  # 者 and 除 are two words, not one across the comma
    ("开班动员或者开班第一课是谁讲的？", "庄悦群"),  # each side is one training's: both are answered
    ("学员们都去了哪些地方上课或者参观", "省委党校"),
    ("老師你好，我係香港嘅讀者，睇到商報講茂名培訓鎮街書記，想知佢哋分組研討傾咗啲咩題目呀?", "獻一策"),  # 商报, 想知
])
def test_answered_despite_the_phrasing(qa: QA, question: str, expect: str) -> None:
    answer = qa.ask(question)
    assert answer.answered and expect in answer.text, (answer.facts, answer.reason)


@pytest.mark.parametrize("question", [
    "庄悦群今年55岁对吧?",  # a guessed age is still an age
    "庄悦群是不是在茂南区出生的?",
    "王树斌是佛山人吗?", "王树斌是佛山人还是茂名人?", "庄悦群是茂名人吧",  # where he is from, which no fact states
    "湖北省一共有多少个行政村?",  # 行政村 is a word of its own, not 国家行政学院's 行政 and a 村
    "我记得以前有个全国乡村振兴局长培训班，都讲了些啥？",  # the asking part names nothing: the story is the subject
    "到湖北省级分课堂看望学员的是哪位省委领导?叫什么名字",  # 叫什么名字 is asked too, and not stated
    "中央党校分管日常工作、讲开班第一课的那位负责同志叫什么名字?",  # 、 joins one sentence
    "襄阳那个领导小组的组长叫什么名字?",  # a name, where the article gives only the office
    "那个当了30多年村书记的人叫什么名字?",  # the article does not say who said it
    "iPhone 16 什么时候发布?", "GDP 茂名是多少",  # a name in capitals is the subject, spaces or not
    "庄悦群的儿子是谁",  # someone's relative is asked about, not the asker's
    "王树斌是深圳人吧", "黄毅的老家是信宜吧", "茂名人口多少啊 大概",  # a guess at what is never stated
])
def test_declined_despite_the_phrasing(qa: QA, question: str) -> None:
    assert not qa.ask(question).answered, question


def test_a_word_that_is_no_place_or_no_organiser_keeps_its_meaning(qa: QA) -> None:
    assert qa.ask("马聂是年轻人吗").answered  # 年轻人 is no place
    assert qa.ask("那个九奖九惩是谁搞出来的 咋回事").facts == ("hb-zhou-dainian-governance",)  # who thought of it


def test_either_side_of_a_choice_is_asked_of_each_training(qa: QA) -> None:
    # 四大要求 is 茂名's, the 5个专题 湖北's: each training answers the side it has
    answer = qa.ask("两篇文章分别讲了几条要求或几个专题?")
    assert answer.answered and "四大要求" in answer.text and "5个专题" in answer.text, answer.reason
    assert "新质生产力" in qa.ask("有讲新质生产力或者产业发展吗").text
    assert "市委书记" in qa.ask("庄悦群的年龄或者职务").text  # the side stated is told
    assert not qa.ask("庄悦群的年龄或者籍贯是什么").answered  # neither side is stated


def test_a_round_up_asked_in_its_own_words_is_the_answer(qa: QA) -> None:
    # a round-up is penalised against facts about one thing, but not when the question is one of its own variants
    assert qa.ask("学员们都说了些什么").facts == ("both-student-remarks",)
    answer = qa.ask("文章里用了哪些形象的比方?")
    assert "龙头" in answer.text and "及时雨" in answer.text, answer.facts


def test_two_things_joined_by_and_are_each_answered(qa: QA) -> None:
    answer = qa.ask("对比一下两次培训的时长和授课形式")
    assert answer.answered and "3天" in answer.text and "视频" in answer.text, answer.reason
    assert not qa.ask("庄悦群的年龄和籍贯").answered  # neither is stated


@pytest.mark.parametrize("question", [
    "听说湖北那个培训还专门弄了个盯学风的小组? 叫啥",
    "打扰了，想问湖北那篇文章里周书记他们村搞了个晚上大家聊天的广场，名字挺有意思的，叫什么来着",
])
def test_asking_only_a_name_after_a_story_is_not_asking_the_trainings_title(qa: QA, question: str) -> None:
    # the story's training lent to a bare 叫啥 would ask the article's title; the name asked is of what the story told
    answer = qa.ask(question)
    assert not any(f.endswith("-title") for f in answer.facts), answer.facts


def test_the_story_before_several_questions_is_no_part_of_the_first(qa: QA) -> None:
    # 同学让我帮忙查资料 tells why the asker asks; glued to 茂名一共几个镇街 it hid the count
    answer = qa.ask("同学让我帮忙查资料，茂名一共几个镇街？市委常委会多久听一个镇街汇报？")
    assert answer.answered and "112个" in answer.text and "每周" in answer.text, answer.reason
    story = "老师好，我是退休老干部，以前也在乡镇干过几年。想问下茂名那个培训是哪位领导做的开班动员，他提了几大要求？"
    assert qa.matcher.clauses(story)[0] == "想问下茂名那个培训是哪位领导做的开班动员"
    assert qa.matcher.asking_core(story).startswith("想问下")  # (干过几年。 is told: a few years, not how many)
    # what the asker read says what is asked about: it stays
    assert qa.matcher.clauses("我看新闻说两边都请了老师上课 茂名是些什么人讲 湖北又是谁讲")[0].startswith("我看新闻说")


def test_joined_parts_asked_a_list_of_questions_respectively(qa: QA) -> None:
    # 分别是哪个街道、哪个村: the first part is asked the first, the second the second (not both of each)
    conj = qa.matcher.conjuncts("张婷和程桔分别是哪个街道、哪个村的书记？")
    assert conj == {"maoming-2024": "张婷是哪个街道的书记?", "hubei-2023": "程桔是哪个村的书记?"}
    answer = qa.ask("张婷和程桔分别是哪个街道、哪个村的书记？")
    assert answer.answered and "石湾街道" in answer.text and "大市村" in answer.text, answer.reason
    # one question for all the parts stays one question each
    assert qa.matcher.conjuncts("坡心镇和尧治河村的书记分别叫什么")["hubei-2023"] == "尧治河村的书记分别叫什么"


def test_either_kind_of_place_and_which_was_longer(qa: QA) -> None:
    # 哪个街道或村: either kind answers (化橘红 is 石湾街道's, 湾子夜话 向巷村's)
    answer = qa.ask("化橘红和湾子夜话各是哪个街道或村的?")
    assert answer.answered and "石湾街道" in answer.text and "向巷村" in answer.text, answer.reason
    # 哪个更长 of two trainings asks how long each was
    answer = qa.ask("茂名和湖北的培训哪个更长?")
    assert answer.facts == ("both-duration",), answer.reason


def test_a_story_told_before_the_question_is_set_aside(qa: QA) -> None:
    # the asker's own story, told in a sentence of its own, names nothing asked
    answer = qa.ask("我退休前在党校教书，比较关心课程。开班第一课讲的是什么内容？")
    assert answer.answered and "二十大精神" in answer.text, answer.reason
    # (a plan of the asker's own, not told apart, is another topic: 讲课稿怎么写 is not the byline)
    assert not qa.ask("我们县下个月搞党史学习教育培训 讲课稿怎么写").answered
    # the story kept the first question out of the clauses: the asking part's clauses are each answered
    answer = qa.ask("作为一个干了三十年的老新闻人我挺好奇，茂名这篇稿子是哪家媒体发的，通讯员叫啥？")
    assert set(answer.facts) == {"mm-outlet", "mm-correspondent"}, answer.reason


def test_a_quoted_saying_is_what_is_asked_about_even_split_by_its_comma(qa: QA) -> None:
    # the words before the quote's comma are no chatter; the chat after the question asks nothing
    answer = qa.ask("我老伴问我“不怕龙尾甩，就怕龙头摆”这话是谁在培训上说的，我一时想不起来，你帮我查查？")
    assert answer.answered and "黄毅" in answer.text, answer.reason
    # 是啥话 asks what was said
    answer = qa.ask("我们老年大学有个同学是崇阳的，他说大市村书记在培训上说了句挺形象的话，是啥话呀")
    assert answer.answered and "既接天线" in answer.text, answer.reason


def test_a_property_asked_of_each_of_two_trainings_names_neither(qa: QA) -> None:
    # 哪个是全国性的: 全国 is what is asked of each training, not the name of 湖北's
    answer = qa.ask("两个培训哪个是全国性的,哪个是地方搞的?")
    assert answer.answered and "茂名市委" in answer.text and "中央组织部" in answer.text, answer.reason
    answer = qa.ask("哪个是视频培训,哪个是线下集中学习?")
    assert {p.article for p in answer.parts} == {"maoming-2024", "hubei-2023"}, answer.reason
    assert qa.ask("湖北那个是全国性的培训吗").facts[0].startswith("hb-")  # (not a which-question: 湖北 names it)


def test_a_word_more_common_than_the_facts_weighs_little_not_less_than_nothing(qa: QA) -> None:
    # 堂 occurs in more places than there are facts: its rarity is floored, never negative
    assert 0 < qa.matcher.idf("堂") < 0.1


def test_both_lectures_tells_each_trainings_kind_of_lecture(qa: QA) -> None:
    # 湖北's side says the training gave 专题辅导, in a trainee's words
    answer = qa.ask("两个培训都有专题课吗")
    assert "专题教学" in answer.text and "专题辅导" in answer.text, answer.reason


def test_the_three_learnings_are_words_of_their_own(qa: QA) -> None:
    # 学有所得 was cut into 学/有所/得, and 时说 (a word in jieba's dictionary) weighed as an unknown word
    for question in ("刚下村回来 学有所得后面俩是啥来着", "开班时说要学有所得 后面还有啥来着"):
        answer = qa.ask(question)
        assert "学有所获" in answer.text and "学有所长" in answer.text, (question, answer.reason)


def test_in_the_training_says_where_not_what(qa: QA) -> None:
    # 在培训中: every fact is of a training, so a fact that repeats the word does not fit better
    answer = qa.ask("茂名坡心镇书记和湖北尧治河村书记在培训中分别分享了什么？")
    assert set(answer.facts) == {"mm-gaojinqiao-said", "hb-sun-kailin-shared"}, answer.reason


@pytest.mark.parametrize("question", [
    "庄悦群 老家 哪里", "茂名 常住人口 多少", "红烧肉 做法 简单点", "襄阳 组织部长 叫啥", "excel 透视表 怎么做"])
def test_a_question_typed_as_keywords_is_one_question(qa: QA, question: str) -> None:
    # the fragments are no story around a question: 哪里 alone, lent the story's training, asked where 茂名's was
    answer = qa.ask(question)
    assert not answer.answered, answer.reason


def test_keywords_asked_of_each_keep_their_parts() -> None:
    assert join_keywords("庄悦群 老家 哪里") == "庄悦群老家哪里"
    assert join_keywords("根子镇 湖山村 各属哪个市") == "根子镇 湖山村 各属哪个市"  # (each its own)
    assert join_keywords("在吗 今天好无聊啊") == "在吗 今天好无聊啊"  # (a sentence, not a keyword)


def test_a_few_decades_told_asks_nothing(qa: QA) -> None:
    # 当了几十年 tells how long; the question is who ran the training the story names
    answer = qa.ask("我爸当了几十年村支书，说去年参加了个全国视频培训，这个班是谁办的？")
    assert answer.facts == ("hb-organisers",), answer.reason
    assert qa.ask("湖北有几万名村干部参加").answered  # (几万 asked, not told)


def test_a_verb_and_object_parted_by_le_are_one_word(qa: QA) -> None:
    # 发了言 is 发言 (said something), not 发 and 言, two words no fact holds
    answer = qa.ask("湖北结业时谁发了言")
    assert answer.facts == ("hb-ma-nie-said",), answer.reason


def test_latin_words_between_themselves_keep_their_space() -> None:
    assert join_keywords("hello world") == "hello world"
    assert join_keywords("excel 透视表 怎么做") == "excel透视表怎么做"


@pytest.mark.parametrize(("question", "fact"), [
    ("我们村这几年在搞人居环境整治，想问茂名副市长王小慧在培训上讲的是什么专题？", "mm-wangxiaohui"),
    ("我在襄阳乡下当过十几年村会计，想问湖北这次培训总共学了多长时间？", "hb-duration"),
    ("我喺信宜鄉下做咗廿幾年村幹部，想問茂名呢次培訓係邊幾日搞㗎？", "mm-dates"),
    # (没几个人种: few people farm, told, not asked)
    ("我们村年轻人都出去打工了，地没几个人种，听说茂名培训上有个局长专门讲粮食安全，他是哪个局的？",
     "mm-lectures-overview")])
def test_a_span_of_years_told_in_a_story_asks_no_duration(qa: QA, question: str, fact: str) -> None:
    # 这几年, 十几年, 廿幾年 tell how long the asker has done something; before, they asked 几年 of the fact
    answer = qa.ask(question)
    assert answer.facts == (fact,), answer.reason
    assert qa.ask("湖北的培训学了几天").facts == ("hb-duration",)  # (几天 still asks)


@pytest.mark.parametrize(("question", "expect"), [
    ("两个培训各自的口号式名称是什么？", ("百人课堂", "同上一堂课")),
    ("在廉洁纪律方面，两个培训分别提了什么?", ("清正廉洁", "学风监督")),
    ("两篇文章分别说这次培训处在什么时期？", ("关键一年", "使命紧迫")),
    ("組織部在兩場培訓中各扮演了什麼角色?", ("黃毅", "中央組織部")),
    ("培训有没有讲政治理论方面的东西？", ("政治能力", "二十大")),
    ("茂名那个是市里自己办的，湖北那个是全国统一的吗", ("茂名市委", "全国同步")),
    # (the fact whose halves both say where, not the one whose 茂名 half names no place)
    ("兩個培訓分別喺邊度搞？", ("欣旺達", "分課堂")),
    # the highest-level lecturer of 湖北's training is 中央党校's, who gave the first lesson
    ("不太懂，两个培训的主讲领导级别一样吗？", ("庄悦群", "中央党校")),
    # a training run under a lecture hall or by a Party school is asked who runs it
    ("这两次培训分别是哪个党校或讲堂办的？", ("柏桥讲堂", "中央党校")),
    # mm-teachers quotes the sentence both-teachers quotes: its counterpart gives 湖北's lecturers
    ("主讲人一般都是什么身份?", ("老师傅", "中央农办专家"))])
def test_questions_about_both_trainings_get_each_half(qa: QA, question: str, expect: tuple[str, ...]) -> None:
    # each training's half of a both-trainings fact carries what the articles say on it
    answer = qa.ask(question)
    assert answer.answered and all(e in answer.text for e in expect), (answer.reason, answer.text)
    assert {p.article for p in answer.parts} == {"maoming-2024", "hubei-2023"}


def test_a_number_in_a_name_is_no_count(qa: QA) -> None:
    # 同上一堂课 names the training; it does not say how many 堂 of lessons there were
    answer = qa.ask("全国视频培训班一共讲了多少堂课?")
    assert not answer.answered, answer.reason
    assert qa.ask("湖北有多少个分课堂").answered  # (a count the articles give still answers)


@pytest.mark.parametrize("question", [
    "我们村今年种的水稻老是倒伏，你们有没有啥好办法？", "我们村想申请修一条村道，要走什么流程？"])
def test_asking_only_for_a_way_asks_about_the_storys_topic(qa: QA, question: str) -> None:
    # 有啥好办法 names no subject: the story before it does, and the articles do not cover it
    answer = qa.ask(question)
    assert not answer.answered, answer.reason
    # (a story naming what the articles know still leaves the question to ask about it)
    assert qa.ask("老师你好，我家那口子在高州根子镇上班，听说他们书记在培训上发言了，讲了些啥做法").answered


def test_a_half_remembered_word_is_completed_from_the_domain_words(qa: QA) -> None:
    question = "我们村以前老书记开会老爱说学有所得，结果庄书记开班的时候好像也讲了这个，后面还跟着两个学有所什么？"
    answer = qa.ask(question)
    assert answer.facts == ("mm-expectations",), answer.reason
    assert qa.matcher._fill_blank("湾子什么") == "湾子会湾子夜话什么"
    assert qa.matcher._fill_blank("学员什么时候结业") == "学员什么时候结业"  # (学员 is a word of its own)


def test_when_a_line_was_set_is_answered_by_the_occasion_and_its_date(qa: QA) -> None:
    answer = qa.ask("“破除镇思维”这调子是啥时候定的")
    assert answer.facts == ("mm-zhen-thinking",), answer.reason
    assert "首次听取汇报" in answer.text


def test_clauses_each_about_one_training_are_halves_of_one_question(qa: QA) -> None:
    # the 湖北 clause alone scores under the bar; as one training's half beside an answered 茂名 clause it answers
    answer = qa.ask("茂名学员去的是哪个基地,湖北学员分布在多少个县级分课堂?")
    assert answer.answered, answer.reason
    assert {p.article for p in answer.parts} == {"maoming-2024", "hubei-2023"}
    assert "欣旺达" in answer.text and "130个" in answer.text
    assert not qa.ask("湖北学员分布在多少个县级分课堂").answered  # (alone, the same clause is not sure enough)


def test_a_clause_only_asking_if_a_rumour_is_true_leaves_the_question_to_the_others(qa: QA) -> None:
    answer = qa.ask("听说这次全市镇街书记都被叫去回炉培训了是真的吗 茂名一共有几多个镇街")
    assert answer.facts == ("mm-town-count",), answer.reason
    assert not qa.ask("听说茂名要搞马拉松是真的吗 今天天气怎么样").answered  # (no clause answered: still declined)


def test_only_a_check_with_its_particle_is_a_confirmation() -> None:
    from bot.matcher import confirms_only

    assert confirms_only("听说全市镇街书记都被叫去回炉培训了是真的吗") and confirms_only("庄悦群是市委书记对吧")
    assert confirms_only("湖北有两万多人参加，没错吧？")
    assert not confirms_only("两个培训的主办方分别是")  # (cut short: still a question to answer)


def test_asking_for_several_people_is_not_answered_by_a_fact_naming_one(qa: QA) -> None:
    # mm-teachers names only 庄悦群 beside the others' roles; the fact naming every lecturer answers
    answer = qa.ask("茂名那个培训除了市委书记，还有哪些领导给学员上课啊")
    assert answer.answered and "黄毅" in answer.text and "王小慧" in answer.text, answer.reason
    assert "people" not in qa.matcher.wants("郑青龙说晚上还有谁跟他们交流")  # (who else, not a list of names)


@pytest.mark.parametrize(("question", "expect"), [
    ("群友说茂名镇街书记培训的开班动员是组织部长作的，对不对？", "庄悦群"),  # 群友 is who told it
    ("看到石湾街道那个书记想搞精品旅游线路，主打啥元素？", "化橘红"),  # 主打啥 asks what, no more
    ("刚有人转了个湖北培训的链接，说马聂是党支部书记？我怎么记得不是", "铜岭村"),  # 不是 doubts, asks nothing
])
def test_hearsay_and_doubt_words_ask_nothing(qa: QA, question: str, expect: str) -> None:
    answer = qa.ask(question)
    assert answer.answered and expect in answer.text, (answer.reason, answer.text)


@pytest.mark.parametrize(("question", "fact"), [
    ("篇文章講鎮街書記要躬身入局，後面仲跟住咩？", "mm-network"),  # Cantonese 仲 (still), 跟住 (following)
    ("标题讲的回炉，回炉的是哪批人", "mm-title"),  # 哪批人 asks who, as 哪些人 does
    ("中央農辦專家令學員了解咗邊幾方面嘅政策？", "hb-zhongnongban"),  # 令 (made), 边几 (which few)
    # (why it is asked: a post, a quotation)
    ("在写推送，想引用庄书记的四大要求，最后一条作风上那个是啥来着", "mm-req-integrity"),
    ("茂名这个培训本来是想提升镇街书记哪方面的能力", "mm-what-is-bairen"),  # 本来 (originally) asks nothing
    ("学长说湖北那次村书记培训有5万多人参加，真的假的啊", "hb-participants"),  # the fellow student told it
])
def test_what_the_asker_says_around_the_question_asks_nothing(qa: QA, question: str, fact: str) -> None:
    answer = qa.ask(question)
    assert fact in answer.facts, (answer.reason, answer.facts)


def test_the_sayings_fact_names_who_said_it_and_his_post(qa: QA) -> None:
    # a wrong guess at who said it (宣传部长) is answered by the fact, which gives his post
    answer = qa.ask("讲“不怕龙尾甩就怕龙头摆”的是不是宣传部长啊？")
    assert answer.facts == ("mm-huangyi-dragon",) and "组织部部长" in answer.text, answer.reason
    # (one post with 、 inside is not a list: 镇街书记要当四种啥样的书记 still wants the four)
    assert qa.ask("镇街书记要当四种啥样的书记来着").facts == ("mm-four-requirements",)


@pytest.mark.parametrize(("question", "expect"), [
    ("“两优一先”和“百千万工程”各出现在哪篇报道里", ("百千万工程", "两优一先")),  # 出现 frames, as 提到 does
    ("培训里有啥记得住的金句", ("龙头", "及时雨")),  # 记得住 is one word: memorable, nothing asked
])
def test_frame_words_of_a_question_about_the_articles(qa: QA, question: str, expect: tuple[str, ...]) -> None:
    answer = qa.ask(question)
    assert answer.answered and all(e in answer.text for e in expect), (answer.reason, answer.text)


@pytest.mark.parametrize(("question", "expect"), [
    ("哪个培训级别更高？", ("茂名市委", "中央组织部")),  # the level is who ran each: both-scale says it
    ("领导跟学员面对面谈话交流的环节有吗？", ("约谈", "谈心谈话")),  # 茂名's secretary talks to each in person
])
def test_level_and_leaders_face_to_face(qa: QA, question: str, expect: tuple[str, ...]) -> None:
    answer = qa.ask(question)
    assert answer.answered and all(e in answer.text for e in expect), (answer.reason, answer.text)


def test_a_clause_starting_with_a_pronoun_is_about_the_first_ones_person(qa: QA) -> None:
    # 她 is 裴婉君 (typed 裴宛君), even though 工作机制 names a subject of its own
    clauses = qa.matcher.clauses("裴宛君是哪个镇的书记?她介绍的工作机制有啥")
    assert len(clauses) == 2 and "裴婉君" in clauses[1], clauses


@pytest.mark.parametrize(("question", "fact"), [
    ("篇文講鎮街書記係領導班子入面嘅咩角色?", "mm-secretary-role"),  # 篇文講 (the article says) frames it
    ("茂名個百人課堂係專登為邊啲人度身訂造嘅?", "mm-what-is-bairen"),  # 专登 (specially), 度身订造 (tailored)
    ("縣級分課堂將交流研討同咩結合埋一齊？", "hb-county-leaders"),  # 埋一齐 (together) asks nothing more
    ("茂名市委头一回听镇街汇报定了啥基调", "mm-zhen-thinking"),  # 基调 is the 调子 the article says
    ("湖北省級分課堂上,省委領導做了哪些事情?", "hb-provincial-leaders"),  # 事情 (things done) asks nothing
    ("茂名此番培训所依托的平台名称为何", "both-organiser"),  # 此番 (this time), 名称 (its name)
])
def test_formal_and_cantonese_frame_words(qa: QA, question: str, fact: str) -> None:
    answer = qa.ask(question)
    assert fact in answer.facts, (answer.reason, answer.facts)


def test_a_pronoun_after_a_story_is_the_person_the_story_names(qa: QA) -> None:
    # the story sentence is cut away, but 她 is 陈丽: what she said, not what trainees said after the training
    answer = qa.ask("我队友说陈丽是孝感的村书记，她学完之后说了啥")
    assert answer.facts == ("hb-chen-li-said",), answer.reason


def test_what_hubeis_organisation_department_did_includes_its_meeting(qa: QA) -> None:
    answer = qa.ask("省委组织部为了这次培训都做了什么准备工作啊")
    assert answer.answered and "协调会" in answer.text and "工作专班" in answer.text, answer.reason


@pytest.mark.parametrize(("question", "expect"), [
    ("周代年分享「村社合一」等經驗,是圍繞哪個專題?", "党建引领乡村治理专题"),  # each sharer's fact names its topic
    ("孙开林是围绕哪个专题分享的", "壮大村级集体经济专题"),
    ("省委组织部 组建的三个工作专班 名称", "学风监督"),  # three of them: their names, which a list gives
    ("两边培训都有学员上台分享经验吗？", "分组研讨"),  # 茂名's trainees shared in group discussions
])
def test_topics_lists_and_origins(qa: QA, question: str, expect: str) -> None:
    answer = qa.ask(question)
    assert answer.answered and expect in fold(answer.text), (answer.reason, answer.text)


def test_more_relatives_who_told_it_and_covering_asks_a_count(qa: QA) -> None:
    # 我岳父说… is who told the asker; the question is about the saying and its speaker
    answer = qa.ask("我岳父说有个龙头龙尾的比喻挺有意思，是哪个领导讲的？讲的什么课")
    assert answer.answered and "黄毅" in answer.text, answer.reason
    # 覆盖多少个 asks how many, as 包括多少 does: not for the word 覆盖 in the answer
    answer = qa.ask("从规模看：茂名覆盖多少个镇街？湖北有多少名学员、多少个分课堂？")
    assert answer.answered and "112个" in answer.text and "131个" in answer.text, answer.reason


def test_a_sharer_who_spoke_twice_is_answered_with_both_stories(qa: QA) -> None:
    # 周代年 spoke under two topics: what he shared is both, and his one fact says both
    answer = qa.ask("根子镇和向巷村的书记各分享了啥做法?")
    assert answer.answered and "每月一排名" in answer.text and "湾子会" in answer.text, answer.reason
    # (a fact tied with another on the same quoted sentence still answers: both say the same)
    answer = qa.ask("周代年帶領村「兩委」班子召開什麼會議收集群眾意見?")
    assert answer.answered and "灣子會" in answer.text, answer.reason


def test_an_answer_lists_as_many_things_as_its_longest_list() -> None:
    from bot.matcher import _items

    # two lists of four are not a list of nine (九奖九惩具体是哪九项 is still declined: test above)
    assert _items("甲、乙、丙、丁；戊、己") == "items:4"
    assert _items("甲；乙；丙") == "items:3"  # (things one after another, each its own clause)


def test_a_lessons_name_is_its_title_and_its_giver_says_its_topic(qa: QA) -> None:
    # 专题叫什么 asks the lesson's title: the fact about 黄毅's saying names him, not his lesson
    assert qa.matcher.wants("黄毅在培训中主讲的专题叫什么?") == ("title",)
    answer = qa.ask("皇毅上的专题教学叫什么名字?")
    assert answer.facts == ("mm-huangyi-who",), answer.reason
    # who gave the first lesson and what it was about, one fact
    answer = qa.ask("我妈说开班第一课是中央党校一个大领导讲的，讲的啥内容啊？")
    assert answer.answered and "二十大精神" in answer.text, answer.reason


@pytest.mark.parametrize(("question", "expect"), [
    ("培训里提到过哪些荣誉称号?", "两优一先"),  # 荣誉称号 is the 荣誉 the 15 secretaries won
    ("上课的都是当官的吗，还是也有专家", "专家"),  # 当官的 (officials) are 领导
    ("给学员上课的老师都是什么水平的人", "老师傅"),  # 水平 (calibre) asks who they were, no more
    ("两个培训分别学到哪天 一共学了多久", "四天半"),  # 学到 (studied until) asks nothing of its own
])
def test_plain_words_for_honours_officials_and_calibre(qa: QA, question: str, expect: str) -> None:
    answer = qa.ask(question)
    assert answer.answered and expect in answer.text, (answer.reason, answer.text)


@pytest.mark.parametrize(("question", "expect"), [
    ("那个又是团市委书记又兼街道书记的是谁啊", "张婷"),  # 兼 (also holds) frames the posts named
    ("根子镇 湖山村 各属哪个市", "钟祥"),  # 属 (belongs to) asks where, as 哪个市 says
    ("茂名镇街个数 湖北分课堂个数 各多少", "131个"),  # 个数 (the number of) is what 多少 asks
    ("那几个专题 给我列一下 急用", "粮食安全"),  # 急用 (needed now) is chat
])
def test_words_that_frame_a_post_a_place_or_a_count(qa: QA, question: str, expect: str) -> None:
    answer = qa.ask(question)
    assert answer.answered and expect in answer.text, (answer.reason, answer.text)


def test_a_round_up_that_covers_more_answers_for_the_other_training(qa: QA) -> None:
    # 湖北's best single fact covers less of the question than the round-up of sayings, whose half answers
    answer = qa.ask("两篇文章里分别用了什么俗语或比喻来形容书记或课程?")
    assert "both-sayings" in answer.facts and "接地气" in answer.text, answer.reason


def test_a_question_after_a_premise_asks_what_follows_then(qa: QA) -> None:
    # the premise (24号开始的吧) is told; 那开班式是哪天 is asked, of the premise's training
    answer = qa.ask("茂名培训是24号开始的吧？那开班式是哪天")
    assert answer.facts == ("mm-opening-who",) and "25日" in answer.text, answer.reason
    assert qa.matcher.after_premise("额,北京是主课堂嘛,那湖北开了多少个分课堂呀") == "湖北开了多少个分课堂呀"
    # (那 as "that", 那是个什么活动, points back at the premise: no turn)
    assert qa.matcher.after_premise("去年6月庄悦群给村书记上过课对吧，那是个什么活动?") == ""


@pytest.mark.parametrize(("question", "expect"), [
    # 是谁啊 and 那个书记 point back at what the story told (a 副市长 who spoke on 和美乡村)
    ("朋友是茂名的镇干部，说培训时有个副市长讲和美乡村，是谁啊", "王小慧"),
    ("我是做乡村旅游的，刚好在看化橘红的项目，看到说化州有个书记在培训上讲了打造化橘红旅游线路的想法，那个书记叫什么名字来着？",
     "张婷"),
    ("我听同事说茂名那个镇街书记培训搞了5天来着？", "3天"),  # a number recalled with 来着 is asked
])
def test_questions_pointing_back_at_the_story(qa: QA, question: str, expect: str) -> None:
    answer = qa.ask(question)
    assert answer.answered and expect in answer.text, (answer.reason, answer.text)


def test_facts_giving_a_rare_kind_of_answer_are_always_candidates(qa: QA) -> None:
    # 村书记, 视频班 and 学 are words many facts share: the few giving a duration are scored all the same
    answer = qa.ask("村书记那个视频班一共学了几天啊")
    assert answer.facts == ("hb-duration",) and "四天半" in answer.text, answer.reason
    assert qa.ask("年紀最細嗰個學員 邊個 幾歲").facts == ("hb-ma-nie-who",)  # Cantonese 最细 (smallest)


def test_why_now_asks_the_timing(qa: QA) -> None:
    # 这时候 (at this time) is the moment, 时机: the round-up of what each article says of the timing answers
    answer = qa.ask("为啥说这时候搞培训很重要")
    assert answer.facts == ("both-timing",) and "使命紧迫" in answer.text, answer.reason
    assert qa.ask("培训是什么时候举办的?").facts != ("both-timing",)  # (什么时候 still asks when)


def test_who_told_the_asker_and_where_they_had_been_is_not_asked(qa: QA) -> None:
    # 我们村书记去省委党校听课回来说…: the teller's trip is no part of the question; 省委党校 says which training
    answer = qa.ask("我们村书记去省委党校听课回来说有个三十岁的最年轻，叫啥名字？")
    assert answer.facts == ("hb-ma-nie-who",), answer.reason
    # (a number the teller claimed is asked: 说他白天跟全国几十万人一起听课…到底多少)
    answer = qa.ask("我们村书记说他白天跟全国几十万人一起听课 真的有这么多人吗 到底多少")
    assert answer.answered and "52万" in answer.text, answer.reason
    # (not what the asker wants, knows or read: 我想确认下市委书记开班动员时说的…, 我看新闻说…)
    m = qa.matcher
    assert m._drop_teller(m._prefold("我想确认下市委书记开班动员时说的那三个学")).startswith("我想确认下")
    assert m._drop_teller(m._prefold("我看新闻说两边都请了老师上课")).startswith("我看新闻说")
    # someone at a meeting (有人说) told it too; 没去 (did not go) is 没参加
    answer = qa.ask("上次开会有人说湖北这次只有书记参加，村委会主任没去？")
    assert answer.answered and "村委会主任" in answer.text, answer.reason


@pytest.mark.parametrize(("question", "expect", "fact"), [
    # the task the asker was set is why they ask (老师让我们…写消息稿), and 精确数字 is phrasing
    ("老师让我们拿湖北那篇写消息稿，我记得湖北是两万多人参加？精确数字是多少啊", "2.28万", "hb-participants"),
    ("我奶奶问马聂结业时说要“撸起袖子”，后面半句是啥", "加油干", "hb-ma-nie-said"),  # the rest of a quote
    # a claim heard and asked back: the wrong place, outlet or post guessed is what is asked
    ("听说全国村书记视频培训的主课堂设在武汉？", "北京", "both-venue"),
    ("同事说湖北村书记培训那篇是新华社写的，是吗？", "湖北日报", "hb-byline"),
    ("老王说佛茂对口帮扶那堂课是茂名副市长讲的，是不是？", "王树斌", "mm-wangshubin"),  # (the post: who spoke)
    # X还是Y: the side the article has
    ("周代年是哪个市的，宜昌还是枝江？", "枝江市", "hb-zhou-dainian-who"),
    ("学员是集中学习还是分散学习？", "集中", "both-format"),
    # phrasing glued by jieba (有用到, 共有, 多少万人) asks nothing
    ("文章里有用到什么俗语或者比喻来形容吗？", "龙头", "both-sayings"),
    ("全国一起参加视频培训的村书记和村主任有多少万人？", "52万", "hb-nationwide-count"),
    ("案例交流环节共有多少位优秀村党组织书记登上讲台？", "15位", "hb-fifteen-secretaries"),
    ("两个培训加起来一共多少天", "四天半", "both-duration"),  # (加起来: each one's, told)
    ("乡镇是贯彻落实党中央决策部署的第几公里？", "最后一公里", "mm-township-cadres"),  # (第几公里: which, not how many)
    # who told the asker (之前听人说, 听我们镇长说), and 领导过去 (went there) is no history question
    ("之前听人说荆州有个很年轻的村书记，他是哪个村的？", "铜岭村", "hb-ma-nie-said"),
    ("听我们镇长说茂名那次培训学员还去了个厂参观，是啥性质的教学？", "现场教学", "mm-xinwangda"),
    ("湖北那个省级分课堂，省委领导过去是跟学员干嘛？", "谈心谈话", "hb-provincial-leaders"),
    # a name half remembered with its numbers left out, and a count guessed roughly (一百来个)
    ("我记得枝江有个村搞了积分制，叫什么几奖几惩来着", "九奖九惩", "hb-zhou-dainian-governance"),
    ("有人跟我说茂名有一百来个镇街，具体到底是多少个？", "112个", "mm-town-count"),
    # what a term means, where the article explains it
    ("施工队长又是啥意思", "施工队长", "mm-secretary-role"),
    ("及时雨指什么", "郑雄", "hb-zheng-xiong-said"),
    ("茂名说要破除“镇思维”，具体是啥意思啊", "放眼全局", "mm-zhen-thinking"),
    # 跑到 is a word (not 指挥长跑/到), a net woven is no website (一张什么网), 哪几个“一方” asks which, not where
    ("我婆婆听说有个佛山的指挥长跑到茂名给书记们讲课，他叫啥，是什么身份？", "王树斌", "mm-wangshubin"),
    ("我嫂子说茂名编织起了一张什么网，啥网啊这是？", "干事创业", "mm-network"),
    ("我闺女单位书记回来讲乡镇是最基层的政权组织，处在哪几个“一方”的最前沿来着？", "群众致富", "mm-township-role"),
    # a quote recalled as the premise: the fact quoting it also says what the article says of that training
    ("我刚好在看湖北那篇，开头有人说当了30多年村书记才第一次参加这么大规模的培训，这次到底有多大规模？", "规模最大",
     "hb-quote-30-years"),
    ("请问一下哈，那个湖北的视频培训，说是第一次直接面向全国所有村主职干部的，这个是哪两个单位一起办的?", "中央组织部",
     "hb-quote-30-years"),
    # the classrooms' count and who learnt in them come in the same sentence
    ("湖北参加视频培训的村干部分了多少个分课堂？", "131个", "hb-beijing-ten"),
    ("之前看过湖北村书记培训那篇，说有两万多人，到底是2.8万还是多少来着", "2.28万", "hb-classrooms"),
    # the title's 回炉 and 关键之年 asked about: who was trained, and why this year
    ("标题说是“回炉”培训，我不太明白，为啥说今年是关键之年？", "承上启下", "mm-key-year"),
    ("我看标题说「回炉」培训，茂名这次培训的是哪些人", "镇街书记", "mm-title"),
    ("湖北省委组织部除了开协调会还干了些啥", "情况清单", "hb-task-forces"),
    ("俺家在钟祥胡集镇，村书记回来说培训像下了一场啥雨，是啥雨啊", "及时雨", "hb-zheng-xiong-said"),
    ("湖北县级分课堂上都有谁来了？干了些啥", "党政领导班子", "hb-county-leaders"),
    # who told the asker: 听我邻居讲 (听我讲 is left once 邻居 goes), and Cantonese 阿叔 (uncle)
    ("听我邻居讲湖北那次村书记培训有3万人参加，真有这么多吗", "2.28万", "hb-participants"),
    ("阿叔問：湖北嗰個村書記培訓係咪淨係網上睇片就算？", "視頻授課", "both-format"),
    # a post guessed as who did it asks who (是市长做的，真的假的); 是这样吗 asks whether a guess is right
    ("听同事讲那个镇街书记培训开班动员是市长做的，真的假的？", "庄悦群", "mm-opening-who"),
    ("茂名开班动员是市长做的吧", "庄悦群", "mm-opening-who"),
    ("湖北那个视频培训是湖北省委组织部自己办的吧？", "中央组织部", "hb-organisers"),  # a body guessed: who ran it
    ("我阿姨在香港看到新闻，说茂名镇街书记回炉培训搞了一个星期，是这样吗？", "3天", "mm-dates"),
    # 多常 is a slip for 多长; 而設 (set up for) is phrasing; 曾經攞過咩榮譽 asks an honour told, not a past
    ("湖北视频培训学员的学习时间一共多常？", "四天半", "hb-duration"),
    ("「百人課堂」係針對咩人而設嘅培訓？", "量身定製", "mm-what-is-bairen"),
    ("登上講台嘅優秀村書記曾經攞過咩榮譽？", "兩優一先", "hb-fifteen-secretaries"),
    # 那工程 points back at what the premise told: the question after 那 alone is taken only when it is surer
    ("茂名那篇说镇街书记把百千万工程落实到位了，那工程就会咋样？", "成功了大半", "mm-secretary-importance"),
    ("地方主要领导有没有到培训现场？", "庄悦群", "both-leaders"),  # 主要领导 are 领导, not a 地方 (place)
    # 党建 is a word (not 党/建有, a 建设), and 覆盖的范围 is the 规模
    ("培训跟党建有什么关系", "高质量党建", "both-discussion"),
    ("培训覆盖的范围有多大？", "2.28万", "both-scale"),
    # 跟龙有关的 (about the dragon) asks no relation
    ("我们老师说黄毅那节课开门见山讲了句跟龙有关的俗话，是啥呀", "龙头摆", "mm-huangyi-dragon"),
    ("那5个专题里有一个跟红色有关的，全称叫啥?", "建设红色美丽村庄", "both-village-building"),
    # 有没有人讲 asks whether it was told, not about a 人; 之间 is phrasing; 出了什么力 is 做了什么
    ("两边培训里有没有人讲生态建设或者生态经济？", "绿美茂名", "both-ecology-tourism"),
    ("两次培训里，领导和学员之间有什么面对面谈话的安排？", "谈心谈话", "both-leaders"),
    ("两个培训里组织部门都出了什么力？", "省委组织部", "both-organisation-departments"),
    ("培训里有没有讲带领村民致富、发展集体经济？", "村级集体经济", "both-economy"),
    # 来自 (from) is phrasing: which village, or how many towns, is asked
    ("马聂来自哪个村", "铜岭村", "hb-ma-nie-who"),
    ("庄悦群希望大家学完达到啥效果 学有所啥来着", "学有所获", "mm-expectations"),  # (效果: no article word)
    ("請問香港商報該篇報道的責任編輯是誰？", "郭昕玥", "mm-editor"),  # 該篇 is 這篇 (the answer in traditional)
    ("两边参加培训的规模各有多大？", "2.28万", "both-scale"),  # 规模各有多大: a size, not an age
    ("茂名培训最后一日，书记们上完课之后去咗边？", "回到各自岗位", "mm-ending"),  # (上完课: jieba's 上/完课)
    ("茂名和湖北的学员分别来自多少个镇街、多少个分课堂？", "131个", "both-scale"),
    # a count guessed in Chinese numerals with 多 (五十多万 → 50多万) and asked back with 这数对吗
    ("我爷爷说全国一起听课的有五十多万人，这数对吗？", "52万", "hb-nationwide-count"),
    # 去学 (went to learn) is 学; 算不算 is phrasing; 时段 asks a time
    ("欣旺大电白基地学员去学了啥？", "新质生产力", "mm-xinwangda"),
    ("湖北那次村书记培训算不算这些年规模最大的一次啊？", "规模最大", "hb-key-feature"),
    ("開班式係幾號邊個時段舉行？", "25日上午", "mm-opening-who"),
    # 请来 (invited), 照着 (following) are phrasing; 会有啥后果 is 会怎么样; 这么大培训 is no 大培训
    ("茂名那次培训请来讲课的都是些什么人呀，我们也想照着请", "老师傅", "mm-teachers"),
    ("黄毅讲如果“龙头”不精于学、不善于悟，会有啥后果", "龙尾", "mm-huangyi-dragon"),
    ("有个村书记说干了好多年头一回参加这么大培训，他当了多少年书记", "30多年", "hb-quote-30-years"),
    # 没 (not) ending a doubt (我咋记得没那么长) or a question (讲了没) asks nothing of its own
    ("听说湖北那个视频培训学了一周？我咋感觉没那么久呢", "四天半", "hb-duration"),
    # a frequency guessed (每个月听一个镇街汇报，是每月吧) asks how often
    ("看新闻说茂名市委常委会每个月听一个镇街汇报，是每月吧？", "每周", "mm-weekly-hearing"),
])
def test_stories_claims_and_half_remembered_words(qa: QA, question: str, expect: str, fact: str) -> None:
    answer = qa.ask(question)
    assert answer.facts == (fact,) and expect in answer.text, answer.reason


def test_a_choice_of_hometowns_is_still_not_stated(qa: QA) -> None:
    # (佛山人还是茂名人: each side asks where he is from, which no article says)
    assert not qa.ask("王树斌是佛山人还是茂名人?").answered


def test_what_a_term_the_article_does_not_explain_means_is_declined(qa: QA) -> None:
    # (the article names 新质生产力 and 村社合一 but never says what they are)
    assert not qa.ask("新质生产力是什么意思").answered
    assert not qa.ask("村社合一是啥意思").answered


def test_where_asked_of_both_prefers_the_fact_about_places(qa: QA) -> None:
    # (both-organiser and both-purpose name places too; both-venue's own variants ask where)
    for question in ("茂名和湖北的培训分别在哪里办的？", "两个培训在什么地方？茂名那个和湖北那个"):
        answer = qa.ask(question)
        assert answer.facts == ("both-venue",) and "北京" in answer.text, answer.reason
    # leaders at the training in person (亲自到培训现场): who came, not where it was
    answer = qa.ask("有没有领导亲自到培训现场？")
    assert answer.facts == ("both-leaders",) and "庄悦群" in answer.text and "省委领导" in answer.text, answer.reason


def test_a_platform_relied_on_is_no_outlet_and_a_province_or_city_is_either(qa: QA) -> None:
    # 依托什么平台 asks what the training was run through (柏桥讲堂), not which media published it
    answer = qa.ask("两个培训分别依托什么平台或机构办班？")
    assert answer.facts == ("both-organiser",) and "柏桥讲堂" in answer.text, answer.reason
    assert qa.matcher.wants("哪个省市") == ("place:省市",)  # (either kind, as 哪个区县)
    assert {p.article for p in qa.ask("培训是在哪个地方办的？哪个省市？").parts} == set(qa.kb.articles)


def test_a_post_naming_one_training_keeps_the_other_half_that_speaks_of_it(qa: QA) -> None:
    # 村书记 names 湖北's training, but 茂名's half of both-precedent tells of its 千名村书记话振兴
    answer = qa.ask("以前给村书记办过类似的培训吗?")
    assert answer.facts == ("both-precedent",) and "千名村书记" in answer.text, answer.reason
    assert {p.article for p in qa.ask("村书记培训有多少人参加").parts} == {"hubei-2023"}  # (no such half)


def test_a_rank_asked_is_still_not_stated(qa: QA) -> None:
    # (排第几: the rank the article never gives, unlike 第几公里, which asks which of its sayings)
    assert not qa.ask("根子镇上个月在高州排名第几？").answered


def test_a_figure_only_one_article_gives_says_which_training(qa: QA) -> None:
    # 那15个书记: only 湖北's article has 15 (its fifteen speakers), so it is 湖北's fact, not a both-trainings one
    answer = qa.ask("上台分享那15个书记啥来头啊")
    assert answer.facts == ("hb-fifteen-secretaries",) and "两优一先" in answer.text, answer.reason
    # (是啥培训 asks which training: the answer names it)
    answer = qa.ask("卧槽52万人一起上课??真的假的 是啥培训啊")
    assert answer.answered and "视频培训" in answer.text, answer.reason


def test_what_kind_of_training_and_the_province_before_its_department(qa: QA) -> None:
    # 什么性质 (what kind) and 平时 (usually) are phrasing; 湖北省委组织部 is 湖北 and its 省委组织部, not 湖北省委
    for question in ("两个培训各自是什么性质的，第几次之类的？", "两个培训在各自体系里是第一次办吗？"):
        answer = qa.ask(question)  # (体系, 特殊性: words no article uses, the asker's framing)
        assert answer.facts == ("both-precedent",) and "第一次" in answer.text, answer.reason
    answer = qa.ask("茂名市委书记平时怎么跟镇街书记沟通，湖北省委领导在培训时又是怎么跟学员交流的？")
    assert "约谈" in answer.text and "谈心谈话" in answer.text, answer.reason
    assert qa.matcher.terms(qa.matcher._prefold("湖北省委组织部下发了啥清单"))[:2] == ["湖北", "省委组织部"]


def test_a_place_guessed_is_asked_with_or_without_a_question_mark(qa: QA) -> None:
    # 在高州，对不对, 听说…设在武汉？ and 在高州办的吧 ask where: the guessed place stands for 哪个
    for question in ("基地在高州，对不对", "听说主课堂设在武汉？", "茂名培训是在高州办的吧"):
        assert "哪个" in qa.matcher._prepare(question)[0], question


def test_subheadings_are_their_own_fact_and_the_title_stays_the_title(qa: QA) -> None:
    answer = qa.ask("茂名那篇稿子最后一个小标题写的是什么来着")
    assert answer.facts == ("mm-subheadings",) and "传授交流真本事" in answer.text, answer.reason
    answer = qa.ask("两篇文章的小标题分别有哪些?")
    assert set(answer.facts) == {"mm-subheadings", "hb-subheadings"} and "干货满满" in answer.text, answer.reason
    answer = qa.ask("茂名那篇报道的标题是什么?")  # (标题 is not 小标题)
    assert answer.facts == ("mm-title",), answer.reason


def test_the_provinces_committee_is_the_province_and_its_committee(qa: QA) -> None:
    # 湖北省委 is one jieba word the articles never use: 湖北 and 省委, so 省委领导's facts are found
    assert qa.matcher.terms(qa.matcher._prefold("湖北省委领导对筹备工作有什么要求"))[:2] == ["湖北", "省委"]
    answer = qa.ask("茂名對鎮街書記提咗咩要求？湖北省委領導對籌備工作又有咩要求？")
    assert set(answer.facts) == {"mm-four-requirements", "hb-rehearsal"} and "全景式" in answer.text, answer.reason
    assert not qa.ask("湖北省委党校的校长是谁?").answered  # (its head is not stated)
    assert not qa.ask("湖北省委领导叫什么名字").answered  # (nor its 省委领导's name, though a trainee tells of them)


def test_a_number_misremembered_in_a_name_is_that_name(qa: QA) -> None:
    # 千人课堂 is 百人课堂 (a number in a term changed); 王小明 is still not 王小慧, nor 根子村 根子镇
    m = qa.matcher
    assert m.correct("茂名那个叫千人课堂") == "茂名那个叫百人课堂"
    assert m.correct("王小明讲了啥") == "王小明讲了啥" and "根子村" in m.correct("根子村在哪")
    answer = qa.ask("哎我在整理申论素材，茂名那个培训是不是叫“柏桥讲堂·千人课堂”来着？")
    assert answer.facts == ("mm-training-name",) and "百人课堂" in answer.text, answer.reason


def test_domain_words_are_not_glued_to_the_next_character(qa: QA) -> None:
    # jieba's HMM glued unknown words of the articles to what follows (佛茂有, 两委是, 清/正是): the lexicon keeps them
    m = qa.matcher
    for text, word in (("佛茂有什么", "佛茂"), ("两委是什么", "两委"), ("清正是什么", "清正"), ("讲补短板", "补短板"),
                       ("讲建强", "建强"), ("做深做细有什么", "做深做细"), ("培训跟献一策", "献一策")):
        assert word in m.terms(m._prefold(text)), text


def test_a_guess_asked_back_before_the_question_is_asked(qa: QA) -> None:
    # a tag ending a clause (…50万村书记，真的假的？准确数字是多少), 我估 (I guess) and 学了一周？ ask the number back
    m = qa.matcher
    for question, guessed in (("室友刷到说全国有50万村书记一起上网课，真的假的？准确数字是多少", "50"),
                              ("我估茂名大概有100个镇街左右，实际系几多个？", "100")):
        assert guessed not in m._prepare(question)[0], question
    assert "duration" in m.analyse(m._prepare("听说湖北那个视频培训学了一周？我咋感觉没那么久呢")[0]).wants


def test_how_the_trainees_felt_is_what_they_said(qa: QA) -> None:
    # 感觉 is 觉得 (their view of it): what trainees said, not a word asked about
    answer = qa.ask("湖北学员感觉培训咋样")
    assert answer.answered and answer.facts[0].startswith("hb-"), answer.reason


def test_the_askers_task_and_sobs_are_not_asked_about(qa: QA) -> None:
    # 要写心得体会了呜呜: the task (写心得体会, not a 体会 asked) and the sob are chat
    content = qa.matcher._prepare("案例交流那5个专题能帮我列一下吗，要写心得体会了呜呜")[2]
    assert "评价" not in content and "呜呜" not in content and "专题" in content


def test_a_person_called_by_a_surname_only_they_have(qa: QA) -> None:
    # 小马同志, 老孙, 小张: the one person of the articles with that surname; 小程序 is no 程桔
    m = qa.matcher
    assert m._prepare("小马同志结业时说要以啥状态撸起袖子加油干来着？")[0].startswith("马聂")
    assert m._prepare("小张是哪个街道的书记")[0].startswith("张婷")
    assert "程桔" not in m._prepare("有没有小程序可以看")[0]
    answer = qa.ask("老孙的村在哪")
    assert answer.facts == ("hb-sun-kailin-who",) and "尧治河村" in answer.text, answer.reason


def test_a_month_in_chinese_numerals_is_a_date() -> None:
    from bot.normalize import fold

    assert fold("四月底去茂名") == "4月底去茂名" and fold("十二月份") == "12月份"
    assert fold("第四月") == "第四月" and fold("三农") == "三农" and fold("四大要求") == "四大要求"
    # 去学 (went to learn) is 学, but not in 过去学员 or 去学员中间
    assert fold("学员去学了啥") == "学员学了啥" and fold("过去学员们") == "过去学员们"
    assert fold("去学员中间") == "去学员中间"


def test_online_or_offline_names_no_training(qa: QA) -> None:
    # 线上 (online) asked against 线下 is a way of teaching, not the 视频培训's name: both trainings answer
    answer = qa.ask("培训是线上搞的还是线下搞的？")
    assert answer.facts == ("both-format",) and len(answer.parts) == 2, answer.reason
    assert qa.ask("那个视频培训是纯线上的嘛").facts == ("hb-format",)


def test_hubei_words_for_what_and_how() -> None:
    # Hubei 么事, 么样, 叫么名字; not the 么 of 什么, 甚麼, 怎么, 这么
    from bot.normalize import fold

    assert fold("为么事说是规模最大") == "为什么说是规模最大" and fold("叫么名字") == "叫什么名字"
    assert fold("么样搞") == "怎么样搞" and fold("怎么样") == "怎么样" and fold("叫甚麼名字") == "叫什么名字"
    assert fold("这么样") == "这么样" and fold("什么事") == "什么事"


def test_a_hubei_question_about_a_pig_is_declined(qa: QA) -> None:
    assert not qa.ask("我屋里的猪这两天不吃食，么样搞？").answered
    assert not qa.ask("到省委党校看望学员的省委领导叫么名字？").answered  # (not named: 叫么名字 asks a name)

"""Answer → Telegram HTML messages: escaped, cited, split under 4096 characters with every chunk valid alone."""

from __future__ import annotations

import hashlib
import html
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InlineQueryResultArticle, InputTextMessageContent
from telegram.constants import ParseMode

from bot.answer import ORIGIN_LABEL, QUESTION_LABEL, SOURCE_LABEL, Answer
from bot.normalize import in_script

MAX_MESSAGE = 4096  # Telegram's limit on one message's text
BREAKS = frozenset("\n。！？；!?;，,、 ")  # where a too-long text is best cut


@dataclass(frozen=True)
class Seg:
    """A run of plain text, optionally inside one inline tag (b, i, code)."""

    text: str
    tag: str = ""


@dataclass(frozen=True)
class Block:
    """One line or paragraph; `wrap` is a block tag (blockquote, pre) around all its runs."""

    segs: tuple[Seg, ...]
    wrap: str = ""

    @classmethod
    def of(cls, text: str, tag: str = "", wrap: str = "") -> Block:
        return cls((Seg(text, tag),), wrap)


def escape(text: str) -> str:
    """Escape text for Telegram HTML (only &, < and > need it in text)."""
    return html.escape(text, quote=False)


def units(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def _tagged(text: str, tag: str) -> str:
    return f"<{tag}>{text}</{tag}>" if tag else text


def _overhead(tag: str) -> int:
    return 2 * len(tag) + 5 if tag else 0


def _inline_tag(seg: Seg, wrap: str) -> str:
    return "" if wrap == "pre" else seg.tag  # Telegram allows no formatting inside pre


def render_block(block: Block) -> str:
    return _tagged("".join(_tagged(escape(s.text), _inline_tag(s, block.wrap)) for s in block.segs), block.wrap)


def _fit(text: str, budget: int) -> int:
    """How many leading characters of text fit in budget once escaped."""
    used = 0
    for i, ch in enumerate(text):
        used += units(escape(ch))
        if used > budget:
            return i
    return len(text)


def _break_at(text: str, k: int) -> int:
    """Move a cut at k back to a natural break when one is in the last third."""
    if k >= len(text):
        return k
    for j in range(k, k * 2 // 3, -1):
        if text[j - 1] in BREAKS:
            return j
    return k


def split_block(block: Block, limit: int = MAX_MESSAGE) -> list[Block]:
    """Cut a block that renders longer than limit into blocks that each fit, every one with its own tags."""
    if units(render_block(block)) <= limit:
        return [block]
    out: list[Block] = []
    cur: list[Seg] = []
    used = _overhead(block.wrap)
    queue = list(block.segs)
    while queue:
        seg = queue.pop(0)
        tag = _inline_tag(seg, block.wrap)
        full = _overhead(tag) + units(escape(seg.text))
        if used + full <= limit:
            cur.append(seg)
            used += full
            continue
        k = _break_at(seg.text, _fit(seg.text, limit - used - _overhead(tag)))
        if k == 0 and cur:  # not even one character fits after what is there: start a new block
            out.append(Block(tuple(cur), block.wrap))
            cur, used = [], _overhead(block.wrap)
            queue.insert(0, seg)
            continue
        k = max(k, 1)
        # a blank tail with nothing after it would be a whitespace-only piece, which is never sent: cut earlier so
        # the space travels with a visible character
        while k > 1 and seg.text[k:] and not seg.text[k:].strip() and not any(s.text.strip() for s in queue):
            k -= 1
        cur.append(Seg(seg.text[:k], seg.tag))
        out.append(Block(tuple(cur), block.wrap))
        cur, used = [], _overhead(block.wrap)
        queue.insert(0, Seg(seg.text[k:], seg.tag))
    if cur:
        out.append(Block(tuple(cur), block.wrap))
    return out


def pack(blocks: Iterable[Block], limit: int = MAX_MESSAGE) -> list[str]:
    """Join blocks with newlines into as few messages as fit; a block never straddles two messages."""
    messages: list[str] = []
    cur: list[str] = []
    used = 0
    for big in blocks:
        for block in split_block(big, limit):
            if not "".join(s.text for s in block.segs).strip():
                continue  # Telegram rejects a message that is only whitespace
            text = render_block(block)
            size = units(text) + (1 if cur else 0)
            if cur and used + size > limit:
                messages.append("\n".join(cur))
                cur, used = [], 0
                size = units(text)
            cur.append(text)
            used += size
    if cur:
        messages.append("\n".join(cur))
    return messages


def answer_blocks(answer: Answer, show_question: bool = False) -> list[Block]:
    """The answer in the asker's script, then per citation 《title》, outlet, date and the verbatim quote."""
    script = answer.script
    blocks: list[Block] = []
    if show_question and answer.question.strip():
        blocks.append(Block((Seg(in_script(QUESTION_LABEL, script), "b"), Seg(answer.question.strip(), "b"))))
    if not answer.answered:
        blocks.append(Block.of(answer.notice))
        return blocks
    source_word, origin_word = in_script(SOURCE_LABEL, script), in_script(ORIGIN_LABEL, script)
    for part in answer.parts:
        label = (Seg(f"【{part.training}】", "b"),) if answer.labelled else ()
        blocks.append(Block((*label, Seg(part.text))))
        last = ""
        for c in part.citations:
            origin = f"，{origin_word}：{c.source}" if c.source else ""
            header = f"{source_word}：《{c.title}》，{c.outlet}{origin}，{c.published}"
            if header != last:  # several quotes of one article share its header
                blocks.append(Block.of(header, "i"))
                last = header
            blocks.append(Block.of(c.quote, wrap="blockquote"))
    return blocks


def render_answer(answer: Answer, show_question: bool = False, limit: int = MAX_MESSAGE) -> list[str]:
    """Telegram HTML messages for one answer, each under the limit and valid on its own."""
    return pack(answer_blocks(answer, show_question), limit)


def render_lines(lines: Sequence[Block | str], limit: int = MAX_MESSAGE) -> list[str]:
    """Messages from plain strings (escaped) and blocks."""
    return pack((Block.of(x) if isinstance(x, str) else x for x in lines), limit)


def preformatted(text: str, title: str = "", limit: int = MAX_MESSAGE) -> list[str]:
    """A title line and text in <pre>, split like any block."""
    head = [Block.of(title, "b")] if title else []
    return pack([*head, Block.of(text, wrap="pre")], limit)


class SuggestionStore:
    """Question texts behind short callback ids (Telegram allows 64 bytes); bounded, oldest forgotten first."""

    PREFIX = "q:"

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._texts: OrderedDict[str, str] = OrderedDict()

    @classmethod
    def key(cls, text: str) -> str:
        """The callback data for a text: the same text always gets the same id (20 ASCII bytes)."""
        return cls.PREFIX + hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=9).hexdigest()

    def put(self, text: str) -> str:
        key = self.key(text)
        self._texts[key] = text
        self._texts.move_to_end(key)
        while len(self._texts) > self.size:
            self._texts.popitem(last=False)
        return key

    def get(self, data: str, known: Iterable[str] = ()) -> str | None:
        """The text behind callback data; when forgotten (restart, another replica), look among known texts."""
        text = self._texts.get(data)
        if text is not None:
            self._texts.move_to_end(data)
            return text
        if not data.startswith(self.PREFIX):
            return None
        for candidate in known:
            if self.key(candidate) == data:
                self.put(candidate)
                return candidate
        return None

    def __len__(self) -> int:
        return len(self._texts)


def suggestion_keyboard(questions: Sequence[str], store: SuggestionStore) -> InlineKeyboardMarkup | None:
    """One button per question; tapping one asks it."""
    rows = [[InlineKeyboardButton(q if len(q) <= 60 else q[:59] + "…", callback_data=store.put(q))]
            for q in questions if q.strip()]
    return InlineKeyboardMarkup(rows) if rows else None


def inline_article(answer: Answer) -> InlineQueryResultArticle:
    """An inline-mode result that posts the question, the answer and its citations."""
    ident = hashlib.blake2b(f"{answer.question}\x00{','.join(answer.facts)}".encode("utf-8", "surrogatepass"),
                            digest_size=16).hexdigest()
    # every chunk is valid alone, and the first one carries the answer
    message = render_answer(answer, show_question=True)[0]
    description = answer.text.replace("\n", " ")
    return InlineQueryResultArticle(
        id=ident,
        title=answer.question.strip()[:100] or "?",
        description=description[:120],
        input_message_content=InputTextMessageContent(message, parse_mode=ParseMode.HTML),
    )

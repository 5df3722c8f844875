"""Read a YAML file safely and remember the line of every node, so errors can say FILE:LINE."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# libyaml is 10x faster than the pure-Python parser and keeps node marks; fall back where it is not compiled in
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 2_000_000  # a knowledge file is a few dozen KB; anything this large is a mistake, not knowledge

Loc = tuple[str | int, ...]


@dataclass
class YamlDoc:
    """Parsed data plus the line (1-based) where each path into it starts."""

    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int:
        """Line of the deepest known node on `loc`."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


class YamlProblem(Exception):
    """A file that cannot be read as YAML; `line` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


# PyYAML's pure-Python parser rejects a plain `?` before `,` or `]` in a flow list; libyaml accepts it.
# Knowledge must read the same in every YAML tool, so the pattern is an error whichever parser runs.
_FLOW_QUESTION = re.compile(r"^[^#\n]*\[[^\]\n]*[^\s\"'\[,]\?\s*[,\]]")
FLOW_QUESTION_HELP = (
    "a question ending in '?' inside [ ... ] confuses YAML (in flow style '?' starts a key): "
    "write the list one item per line as '- 问题?' or put each question in quotes"
)


def _explain_parser_error(err: yaml.MarkedYAMLError, text: str) -> str:
    problem = err.problem or "syntax error"
    mark = err.problem_mark
    if mark is not None and "expected ',' or ']'" in problem and "'?'" in problem:
        return FLOW_QUESTION_HELP
    if mark is not None:
        line = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
        if "\t" in line[: len(line) - len(line.lstrip())]:
            return "a tab character is used for indentation: YAML allows only spaces"
    context = f" ({err.context})" if err.context else ""
    return f"YAML syntax error: {problem}{context}"


def _walk(node: yaml.Node, loc: Loc, lines: dict[Loc, int], problems: list[YamlProblem]) -> None:
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in seen:
                first = seen[key]
                problems.append(YamlProblem(line, f"key '{key}' appears twice in one mapping (first on line {first})"))
            seen[key] = line
            _walk(value_node, (*loc, key), lines, problems)
            lines[(*loc, key)] = line
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*loc, i), lines, problems)


def load_yaml(path: Path) -> tuple[YamlDoc, list[YamlProblem]]:
    """Parse `path`; return the document and non-fatal problems, or raise YamlProblem if unreadable."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlProblem(1, f"cannot read file: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise YamlProblem(1, f"file is {len(raw):,} bytes; knowledge files must stay under {MAX_BYTES:,}")
    if b"\x00" in raw:
        raise YamlProblem(1, "file contains NUL bytes: it is binary, not YAML text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}): save the file as UTF-8") from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise YamlProblem(1, "file is empty")
        problems = [YamlProblem(i, FLOW_QUESTION_HELP)
                    for i, line in enumerate(text.splitlines(), 1) if _FLOW_QUESTION.match(line)]
        lines: dict[Loc, int] = {}
        _walk(node, (), lines, problems)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise YamlProblem(line, _explain_parser_error(exc, text)) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, f"YAML error: {exc}") from None
    except RecursionError:
        raise YamlProblem(1, "YAML nesting is too deep") from None
    finally:
        loader.dispose()
    return YamlDoc(data, lines), problems

"""The command-line contract of ../shared/DESIGN.md, run as a user runs it: a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

from bot.normalize import detect_script


def bot(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, timeout=120)


def test_ask_json_one_line_with_citation() -> None:
    res = bot("ask", "--json", "茂名的培训是哪几天？")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.decode().splitlines()
    assert len(lines) == 1
    obj = json.loads(lines[0])
    assert set(obj) >= {"question", "answered", "answer", "citations", "confidence", "facts", "suggestions"}
    assert obj["answered"] is True and "24" in obj["answer"]
    cite = obj["citations"][0]
    assert cite["article"] == "maoming-2024" and cite["outlet"] == "香港商報網" and cite["published"] == "2024-04-27"
    seed = open("seeds/000_edb72c36c16e74c2.txt", encoding="utf-8").read()
    assert cite["quote"] in seed


def test_ask_human_readable_traditional_in_traditional() -> None:
    res = bot("ask", "茂名培訓是哪幾天？")
    assert res.returncode == 0
    out = res.stdout.decode()
    first = out.splitlines()[0]
    assert detect_script(first) == "traditional", first
    assert "香港商報網" in out


def test_ask_json_stdin_one_line_out_per_line_in() -> None:
    lines = [
        "茂名培训哪几天".encode(),
        b"",
        b"\xff\xfe garbage \x80",
        "红酒怎么挑选".encode(),
        b"a\x00b\rc",
        "有\u2028分隔".encode(),
        b"x" * 5000,
        "湖北有多少个分课堂".encode(),
    ]
    res = bot("ask", "--json", "-", stdin=b"\n".join(lines) + b"\n")
    assert res.returncode == 0, res.stderr
    out = res.stdout.split(b"\n")
    assert out[-1] == b""
    objs = [json.loads(x) for x in out[:-1]]
    assert len(objs) == len(lines)
    assert objs[0]["answered"] and not objs[1]["answered"] and not objs[3]["answered"]
    assert objs[1]["question"] == "" and objs[1]["suggestions"]
    assert "\ufffd" in objs[2]["question"]
    assert not objs[6]["answered"]
    assert objs[7]["answered"] and "131" in objs[7]["answer"]
    assert b"Traceback" not in res.stderr


def test_ask_json_stdin_without_final_newline_and_empty_input() -> None:
    res = bot("ask", "--json", "-", stdin="培训在哪里举行\n谁主办的".encode())
    assert len(res.stdout.decode().splitlines()) == 2
    assert bot("ask", "--json", "-", stdin=b"").stdout == b""


def test_both_trainings_question_gets_both_labelled_answers() -> None:
    obj = json.loads(bot("ask", "--json", "培训在哪里举行？").stdout)
    assert obj["answered"]
    assert {c["article"] for c in obj["citations"]} == {"maoming-2024", "hubei-2023"}
    assert "【" in obj["answer"]


def test_out_of_scope_declined_with_three_suggestions() -> None:
    obj = json.loads(bot("ask", "--json", "红酒怎么挑选").stdout)
    assert obj["answered"] is False and obj["facts"] == [] and obj["citations"] == []
    assert len(obj["suggestions"]) == 3


def test_broken_knowledge_makes_ask_fail_cleanly(tmp_path) -> None:  # type: ignore[no-untyped-def]
    res = bot("ask", "--knowledge", str(tmp_path / "missing"), "x")
    assert res.returncode == 1
    assert b"Traceback" not in res.stderr and b"knowledge directory not found" in res.stderr

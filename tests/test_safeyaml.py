"""The bounded YAML loader: every hostile construct is one located ``YamlError``, never a traceback,
never gigabytes; valid files read as ``yaml.safe_load`` reads them, timestamps left as strings."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest
import yaml

from kb.safeyaml import MAX_DEPTH, YamlError, iso_date, load_yaml, parse_yaml, sequence_lines


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """The "billion laughs": a few hundred bytes that expand to ``width ** levels`` strings."""
    lines = ['a0: &a0 ["lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


REFUSED = {
    "alias bomb": (alias_bomb(), 2, "aliases"),
    "one alias": ("a: &x 1\nb: *x\n", 2, "aliases"),
    "python object": ("x: !!python/object/apply:os.system ['echo hi']\n", 1, "python/object/apply"),
    "python name": ("x: !!python/name:os.system\n", 1, "python/name"),
    "binary": ("a: !!binary aGVsbG8=\n", 1, "binary"),
    "set": ("a: !!set {x, y}\n", 1, "set"),
    "explicit timestamp": ("a: !!timestamp 2020-13-45\n", 1, "timestamp"),
    "unknown local tag": ("a: !foo bar\n", 1, "!foo"),
    "complex key (flow)": ("? [a]: b\n", 1, "plain value"),
    "complex key (block)": ("? [a]\n: b\n", 1, "plain value"),
    "mapping key": ("{a: 1}: b\n", 1, "plain value"),
    "deep flow nesting": ("a: " + "[" * 100_000 + "]" * 100_000 + "\n", 1, "nested"),
    "deep block nesting": ("".join(" " * i + "a:\n" for i in range(200)), MAX_DEPTH, "nested"),
    "huge integer": ("a: " + "1" * 6000 + "\n", 1, "digits"),
    "two documents": ("a: 1\n---\nb: 2\n", 2, "single document"),
    "tab indentation": ("a:\n\t- b\n", 2, "cannot start any token"),
    "NUL byte": ("title: a\nb: \x00\n", 2, "U+0000"),
    "unclosed flow": ("title: [unclosed\n", 2, "flow sequence"),
}


@pytest.mark.parametrize("name", REFUSED)
def test_hostile_constructs_are_one_located_error(name):
    text, line, words = REFUSED[name]
    with pytest.raises(YamlError) as caught:
        parse_yaml(text)
    assert caught.value.line == line
    assert words in caught.value.message
    assert "\n" not in caught.value.message and len(caught.value.message) < 300


def test_an_alias_bomb_costs_no_memory():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(20):
        with pytest.raises(YamlError):
            parse_yaml(alias_bomb(levels=12, width=12))
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # kB


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date: 2020-13-45\n", {"date": "2020-13-45"}),
        ("date: 2020-02-30\n", {"date": "2020-02-30"}),
        ("date: 2020-01-01 10:00:00+25:00\n", {"date": "2020-01-01 10:00:00+25:00"}),
        ("date: 2021-09-02\n", {"date": "2021-09-02"}),
        ("kind: [x]\n", {"kind": ["x"]}),
        ("<<: {a: 1}\nb: =\n", {"<<": {"a": 1}, "b": "="}),
        (
            "title: x\nn: 3\nf: 1.5\nt: yes\nnothing: ~\n",
            {"title": "x", "n": 3, "f": 1.5, "t": True, "nothing": None},
        ),
        ("", None),
    ],
)
def test_valid_yaml_reads_with_timestamps_as_strings(text, expected):
    assert parse_yaml(text).data == expected


def test_the_project_files_read_as_safe_load_reads_them():
    root = Path(__file__).resolve().parent.parent
    for path in [root / "metadata.yml", *sorted((root / "extract").glob("*.yml"))]:
        assert load_yaml(path).data == yaml.safe_load(path.read_text(encoding="utf-8")), path


def test_a_file_too_large_or_not_utf8_is_refused(tmp_path):
    big = tmp_path / "big.yml"
    big.write_text("a: " + "x" * 2000 + "\n", encoding="utf-8")
    with pytest.raises(YamlError, match="larger than 1,000 bytes"):
        load_yaml(big, max_bytes=1000)
    latin = tmp_path / "latin.yml"
    latin.write_bytes("a: 1\ntitle: Müller\n".encode("cp1252"))
    with pytest.raises(YamlError, match="not UTF-8") as caught:
        load_yaml(latin)
    assert caught.value.line == 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020", "2020"),
        (2020, "2020"),
        ("2020-02", "2020-02"),
        ("2020-02-29", "2020-02-29"),
        ("2021-09-02T10:00:00+02:00", "2021-09-02T10:00:00+02:00"),
        ("2020-13-45", None),
        ("2020-02-30", None),
        ("2021-02-29", None),
        ("2020-13", None),
        ("2020-01-01 10:00:00+25:00", None),
        ("next week", None),
        (True, None),
        (["2020"], None),
    ],
)
def test_iso_date(value, expected):
    assert iso_date(value) == expected


def test_sequence_lines():
    document = parse_yaml("# head\ndecisions:\n  - {a: 1}\n\n  - a: 2\n    b: 3\n")
    assert sequence_lines(document.node, "decisions") == [3, 5]
    assert sequence_lines(document.node, "other") == []

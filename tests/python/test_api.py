# SPDX-License-Identifier: MIT
"""The zhscan Python API: offsets, types, batch, DataFrame, errors, random input."""
import json
import os
import pickle
import random
import subprocess
import tempfile
from decimal import Decimal

import pytest

import zhscan
from conftest import run_cli

# Text written for these tests: CJK, Latin-1 (2 bytes), an emoji (4 bytes) before metrics,
# outline markers on three levels, a range, a ratio, a change, an approximation.
DOC = (
    "Café 😀 报告\n"
    "第一章 总则\n"
    "一、基本情况\n"
    "2023年全市完成投资465万元，同比增长12.5%，约3000多万元用于教育。\n"
    "（一）新建校舍13.73万平方米，男女比例45:55，覆盖2-3所学校。\n"
    "（二）人数由800人提高到1050人，气温零下5度。\n"
    "二、下一步\n"
    "计划投入1.2亿元，铅含量80毫克/100毫升。\n"
)

FIELDS = ["start", "end", "text", "value", "low", "high", "ratio", "approx", "unit",
          "unit_text", "category", "numeral", "number", "change_from", "base_value", "base_low",
          "base_high", "base_unit", "section", "change", "indicator", "terms"]


def plain(d):
    """A to_dict() / JSON record with tuples as lists (JSON has arrays only)."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}


def test_metrics_fields_and_values():
    ms = zhscan.metrics(DOC)
    by_text = {m.text: m for m in ms}
    assert list(ms[0].to_dict()) == FIELDS
    assert list(zhscan.Metric._fields) == FIELDS
    m = by_text["465万元"]
    assert (m.value, m.unit, m.unit_text, m.category, m.numeral, m.number) == (
        4650000, "元", "万元", "currency", "mixed", "465")
    assert type(m.value) is int and m.value_decimal == Decimal(4650000)
    assert m.approx is None and m.low is None and m.ratio is None and m.change_from is None
    p = by_text["12.5%"]
    assert type(p.value) is float and p.value == 12.5 and p.value_decimal == Decimal("12.5")
    assert by_text["约3000多万元"].approx == "more_than"
    area = by_text["13.73万平方米"]
    assert area.value == 137300 and type(area.value) is int and area.category == "area"
    r = by_text["45:55"]
    assert r.ratio == (45, 55) and r.value is None and r.value_decimal is None
    rng = by_text["2-3所"]
    assert (rng.low, rng.high, rng.value) == (2, 3, None)
    assert rng.low_decimal == Decimal(2) and rng.high_decimal == Decimal(3)
    to = by_text["1050人"]
    assert to.change_from is not None and ms[to.change_from].text == "800人"
    assert by_text["1.2亿元"].value == 120000000
    rate = by_text["80毫克/100毫升"]  # a numeric denominator, kept from the text
    assert (rate.unit, rate.category) == ("毫克/100毫升", "rate")
    assert pickle.loads(pickle.dumps(rate)).unit == "毫克/100毫升"
    # section: the start of the innermost section's marker
    starts = {mk.text: mk.start for mk in zhscan.markers(DOC)}
    assert m.section == starts["一、"] and DOC[m.section:m.section + 2] == "一、"
    assert area.section == starts["（一）"] and to.section == starts["（二）"]
    assert rate.section == starts["二、"]


def test_section_before_first_marker_and_without_markers():
    text = "前言：总投资5亿元。\n一、概况\n投资3万元。\n"
    ms = zhscan.metrics(text)
    assert [(m.text, m.section) for m in ms] == [("5亿元", None), ("3万元", text.index("一、"))]
    assert [m.section for m in zhscan.metrics("没有标题，共5人，增长3%。")] == [None, None]
    raw = text.encode()
    assert [m.section for m in zhscan.metrics(raw)] == [None, raw.index("一、".encode())]


# Values that doubles get wrong: 2.01 * 10000 is 20099.999999999996 in doubles, and
# 9007199254740993 (2^53 + 1) has no double at all.
EXACT_DOC = ("甲投资2.01万元，乙9007.199254740993万亿元，丙1.1万吨，丁0.07%，戊1.1万-2.01万元，"
             "己比例1.5:2.5，庚12345678901234567890123元，辛百分之三十三点三，壬负3.5%，子0.1万个。")


def test_exact_values():
    by_text = {m.text: m for m in zhscan.metrics(EXACT_DOC)}
    m = by_text["2.01万元"]
    assert type(m.value) is int and m.value == 20100 and m.value_decimal == Decimal("20100")
    big = by_text["9007.199254740993万亿元"]
    assert type(big.value) is int and big.value == 9007199254740993
    assert big.value_decimal == Decimal("9007199254740993")
    assert pickle.loads(pickle.dumps(big)).value == 9007199254740993
    assert by_text["1.1万吨"].value == 11000 and by_text["0.1万个"].value == 1000
    pct = by_text["0.07%"]
    assert type(pct.value) is float and pct.value == 0.07 and str(pct.value_decimal) == "0.07"
    rng = by_text["1.1万-2.01万元"]
    assert (rng.low, rng.high) == (11000, 20100) and type(rng.high) is int
    assert (rng.low_decimal, rng.high_decimal) == (Decimal(11000), Decimal(20100))
    r = by_text["1.5:2.5"]
    assert r.ratio == (1.5, 2.5) and r.ratio_decimal == (Decimal("1.5"), Decimal("2.5"))
    assert by_text["百分之三十三点三"].value_decimal == Decimal("33.3")
    assert by_text["负3.5%"].value == -3.5 and by_text["负3.5%"].value_decimal == Decimal("-3.5")
    # beyond 19 significant digits the tool prints the double: so do value and value_decimal
    long = by_text["12345678901234567890123元"]
    assert long.value == 1.2345678901234568e22 and type(long.value) is float
    assert long.value_decimal == Decimal("1.2345678901234568e22")
    # the DataFrame has the same values as floats
    df = zhscan.metrics_frame([EXACT_DOC])
    assert list(df["value"].dropna()) == [float(m.value) for m in zhscan.metrics(EXACT_DOC)
                                          if m.value is not None]
    n = zhscan.parse_number("9007.199254740993万亿")
    assert n.value == 9007199254740993 and n.value_decimal == Decimal(9007199254740993)
    assert zhscan.parse_number("2.01万").value == 20100
    assert zhscan.parse_number("三分之一").value_decimal == Decimal(str(1 / 3))  # like the tool


def test_exact_values_same_as_cli(cli):
    raw = EXACT_DOC.encode()
    want = run_cli(cli, "metrics", stdin=raw)
    got = [plain(m.to_dict()) for m in zhscan.metrics(raw)]
    assert got == want
    # and the same types: json.loads gives int for the tool's integers, float otherwise
    assert [type(g["value"]) for g in got] == [type(w["value"]) for w in want]
    lines = ["2.01万", "9007.199254740993万亿", "三分之一", "12345678901234567890123", "0.07"]
    want_n = run_cli(cli, "number", stdin="\n".join(lines).encode() + b"\n")
    got_n = [zhscan.parse_number(x).value for x in lines]
    assert got_n == [w["value"] for w in want_n]
    assert [type(v) for v in got_n] == [type(w["value"]) for w in want_n]


def test_str_offsets_are_code_points():
    ms = zhscan.metrics(DOC)
    assert len(ms) >= 8
    for m in ms:
        assert DOC[m.start:m.end] == m.text
        assert m.number in m.text


@pytest.mark.parametrize("doc", [DOC, DOC.replace("😀", "")])  # str storage UCS-4, UCS-2
def test_bytes_offsets_are_bytes(doc):
    raw = doc.encode("utf-8")
    by_str = zhscan.metrics(doc)
    for kind in (raw, memoryview(raw), bytearray(raw)):
        by_bytes = zhscan.metrics(kind)
        assert [m.text for m in by_bytes] == [m.text for m in by_str]
        for mb, ms in zip(by_bytes, by_str):
            assert raw[mb.start:mb.end].decode("utf-8") == mb.text
            assert mb.start == len(doc[:ms.start].encode("utf-8"))
            assert mb.end == len(doc[:ms.end].encode("utf-8"))
            if ms.section is None:
                assert mb.section is None
            else:
                assert mb.section == len(doc[:ms.section].encode("utf-8"))
            def b(cp):  # code-point offset -> byte offset
                return len(doc[:cp].encode("utf-8"))
            if ms.indicator is None:
                assert mb.indicator is None
            else:
                assert doc[ms.indicator["start"]:ms.indicator["end"]] == ms.indicator["text"]
                assert mb.indicator == {"start": b(ms.indicator["start"]),
                                        "end": b(ms.indicator["end"]), "text": ms.indicator["text"]}
            if ms.change is None:
                assert mb.change is None
            else:
                level = ms.change["level"]
                assert mb.change == dict(ms.change, level=None if level is None else b(level))
            offsets = ("start", "end", "section", "change", "indicator")
            assert {k: v for k, v in mb.to_dict().items() if k not in offsets} == \
                   {k: v for k, v in ms.to_dict().items() if k not in offsets}


def test_ascii_and_wide_str_agree():
    ascii_doc = "Revenue 465 yuan, 12.5% up; 45:55 ratio. " * 3
    for text in (ascii_doc, ascii_doc + "é", ascii_doc + "😀"):
        for m in zhscan.metrics(text):
            assert text[m.start:m.end] == m.text


def test_invalid_utf8_bytes():
    raw = b"\xff\xfe\xc0" + "投资465万元".encode() + b"\xed\xa0\x80" + "12%".encode() + b"\xe4"
    ms = zhscan.metrics(raw)
    assert [m.text for m in ms] == ["465万元", "12%"]
    for m in ms:
        assert raw[m.start:m.end].decode("utf-8", "replace") == m.text
    toks = zhscan.tokens(raw)
    assert toks[0].start == 0 and toks[-1].end == len(raw)
    assert "invalid" in {t.kind for t in toks}


def test_lone_surrogates_in_str():
    text = "\ud800投资465万元\udfff"
    ms = zhscan.metrics(text)
    assert [m.text for m in ms] == ["465万元"]
    assert text[ms[0].start:ms[0].end] == "465万元"
    toks = zhscan.tokens(text)
    assert toks[-1].end == len(text)


def test_batch_equals_single_in_order():
    texts = [DOC, DOC.encode(), "", "没有数量", "增长3%" * 50, memoryview("共5人".encode())] * 7
    single = [zhscan.metrics(t) for t in texts]
    for threads in (0, 1, 2, 3, 64):
        assert zhscan.metrics_batch(texts, threads=threads) == single
    assert zhscan.metrics_batch(iter(texts[:3])) == single[:3]
    assert zhscan.metrics_batch([]) == []


def test_metric_pickle_and_equality():
    ms = zhscan.metrics(DOC)
    back = pickle.loads(pickle.dumps(ms))
    assert back == ms
    assert [m.to_dict() for m in back] == [m.to_dict() for m in ms]
    assert ms[0] != ms[1]
    assert repr(ms[0]).startswith("Metric(start=")


def test_frame_columns_and_dtypes():
    pd = pytest.importorskip("pandas")
    texts = [DOC, "无", DOC.encode()]
    df = zhscan.metrics_frame(texts)
    expected = ["doc", "start", "end", "text", "value", "low", "high", "ratio_a", "ratio_b",
                "approx", "unit", "unit_text", "category", "numeral", "number", "change_from",
                "base_value", "base_low", "base_high", "base_unit",
                "section", "change_direction", "change_measure", "change_delta", "change_base",
                "change_level", "indicator_start", "indicator_end", "indicator", "terms"]
    assert list(df.columns) == expected
    dt = df.dtypes
    assert dt["doc"] == "int64" and dt["start"] == "int64" and dt["end"] == "int64"
    for c in ("value", "low", "high", "ratio_a", "ratio_b", "base_value", "base_low", "base_high"):
        assert dt[c] == "float64"
    for c in ("text", "unit_text", "number"):
        assert isinstance(dt[c], pd.StringDtype)
    for c in ("approx", "unit", "category", "numeral", "base_unit"):
        assert isinstance(dt[c], pd.CategoricalDtype)
    assert isinstance(dt["change_from"], pd.Int64Dtype) and isinstance(dt["section"], pd.Int64Dtype)
    single = [zhscan.metrics(t) for t in texts]
    assert len(df) == sum(len(s) for s in single)
    assert list(df["doc"]) == [i for i, s in enumerate(single) for _ in s]
    rows = [m for s in single for m in s]
    assert list(df["text"]) == [m.text for m in rows]
    assert list(df["start"]) == [m.start for m in rows]
    for v, m in zip(df["value"], rows):
        assert (pd.isna(v) and m.value is None) or v == m.value
    for v, m in zip(df["change_from"], rows):
        assert (v is pd.NA and m.change_from is None) or v == m.change_from
    assert list(df["section"]) == [pd.NA if m.section is None else m.section for m in rows]
    assert df["section"].notna().any()
    ratio = df[df["category"] == "ratio"].iloc[0]
    assert (ratio["ratio_a"], ratio["ratio_b"]) == (45.0, 55.0)
    empty = zhscan.metrics_frame([])
    assert list(empty.columns) == expected and len(empty) == 0


def test_tokens_markers_outline():
    toks = zhscan.tokens(DOC)
    assert toks[0].start == 0 and toks[-1].end == len(DOC)
    assert all(a.end == b.start for a, b in zip(toks, toks[1:]))
    assert toks[0] == zhscan.Token(0, 3, "ascii_letter") and DOC[0:3] == "Caf"
    assert toks[3] == zhscan.Token(5, 6, "symbol")  # the emoji: one code point
    mk = zhscan.markers(DOC)
    assert [m.text for m in mk] == ["第一章", "一、", "（一）", "（二）", "二、"]
    for m in mk:
        assert DOC[m.start:m.end] == m.text
    starts = {m.start: m for m in mk}
    assert mk[0].parent is None and starts[mk[2].parent].text == "一、"
    secs = zhscan.outline(DOC)
    assert len(secs) == len(mk)
    assert secs[1].heading.text == "基本情况"
    assert DOC[secs[1].heading.start:secs[1].heading.end] == "基本情况"
    for s in secs:
        assert s.marker.text == DOC[s.marker.start:s.marker.end]
        for c in s.children:
            assert secs[c].parent == s.index
            assert s.body.start <= secs[c].marker.start and secs[c].body.end <= s.body.end


def test_parse_number():
    assert zhscan.parse_number(" 两万三千 ") == (" 两万三千 ", 23000, None, Decimal(23000))
    n = zhscan.parse_number("3.5万")
    assert n.value == 35000 and type(n.value) is int and n.error is None
    assert zhscan.parse_number("三分之二").value == pytest.approx(2 / 3)
    assert zhscan.parse_number("12.25").value_decimal == Decimal("12.25")
    assert zhscan.parse_number("").error == "empty"
    assert zhscan.parse_number("不是数字").error == "invalid_argument"
    assert zhscan.parse_number("3.5万".encode()).value == 35000


@pytest.mark.parametrize("fn", [zhscan.metrics, zhscan.tokens, zhscan.markers, zhscan.outline,
                                zhscan.chunks, zhscan.parse_number])
def test_wrong_types_raise_type_error(fn):
    for bad in (None, 3, 2.5, ["文本"], {"a": 1}):
        with pytest.raises(TypeError, match="str, bytes or memoryview"):
            fn(bad)


def test_batch_errors():
    with pytest.raises(TypeError, match="sequence of texts"):
        zhscan.metrics_batch("一段文本")
    with pytest.raises(TypeError, match="item 1 has type int"):
        zhscan.metrics_batch(["a", 1])
    with pytest.raises(TypeError, match="iterable"):
        zhscan.metrics_batch(5)
    with pytest.raises(ValueError, match="threads"):
        zhscan.metrics_batch(["a"], threads=-1)
    with pytest.raises(TypeError, match="item 0"):
        zhscan.metrics_frame([None])
    strided = memoryview(b"abcdef")[::2]
    with pytest.raises(TypeError, match="C-contiguous"):
        zhscan.metrics(strided)


ALPHABET = list("0123456789.,-%:万亿千百十一二三四五六七八九零两元人年月日个所吨米平方约多余以上下第章、（）() \n\t") + \
    ["\u3000", "😀", "é", "\ud800", "\x00", "ｱ", "①", "Ⅳ", "％", "．"]


def check_result_invariants(text, n):
    for fn in (zhscan.metrics, zhscan.markers, zhscan.tokens, zhscan.chunks):
        items = fn(text)
        prev_end = 0
        for it in items:  # in text order, not overlapping, inside the text
            assert prev_end <= it.start <= it.end <= n
            prev_end = it.end
    secs = zhscan.outline(text)
    for s in secs:
        assert 0 <= s.body.start <= s.body.end <= n
    for m in zhscan.metrics(text):
        assert m.section is None or 0 <= m.section <= m.start
    zhscan.parse_number(text)


def test_random_strings_and_bytes_do_not_crash():
    rng = random.Random(12)
    for _ in range(300):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 200)))
        check_result_invariants(text, len(text))
        for m in zhscan.metrics(text):
            assert text[m.start:m.end] == m.text
        raw = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 200)))
        check_result_invariants(raw, len(raw))
        mixed = text.encode("utf-8", "surrogatepass")
        cut = mixed[: rng.randrange(0, len(mixed) + 1)]
        check_result_invariants(cut, len(cut))
    texts = ["".join(rng.choice(ALPHABET) for _ in range(100)) for _ in range(50)]
    assert zhscan.metrics_batch(texts, threads=2) == [zhscan.metrics(t) for t in texts]


def test_large_input():
    big = DOC * 20000  # about 4 MB of UTF-8
    ms = zhscan.metrics(big)
    per_doc = len(zhscan.metrics(DOC))
    assert len(ms) == per_doc * 20000
    last = ms[-1]
    assert big[last.start:last.end] == last.text
    assert zhscan.metrics_batch([big, big.encode()], threads=2)[0] == ms


def test_same_values_as_cli(cli):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "doc.txt")
        raw = DOC.encode() + b"\xff" + "另有7.5吨".encode()
        with open(path, "wb") as f:
            f.write(raw)
        want = run_cli(cli, "metrics", path)
        got = [plain(m.to_dict()) for m in zhscan.metrics(raw)]
        assert got == want
        assert [t._asdict() for t in zhscan.tokens(raw)] == run_cli(cli, "tokens", path)
        assert [m._asdict() for m in zhscan.markers(raw)] == run_cli(cli, "markers", path)
        tree = json.loads(subprocess.run([cli, "outline", path], capture_output=True,
                                         check=True).stdout)
        secs = zhscan.outline(raw)
        assert tree["bytes"] == len(raw) and len(tree["sections"]) == len(secs)
        for s, t in zip(secs, tree["sections"]):
            assert (s.index, s.parent, s.level, list(s.children)) == (t["index"], t["parent"], t["level"], t["children"])
            assert s.marker._asdict() == t["marker"] and s.heading._asdict() == t["heading"]
            assert s.body._asdict() == t["body"]
        numbers = ["两万三千", " 3.5万 ", "三分之二", "", "abc", "1,200.5", "负三"]
        got_n = []
        for line in numbers:
            n = zhscan.parse_number(line)
            got_n.append({"input": line, "value": n.value} if n.error is None else
                         {"input": line, "error": n.error})
        want_n = [json.loads(x) for x in subprocess.run(
            [cli, "number"], input="\n".join(numbers) + "\n", capture_output=True, text=True,
            check=True).stdout.splitlines()]
        assert got_n == want_n


def test_readme_example(capsys):
    """The README's Python example prints what its comments say."""
    import re

    readme = open(os.path.join(os.path.dirname(__file__), "..", "..", "README.md"), encoding="utf-8").read()
    section = readme[readme.index("\n## Python\n"):]
    block = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    expected = [line[2:] for line in block.splitlines() if line.startswith("# ")]
    assert expected
    exec(compile(block, "README.md", "exec"), {})
    assert capsys.readouterr().out.splitlines() == expected

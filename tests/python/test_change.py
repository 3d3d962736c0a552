# SPDX-License-Identifier: MIT
"""Metric.change and Metric.indicator: the change pass (zhscan/change.hpp), like the CLI."""
import pickle
from decimal import Decimal

import pytest

import zhscan
from conftest import run_cli

# Written for these tests: an emoji (4 bytes, 1 code point) before everything, a level with
# a change against a base (比上年增长), a fall (同比下降), and 由A提高到B whose delta
# 2.65 - 2.1 is not exact in binary floating point.
TEXT = ("😀前言：全年粮食总产量达到6.5亿吨，比上年增长2.3%，工业用电量同比下降1.4%。"
        "研发投入强度由2.1%提高到2.65%。出生人口共38人。")


def by_text(ms):
    return {m.text: m for m in ms}


def test_change_and_indicator_str_offsets():
    ms = zhscan.metrics(TEXT)
    t = by_text(ms)
    level = t["6.5亿吨"]
    assert level.change is None and level.change_delta_decimal is None
    assert level.indicator == {"start": TEXT.index("粮食"), "end": TEXT.index("达到"),
                               "text": "粮食总产量"}
    up = t["2.3%"]
    assert up.change == {"direction": "up", "measure": "percent", "delta": 2.3, "base": "上年",
                         "level": level.start}
    assert up.change_delta_decimal == Decimal("2.3")
    assert up.indicator == level.indicator
    down = t["1.4%"]
    assert down.change == {"direction": "down", "measure": "percent", "delta": -1.4,
                           "base": "同比", "level": None}
    assert down.indicator["text"] == "工业用电量"
    assert TEXT[down.indicator["start"]:down.indicator["end"]] == "工业用电量"
    # 由2.1%提高到2.65%: both ends carry the change, in percentage points, exactly 0.55
    a, b = t["2.1%"], t["2.65%"]
    assert b.change_from == ms.index(a)
    for m in (a, b):
        assert m.change == {"direction": "up", "measure": "pp", "delta": 0.55, "base": None,
                            "level": None}
        assert m.change_delta_decimal == Decimal("0.55")
        assert m.indicator["text"] == "研发投入强度"
    assert t["38人"].change is None
    # to_dict has them in the CLI's order, before "terms" (the last field)
    assert list(up.to_dict())[-3:] == ["change", "indicator", "terms"]


def test_change_bytes_offsets_and_cli(cli):
    raw = TEXT.encode()
    want = run_cli(cli, "metrics", stdin=raw)
    got = [m.to_dict() for m in zhscan.metrics(raw)]
    got = [{k: list(v) if isinstance(v, tuple) else v for k, v in d.items()} for d in got]
    assert got == want
    assert any(w["change"] for w in want) and any(w["indicator"] for w in want)
    # the delta's type too (json.loads: int for an integer, else float)
    assert [type((g["change"] or {}).get("delta")) for g in got] == \
           [type((w["change"] or {}).get("delta")) for w in want]
    # a memoryview and a batch give the same
    assert [m.to_dict() for m in zhscan.metrics(memoryview(raw))] == \
           [m.to_dict() for m in zhscan.metrics(raw)]
    assert zhscan.metrics_batch([raw, TEXT, b""], threads=2) == \
           [zhscan.metrics(raw), zhscan.metrics(TEXT), []]


def test_change_pickles():
    for doc in (TEXT, TEXT.encode(), TEXT + "\ud800"):  # a lone surrogate kept in a str
        ms = zhscan.metrics(doc)
        back = pickle.loads(pickle.dumps(ms))
        assert back == ms
        assert [m.to_dict() for m in back] == [m.to_dict() for m in ms]
        assert [m.change_delta_decimal for m in back] == [m.change_delta_decimal for m in ms]
        assert any(m.change and m.change["base"] for m in back)


def test_change_frame_columns():
    pd = pytest.importorskip("pandas")
    df = zhscan.metrics_frame([TEXT, "无", TEXT.encode()])
    rows = zhscan.metrics(TEXT) + zhscan.metrics(TEXT.encode())
    assert len(df) == len(rows)
    dt = df.dtypes
    assert isinstance(dt["change_direction"], pd.CategoricalDtype)
    assert isinstance(dt["change_measure"], pd.CategoricalDtype)
    assert dt["change_delta"] == "float64"
    assert isinstance(dt["change_base"], pd.StringDtype) and isinstance(dt["indicator"], pd.StringDtype)
    for c in ("change_level", "indicator_start", "indicator_end"):
        assert isinstance(dt[c], pd.Int64Dtype)
    for (_, row), m in zip(df.iterrows(), rows):
        c, ind = m.change or {}, m.indicator or {}
        assert (pd.isna(row["change_direction"]) and not c) or row["change_direction"] == c["direction"]
        assert (pd.isna(row["change_measure"]) and not c) or row["change_measure"] == c["measure"]
        assert (pd.isna(row["change_delta"]) and c.get("delta") is None) or row["change_delta"] == c["delta"]
        assert (row["change_base"] is pd.NA and c.get("base") is None) or row["change_base"] == c["base"]
        assert (row["change_level"] is pd.NA and c.get("level") is None) or row["change_level"] == c["level"]
        assert (row["indicator"] is pd.NA and not ind) or row["indicator"] == ind["text"]
        assert (row["indicator_start"] is pd.NA and not ind) or row["indicator_start"] == ind["start"]
        assert (row["indicator_end"] is pd.NA and not ind) or row["indicator_end"] == ind["end"]
    assert df["change_base"].eq("上年").any() and df["indicator"].eq("粮食总产量").any()

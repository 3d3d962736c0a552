# SPDX-License-Identifier: MIT
"""Metric.base_value / base_low / base_high / base_unit: `zhscan metrics`'s base fields."""
import pickle
from decimal import Decimal

import pytest

import zhscan
from conftest import run_cli

TEXT = ("这款平板的屏幕为6.1英寸，售价2.01万元。"
        "新修道路长3至5公里，男女比例为6:4，限速120公里/小时。")


def by_text(ms):
    return {m.text: m for m in ms}


def test_base_values_and_units():
    ms = by_text(zhscan.metrics(TEXT))
    inch = ms["6.1英寸"]
    assert inch.base_value == 0.15494 and isinstance(inch.base_value, float)
    assert inch.base_value_decimal == Decimal("0.15494")
    assert inch.base_unit == "m" and inch.base_low is None and inch.base_high is None
    yuan = ms["2.01万元"]
    assert yuan.base_value == 20100 and type(yuan.base_value) is int
    assert yuan.base_unit == "CNY" and yuan.base_value_decimal == Decimal("20100")
    km = ms["3至5公里"]
    assert km.base_value is None and km.base_unit == "m"
    assert (km.base_low, km.base_high) == (3000, 5000)
    assert type(km.base_low) is int and type(km.base_high) is int
    assert (km.base_low_decimal, km.base_high_decimal) == (Decimal(3000), Decimal(5000))
    ratio = ms["6:4"]
    assert ratio.ratio == (6, 4)
    assert ratio.base_unit is None and ratio.base_value is None
    assert ratio.base_low is None and ratio.base_high is None and ratio.base_value_decimal is None
    speed = ms["120公里/小时"]
    assert speed.base_unit == "m/s" and speed.base_value == 33.3333333333333
    assert speed.base_value_decimal == Decimal("33.3333333333333")


def test_base_fields_order_in_to_dict():
    d = zhscan.metrics(TEXT)[0].to_dict()
    keys = list(d)
    i = keys.index("change_from")
    assert keys[i + 1:i + 6] == ["base_value", "base_low", "base_high", "base_unit", "section"]


@pytest.mark.parametrize("form", ["str", "bytes"])
def test_base_fields_match_cli(cli, form):
    want = run_cli(cli, "metrics", stdin=TEXT.encode())
    doc = TEXT if form == "str" else TEXT.encode()
    got = [m.to_dict() for m in zhscan.metrics(doc)]
    assert len(got) == len(want) >= 4
    keys = ("base_value", "base_low", "base_high", "base_unit")
    assert [{k: g[k] for k in keys} for g in got] == [{k: w[k] for k in keys} for w in want]
    assert any(w["base_unit"] == "m" and w["base_low"] == 3000 for w in want)


def test_base_fields_pickle_and_frame():
    ms = zhscan.metrics(TEXT)
    back = pickle.loads(pickle.dumps(ms))
    assert back == ms
    for a, b in zip(ms, back):
        assert (a.base_value, a.base_low, a.base_high, a.base_unit) == \
               (b.base_value, b.base_low, b.base_high, b.base_unit)
        assert a.base_value_decimal == b.base_value_decimal
    pd = pytest.importorskip("pandas")
    df = zhscan.metrics_frame([TEXT])
    assert list(df["base_unit"].astype(object).where(df["base_unit"].notna(), None)) == \
        [m.base_unit for m in ms]
    km = df[df["text"] == "3至5公里"].iloc[0]
    assert (km["base_low"], km["base_high"]) == (3000.0, 5000.0) and pd.isna(km["base_value"])

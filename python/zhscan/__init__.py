# SPDX-License-Identifier: MIT
"""zhscan: Chinese prose scanner (UTF-8 tokens, outline markers, quantities).

Python bindings of the header-only C++ library. Every function takes one text:

* a ``str``: offsets are code-point indices, so ``text[m.start:m.end] == m.text``;
* ``bytes``, ``bytearray`` or a C-contiguous ``memoryview``: the UTF-8 bytes are scanned in
  place and offsets are byte offsets, as in the command-line tool's output. Ill-formed UTF-8
  is accepted (each ill-formed sequence is one U+FFFD in the ``text`` attributes, as in the
  command-line tool's JSON).

Result objects carry the fields of the command-line tool's JSON lines (``zhscan tokens``,
``markers``, ``outline``, ``metrics``, ``chunks``, ``number``) as attributes, with None for
JSON null, and the same values (numbers exactly: 2.01万元 is 20100).
The scans run with the GIL released; ``metrics_batch`` and ``metrics_frame`` run on C++
threads. Every function here is a plain Python function, so it can be pickled and handed to
Dask, multiprocessing or ``concurrent.futures``.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable, List, NamedTuple, Optional, Tuple, Union

from . import _zhscan
from ._zhscan import Metric

__all__ = [
    "Body", "Chunk", "Heading", "Marker", "Metric", "Number", "Section", "SectionMarker",
    "Token", "chunks", "markers", "metrics", "metrics_batch", "metrics_frame", "outline",
    "parse_number", "tokens", "__version__",
]

__version__: str = _zhscan.version

Text = Union[str, bytes, bytearray, memoryview]


class Token(NamedTuple):
    """One token (``zhscan tokens``): a run of one character class, or one character."""

    start: int  #: start offset (code points for str input, bytes otherwise)
    end: int  #: end offset, exclusive
    kind: str  #: "han", "ascii_letter", "ascii_digit", "space", "newline", "punct", ...


class Marker(NamedTuple):
    """One outline marker (``zhscan markers``): 一、 (一) 1. (1) ① 第一章 ..."""

    start: int  #: start offset
    end: int  #: end offset, exclusive
    text: str  #: the marker as written
    style: str  #: "han_dun", "paren_han", "arabic_dot", "chapter", ...
    ordinal: int  #: its number in its list (1 for 一、)
    level: int  #: 1 = top
    parent: Optional[int]  #: start offset of the parent marker, None at the top


class SectionMarker(NamedTuple):
    """The marker that opens a section (``zhscan outline``'s "marker")."""

    start: int
    end: int
    text: str
    style: str
    ordinal: int


class Heading(NamedTuple):
    """A section's title: empty (start == end, text "") when body text follows directly."""

    start: int
    end: int
    text: str


class Body(NamedTuple):
    """A section's content after its heading, up to the next marker of its level or above."""

    start: int
    end: int


class Section(NamedTuple):
    """One section of the outline (``zhscan outline``): one per marker, in text order."""

    index: int  #: its position in the list
    parent: Optional[int]  #: index of the parent section, None at the top
    level: int  #: 1 = top
    marker: SectionMarker
    heading: Heading
    body: Body
    children: Tuple[int, ...]  #: indices of the child sections


class Chunk(NamedTuple):
    """One chunk (``zhscan chunks``): a piece of the text inside one section, with the
    heading path of that section."""

    start: int  #: start offset (code points for str input, bytes otherwise)
    end: int  #: end offset, exclusive
    section: Optional[int]  #: start offset of the marker of its section, None before the first
    path: List[str]  #: heading labels (marker and heading as written) from the top level down
    text: str  #: the chunk's text


class Number(NamedTuple):
    """Result of :func:`parse_number` (``zhscan number``'s fields)."""

    input: str  #: the argument
    value: Union[int, float, None]  #: int when integral, else float; None on error
    error: Optional[str]  #: None, or "empty", "invalid_argument", "out_of_range"
    value_decimal: Optional[Decimal]  #: the exact value as a decimal.Decimal, None on error


def tokens(text: Text) -> List[Token]:
    """Splits ``text`` into tokens: runs of Han, Latin letters, digits, spaces; one token per
    newline, punctuation mark, symbol or ill-formed byte sequence. Returns a list of
    :class:`Token` (start, end, kind) covering the whole text.

    Raises TypeError unless ``text`` is a str, bytes or memoryview.
    """
    return [Token(*t) for t in _zhscan._tokens(text)]


def markers(text: Text) -> List[Marker]:
    """Finds the outline markers of ``text`` (一、 (一) 1. ① 第一章 首先 ...) with their level
    and parent. Returns a list of :class:`Marker` in text order.

    Raises TypeError unless ``text`` is a str, bytes or memoryview.
    """
    return [Marker(*t) for t in _zhscan._markers(text)]


def outline(text: Text) -> List[Section]:
    """The section tree of ``text``: one :class:`Section` per marker, in text order, with
    its heading, its body and the indices of its parent and children.

    Raises TypeError unless ``text`` is a str, bytes or memoryview.
    """
    _, secs = _zhscan._outline(text)
    return [
        Section(i, parent, level, SectionMarker(*mk), Heading(*hd), Body(*bd), kids)
        for i, parent, level, mk, hd, bd, kids in secs
    ]


def metrics(text: Text) -> List[Metric]:
    """Finds the quantities of ``text``: 465万元, 13.73万平方米, 54.96%, 百分之三十, 2-3所 ...
    Returns a list of :class:`Metric` in text order. A Metric's attributes are
    ``zhscan metrics``'s JSON fields: start, end, text, value, low, high, ratio, approx,
    unit, unit_text, category, numeral, number, change_from, base_value, base_low,
    base_high, base_unit, section, change, indicator (None for JSON null), with the tool's
    values.

    Numbers are exact (the digits as written, scaled by 万/亿 and units exactly): value,
    low, high and the ratio's terms are int when integral (2.01万元 -> 20100;
    9007.199254740993万亿元 -> 9007199254740993), else float; ``value_decimal`` (and
    low_decimal, high_decimal, ratio_decimal) give them as an exact decimal.Decimal (the
    digits the tool prints; beyond 19 significant digits, the float's digits, as there).

    ``base_value`` (a value), ``base_low`` and ``base_high`` (a range) are the amount in
    its base unit ``base_unit`` (6.1英寸 -> 0.15494 "m", 2.01万元 -> 20100 "CNY"; see
    zhscan/base_unit.hpp), exact like value (int or float), None where there is no base
    unit (ratios, most rates: base_unit None); base_value_decimal, base_low_decimal,
    base_high_decimal give them as exact decimal.Decimal.

    ``section`` is the start offset of the marker of the innermost :func:`outline` section
    holding the metric (None before the first marker), in the same unit as start and end.
    ``change`` is the change the metric states (增长5.3%, 下降1.6个百分点, 由A提高到B; see
    zhscan/change.hpp), a dict ``{"direction": "up"|"down"|"flat", "measure": "percent"|
    "pp"|"absolute"|"times", "delta": the signed exact delta (int or float; None for a
    range), "base": the comparison base as written (上年, 同比) or None, "level": start
    offset of the level metric it qualifies or None}``, else None; ``change_delta_decimal``
    is the delta as an exact decimal.Decimal. ``indicator`` is the words naming what is
    measured, ``{"start", "end", "text"}``, or None. Offsets are in the unit of start.

    ``m.to_dict()`` gives the JSON fields as a dict; Metrics pickle.

    Raises TypeError unless ``text`` is a str, bytes or memoryview.
    """
    return _zhscan.metrics(text)


def metrics_batch(texts: Iterable[Text], threads: int = 0) -> List[List[Metric]]:
    """:func:`metrics` of every text of ``texts``, in order, computed on ``threads`` C++
    threads (0 = all cores) with the GIL released. ``metrics_batch(ts)[i] == metrics(ts[i])``.

    Raises TypeError when ``texts`` is not an iterable of str / bytes / memoryview (a single
    str is refused), ValueError for a negative ``threads``.
    """
    return _zhscan.metrics_batch(texts, threads)


# Column dtypes of metrics_frame (a field missing here keeps the object dtype).
_FRAME_DTYPES = {
    "doc": "int64",
    "start": "int64",
    "end": "int64",
    "text": "string",
    "value": "float64",
    "low": "float64",
    "high": "float64",
    "approx": "category",
    "unit": "category",
    "unit_text": "string",
    "category": "category",
    "numeral": "category",
    "number": "string",
    "change_from": "Int64",
    "base_value": "float64",
    "base_low": "float64",
    "base_high": "float64",
    "base_unit": "category",
    "section": "Int64",
    # change and indicator are flattened (see metrics_frame)
    "change_direction": "category",
    "change_measure": "category",
    "change_delta": "float64",
    "change_base": "string",
    "change_level": "Int64",
    "indicator_start": "Int64",
    "indicator_end": "Int64",
    "indicator": "string",
}


def metrics_frame(texts: Iterable[Text], threads: int = 0) -> Any:
    """The metrics of every text of ``texts`` as one pandas DataFrame, one row per metric.

    Columns: ``doc`` (index of the text in ``texts``), then the fields of :class:`Metric`
    in ``zhscan metrics``'s order, typed: offsets int64; value, low, high float64 (NaN for
    None); the ratio as two float64 columns ``ratio_a``, ``ratio_b``; text, unit_text,
    number pandas "string"; approx, unit, category, numeral "category"; change_from and
    section the nullable "Int64"; base_value, base_low, base_high float64 and base_unit
    "category"; ``change`` flattened into change_direction,
    change_measure ("category"), change_delta (float64, NaN for none), change_base
    ("string"), change_level ("Int64"), and ``indicator`` into indicator_start,
    indicator_end ("Int64") and indicator (its text, "string"); missing values are NA.
    Runs on ``threads`` C++ threads like :func:`metrics_batch`.
    (float64 rounds integers beyond 2^53: take exact values from :func:`metrics`.)
    """
    import numpy as np
    import pandas as pd

    cols = _zhscan._metric_columns(texts, threads)
    flat = {}
    for name, values in cols.items():
        if name == "change":
            none = {}
            for key in ("direction", "measure", "delta", "base", "level"):
                flat["change_" + key] = [(c or none).get(key) for c in values]
        elif name == "indicator":
            none = {}
            for key, col in (("start", "indicator_start"), ("end", "indicator_end"),
                             ("text", "indicator")):
                flat[col] = [(c or none).get(key) for c in values]
        else:
            flat[name] = values
    data = {}
    for name, values in flat.items():
        if name == "ratio":
            pairs = [r if r else (None, None) for r in values]
            data["ratio_a"] = np.array([a for a, _ in pairs], dtype="float64")
            data["ratio_b"] = np.array([b for _, b in pairs], dtype="float64")
            continue
        dtype = _FRAME_DTYPES.get(name, "object")
        if dtype in ("int64", "float64"):  # None -> NaN
            data[name] = np.array(values, dtype=dtype)
        elif dtype == "category":
            data[name] = pd.Categorical(values)
        else:
            data[name] = pd.array(values, dtype=dtype)
    return pd.DataFrame(data, copy=False)


def chunks(text: Text, max_bytes: int = 2000) -> List[Chunk]:
    """Cuts ``text`` into heading-path chunks for retrieval, like ``zhscan chunks
    --max-bytes``: consecutive :class:`Chunk` objects that tile the text, each inside one
    outline section (every marker starts a chunk), cut after the last paragraph end that
    fits, else after the last sentence end (。！？； or ``. ! ? ;`` before white space) that
    fits; a single longer sentence is kept whole. A chunk has start, end, section (the
    start offset of its section's marker, None before the first marker), path (the heading
    labels from the top level down, [] before the first marker) and text.

    ``max_bytes`` counts UTF-8 bytes, also for a str (whose offsets are code points): a
    chunk of Chinese text holds about max_bytes / 3 characters. 0 makes every sentence its
    own chunk. Raises TypeError unless ``text`` is a str, bytes or memoryview, ValueError
    for a negative ``max_bytes``.
    """
    return [Chunk(*t) for t in _zhscan._chunks(text, max_bytes)]


def parse_number(s: Text) -> Number:
    """Reads ``s`` as one numeral, like a line of ``zhscan number``: blanks around it are
    ignored; Arabic (1,200 3.5 -3.5), Chinese (两万三千 二〇二三 壹佰), mixed (3.5万) and
    fractions (三分之二). Returns a :class:`Number`: ``value`` (int when integral, else
    float; exact, as ``zhscan number`` prints it), ``value_decimal`` (the exact
    decimal.Decimal) and ``error`` None on success, else value None and error "empty",
    "invalid_argument" or "out_of_range".

    Raises TypeError unless ``s`` is a str, bytes or memoryview.
    """
    value, error, dec = _zhscan._parse_number(s)
    shown = s if isinstance(s, str) else bytes(s).decode("utf-8", "replace")
    return Number(shown, value, error, dec)

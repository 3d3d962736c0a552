# SPDX-License-Identifier: MIT
"""zhscan.chunks: offsets both ways, the tool's `zhscan chunks` output, errors, random input."""
import os
import random

import pytest

import zhscan
from conftest import run_cli

# Text written for these tests: a preface before the first marker, three outline levels,
# a long paragraph of several sentences, Latin-1 and a 4-byte emoji (code points differ
# from bytes), an ASCII sentence end and a decimal point that is none.
DOC = (
    "前言：本文档说明 Café 😀 项目的进展。\n"
    "第一章 总体情况\n"
    "一、建设进度\n"
    "项目于三月开工。主体结构已完成80%。设备安装正在进行！预计年底竣工？资金到位3.5亿元；"
    "其余部分明年拨付。Phase 1 is done. Phase 2.5 starts soon.\n"
    "（一）存在问题\n"
    "人手不足。\n"
    "二、下一步\n"
    "加快进度。\n"
)


def test_chunks_tile_the_text_with_paths():
    cs = zhscan.chunks(DOC)
    assert cs[0].start == 0 and cs[-1].end == len(DOC)
    assert all(a.end == b.start for a, b in zip(cs, cs[1:]))
    assert "".join(c.text for c in cs) == DOC
    for c in cs:
        assert DOC[c.start:c.end] == c.text and c.start < c.end
    assert (cs[0].section, cs[0].path) == (None, [])
    by_section = {}
    for c in cs:
        by_section.setdefault(c.section, c)
    first = by_section[DOC.index("第一章")]
    assert first.path == ["第一章 总体情况"] and first.text.startswith("第一章")
    sub = by_section[DOC.index("（一）")]
    assert sub.path == ["第一章 总体情况", "一、建设进度", "（一）存在问题"]
    assert by_section[DOC.index("二、")].path == ["第一章 总体情况", "二、下一步"]
    assert isinstance(sub.path, list) and sub._fields == ("start", "end", "section", "path", "text")


def test_max_bytes_counts_utf8_bytes():
    sec = DOC[DOC.index("一、"):DOC.index("（一）")]  # a section: its chunks start inside it
    para = DOC[DOC.index("项目于"):DOC.index("（一）")]
    for limit in (0, 12, 30, 60, 200, 2000):
        cs = zhscan.chunks(DOC, max_bytes=limit)
        assert "".join(c.text for c in cs) == DOC
        inside = [c for c in cs if DOC.index("一、") <= c.start < DOC.index("（一）")]
        assert "".join(c.text for c in inside) == sec
        for c in cs:
            # only a single sentence longer than the limit may exceed it
            if len(c.text.encode()) > limit:
                body = c.text.rstrip("\n")
                assert sum(body.count(p) for p in "。！？；") <= 1, (limit, c.text)
    # 30 bytes: ten Chinese characters, so the paragraph splits at sentence ends
    cs = [c.text for c in zhscan.chunks(DOC, max_bytes=30)]
    assert "项目于三月开工。" in cs and "主体结构已完成80%。" in cs
    # an ASCII sentence end before a space; the "." of 2.5 is none
    assert "Phase 1 is done." in cs and " Phase 2.5 starts soon.\n" in cs
    # the whole section fits in 2000 bytes: one chunk; in 200 the paragraph alone does
    assert sec in [c.text for c in zhscan.chunks(DOC)]
    assert para in [c.text for c in zhscan.chunks(DOC, 200)]


def test_bytes_offsets_are_bytes():
    raw = DOC.encode()
    for limit in (0, 30, 2000):
        by_str = zhscan.chunks(DOC, limit)
        for kind in (raw, memoryview(raw), bytearray(raw)):
            by_bytes = zhscan.chunks(kind, limit)
            assert [(c.text, c.path) for c in by_bytes] == [(c.text, c.path) for c in by_str]
            for cb, cs in zip(by_bytes, by_str):
                assert cb.start == len(DOC[:cs.start].encode())
                assert cb.end == len(DOC[:cs.end].encode())
                assert (cb.section is None) == (cs.section is None)
                if cs.section is not None:
                    assert cb.section == len(DOC[:cs.section].encode())
                    assert raw[cb.section:].startswith(cb.path[-1].encode())


def test_ucs2_str_and_ill_formed_input():
    ucs2 = DOC.replace("😀", "")
    cs = zhscan.chunks(ucs2, 30)
    assert "".join(c.text for c in cs) == ucs2
    raw = b"\xff" + "一、概况\n".encode() + b"\xe4\xb8" + "投资5亿元。\n".encode()
    cs = zhscan.chunks(raw)
    assert cs[0].start == 0 and cs[-1].end == len(raw)
    assert cs[-1].path == ["一、概况"] and cs[-1].section == 1
    text = "\ud800一、概况\n正文。\udfff"
    cs = zhscan.chunks(text)
    assert "".join(c.text for c in cs) == text and cs[-1].path == ["一、概况"]


def test_errors():
    for bad in (None, 3, ["文本"]):
        with pytest.raises(TypeError, match="chunks\\(\\) takes str, bytes or memoryview"):
            zhscan.chunks(bad)
    with pytest.raises(ValueError, match="max_bytes"):
        zhscan.chunks("文本", max_bytes=-1)
    with pytest.raises(TypeError):
        zhscan.chunks("文本", max_bytes=2.5)
    assert zhscan.chunks("") == [] and zhscan.chunks(b"") == []


def test_random_input_tiles():
    rng = random.Random(7)
    alphabet = list("一二三、（）1.。！？；!?. \n\r章第节条万元投资Aa") + ["\u2028", "😀", "é", "\ud800", "\x00"]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 120)))
        limit = rng.choice([0, 1, 5, 20, 2000])
        cs = zhscan.chunks(text, limit)
        assert "".join(c.text for c in cs) == text
        assert all(text[c.start:c.end] == c.text for c in cs)
        raw = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 120)))
        cb = zhscan.chunks(raw, limit)
        assert (cb[0].start, cb[-1].end) == (0, len(raw)) if cb else raw == b""
        assert all(a.end == b.start for a, b in zip(cb, cb[1:]))


def test_same_as_cli_on_own_text(cli, tmp_path):
    raw = DOC.encode() + b"\xff\xfe" + "三、附录\n尾声。".encode()
    path = tmp_path / "doc.txt"
    path.write_bytes(raw)
    for limit in (1, 30, 2000):  # the tool takes >= 1; the library (and chunks()) 0 too
        want = run_cli(cli, "chunks", "--max-bytes", str(limit), str(path))
        assert [c._asdict() for c in zhscan.chunks(raw, limit)] == want


def test_same_as_cli_on_shared_corpus(cli, shared_corpus):
    files = sorted(os.path.join(shared_corpus, f) for f in os.listdir(shared_corpus)
                   if f.endswith(".txt"))
    assert files
    for limit in (300, 2000):
        want = run_cli(cli, "chunks", "--no-progress", "--max-bytes", str(limit), shared_corpus)
        got = []
        for f in files:
            raw = open(f, "rb").read()
            for c in zhscan.chunks(raw, limit):
                got.append({"file": f, **c._asdict()})
            # a str gives the same chunks in code points
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                continue
            by_str = zhscan.chunks(text, limit)
            assert "".join(c.text for c in by_str) == text
            assert [c.path for c in by_str] == [c.path for c in zhscan.chunks(raw, limit)]
        assert len(want) > len(files) and got == want

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks `zhscan html`: the page is well-formed (strict XML parse), self-contained (no
network resources), and its text pane gives the input back character for character.

usage: html_check.py ZHSCAN_BINARY [DOCUMENT...]
Without documents it uses texts written here: one full of <, &, quotes and markup-like
strings, one with control bytes and ill-formed UTF-8, and the bundled sample report.
"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = {'h': 'http://www.w3.org/1999/xhtml'}
HERE = os.path.dirname(os.path.abspath(__file__))

HOSTILE = (
    '一、<script>alert("x")</script> & 其他 &amp; &lt;\n'
    '（一）"引号" \'单引号\' <b>粗体</b> 投入资金465万元，占比54.96%。\n'
    '1.  a < b && c > d ]]> <!-- 注释 --> <![CDATA[ x ]]>\n'
    '二、 &#x41; &nbsp; 近900位教师 "3338" <a href="http://example.com">链接</a>\n'
    '（1）\r\n回车换行\r单独回车\t制表\n'
)


def expected_text(raw: bytes) -> str:
    """What the text pane must hold: the input with ill-formed UTF-8 and control characters
    other than tab/LF/CR (which XML cannot carry) replaced by U+FFFD."""
    s = raw.decode('utf-8', 'replace')
    return re.sub(r'[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]', '\ufffd', s)


def check(binary, raw, name):
    with tempfile.NamedTemporaryFile(suffix='.txt', delete=False) as f:
        f.write(raw)
        path = f.name
    try:
        r = subprocess.run([binary, 'html', path], capture_output=True, timeout=60)
    finally:
        os.unlink(path)
    if r.returncode != 0:
        return '%s: exit status %d: %s' % (name, r.returncode, r.stderr.decode(errors='replace'))
    page = r.stdout
    try:
        root = ET.fromstring(page)
    except ET.ParseError as e:
        return '%s: not well-formed: %s' % (name, e)
    for el in root.iter():
        for attr in ('src', 'href'):
            v = el.get(attr)
            if v is not None and not v.startswith('#'):
                return '%s: external resource %s=%r' % (name, attr, v)
    if root.find('.//h:link', NS) is not None or b'url(' in page.split(b'<pre')[0]:
        return '%s: page loads a stylesheet or a remote resource' % name
    pre = root.find('.//h:pre', NS)
    if pre is None:
        return '%s: no text pane' % name
    got = ''.join(pre.itertext())
    want = expected_text(raw)
    if got != want:
        i = next((k for k in range(min(len(got), len(want))) if got[k] != want[k]),
                 min(len(got), len(want)))
        return '%s: text pane differs at character %d: got %r, want %r' % (
            name, i, got[i:i + 20], want[i:i + 20])
    spans = root.findall('.//h:pre//h:span', NS)
    return None if spans or not raw.strip() else '%s: nothing highlighted' % name


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    docs = [(HOSTILE.encode('utf-8'), 'hostile markup'),
            (b'\x00\x01 \xff\xfe \xed\xa0\x80 \xe4\xb8 \x7f \xc2\x85 ' + '三、测试 12所'.encode(),
             'control and ill-formed bytes'),
            (b'', 'empty input')]
    sample = os.path.join(HERE, '..', 'samples', 'report.txt')
    if os.path.exists(sample):
        docs.append((open(sample, 'rb').read(), 'samples/report.txt'))
    for p in sys.argv[2:]:
        docs.append((open(p, 'rb').read(), p))
    failures = [e for e in (check(binary, raw, name) for raw, name in docs) if e]
    for e in failures:
        print('FAIL', e)
    print('%d of %d pages OK' % (len(docs) - len(failures), len(docs)))
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()

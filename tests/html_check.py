#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks `zhscan html`: the page is well-formed (strict XML parse), self-contained (no
network resources: no src/href leaving the page, no stylesheet link, no @import, url() or
http(s) address in its style or script), its text pane gives the input back character for
character, every marker and metric that `zhscan markers` / `zhscan metrics` report is
highlighted (metrics with value, unit, category and the heading path of their section on
hover), rejected marker candidates
are shown with their own class, and the outline tree links to markers that exist.

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


# Marker-shaped text that is not a marker (decimal numbers, an enumeration), beside real
# markers, so the page must show rejected candidates.
REJECTS = (
    '一、总体情况\n投入1.5亿元，增长3.2%。一、二年级学生参加。\n'
    '二、下一步\n（一）扩大覆盖。\n（二）提高质量。\n'
)


# Nested headings with metrics at each depth and one before the first heading: the hover
# text of each metric must name its section's heading path.
PATHS = (
    '前言：全年共有3所学校参加。\n'
    '一、总体情况\n全年投入资金465万元。\n'
    '（一）师资建设\n招聘教师326名。\n'
    '1. 培训\n培训5644人次。\n'
    '二、下一步\n计划新建幼儿园4所。\n'
)
PATHS_WANT = {
    '3所': 'section (before the first heading)',
    '465万元': 'section 一、总体情况',
    '326名': 'section 一、总体情况 > （一）师资建设',
    '5644人次': 'section 一、总体情况 > （一）师资建设 > 1. 培训',
    '4所': 'section 二、下一步',
}


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
    for tag in ('style', 'script'):
        for el in root.iter('{%s}%s' % (NS['h'], tag)):
            code = ''.join(el.itertext())
            if re.search(r'@import|url\(|https?:|//[a-z0-9.-]+\.[a-z]{2,}/', code, re.I):
                return '%s: <%s> refers to an outside resource' % (name, tag)
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
    if not spans and raw.strip():
        return '%s: nothing highlighted' % name
    return check_highlights(binary, raw, name, root)


def cli_count(binary, cmd, raw):
    r = subprocess.run([binary, cmd, '-'], input=raw, capture_output=True, timeout=60)
    return len(r.stdout.splitlines()) if r.returncode == 0 else -1


def check_highlights(binary, raw, name, root):
    """Markers and metrics of the CLI are all highlighted; the tree's links resolve."""
    def spans(cls):
        return [e for e in root.findall('.//h:pre//h:span', NS) if cls in (e.get('class') or '').split()]
    markers, metrics, rejected = spans('mk'), spans('mt'), spans('rj')
    want_markers, want_metrics = cli_count(binary, 'markers', raw), cli_count(binary, 'metrics', raw)
    if len(markers) != want_markers:
        return '%s: %d markers highlighted, zhscan markers finds %d' % (name, len(markers), want_markers)
    if len(metrics) != want_metrics:
        return '%s: %d metrics highlighted, zhscan metrics finds %d' % (name, len(metrics), want_metrics)
    for m in metrics:
        title = m.get('title') or ''
        has_value = any(k in title for k in ('value', 'ratio', 'range', 'low'))
        if not (has_value and 'unit' in title and 'category' in title and ' | section ' in title):
            return '%s: metric %r has no value/unit/category/section on hover' % (
                name, ''.join(m.itertext()))
    for r in rejected:
        if not (r.get('title') or '').startswith('rejected'):
            return '%s: rejected candidate without its reason' % name
    ids = {e.get('id') for e in root.iter() if e.get('id')}
    for a in root.iter('{%s}a' % NS['h']):
        href = a.get('href') or ''
        if href.startswith('#') and href[1:] not in ids:
            return '%s: tree link %s points nowhere' % (name, href)
    return None


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    docs = [(HOSTILE.encode('utf-8'), 'hostile markup'),
            (REJECTS.encode('utf-8'), 'rejected candidates'),
            (PATHS.encode('utf-8'), 'heading paths'),
            (b'\x00\x01 \xff\xfe \xed\xa0\x80 \xe4\xb8 \x7f \xc2\x85 ' + '三、测试 12所'.encode(),
             'control and ill-formed bytes'),
            (b'', 'empty input')]
    sample = os.path.join(HERE, '..', 'samples', 'report.txt')
    if os.path.exists(sample):
        docs.append((open(sample, 'rb').read(), 'samples/report.txt'))
    for p in sys.argv[2:]:
        docs.append((open(p, 'rb').read(), p))
    failures = [e for e in (check(binary, raw, name) for raw, name in docs) if e]
    # The page of the rejected-candidates text must show some.
    r = subprocess.run([binary, 'html', '-'], input=REJECTS.encode('utf-8'), capture_output=True,
                       timeout=60)
    if b'class="rj"' not in r.stdout:
        failures.append('rejected candidates: none shown distinctly')
    # The heading path of each metric's section on hover.
    r = subprocess.run([binary, 'html', '-'], input=PATHS.encode('utf-8'), capture_output=True,
                       timeout=60)
    titles = {}
    try:
        root = ET.fromstring(r.stdout)
        for e in root.findall('.//h:pre//h:span', NS):
            if 'mt' in (e.get('class') or '').split():
                titles[''.join(e.itertext())] = e.get('title') or ''
    except ET.ParseError as e:
        failures.append('heading paths: page not well-formed: %s' % e)
    for metric, want in PATHS_WANT.items():
        if not titles.get(metric, '').endswith(want):
            failures.append('heading paths: metric %s has title %r, expected it to end with %r'
                            % (metric, titles.get(metric), want))

    for e in failures:
        print('FAIL', e)
    print('%d of %d pages OK' % (len(docs) - len(failures), len(docs)))
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()

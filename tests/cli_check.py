#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks the zhscan program as a corpus tool (the behaviour a user scripts against).

usage: cli_check.py ZHSCAN_BINARY [--readme README.md]

- several files and a directory (recursing into *.txt, sorted): a "file" field on every
  line when more than one input is given, none with one input; records per file equal
  the single-file run; outline is one JSON line per input then;
- `-j 1` and `-j 4` give byte-identical output, in input order;
- a missing file among others: one line on stderr, the other files are still processed,
  exit status 2;
- --batch: valid records, a malformed JSON line (an error record with its line number,
  the run goes on), a record without "text", ids of every JSON type, CR LF line ends,
  ill-formed UTF-8; one output line per non-blank input line, for every command;
  ill-formed UTF-8 in ids (U+FFFD in the output, which must decode as UTF-8);
- write errors (stdout on /dev/full) in every mode, small outputs and --batch included: a
  message on stderr and exit status 3; a closed pipe: SIGPIPE or status 141, no message;
- read errors: a dangling *.txt link in a directory (a vanished file), /proc/self/mem (EIO on
  read), an unreadable file and directory (chmod 000; as root, where chmod does not stop
  reads, /proc/1/environ and /proc/1/map_files when they refuse access, else skipped with a
  note), standard input that is a directory: a message naming each, the other inputs
  processed, exit status 2;
- `outline --tree` and `metrics --table`: indentation by depth, columns aligned by display
  width (wide characters count two), colour on a terminal (a pty) only, not with NO_COLOR;
- large inputs read in windows (ZHSCAN_CLI_WINDOW makes them small): tokens and metrics
  byte for byte the whole-input output (line ends, one line, long runs, ill-formed UTF-8);
- `zhscan number`: one JSON line per input line;
- `zhscan chunks [--max-bytes N]`: the chunks tile the input (their texts give it back), none
  larger than N unless one sentence is, each starts at a section start or after a break
  character, "section" and "path" name the section; `zhscan metrics` gives every line
  "section" (the marker start of the metric's section, null before the first marker);
- progress on stderr when stderr is a terminal (a pty) or with --progress, never on stdout;
- with --readme: the README's batch example (the code block after
  `<!-- run by tests/cli_check.py -->`) runs as written, with this binary as `zhscan`.
Every output line of every run must parse as JSON. Exit status 1 on any failure.
All texts are written here (no shared document is copied).
"""
import json
import os
import pty
import re
import select
import signal
import shutil
import subprocess
import sys
import tempfile
import unicodedata

COMMANDS = ('tokens', 'markers', 'metrics', 'outline', 'chunks')
FAILURES = []


def fail(msg):
    FAILURES.append(msg)
    print('FAIL', msg)


def run(cli, args, stdin=b'', timeout=60):
    return subprocess.run([cli] + args, input=stdin, capture_output=True, timeout=timeout)


def json_lines(out, what):
    """Parses every line of `out` as a JSON object; records a failure for any other line."""
    recs = []
    bad = 0
    try:
        text = out.decode('utf-8')
    except UnicodeDecodeError as e:
        fail('%s: the output is not UTF-8 (%s)' % (what, e))
        text = out.decode('utf-8', 'replace')
    for n, line in enumerate(text.splitlines(), 1):
        try:
            rec = json.loads(line)
        except ValueError as e:
            bad += 1
            if bad <= 3:
                fail('%s: output line %d is not JSON (%s): %r' % (what, n, e, line[:160]))
            elif bad == 4:
                fail('%s: more lines are not JSON' % what)
            continue
        if not isinstance(rec, dict):
            fail('%s: output line %d is not a JSON object' % (what, n))
            continue
        recs.append(rec)
    return recs


def single_output(cli, cmd, path):
    """Records of a one-input run (outline prints one JSON document over several lines)."""
    r = run(cli, [cmd, path])
    if r.returncode != 0:
        fail('zhscan %s %s: exit status %d' % (cmd, path, r.returncode))
        return []
    if cmd == 'outline':
        try:
            return [json.loads(r.stdout)]
        except ValueError as e:
            fail('zhscan outline %s: not one JSON document: %s' % (path, e))
            return []
    return json_lines(r.stdout, 'zhscan %s %s' % (cmd, path))


# Original sentences in the style of a work report (written for this test).
DOCS = {
    'one.txt': '一、总体情况\n全年投入资金465万元，同比增长8.5%。\n二、存在问题\n部分学校生均面积不足6平方米。\n',
    'two.txt': '（一）队伍建设\n招聘教师326名，培训5644人次。\n（二）质量提升\n本科上线率54.96%。\n',
    # created out of sorted order on purpose: the directory listing order is not sorted
    'docs/sub/z/c.txt': '1．推进改革。确定20所试点学校。\n2．加强监测。按45:55的比例计入考核。\n',
    'docs/b.txt': '三、下一步计划\n计划投入1.8亿元，新建幼儿园3所。\n',
    'docs/sub/a.txt': '一是加强安全管理；二是改善办学条件，投入3000多万元。\n',
    'docs/notes.md': '不是文本文件：12所\n',
    'docs/sub/readme': '没有扩展名：5所\n',
}
DIR_FILES = ['docs/b.txt', 'docs/sub/a.txt', 'docs/sub/z/c.txt']  # sorted *.txt


def make_tree(root):
    for name, text in DOCS.items():
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)


def check_files_and_dirs(cli):
    inputs = ['one.txt', 'docs', 'two.txt']
    order = ['one.txt'] + DIR_FILES + ['two.txt']
    for cmd in COMMANDS:
        what = 'zhscan %s %s' % (cmd, ' '.join(inputs))
        r = run(cli, [cmd, '-j', '2'] + inputs)
        if r.returncode != 0 or r.stderr:
            fail('%s: exit status %d, stderr %r' % (what, r.returncode, r.stderr[:200]))
        recs = json_lines(r.stdout, what)
        if any('file' not in rec for rec in recs):
            fail('%s: a line without a "file" field' % what)
            continue
        # Lines of one file are contiguous and files come in input order (directory
        # contents sorted); each file's records equal its single-input run.
        seen = []
        for rec in recs:
            if not seen or seen[-1] != rec['file']:
                seen.append(rec['file'])
        want = [f for f in order if single_output(cli, cmd, f)]  # files with output
        if seen != want:
            fail('%s: files in order %s, expected %s' % (what, seen, want))
        if cmd == 'outline' and len(recs) != len(order):
            fail('%s: %d lines for %d inputs (one JSON line per input expected)'
                 % (what, len(recs), len(order)))
        for f in order:
            got = [{k: v for k, v in rec.items() if k != 'file'} for rec in recs if rec['file'] == f]
            if got != single_output(cli, cmd, f):
                fail('%s: the records of %s differ from `zhscan %s %s`' % (what, f, cmd, f))
        if 'docs/notes.md' in seen or 'docs/sub/readme' in seen:
            fail('%s: a directory contributed a file that is not *.txt' % what)
    # One input (a directory with one file counts as one): no "file" field.
    for cmd in ('markers', 'metrics', 'tokens'):
        recs = single_output(cli, cmd, 'one.txt')
        if not recs or any('file' in rec for rec in recs):
            fail('zhscan %s one.txt: no records, or a "file" field with a single input' % cmd)


def check_jobs(cli, root):
    # Big files first, so that with 4 threads later (small) files finish before earlier ones.
    files = []
    for i in range(24):
        name = 'jobs/f%02d.txt' % i
        reps = 400 if i < 4 else 1 + i % 3
        with open(os.path.join(root, name), 'w', encoding='utf-8') as f:
            f.write(('（%d）第%d批投入资金%d万元，增长%d.5%%，新建学校%d所。\n' % (i % 9 + 1, i, 100 + i, i, i + 1)) * reps)
        files.append(name)
    for cmd in ('metrics', 'tokens', 'outline'):
        outs = {}
        for jobs in ('1', '4'):
            r = run(cli, [cmd, '-j', jobs] + files, timeout=120)
            if r.returncode != 0:
                fail('zhscan %s -j %s: exit status %d' % (cmd, jobs, r.returncode))
            outs[jobs] = r.stdout
        if outs['1'] != outs['4']:
            fail('zhscan %s: -j 1 and -j 4 outputs differ' % cmd)
        recs = json_lines(outs['4'], 'zhscan %s -j 4' % cmd)
        order = []
        for rec in recs:
            if not order or order[-1] != rec.get('file'):
                order.append(rec.get('file'))
        if order != files:
            fail('zhscan %s -j 4: output not in input order' % cmd)
    # -j4 and --jobs=... spellings, bad values are usage errors (exit 2, nothing on stdout).
    r = run(cli, ['metrics', '-j4', 'one.txt'])
    if r.returncode != 0 or not r.stdout:
        fail('zhscan metrics -j4 one.txt: exit status %d' % r.returncode)
    for bad in (['-j', '0'], ['-j', 'x'], ['-j']):
        r = run(cli, ['metrics'] + bad + ['one.txt'])
        if r.returncode != 2 or r.stdout:
            fail('zhscan metrics %s: exit status %d (2 expected)' % (' '.join(bad), r.returncode))


def check_missing(cli):
    what = 'zhscan metrics one.txt missing.txt two.txt'
    r = run(cli, ['metrics', 'one.txt', 'missing.txt', 'two.txt'])
    if r.returncode != 2:
        fail('%s: exit status %d, expected 2' % (what, r.returncode))
    err = r.stderr.decode('utf-8', 'replace').splitlines()
    if len(err) != 1 or 'missing.txt' not in err[0]:
        fail('%s: stderr should be one line naming missing.txt, got %r' % (what, err))
    files = [rec.get('file') for rec in json_lines(r.stdout, what)]
    if 'one.txt' not in files or 'two.txt' not in files or files.index('one.txt') > files.index('two.txt'):
        fail('%s: the other files were not all processed in order (files: %s)' % (what, files))
    for cmd in ('tokens', 'outline'):
        r = run(cli, [cmd, 'missing.txt'])
        if r.returncode != 2 or len(r.stderr.splitlines()) != 1 or r.stdout:
            fail('zhscan %s missing.txt: exit status %d, stderr %r' % (cmd, r.returncode, r.stderr))
    r = run(cli, ['html', 'one.txt', 'two.txt'])
    if r.returncode != 2 or r.stdout:
        fail('zhscan html with two inputs: exit status %d (2 expected)' % r.returncode)


BATCH_LINES = [
    b'{"id": 1, "text": "\xe5\x85\xa8\xe5\xb9\xb4\xe6\x8a\x95\xe5\x85\xa5465\xe4\xb8\x87\xe5\x85\x83\xe3\x80\x82"}',  # 465 wan yuan
    b'{"id":"doc-\\"2\\"","text":"\xe4\xb8\x80\xe3\x80\x81\xe6\x80\xbb\xe4\xbd\x93\\n\xe4\xba\x8c\xe3\x80\x81\xe5\x85\xb6\xe4\xbb\x96 12\xe6\x89\x80"}',
    b'{bad json',
    b'',
    b'{"id": [1, {"k": null}], "text": ""}',
    b'{"id": null}',
    b'{"text": "\xe6\x96\xb0\xe5\xbb\xba3\xe6\x89\x80"}',
    b'{"id": true, "text": "\xe7\x99\xbe\xe5\x88\x86\xe4\xb9\x8b\xe4\xb8\x89\xe5\x8d\x81", "extra": {"a": [1, 2.5e3]}}',
    b'{"id": 2.5e3, "text": "x"}\r',
    b'{"id": {"corpus": "a", "n": 7}, "text": "bad \xff\xfe utf-8 12\xe6\x89\x80"}',
    b'{"id": -0.5, "text": 12}',
    b'["id", "text"]',
    b'{"id": 9, "text": "unterminated}',
    # ill-formed UTF-8 in an id: replaced by U+FFFD in the output (one per maximal subpart)
    b'{"id": "r\xff\xc3", "text": "\xe6\x96\xb0 \xc0\xaf 3\xe6\x89\x80"}',
    b'{"id": {"k\xfe": "\xed\xa0\x80"}, "text": 5}',
    b'\xff\xfe not json',
]
# Expected per non-blank line: ('ok', id) or ('error', line number, id or None).
BATCH_EXPECT = [
    ('ok', 1), ('ok', 'doc-"2"'), ('error', 3, None), ('ok', [1, {'k': None}]),
    ('error', 6, None), ('ok', None), ('ok', True), ('ok', 2500), ('ok', {'corpus': 'a', 'n': 7}),
    ('error', 11, -0.5), ('error', 12, None), ('error', 13, 9),
    ('ok', 'r\ufffd\ufffd'), ('error', 15, {'k\ufffd': '\ufffd\ufffd\ufffd'}), ('error', 16, None),
]


def check_batch(cli):
    stdin = b'\n'.join(BATCH_LINES) + b'\n'
    for cmd in COMMANDS:
        what = 'zhscan %s --batch' % cmd
        r = run(cli, [cmd, '--batch'], stdin)
        if r.returncode != 0:
            fail('%s: exit status %d: %r' % (what, r.returncode, r.stderr[:300]))
        if len(r.stdout.splitlines()) != len(BATCH_EXPECT):
            fail('%s: %d output lines for %d non-blank input lines'
                 % (what, len(r.stdout.splitlines()), len(BATCH_EXPECT)))
            continue
        recs = json_lines(r.stdout, what)
        for rec, exp in zip(recs, BATCH_EXPECT):
            if exp[0] == 'ok':
                if 'error' in rec or rec.get('id', 'absent') != exp[1] or cmd not in rec:
                    fail('%s: expected a result with id %r, got %r' % (what, exp[1], rec))
            else:
                line, ident = exp[1], exp[2]
                if rec.get('line') != line or not isinstance(rec.get('error'), str) or cmd in rec:
                    fail('%s: expected an error record for line %d, got %r' % (what, line, rec))
                elif ident is not None and rec.get('id') != ident:
                    fail('%s: error record of line %d has id %r, expected %r'
                         % (what, line, rec.get('id'), ident))
        if len(recs) != len(BATCH_EXPECT):
            continue
        if cmd == 'metrics':
            m = recs[0]['metrics']
            if len(m) != 1 or m[0].get('value') != 4650000 or m[0].get('unit') != '\u5143':
                fail('%s: record 1 should hold one metric 4650000 yuan, got %r' % (what, m))
            if recs[3]['metrics'] != []:
                fail('%s: an empty text should give an empty list' % what)
        if cmd == 'markers' and len(recs[1]['markers']) != 2:
            fail('%s: record 2 should hold 2 markers, got %r' % (what, recs[1]['markers']))
        if cmd == 'outline' and len(recs[1]['outline'].get('sections', [])) != 2:
            fail('%s: record 2 should hold 2 sections' % what)
        if cmd == 'tokens':
            text = '\u4e00\u3001\u603b\u4f53\n\u4e8c\u3001\u5176\u4ed6 12\u6240'.encode()
            toks = recs[1]['tokens']
            if not toks or toks[0]['start'] != 0 or toks[-1]['end'] != len(text) or any(
                    a['end'] != b['start'] for a, b in zip(toks, toks[1:])):
                fail('%s: the tokens of record 2 do not tile its text' % what)
    # Files are not accepted with --batch.
    r = run(cli, ['metrics', '--batch', 'one.txt'])
    if r.returncode != 2:
        fail('zhscan metrics --batch one.txt: exit status %d (2 expected)' % r.returncode)
    # Empty input: no output, success.
    r = run(cli, ['metrics', '--batch'], b'')
    if r.returncode != 0 or r.stdout:
        fail('zhscan metrics --batch with empty input: status %d, output %r' % (r.returncode, r.stdout))


def check_number(cli):
    lines = ['一千零五', '', '13.73万', 'abc', '三分之一', '  3,000  ', '百分之三十', '465万元']
    r = run(cli, ['number'], '\n'.join(lines).encode() + b'\n')
    if r.returncode != 0:
        fail('zhscan number: exit status %d' % r.returncode)
    recs = json_lines(r.stdout, 'zhscan number')
    if len(recs) != len(lines):
        fail('zhscan number: %d output lines for %d input lines' % (len(recs), len(lines)))
        return
    want = [1005, 'empty', 137300, 'invalid_argument', 1 / 3, 3000, None, 'invalid_argument']
    for line, rec, w in zip(lines, recs, want):
        if rec.get('input') != line:
            fail('zhscan number: "input" %r for line %r' % (rec.get('input'), line))
        if w is None:
            if 'value' not in rec and 'error' not in rec:
                fail('zhscan number %r: neither value nor error' % line)
        elif isinstance(w, str):
            if rec.get('error') != w:
                fail('zhscan number %r: expected error %s, got %r' % (line, w, rec))
        elif not isinstance(rec.get('value'), (int, float)) or abs(rec['value'] - w) > 1e-9 * abs(w):
            fail('zhscan number %r: expected %r, got %r' % (line, w, rec))


# Written for this test: text before the first heading, three levels, a long paragraph of
# short sentences, one sentence longer than the limits below, CR LF line ends.
CHUNK_DOC = (
    '本报告说明全年工作。前言之前已有3所学校参加。\n'
    '一、总体情况\n'
    + '全年投入资金465万元，同比增长8.5%。' * 6 + '\n'
    '（一）师资建设\r\n招聘教师326名，培训5644人次。\r\n'
    '1. 骨干培训\n' + '这是一个很长的句子没有任何句号也没有逗号一直写下去直到超过限制' * 3 + '。结束了。\n'
    '二、下一步\n计划新建幼儿园4所！再建学校2所？\n'
)


def check_chunks(cli):
    raw = CHUNK_DOC.encode('utf-8')
    with open('chunks.txt', 'wb') as f:
        f.write(raw)
    markers = json_lines(run(cli, ['markers', 'chunks.txt']).stdout, 'zhscan markers chunks.txt')
    starts = {m['start'] for m in markers}
    texts = {m['start']: m['text'] for m in markers}
    if len(markers) != 4:
        fail('zhscan markers chunks.txt: %d markers, expected 4' % len(markers))
    for limit in (None, 60, 100, 1):
        args = ['chunks'] + (['--max-bytes', str(limit)] if limit else []) + ['chunks.txt']
        what = 'zhscan ' + ' '.join(args)
        r = run(cli, args)
        if r.returncode != 0:
            fail('%s: exit status %d' % (what, r.returncode))
            continue
        recs = json_lines(r.stdout, what)
        if not recs or [list(c) for c in recs][0] != ['start', 'end', 'section', 'path', 'text']:
            fail('%s: fields %r, expected start, end, section, path, text' % (what, recs[:1]))
            continue
        pos = 0
        for c in recs:
            piece = raw[c['start']:c['end']]
            if c['start'] != pos or c['end'] <= c['start'] or piece.decode('utf-8') != c['text']:
                fail('%s: chunk %r does not continue the tiling at %d' % (what, c, pos))
                break
            pos = c['end']
            # The section: the last marker starting at or before the chunk.
            sec = max((m for m in starts if m <= c['start']), default=None)
            if c['section'] != sec:
                fail('%s: chunk at %d has section %r, expected %r' % (what, c['start'], c['section'], sec))
            if sec is None and c['path'] != []:
                fail('%s: chunk before the first heading has path %r' % (what, c['path']))
            if sec is not None and (not c['path'] or not c['path'][-1].startswith(texts[sec])):
                fail('%s: path %r does not end with the heading of marker %r' % (what, c['path'], texts[sec]))
            if any(s_ in starts for s_ in range(c['start'] + 1, c['end'])):
                fail('%s: chunk %r runs across a section start' % (what, c))
            size = c['end'] - c['start']
            cut_ok = c['end'] == len(raw) or c['end'] in starts or piece.endswith(
                tuple(x.encode() for x in ('\n', '。', '！', '？', '；')))
            if not cut_ok:
                fail('%s: chunk %r ends neither at a section start nor after a break' % (what, c))
            if limit and size > limit:
                # only one sentence may be longer: no break character before its end
                body = piece[:-1].decode('utf-8', 'replace')
                if any(x in body.rstrip('。！？；\n\r') for x in ('\n', '。', '！', '？', '；')):
                    fail('%s: chunk of %d bytes > %d holds more than one sentence: %r'
                         % (what, size, limit, c['text']))
        if pos != len(raw):
            fail('%s: chunks end at %d, the input has %d bytes' % (what, pos, len(raw)))
        if limit is None and len(recs) != 1 + len(starts):
            fail('%s: %d chunks, expected one per section plus the preface' % (what, len(recs)))
        if limit == 100 and recs:
            deep = [c for c in recs if c['section'] is not None and len(c['path']) == 3]
            want = ['一、总体情况', '（一）师资建设', '1. 骨干培训']
            if not deep or deep[0]['path'] != want:
                fail('%s: path of the deepest section %r, expected %r'
                     % (what, deep[0]['path'] if deep else None, want))
    # --max-bytes: only for chunks, a positive number.
    for bad in (['chunks', '--max-bytes', '0'], ['chunks', '--max-bytes', 'x'],
                ['chunks', '--max-bytes'], ['chunks', '--max-bytes', '-5'],
                ['metrics', '--max-bytes', '100']):
        r = run(cli, bad + ['chunks.txt'])
        if r.returncode != 2 or r.stdout:
            fail('zhscan %s: exit status %d (2 expected)' % (' '.join(bad), r.returncode))
    # metrics: "section" follows "base_unit", the marker start of the metric's section.
    r = run(cli, ['metrics', 'chunks.txt'])
    for line in r.stdout.decode('utf-8').splitlines():
        rec = json.loads(line)
        keys = list(rec)
        sec = max((m for m in starts if m <= rec['start']), default=None)
        if 'section' not in keys or keys[keys.index('section') - 1] != 'base_unit' \
                or rec['section'] != sec:
            fail('zhscan metrics: %r: "section" %r (after base_unit?), expected %r'
                 % (rec['text'], rec.get('section'), sec))
    recs = json_lines(r.stdout, 'zhscan metrics chunks.txt')
    if len(recs) < 5 or recs[0]['section'] is not None or recs[-1]['section'] is None:
        fail('zhscan metrics chunks.txt: expected metrics both before and under headings')
    # metrics: "terms" is the last field: every term of a ratio, null for other shapes.
    r = run(cli, ['metrics'], '产业结构之比为8.3∶41.4∶50.3，男女比例为3:2，投资5万元。'.encode())
    recs = json_lines(r.stdout, 'zhscan metrics (terms)')
    got = [(m['text'], m.get('terms'), list(m)[-1]) for m in recs]
    want = [('8.3∶41.4∶50.3', [8.3, 41.4, 50.3], 'terms'), ('3:2', [3, 2], 'terms'), ('5万元', None, 'terms')]
    if got != want:
        fail('zhscan metrics: "terms" %r, expected %r' % (got, want))
    # --batch: the chunks of each record tile its text.
    r = run(cli, ['chunks', '--batch', '--max-bytes', '40'],
            json.dumps({'id': 7, 'text': CHUNK_DOC}, ensure_ascii=False).encode() + b'\n')
    recs = json_lines(r.stdout, 'zhscan chunks --batch')
    if len(recs) != 1 or ''.join(c['text'] for c in recs[0].get('chunks', [])) != CHUNK_DOC:
        fail('zhscan chunks --batch: the chunks do not give the text back')


def run_to(cli, args, stdout, stdin=subprocess.DEVNULL, ignore_sigpipe=False, timeout=60):
    """Runs `cli args` with the given stdout (an open file or fd); returns (rc, stderr)."""
    pre = (lambda: signal.signal(signal.SIGPIPE, signal.SIG_IGN)) if ignore_sigpipe else None
    p = subprocess.run([cli] + args, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE,
                       preexec_fn=pre, timeout=timeout)
    return p.returncode, p.stderr.decode('utf-8', 'replace')


def unreadable_path(candidates, is_dir):
    """The first candidate this process cannot open (or list), or None: chmod 000 does not
    stop root, so /proc entries of another process (EACCES without ptrace rights) follow."""
    for path in candidates:
        if not os.path.exists(path):
            continue
        try:
            if is_dir:
                os.listdir(path)
            else:
                with open(path, 'rb') as f:
                    f.read(1)
        except PermissionError:
            return path
        except OSError:
            continue
    return None


def check_input_fault(cli, what, args, bad, others, skipped):
    """`zhscan metrics args`: exit status 2, one stderr line naming `bad`, `others` processed."""
    r = run(cli, ['metrics'] + args)
    err = r.stderr.decode('utf-8', 'replace').splitlines()
    if r.returncode != 2:
        fail('%s: exit status %d, expected 2' % (what, r.returncode))
    if len(err) != 1 or bad not in err[0]:
        fail('%s: stderr should be one line naming %s, got %r' % (what, bad, err))
    files = [rec.get('file') for rec in json_lines(r.stdout, what)]
    for f in others:
        if f not in files:
            fail('%s: %s was not processed (files: %s)' % (what, f, sorted(set(files))))


def check_write_errors(cli, root):
    """Every mode reports a write error (stdout on /dev/full): a message, exit status 3."""
    if not os.path.exists('/dev/full'):
        print('  (no /dev/full: write errors not tested)')
        return
    big = os.path.join(root, 'big.txt')
    with open(big, 'w', encoding='utf-8') as f:  # tokens output of several MB
        f.write('（一）全年投入资金465万元，同比增长8.5%，新建学校12所。\n' * 20000)
    batch = b'{"id":1,"text":"\xe6\x96\xb0\xe5\xbb\xba3\xe6\x89\x80"}\n'
    cases = [(['metrics', 'one.txt'], b''), (['outline', 'one.txt'], b''),
             (['markers', 'one.txt'], b''), (['tokens', 'one.txt'], b''),
             (['metrics', '-j', '2', 'one.txt', 'two.txt'], b''), (['tokens', big], b''),
             (['metrics', '-'], '一、总体\n投入3万元。\n'.encode()),
             (['metrics', '--batch'], batch), (['outline', '--batch'], batch),
             (['tokens', '--batch'], batch * 20000),
             (['number'], '一千零五\n'.encode()), (['--version'], b''), (['--help'], b'')]
    for args, stdin in cases:
        what = 'zhscan %s > /dev/full' % ' '.join(args)
        with open('/dev/full', 'wb') as full, tempfile.TemporaryFile() as inp:
            inp.write(stdin)
            inp.seek(0)
            rc, err = run_to(cli, args, full, stdin=inp)
        if rc != 3 or 'cannot write' not in err:
            fail('%s: exit status %d (3 expected), stderr %r' % (what, rc, err[:200]))
    # A closed pipe (EPIPE) ends the run quietly: killed by SIGPIPE, or status 141 when the
    # signal is ignored.
    for ignore in (False, True):
        what = 'zhscan tokens big.txt | head -c 10%s' % (' (SIGPIPE ignored)' if ignore else '')
        pre = (lambda: signal.signal(signal.SIGPIPE, signal.SIG_IGN)) if ignore else None
        p = subprocess.Popen([cli, 'tokens', big], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             preexec_fn=pre)
        p.stdout.read(10)
        p.stdout.close()
        err = p.stderr.read()
        rc = p.wait(timeout=60)
        if rc not in ((141,) if ignore else (-signal.SIGPIPE, 141)) or err:
            fail('%s: exit status %d, stderr %r' % (what, rc, err[:200]))


def check_read_errors(cli, root):
    """Unreadable, vanished and failing inputs: a message naming each, exit status 2 after the
    other inputs are processed."""
    faults = os.path.join(root, 'faults')
    os.makedirs(os.path.join(faults, 'dir'))
    with open(os.path.join(faults, 'dir', 'a.txt'), 'w', encoding='utf-8') as f:
        f.write('投入资金5万元。\n')
    # A vanished file: a directory entry that cannot be opened any more (a dangling link).
    os.symlink(os.path.join(faults, 'was-here.txt'), os.path.join(faults, 'dir', 'gone.txt'))
    check_input_fault(cli, 'zhscan metrics one.txt faults/dir (a dangling gone.txt)',
                      ['one.txt', 'faults/dir'], 'gone.txt', ['one.txt', 'faults/dir/a.txt'], None)
    # A read error after a successful open: /proc/self/mem at offset 0 (unmapped) gives EIO.
    try:
        with open('/proc/self/mem', 'rb') as f:
            f.read(1)
        print('  (/proc/self/mem is readable here: read error not tested)')
    except OSError:
        check_input_fault(cli, 'zhscan metrics one.txt /proc/self/mem two.txt',
                          ['one.txt', '/proc/self/mem', 'two.txt'], '/proc/self/mem',
                          ['one.txt', 'two.txt'], None)
    # An unreadable file.
    locked = os.path.join(faults, 'locked.txt')
    with open(locked, 'w', encoding='utf-8') as f:
        f.write('3所\n')
    os.chmod(locked, 0)
    bad = unreadable_path([locked, '/proc/1/environ'], False)
    if bad:
        print('  unreadable file: %s' % bad)
        check_input_fault(cli, 'zhscan metrics one.txt %s two.txt' % bad,
                          ['one.txt', bad, 'two.txt'], bad, ['one.txt', 'two.txt'], None)
    else:
        print('  (no unreadable file found: not tested)')
    # An unreadable directory, given as an input and (when not root) inside a directory.
    locked_dir = os.path.join(faults, 'tree', 'locked')
    os.makedirs(locked_dir)
    with open(os.path.join(faults, 'tree', 'b.txt'), 'w', encoding='utf-8') as f:
        f.write('新建3所。\n')
    os.chmod(locked_dir, 0)
    bad = unreadable_path([locked_dir, '/proc/1/map_files'], True)
    if bad:
        print('  unreadable directory: %s' % bad)
        check_input_fault(cli, 'zhscan metrics one.txt %s two.txt' % bad,
                          ['one.txt', bad, 'two.txt'], bad, ['one.txt', 'two.txt'], None)
        if bad == locked_dir:
            check_input_fault(cli, 'zhscan metrics one.txt faults/tree (locked/ inside)',
                              ['one.txt', 'faults/tree'], 'locked', ['one.txt', 'faults/tree/b.txt'], None)
    else:
        print('  (no unreadable directory found: not tested)')
    os.chmod(locked_dir, 0o755)
    os.chmod(locked, 0o644)
    # Standard input that cannot be read (a directory), in file mode and in --batch mode.
    for args in (['metrics', '-'], ['metrics', '--batch'], ['number']):
        fd = os.open(faults, os.O_RDONLY)
        try:
            p = subprocess.run([cli] + args, stdin=fd, capture_output=True, timeout=60)
        finally:
            os.close(fd)
        err = p.stderr.decode('utf-8', 'replace')
        if p.returncode != 2 or 'standard input' not in err:
            fail('zhscan %s < a directory: exit status %d, stderr %r' % (' '.join(args), p.returncode, err))


def display_width(s):
    """Terminal columns of `s`: East Asian wide and fullwidth characters take two."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in 'WF' else 1
               for c in s)


def run_with_pty_stdout(cli, args, env=None):
    """Runs `cli args` with stdout a terminal; returns (rc, stdout)."""
    master, slave = pty.openpty()
    try:
        p = subprocess.Popen([cli] + args, stdout=slave, stderr=subprocess.DEVNULL,
                             stdin=subprocess.DEVNULL, env=env)
        os.close(slave)
        slave = -1
        out = b''
        while True:
            ready, _, _ = select.select([master], [], [], 60)
            if not ready:
                break
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        return p.wait(timeout=60), out.replace(b'\r\n', b'\n')
    finally:
        os.close(master)
        if slave >= 0:
            os.close(slave)


# Headings and quantities in Han, ASCII and fullwidth characters (written for this test).
VIEW_DOC = ('一、基本情况\n全市共有学校１２所，在校生约3.5万人。\n'
            '（一）办学条件\n新建校舍12000平方米，投入资金465万元左右。\n'
            '1．设备更新\n更新电脑300台，占比超过40%。\n'
            '二、问题\nABC项目完成率为85%。\n')


def check_views(cli, root):
    path = os.path.join(root, 'view.txt')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(VIEW_DOC)
    # outline --tree: one line per section, indented two columns per depth, marker first.
    outline = json.loads(run(cli, ['outline', path]).stdout)
    secs = outline['sections']
    r = run(cli, ['outline', '--tree', path])
    lines = r.stdout.decode('utf-8').splitlines()
    if r.returncode != 0 or len(lines) != len(secs) or len(secs) < 4:
        fail('zhscan outline --tree: status %d, %d lines for %d sections' % (r.returncode, len(lines), len(secs)))
    else:
        depth = []
        for s in secs:
            depth.append(0 if s['parent'] is None else depth[s['parent']] + 1)
        for line, s, d in zip(lines, secs, depth):
            want = ' ' * (2 * d) + s['marker']['text'] + s['heading']['text'].strip()
            if not line.startswith(want) or line[2 * d] == ' ':
                fail('zhscan outline --tree: line %r, expected it to start with %r' % (line, want))
        if depth[:4] != [0, 1, 2, 0][:len(depth)] and depth != [0, 1, 2, 0]:
            fail('zhscan outline --tree: depths %s' % depth)
    if b'\x1b' in r.stdout:
        fail('zhscan outline --tree: colour codes on a pipe')
    # metrics --table: a header and one row per metric, columns aligned by display width.
    metrics = json_lines(run(cli, ['metrics', path]).stdout, 'zhscan metrics view.txt')
    r = run(cli, ['metrics', '--table', path])
    lines = r.stdout.decode('utf-8').splitlines()
    header = ['text', 'value', 'unit', 'approx', 'section']
    if r.returncode != 0 or len(lines) != len(metrics) + 1 or len(metrics) < 5:
        fail('zhscan metrics --table: status %d, %d lines for %d metrics' % (r.returncode, len(lines), len(metrics)))
    elif lines[0].split() != header:
        fail('zhscan metrics --table: header %r' % lines[0])
    else:
        start = [lines[0].index(h) for h in header]  # header is ASCII: columns = characters
        for line, m in zip(lines[1:], metrics):
            if not line.startswith(m['text'] + ' '):
                fail('zhscan metrics --table: row %r does not start with the metric text %r' % (line, m['text']))
                continue
            # the text column is padded to the value column by display width
            rest = line[len(m['text']):]
            pad = len(rest) - len(rest.lstrip(' '))
            value_end = display_width(m['text']) + pad + len(rest.lstrip(' ').split(' ')[0])
            if value_end != start[2] - 2:
                fail('zhscan metrics --table: value of %r ends at column %d, expected %d (right-aligned)'
                     % (m['text'], value_end, start[2] - 2))
            if m['unit'] and display_width(line[:line.index(m['unit'], len(m['text']))]) != start[2]:
                fail('zhscan metrics --table: unit of %r not at column %d: %r' % (m['text'], start[2], line))
            if m['approx'] and display_width(line[:line.rindex(m['approx'])]) != start[3]:
                fail('zhscan metrics --table: approx of %r not at column %d: %r' % (m['text'], start[3], line))
            if line != line.rstrip():
                fail('zhscan metrics --table: trailing blanks in %r' % line)
        if not any(m['approx'] for m in metrics) or not any(display_width(m['text']) != len(m['text']) for m in metrics):
            fail('zhscan metrics --table: the test text should hold approximations and wide characters')
    if b'\x1b' in r.stdout:
        fail('zhscan metrics --table: colour codes on a pipe')
    # Colour on a terminal only, and not with NO_COLOR; JSON Lines stays the default there.
    for args in (['metrics', '--table', path], ['outline', '--tree', path]):
        rc, out = run_with_pty_stdout(cli, args)
        plain = re.sub(rb'\x1b\[[0-9;]*m', b'', out)
        if rc != 0 or b'\x1b[' not in out or plain != run(cli, args).stdout:
            fail('zhscan %s on a terminal: status %d, no colour, or other text than on a pipe' % (' '.join(args), rc))
        rc, out = run_with_pty_stdout(cli, args, env=dict(os.environ, NO_COLOR='1'))
        if b'\x1b' in out:
            fail('zhscan %s with NO_COLOR: colour codes' % ' '.join(args))
    rc, out = run_with_pty_stdout(cli, ['metrics', path])
    if b'\x1b' in out or len(json_lines(out, 'zhscan metrics on a terminal')) != len(metrics):
        fail('zhscan metrics on a terminal: not the JSON Lines output')
    # Several inputs: a "==> file <==" line before each; usage errors.
    r = run(cli, ['metrics', '--table', 'one.txt', 'two.txt'])
    heads = [l for l in r.stdout.decode('utf-8').splitlines() if l.startswith('==> ')]
    if r.returncode != 0 or heads != ['==> one.txt <==', '==> two.txt <==']:
        fail('zhscan metrics --table one.txt two.txt: status %d, file lines %r' % (r.returncode, heads))
    for bad in (['metrics', '--tree', path], ['outline', '--table', path], ['metrics', '--table', '--batch']):
        r = run(cli, bad)
        if r.returncode != 2 or r.stdout:
            fail('zhscan %s: exit status %d (2 expected)' % (' '.join(bad), r.returncode))


def sanitized(cli):
    """True for a build with AddressSanitizer (about ten times slower: the checks that run
    the program many times on generated inputs take fewer combinations there)."""
    with open(cli, 'rb') as f:
        return b'__asan_init' in f.read()


def check_windows(cli, root):
    """Inputs larger than a window (ZHSCAN_CLI_WINDOW, bytes) are read in blocks through the
    library's streams: every command but html gives byte for byte the whole-input output,
    with line ends, one-line text, long runs of one character kind, CR LF, ill-formed UTF-8
    at any cut."""
    import random
    rnd = random.Random(13)
    words = ['投入', '增长', '由', '提高到', '同比', '新建', '约', '超过', '近', '共']
    nums = ['3', '12.5', '1,200', '三', '十二', '一百零五', '4.8万', '30', '3-5', '45:55', '１２']
    units = ['万元', '亿元', '%', '所', '人次', '平方米', '个', '吨']
    runs = ['1234567890' * 40, '教育' * 300, 'abc' * 200, '\r\n' * 5, '\u3000' * 100, '１２' * 80]
    parts = []
    for _ in range(6000):
        r = rnd.random()
        if r < 0.02:
            parts.append(rnd.choice(runs))
        elif r < 0.5:
            parts.append(rnd.choice(words) + rnd.choice(nums) + rnd.choice(units))
        else:
            parts.append(rnd.choice(['，', '。', '\n', '；', '、', ' ', '\r\n', '（一）', '二、', '1．']))
    text = ''.join(parts).encode('utf-8')
    bad = bytearray(text)
    for i in range(0, len(bad), 997):
        bad[i] = 0xFF if i % 2 else 0xE4  # ill-formed bytes, also cutting characters
    inputs = {'lines.txt': text, 'oneline.txt': text.replace(b'\n', b' ').replace(b'\r', b' '),
              'illformed.txt': bytes(bad)}
    for name, data in inputs.items():
        with open(os.path.join(root, name), 'wb') as f:
            f.write(data)
    env = dict(os.environ)
    slow = sanitized(cli)
    for cmd in ('tokens', 'metrics', 'markers', 'table', 'chunks', 'outline'):
        for name in inputs:
            whole = run(cli, [cmd, name]).stdout
            if not whole:
                fail('zhscan %s %s: no output' % (cmd, name))
            for window in (('1000',) if slow else ('64', '1000', '65536')):
                env['ZHSCAN_CLI_WINDOW'] = window
                for jobs in (('1',) if slow else ('1', '3')):
                    r = subprocess.run([cli, cmd, '-j', jobs, name], capture_output=True, env=env, timeout=120)
                    if r.returncode != 0 or r.stdout != whole:
                        fail('zhscan %s -j %s %s in windows of %s bytes: status %d, output differs from the '
                             'whole-input one' % (cmd, jobs, name, window, r.returncode))
        # standard input (always read in windows) and several inputs (a "file" field)
        env['ZHSCAN_CLI_WINDOW'] = '100'
        r = subprocess.run([cli, cmd, '-'], input=inputs['lines.txt'], capture_output=True, env=env, timeout=120)
        if r.stdout != run(cli, [cmd, 'lines.txt']).stdout:
            fail('zhscan %s - (standard input): output differs from the file\'s' % cmd)
        names = ['one.txt', 'lines.txt', 'two.txt', 'oneline.txt', 'empty.txt']
        with open('empty.txt', 'wb'):
            pass
        r = subprocess.run([cli, cmd, '-j', '3'] + names, capture_output=True, env=env, timeout=120)
        del env['ZHSCAN_CLI_WINDOW']
        if r.stdout != run(cli, [cmd, '-j', '1'] + names).stdout:
            fail('zhscan %s -j 3 with large and small files: output differs from the whole-input one' % cmd)


def check_memory(cli, root):
    """Peak resident memory stays bounded: every streamed command on a generated input of
    ZHSCAN_RSS_MB megabytes (default 64; 0 skips; skipped under AddressSanitizer, whose shadow
    memory counts) stays under 100 MB (tokens on a quarter of it, its output is ~10x)."""
    mb = int(os.environ.get('ZHSCAN_RSS_MB', '64'))
    if mb <= 0 or sanitized(cli) or not os.access('/usr/bin/time', os.X_OK):
        print('  (memory check skipped)')
        return
    block = ('第一章 总则\n一、总体情况\n全市地区生产总值7890.12亿元，比上年增长5.3%。城镇化率由64.4%提高到'
             '65.2%。（一）工业\n1. 规模以上工业增加值增长6.1%，工业用电量下降1.6%。\n' * 200).encode('utf-8')
    big = os.path.join(root, 'big_rss.txt')
    with open(big, 'wb') as f:
        for _ in range(mb * (1 << 20) // len(block) + 1):
            f.write(block)
    quarter = os.path.join(root, 'quarter_rss.txt')
    with open(quarter, 'wb') as g:
        for _ in range(mb * (1 << 18) // len(block) + 1):
            g.write(block)
    try:
        for cmd, path in (('metrics', big), ('markers', big), ('table', big), ('chunks', big),
                          ('outline', big), ('tokens', quarter)):
            # /usr/bin/time measures its own child (a child forked from this process would
            # count this process's memory in its peak)
            with open(os.devnull, 'wb') as null:
                p = subprocess.run(['/usr/bin/time', '-f', 'RSS %M', cli, cmd, '-j', '1', path], stdout=null,
                                   stderr=subprocess.PIPE, timeout=600)
            m = re.search(rb'RSS (\d+)', p.stderr)
            rss_mb = int(m.group(1)) / 1024.0 if m else 1e9
            print('  %-8s %5.1f MB peak resident' % (cmd, rss_mb))
            if p.returncode != 0 or rss_mb > 100:
                fail('zhscan %s on %d MB: status %d, %.1f MB resident (bound: 100 MB)' % (cmd, mb, p.returncode, rss_mb))
    finally:
        os.remove(big)
        os.remove(quarter)


def run_with_pty_stderr(cli, args):
    """Runs `cli args` with stdout a pipe and stderr a terminal; returns (rc, stdout, stderr)."""
    master, slave = pty.openpty()
    try:
        p = subprocess.Popen([cli] + args, stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL)
        os.close(slave)
        slave = -1
        err = b''
        while True:
            ready, _, _ = select.select([master], [], [], 60)
            if not ready:
                break
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            err += chunk
        out = p.stdout.read()
        p.stdout.close()
        return p.wait(timeout=60), out, err
    finally:
        os.close(master)
        if slave >= 0:
            os.close(slave)


def check_progress(cli):
    files = ['one.txt', 'two.txt'] + DIR_FILES
    plain = run(cli, ['metrics'] + files)
    if plain.stderr:
        fail('zhscan metrics with stderr not a terminal printed progress: %r' % plain.stderr[:200])
    rc, out, err = run_with_pty_stderr(cli, ['metrics'] + files)
    text = err.decode('utf-8', 'replace')
    if rc != 0 or out != plain.stdout:
        fail('zhscan metrics with a terminal on stderr: status %d or stdout differs' % rc)
    if not re.search(r'%d/%d files, [0-9.]+ MB, [0-9.]+ MB/s' % (len(files), len(files)), text):
        fail('zhscan metrics: no progress line on a terminal, stderr was %r' % text[-300:])
    forced = run(cli, ['metrics', '--progress'] + files)
    if forced.stdout != plain.stdout or b'MB/s' not in forced.stderr:
        fail('zhscan metrics --progress: progress missing on stderr or stdout changed')
    rc, out, err = run_with_pty_stderr(cli, ['metrics', '--no-progress'] + files)
    if err.strip():
        fail('zhscan metrics --no-progress on a terminal printed %r' % err[:200])


def check_readme(cli, readme, root):
    with open(readme, encoding='utf-8') as f:
        text = f.read()
    m = re.search(r'<!-- run by tests/cli_check.py -->\s*\n```(?:sh|bash)?\n(.*?)\n```', text, re.S)
    if not m:
        fail('%s: no code block after "<!-- run by tests/cli_check.py -->"' % readme)
        return
    work = os.path.join(root, 'readme-example')
    os.makedirs(os.path.join(work, 'bin'))
    os.symlink(os.path.abspath(cli), os.path.join(work, 'bin', 'zhscan'))
    shutil.copytree(os.path.join(os.path.dirname(os.path.abspath(readme)), 'samples'),
                    os.path.join(work, 'samples'))
    env = dict(os.environ, PATH=os.path.join(work, 'bin') + os.pathsep + os.environ.get('PATH', ''))
    r = subprocess.run(['bash', '-euo', 'pipefail', '-c', m.group(1)], cwd=work, env=env,
                       capture_output=True, timeout=120)
    if r.returncode != 0 or not r.stdout.strip():
        fail('README batch example: exit status %d, stdout %r, stderr %r'
             % (r.returncode, r.stdout[:300], r.stderr[:500]))
    else:
        print('README batch example output:\n' + r.stdout.decode('utf-8', 'replace').rstrip())


def check_exact(cli):
    """Values print as the exact decimal of what is written, in its shortest form."""
    cases = [('\u6536\u51652.01\u4e07\u5143\u3002', '"value":20100,'),
             ('\u65b0\u589e0.35\u4ebf\u3002', '"value":35000000,'),
             ('\u5171\u8ba19007.199254740993\u4e07\u4ebf\u5143\u3002', '"value":9007199254740993,'),
             ('\u6536\u51653.62\u4ebf\u5143\u3002', '"value":362000000,'),
             ('\u589e\u957f8.5%\u3002', '"value":8.5,'),
             ('\u6295\u8d441.1\u4e07-2.3\u4e07\u5143\u3002', '"low":11000,"high":23000,')]
    for text, want in cases:
        r = run(cli, ['metrics'], text.encode())
        out = r.stdout.decode('utf-8', 'replace')
        if r.returncode != 0 or out.count('\n') != 1 or want not in out:
            fail('zhscan metrics %r: expected %s in %r' % (text, want, out))
    r = run(cli, ['number'], '9007.199254740993\u4e07\u4ebf\n2.01\u4e07\n'.encode())
    out = r.stdout.decode('utf-8', 'replace')
    if '"value":9007199254740993}' not in out or '"value":20100}' not in out:
        fail('zhscan number: inexact values in %r' % out)


def check_parts(cli, root):
    """One large file in parts (ZHSCAN_CLI_PART, bytes, makes them small) on -j threads:
    metrics and markers give byte for byte the whole-input output, the "section" and
    "change_from" fields included, for every part size and thread count; cuts fall after line
    ends, inside one-line text and ill-formed UTF-8 too; several inputs keep their "file" field."""
    import random
    rnd = random.Random(29)
    heads = ['一、', '二、', '三、', '（一）', '（二）', '1．', '2．', '第一章', '第二章', '①', '②']
    body = ['营业收入4.35亿元，同比增长12.6%', '城镇化率65.2%，比上年末提高0.8个百分点', '由3.5万人提高到4.2万人',
            '新建学校12所', '约3-5万元', '其中，第一产业增加值310.58亿元，增长3.9%', '占比45:55', '工业用电量下降1.6%']
    lines = []
    for _ in range(900):
        r = rnd.random()
        if r < 0.25:
            lines.append(rnd.choice(heads) + rnd.choice(['总体情况', '主要指标', '']))
        else:
            lines.append('；'.join(rnd.choice(body) for _ in range(rnd.randint(1, 4))) + '。')
    text = '\n'.join(lines).encode('utf-8')
    bad = bytearray(text)
    for i in range(0, len(bad), 1499):
        bad[i] = 0xFF
    inputs = {'parts_lines.txt': text, 'parts_oneline.txt': text.replace(b'\n', b' '),
              'parts_bad.txt': bytes(bad)}
    for name, data in inputs.items():
        with open(os.path.join(root, name), 'wb') as f:
            f.write(data)
    env = dict(os.environ)
    env.pop('ZHSCAN_CLI_PART', None)
    slow = sanitized(cli)
    for cmd in ('metrics', 'markers'):
        for name in inputs:
            whole = subprocess.run([cli, cmd, '-j', '1', name], capture_output=True, env=env, timeout=120).stdout
            if cmd == 'metrics' and not re.search(rb'"section":[0-9]', whole):
                fail('zhscan metrics %s: no sections in the test text' % name)
            for part in (('700',) if slow else ('64', '700', '5000')):
                for jobs in (('2',) if slow else ('1', '2', '3')):
                    env['ZHSCAN_CLI_PART'] = part
                    r = subprocess.run([cli, cmd, '-j', jobs, name], capture_output=True, env=env, timeout=120)
                    if r.returncode != 0 or r.stdout != whole:
                        fail('zhscan %s -j %s %s in parts of %s bytes: status %d, output differs from the '
                             'whole-input one' % (cmd, jobs, name, part, r.returncode))
        names = ['one.txt', 'parts_lines.txt', 'two.txt', 'parts_bad.txt']
        env['ZHSCAN_CLI_PART'] = '300'
        r = subprocess.run([cli, cmd, '-j', '2'] + names, capture_output=True, env=env, timeout=120)
        del env['ZHSCAN_CLI_PART']
        if r.stdout != subprocess.run([cli, cmd, '-j', '1'] + names, capture_output=True, env=env,
                                      timeout=120).stdout:
            fail('zhscan %s -j 2 in parts with several inputs: output differs from the whole-input one' % cmd)


def main():
    args = sys.argv[1:]
    readme = None
    if '--readme' in args:
        i = args.index('--readme')
        readme = args[i + 1]
        del args[i:i + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    cli = os.path.abspath(args[0])
    root = tempfile.mkdtemp(prefix='zhscan_cli_check_')
    cwd = os.getcwd()
    try:
        make_tree(root)
        os.makedirs(os.path.join(root, 'jobs'))
        os.chdir(root)  # relative paths: the "file" fields are the inputs as given
        checks = [('files and directories', lambda: check_files_and_dirs(cli)),
                  ('-j order', lambda: check_jobs(cli, root)),
                  ('missing file', lambda: check_missing(cli)),
                  ('--batch', lambda: check_batch(cli)),
                  ('write errors', lambda: check_write_errors(cli, root)),
                  ('read errors', lambda: check_read_errors(cli, root)),
                  ('number', lambda: check_number(cli)),
                  ('chunks', lambda: check_chunks(cli)),
                  ('exact values', lambda: check_exact(cli)),
                  ('--tree, --table', lambda: check_views(cli, root)),
                  ('windows', lambda: check_windows(cli, root)),
                   ('parts (-j on one file)', lambda: check_parts(cli, root)),
                   ('bounded memory', lambda: check_memory(cli, root)),
                  ('progress', lambda: check_progress(cli))]
        if readme:
            checks.append(('README example', lambda: check_readme(cli, os.path.join(cwd, readme), root)))
        for name, fn in checks:
            before = len(FAILURES)
            fn()
            print('%-22s %s' % (name, 'ok' if len(FAILURES) == before else 'FAILED'))
    finally:
        os.chdir(cwd)
        shutil.rmtree(root, ignore_errors=True)
    print('cli_check: %d failure(s)' % len(FAILURES))
    return 1 if FAILURES else 0


if __name__ == '__main__':
    sys.exit(main())

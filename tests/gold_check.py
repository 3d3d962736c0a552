#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Run the zhscan CLI over the shared corpus and score it against the gold annotations.

usage: gold_check.py [--zhscan PATH] [--shared DIR] [--quiet] [--keep DIR] [--timeout S]

For every <shared>/corpus/*.txt it runs `zhscan markers`, `zhscan metrics`, `zhscan outline`
and `zhscan tokens`, writes the markers/metrics predictions into temporary folders (one
<document>.jsonl each, the layout the scorers read), then runs
<shared>/gold/score_outline.py and score_metrics.py and prints their totals and
per-document lines.  It also feeds every subcommand deterministic arbitrary bytes (invalid
UTF-8, NUL, CR, lone digits and numerals), so the contract is checked without the corpus too.

Exit status 1 when the CLI crashes, times out, exits non-zero, or prints anything that is
not valid JSON of the expected shape (JSON Lines for tokens/markers/metrics with integer
start <= end inside the input, one JSON document for outline, tokens tiling the input).
Accuracy thresholds are not checked here (yet): the scores are printed and the check passes.
When the shared folder is absent the corpus part is skipped with a message.
"""
import argparse
import glob
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
LINE_COMMANDS = ('markers', 'metrics', 'tokens')


class Failure(Exception):
    pass


def find_cli():
    """The most recently built zhscan program under build*/ (any build folder)."""
    cands = [p for p in glob.glob(os.path.join(REPO, 'build*', '**', 'zhscan'), recursive=True)
             if os.path.isfile(p) and os.access(p, os.X_OK)]
    return max(cands, key=os.path.getmtime) if cands else None


def run_cli(cli, cmd, path, timeout):
    try:
        p = subprocess.run([cli, cmd, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        raise Failure(f'`zhscan {cmd} {path}` took more than {timeout} s')
    if p.returncode != 0:
        err = p.stderr.decode('utf-8', 'replace').strip()[-2000:]
        what = f'signal {-p.returncode}' if p.returncode < 0 else f'status {p.returncode}'
        raise Failure(f'`zhscan {cmd} {path}` exited with {what}\n{err}')
    try:
        return p.stdout.decode('utf-8')
    except UnicodeDecodeError as e:
        raise Failure(f'`zhscan {cmd} {path}` printed ill-formed UTF-8: {e}')


def span_of(rec):
    s = rec.get('start', rec.get('byte_start'))
    e = rec.get('end', rec.get('byte_end'))
    return s, e


def check_lines(cmd, path, out, size):
    """Parses JSON Lines output; returns the records. Raises Failure on a contract break."""
    recs = []
    for n, line in enumerate(out.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise Failure(f'`zhscan {cmd} {path}` line {n}: invalid JSON ({e}): {line[:200]}')
        if not isinstance(rec, dict):
            raise Failure(f'`zhscan {cmd} {path}` line {n}: not a JSON object: {line[:200]}')
        s, e = span_of(rec)
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= size):
            raise Failure(f'`zhscan {cmd} {path}` line {n}: bad start/end for a {size}-byte '
                          f'input: {line[:200]}')
        recs.append(rec)
    if cmd == 'tokens' and recs:
        pos = 0
        for n, rec in enumerate(recs, 1):
            s, e = span_of(rec)
            if s != pos or e <= s:
                raise Failure(f'`zhscan tokens {path}` token {n} [{s},{e}) does not continue '
                              f'the tiling at byte {pos}')
            pos = e
        if pos != size:
            raise Failure(f'`zhscan tokens {path}` tokens end at byte {pos}, input has {size}')
    return recs


def check_outline(path, out):
    try:
        json.loads(out)
    except json.JSONDecodeError as e:
        raise Failure(f'`zhscan outline {path}`: not one JSON document ({e}): {out[:200]}')


def check_document(cli, path, timeout, pred_dirs, warnings):
    size = os.path.getsize(path)
    for cmd in LINE_COMMANDS:
        out = run_cli(cli, cmd, path, timeout)
        recs = check_lines(cmd, path, out, size)
        if cmd == 'tokens' and size and not recs:
            warnings.add('`zhscan tokens` printed no tokens (not implemented yet?)')
        if cmd in pred_dirs:
            with open(os.path.join(pred_dirs[cmd], os.path.basename(path) + '.jsonl'), 'w',
                      encoding='utf-8') as f:
                f.write(out)
    check_outline(path, run_cli(cli, 'outline', path, timeout))


def arbitrary_inputs():
    """Deterministic byte strings that stress the decoder and the numeral/marker paths."""
    rng = random.Random(20240601)
    pieces = [b'\xe4\xb8\x80', b'\xe3\x80\x81', b'\xef\xbc\x88', b'\xef\xbc\x89', b'\xe4\xb8\x87',
              b'\xe5\x85\x83', b'\xe4\xba\xbf', b'%', b'.', b'1', b'23', b'\xef\xbc\x91',
              b'\xe2\x91\xa0', b'\xe7\xac\xac', b'\xe7\xab\xa0', b'\n', b'\r\n', b'\r', b' ',
              b'\xe3\x80\x80', b'\x00', b'\xc0\xaf', b'\xed\xa0\x80', b'\xf5', b'\x80', b'\xe4\xb8',
              b'\xf0\x9f\x98\x80', b'(', b')', b'\xe3\x80\x82', b'\xe5\xa4\x9a', b'\xe7\xba\xa6',
              b'\xe2\x80\x94', b'\xef\xbc\x9a', b'\xe5\x8d\x81', b'\xe7\x99\xbe', b'\xe4\xba\x8c']
    yield b''
    yield bytes(range(256))
    yield b'\xe4\xb8' * 1000
    for _ in range(24):
        n = rng.randrange(1, 400)
        if rng.random() < 0.3:
            yield bytes(rng.randrange(256) for _ in range(n))
        else:
            yield b''.join(rng.choice(pieces) for _ in range(n))
    # One long line without a newline: catches quadratic behaviour (the timeout applies).
    yield (b'\xe4\xb8\x80\xe3\x80\x81' + b'12.5\xe4\xb8\x87\xe5\x85\x83\xef\xbc\x8c') * 40000


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--zhscan', help='the zhscan program (default: newest build*/**/zhscan)')
    ap.add_argument('--shared', help='shared folder (default: $ZHSCAN_SHARED_DIR or <repo>/../shared)')
    ap.add_argument('--quiet', action='store_true', help='print only the overall scores')
    ap.add_argument('--keep', help='write the predictions into this folder and keep them')
    ap.add_argument('--timeout', type=float, default=120.0, help='seconds per CLI run')
    args = ap.parse_args()

    cli = args.zhscan or find_cli()
    if not cli or not os.access(cli, os.X_OK):
        print(f'gold_check: no zhscan program (got {cli!r}); build the CLI first', file=sys.stderr)
        return 1
    shared = args.shared or os.environ.get('ZHSCAN_SHARED_DIR') or os.path.join(REPO, '..', 'shared')
    shared = os.path.abspath(shared)
    warnings = set()
    failures = []

    # 1. Arbitrary bytes: the contract holds for any input.
    with tempfile.TemporaryDirectory(prefix='zhscan_gold_') as tmp:
        n_inputs = 0
        for i, data in enumerate(arbitrary_inputs()):
            path = os.path.join(tmp, f'arbitrary_{i:02d}.txt')
            with open(path, 'wb') as f:
                f.write(data)
            try:
                check_document(cli, path, args.timeout, {}, warnings)
            except Failure as e:
                failures.append(str(e))
            n_inputs += 1
        print(f'gold_check: {n_inputs} arbitrary-byte inputs through tokens/markers/metrics/outline: '
              f'{"ok" if not failures else f"{len(failures)} FAILED"}')

    # 2. The shared corpus, scored against the gold annotations.
    corpus = sorted(glob.glob(os.path.join(shared, 'corpus', '*.txt')))
    gold = os.path.join(shared, 'gold')
    if not corpus:
        print(f'gold_check: SKIP corpus and scores: no documents in {shared}/corpus '
              f'(set ZHSCAN_SHARED_DIR to the shared folder)')
    else:
        out_root = args.keep or tempfile.mkdtemp(prefix='zhscan_gold_')
        pred_dirs = {c: os.path.join(out_root, c) for c in ('markers', 'metrics')}
        for d in pred_dirs.values():
            os.makedirs(d, exist_ok=True)
        for path in corpus:
            try:
                check_document(cli, path, args.timeout, pred_dirs, warnings)
            except Failure as e:
                failures.append(str(e))
        print(f'gold_check: {len(corpus)} corpus documents through the CLI: '
              f'{"ok" if not failures else "FAILED"}')
        if not failures:
            failures += score(gold, pred_dirs, shared, args.quiet)
        if args.keep:
            print(f'gold_check: predictions kept in {out_root}')
        else:
            import shutil
            shutil.rmtree(out_root, ignore_errors=True)

    for w in sorted(warnings):
        print(f'gold_check: WARN {w}')
    for f in failures:
        print(f'gold_check: FAIL {f}', file=sys.stderr)
    print(f'gold_check: {"FAILED" if failures else "passed"}')
    return 1 if failures else 0


def run_scorer(argv):
    p = subprocess.run([sys.executable] + argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True)
    return p.returncode, p.stdout, p.stderr


def score(gold, pred_dirs, shared, quiet):
    failures = []
    scorer = os.path.join(gold, 'score_outline.py')
    if os.path.exists(scorer):
        rc, out, err = run_scorer([scorer, os.path.join(gold, 'outline'), pred_dirs['markers']])
        if rc != 0:
            failures.append(f'score_outline.py failed on the markers output:\n{err[-2000:]}')
        else:
            print('== Outline markers (score_outline.py)')
            for line in out.splitlines():
                if line.strip() and (not quiet or line.startswith(('==', 'OVERALL'))):
                    print('  ' + line)
    scorer = os.path.join(gold, 'score_metrics.py')
    if os.path.exists(scorer):
        rc, out, err = run_scorer([scorer, os.path.join(gold, 'metrics'), pred_dirs['metrics'],
                                   '--seeds', os.path.join(shared, 'corpus')])
        if rc != 0:
            failures.append(f'score_metrics.py failed on the metrics output:\n{err[-2000:]}')
        else:
            print('== Metrics (score_metrics.py)')
            overall = False
            for line in out.splitlines():
                overall = overall or line.startswith('== OVERALL')
                # Per document: the "all" line; overall: every numeral group.
                if overall or (not quiet and (line.startswith('==') or '[all' in line)):
                    print('  ' + line)
    return failures


if __name__ == '__main__':
    sys.exit(main())

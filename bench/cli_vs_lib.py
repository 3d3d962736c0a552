#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The command-line program against the library, side by side, on one large file.

usage: bench/cli_vs_lib.py --zhscan BUILD/examples/zhscan [--file FILE | --mb N]
                           [--runs 5] [--jobs 1,2] [--commands metrics,markers,tokens]
                           [--random-mb 32]

- FILE: the input (default: the shared corpus, $ZHSCAN_SHARED_DIR/corpus/*.txt or
  ../shared/corpus, repeated to N MB, default 256, written to a temporary file);
- the library side: bench/cli_vs_lib.cpp built here (g++ -O2), timing in one process
  find_metrics; find_metrics + find_markers + find_changes (every call whose result
  `metrics` prints) and the same plus writing its JSON lines; find_markers + outline, and
  find_markers + writing its lines; tokenize, and tokenize + writing the tokens' JSON lines;
  over the file in memory (median of RUNS);
- the program side: `zhscan COMMAND -j N FILE > /dev/null` under /usr/bin/time -v, RUNS
  times: median wall seconds, median CPU seconds (user + sys) and peak resident memory
  (maximum over the runs);
- printed: MB/s of each; the ratio program/library against the bare call (find_metrics,
  find_markers + outline, tokenize + JSON: 1.0 = the program is as fast as the call alone)
  and against the library doing the program's whole work (calls + writing the same JSON),
  each by wall time and by CPU time (the steadier figure on a busy machine); the -j
  scaling (wall and CPU time of -j 1 over -j N); with --random-mb, `zhscan tokens` on that
  many MB of random bytes too (peak RSS: the bounded-memory case).
Runs alternate between the commands so a drift of the machine's speed touches all alike.
"""
import argparse
import glob
import os
import re
import statistics
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build_lib_bench(tmp):
    exe = os.path.join(tmp, 'cli_vs_lib')
    subprocess.run(['g++', '-std=c++17', '-O2', '-DNDEBUG', '-I', os.path.join(REPO, 'include'),
                    '-I', os.path.join(REPO, 'examples'), os.path.join(REPO, 'bench', 'cli_vs_lib.cpp'),
                    '-o', exe], check=True)
    return exe


def make_input(path, mb):
    shared = os.environ.get('ZHSCAN_SHARED_DIR') or os.path.join(REPO, '..', 'shared')
    docs = sorted(glob.glob(os.path.join(shared, 'corpus', '*.txt')))
    if not docs:
        docs = [os.path.join(REPO, 'samples', 'report.txt')]
    data = b''.join(open(d, 'rb').read() for d in docs)
    want = mb << 20
    with open(path, 'wb') as f:
        n = 0
        while n < want:
            f.write(data)
            n += len(data)
    return len(docs)


def timed(cmd):
    """Runs cmd with stdout to /dev/null under /usr/bin/time -v:
    (wall seconds, peak KB, rc, cpu seconds = user + sys)."""
    with open(os.devnull, 'wb') as null:
        r = subprocess.run(['/usr/bin/time', '-v'] + cmd, stdout=null, stderr=subprocess.PIPE)
    err = r.stderr.decode('utf-8', 'replace')
    m = re.search(r'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)', err)
    wall = (int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))) if m else float('nan')
    k = re.search(r'Maximum resident set size \(kbytes\): (\d+)', err)
    u = re.search(r'User time \(seconds\): ([\d.]+)', err)
    s = re.search(r'System time \(seconds\): ([\d.]+)', err)
    cpu = float(u.group(1)) + float(s.group(1)) if u and s else float('nan')
    return wall, int(k.group(1)) if k else -1, r.returncode, cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--zhscan', required=True)
    ap.add_argument('--file')
    ap.add_argument('--mb', type=int, default=256)
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--jobs', default='1,2')
    ap.add_argument('--commands', default='metrics,markers,tokens')
    ap.add_argument('--random-mb', type=int, default=0)
    a = ap.parse_args()
    if not os.path.exists('/usr/bin/time'):
        sys.exit('needs /usr/bin/time (Debian: time)')
    tmp = tempfile.mkdtemp(prefix='zhscan_cli_vs_lib_')
    try:
        path = a.file
        if not path:
            path = os.path.join(tmp, 'input.txt')
            n = make_input(path, a.mb)
            print('input: %d shared documents repeated to %d MB' % (n, a.mb))
        size = os.path.getsize(path)
        mb = size / 1e6
        lib = build_lib_bench(tmp)
        out = subprocess.run([lib, path, str(a.runs)], check=True, capture_output=True).stdout.decode()
        lib_s = {k: float(v) for k, v, _ in (line.split() for line in out.splitlines())}
        lib_c = {k: float(c) for k, _, c in (line.split() for line in out.splitlines())}
        # command: (bare call, its name, the library doing the command's whole work)
        lib_rows = {'metrics': ('metrics', 'find_metrics', 'metrics_json'),
                    'markers': ('markers', 'find_markers+outline', 'markers_json'),
                    'tokens': ('tokens', 'tokenize+JSON', 'tokens')}
        cmds = [c for c in a.commands.split(',') if c]
        jobs = [j for j in a.jobs.split(',') if j]
        runs = {(c, j): [] for c in cmds for j in jobs}
        for _ in range(a.runs):  # interleaved
            for c in cmds:
                for j in jobs:
                    runs[(c, j)].append(timed([a.zhscan, c, '-j', j, '--no-progress', path]))
        print('file: %s, %.1f MB; medians of %d runs' % (path if a.file else 'generated', mb, a.runs))
        print('library (CPU s): ' + ', '.join('%s %.3f' % (k, lib_c[k]) for k in sorted(lib_c)))
        print('library: tokenize alone %.0f MB/s; writing the tokens\' JSON is %.0f%% of tokenize+JSON (CPU)'
              % (mb / lib_c['tokenize'], 100 * (1 - lib_c['tokenize'] / lib_c['tokens'])))
        print('library: find_markers + find_changes add %.0f%% to find_metrics, writing the metrics\' JSON '
              '%.0f%% more (CPU)' % (100 * (lib_c['metrics_calls'] / lib_c['metrics'] - 1),
                                    100 * (lib_c['metrics_json'] - lib_c['metrics_calls']) / lib_c['metrics']))
        print('ratio = library time / tool time (1.0 = as fast as the library); "bare": the call alone, '
              '"whole": the library doing the same work (calls + the same JSON)')
        print('%-8s %-4s %8s %9s %9s %22s %9s %11s %11s %8s %10s' % (
            'command', '-j', 'tool s', 'tool cpu', 'tool MB/s', 'bare call', 'lib MB/s', 'bare w/cpu',
            'whole w/cpu', '-j gain', 'peak RSS'))
        for c in cmds:
            key, what, whole = lib_rows[c]
            base_wall = base_cpu = None
            for j in jobs:
                rs = runs[(c, j)]
                wall = statistics.median(r[0] for r in rs)
                cpu = statistics.median(r[3] for r in rs)
                rss = max(r[1] for r in rs)
                bad = [r[2] for r in rs if r[2] != 0]
                if base_wall is None:
                    base_wall, base_cpu = wall, cpu
                print('%-8s %-4s %8.2f %9.2f %9.0f %22s %9.0f %5.2f/%5.2f %5.2f/%5.2f %8s %7.1f MB%s'
                      % (c, j, wall, cpu, mb / wall, what, mb / lib_c[key], lib_s[key] / wall, lib_c[key] / cpu,
                         lib_s[whole] / wall, lib_c[whole] / cpu,
                         '%.2fx' % (base_wall / wall), rss / 1024, '  (exit status %s!)' % bad[0] if bad else ''))
            if len(jobs) > 1:
                print('%-8s -j CPU time: %s' % (c, ', '.join('-j %s %.2f s' % (j, statistics.median(r[3] for r in runs[(c, j)]))
                                                             for j in jobs)))
        if a.random_mb:
            rnd = os.path.join(tmp, 'random.bin')
            with open(rnd, 'wb') as f:
                f.write(os.urandom(a.random_mb << 20))
            rs = [timed([a.zhscan, 'tokens', '-j', '1', rnd]) for _ in range(max(1, a.runs // 2))]
            print('tokens on %d MB of random bytes: %.2f s wall, %.2f s CPU, peak RSS %.1f MB'
                  % (a.random_mb, statistics.median(r[0] for r in rs), statistics.median(r[3] for r in rs),
                     max(r[1] for r in rs) / 1024))
    finally:
        for f in glob.glob(os.path.join(tmp, '*')):
            os.remove(f)
        os.rmdir(tmp)


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Metrics through Python, per MB, against the C++ library in the same process.

    python bench/python_bench.py [--mb 8] [--repeat 5] [--corpus DIR]

The documents are the shared corpus's files (ZHSCAN_SHARED_DIR/corpus, or --corpus)
repeated until about --mb MB. Rows (MB/s of UTF-8 input, wall clock; the rows run in turn,
--repeat rounds, and each row's best round counts; MB/CPU-s divides by the process's CPU
time instead, all threads together, which a busy machine disturbs less):
  library         what metrics() does in C++, one thread: find_metrics, then (for the
                  metrics' section) find_markers, outline, assign_sections
                  (zhscan._zhscan._bench_find_metrics(..., sections=True))
  find_metrics    zhscan::find_metrics alone, for reference
  metrics(str)    one zhscan.metrics call per document, str input (code-point offsets)
  metrics(bytes)  the same with bytes input (byte offsets)
  batch 1 / 2     zhscan.metrics_batch(docs, threads=1 / 2), str input
  frame           zhscan.metrics_frame(docs, threads=1) (pandas)
Every Python row includes building the Python result objects. Goals: batch >= 50% of the
library's speed per thread; 2 threads >= 1.6x one.
"""
import argparse
import os
import sys
import time

import zhscan
from zhscan import _zhscan


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=8.0, help="input size in MB (default 8)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per row; the best counts")
    ap.add_argument("--corpus", help="folder of .txt files (default: $ZHSCAN_SHARED_DIR/corpus)")
    args = ap.parse_args()

    here = os.path.dirname(os.path.abspath(__file__))
    corpus = args.corpus or os.path.join(
        os.environ.get("ZHSCAN_SHARED_DIR") or os.path.join(here, "..", "..", "shared"), "corpus")
    files = sorted(os.path.join(corpus, f) for f in os.listdir(corpus) if f.endswith(".txt"))
    if not files:
        sys.exit(f"no .txt files in {corpus}")
    base = [open(f, "rb").read() for f in files]
    docs_b = []
    while sum(map(len, docs_b)) < args.mb * 1e6:
        docs_b.extend(base)
    docs_s = [d.decode("utf-8", "surrogateescape") for d in docs_b]
    mb = sum(map(len, docs_b)) / 1e6
    n_metrics = sum(len(zhscan.metrics(d)) for d in docs_b)
    print(f"input: {len(docs_b)} documents, {mb:.2f} MB, {n_metrics} metrics "
          f"({n_metrics / mb:.0f} per MB); zhscan {zhscan.__version__}, best of {args.repeat}")

    def library():
        for d in docs_b:
            _zhscan._bench_find_metrics(d, 1, True)

    def find_metrics_only():
        for d in docs_b:
            _zhscan._bench_find_metrics(d, 1, False)

    rows = [
        ("library (C++ metrics+sections, 1 thread)", library),
        ("find_metrics alone (C++, 1 thread)", find_metrics_only),
        ("metrics(str), one call per document", lambda: [zhscan.metrics(d) for d in docs_s]),
        ("metrics(bytes), one call per document", lambda: [zhscan.metrics(d) for d in docs_b]),
        ("metrics_batch(str, threads=1)", lambda: zhscan.metrics_batch(docs_s, threads=1)),
        ("metrics_batch(str, threads=2)", lambda: zhscan.metrics_batch(docs_s, threads=2)),
        ("metrics_batch(bytes, threads=1)", lambda: zhscan.metrics_batch(docs_b, threads=1)),
        ("metrics_batch(bytes, threads=2)", lambda: zhscan.metrics_batch(docs_b, threads=2)),
    ]
    try:
        import pandas  # noqa: F401

        rows.append(("metrics_frame(str, threads=1)", lambda: zhscan.metrics_frame(docs_s, threads=1)))
    except ImportError:
        pass

    # Round robin: every row runs once per round, so a busy spell of the machine hits all
    # rows alike; each row's best round counts.
    best = {name: float("inf") for name, _ in rows}
    cpu = {name: float("inf") for name, _ in rows}
    for _ in range(args.repeat):
        for name, fn in rows:
            c0, t0 = time.process_time(), time.perf_counter()
            result = fn()
            best[name] = min(best[name], time.perf_counter() - t0)
            cpu[name] = min(cpu[name], time.process_time() - c0)
            del result
    speed = {name: mb / t for name, t in best.items()}
    per_cpu = {name: mb / max(t, 1e-9) for name, t in cpu.items()}
    lib, lib_cpu = speed[rows[0][0]], per_cpu[rows[0][0]]
    print(f"{'':40} {'MB/s':>8} {'of library':>11} {'MB/CPU-s':>9} {'of library':>11}")
    for name, _ in rows:
        print(f"{name:40} {speed[name]:8.1f} {speed[name] / lib:10.0%} "
              f"{per_cpu[name]:9.1f} {per_cpu[name] / lib_cpu:10.0%}")
    for kind in ("str", "bytes"):
        one, two = speed[f"metrics_batch({kind}, threads=1)"], speed[f"metrics_batch({kind}, threads=2)"]
        print(f"batch {kind}: 2 threads / 1 thread = {two / one:.2f}x")


if __name__ == "__main__":
    main()

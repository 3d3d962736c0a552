#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Finds the metrics of a corpus on a Dask cluster and writes them as JSON Lines.

    dask_pipeline.py [--workers N] [--scheduler ADDRESS] INPUT OUTPUT.jsonl

INPUT is a folder (searched recursively for *.txt, in sorted order, like the command-line
tool) or a glob pattern ("corpus/**/*.txt"). Without --scheduler a distributed.LocalCluster
of N worker processes (default: the cores) is started on this machine, every listener on
127.0.0.1; with --scheduler tcp://HOST:8786 the documents go to a running cluster, whose
workers must see INPUT at the same path (shared storage) and have zhscan installed.

OUTPUT gets one line per metric, in input order: {"file": <path>, then `zhscan metrics`'s
fields with the same values} (exact numbers; "section" from each document's own outline,
a byte offset, as the tool gives it). Progress goes to standard error. Exit status 0, or 2 when an
input could not be read (one line on standard error for each; the run goes on), or 1 when
INPUT matches nothing.

Needs the zhscan package and Dask (Debian 12: python3-dask python3-distributed); see the
README's "Python" and "Scaling out" sections.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import time
from typing import List, Tuple

import zhscan


def list_inputs(pattern: str) -> List[str]:
    """The .txt files of a folder (recursively, sorted), or the files matching a glob."""
    if os.path.isdir(pattern):
        found = []
        for root, dirs, files in os.walk(pattern):
            dirs.sort()
            found.extend(os.path.join(root, f) for f in files if f.endswith(".txt"))
        return sorted(found)
    return sorted(p for p in glob.glob(pattern, recursive=True) if os.path.isfile(p))


def scan_partition(paths: List[str]) -> List[Tuple[str, int, str]]:
    """Runs on a worker: for each path, (JSON Lines of its metrics, bytes read, error)."""
    out = []
    for path in paths:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            out.append(("", 0, f"dask_pipeline: cannot read {path}: {e.strerror or e}"))
            continue
        lines = []
        for m in zhscan.metrics(data):  # bytes: byte offsets, as `zhscan metrics` reports
            rec = {"file": path}
            rec.update(m.to_dict())
            lines.append(json.dumps(rec, ensure_ascii=False) + "\n")
        out.append(("".join(lines), len(data), ""))
    return out


def partitions(paths: List[str], workers: int) -> int:
    """About eight partitions per worker (load balance) and at most 1000 files in one."""
    return max(1, min(len(paths), max(workers * 8, -(-len(paths) // 1000))))


class Progress:
    """Partitions, files, MB and MB/s on stderr; redrawn in place on a terminal."""

    def __init__(self, total_parts: int, total_files: int) -> None:
        self.tty = sys.stderr.isatty()
        self.start = self.last = time.monotonic()
        self.parts, self.total_parts = 0, total_parts
        self.files, self.total_files = 0, total_files
        self.bytes = 0

    def update(self, files: int, nbytes: int, final: bool = False) -> None:
        self.parts += 1
        self.files += files
        self.bytes += nbytes
        now = time.monotonic()
        if not final and now - self.last < (0.2 if self.tty else 5.0):
            return
        self.last = now
        secs = max(now - self.start, 1e-9)
        mb = self.bytes / 1e6
        line = (f"{self.parts}/{self.total_parts} partitions, {self.files}/{self.total_files}"
                f" files, {mb:.1f} MB, {mb / secs:.1f} MB/s")
        sys.stderr.write(("\r" + line + "   " + ("\n" if final else "")) if self.tty else line + "\n")
        sys.stderr.flush()


def run(client, paths: List[str], output: str, workers: int) -> int:
    import dask.bag as db
    from distributed import as_completed

    nparts = partitions(paths, workers)
    bag = db.from_sequence(paths, npartitions=nparts).map_partitions(scan_partition)
    futures = client.compute(bag.to_delayed())
    index = {f.key: i for i, f in enumerate(futures)}
    progress = Progress(len(futures), len(paths))
    status = 0
    ready = {}
    next_part = 0
    with open(output, "w", encoding="utf-8", newline="\n") as out:
        for done, i in ((f, index[f.key]) for f in as_completed(futures)):
            ready[i] = done.result()
            futures[i] = None  # the cluster may forget it
            progress.update(len(ready[i]), sum(n for _, n, _ in ready[i]),
                            final=progress.parts + 1 == progress.total_parts)
            while next_part in ready:  # write in input order
                for lines, _, err in ready.pop(next_part):
                    if err:
                        print(err, file=sys.stderr)
                        status = 2
                    out.write(lines)
                next_part += 1
    return status


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--workers", type=int, default=0,
                    help="worker processes of the local cluster (default: the cores)")
    ap.add_argument("--scheduler", metavar="ADDRESS",
                    help="address of a running Dask scheduler (tcp://host:8786) instead of a local cluster")
    ap.add_argument("input", metavar="INPUT", help="folder of .txt files, or a glob pattern")
    ap.add_argument("output", metavar="OUTPUT.jsonl")
    args = ap.parse_args(argv)
    if args.workers < 0:
        ap.error("--workers must be >= 1")

    paths = list_inputs(args.input)
    if not paths:
        print(f"dask_pipeline: no .txt file in {args.input}", file=sys.stderr)
        return 1

    from distributed import Client, LocalCluster

    if args.scheduler:
        with Client(args.scheduler) as client:
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            return run(client, paths, args.output, workers)
    workers = args.workers or os.cpu_count() or 1
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      host="127.0.0.1", dashboard_address="127.0.0.1:0",
                      worker_dashboard_address="127.0.0.1:0") as cluster, Client(cluster) as client:
        return run(client, paths, args.output, workers)


if __name__ == "__main__":
    sys.exit(main())

# SPDX-License-Identifier: MIT
"""examples/dask_pipeline.py on a LocalCluster of two workers against `zhscan metrics`."""
import importlib.util
import json
import os
import subprocess
import sys

import pytest

from conftest import REPO, run_cli

pytest.importorskip("distributed")
PIPELINE = os.path.join(REPO, "examples", "dask_pipeline.py")


def run_pipeline(args, tmp_path):
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, PIPELINE, "--workers", "2", *args, str(out)],
                          capture_output=True, text=True, timeout=300)
    return proc, [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] \
        if out.exists() else []


def test_pipeline_matches_cli_on_shared_corpus(cli, shared_corpus, tmp_path):
    proc, got = run_pipeline([shared_corpus], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "partitions" in proc.stderr  # progress
    want = run_cli(cli, "metrics", "--no-progress", shared_corpus)
    assert len(want) > 0
    assert [list(r)[0] for r in got] == ["file"] * len(got)
    assert got == want


def test_pipeline_folder_glob_and_bad_bytes(cli, tmp_path):
    corpus = tmp_path / "docs"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_bytes("一、投资465万元，增长12.5%。".encode())
    (corpus / "sub" / "b.txt").write_bytes(b"\xff\xfe" + "面积13.73万平方米，比例45:55".encode() + b"\xe4")
    (corpus / "sub" / "c.txt").write_bytes("人数由800人提高到1050人".encode())
    (corpus / "skip.md").write_bytes("不读5吨".encode())
    want = run_cli(cli, "metrics", "--no-progress", str(corpus))
    assert {r["file"] for r in want} == {str(corpus / "a.txt"), str(corpus / "sub" / "b.txt"),
                                         str(corpus / "sub" / "c.txt")}
    proc, got = run_pipeline([str(corpus)], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert got == want
    # a glob names the same files (no second cluster: the listing is all that differs)
    spec = importlib.util.spec_from_file_location("dask_pipeline", PIPELINE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.list_inputs(str(corpus / "**" / "*.txt")) == mod.list_inputs(str(corpus)) == \
        sorted({r["file"] for r in want})
    proc, _ = run_pipeline([str(tmp_path / "nothing-here" / "*.txt")], tmp_path)
    assert proc.returncode == 1 and "no .txt file" in proc.stderr

# SPDX-License-Identifier: MIT
"""Shared fixtures of the Python tests: the command-line tool and the shared corpus.

Run from outside python/ with the venv's interpreter (scripts/test.sh python does):
    build/venv/bin/python -m pytest tests/python
ZHSCAN_CLI names the zhscan program to compare with (default: the newest
build/*/examples/zhscan); ZHSCAN_SHARED_DIR the folder holding corpus/ (default ../shared).
"""
import glob
import os
import subprocess

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _find_cli():
    env = os.environ.get("ZHSCAN_CLI")
    if env:
        if not os.access(env, os.X_OK):
            pytest.fail(f"ZHSCAN_CLI={env} is not an executable")
        return env
    found = [p for p in glob.glob(os.path.join(REPO, "build", "**", "examples", "zhscan"), recursive=True)
             if os.access(p, os.X_OK)]
    return max(found, key=os.path.getmtime) if found else None


@pytest.fixture(scope="session")
def cli():
    path = _find_cli()
    if not path:
        pytest.skip("no zhscan program: set ZHSCAN_CLI or build examples/zhscan under build/")
    return path


@pytest.fixture(scope="session")
def shared_corpus():
    shared = os.environ.get("ZHSCAN_SHARED_DIR") or os.path.join(REPO, "..", "shared")
    corpus = os.path.join(shared, "corpus")
    if not os.path.isdir(corpus):
        pytest.skip(f"no shared corpus at {corpus}")
    return corpus


def run_cli(cli, *args, stdin=None):
    """The zhscan program's JSON Lines output as a list of dicts."""
    import json

    out = subprocess.run([cli, *args], input=stdin, capture_output=True, check=True).stdout
    return [json.loads(line) for line in out.decode("utf-8").splitlines() if line.strip()]

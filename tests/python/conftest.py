# Shared fixtures of the zgverify tests: the `verify` binary of the same build (ZG_VERIFY_EXE,
# set by CTest, python/CMakeLists.txt) run with --json, and the source tree (ZG_SOURCE_DIR).
import json
import os
import subprocess

import pytest


def _env(name):
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"{name} is not set: run these tests through ctest -R '^python/' (python/CMakeLists.txt sets it)")
    return value


@pytest.fixture(scope="session")
def verify_exe():
    return _env("ZG_VERIFY_EXE")


@pytest.fixture(scope="session")
def source_dir():
    return _env("ZG_SOURCE_DIR")


@pytest.fixture(scope="session")
def cli_json(verify_exe):
    """cli_json("eval", "kernel", "--rho", "0.5") -> the JSON object `verify ... --json` printed."""

    def run(*args):
        done = subprocess.run([verify_exe, *args, "--json"], capture_output=True, text=True, check=True)
        return json.loads(done.stdout)

    return run


@pytest.fixture(scope="session")
def cli_error(verify_exe):
    """cli_error(*args) -> the one-line message `verify` printed on stderr, without "verify: "."""

    def run(*args):
        done = subprocess.run([verify_exe, *args], capture_output=True, text=True)
        assert done.returncode == 2, done
        line = done.stderr.strip()
        assert line.startswith("verify: "), line
        return line[len("verify: "):]

    return run

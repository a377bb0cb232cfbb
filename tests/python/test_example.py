# examples/python/default_certificate.py prints `rho_eta = <40 digits>`, the value
# `verify eval certificate --digits 40` prints for the embedded default.
import os
import subprocess
import sys


def test_example_prints_the_clis_rho_eta(cli_json, source_dir):
    script = os.path.join(source_dir, "examples", "python", "default_certificate.py")
    done = subprocess.run([sys.executable, script], capture_output=True, text=True, check=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith("rho_eta = ")]
    assert lines == ["rho_eta = " + cli_json("eval", "certificate", "--digits", "40")["rho_eta"]]

# zgverify.run against `verify run --format json` of the same build: the claim records of
# report.json, key for key, but for what differs from one run to the next (times) and what
# only a run that writes files has (drawn figures and their files).
import hashlib
import json
import subprocess

import pytest

import zgverify

# The CLI draws figures, writes certificates and lists their files; run() writes nothing
# and hands over the data ("plots", "attachments") instead.
FILE_KEYS = {"seconds", "figures", "artefacts", "certificate", "certificates"}
EXTRA_KEYS = {"plots", "attachments"}
PLOT_CLAIM = "D2"  # the rank-2 certificate's eta on the circle: plots with data


def cli_records(verify_exe, tmp_path, *args):
    subprocess.run([verify_exe, "run", "--format", "json", "--out", str(tmp_path), *args],
                   capture_output=True, text=True, check=False)
    return json.loads((tmp_path / "report.json").read_text())["claims"]


def without(record, keys):
    """The record without `keys` and without its timings (measurements in seconds differ per run)."""
    out = {k: v for k, v in record.items() if k not in keys}
    out["measurements"] = {k: m for k, m in record["measurements"].items() if m["unit"] != "s"}
    return out


@pytest.fixture(scope="module")
def runs(verify_exe, tmp_path_factory):
    claims = ["H1", PLOT_CLAIM]
    cli = cli_records(verify_exe, tmp_path_factory.mktemp("run"), "--claims", ",".join(claims), "--digits", "30")
    return cli, zgverify.run(None, claims=claims, digits=30)


def test_run_records_match_report_json(runs):
    cli, got = runs
    assert [r["id"] for r in got] == [r["id"] for r in cli] == ["H1", PLOT_CLAIM]
    for mine, theirs in zip(got, cli):
        assert without(mine, FILE_KEYS | EXTRA_KEYS) == without(theirs, FILE_KEYS)
        assert mine["verdict"] in ("PASS", "FAIL", "INCONCLUSIVE", "SKIPPED")
        assert isinstance(mine["seconds"], float)


def test_run_plots_are_numpy_arrays_matching_the_cli_figures(runs):
    np = pytest.importorskip("numpy")
    cli, got = runs
    mine = next(r for r in got if r["id"] == PLOT_CLAIM)
    theirs = next(r for r in cli if r["id"] == PLOT_CLAIM)
    assert mine["plots"], "the plot claim drew nothing"
    assert [p["name"] for p in mine["plots"]] == [f["name"] for f in theirs["figures"]]
    for plot, figure in zip(mine["plots"], theirs["figures"]):
        # Labels as report.json has them: Unicode text, LaTeX beside it ("" when none).
        for key in ("xlabel", "ylabel"):
            assert plot[key] == figure[key]
            assert plot[key + "_latex"] == figure.get(key + "_latex", "")
        for series, listed in zip(plot["series"], figure["series"]):
            assert isinstance(series["x"], np.ndarray) and series["x"].dtype == np.float64
            assert len(series["x"]) == len(series["y"]) == listed["rows"]
            assert series["label"] == listed["label"]
            assert series["label_latex"] == listed.get("label_latex", "")


def test_run_defaults_come_from_the_configuration(source_dir):
    # explicit_small.toml asks for claims H1, H3 at 30 digits with seed 5.
    got = zgverify.run(f"{source_dir}/configs/explicit_small.toml")
    assert [r["id"] for r in got] == ["H1", "H3"]
    assert all(r["digits"] >= 30 for r in got)


def test_run_with_a_seed_matches_the_cli(verify_exe, tmp_path):
    # H3 samples at seeded points: with the same seed the record is the CLI's, key for key.
    cli = cli_records(verify_exe, tmp_path, "--claims", "H3", "--digits", "30", "--seed", "7")
    got = zgverify.run(None, claims=["H3"], digits=30, seed=7)
    assert without(got[0], FILE_KEYS | EXTRA_KEYS) == without(cli[0], FILE_KEYS)


def test_run_attachments_are_the_files_the_cli_writes(verify_exe, tmp_path):
    # D2c proves its bound and writes a certificate; run() hands over the same bytes.
    cli = cli_records(verify_exe, tmp_path, "--claims", "D2c", "--digits", "30")
    got = zgverify.run(None, claims=["D2c"], digits=30)
    assert without(got[0], FILE_KEYS | EXTRA_KEYS) == without(cli[0], FILE_KEYS)
    assert [a["path"] for a in got[0]["attachments"]] == [c["path"] for c in cli[0]["certificates"]]
    for attachment, ref in zip(got[0]["attachments"], cli[0]["certificates"]):
        assert hashlib.sha256(attachment["content"].encode()).hexdigest() == ref["sha256"]
        assert attachment["content"] == (tmp_path / ref["path"]).read_text()

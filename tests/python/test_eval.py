# zgverify's eval functions against `verify eval ... --json` of the same build: every key,
# every printed digit, compared as strings (the CLI is the independent reader here: it goes
# through its own command line, configuration loading and JSON printing).
import decimal
import os
import pathlib

import pytest

import zgverify


@pytest.mark.parametrize("rho", ["0.5", "-0.3", "1", "-1", "0", "0.999999"])
@pytest.mark.parametrize("digits", [30, 50])
def test_kernel_matches_cli(cli_json, rho, digits):
    expected = cli_json("eval", "kernel", "--rho", rho, "--digits", str(digits))
    got = zgverify.kernel(rho, digits)
    assert got.to_dict() == expected
    assert (got.rho, got.kappa, got.K, got.K_prime, got.K_second) == tuple(
        expected[k] for k in ("rho", "kappa", "K", "K_prime", "K_second"))
    assert got.digits == digits


def test_kernel_default_digits_are_the_clis(cli_json):
    assert zgverify.kernel("0.25").to_dict() == cli_json("eval", "kernel", "--rho", "0.25")


def test_kernel_float_is_its_binary_double(cli_json):
    # 0.5 is a double exactly; 0.1 is not, so the float and the decimal text must differ.
    assert zgverify.kernel(0.5) == zgverify.kernel("0.5")
    exact = str(decimal.Decimal(0.1))
    assert zgverify.kernel(0.1).rho == exact
    assert zgverify.kernel(0.1).to_dict() == cli_json("eval", "kernel", "--rho", exact)
    assert zgverify.kernel(0.1).K != zgverify.kernel("0.1").K


@pytest.mark.parametrize("k", [0, 1, 2, 3, 7])
def test_coefficient_matches_cli(cli_json, k):
    assert zgverify.coefficient(k, 40).to_dict() == cli_json("eval", "coef", "--k", str(k), "--digits", "40")


def test_coefficients_are_c0_to_ck(cli_json):
    cs = zgverify.coefficients(4, 30)
    assert [c.k for c in cs] == [0, 1, 2, 3, 4]
    assert cs[3].to_dict() == cli_json("eval", "coef", "--k", "3", "--digits", "30")


def test_loss_matches_cli(cli_json, source_dir):
    path = os.path.join(source_dir, "configs", "explicit_small.toml")
    expected = cli_json("eval", "loss", "--config", path, "--digits", "40")
    assert zgverify.loss(path, 40).to_dict() == expected
    # The same file as an os.PathLike, as TOML text, and the JSON twin all read alike.
    assert zgverify.loss(pathlib.Path(path), 40).to_dict() == expected
    assert zgverify.loss(pathlib.Path(path).read_text(), 40).to_dict() == expected
    json_twin = os.path.join(source_dir, "configs", "explicit_small.json")
    assert zgverify.loss(json_twin, 40).to_dict() == cli_json("eval", "loss", "--config", json_twin, "--digits", "40")


def test_loss_of_the_default_matches_cli(cli_json):
    assert zgverify.loss(None).to_dict() == cli_json("eval", "loss")


def test_certificate_matches_cli(cli_json):
    got = zgverify.certificate()
    assert got.to_dict() == cli_json("eval", "certificate", "--digits", "40")
    assert got.digits == 40
    assert len(got.alpha) == len(got.alpha_array)


def test_certificate_of_a_file_matches_cli(cli_json, source_dir):
    path = os.path.join(source_dir, "configs", "rank3_sphere.toml")
    assert zgverify.certificate(path, 30).to_dict() == cli_json(
        "eval", "certificate", "--config", path, "--digits", "30")


def test_alpha_array_is_float64_of_the_decimals():
    np = pytest.importorskip("numpy")
    got = zgverify.certificate(None, 30)
    assert got.alpha_array.dtype == np.float64
    assert list(got.alpha_array) == [float(a) for a in got.alpha]


def test_beta_and_argmax_arrays_have_the_shapes_of_the_decimals():
    np = pytest.importorskip("numpy")
    got = zgverify.certificate(None, 30)
    m, d = len(got.alpha), len(got.argmax_abs_eta)
    assert got.beta_array.shape == (m, d)
    assert [[float(b) for b in row] for row in got.beta] == got.beta_array.tolist()
    assert list(got.argmax_array) == [float(x) for x in got.argmax_abs_eta]


def test_record_access_by_key():
    k = zgverify.kernel("0.5", 30)
    assert k.keys() == list(k.to_dict().keys())
    assert k["K"] == k.K
    assert "K" in k and "nonexistent" not in k
    assert k.abs_error("K") is None  # every digit settled at rho = 0.5
    with pytest.raises(KeyError):
        k["nonexistent"]

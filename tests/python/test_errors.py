# Bad input raises zgverify.InputError (a ValueError) with the message `verify` prints,
# naming the field; nothing else is raised for it and nothing is computed.
import pytest

import zgverify

# The minimal teacher of the configuration tests, with one field broken at a time.
BAD_CONFIGS = {
    "dimension": "[teacher]\ndimension = 0\nangles_deg = [0, 60]\nweights = [1, -1]\n",
    "weights": "[teacher]\ndimension = 4\nangles_deg = [0, 60]\nweights = [1]\n",
    "digits": "digits = 5\n[teacher]\ndimension = 4\nangles_deg = [0, 60]\nweights = [1, -1]\n",
}


def test_input_error_is_a_value_error():
    assert issubclass(zgverify.InputError, ValueError)


@pytest.mark.parametrize("field", sorted(BAD_CONFIGS))
def test_invalid_config_names_the_field_as_the_cli_does(tmp_path, cli_error, field):
    path = tmp_path / "bad.toml"
    path.write_text(BAD_CONFIGS[field])
    with pytest.raises(zgverify.InputError, match=field) as raised:
        zgverify.loss(str(path))
    assert str(raised.value) == cli_error("eval", "loss", "--config", str(path))


def test_invalid_config_text_names_the_field():
    with pytest.raises(zgverify.InputError, match="dimension"):
        zgverify.certificate(BAD_CONFIGS["dimension"])


def test_valid_config_text_raises_nothing():
    # The must-pass twin of the cases above: the same teacher, repaired, is accepted.
    good = "[teacher]\ndimension = 4\nangles_deg = [0, 60]\nweights = [1, -1]\n"
    assert zgverify.certificate(good, 30).rank == 2


def test_missing_file_is_an_input_error(tmp_path, cli_error):
    missing = str(tmp_path / "nowhere.toml")
    with pytest.raises(zgverify.InputError) as raised:
        zgverify.run(missing)
    assert str(raised.value) == cli_error("eval", "loss", "--config", missing)


def test_rho_out_of_range_as_the_cli(cli_error):
    with pytest.raises(zgverify.InputError, match="rho") as raised:
        zgverify.kernel("1.5")
    assert str(raised.value) == cli_error("eval", "kernel", "--rho", "1.5")


@pytest.mark.parametrize("digits", [5, 100000])
def test_digits_out_of_range_names_digits(digits):
    with pytest.raises(zgverify.InputError, match="digits"):
        zgverify.kernel("0.5", digits)


def test_unknown_claim_names_claims():
    with pytest.raises(zgverify.InputError, match="claims.*X9|X9.*claims"):
        zgverify.run(claims=["X9"])


def test_wrong_types_are_type_errors():
    with pytest.raises(TypeError):
        zgverify.kernel([0.5])
    with pytest.raises(TypeError):
        zgverify.run(claims="H1")  # a list of ids, not a comma-separated string

# Notebook reprs and the mpmath view of the values.
import pytest

import zgverify


def test_kernel_repr_reads_well():
    k = zgverify.kernel("0.5", 50)
    text = repr(k)
    assert text.startswith("Kernel(rho=0.5, kappa=" + k.kappa[:14] + "…")
    assert text.endswith("digits=50)")
    assert "object at" not in text
    assert len(text) < 200  # one notebook line or two, not 5 x 50 digits


def test_certificate_repr_shows_rho_eta_and_alpha():
    c = zgverify.certificate(None, 30)
    text = repr(c)
    assert text.startswith("Certificate(rho_eta=")
    assert "rho_eta=" + c.rho_eta[:14] in text
    assert "alpha=[" + c.alpha[0][:14] in text
    assert "object at" not in text


def test_coefficient_and_loss_reprs():
    assert repr(zgverify.coefficient(2, 30)).startswith("Coefficient(k=2, closed_form=")
    assert repr(zgverify.loss(None, 30)).startswith("Loss(loss=")


def test_short_values_are_not_cut():
    assert "rho=0.5," in repr(zgverify.kernel("0.5", 30))


def test_mpf_agrees_with_the_string():
    mpmath = pytest.importorskip("mpmath")
    dps_before = mpmath.mp.dps
    k = zgverify.kernel("0.3", 60)
    x = k.mpf("K")
    assert mpmath.mp.dps == dps_before  # the conversion does not change the global precision
    assert isinstance(x, mpmath.mpf)
    with mpmath.workdps(80):
        exact = mpmath.mpf(k.K)
        # Read at 60 digits: equal to the decimal to 60 significant digits, not to double's 16.
        assert abs(x - exact) <= abs(exact) * mpmath.mpf(10) ** -59
        # Must fail: the last printed digit changed is seen.
        changed = k.K[:-1] + ("1" if k.K[-1] != "1" else "2")
        assert abs(mpmath.mpf(changed) - x) > abs(exact) * mpmath.mpf(10) ** -59 / 100
        assert mpmath.nstr(x, 60, strip_zeros=False) == mpmath.nstr(exact, 60, strip_zeros=False)


def test_mpf_of_a_list_and_of_inf():
    mpmath = pytest.importorskip("mpmath")
    c = zgverify.certificate(None, 30)
    alphas = c.mpf("alpha")
    assert len(alphas) == len(c.alpha)
    with mpmath.workdps(40):
        assert all(abs(a - mpmath.mpf(s)) <= abs(mpmath.mpf(s)) * mpmath.mpf(10) ** -29 for a, s in zip(alphas, c.alpha))
    assert zgverify.kernel("1", 30).mpf("K_second") == mpmath.inf


def test_to_mpf_keeps_the_digits():
    mpmath = pytest.importorskip("mpmath")
    text = "0.1234567890123456789012345678901234567890"
    dps_before = mpmath.mp.dps
    x = zgverify.to_mpf(text, 40)
    assert mpmath.mp.dps == dps_before
    with mpmath.workdps(40):
        assert x == mpmath.mpf(text)
        # Must fail: at 15 digits the tail is lost, so the digits argument matters.
        assert zgverify.to_mpf(text, 15) != mpmath.mpf(text)

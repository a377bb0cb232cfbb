#!/usr/bin/env python3
# Notebook-style tour of zgverify (docs/python.md): the embedded default audit's dual
# certificate, printed as `rho_eta = <40 digits>` (the same digits as
# `verify eval certificate --digits 40`), then a short kernel and coefficients demo.
# Run from a build: PYTHONPATH=build/python python3 examples/python/default_certificate.py
import zgverify

# The certificate of the default teacher (configs/default.toml), at 40 digits.
cert = zgverify.certificate(None, digits=40)
print(cert)
print(f"rho_eta = {cert.rho_eta}")
print(f"max |eta| = {cert.max_abs_eta}")
try:  # NumPy (python3-numpy) holds the doubles; the digits above need nothing but the module
    print("alpha as doubles:", cert.alpha_array)
except ImportError:
    print("alpha as doubles: needs numpy")

# The kernel at a cosine given as an exact decimal string; a float would mean its binary value.
print(zgverify.kernel("0.5", digits=30))
print("K(1/2) at 30 digits:", zgverify.kernel("0.5", digits=30).K)

# c_0 .. c_4 of the ReLU's Hermite expansion: closed form and, independently, quadrature.
for c in zgverify.coefficients(4, digits=25):
    print(f"c_{c.k} = {c.closed_form}  (quadrature {c.quadrature})")

# With mpmath installed, any value as an mpf carrying its digits.
try:
    import mpmath
except ImportError:
    mpmath = None
if mpmath is not None:
    mpmath.mp.dps = 40
    rho_eta = cert.mpf("rho_eta")
    print("1 - rho_eta =", mpmath.nstr(1 - rho_eta, 30))

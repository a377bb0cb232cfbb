// The result objects of zgverify's eval functions: the ordered JSON object that
// `verify eval ... --json` prints, kept whole, with one read-only attribute per key, a
// short notebook repr, the values as mpmath.mpf on request and alpha as a NumPy array.
#pragma once

#include <string>

#include <pybind11/pybind11.h>
#include <nlohmann/json.hpp>

namespace zg::python {

/// What one eval function returned; `data` is exactly the JSON the CLI prints.
struct Record {
  nlohmann::ordered_json data;
};
struct KernelRecord : Record {};
struct CoefficientRecord : Record {};
struct LossRecord : Record {};
struct CertificateRecord : Record {};

/// Registers Kernel, Coefficient, Loss and Certificate in `m`.
void bind_records(pybind11::module_& m);

/// `text` (a decimal string, a number, or a list of them, None kept) as mpmath.mpf read
/// at `digits` significant digits: converted inside mpmath.workdps(digits), so every
/// printed digit is kept; mp.dps itself is left as it was. ImportError without mpmath.
pybind11::object to_mpf(const pybind11::object& value, unsigned digits);

/// "0.78539816339744830961…" -> "0.785398163397…": at most 14 characters of the mantissa,
/// the exponent kept; short texts unchanged. For reprs only.
std::string shorten_decimal(const std::string& text);

}  // namespace zg::python

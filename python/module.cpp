// The zgverify Python module (docs/python.md): the functions behind `verify eval` and
// `verify run`, called directly, so a notebook gets the CLI's digits without parsing its
// output. Bad input raises zgverify.InputError (a ValueError) with the CLI's message.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "core/input_error.hpp"
#include "lemmas/claim_registry.hpp"
#include "python/config_argument.hpp"
#include "python/records.hpp"
#include "python/run_records.hpp"
#include "reports/report_document.hpp"
#include "verify/build_info.hpp"
#include "verify/command_common.hpp"
#include "verify/eval_command.hpp"
#include "verify/runner.hpp"

namespace py = pybind11;

namespace zg::python {
namespace {

KernelRecord kernel(const std::string& rho, unsigned digits) {
  check_digits(digits, "digits");
  return {{eval_kernel(rho, digits)}};
}

// A float is its binary double, written out exactly (as a bare float in a configuration
// file is): decimal.Decimal(0.1) = 0.1000000000000000055511151231257827021181583404541015625.
KernelRecord kernel_of_double(double rho, unsigned digits) {
  const py::object exact = py::module_::import("decimal").attr("Decimal")(rho);
  return kernel(py::str(exact).cast<std::string>(), digits);
}

CoefficientRecord coefficient(unsigned k, unsigned digits) {
  check_digits(digits, "digits");
  return {{eval_coefficient(k, digits)}};
}

std::vector<CoefficientRecord> coefficients(unsigned k, unsigned digits) {
  check_digits(digits, "digits");
  std::vector<CoefficientRecord> out;
  for (unsigned j = 0; j <= k; ++j) out.push_back({{eval_coefficient(j, digits)}});
  return out;
}

LossRecord loss(const py::object& config, unsigned digits) {
  check_digits(digits, "digits");
  return {{eval_loss(config_from_argument(config), digits)}};
}

CertificateRecord certificate(const py::object& config, unsigned digits) {
  check_digits(digits, "digits");
  const RunConfig c = config_from_argument(config);
  return {{eval_certificate(c, digits, c.seed)}};
}

// As command_run (verify/run_command.cpp) does, without writing any file.
py::list run(const py::object& config,
             const std::optional<std::vector<std::string>>& claims,
             const std::optional<unsigned>& digits,
             const std::optional<std::uint64_t>& seed) {
  const RunConfig c = config_from_argument(config);
  const unsigned working_digits = digits ? *digits : c.digits;
  check_digits(working_digits, digits ? "digits" : c.source + ": digits");
  const bool claims_given = claims && !claims->empty();
  RunRequest request;
  request.config = &c;
  request.claims = resolve_claims(
      ClaimRegistry::builtin(), claims_given ? *claims : c.claims, claims_given ? "claims" : c.source + ": claims");
  request.digits = working_digits;
  request.seed = seed ? *seed : c.seed;
  ReportDocument doc;
  doc.run = run_claims(request, {});
  doc.build = build_provenance();
  return run_records(doc);
}

}  // namespace
}  // namespace zg::python

PYBIND11_MODULE(zgverify, m) {
  using namespace zg;
  using namespace zg::python;
  m.doc() =
      "Numerical verifier of Zhou & Ge (arXiv 2406.01766) from Python: the quantities of "
      "`verify eval` and the claim records of `verify run`, digit for digit the same. Values are "
      "decimal strings carrying their digits; record.mpf(key) gives mpmath.mpf. See docs/python.md.";
  m.attr("__version__") = build_info::kVersion;
  // The one exception type for bad input, as verify's main prints it (without "verify: ").
  py::register_exception<InputError>(m, "InputError", PyExc_ValueError);
  bind_records(m);

  m.def("kernel",
        &kernel,
        py::arg("rho"),
        py::arg("digits") = 50,
        "kappa, K, K', K'' at rho, as `verify eval kernel --rho RHO --digits D --json`. rho as a "
        "str is an exact decimal in [-1, 1]; a float means its binary double, exactly.");
  m.def("kernel", &kernel_of_double, py::arg("rho"), py::arg("digits") = 50);
  m.def("coefficient",
        &coefficient,
        py::arg("k"),
        py::arg("digits") = 50,
        "The ReLU Hermite coefficient c_k, as `verify eval coef --k K --digits D --json`.");
  m.def("coefficients",
        &coefficients,
        py::arg("k"),
        py::arg("digits") = 50,
        "[coefficient(0), ..., coefficient(k)]: c_0 .. c_k, each as `verify eval coef` prints it.");
  m.def("loss",
        &loss,
        py::arg("config") = py::none(),
        py::arg("digits") = 50,
        "Loss and gradient norm of the configured student, as `verify eval loss`. config: None "
        "(the embedded default), a path to a TOML/JSON file, or TOML text.");
  m.def("certificate",
        &certificate,
        py::arg("config") = py::none(),
        py::arg("digits") = 40,
        "The teacher's dual pre-certificate (alpha, rho_eta, max |eta|, ...), as `verify eval "
        "certificate`, with the configuration's seed. config as for loss().");
  m.def("run",
        &run,
        py::arg("config") = py::none(),
        py::arg("claims") = py::none(),
        py::arg("digits") = py::none(),
        py::arg("seed") = py::none(),
        "Runs claims as `verify run` does and returns their records, the dicts of report.json's "
        "\"claims\" (plus \"plots\": the plot data as NumPy arrays). Writes no file. claims, digits "
        "and seed default to the configuration's. Calls are not thread-safe (one working "
        "precision per process).");
  m.def("to_mpf",
        &to_mpf,
        py::arg("value"),
        py::arg("digits"),
        "A decimal string (or a list of them) as mpmath.mpf read at `digits` digits; mp.dps is unchanged.");
  m.def("default_config_text", &default_config_text, "The embedded default configuration (configs/default.toml).");
}

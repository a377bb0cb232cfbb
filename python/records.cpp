// Result objects of the eval functions (python/records.hpp).
#include "python/records.hpp"

#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/numpy.h>

#include "python/json_to_python.hpp"

namespace py = pybind11;

namespace zg::python {
namespace {

/// One attribute: the JSON key it reads and its docstring.
struct Field {
  const char* key;
  const char* doc;
};

const nlohmann::ordered_json& value_at(const Record& r, const std::string& key) {
  const auto it = r.data.find(key);
  if (it == r.data.end()) throw py::key_error(key);
  return *it;
}

unsigned record_digits(const Record& r) {
  return r.data.at("digits").get<unsigned>();
}

std::string short_value(const nlohmann::ordered_json& v) {
  if (v.is_string()) return shorten_decimal(v.get<std::string>());
  if (!v.is_array()) return v.dump();
  constexpr std::size_t kShown = 4;  // a notebook line, not the whole vector
  std::string out = "[";
  for (std::size_t i = 0; i < v.size() && i < kShown; ++i) out += (i ? ", " : "") + short_value(v[i]);
  if (v.size() > kShown) out += ", … (" + std::to_string(v.size()) + " entries)";
  return out + "]";
}

std::string record_repr(const char* name, const Record& r, const std::vector<std::string>& shown) {
  std::string out = std::string(name) + "(";
  bool first = true;
  for (const std::string& key : shown) {
    const auto it = r.data.find(key);
    if (it == r.data.end()) continue;
    out += (first ? "" : ", ") + key + "=" + short_value(*it);
    first = false;
  }
  return out + ")";
}

py::array_t<double> doubles_of(const nlohmann::ordered_json& texts) {
  py::array_t<double> out(static_cast<py::ssize_t>(texts.size()));
  auto view = out.mutable_unchecked<1>();
  for (std::size_t i = 0; i < texts.size(); ++i)  // strtod rounds to the nearest double
    view(static_cast<py::ssize_t>(i)) = std::strtod(texts[i].get_ref<const std::string&>().c_str(), nullptr);
  return out;
}

// Rows of decimal strings as a 2-D float64 array (every row as long as the first).
py::array_t<double> matrix_of_doubles(const nlohmann::ordered_json& rows) {
  const std::size_t cols = rows.empty() ? 0 : rows.front().size();
  py::array_t<double> out({static_cast<py::ssize_t>(rows.size()), static_cast<py::ssize_t>(cols)});
  auto view = out.mutable_unchecked<2>();
  for (std::size_t i = 0; i < rows.size(); ++i)
    for (std::size_t k = 0; k < cols; ++k)  // strtod rounds to the nearest double
      view(static_cast<py::ssize_t>(i), static_cast<py::ssize_t>(k)) =
          std::strtod(rows[i][k].get_ref<const std::string&>().c_str(), nullptr);
  return out;
}

template <class R>
py::class_<R> bind_record(py::module_& m,
                          const char* name,
                          const char* doc,
                          const std::vector<Field>& fields,
                          const std::vector<std::string>& shown) {
  py::class_<R> cls(m, name, doc);
  for (const Field& f : fields) {
    const std::string key = f.key;
    cls.def_property_readonly(
        f.key,
        [key](const R& r) {
          const auto it = r.data.find(key);
          return it == r.data.end() ? py::object(py::none()) : to_python(*it);
        },
        f.doc);
  }
  cls.def_property_readonly(
         "digits", [](const R& r) { return record_digits(r); }, "Significant decimal digits asked for.")
      .def(
          "abs_error",
          [](const R& r, const std::string& key) {
            const auto it = r.data.find(key + "_abs_error");
            return it == r.data.end() ? py::object(py::none()) : to_python(*it);
          },
          py::arg("key"),
          "The error of a value whose digits did not all settle (the CLI's '<key>_abs_error'), "
          "None when every printed digit is settled.")
      .def(
          "mpf",
          [](const R& r, const std::string& key) { return to_mpf(to_python(value_at(r, key)), record_digits(r)); },
          py::arg("key"),
          "The value under `key` as mpmath.mpf (a list of them for an array), read at this record's "
          "digits; mp.dps is not changed. ImportError when mpmath is not installed.")
      .def(
          "keys",
          [](const R& r) {
            py::list out;
            for (const auto& [key, value] : r.data.items()) out.append(py::str(key));
            return out;
          },
          "The keys, in the order `verify eval --json` prints them.")
      .def(
          "to_dict", [](const R& r) { return to_python(r.data); }, "Everything, as `verify eval --json` prints it.")
      .def("__getitem__", [](const R& r, const std::string& key) { return to_python(value_at(r, key)); })
      .def("__contains__", [](const R& r, const std::string& key) { return r.data.contains(key); })
      .def("__eq__", [](const R& a, const R& b) { return a.data == b.data; })
      .def("__repr__", [name, shown](const R& r) { return record_repr(name, r, shown); });
  return cls;
}

}  // namespace

std::string shorten_decimal(const std::string& text) {
  constexpr std::size_t kMantissa = 14;
  const std::size_t e = text.find_first_of("eE");
  const std::string mantissa = text.substr(0, e);
  if (mantissa.size() <= kMantissa + 2) return text;
  return mantissa.substr(0, kMantissa) + "…" + (e == std::string::npos ? "" : text.substr(e));
}

py::object to_mpf(const py::object& value, unsigned digits) {
  const py::module_ mpmath = py::module_::import("mpmath");
  const py::object precision = mpmath.attr("workdps")(digits);
  precision.attr("__enter__")();
  const auto convert = [&mpmath](const py::handle& v) -> py::object {
    return v.is_none() ? py::object(py::none()) : mpmath.attr("mpf")(v);
  };
  py::object out;
  try {
    if (py::isinstance<py::list>(value)) {
      py::list items;
      for (const py::handle v : value) items.append(convert(v));
      out = std::move(items);
    } else {
      out = convert(value);
    }
  } catch (...) {
    precision.attr("__exit__")(py::none(), py::none(), py::none());
    throw;
  }
  precision.attr("__exit__")(py::none(), py::none(), py::none());
  return out;
}

void bind_records(py::module_& m) {
  bind_record<KernelRecord>(m,
                            "Kernel",
                            "kappa, K, K', K'' at rho (docs/math.md §1), as `verify eval kernel --json` prints them.",
                            {{"rho", "The cosine, as read (an exact decimal)."},
                             {"kappa", "kappa(rho), decimal string."},
                             {"K", "K(rho), decimal string."},
                             {"K_prime", "K'(rho), decimal string."},
                             {"K_second", "K''(rho), decimal string; \"inf\" at |rho| = 1."}},
                            {"rho", "kappa", "K", "K_prime", "K_second", "digits"});
  bind_record<CoefficientRecord>(
      m,
      "Coefficient",
      "The ReLU Hermite coefficient c_k by its closed form and by quadrature, as `verify eval coef --json` prints it.",
      {{"k", "The order k."},
       {"closed_form", "c_k from its closed form, decimal string."},
       {"quadrature", "c_k by Gauss quadrature, decimal string (an independent check)."},
       {"quadrature_error", "The quadrature's error estimate, decimal string."}},
      {"k", "closed_form", "quadrature", "digits"});
  bind_record<LossRecord>(m,
                          "Loss",
                          "Population loss and gradient norm of the configured student, as `verify eval loss --json`.",
                          {{"loss", "L(student), decimal string."},
                           {"grad_norm", "||grad L||, decimal string."},
                           {"width", "Student width m."},
                           {"dimension", "Input dimension d."}},
                          {"loss", "grad_norm", "width", "dimension", "digits"});
  bind_record<CertificateRecord>(
      m,
      "Certificate",
      "The dual pre-certificate of the configured teacher (docs/math.md §4), as `verify eval certificate --json`.",
      {{"alpha", "The certificate's coefficients alpha_i, decimal strings."},
       {"interpolation_residual", "Residual of the interpolation conditions, decimal string."},
       {"rho_eta", "rho_eta, decimal string."},
       {"max_abs_eta", "max |eta| over the whole domain (teacher directions included), decimal string."},
       {"beta", "b_i in R^d, one list of d decimal strings per teacher direction (eta's tangential terms)."},
       {"argmax_abs_eta", "Where |eta| is largest, a point of R^d (10 digits: an estimate)."},
       {"argmax_delta_deg", "Angle from that point to the nearest teacher line, degrees (0: a teacher direction)."},
       {"rank", "Rank r of the teacher's span."},
       {"condition_number", "Condition number of the interpolation system, decimal string."}},
      {"rho_eta", "max_abs_eta", "alpha", "rank", "digits"})
      .def_property_readonly(
          "alpha_array",
          [](const CertificateRecord& r) { return doubles_of(r.data.at("alpha")); },
          "alpha as a NumPy float64 array (each entry the double nearest its decimal), for plotting.")
      .def_property_readonly(
          "beta_array",
          [](const CertificateRecord& r) { return matrix_of_doubles(r.data.at("beta")); },
          "beta as an m* x d NumPy float64 array (row i: b_i), for plotting.")
      .def_property_readonly(
          "argmax_array",
          [](const CertificateRecord& r) { return doubles_of(r.data.at("argmax_abs_eta")); },
          "argmax_abs_eta as a NumPy float64 array.");
}

}  // namespace zg::python

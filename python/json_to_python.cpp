// JSON to Python objects (python/json_to_python.hpp).
#include "python/json_to_python.hpp"

#include <cstdint>
#include <string>

namespace py = pybind11;

namespace zg::python {

py::object to_python(const nlohmann::ordered_json& j) {
  switch (j.type()) {
    case nlohmann::ordered_json::value_t::null:
      return py::none();
    case nlohmann::ordered_json::value_t::boolean:
      return py::bool_(j.get<bool>());
    case nlohmann::ordered_json::value_t::number_integer:
      return py::int_(j.get<std::int64_t>());
    case nlohmann::ordered_json::value_t::number_unsigned:
      return py::int_(j.get<std::uint64_t>());
    case nlohmann::ordered_json::value_t::number_float:
      return py::float_(j.get<double>());
    case nlohmann::ordered_json::value_t::string:
      return py::str(j.get_ref<const std::string&>());
    case nlohmann::ordered_json::value_t::array: {
      py::list out;
      for (const auto& item : j) out.append(to_python(item));
      return std::move(out);
    }
    case nlohmann::ordered_json::value_t::object: {
      py::dict out;  // Python dicts keep insertion order: the keys stay in verify's order
      for (const auto& [key, value] : j.items()) out[py::str(key)] = to_python(value);
      return std::move(out);
    }
    case nlohmann::ordered_json::value_t::binary:
    case nlohmann::ordered_json::value_t::discarded:
      break;
  }
  throw std::logic_error("to_python: a JSON value of a type verify never writes");
}

}  // namespace zg::python

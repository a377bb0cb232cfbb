// JSON values (what verify's eval and run functions return) as plain Python objects:
// strings stay strings (decimal values keep every digit), numbers become int or float,
// arrays lists, objects dicts in the order written.
#pragma once

#include <pybind11/pybind11.h>
#include <nlohmann/json.hpp>

namespace zg::python {

pybind11::object to_python(const nlohmann::ordered_json& j);

}  // namespace zg::python

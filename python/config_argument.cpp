// The `config` argument (python/config_argument.hpp).
#include "python/config_argument.hpp"

#include <string>

#include "core/input_error.hpp"

namespace py = pybind11;

namespace zg::python {

RunConfig config_from_argument(const py::object& config) {
  if (config.is_none()) return default_config();
  const py::module_ os = py::module_::import("os");
  if (py::isinstance(config, os.attr("PathLike")))
    return load_config_file(py::str(os.attr("fspath")(config)).cast<std::string>());
  if (!py::isinstance<py::str>(config))
    throw InputError("config", "", "expected None, a path or TOML text", "pass a str, an os.PathLike or None");
  const std::string text = config.cast<std::string>();
  if (os.attr("path").attr("isfile")(config).cast<bool>()) return load_config_file(text);
  if (text.find('\n') != std::string::npos || text.find('=') != std::string::npos)
    return parse_config_toml(text, kConfigStringSource);
  return load_config_file(text);
}

}  // namespace zg::python

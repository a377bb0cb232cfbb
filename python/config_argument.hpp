// The `config` argument of the zgverify functions: None (the embedded default), a path
// (str or os.PathLike) to a TOML or JSON file, or TOML text. Errors are zg::InputError,
// exactly as `verify --config` reports them.
#pragma once

#include <pybind11/pybind11.h>

#include "verify/config.hpp"

namespace zg::python {

/// Name of a configuration given as TOML text, in error messages and report provenance.
inline constexpr const char* kConfigStringSource = "<config string>";

/// None -> default_config(); os.PathLike -> load_config_file; a str naming an existing
/// file -> load_config_file; a str with a newline or '=' (no path has to look like that)
/// -> parse_config_toml; any other str -> load_config_file (which names the missing file).
RunConfig config_from_argument(const pybind11::object& config);

}  // namespace zg::python

// Entry points of verify/config.hpp: reading the file, telling TOML from JSON, turning
// parser errors into one-line InputErrors, and the embedded default. Both formats become
// one JSON tree, which verify/config_schema.cpp reads.
#include "verify/config.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <toml.hpp>

#include "core/input_error.hpp"
#include "verify/config_schema.hpp"

namespace zg {
namespace detail {
const char* embedded_default_config();  // generated from configs/default.toml at build time
}  // namespace detail

namespace {

const char* const kEmbeddedSource = "<embedded default>";

// The diagnosis in a parser's message: its first line, without the library's
// "[error] toml::parse_array: " or "[json.exception.parse_error.101] " prefix (toml11
// adds lines that draw the offending source; the line number is reported separately).
std::string diagnosis(const std::string& message) {
  std::string line = message.substr(0, message.find('\n'));
  if (line.rfind("[", 0) == 0) line.erase(0, line.find("] ") + 2);
  if (line.rfind("toml::", 0) == 0) line.erase(0, line.find(": ") + 2);
  if (!line.empty() && line.back() == '.') line.pop_back();  // the sentence goes on with "; fix"
  return line;
}

// TOML into JSON: integers stay integers and floats keep their binary value (NaN and inf
// included, rejected later with the field's name); dates and times have no use here.
nlohmann::json to_json(const toml::value& v, const std::string& path, const std::string& source) {
  switch (v.type()) {
    case toml::value_t::boolean:
      return v.as_boolean();
    case toml::value_t::integer:
      return v.as_integer();
    case toml::value_t::floating:
      return v.as_floating();
    case toml::value_t::string:
      return v.as_string().str;
    case toml::value_t::array: {
      nlohmann::json out = nlohmann::json::array();
      for (const toml::value& e : v.as_array())
        out.push_back(to_json(e, path + "[" + std::to_string(out.size()) + "]", source));
      return out;
    }
    case toml::value_t::table: {
      nlohmann::json out = nlohmann::json::object();
      for (const auto& [key, e] : v.as_table()) out[key] = to_json(e, path.empty() ? key : path + "." + key, source);
      return out;
    }
    default:
      throw InputError(source, path, "dates and times are not used in this format", "give a number or a string");
  }
}

RunConfig with_origin(RunConfig config, const std::string& text, const std::string& source) {
  config.source = source;
  config.text = text;
  return config;
}

}  // namespace

RunConfig parse_config_toml(const std::string& text, const std::string& source) {
  std::istringstream in(text);
  toml::value document;
  try {
    document = toml::parse(in, source);
  } catch (const toml::exception& e) {
    throw InputError(source,
                     "line " + std::to_string(e.location().line()),
                     "TOML syntax error: " + diagnosis(e.what()),
                     "correct the TOML syntax on that line");
  }
  return with_origin(detail::read_run_config(to_json(document, "", source), source), text, source);
}

RunConfig parse_config_json(const std::string& text, const std::string& source) {
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw InputError(source, "", "JSON syntax error: " + diagnosis(e.what()), "correct the JSON syntax");
  }
  return with_origin(detail::read_run_config(document, source), text, source);
}

RunConfig load_config_file(const std::string& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored))
    throw InputError(path, "", "is a directory", "give a .toml or .json configuration file");
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError(path, "", std::string("cannot open: ") + std::strerror(errno), "check the path and permissions");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw InputError(path, "", "cannot read the file", "check that it is a readable regular file");
  const bool json = std::filesystem::path(path).extension() == ".json";
  return json ? parse_config_json(text.str(), path) : parse_config_toml(text.str(), path);
}

const std::string& default_config_text() {
  static const std::string text = detail::embedded_default_config();
  return text;
}

RunConfig default_config() {
  return parse_config_toml(default_config_text(), kEmbeddedSource);
}

}  // namespace zg

// Checked access to configuration nodes (verify/config_field.hpp): types, ranges, exact
// numbers, unknown keys with suggestions. Every failure is one InputError line.
#include "verify/config_field.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/input_error.hpp"

namespace zg::detail {
namespace {

// The kind of an out-of-range literal node, or 0 for any other node.
std::uint8_t literal_kind(const nlohmann::json& v) {
  return v.is_binary() && v.get_binary().has_subtype() ? static_cast<std::uint8_t>(v.get_binary().subtype()) : 0;
}

std::string literal_text(const nlohmann::json& v) {
  const auto& bytes = v.get_binary();
  return std::string(bytes.begin(), bytes.end());
}

// The value as the user would recognise it, for scalars only (arrays and tables are named
// by their path alone). Non-finite floats are spelled as TOML spells them, out-of-range
// literals as they were written.
std::string rendered_scalar(const nlohmann::json& v) {
  if (v.is_binary()) return literal_text(v);
  if (v.is_number_float() && !std::isfinite(v.get<double>()))
    return std::isnan(v.get<double>()) ? "nan" : (v.get<double>() > 0 ? "inf" : "-inf");
  if (v.is_primitive() && !v.is_null()) return v.dump();
  return "";
}

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// Levenshtein distance, ignoring case: the measure behind "did you mean".
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = diagonal + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
    }
  }
  return row[b.size()];
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

// Sign of a decimal already accepted by parse_decimal: any nonzero mantissa digit makes
// it nonzero, whatever the exponent.
int decimal_sign(const std::string& s) {
  const std::string mantissa = s.substr(0, s.find_first_of("eE"));
  const bool nonzero = mantissa.find_first_of("123456789") != std::string::npos;
  if (!nonzero) return 0;
  return mantissa.front() == '-' ? -1 : 1;
}

// The decimal literal without digit separators ("1_000" -> "1000"); nullopt when it is
// not a plain decimal integer (hexadecimal, octal or binary TOML integers).
std::optional<std::string> decimal_integer_text(const std::string& literal) {
  std::string s;
  for (char c : literal)
    if (c != '_') s += c;
  const std::size_t digits = s.find_first_not_of("+-");
  if (digits != 1 && digits != 0) return std::nullopt;
  if (digits == s.size() || s.find_first_not_of("0123456789", digits) != std::string::npos) return std::nullopt;
  return s;
}

}  // namespace

nlohmann::json out_of_range_literal(const std::string& text, LiteralKind kind) {
  return nlohmann::json::binary(std::vector<std::uint8_t>(text.begin(), text.end()), static_cast<std::uint8_t>(kind));
}

void ConfigField::fail(const std::string& problem, const std::string& fix) const {
  const std::string value = path_.empty() ? "" : rendered_scalar(*node_);
  throw InputError(*source_, value.empty() ? path_ : path_ + " = " + value, problem, fix);
}

std::int64_t ConfigField::integer(std::int64_t lo, std::int64_t hi) const {
  const std::string range = std::to_string(lo) + " and " + std::to_string(hi);
  if (literal_kind(*node_) == static_cast<std::uint8_t>(LiteralKind::Integer))
    fail("must be between " + range, "set " + path_ + " to an integer between " + range);
  if (!node_->is_number_integer())
    fail("must be an integer",
         "write " + path_ + " as a whole number between " + range + ", without quotes or a decimal point");
  // nlohmann::json stores every non-negative JSON integer as unsigned: both bounds apply
  // to it too (a JSON "rank": 0 passed integer(1, d) and divided by zero; found by
  // tests/fuzz/fuzz_config_json). TOML integers arrive signed.
  const bool in_range =
      node_->is_number_unsigned()
          ? hi >= 0 && node_->get<std::uint64_t>() <= static_cast<std::uint64_t>(hi) &&
                static_cast<std::int64_t>(node_->get<std::uint64_t>()) >= lo
          : node_->get<std::int64_t>() >= lo && node_->get<std::int64_t>() <= hi;
  if (!in_range) fail("must be between " + range, "set " + path_ + " to an integer between " + range);
  return node_->get<std::int64_t>();
}

std::uint64_t ConfigField::seed() const {
  const std::string range = "0 and " + std::to_string(std::numeric_limits<std::uint64_t>::max());
  const std::string fix = "write " + path_ + " as a whole number between " + range + ", e.g. " + path_ + " = 1";
  if (literal_kind(*node_) == static_cast<std::uint8_t>(LiteralKind::Integer)) {
    // TOML holds integers up to 2^63 - 1 only; a larger seed is read from its text.
    const std::optional<std::string> s = decimal_integer_text(literal_text(*node_));
    if (s && s->front() != '-') {
      const char* const begin = s->data() + (s->front() == '+' ? 1 : 0);
      const char* const end = s->data() + s->size();
      std::uint64_t value = 0;
      const auto [stop, error] = std::from_chars(begin, end, value);
      if (error == std::errc() && stop == end) return value;
    }
    fail("must be between " + range, fix);
  }
  if (!node_->is_number_integer()) fail("must be an integer between " + range, fix);
  if (!node_->is_number_unsigned() && node_->get<std::int64_t>() < 0) fail("must be between " + range, fix);
  return node_->get<std::uint64_t>();
}

std::string ConfigField::text() const {
  if (!node_->is_string() || node_->get<std::string>().empty())
    fail("must be a non-empty string", "write it in double quotes");
  return node_->get<std::string>();
}

SpecNumber ConfigField::number() const {
  const char* const beyond_double = "lies beyond the range of double";
  const char* const double_fix = "give a magnitude between 1e-300 and 1e300";
  if (literal_kind(*node_) == static_cast<std::uint8_t>(LiteralKind::Float)) fail(beyond_double, double_fix);
  if (literal_kind(*node_) == static_cast<std::uint8_t>(LiteralKind::Integer)) {
    // An integer of any size is kept exactly, within double's range like a decimal string.
    const std::optional<std::string> s = decimal_integer_text(literal_text(*node_));
    if (!s) fail("lies beyond the range of a 64-bit integer", "write it as a decimal integer or a decimal string");
    if (!std::isfinite(parse_decimal<double>(*s))) fail(beyond_double, double_fix);
    return SpecNumber(*s);
  }
  if (node_->is_number_unsigned()) return SpecNumber(std::to_string(node_->get<std::uint64_t>()));
  if (node_->is_number_integer()) return SpecNumber(std::to_string(node_->get<std::int64_t>()));
  if (node_->is_number_float()) {
    const double x = node_->get<double>();
    if (!std::isfinite(x)) fail("is not a finite number", "give a finite number");
    return SpecNumber(x);
  }
  if (!node_->is_string()) fail("must be a number", "give an integer, a float, or a decimal string such as \"0.1\"");
  const std::string s = node_->get<std::string>();
  double x = 0;
  try {
    x = parse_decimal<double>(s);
  } catch (const std::invalid_argument&) {
    fail("is not a decimal number", "write digits with an optional sign, point and exponent, e.g. \"-2.5e-3\"");
  }
  // The double path must see the same number, so it has to fit double's range.
  if (!std::isfinite(x) || (x == 0 && decimal_sign(s) != 0)) fail(beyond_double, double_fix);
  return SpecNumber(s);
}

std::vector<ConfigField> ConfigField::elements(const std::string& what) const {
  if (!node_->is_array()) fail("must be an array of " + what, "write it as [ ... ]");
  std::vector<ConfigField> out;
  for (std::size_t i = 0; i < node_->size(); ++i)
    out.emplace_back((*node_)[i], path_ + "[" + std::to_string(i) + "]", *source_);
  return out;
}

std::vector<SpecNumber> ConfigField::numbers() const {
  std::vector<SpecNumber> out;
  for (const ConfigField& e : elements("numbers")) out.push_back(e.number());
  return out;
}

int exact_sign(const SpecNumber& x) {
  if (const double* d = std::get_if<double>(&x.repr)) return (*d > 0) - (*d < 0);
  return decimal_sign(std::get<std::string>(x.repr));
}

ConfigTable::ConfigTable(const ConfigField& field, std::vector<std::string> allowed) : field_(field) {
  if (!field.node().is_object()) field.fail("must be a table", "write it as a [table] in TOML or an {object} in JSON");
  for (const auto& [key, value] : field.node().items()) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    // A named reference, not the binding: C++17 lambdas cannot capture structured bindings
    // (gcc accepts it, clang 14 refuses it).
    const std::string& unknown = key;
    const auto closest =
        std::min_element(allowed.begin(), allowed.end(), [&](const std::string& a, const std::string& b) {
          return edit_distance(unknown, a) < edit_distance(unknown, b);
        });
    const bool close = closest != allowed.end() && edit_distance(key, *closest) <= 2;
    ConfigField(value, field.child_path(key), field.source())
        .fail("unknown key",
              close ? "did you mean '" + *closest + "'?" : "the keys allowed here are " + joined(allowed));
  }
}

bool ConfigTable::has(const std::string& key) const {
  return field_.node().contains(key);
}

std::optional<ConfigField> ConfigTable::find(const std::string& key) const {
  if (!has(key)) return std::nullopt;
  return ConfigField(field_.node().at(key), field_.child_path(key), field_.source());
}

ConfigField ConfigTable::at(const std::string& key, const std::string& what) const {
  if (std::optional<ConfigField> f = find(key)) return *f;
  const std::string path = field_.child_path(key);
  throw InputError(field_.source(), path, "missing", "add " + path + " (" + what + ")");
}

}  // namespace zg::detail

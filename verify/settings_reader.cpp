// The declared-settings reader (verify/settings_reader.hpp): range checks and their
// messages, built from a SettingRange.
#include "verify/settings_reader.hpp"

#include <cassert>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace zg::detail {
namespace {

// "(0, 90]" for a two-sided range.
std::string interval_text(const RangeEnd& low, const RangeEnd& high) {
  return std::string(low.closed ? "[" : "(") + setting_number_text(low.value) + ", " + setting_number_text(high.value) +
         (high.closed ? "]" : ")");
}

// "must be positive", "must be in (0, 90], i.e. 0 < key <= 90": the rule a refused value broke.
std::string range_problem(const SettingRange& r, const std::string& key) {
  const auto op = [](const RangeEnd& e) { return std::string(e.closed ? " <= " : " < "); };
  if (r.low && r.high)
    return "must be in " + interval_text(*r.low, *r.high) + ", i.e. " + setting_number_text(r.low->value) + op(*r.low) +
           key + op(*r.high) + setting_number_text(r.high->value);
  if (r.low && r.low->value == 0 && !r.low->closed) return "must be positive";
  if (r.low)
    return std::string("must be ") + (r.low->closed ? "at least " : "greater than ") +
           setting_number_text(r.low->value);
  return std::string("must be ") + (r.high->closed ? "at most " : "less than ") + setting_number_text(r.high->value);
}

// The last component of a path: "algorithm.cover_radius_deg" -> "cover_radius_deg".
std::string key_of(const std::string& path) {
  const std::size_t dot = path.rfind('.');
  return dot == std::string::npos ? path : path.substr(dot + 1);
}

}  // namespace

std::string setting_number_text(double x) {
  // Whole numbers in digits ("4000"); tenths and larger in the shortest decimal that gives x
  // back ("0.9"); smaller ones as a power of ten ("1e-3", "2.5e-7").
  if (x == std::floor(x) && std::abs(x) < 1e15) return std::to_string(static_cast<long long>(x));
  const bool scientific = std::abs(x) < 0.1;
  char buffer[40];
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(buffer, sizeof buffer, scientific ? "%.*e" : "%.*f", scientific ? digits - 1 : digits, x);
    if (std::strtod(buffer, nullptr) == x) break;
  }
  const std::string s = buffer;
  const std::size_t e = s.find('e');
  if (e == std::string::npos) return s;
  // "1e-03" -> "1e-3".
  return s.substr(0, e) + "e" + std::to_string(std::atoi(s.c_str() + e + 1));
}

double declared_number(const ConfigField& field,
                       const SettingRange& range,
                       const std::string& fix,
                       const std::string& example) {
  const double x = field.number().as<double>();
  if (!range.contains(x)) field.fail(range_problem(range, key_of(field.path())), fix + ", e.g. " + example);
  return x;
}

std::string exact_number_text(const SpecNumber& x) {
  if (const double* d = std::get_if<double>(&x.repr)) return setting_number_text(*d);
  return "\"" + std::get<std::string>(x.repr) + "\"";
}

SpecNumber declared_exact_number(const ConfigField& field,
                                 const SettingRange& range,
                                 const std::string& fix,
                                 const std::string& example) {
  // Exact numbers are declared with ends at 0 only (positive(), any_value()), so the exact
  // sign decides, also for decimals beyond double precision.
  assert((!range.low || range.low->value == 0) && (!range.high || range.high->value == 0));
  const SpecNumber x = field.number();
  if (!range.contains(exact_sign(x))) field.fail(range_problem(range, key_of(field.path())), fix + ", e.g. " + example);
  return x;
}

std::int64_t declared_integer(const ConfigField& field, const SettingRange& range) {
  // Integer settings are declared with closed, finite ends (tests/verify/settings_reader_test.cpp).
  assert(range.low && range.low->closed && range.high && range.high->closed);
  return field.integer(static_cast<std::int64_t>(range.low->value), static_cast<std::int64_t>(range.high->value));
}

std::vector<std::int64_t> declared_integers(const ConfigField& field,
                                            const SettingRange& range,
                                            const ArrayRule& rule) {
  std::vector<std::int64_t> out;
  for (const ConfigField& e : field.elements("integers")) {
    out.push_back(declared_integer(e, range));
    if (rule.increasing && out.size() > 1 && out.back() <= out[out.size() - 2])
      e.fail("must be larger than the entry before it", "list the values in increasing order, without repeats");
  }
  if (out.size() < rule.min_entries) {
    const std::string n = std::to_string(rule.min_entries);
    field.fail("has fewer than " + n + " entries",
               "give at least " + n + " values" + (rule.why_min_entries.empty() ? "" : ": " + rule.why_min_entries));
  }
  return out;
}

}  // namespace zg::detail

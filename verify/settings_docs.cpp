// Markdown for the declared settings tables (verify/settings_docs.hpp) and their
// replacement between marker comments in docs/config.md.
#include "verify/settings_docs.hpp"

#include <cmath>

#include "core/input_error.hpp"
#include "lemmas/algorithm_settings.hpp"
#include "lemmas/certificate_settings.hpp"
#include "lemmas/landscape_settings.hpp"
#include "verify/run_settings.hpp"
#include "verify/settings_reader.hpp"
#include "verify/student_settings.hpp"
#include "verify/teacher_settings.hpp"

namespace zg::detail {
namespace {

// An integer as the docs write it: powers of ten from 10^4 up as "10⁷", others in digits.
std::string integer_text(long long n) {
  static const char* const kSuperscripts[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  int exponent = 0;
  long long m = n;
  while (m >= 10 && m % 10 == 0) m /= 10, ++exponent;
  if (m != 1 || exponent < 4) return std::to_string(n);
  std::string out = "10";
  for (char digit : std::to_string(exponent)) out += kSuperscripts[digit - '0'];
  return out;
}

std::string number_range_text(const SettingRange& r) {
  if (!r.low && !r.high) return "any";
  if (r.low && r.high)
    return std::string(r.low->closed ? "[" : "(") + setting_number_text(r.low->value) + ", " +
           setting_number_text(r.high->value) + (r.high->closed ? "]" : ")");
  if (r.low) return std::string(r.low->closed ? "≥ " : "> ") + setting_number_text(r.low->value);
  return std::string(r.high->closed ? "≤ " : "< ") + setting_number_text(r.high->value);
}

std::string integer_range_text(const SettingRange& r) {
  return integer_text(static_cast<long long>(r.low->value)) + " … " +
         integer_text(static_cast<long long>(r.high->value));
}

}  // namespace

std::string kind_text(SettingKind kind) {
  switch (kind) {
    case SettingKind::Number:
      return "number";
    case SettingKind::Integer:
    case SettingKind::Seed:
      return "integer";
    case SettingKind::ExactNumber:
      return "number";
    case SettingKind::DocsOnly:
      return "";
    case SettingKind::IntegerArray:
      return "array of integers";
  }
  return "";
}

std::string value_text(const SettingValue& value) {
  if (const double* x = std::get_if<double>(&value)) return "`" + setting_number_text(*x) + "`";
  if (const long long* n = std::get_if<long long>(&value)) return "`" + std::to_string(*n) + "`";
  if (const SpecNumber* x = std::get_if<SpecNumber>(&value)) return "`" + exact_number_text(*x) + "`";
  if (std::holds_alternative<std::monostate>(value)) return "";
  std::string out;
  for (long long n : std::get<std::vector<long long>>(value)) out += (out.empty() ? "" : ", ") + std::to_string(n);
  return "`[" + out + "]`";
}

std::string range_text(SettingKind kind,
                       const SettingRange& range,
                       const ArrayRule& array,
                       const std::string& run_rule) {
  std::string out;
  if (kind == SettingKind::Number || kind == SettingKind::ExactNumber) out = number_range_text(range);
  if (kind == SettingKind::Integer) out = integer_range_text(range);
  if (kind == SettingKind::Seed) out = "0 … 2⁶⁴−1";
  if (kind == SettingKind::IntegerArray) {
    if (array.increasing) out += "increasing, ";
    if (array.min_entries > 0) out += "≥ " + std::to_string(array.min_entries) + " entries, ";
    out += "each " + integer_range_text(range);
  }
  if (!run_rule.empty()) out += "; " + run_rule + " (checked when the claim runs)";
  return out;
}

std::string markdown_table(const std::vector<SettingRow>& rows) {
  std::string out = "| key | type | default | range | unit | meaning |\n|---|---|---|---|---|---|\n";
  for (const SettingRow& r : rows)
    out += "| `" + r.key + "` | " + r.type + " | " + r.default_text + " | " + r.range + " | " + r.unit + " | " +
           r.meaning + " |\n";
  return out;
}

std::vector<RenderedTable> rendered_settings_tables() {
  return {
      {top_level_setting_declarations().name, markdown_table(setting_rows(top_level_setting_declarations()))},
      {teacher_setting_declarations().name, markdown_table(setting_rows(teacher_setting_declarations()))},
      {generate_setting_declarations().name, markdown_table(setting_rows(generate_setting_declarations()))},
      {near_student_setting_declarations().name, markdown_table(setting_rows(near_student_setting_declarations()))},
      {explicit_student_setting_declarations().name,
       markdown_table(setting_rows(explicit_student_setting_declarations()))},
      {certificate_setting_declarations().name, markdown_table(setting_rows(certificate_setting_declarations()))},
      {landscape_setting_declarations().name, markdown_table(setting_rows(landscape_setting_declarations()))},
      {algorithm_setting_declarations().name, markdown_table(setting_rows(algorithm_setting_declarations()))},
  };
}

std::string begin_marker(const std::string& name) {
  return "<!-- begin settings table [" + name + "]: generated from its declarations by config_docs, do not edit -->\n";
}

std::string end_marker(const std::string& name) {
  return "<!-- end settings table [" + name + "] -->\n";
}

std::string with_rendered_tables(const std::string& document, const std::string& source) {
  std::string out = document;
  for (const RenderedTable& table : rendered_settings_tables()) {
    const std::string begin = begin_marker(table.name);
    const std::string end = end_marker(table.name);
    const std::size_t b = out.find(begin);
    const std::size_t e = b == std::string::npos ? std::string::npos : out.find(end, b);
    if (e == std::string::npos)
      throw InputError(source,
                       "[" + table.name + "]",
                       "no generated table: the marker lines are missing or out of order",
                       "put the lines \"" + begin.substr(0, begin.size() - 1) + "\" and \"" +
                           end.substr(0, end.size() - 1) + "\" around the table in the [" + table.name + "] section");
    out.replace(b + begin.size(), e - (b + begin.size()), table.markdown);
  }
  return out;
}

}  // namespace zg::detail

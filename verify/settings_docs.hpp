// The settings tables of docs/config.md rendered from their declarations
// (lemmas/setting_declaration.hpp). Each table sits between two marker comments in the
// Markdown; the config_docs tool rewrites it and tests/verify/settings_docs_test.cpp fails
// when the file and the declarations drift apart.
#pragma once

#include <string>
#include <type_traits>
#include <vector>

#include "lemmas/setting_declaration.hpp"

namespace zg::detail {

/// One row of a settings table, as the Markdown shows it.
struct SettingRow {
  std::string key;
  std::string type;
  std::string default_text;
  std::string range;
  std::string unit;
  std::string meaning;
};

/// The row's type, default and range texts: "number", "`1e-3`", "(0, 90]".
std::string kind_text(SettingKind kind);
std::string value_text(const SettingValue& value);
std::string range_text(SettingKind kind,
                       const SettingRange& range,
                       const ArrayRule& array,
                       const std::string& run_rule);

template <class S>
std::vector<SettingRow> setting_rows(const SettingTable<S>& table) {
  std::vector<SettingRow> rows;
  for (const Setting<S>& s : table.settings) {
    const bool docs_only = s.kind() == SettingKind::DocsOnly;
    std::string range = s.range_doc.empty() ? range_text(s.kind(), s.range, s.array, s.run_rule) : s.range_doc;
    if (!s.cross_rule.empty()) range += ", " + s.cross_rule;
    rows.push_back({s.key,
                    docs_only ? s.type_text : kind_text(s.kind()),
                    !s.default_text.empty() ? s.default_text
                    : !s.required.empty()   ? "required"
                                            : value_text(value_of(s, S{})),
                    range,
                    s.unit,
                    s.meaning});
  }
  return rows;
}

/// A Markdown table of `rows`, one line each, ending in a newline.
std::string markdown_table(const std::vector<SettingRow>& rows);

/// A table docs/config.md shows: its name ("certificate") and its rendered Markdown.
struct RenderedTable {
  std::string name;
  std::string markdown;
};
/// The top-level keys, [teacher], [teacher.generate], the two forms of [student],
/// [certificate], [landscape] and [algorithm], rendered from their declarations.
std::vector<RenderedTable> rendered_settings_tables();

/// The marker lines around table `name`.
std::string begin_marker(const std::string& name);
std::string end_marker(const std::string& name);

/// `document` with the text between each table's markers replaced by its rendering.
/// Throws InputError (naming `source` and the marker) when a marker is missing or out of order.
std::string with_rendered_tables(const std::string& document, const std::string& source);

}  // namespace zg::detail

// Typed, checked access to one node of a configuration document. TOML and JSON files
// are both read into a JSON tree (verify/config.cpp); a ConfigField is a node of it with
// its dotted path ("teacher.directions[2]"), so every rejection names the field, its
// value, the rule and the fix in one line (STYLE.md habit 13). Format: docs/config.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/problem_spec.hpp"

namespace zg::detail {

class ConfigField {
 public:
  ConfigField(const nlohmann::json& node, std::string path, const std::string& source)
      : node_(&node), path_(std::move(path)), source_(&source) {}

  const nlohmann::json& node() const { return *node_; }
  const std::string& path() const { return path_; }
  const std::string& source() const { return *source_; }
  /// The path of a key of this table: "teacher" + "dimension" = "teacher.dimension".
  std::string child_path(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

  /// Throws InputError "source: path = value: problem; fix" (the value only for scalars).
  [[noreturn]] void fail(const std::string& problem, const std::string& fix) const;

  /// An integer in [lo, hi]; floats such as 50.0 are rejected.
  std::int64_t integer(std::int64_t lo, std::int64_t hi) const;
  /// A seed: any integer from 0 to 2^64 - 1, in TOML as in JSON.
  std::uint64_t seed() const;
  /// A non-empty string.
  std::string text() const;
  /// A number kept exact: an integer becomes its decimal text (any size, within double's
  /// range), a float its binary value, a string must be a decimal within double's range
  /// and stays as written.
  SpecNumber number() const;
  /// The elements of an array, with paths "path[i]"; `what` describes one element.
  std::vector<ConfigField> elements(const std::string& what) const;
  /// An array of numbers.
  std::vector<SpecNumber> numbers() const;

 private:
  const nlohmann::json* node_;
  std::string path_;
  const std::string* source_;
};

/// A table whose keys must all be known: an unknown key is rejected on construction, with
/// a "did you mean" suggestion when an allowed key is a small edit away.
class ConfigTable {
 public:
  ConfigTable(const ConfigField& field, std::vector<std::string> allowed);

  const ConfigField& field() const { return field_; }
  bool has(const std::string& key) const;
  std::optional<ConfigField> find(const std::string& key) const;
  /// The value of `key`; when it is missing, fails naming `path.key` and asking for `what`.
  ConfigField at(const std::string& key, const std::string& what) const;

 private:
  ConfigField field_;
};

/// A number the parsers cannot hold as written (an integer beyond 64 bits, a float beyond
/// the range of double, underflow included) travels through the document as a binary node
/// carrying its text: toml11 would clamp it and nlohmann::json round or refuse it without
/// naming the field. The field that reads it then refuses it by its own rule, quoting what
/// was written, or (an integer read as a number) keeps it exactly.
enum class LiteralKind : std::uint8_t { Integer = 1, Float = 2 };
nlohmann::json out_of_range_literal(const std::string& text, LiteralKind kind);

/// The sign of a number, exactly (-1, 0 or +1), also for decimals beyond double precision.
int exact_sign(const SpecNumber& x);

}  // namespace zg::detail

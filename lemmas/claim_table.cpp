// Parsing and validating the claims table (lemmas/claim_table.hpp), and pairing its rows
// with the bound checks. Every message names the table, the row and the field, and the fix.
#include "lemmas/claim_table.hpp"

#include <algorithm>
#include <cctype>
#include <exception>
#include <map>
#include <set>
#include <sstream>
#include <utility>

#include <toml.hpp>

#include "core/input_error.hpp"

namespace zg {
namespace {

const char* const kRigorChoices = "identity, statistical, sampled, certified, measured or audit";
const char* const kProductChoices =
    "certificate, decay search, decay proof, test-function bound, Newton optimum or stage-2 network";
const std::set<std::string> kRowKeys = {
    "id", "title", "module", "rigor", "statement", "statement_latex", "paper_location", "requires", "needs"};

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// Reads one table, naming `where` ("lemmas/claims.toml: claim 3 (H2)") in its errors.
class RowReader {
 public:
  RowReader(const toml::table& row, std::string where) : row_(row), where_(std::move(where)) {}

  std::string text(const std::string& key) const {
    const auto it = row_.find(key);
    if (it == row_.end()) throw InputError(where_, key, "missing", "every row needs " + key + " = \"...\"");
    if (!it->second.is_string()) throw InputError(where_, key, "not a string", "write " + key + " = \"...\"");
    std::string value = it->second.as_string().str;
    if (value.empty()) throw InputError(where_, key, "empty", "give the claim's " + key);
    return value;
  }

  std::vector<std::string> texts(const std::string& key) const {
    std::vector<std::string> out;
    const auto it = row_.find(key);
    if (it == row_.end()) return out;  // optional: none
    if (!it->second.is_array())
      throw InputError(where_, key, "not an array", "write " + key + " = [\"...\", ...] or leave it out");
    for (const toml::value& v : it->second.as_array()) {
      if (!v.is_string() || v.as_string().str.empty())
        throw InputError(where_, key, "holds something other than a non-empty string", "list names in quotes");
      out.push_back(v.as_string().str);
    }
    return out;
  }

  const std::string& where() const { return where_; }

 private:
  const toml::table& row_;
  std::string where_;
};

std::vector<std::string> module_names(const toml::table& top, const std::string& source) {
  const auto it = top.find("modules");
  if (it == top.end())
    throw InputError(source, "modules", "missing", "list the claim families: modules = [\"hermite\", ...]");
  if (!it->second.is_array()) throw InputError(source, "modules", "not an array", "write modules = [\"hermite\", ...]");
  std::vector<std::string> out;
  for (const toml::value& v : it->second.as_array()) {
    if (!v.is_string() || v.as_string().str.empty())
      throw InputError(source, "modules", "holds something other than a non-empty string", "list names in quotes");
    if (std::find(out.begin(), out.end(), v.as_string().str) != out.end())
      throw InputError(source, "modules", "'" + v.as_string().str + "' listed twice", "list each family once");
    out.push_back(v.as_string().str);
  }
  return out;
}

ClaimSpec read_row(const toml::value& value,
                   std::size_t index,
                   const std::string& source,
                   const std::vector<std::string>& modules) {
  const std::string position = source + ": claim " + std::to_string(index + 1);
  if (!value.is_table()) throw InputError(position, "", "not a table", "write each claim as a [[claim]] table");
  const toml::table& row = value.as_table();
  const RowReader first(row, position);
  ClaimSpec spec;
  spec.id = first.text("id");
  const RowReader r(row, position + " (" + spec.id + ")");
  for (const auto& entry : row)
    if (kRowKeys.count(entry.first) == 0)
      throw InputError(
          r.where(), entry.first, "unknown field", "the fields are listed at the top of lemmas/claims.toml");
  spec.title = r.text("title");
  spec.module = r.text("module");
  if (std::find(modules.begin(), modules.end(), spec.module) == modules.end())
    throw InputError(
        r.where(), "module", "unknown module '" + spec.module + "'", "use one of `modules` or add it there");
  const std::string rigor = r.text("rigor");
  const std::optional<Rigor> parsed_rigor = rigor_from_string(rigor);
  if (!parsed_rigor)
    throw InputError(r.where(), "rigor", "unknown rigor '" + rigor + "'", std::string("use ") + kRigorChoices);
  spec.rigor = *parsed_rigor;
  spec.statement = r.text("statement");
  spec.statement_latex = r.text("statement_latex");
  spec.paper_location = r.text("paper_location");
  spec.requires_claims = r.texts("requires");
  for (const std::string& name : r.texts("needs")) {
    const std::optional<Product> kind = product_from_string(name);
    if (!kind)
      throw InputError(r.where(), "needs", "unknown product '" + name + "'", std::string("use ") + kProductChoices);
    spec.needs.push_back(*kind);
  }
  return spec;
}

toml::value parse_toml(const std::string& text, const std::string& source) {
  std::istringstream in(text);
  try {
    return toml::parse(in, source);
  } catch (const std::exception& e) {
    const std::string message = e.what();
    throw InputError(source, "", "not valid TOML: " + message.substr(0, message.find('\n')), "fix the syntax");
  }
}

}  // namespace

std::vector<ClaimSpec> parse_claim_table(const std::string& text, const std::string& source) {
  const toml::value data = parse_toml(text, source);
  const toml::table& top = data.as_table();
  for (const auto& entry : top)
    if (entry.first != "modules" && entry.first != "claim")
      throw InputError(source, entry.first, "unknown top-level key", "the table has `modules` and [[claim]] rows only");
  const std::vector<std::string> modules = module_names(top, source);
  const auto rows = top.find("claim");
  if (rows == top.end() || !rows->second.is_array() || rows->second.as_array().empty())
    throw InputError(source, "claim", "no [[claim]] rows", "add one [[claim]] table per claim");

  std::vector<ClaimSpec> specs;
  std::map<std::string, std::string> ids;  // upper-cased id -> id as written
  for (const toml::value& row : rows->second.as_array()) {
    ClaimSpec spec = read_row(row, specs.size(), source, modules);
    const auto [it, fresh] = ids.emplace(upper(spec.id), spec.id);
    if (!fresh)
      throw InputError(source + ": claim " + std::to_string(specs.size() + 1),
                       "id",
                       "duplicate id '" + spec.id + "' (already used by " + it->second + ")",
                       "give every claim its own id");
    specs.push_back(std::move(spec));
  }
  for (const ClaimSpec& spec : specs)
    for (const std::string& required : spec.requires_claims) {
      const auto it = ids.find(upper(required));
      const std::string where = source + ": claim " + spec.id;
      if (it == ids.end())
        throw InputError(where, "requires", "unknown claim '" + required + "'", "name the id of a row of this table");
      if (it->second == spec.id) throw InputError(where, "requires", "the claim requires itself", "remove " + required);
    }
  return specs;
}

ClaimRegistry registry_from_table(const std::string& text,
                                  const std::string& source,
                                  const std::vector<CheckBinding>& bindings) {
  std::vector<ClaimSpec> specs = parse_claim_table(text, source);
  std::map<std::string, const CheckBinding*> by_id;
  for (const CheckBinding& b : bindings) {
    const auto [it, fresh] = by_id.emplace(b.claim_id, &b);
    if (!fresh)
      throw InputError(b.defined_in,
                       b.claim_id,
                       "a second check is bound to this claim (the first: " + it->second->defined_in + ")",
                       "bind exactly one check per claim");
    const bool has_row =
        std::any_of(specs.begin(), specs.end(), [&b](const ClaimSpec& s) { return s.id == b.claim_id; });
    if (!has_row)
      throw InputError(b.defined_in,
                       b.claim_id,
                       "a check is bound to a claim " + source + " does not have",
                       "add its [[claim]] row (ids are spelt exactly as in the table) or remove the binding");
  }
  ClaimRegistry registry;
  for (ClaimSpec& spec : specs) {
    const auto it = by_id.find(spec.id);
    if (it == by_id.end())
      throw InputError(source + ": claim " + spec.id,
                       "",
                       "no check is bound to this claim",
                       "bind one beside its check function: const BindCheck bind_" + spec.id + "(\"" + spec.id +
                           "\", ...); (lemmas/claim_registry.hpp), in a file of zg_lemmas linked whole");
    spec.check = it->second->check;
    registry.add(std::move(spec));
  }
  return registry;
}

}  // namespace zg

// Entry points of verify/config.hpp: reading the file, telling TOML from JSON, turning
// parser errors into one-line InputErrors, and the embedded default. Both formats become
// one JSON tree, which verify/config_schema.cpp reads. What the parsers would accept but
// change (a clamped integer, a saturated float, a repeated JSON key) or crash on (deep
// nesting) is refused or marked here, before the tree reaches the schema.
#include "verify/config.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <toml.hpp>

#include "core/input_error.hpp"
#include "reports/utf8.hpp"
#include "verify/config_field.hpp"
#include "verify/config_schema.hpp"

namespace zg {
namespace detail {
const char* embedded_default_config();  // generated from configs/default.toml at build time
}  // namespace detail

namespace {

using Json = nlohmann::json;

const char* const kEmbeddedSource = "<embedded default>";

// Deepest nesting of arrays and tables accepted. The format needs 2 (directions =
// [[...]]); toml11 3.7 parses each level by recursion, so a file of "[[[[..." or
// "{x={x={..." exhausts the stack (SIGSEGV) before it can say anything.
constexpr int kMaxNesting = 32;
constexpr std::size_t kMaxTomlLine = std::size_t{1} << 18;  // 256 KiB: about 5 s of toml11 at most (check_line_length)

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

// Index of the last byte of the string whose opening quote is text[i]; newlines inside it
// are counted into `line`. TOML has "basic" strings with escapes, 'literal' ones without,
// and """/''' multi-line forms that may end in up to two extra quotes; JSON has basic
// strings only. A single-line string ends at a newline at the latest: the text is invalid
// there, and the parser stops at that point, before anything that follows.
std::size_t end_of_string(const std::string& text, std::size_t i, bool toml, std::size_t& line) {
  const char quote = text[i];
  const bool escapes = quote == '"';
  const bool multiline = toml && text.compare(i, 3, std::string(3, quote)) == 0;
  for (std::size_t j = i + (multiline ? 3 : 1); j < text.size(); ++j) {
    const char c = text[j];
    if (c == '\n') {
      if (!multiline) return j - 1;
      ++line;
    } else if (escapes && c == '\\') {
      if (j + 1 < text.size() && text[j + 1] == '\n') {
        if (!multiline) return j;
        ++line;
      }
      ++j;
    } else if (c == quote) {
      if (!multiline) return j;
      std::size_t run = 1;
      while (j + run < text.size() && text[j + run] == quote) ++run;
      if (run >= 3) return j + std::min<std::size_t>(run, 5) - 1;
      j += run - 1;
    }
  }
  return text.size() - 1;
}

// Refuses text that nests deeper than kMaxNesting, before a parser sees it. Outside
// strings and comments, every bracket or brace opens a level, and in TOML so does every
// dot of a dotted key ("a.b.c = 1" and "[a.b.c]" are three tables deep): a key starts a
// line at the top level, an inline table, or follows a comma in one.
void check_nesting(const std::string& text, const std::string& source, bool toml) {
  std::vector<std::pair<char, int>> open;  // bracket and the depth inside it
  bool in_key = toml;                      // reading a TOML key (or a table header)
  int key_dots = 0;                        // dots of the key of the value being read
  std::size_t line = 1;
  const auto depth = [&] { return open.empty() ? 0 : open.back().second; };
  const auto refuse_beyond = [&](int levels) {
    if (levels > kMaxNesting)
      throw InputError(source,
                       "line " + std::to_string(line),
                       "arrays, tables and dotted keys nest more than " + std::to_string(kMaxNesting) + " levels deep",
                       "the format needs at most 2 levels (directions = [[1, 0], [0, 1]]); remove the extra ones");
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      if (toml && open.empty()) in_key = true, key_dots = 0;
    } else if (toml && c == '#') {
      while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
    } else if (c == '"' || (toml && c == '\'')) {
      i = end_of_string(text, i, toml, line);
    } else if (c == '[' || c == '{') {
      refuse_beyond(depth() + 1 + key_dots);
      open.emplace_back(c, depth() + 1 + key_dots);
      in_key = toml && (c == '{' || in_key);  // an inline table starts with a key; a header is one
      key_dots = 0;
    } else if (c == ']' || c == '}') {
      if (!open.empty()) open.pop_back();
      in_key = false;
    } else if (toml && c == ',') {
      in_key = !open.empty() && open.back().first == '{';
      key_dots = 0;
    } else if (toml && c == '=') {
      in_key = false;
    } else if (toml && c == '.' && in_key) {
      refuse_beyond(depth() + ++key_dots);
    }
  }
}

// Refuses a TOML line longer than kMaxTomlLine bytes. toml11 3.7 looks through a value's
// whole line for comments as it reads each value, so one line of n numbers costs n times
// its length: 10^4 angles_deg on one line (160 KB) take about 2 s, 10^5 (1.6 MB) minutes.
void check_line_length(const std::string& text, const std::string& source) {
  std::size_t line = 1, start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n') continue;
    if (i - start > kMaxTomlLine)
      throw InputError(source,
                       "line " + std::to_string(line),
                       "has " + std::to_string(i - start) + " bytes, more than the " + std::to_string(kMaxTomlLine) +
                           " a TOML line may have here (the TOML reader rescans a line for every value on it)",
                       "break long arrays over several lines (a newline may follow any comma), or give the "
                       "configuration as JSON");
    start = i + 1;
    ++line;
  }
}

// Refuses text that is not UTF-8, which TOML requires of a whole file, naming the line.
// It runs before the parser because toml11 3.7 (Debian 12) reads past the end of its
// buffer on an invalid sequence inside a literal string (toml11 issue #199, fixed in 3.8;
// found by tests/fuzz/fuzz_config_toml).
void check_utf8(const std::string& text, const std::string& source) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < text.size();) {
    const detail::DecodedCodePoint c = detail::decode_utf8_at(text, i);
    if (c.value == detail::kReplacementCharacter && c.length == 1)  // a valid U+FFFD takes 3 bytes
      throw InputError(source,
                       "line " + std::to_string(line),
                       "not valid UTF-8 (byte " + std::to_string(i + 1) + ")",
                       "save the file as UTF-8: TOML files must be");
    if (c.value == '\n') ++line;
    i += c.length;
  }
}

std::string without_separators(const std::string& literal) {
  std::string s;
  for (char c : literal)
    if (c != '_') s += c;
  return s;
}

// A TOML number exactly as written ("1e400", "+1_000"): the text of the region toml11
// keeps for the value; "" when that is not available. Read from the region itself, not
// from v.location(), which counts the lines before the value and copies its whole line:
// for 10^4 numbers on one line (angles_deg) that was quadratic and took most of a run.
std::string toml_literal(const toml::value& v) {
  const toml::detail::region_base* region = toml::detail::get_region(v);
  if (region == nullptr || !region->is_ok()) return "";
  return region->str();
}

// Whether a TOML integer literal fits in 64 bits: toml11 reads it with operator>>, which
// clamps an overflow to the nearest limit without a word.
bool integer_literal_fits(const std::string& literal) {
  const std::string s = without_separators(literal);
  if (s.empty()) return true;  // unknown: trust the parser
  std::size_t start = s.front() == '+' ? 1 : 0;
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o' || s[1] == 'b')) {
    base = s[1] == 'x' ? 16 : s[1] == 'o' ? 8 : 2;
    start = 2;
  }
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(s.data() + start, s.data() + s.size(), value, base);
  return error == std::errc() && end == s.data() + s.size();
}

// Whether a float literal lies within double's range: finite, and not a nonzero decimal
// that underflows to zero (the rule decimal strings follow). TOML's inf and nan pass, to
// be refused with the field's name by ConfigField::number().
bool float_literal_in_range(const std::string& literal) {
  const std::string s = without_separators(literal);
  if (s.empty() || s.find_first_of("in") != std::string::npos) return true;
  const double x = std::strtod(s.c_str(), nullptr);
  const std::string mantissa = s.substr(0, s.find_first_of("eE"));
  const bool nonzero = mantissa.find_first_of("123456789") != std::string::npos;
  return std::isfinite(x) && !(x == 0 && nonzero);
}

// TOML into JSON: integers stay integers and floats keep their binary value (NaN and inf
// included, rejected later with the field's name); numbers beyond 64-bit integers or
// double become out-of-range literals (verify/config_field.hpp); dates and times have no
// use here.
Json to_json(const toml::value& v, const std::string& path, const std::string& source) {
  switch (v.type()) {
    case toml::value_t::boolean:
      return v.as_boolean();
    case toml::value_t::integer:
      if (!integer_literal_fits(toml_literal(v)))
        return detail::out_of_range_literal(without_separators(toml_literal(v)), detail::LiteralKind::Integer);
      return v.as_integer();
    case toml::value_t::floating:
      if (!float_literal_in_range(toml_literal(v)))
        return detail::out_of_range_literal(toml_literal(v), detail::LiteralKind::Float);
      return v.as_floating();
    case toml::value_t::string:
      return v.as_string().str;
    case toml::value_t::array: {
      Json out = Json::array();
      for (const toml::value& e : v.as_array())
        out.push_back(to_json(e, path + "[" + std::to_string(out.size()) + "]", source));
      return out;
    }
    case toml::value_t::table: {
      Json out = Json::object();
      for (const auto& [key, e] : v.as_table()) out[key] = to_json(e, path.empty() ? key : path + "." + key, source);
      return out;
    }
    default:
      throw InputError(source, path, "dates and times are not used in this format", "give a number or a string");
  }
}

// nlohmann::json's DOM builder with the refusals json::parse does not make: a key given
// twice in one object (json::parse keeps the last without a word), and a number beyond
// double's range, named by its field. Integers beyond 64 bits, which the library would
// round to a double, and floats that underflow to zero become out-of-range literals.
class StrictJsonBuilder {
 public:
  StrictJsonBuilder(Json& root, const std::string& source) : dom_(root), source_(&source) {}

  bool null() { return element(), dom_.null(); }
  bool boolean(bool x) { return element(), dom_.boolean(x); }
  bool number_integer(Json::number_integer_t x) { return element(), dom_.number_integer(x); }
  bool number_unsigned(Json::number_unsigned_t x) { return element(), dom_.number_unsigned(x); }
  bool number_float(Json::number_float_t x, const Json::string_t& literal) {
    element();
    // The lexer hands an integer to number_float only when it overflows 64 bits.
    const bool integer = literal.find_first_of(".eE") == std::string::npos;
    if (integer || !float_literal_in_range(literal)) {
      const Json marked =
          detail::out_of_range_literal(literal, integer ? detail::LiteralKind::Integer : detail::LiteralKind::Float);
      Json::binary_t bytes = marked.get_binary();
      return dom_.binary(bytes);
    }
    return dom_.number_float(x, literal);
  }
  bool string(Json::string_t& x) { return element(), dom_.string(x); }
  bool binary(Json::binary_t& x) { return element(), dom_.binary(x); }
  bool start_object(std::size_t n) {
    element();
    frames_.push_back(Frame{true, {}, "", 0});
    return dom_.start_object(n);
  }
  bool key(Json::string_t& k) {
    Frame& f = frames_.back();
    f.key = k;
    if (!f.keys.insert(k).second)
      throw InputError(
          *source_, path(), "key given twice in one object", "keep one of them: JSON readers differ on which wins");
    return dom_.key(k);
  }
  bool end_object() { return frames_.pop_back(), dom_.end_object(); }
  bool start_array(std::size_t n) {
    element();
    frames_.push_back(Frame{false, {}, "", 0});
    return dom_.start_array(n);
  }
  bool end_array() { return frames_.pop_back(), dom_.end_array(); }
  template <class Exception>
  bool parse_error(std::size_t position, const std::string& token, const Exception& e) {
    if (e.id == 406)  // "number overflow": a number beyond double's range
      throw InputError(*source_,
                       path(true) + " = " + token,
                       "lies beyond the range of double",
                       "give a magnitude between 1e-300 and 1e300");
    return dom_.parse_error(position, token, e);
  }

 private:
  struct Frame {
    bool object;
    std::set<std::string> keys;
    std::string key;      ///< the current key, in an object
    std::size_t started;  ///< elements started so far, in an array
  };

  // The path of the value being read: "teacher.directions[2]". Each array counts the
  // elements started in it; the last one's is still to start when a number fails to lex.
  std::string path(bool value_pending = false) const {
    std::string out;
    for (std::size_t i = 0; i < frames_.size(); ++i) {
      const Frame& f = frames_[i];
      const bool pending = value_pending && i + 1 == frames_.size();
      out += f.object ? (out.empty() ? "" : ".") + f.key : "[" + std::to_string(f.started - (pending ? 0 : 1)) + "]";
    }
    return out;
  }

  // A value starts: in an array, it takes the next position.
  void element() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().started;
  }

  nlohmann::detail::json_sax_dom_parser<Json> dom_;
  const std::string* source_;
  std::vector<Frame> frames_;
};

RunConfig with_origin(RunConfig config, const std::string& text, const std::string& source) {
  config.source = source;
  config.text = text;
  return config;
}

}  // namespace

RunConfig parse_config_toml(const std::string& text, const std::string& source) {
  check_utf8(text, source);
  check_line_length(text, source);
  check_nesting(text, source, true);
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
  check_nesting(text, source, false);
  Json document;
  try {
    StrictJsonBuilder builder(document, source);
    Json::sax_parse(text, &builder);
  } catch (const Json::exception& e) {
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

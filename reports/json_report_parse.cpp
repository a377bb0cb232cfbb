// parse_report_json: reads back what render_json (json_report.cpp) writes. Every field is
// required and type-checked; an error names the source and the field's path in the
// document ("claims[2].measurements.residual.value"), also when the text breaks off.
#include "reports/report_writer.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/claim_record.hpp"
#include "core/input_error.hpp"

namespace zg {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kFix = "expected a report.json written by verify";

/// Follows the parser through the document so that a syntax error (a truncated file, say)
/// can name the field being read when it happened.
class PathTracker final {
 public:
  bool on_event(Json::parse_event_t event, const Json& parsed) {
    switch (event) {
      case Json::parse_event_t::object_start:
        frames_.push_back({false, "", 0});
        break;
      case Json::parse_event_t::array_start:
        frames_.push_back({true, "", 0});
        break;
      case Json::parse_event_t::key:
        frames_.back().key = parsed.get<std::string>();
        break;
      case Json::parse_event_t::object_end:
      case Json::parse_event_t::array_end:
        frames_.pop_back();
        element_done();
        break;
      case Json::parse_event_t::value:
        element_done();
        break;
    }
    return true;  // keep every value
  }

  /// "claims[0].measurements.residual", or "" before the first key.
  std::string path() const {
    std::string p;
    for (const Frame& f : frames_) {
      if (f.array) {
        p += "[" + std::to_string(f.index) + "]";
      } else if (!f.key.empty()) {
        p += (p.empty() ? "" : ".") + f.key;
      }
    }
    return p;
  }

 private:
  struct Frame {
    bool array;
    std::string key;    ///< last key read, objects only
    std::size_t index;  ///< elements completed, arrays only
  };

  void element_done() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
  }

  std::vector<Frame> frames_;
};

/// nlohmann's messages start with "[json.exception.parse_error.101] "; people need the rest.
std::string without_exception_id(const std::string& what) {
  const std::size_t end = what.find("] ");
  return end == std::string::npos ? what : what.substr(end + 2);
}

const char* type_name(const Json& j) {
  if (j.is_number_unsigned()) return "non-negative integer";
  if (j.is_number_integer()) return "negative integer";
  return j.type_name();
}

/// A JSON object being read, with its path for error messages.
class ObjectReader final {
 public:
  ObjectReader(const Json& object, std::string path, const std::string& source)
      : object_(object), path_(std::move(path)), source_(source) {}

  std::string string(const char* key) const {
    const Json& j = field(key);
    if (!j.is_string()) fail(key, expected("a string", j));
    return j.get<std::string>();
  }

  /// A number, or NaN for null (how render_json writes a non-finite value).
  double number(const char* key) const {
    const Json& j = field(key);
    if (j.is_null()) return std::numeric_limits<double>::quiet_NaN();
    if (!j.is_number()) fail(key, expected("a number", j));
    return j.get<double>();
  }

  std::uint64_t count(const char* key, std::uint64_t largest) const {
    const Json& j = field(key);
    if (!j.is_number_unsigned()) fail(key, expected("a non-negative integer", j));
    const std::uint64_t n = j.get<std::uint64_t>();
    if (n > largest) fail(key, std::to_string(n) + " is larger than " + std::to_string(largest));
    return n;
  }

  ObjectReader object(const char* key) const { return as_object(field(key), child(key)); }

  /// The elements of an array field, each required to be an object.
  std::vector<ObjectReader> objects(const char* key) const {
    const Json& j = field(key);
    if (!j.is_array()) fail(key, expected("an array", j));
    std::vector<ObjectReader> elements;
    for (std::size_t i = 0; i < j.size(); ++i)
      elements.push_back(as_object(j[i], child(key) + "[" + std::to_string(i) + "]"));
    return elements;
  }

  /// The members of an object field, in document order, each required to be an object.
  std::vector<std::pair<std::string, ObjectReader>> members(const char* key) const {
    const ObjectReader outer = object(key);
    std::vector<std::pair<std::string, ObjectReader>> out;
    for (const auto& [name, value] : outer.object_.items())
      out.emplace_back(name, as_object(value, outer.path_ + "." + name));
    return out;
  }

  [[noreturn]] void fail(const char* key, const std::string& problem) const {
    throw InputError(source_, child(key), problem, kFix);
  }

 private:
  std::string child(const char* key) const { return path_.empty() ? key : path_ + "." + key; }

  const Json& field(const char* key) const {
    const auto it = object_.find(key);
    if (it == object_.end()) fail(key, "missing");
    return *it;
  }

  ObjectReader as_object(const Json& j, const std::string& path) const {
    if (!j.is_object()) throw InputError(source_, path, expected("an object", j), kFix);
    return ObjectReader(j, path, source_);
  }

  static std::string expected(const std::string& what, const Json& found) {
    return "expected " + what + ", found " + type_name(found);
  }

  const Json& object_;
  std::string path_;
  const std::string& source_;
};

ClaimResult read_claim(const ObjectReader& in) {
  ClaimResult c;
  c.id = in.string("id");
  c.title = in.string("title");
  c.module = in.string("module");
  c.statement = in.string("statement");
  c.statement_latex = in.string("statement_latex");
  c.paper_location = in.string("paper_location");
  const std::string verdict = in.string("verdict");
  if (const std::optional<Verdict> v = verdict_from_string(verdict)) {
    c.verdict = *v;
  } else {
    in.fail("verdict", "\"" + verdict + "\" is not PASS, FAIL, INCONCLUSIVE or SKIPPED");
  }
  const std::string rigor = in.string("rigor");
  if (const std::optional<Rigor> r = rigor_from_string(rigor)) {
    c.rigor = *r;
  } else {
    in.fail("rigor", "\"" + rigor + "\" is not a rigour level (identity, statistical, ...)");
  }
  const ObjectReader margin = in.object("margin");
  c.margin = Margin{margin.number("value"), margin.string("unit"), margin.string("text")};
  c.explanation = in.string("explanation");
  c.digits = static_cast<unsigned>(in.count("digits", std::numeric_limits<unsigned>::max()));
  c.seconds = in.number("seconds");
  for (const auto& [name, m] : in.members("measurements"))
    c.measurements.push_back(
        Measurement{name, m.string("value"), m.string("error"), m.string("unit"), m.string("description")});
  for (const ObjectReader& a : in.objects("artefacts"))
    c.artefacts.push_back(Artefact{a.string("path"), a.string("kind"), a.string("description")});
  return c;
}

/// The summary is derived from the claims; a mismatch means the file was edited or cut.
void check_summary(const ObjectReader& summary, const Summary& s) {
  const std::pair<const char*, int> expected[] = {{"pass", s.pass},
                                                  {"fail", s.fail},
                                                  {"inconclusive", s.inconclusive},
                                                  {"skipped", s.skipped},
                                                  {"total", s.total()}};
  for (const auto& [key, n] : expected) {
    const std::uint64_t stated = summary.count(key, std::numeric_limits<int>::max());
    if (stated != static_cast<std::uint64_t>(n))
      summary.fail(key, "says " + std::to_string(stated) + " but the claims give " + std::to_string(n));
  }
}

}  // namespace

RunReport parse_report_json(const std::string& text, const std::string& source) {
  PathTracker tracker;
  Json root;
  try {
    root = Json::parse(
        text, [&tracker](int, Json::parse_event_t event, Json& parsed) { return tracker.on_event(event, parsed); });
  } catch (const Json::parse_error& e) {
    throw InputError(source, tracker.path(), "not valid JSON: " + without_exception_id(e.what()), kFix);
  }
  if (!root.is_object())
    throw InputError(source, "", std::string("expected a JSON object, found ") + type_name(root), kFix);

  const ObjectReader in(root, "", source);
  RunReport r;
  r.tool = in.string("tool");
  r.version = in.string("version");
  r.git_commit = in.string("git_commit");
  r.paper = in.string("paper");
  const ObjectReader config = in.object("config");
  r.config_source = config.string("source");
  r.config_text = config.string("text");
  r.digits = static_cast<unsigned>(in.count("digits", std::numeric_limits<unsigned>::max()));
  r.seed = in.count("seed", std::numeric_limits<std::uint64_t>::max());
  r.started_at = in.string("started_at");
  r.seconds = in.number("seconds");
  r.host = in.string("host");
  for (const ObjectReader& c : in.objects("claims")) r.claims.push_back(read_claim(c));
  check_summary(in.object("summary"), summarize(r.claims));
  return r;
}

}  // namespace zg

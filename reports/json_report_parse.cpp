// parse_report_json: reads back what render_json (json_report.cpp) writes. Every field is
// required and type-checked; an error names the source and the field's path in the
// document ("claims[2].measurements.residual.value"), also when the text breaks off.
#include "reports/report_writer.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/claim_record.hpp"
#include "core/input_error.hpp"
#include "reports/report_document.hpp"
#include "reports/sha256.hpp"

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

/// Relative, without "..": a path that cannot leave the report folder.
bool safe_relative_path(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.find('\0') != std::string::npos) return false;
  std::size_t begin = 0;
  while (begin <= path.size()) {
    const std::size_t end = std::min(path.find('/', begin), path.size());
    const std::string part = path.substr(begin, end - begin);
    if (part == ".." || part.empty()) return false;
    begin = end + 1;
  }
  return true;
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

  bool boolean(const char* key) const {
    const Json& j = field(key);
    if (!j.is_boolean()) fail(key, expected("true or false", j));
    return j.get<bool>();
  }

  bool is_null(const char* key) const { return field(key).is_null(); }
  bool has(const char* key) const { return object_.contains(key); }

  /// An array field whose elements are all strings.
  std::vector<std::string> strings(const char* key) const {
    std::vector<std::string> out;
    for (const auto& [path, j] : elements(key)) {
      if (!j->is_string()) throw InputError(source_, path, expected("a string", *j), kFix);
      out.push_back(j->get<std::string>());
    }
    return out;
  }

  /// An array field whose elements are numbers (null read as NaN).
  std::vector<double> numbers(const char* key) const {
    std::vector<double> out;
    for (const auto& [path, j] : elements(key)) {
      if (j->is_null()) {
        out.push_back(std::numeric_limits<double>::quiet_NaN());
        continue;
      }
      if (!j->is_number()) throw InputError(source_, path, expected("a number", *j), kFix);
      out.push_back(j->get<double>());
    }
    return out;
  }

  ObjectReader object(const char* key) const { return as_object(field(key), child(key)); }

  /// The string members of an object field, in document order.
  std::vector<std::pair<std::string, std::string>> string_members(const char* key) const {
    const ObjectReader outer = object(key);
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [name, value] : outer.object_.items()) {
      if (!value.is_string()) throw InputError(source_, outer.path_ + "." + name, expected("a string", value), kFix);
      out.emplace_back(name, value.get<std::string>());
    }
    return out;
  }

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

  std::vector<std::pair<std::string, const Json*>> elements(const char* key) const {
    const Json& j = field(key);
    if (!j.is_array()) fail(key, expected("an array", j));
    std::vector<std::pair<std::string, const Json*>> out;
    for (std::size_t i = 0; i < j.size(); ++i) out.emplace_back(child(key) + "[" + std::to_string(i) + "]", &j[i]);
    return out;
  }

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

CertificateRef read_certificate_ref(const ObjectReader& in) {
  CertificateRef ref{in.string("path"), in.string("sha256")};
  if (!safe_relative_path(ref.path)) in.fail("path", "\"" + ref.path + "\" is not a relative path inside the report folder");
  const bool hex64 =
      ref.sha256.size() == 64 && ref.sha256.find_first_not_of("0123456789abcdef") == std::string::npos;
  if (!hex64) in.fail("sha256", "\"" + ref.sha256 + "\" is not 64 lowercase hexadecimal digits");
  return ref;
}

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
  if (in.has("digits_confirmed")) {  // optional: see json_report.cpp
    c.confirmed_digits = static_cast<unsigned>(in.count("digits_confirmed", std::numeric_limits<unsigned>::max()));
    if (c.confirmed_digits <= c.digits) in.fail("digits_confirmed", "must exceed \"digits\"");
  }
  c.seconds = in.number("seconds");
  for (const auto& [name, m] : in.members("measurements"))
    c.measurements.push_back(
        Measurement{name, m.string("value"), m.string("error"), m.string("unit"), m.string("description")});
  for (const ObjectReader& a : in.objects("artefacts")) {
    Artefact artefact{a.string("path"), a.string("kind"), a.string("description")};
    // Re-rendering copies artefacts by these paths: they must stay inside the folder.
    if (!safe_relative_path(artefact.path))
      a.fail("path", "\"" + artefact.path + "\" is not a relative path inside the report folder");
    c.artefacts.push_back(std::move(artefact));
  }
  // Optional: only claims that wrote a proof certificate have them, "certificate" (the
  // main one) and "certificates" (all, the main one first) together.
  if (in.has("certificate")) {
    c.certificate = read_certificate_ref(in.object("certificate"));
    if (!in.has("certificates")) in.fail("certificates", "is missing beside \"certificate\"");
    for (const ObjectReader& r : in.objects("certificates")) c.certificates.push_back(read_certificate_ref(r));
    if (c.certificates.empty() || c.certificates.front().path != c.certificate->path ||
        c.certificates.front().sha256 != c.certificate->sha256)
      in.fail("certificates", "must list \"certificate\" first");
  } else if (in.has("certificates")) {
    in.fail("certificate", "is missing beside \"certificates\"");
  }
  return c;
}

Figure read_figure(const ObjectReader& in, const std::string& claim_id) {
  Figure f;
  f.claim_id = claim_id;
  f.name = in.string("name");
  if (!safe_relative_path(f.name) || f.name.find('/') != std::string::npos)
    in.fail("name", "\"" + f.name + "\" is not a file stem");
  f.title = in.string("title");
  f.xlabel = in.string("xlabel");
  f.ylabel = in.string("ylabel");
  f.log_x = in.boolean("log_x");
  f.log_y = in.boolean("log_y");
  for (const ObjectReader& s : in.objects("series")) {
    FigureSeries series{s.string("label"), s.string("style"), 0};
    if (series.style != "lines" && series.style != "points" && series.style != "linespoints")
      s.fail("style", "\"" + series.style + "\" is not lines, points or linespoints");
    series.rows = static_cast<std::size_t>(s.count("rows", std::numeric_limits<std::uint32_t>::max()));
    f.series.push_back(std::move(series));
  }
  f.vertical_markers = in.numbers("vertical_markers");
  f.marker_labels = in.strings("marker_labels");
  return f;
}

BaselineComparison read_baseline(const ObjectReader& in) {
  BaselineComparison b;
  b.source = in.string("source");
  b.git_commit = in.string("git_commit");
  b.started_at = in.string("started_at");
  for (const ObjectReader& c : in.objects("changes")) {
    BaselineChange change;
    change.claim_id = c.string("claim");
    change.item = c.string("item");
    const std::string kind = c.string("kind");
    if (const std::optional<BaselineChange::Kind> k = baseline_change_kind_from_string(kind)) {
      change.kind = *k;
    } else {
      c.fail("kind", "\"" + kind + "\" is not a kind of change (verdict_changed, value_moved, ...)");
    }
    change.before = c.string("before");
    change.after = c.string("after");
    change.difference = c.string("difference");
    change.tolerance = c.string("tolerance");
    change.regression = c.boolean("regression");
    b.changes.push_back(std::move(change));
  }
  const std::uint64_t stated = in.count("regressions", std::numeric_limits<std::uint32_t>::max());
  if (stated != b.regressions())
    in.fail("regressions", "says " + std::to_string(stated) + " but the changes give " + std::to_string(b.regressions()));
  return b;
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

ReportDocument parse_report_json(const std::string& text, const std::string& source) {
  PathTracker tracker;
  Json root;
  try {
    root = Json::parse(
        text, [&tracker](int, Json::parse_event_t event, Json& parsed) { return tracker.on_event(event, parsed); });
  } catch (const Json::exception& e) {
    // parse_error, and out_of_range for a number beyond double ("1e400": error 406, found
    // by tests/fuzz/fuzz_report), which escaped as an uncaught exception.
    throw InputError(source, tracker.path(), "not valid JSON: " + without_exception_id(e.what()), kFix);
  }
  if (!root.is_object())
    throw InputError(source, "", std::string("expected a JSON object, found ") + type_name(root), kFix);

  const ObjectReader in(root, "", source);
  // A JSON file from elsewhere is told apart before any field-by-field complaint.
  if (!root.contains("tool") || !root["tool"].is_string() || root["tool"].get<std::string>() != "verify")
    throw InputError(source, "tool", "this JSON is not a report of verify (no \"tool\": \"verify\")",
                     "give the report.json a `verify run` wrote");
  ReportDocument doc;
  RunReport& r = doc.run;
  r.tool = in.string("tool");
  r.version = in.string("version");
  r.git_commit = in.string("git_commit");
  const ObjectReader build = in.object("build");
  doc.build.compiler = build.string("compiler");
  doc.build.flags = build.string("flags");
  doc.build.build_type = build.string("build_type");
  for (auto& [name, version] : build.string_members("libraries")) doc.build.libraries.push_back({name, version});
  r.paper = in.string("paper");
  const ObjectReader config = in.object("config");
  r.config_source = config.string("source");
  const std::string digest = config.string("sha256");
  r.config_text = config.string("text");
  if (digest != sha256_hex(r.config_text))
    config.fail("sha256", "does not match the SHA-256 of config.text (the report was edited or damaged)");
  r.digits = static_cast<unsigned>(in.count("digits", std::numeric_limits<unsigned>::max()));
  r.seed = in.count("seed", std::numeric_limits<std::uint64_t>::max());
  r.started_at = in.string("started_at");
  r.seconds = in.number("seconds");
  r.host = in.string("host");
  for (const ObjectReader& c : in.objects("claims")) {
    r.claims.push_back(read_claim(c));
    for (const ObjectReader& f : c.objects("figures")) doc.figures.push_back(read_figure(f, r.claims.back().id));
  }
  check_summary(in.object("summary"), summarize(r.claims));
  if (!in.is_null("baseline")) doc.baseline = read_baseline(in.object("baseline"));
  return doc;
}

}  // namespace zg

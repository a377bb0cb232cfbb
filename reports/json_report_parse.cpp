// parse_report_json: reads back what render_json (json_report.cpp) writes. Each record
// (claim, margin, measurement, figure, baseline, ...) has an nlohmann from_json; every
// field is required and type-checked, and an error names the source and the field's path
// in the document ("claims[2].measurements.residual.value"), also when the text breaks off.
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

/// "claims[0].margin" for the value at `target` inside `root` ("" for the root itself).
/// Searched only once an error is found: from_json sees a value, never its path. The walk
/// keeps its own stack, so a hostile, deeply nested document cannot overflow the C++ one.
std::string path_in_document(const Json& root, const Json* target) {
  std::vector<std::pair<const Json*, std::string>> pending{{&root, ""}};
  while (!pending.empty()) {
    auto [value, path] = std::move(pending.back());
    pending.pop_back();
    if (value == target) return path;
    if (value->is_array()) {
      for (std::size_t i = 0; i < value->size(); ++i)
        pending.emplace_back(&(*value)[i], path + "[" + std::to_string(i) + "]");
    } else if (value->is_object()) {
      for (const auto& member : value->items())
        pending.emplace_back(&member.value(), path.empty() ? member.key() : path + "." + member.key());
    }
  }
  return "";  // unreachable: every FieldError points into the document being read
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

/// A field that is missing, of the wrong type or breaking a rule, thrown by the readers
/// below and caught by parse_report_json, which locates `at` in the document and throws
/// the InputError. `at` is the object holding field `key`, or the bad value itself when
/// `key` is empty. Not an exception type of its own: it never leaves this file.
struct FieldError {
  const Json* at;
  std::string key;
  std::string problem;
};

[[noreturn]] void fail(const Json& at, std::string key, std::string problem) {
  throw FieldError{&at, std::move(key), std::move(problem)};
}

std::string expected(const std::string& what, const Json& found) {
  return "expected " + what + ", found " + type_name(found);
}

const Json& member(const Json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end()) fail(object, key, "missing");
  return *it;
}

/// A value read as T: a record through its from_json below (after checking that it is
/// an object), a scalar through one of the specialisations that follow.
template <class Record>
Record as(const Json& j) {
  if (!j.is_object()) fail(j, "", expected("an object", j));
  return j.get<Record>();
}

template <>
std::string as<std::string>(const Json& j) {
  if (!j.is_string()) fail(j, "", expected("a string", j));
  return j.get<std::string>();
}

/// A number, or NaN for null (how render_json writes a non-finite value).
template <>
double as<double>(const Json& j) {
  if (j.is_null()) return std::numeric_limits<double>::quiet_NaN();
  if (!j.is_number()) fail(j, "", expected("a number", j));
  return j.get<double>();
}

template <>
bool as<bool>(const Json& j) {
  if (!j.is_boolean()) fail(j, "", expected("true or false", j));
  return j.get<bool>();
}

template <class T>
T field(const Json& object, const char* key) {
  return as<T>(member(object, key));
}

/// An array field, each element read as T.
template <class T>
std::vector<T> list(const Json& object, const char* key) {
  const Json& j = member(object, key);
  if (!j.is_array()) fail(j, "", expected("an array", j));
  std::vector<T> out;
  for (const Json& element : j) out.push_back(as<T>(element));
  return out;
}

/// An object field whose members are read one by one (measurements, libraries).
const Json& object_field(const Json& object, const char* key) {
  const Json& j = member(object, key);
  if (!j.is_object()) fail(j, "", expected("an object", j));
  return j;
}

std::uint64_t count(const Json& object, const char* key, std::uint64_t largest) {
  const Json& j = member(object, key);
  if (!j.is_number_unsigned()) fail(j, "", expected("a non-negative integer", j));
  const std::uint64_t n = j.get<std::uint64_t>();
  if (n > largest) fail(j, "", std::to_string(n) + " is larger than " + std::to_string(largest));
  return n;
}

/// The summary is derived from the claims; a mismatch means the file was edited or cut.
void check_summary(const Json& summary, const Summary& s) {
  const std::pair<const char*, int> expected[] = {{"pass", s.pass},
                                                  {"fail", s.fail},
                                                  {"inconclusive", s.inconclusive},
                                                  {"skipped", s.skipped},
                                                  {"total", s.total()}};
  for (const auto& [key, n] : expected) {
    const std::uint64_t stated = count(summary, key, std::numeric_limits<int>::max());
    if (stated != static_cast<std::uint64_t>(n))
      fail(summary, key, "says " + std::to_string(stated) + " but the claims give " + std::to_string(n));
  }
}

}  // namespace

// The records' from_json, found by nlohmann's adl_serializer through argument-dependent
// lookup, so they live in namespace zg beside the records (an unnamed namespace would hide
// them from that lookup). Fields are read in document order: the first bad one is named.

void from_json(const Json& j, Margin& m) {
  m.value = field<double>(j, "value");
  m.unit = field<std::string>(j, "unit");
  m.text = field<std::string>(j, "text");
}

/// All but the name, which is the member's key in "measurements".
void from_json(const Json& j, Measurement& m) {
  m.value = field<std::string>(j, "value");
  m.error = field<std::string>(j, "error");
  m.unit = field<std::string>(j, "unit");
  m.description = field<std::string>(j, "description");
}

void from_json(const Json& j, Artefact& a) {
  a.path = field<std::string>(j, "path");
  a.kind = field<std::string>(j, "kind");
  a.description = field<std::string>(j, "description");
  // Re-rendering copies artefacts by these paths: they must stay inside the folder.
  if (!safe_relative_path(a.path))
    fail(j, "path", "\"" + a.path + "\" is not a relative path inside the report folder");
}

void from_json(const Json& j, CertificateRef& ref) {
  ref.path = field<std::string>(j, "path");
  ref.sha256 = field<std::string>(j, "sha256");
  if (!safe_relative_path(ref.path))
    fail(j, "path", "\"" + ref.path + "\" is not a relative path inside the report folder");
  const bool hex64 = ref.sha256.size() == 64 && ref.sha256.find_first_not_of("0123456789abcdef") == std::string::npos;
  if (!hex64) fail(j, "sha256", "\"" + ref.sha256 + "\" is not 64 lowercase hexadecimal digits");
}

void from_json(const Json& j, ClaimResult& c) {
  c.id = field<std::string>(j, "id");
  c.title = field<std::string>(j, "title");
  c.module = field<std::string>(j, "module");
  c.statement = field<std::string>(j, "statement");
  c.statement_latex = field<std::string>(j, "statement_latex");
  c.paper_location = field<std::string>(j, "paper_location");
  const std::string verdict = field<std::string>(j, "verdict");
  if (const std::optional<Verdict> v = verdict_from_string(verdict)) {
    c.verdict = *v;
  } else {
    fail(j, "verdict", "\"" + verdict + "\" is not PASS, FAIL, INCONCLUSIVE or SKIPPED");
  }
  const std::string rigor = field<std::string>(j, "rigor");
  if (const std::optional<Rigor> r = rigor_from_string(rigor)) {
    c.rigor = *r;
  } else {
    fail(j, "rigor", "\"" + rigor + "\" is not a rigour level (identity, statistical, ...)");
  }
  c.margin = field<Margin>(j, "margin");
  c.explanation = field<std::string>(j, "explanation");
  c.digits = static_cast<unsigned>(count(j, "digits", std::numeric_limits<unsigned>::max()));
  if (j.contains("digits_confirmed")) {  // optional: see json_report.cpp
    c.confirmed_digits = static_cast<unsigned>(count(j, "digits_confirmed", std::numeric_limits<unsigned>::max()));
    if (c.confirmed_digits <= c.digits) fail(j, "digits_confirmed", "must exceed \"digits\"");
  }
  c.seconds = field<double>(j, "seconds");
  for (const auto& m : object_field(j, "measurements").items()) {
    c.measurements.push_back(as<Measurement>(m.value()));
    c.measurements.back().name = m.key();
  }
  c.artefacts = list<Artefact>(j, "artefacts");
  // Optional: only claims that wrote a proof certificate have them, "certificate" (the
  // main one) and "certificates" (all, the main one first) together.
  if (j.contains("certificate")) {
    c.certificate = field<CertificateRef>(j, "certificate");
    if (!j.contains("certificates")) fail(j, "certificates", "is missing beside \"certificate\"");
    c.certificates = list<CertificateRef>(j, "certificates");
    if (c.certificates.empty() || c.certificates.front().path != c.certificate->path ||
        c.certificates.front().sha256 != c.certificate->sha256)
      fail(j, "certificates", "must list \"certificate\" first");
  } else if (j.contains("certificates")) {
    fail(j, "certificate", "is missing beside \"certificates\"");
  }
}

/// The LaTeX form of a label: optional, written only when the label has one (json_report.cpp).
std::string optional_latex(const Json& j, const char* key) {
  return j.contains(key) ? field<std::string>(j, key) : std::string();
}

void from_json(const Json& j, FigureSeries& s) {
  s.label = MathLabel(field<std::string>(j, "label"), optional_latex(j, "label_latex"));
  s.style = field<std::string>(j, "style");
  if (s.style != "lines" && s.style != "points" && s.style != "linespoints")
    fail(j, "style", "\"" + s.style + "\" is not lines, points or linespoints");
  s.rows = static_cast<std::size_t>(count(j, "rows", std::numeric_limits<std::uint32_t>::max()));
  if (j.contains("colour")) s.colour = static_cast<int>(count(j, "colour", kTeacherColours.size() - 1));
}

void from_json(const Json& j, FigureHeatMap& map) {
  map.columns = static_cast<std::size_t>(count(j, "columns", std::numeric_limits<std::uint32_t>::max()));
  map.rows = static_cast<std::size_t>(count(j, "rows", std::numeric_limits<std::uint32_t>::max()));
  map.value_label = MathLabel(field<std::string>(j, "value_label"), optional_latex(j, "value_label_latex"));
  map.value_min = field<double>(j, "value_min");
  map.value_max = field<double>(j, "value_max");
}

/// All but the claim id, which is that of the claim holding "figures". The *_latex
/// fields, the colours and the heat map are optional: written only when a figure has them.
void from_json(const Json& j, Figure& f) {
  f.name = field<std::string>(j, "name");
  if (!safe_relative_path(f.name) || f.name.find('/') != std::string::npos)
    fail(j, "name", "\"" + f.name + "\" is not a file stem");
  f.title = MathLabel(field<std::string>(j, "title"), optional_latex(j, "title_latex"));
  f.xlabel = MathLabel(field<std::string>(j, "xlabel"), optional_latex(j, "xlabel_latex"));
  f.ylabel = MathLabel(field<std::string>(j, "ylabel"), optional_latex(j, "ylabel_latex"));
  f.log_x = field<bool>(j, "log_x");
  f.log_y = field<bool>(j, "log_y");
  f.series = list<FigureSeries>(j, "series");
  f.vertical_markers = list<double>(j, "vertical_markers");
  for (const std::string& text : list<std::string>(j, "marker_labels")) f.marker_labels.emplace_back(text);
  if (j.contains("marker_labels_latex")) {
    const std::vector<std::string> latex = list<std::string>(j, "marker_labels_latex");
    if (latex.size() != f.marker_labels.size()) fail(j, "marker_labels_latex", "must have one entry per marker label");
    for (std::size_t i = 0; i < latex.size(); ++i) f.marker_labels[i].latex = latex[i];
  }
  if (j.contains("marker_colours")) {
    const double last_colour = static_cast<double>(kTeacherColours.size() - 1);
    const Json& colours = member(j, "marker_colours");
    if (!colours.is_array()) fail(colours, "", expected("an array", colours));
    for (const Json& c : colours) {
      const double colour = as<double>(c);
      if (!(colour >= -1 && colour <= last_colour && colour == static_cast<double>(static_cast<int>(colour))))
        fail(c, "", "holds " + std::to_string(colour) + ", not -1 or a colour index 0 to " +
                        std::to_string(kTeacherColours.size() - 1));
      f.marker_colours.push_back(static_cast<int>(colour));
    }
  }
  if (j.contains("heat_map")) f.heat_map = field<FigureHeatMap>(j, "heat_map");
}

void from_json(const Json& j, BaselineChange& change) {
  change.claim_id = field<std::string>(j, "claim");
  change.item = field<std::string>(j, "item");
  const std::string kind = field<std::string>(j, "kind");
  if (const std::optional<BaselineChange::Kind> k = baseline_change_kind_from_string(kind)) {
    change.kind = *k;
  } else {
    fail(j, "kind", "\"" + kind + "\" is not a kind of change (verdict_changed, value_moved, ...)");
  }
  change.before = field<std::string>(j, "before");
  change.after = field<std::string>(j, "after");
  change.difference = field<std::string>(j, "difference");
  change.tolerance = field<std::string>(j, "tolerance");
  change.regression = field<bool>(j, "regression");
}

void from_json(const Json& j, BaselineComparison& b) {
  b.source = field<std::string>(j, "source");
  b.git_commit = field<std::string>(j, "git_commit");
  b.started_at = field<std::string>(j, "started_at");
  b.changes = list<BaselineChange>(j, "changes");
  const std::uint64_t stated = count(j, "regressions", std::numeric_limits<std::uint32_t>::max());
  if (stated != b.regressions())
    fail(j,
         "regressions",
         "says " + std::to_string(stated) + " but the changes give " + std::to_string(b.regressions()));
}

void from_json(const Json& j, BuildProvenance& b) {
  b.compiler = field<std::string>(j, "compiler");
  b.flags = field<std::string>(j, "flags");
  b.build_type = field<std::string>(j, "build_type");
  for (const auto& library : object_field(j, "libraries").items())
    b.libraries.push_back({library.key(), as<std::string>(library.value())});
}

void from_json(const Json& j, ReportDocument& doc) {
  RunReport& r = doc.run;
  r.tool = field<std::string>(j, "tool");
  r.version = field<std::string>(j, "version");
  r.git_commit = field<std::string>(j, "git_commit");
  doc.build = field<BuildProvenance>(j, "build");
  r.paper = field<std::string>(j, "paper");
  const Json& config = object_field(j, "config");
  r.config_source = field<std::string>(config, "source");
  const std::string digest = field<std::string>(config, "sha256");
  r.config_text = field<std::string>(config, "text");
  if (digest != sha256_hex(r.config_text))
    fail(config, "sha256", "does not match the SHA-256 of config.text (the report was edited or damaged)");
  r.digits = static_cast<unsigned>(count(j, "digits", std::numeric_limits<unsigned>::max()));
  r.seed = count(j, "seed", std::numeric_limits<std::uint64_t>::max());
  r.started_at = field<std::string>(j, "started_at");
  r.seconds = field<double>(j, "seconds");
  r.host = field<std::string>(j, "host");
  // Each claim, then its figures (a claim's "figures" belong to the document, not the
  // claim record), so that errors come in document order.
  const Json& claims = member(j, "claims");
  if (!claims.is_array()) fail(claims, "", expected("an array", claims));
  for (const Json& claim : claims) {
    r.claims.push_back(as<ClaimResult>(claim));
    for (Figure& f : list<Figure>(claim, "figures")) {
      f.claim_id = r.claims.back().id;
      doc.figures.push_back(std::move(f));
    }
  }
  check_summary(object_field(j, "summary"), summarize(r.claims));
  const Json& baseline = member(j, "baseline");
  if (!baseline.is_null()) doc.baseline = as<BaselineComparison>(baseline);
}

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

  // A JSON file from elsewhere is told apart before any field-by-field complaint.
  if (!root.contains("tool") || !root["tool"].is_string() || root["tool"].get<std::string>() != "verify")
    throw InputError(source,
                     "tool",
                     "this JSON is not a report of verify (no \"tool\": \"verify\")",
                     "give the report.json a `verify run` wrote");
  try {
    return root.get<ReportDocument>();
  } catch (const FieldError& e) {
    const std::string at = path_in_document(root, e.at);
    const std::string path = e.key.empty() ? at : at.empty() ? e.key : at + "." + e.key;
    throw InputError(source, path, e.problem, kFix);
  }
}

}  // namespace zg

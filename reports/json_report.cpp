// The JSON report (render_json; schema in docs/report-json.md): every field of the
// RunReport in a fixed key order, measurement values as decimal strings so that no digit
// is lost to double. parse_report_json, its inverse, is in json_report_parse.cpp.
#include "reports/report_writer.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "core/claim_record.hpp"
#include "reports/report_document.hpp"
#include "reports/sha256.hpp"

namespace zg {
namespace {

using Json = nlohmann::ordered_json;  // keeps keys in the order written

/// JSON has no NaN or infinity; a non-finite value is written as null.
Json number_or_null(double x) {
  return std::isfinite(x) ? Json(x) : Json(nullptr);
}

class JsonEmitter final {
 public:
  explicit JsonEmitter(const ReportDocument& doc) : doc_(doc), report_(doc.run) {}

  std::string render() const {
    Json root;
    root["tool"] = report_.tool;
    root["version"] = report_.version;
    root["git_commit"] = report_.git_commit;
    root["build"] = build(doc_.build);
    root["paper"] = report_.paper;
    // The digest is derived from the text; the reader checks that the two agree.
    root["config"] = Json{{"source", report_.config_source},
                          {"sha256", sha256_hex(report_.config_text)},
                          {"text", report_.config_text}};
    root["digits"] = report_.digits;
    root["seed"] = report_.seed;
    root["started_at"] = report_.started_at;
    root["seconds"] = number_or_null(report_.seconds);
    root["host"] = report_.host;
    root["claims"] = Json::array();
    for (const ClaimResult& c : report_.claims) root["claims"].push_back(claim(c, figures_for(doc_, c.id)));
    const Summary s = summarize(report_.claims);
    root["summary"] = Json{{"pass", s.pass},
                           {"fail", s.fail},
                           {"inconclusive", s.inconclusive},
                           {"skipped", s.skipped},
                           {"total", s.total()}};
    // Always present, null without a baseline: the key set does not depend on the options.
    root["baseline"] = doc_.baseline ? baseline(*doc_.baseline) : Json(nullptr);
    // Invalid UTF-8 (from a configuration file, say) becomes U+FFFD instead of throwing.
    return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
  }

 private:
  static Json build(const BuildProvenance& b) {
    Json libraries = Json::object();
    for (const LinkedLibrary& l : b.libraries) libraries[l.name] = l.version;
    return Json{{"compiler", b.compiler}, {"flags", b.flags}, {"build_type", b.build_type}, {"libraries", libraries}};
  }

  // The LaTeX renderings, colours and heat map are written only when a figure has them,
  // so that report.json of a figure without them reads as before.
  static Json figure(const Figure& f) {
    Json series = Json::array();
    for (const FigureSeries& s : f.series) {
      Json one{{"label", s.label.text}, {"style", s.style}, {"rows", s.rows}};
      if (!s.label.latex.empty()) one["label_latex"] = s.label.latex;
      if (s.colour >= 0) one["colour"] = s.colour;
      series.push_back(std::move(one));
    }
    Json markers = Json::array();
    for (const double x : f.vertical_markers) markers.push_back(number_or_null(x));
    Json marker_labels = Json::array(), marker_labels_latex = Json::array();
    bool any_marker_latex = false;
    for (const MathLabel& l : f.marker_labels) {
      marker_labels.push_back(l.text);
      marker_labels_latex.push_back(l.latex);
      any_marker_latex = any_marker_latex || !l.latex.empty();
    }
    Json j{{"name", f.name},
           {"title", f.title.text},
           {"xlabel", f.xlabel.text},
           {"ylabel", f.ylabel.text},
           {"log_x", f.log_x},
           {"log_y", f.log_y},
           {"series", series},
           {"vertical_markers", markers},
           {"marker_labels", marker_labels}};
    if (!f.title.latex.empty()) j["title_latex"] = f.title.latex;
    if (!f.xlabel.latex.empty()) j["xlabel_latex"] = f.xlabel.latex;
    if (!f.ylabel.latex.empty()) j["ylabel_latex"] = f.ylabel.latex;
    if (any_marker_latex) j["marker_labels_latex"] = marker_labels_latex;
    if (!f.marker_colours.empty()) j["marker_colours"] = f.marker_colours;
    if (f.heat_map) {
      const FigureHeatMap& h = *f.heat_map;
      j["heat_map"] = Json{{"columns", h.columns},
                           {"rows", h.rows},
                           {"value_label", h.value_label.text},
                           {"value_label_latex", h.value_label.latex},
                           {"value_min", number_or_null(h.value_min)},
                           {"value_max", number_or_null(h.value_max)}};
    }
    return j;
  }

  static Json baseline(const BaselineComparison& b) {
    Json changes = Json::array();
    for (const BaselineChange& c : b.changes)
      changes.push_back(Json{{"claim", c.claim_id},
                             {"item", c.item},
                             {"kind", to_string(c.kind)},
                             {"before", c.before},
                             {"after", c.after},
                             {"difference", c.difference},
                             {"tolerance", c.tolerance},
                             {"regression", c.regression}});
    return Json{{"source", b.source},
                {"git_commit", b.git_commit},
                {"started_at", b.started_at},
                {"regressions", b.regressions()},
                {"changes", changes}};
  }

  static Json claim(const ClaimResult& c, const std::vector<const Figure*>& figures) {
    Json j;
    j["id"] = c.id;
    j["title"] = c.title;
    j["module"] = c.module;
    j["statement"] = c.statement;
    j["statement_latex"] = c.statement_latex;
    j["paper_location"] = c.paper_location;
    j["verdict"] = to_string(c.verdict);
    j["rigor"] = to_string(c.rigor);
    j["margin"] = Json{{"value", number_or_null(c.margin.value)}, {"unit", c.margin.unit}, {"text", c.margin.text}};
    j["explanation"] = c.explanation;
    j["digits"] = c.digits;
    // Only claims whose values a second, more precise run confirmed carry the key.
    if (c.confirmed_digits != 0) j["digits_confirmed"] = c.confirmed_digits;
    j["seconds"] = number_or_null(c.seconds);
    j["measurements"] = measurements(c);
    j["artefacts"] = Json::array();
    for (const Artefact& a : c.artefacts)
      j["artefacts"].push_back(Json{{"path", a.path}, {"kind", a.kind}, {"description", a.description}});
    j["figures"] = Json::array();
    for (const Figure* f : figures) j["figures"].push_back(figure(*f));
    // Only claims that wrote a proof certificate carry the key (docs/proofs.md §7).
    if (c.certificate) {
      j["certificate"] = Json{{"path", c.certificate->path}, {"sha256", c.certificate->sha256}};
      j["certificates"] = Json::array();
      for (const CertificateRef& r : c.certificates) j["certificates"].push_back(Json{{"path", r.path}, {"sha256", r.sha256}});
    }
    return j;
  }

  // Measurements are an object keyed by name, so that consumers can look one up
  // directly; a repeated name would silently drop a value, so it is refused.
  static Json measurements(const ClaimResult& c) {
    Json j = Json::object();
    for (const Measurement& m : c.measurements) {
      if (j.contains(m.name)) throw std::logic_error("claim " + c.id + ": measurement name '" + m.name + "' repeated");
      j[m.name] = Json{{"value", m.value}, {"error", m.error}, {"unit", m.unit}, {"description", m.description}};
    }
    return j;
  }

  const ReportDocument& doc_;
  const RunReport& report_;
};

}  // namespace

std::string render_json(const ReportDocument& doc) {
  return JsonEmitter(doc).render();
}

}  // namespace zg

// The Markdown report (render_markdown): provenance, the overall result, an aligned
// summary table, one section per claim (statement, verdict, measurements, figures,
// artefacts) and the configuration as read. Long measurement values are cut for
// reading; the JSON keeps every digit.
#include "reports/report_writer.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/claim_record.hpp"
#include "reports/aligned_table.hpp"
#include "reports/display_format.hpp"
#include "reports/report_document.hpp"
#include "reports/sha256.hpp"

namespace zg {
namespace {

using detail::Align;
using detail::format_margin;
using detail::format_seconds;

/// Line breaks become spaces, for headings and list items that must stay on one line.
std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  return text;
}

/// A run of backticks longer than any in `text`, so that it can fence `text` verbatim.
std::string backtick_fence(const std::string& text, std::size_t shortest) {
  std::size_t longest = 0, run = 0;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max(shortest, longest + 1), '`');
}

std::string code_span(const std::string& text) {
  const std::string fence = backtick_fence(text, 1);
  // CommonMark strips one space on each side, which lets a span start or end with '`'.
  const bool pad = !text.empty() && (text.front() == '`' || text.back() == '`');
  const std::string space = pad ? " " : "";
  return fence + space + one_line(text) + space + fence;
}

/// A relative link target; <> keeps paths with spaces or parentheses intact.
std::string link_target(const std::string& path) {
  const bool needs_brackets = path.find_first_of(" ()") != std::string::npos;
  return needs_brackets ? "<" + path + ">" : path;
}

std::string artefact_link(const std::string& path) {
  return "[" + path + "](" + link_target(path) + ")";
}

/// Brackets escaped, so that an image's alt text cannot close the link early.
std::string link_text(const std::string& text) {
  std::string out;
  for (const char c : one_line(text)) {
    if (c == '[' || c == ']' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

/// "1 measurement", "3 measurements".
std::string count(std::size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

/// A claim that never ran (SKIPPED) has digits 0; "0 digits" would read as a result.
std::string digits_text(unsigned digits) {
  return digits == 0 ? "—" : std::to_string(digits);
}

class MarkdownEmitter final {
 public:
  explicit MarkdownEmitter(const ReportDocument& doc) : doc_(doc), report_(doc.run) {}

  std::string render() {
    provenance();
    summary_table();
    baseline();
    for (const ClaimResult& c : report_.claims) claim_section(c);
    configuration();
    return out_;
  }

 private:
  void provenance() {
    const Summary s = summarize(report_.claims);
    out_ += "# Verification report: " + one_line(report_.paper) + "\n\n";
    out_ += badge_line(s) + "\n\n";
    out_ += "- Tool: " + one_line(report_.tool + " " + report_.version) + "\n";
    out_ += "- Git commit: " + code_span(report_.git_commit) + "\n";
    out_ += "- Build: " + one_line(doc_.build.compiler + ", " + doc_.build.build_type) + ", flags " +
            code_span(doc_.build.flags) + "\n";
    std::string libraries;
    for (const LinkedLibrary& l : doc_.build.libraries)
      libraries += (libraries.empty() ? "" : ", ") + one_line(l.name + " " + l.version);
    out_ += "- Libraries: " + (libraries.empty() ? std::string("—") : libraries) + "\n";
    out_ += "- Configuration: " + code_span(report_.config_source) + ", SHA-256 " +
            code_span(sha256_hex(report_.config_text)) + "\n";
    out_ += fmt::format("- Digits: {}\n", report_.digits);
    out_ += fmt::format("- Seed: {}\n", report_.seed);
    out_ += "- Host: " + one_line(report_.host) + "\n";
    out_ += "- Started: " + one_line(report_.started_at) + "\n";
    out_ += "- Duration: " + format_seconds(report_.seconds) + "\n\n";
    out_ += fmt::format(
        "**Result: {} passed, {} failed, {} inconclusive, {} skipped**\n\n", s.pass, s.fail, s.inconclusive, s.skipped);
  }

  // Text badges, not images: they need no network and render on every code host.
  std::string badge_line(const Summary& s) const {
    const char* overall = s.fail > 0 ? "❌ **FAIL**" : s.inconclusive > 0 ? "⚠️ **INCONCLUSIVE**" : "✅ **PASS**";
    std::string line = fmt::format("{} · ✅ {} passed · ❌ {} failed · ⚠️ {} inconclusive · ⏭️ {} skipped",
                                   overall, s.pass, s.fail, s.inconclusive, s.skipped);
    if (doc_.baseline) {
      const std::size_t n = doc_.baseline->regressions();
      line += n == 0 ? " · 📏 no regression against the baseline"
                     : fmt::format(" · 📉 **{} regression(s)** against the baseline", n);
    }
    return line;
  }

  void baseline() {
    if (!doc_.baseline) return;
    const BaselineComparison& b = *doc_.baseline;
    out_ += "## Against the baseline\n\n";
    out_ += "Baseline " + code_span(b.source) + " (commit " + code_span(b.git_commit) + ", " + one_line(b.started_at) +
            "): ";
    if (b.changes.empty()) {
      out_ += "nothing moved beyond its tolerance.\n\n";
      return;
    }
    out_ += fmt::format("{} change(s), {} regression(s).\n\n", b.changes.size(), b.regressions());
    std::vector<std::vector<std::string>> rows;
    for (const BaselineChange& c : b.changes)
      rows.push_back({c.claim_id,
                      c.item,
                      c.regression ? std::string("**") + to_string(c.kind) + "**" : to_string(c.kind),
                      detail::shorten_decimal(c.before, detail::kTableDigits),
                      detail::shorten_decimal(c.after, detail::kTableDigits),
                      c.difference,
                      c.tolerance});
    out_ += detail::render_markdown_table({{"claim"},
                                           {"item"},
                                           {"change"},
                                           {"before", Align::Right},
                                           {"after", Align::Right},
                                           {"abs difference", Align::Right},
                                           {"tolerance", Align::Right}},
                                          rows);
    out_ += "\n";
  }

  void summary_table() {
    std::vector<std::vector<std::string>> rows;
    for (const ClaimResult& c : report_.claims)
      rows.push_back({"[" + link_text(c.id) + "](#" + anchor(c.id) + ")",
                      c.title,
                      to_string(c.verdict),
                      to_string(c.rigor),
                      format_margin(c.margin),
                      digits_text(c.digits),
                      format_seconds(c.seconds)});
    out_ += detail::render_markdown_table({{"claim"},
                                           {"title"},
                                           {"verdict"},
                                           {"rigor"},
                                           {"margin", Align::Right},
                                           {"digits", Align::Right},
                                           {"time", Align::Right}},
                                          rows);
    out_ += "\n";
  }

  /// An explicit anchor per claim: code hosts derive heading ids differently.
  static std::string anchor(const std::string& id) {
    std::string a = "claim-";
    for (const char ch : id) a += std::isalnum(static_cast<unsigned char>(ch)) ? static_cast<char>(std::tolower(ch)) : '-';
    return a;
  }

  void claim_section(const ClaimResult& c) {
    out_ += "<a id=\"" + anchor(c.id) + "\"></a>\n\n";
    out_ += "## " + one_line(c.id + " — " + c.title) + "\n\n";
    out_ += fmt::format("Paper: {} · module {} · rigor: {} · digits: {} · {}\n\n",
                        one_line(c.paper_location),
                        code_span(c.module),
                        to_string(c.rigor),
                        digits_text(c.digits),
                        format_seconds(c.seconds));
    if (!c.statement.empty()) blockquote(c.statement);
    out_ += fmt::format("**{}**: {}\n\n", to_string(c.verdict), c.explanation);
    if (detail::margin_measured(c.margin)) {
      out_ += "Margin: " + format_margin(c.margin);
      out_ += c.margin.text.empty() ? "\n\n" : " (" + one_line(c.margin.text) + ")\n\n";
    }
    if (!c.artefacts.empty()) figures(c.artefacts);
    if (c.measurements.empty() && c.artefacts.empty()) return;
    // Details fold away; GitHub and GitLab need the blank lines to render Markdown inside.
    out_ += "<details><summary>Details: " + count(c.measurements.size(), "measurement") + ", " +
            count(c.artefacts.size(), "artefact") + "</summary>\n\n";
    if (!c.measurements.empty()) measurements(c.measurements);
    if (!c.artefacts.empty()) artefacts(c.artefacts);
    out_ += "</details>\n\n";
  }

  void blockquote(const std::string& text) {
    std::size_t begin = 0;
    while (begin <= text.size()) {
      const std::size_t end = std::min(text.find('\n', begin), text.size());
      const std::string line = text.substr(begin, end - begin);
      out_ += line.empty() ? ">\n" : "> " + line + "\n";
      begin = end + 1;
    }
    out_ += "\n";
  }

  void measurements(const std::vector<Measurement>& ms) {
    bool shortened = false;
    std::vector<std::vector<std::string>> rows;
    for (const Measurement& m : ms) {
      const std::string value = detail::shorten_decimal(m.value, detail::kTableDigits);
      const std::string error = detail::shorten_decimal(m.error, detail::kTableDigits);
      shortened = shortened || value != m.value || error != m.error;
      rows.push_back({m.name, value, error, m.unit, m.description});
    }
    out_ += detail::render_markdown_table(
        {{"name"}, {"value", Align::Right}, {"error", Align::Right}, {"unit"}, {"description"}}, rows);
    out_ += "\n";
    if (shortened)
      out_ += fmt::format("Values marked … are cut to {} significant digits; report.json holds every digit.\n\n",
                          detail::kTableDigits);
  }

  // Figures stay visible, above the folded list that links their data and scripts.
  void figures(const std::vector<Artefact>& as) {
    for (const Artefact& a : as)
      if (a.kind == "svg") out_ += "![" + link_text(a.description) + "](" + link_target(a.path) + ")\n\n";
  }

  void artefacts(const std::vector<Artefact>& as) {
    out_ += "Artefacts:\n\n";
    for (const Artefact& a : as) {
      out_ += "- " + artefact_link(a.path) + " (" + one_line(a.kind) + ")";
      out_ += a.description.empty() ? "\n" : ": " + one_line(a.description) + "\n";
    }
    out_ += "\n";
  }

  // The configuration closes the report so that a reader can rerun it exactly.
  void configuration() {
    const std::string fence = backtick_fence(report_.config_text, 3);
    std::string text = report_.config_text;
    if (!text.empty() && text.back() != '\n') text += '\n';
    out_ += "## Configuration\n\n";
    out_ += "Read from " + code_span(report_.config_source) + ":\n\n";
    out_ += fence + "\n" + text + fence + "\n";
  }

  const ReportDocument& doc_;
  const RunReport& report_;
  std::string out_;
};

}  // namespace

std::string render_markdown(const ReportDocument& doc) {
  return MarkdownEmitter(doc).render();
}

}  // namespace zg

// The LaTeX report (render_tex, render_tex_fragment): a title block with provenance, the
// summary table, and per claim its statement as displayed mathematics, its measurements
// (values and errors aligned on the decimal point with `r@{}l` column pairs) and its
// figures, drawn by pgfplots from the CSV files beside the report. Only packages from
// Debian's texlive-latex-base, -latex-recommended and -pictures are used, with pdflatex.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "core/claim_record.hpp"
#include "reports/display_format.hpp"
#include "reports/report_document.hpp"
#include "reports/report_writer.hpp"
#include "reports/sha256.hpp"
#include "reports/tex_text.hpp"
#include "reports/utf8.hpp"

namespace zg {
namespace {

using detail::tex_escape;

/// Significant digits a LaTeX table shows of a value, and of its error estimate.
constexpr std::size_t kTexValueDigits = 16;
constexpr std::size_t kTexErrorDigits = 3;

/// Packages both outputs need; the fragment lists them in its header comment.
constexpr const char* kPackages = R"(\usepackage{amsmath,amssymb}
\usepackage{array,booktabs,longtable}
\usepackage[table]{xcolor}
\usepackage{pgfplots}
\pgfplotsset{compat=1.18}
)";

/// Colour per verdict (the same greens and reds as the Markdown badges).
const char* verdict_colour(Verdict v) {
  switch (v) {
    case Verdict::Pass: return "1A7F37";
    case Verdict::Fail: return "CF222E";
    case Verdict::Inconclusive: return "9A6700";
    case Verdict::Skipped: return "6E7781";
  }
  return "000000";
}

std::string verdict_tex(Verdict v) {
  return fmt::format("\\textcolor[HTML]{{{}}}{{\\textbf{{{}}}}}", verdict_colour(v), to_string(v));
}

/// Labels name claims and figures; ids are letters and digits, names file stems.
std::string label_of(const std::string& kind, const std::string& name) {
  std::string safe;
  for (const char c : name) safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.') ? c : '-';
  return "verify:" + kind + ":" + safe;
}

/// statement_latex is math-mode material. Top-level ",\quad" separates the parts of a
/// claim; each goes on its own line of a gather*, unless \left...\right could span them.
std::vector<std::string> statement_lines(const std::string& latex) {
  const std::string separator = ",\\quad";
  if (latex.find("\\left") != std::string::npos) return {latex};
  std::vector<std::string> lines;
  int depth = 0;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < latex.size(); ++i) {
    if (latex[i] == '\\' && i + 1 < latex.size() && (latex[i + 1] == '{' || latex[i + 1] == '}')) {
      ++i;  // \{ and \} are delimiters, not groups
      continue;
    }
    if (latex[i] == '{') ++depth;
    if (latex[i] == '}') --depth;
    const bool at_separator = depth == 0 && latex.compare(i, separator.size(), separator) == 0 &&
                              (i + separator.size() == latex.size() || !std::isalpha(static_cast<unsigned char>(
                                                                           latex[i + separator.size()])));
    if (at_separator) {
      lines.push_back(latex.substr(begin, i - begin));
      begin = i + separator.size();
      i = begin - 1;
    }
  }
  lines.push_back(latex.substr(begin));
  return lines;
}

std::string seconds_tex(double s) { return fmt::format("{:.2f}", s); }

/// For verbatim: pdflatex stops at a character its input encoding does not know, and
/// verbatim cannot hold commands, so anything beyond ASCII is shown as its code point.
std::string ascii_only(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      out += text[i++];
      continue;
    }
    const detail::DecodedCodePoint cp = detail::decode_utf8_at(text, i);
    out += fmt::format("[U+{:04X}]", static_cast<std::uint32_t>(cp.value));
    i += cp.length;
  }
  return out;
}

class TexEmitter final {
 public:
  explicit TexEmitter(const ReportDocument& doc) : doc_(doc), report_(doc.run) {}

  std::string document() {
    out_ += "% Verification report written by verify; compile with: latexmk -pdf report.tex\n";
    out_ += "% The figures read the CSV files in this folder.\n";
    out_ += "\\documentclass[11pt,a4paper]{article}\n";
    out_ += "\\usepackage[margin=2cm]{geometry}\n";
    out_ += kPackages;
    out_ += "\\usepackage[hidelinks]{hyperref}\n";
    out_ += "\\newcommand{\\verifyreportdir}{}\n";
    out_ += "\\setlength{\\LTcapwidth}{\\textwidth}\n\n";
    out_ += "\\title{Verification report: " + tex_escape(report_.paper) + "}\n";
    out_ += "\\author{" + tex_escape(report_.tool + " " + report_.version) + ", commit \\texttt{" +
            tex_escape(report_.git_commit) + "}}\n";
    out_ += "\\date{" + tex_escape(report_.started_at) + "}\n\n";
    out_ += "\\begin{document}\n\\maketitle\n\n";
    provenance();
    out_ += "\\section*{Summary}\n\n";
    out_ += result_line() + "\n\n";
    summary_table();
    baseline();
    for (const ClaimResult& c : report_.claims) claim_section(c);
    configuration();
    out_ += "\\end{document}\n";
    return out_;
  }

  std::string fragment() {
    out_ += "% Tables and figures of a verify report, for \\input into a paper. Preamble needed:\n";
    for (std::size_t begin = 0; begin < std::string(kPackages).size();) {
      const std::string packages = kPackages;
      const std::size_t end = packages.find('\n', begin);
      out_ += "%   " + packages.substr(begin, end - begin) + "\n";
      begin = end + 1;
    }
    out_ += "% The figures read the CSV files beside this file; if it is not in the paper's folder,\n";
    out_ += "% say where before \\input: \\newcommand{\\verifyreportdir}{path/to/report/}\n";
    out_ += "% Run: " + tex_escape_comment(report_.tool + " " + report_.version + ", commit " + report_.git_commit +
                                          ", configuration " + report_.config_source + " (SHA-256 " +
                                          sha256_hex(report_.config_text) + ")") +
            "\n";
    out_ += fmt::format("% digits {}, seed {}, started {}\n", report_.digits, report_.seed, report_.started_at);
    out_ += "\\providecommand{\\verifyreportdir}{}\n\n";
    summary_table();
    baseline();
    for (const ClaimResult& c : report_.claims) {
      measurements(c);
      figures(c);
    }
    return out_;
  }

 private:
  static std::string tex_escape_comment(const std::string& text) {
    std::string out;
    for (const char c : text) out += (c == '\n' || c == '\r') ? ' ' : c;
    return out;
  }

  std::string result_line() const {
    const Summary s = summarize(report_.claims);
    return fmt::format("\\textbf{{Result: {} passed, {} failed, {} inconclusive, {} skipped}}",
                       s.pass,
                       s.fail,
                       s.inconclusive,
                       s.skipped);
  }

  void provenance() {
    std::string libraries;
    for (const LinkedLibrary& l : doc_.build.libraries)
      libraries += (libraries.empty() ? "" : ", ") + tex_escape(l.name + " " + l.version);
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"Tool", tex_escape(report_.tool + " " + report_.version)},
        {"Git commit", "\\texttt{" + tex_escape(report_.git_commit) + "}"},
        {"Compiler", tex_escape(doc_.build.compiler) + ", " + tex_escape(doc_.build.build_type)},
        {"Flags", "\\texttt{" + tex_escape(doc_.build.flags) + "}"},
        {"Libraries", libraries.empty() ? "---" : libraries},
        {"Configuration", "\\texttt{" + tex_escape(report_.config_source) + "}"},
        {"SHA-256", "\\texttt{\\small " + sha256_hex(report_.config_text) + "}"},
        {"Digits", std::to_string(report_.digits)},
        {"Seed", std::to_string(report_.seed)},
        {"Host", tex_escape(report_.host)},
        {"Started", tex_escape(report_.started_at)},
        {"Duration", seconds_tex(report_.seconds) + "\\,s"},
    };
    out_ += "\\begin{center}\n\\begin{tabular}{>{\\bfseries}l p{0.7\\textwidth}}\n\\toprule\n";
    for (const auto& [key, value] : rows) out_ += key + " & " + value + " \\\\\n";
    out_ += "\\bottomrule\n\\end{tabular}\n\\end{center}\n\n";
  }

  void summary_table() {
    out_ += "\\begin{longtable}{l l l r r r}\n";
    out_ += "\\caption{Claims of " + tex_escape(report_.paper) + " checked by " + tex_escape(report_.tool) +
            fmt::format(" (seed {}, {} digits)", report_.seed, report_.digits) + "}\\label{" +
            label_of("table", "summary") + "}\\\\\n";
    const std::string head =
        "\\toprule\nclaim & verdict & rigour & margin & digits & time (s) \\\\\n\\midrule\n";
    out_ += head + "\\endfirsthead\n" + head + "\\endhead\n\\bottomrule\n\\endfoot\n";
    for (const ClaimResult& c : report_.claims) {
      out_ += "\\hyperref[" + label_of("claim", c.id) + "]{" + tex_escape(c.id) + "} & " + verdict_tex(c.verdict) +
              " & " + to_string(c.rigor) + " & " + tex_escape(detail::format_margin(c.margin)) + " & " +
              (c.digits == 0 ? std::string("---") : std::to_string(c.digits)) + " & " + seconds_tex(c.seconds) +
              " \\\\\n";
    }
    out_ += "\\end{longtable}\n\n";
  }

  void baseline() {
    if (!doc_.baseline) return;
    const BaselineComparison& b = *doc_.baseline;
    out_ += "\\paragraph{Against the baseline} \\texttt{" + tex_escape(b.source) + "} (commit \\texttt{" +
            tex_escape(b.git_commit) + "}, " + tex_escape(b.started_at) + "): ";
    if (b.changes.empty()) {
      out_ += "nothing moved beyond its tolerance.\n\n";
      return;
    }
    out_ += fmt::format("{} change(s), {} regression(s).\n\n", b.changes.size(), b.regressions());
    out_ += "\\begin{longtable}{l l l l l l}\n\\toprule\nclaim & item & change & before & after & "
            "$|\\Delta|$ / tolerance \\\\\n\\midrule\n\\endhead\n\\bottomrule\n\\endfoot\n";
    for (const BaselineChange& c : b.changes) {
      const std::string kind = tex_escape(to_string(c.kind));
      out_ += tex_escape(c.claim_id) + " & \\texttt{" + tex_escape(c.item) + "} & " +
              (c.regression ? "\\textcolor[HTML]{CF222E}{" + kind + "}" : kind) + " & " +
              tex_escape(detail::shorten_decimal(c.before, 12)) + " & " +
              tex_escape(detail::shorten_decimal(c.after, 12)) + " & " +
              (c.difference.empty() ? "" : tex_escape(c.difference) + " / " + tex_escape(c.tolerance)) + " \\\\\n";
    }
    out_ += "\\end{longtable}\n\n";
  }

  void claim_section(const ClaimResult& c) {
    out_ += "\\clearpage\n";  // each claim from a new page, its floats flushed before the next
    out_ += "\\section{" + tex_escape(c.id + " — " + c.title) + "}\\label{" + label_of("claim", c.id) + "}\n\n";
    out_ += "\\noindent Paper: " + tex_escape(c.paper_location) + " \\quad module \\texttt{" + tex_escape(c.module) +
            "} \\quad rigour: " + to_string(c.rigor) + " \\quad digits: " +
            (c.digits == 0 ? std::string("---") : std::to_string(c.digits)) + " \\quad time: " +
            seconds_tex(c.seconds) + "\\,s\n\n";
    if (!c.statement_latex.empty()) {
      out_ += "\\begin{gather*}\n";
      const std::vector<std::string> lines = statement_lines(c.statement_latex);
      for (std::size_t i = 0; i < lines.size(); ++i)
        out_ += "  " + lines[i] + (i + 1 < lines.size() ? " \\\\\n" : "\n");
      out_ += "\\end{gather*}\n\n";
    }
    if (!c.statement.empty()) out_ += "\\begin{quote}\\small " + tex_escape(c.statement) + "\\end{quote}\n\n";
    out_ += "\\noindent " + verdict_tex(c.verdict) + ": " + tex_escape(c.explanation) + "\n\n";
    if (detail::margin_measured(c.margin)) {
      out_ += "\\noindent Margin: " + tex_escape(detail::format_margin(c.margin));
      out_ += c.margin.text.empty() ? "\n\n" : " (" + tex_escape(c.margin.text) + ")\n\n";
    }
    measurements(c);
    figures(c);
  }

  static std::string value_cells(const std::string& value, std::size_t digits, const std::string& prefix) {
    const detail::TexDecimalCells cells = detail::tex_decimal_cells(value, digits, prefix);
    if (cells.decimal) return cells.integer + " & " + cells.rest;
    if (cells.text.empty()) return " & ";
    return "\\multicolumn{2}{l}{\\texttt{" + tex_escape(cells.text) + "}}";
  }

  void measurements(const ClaimResult& c) {
    if (c.measurements.empty()) return;
    out_ += "{\\footnotesize\n\\begin{longtable}{>{\\ttfamily}l r@{}l r@{}l l >{\\raggedright\\arraybackslash}p{0.3\\textwidth}}\n";
    out_ += "\\caption{" + tex_escape(c.id) + ": measurements at " +
            (c.digits == 0 ? std::string("---") : std::to_string(c.digits)) + " digits (values cut to " +
            std::to_string(kTexValueDigits) + " significant digits, errors to " + std::to_string(kTexErrorDigits) +
            "; report.json holds every digit)}\\label{" + label_of("measurements", c.id) + "}\\\\\n";
    const std::string head = "\\toprule\n\\normalfont name & \\multicolumn{2}{c}{value} & \\multicolumn{2}{c}{error} "
                             "& unit & description \\\\\n\\midrule\n";
    out_ += head + "\\endfirsthead\n" + head + "\\endhead\n\\bottomrule\n\\endfoot\n";
    for (const Measurement& m : c.measurements) {
      out_ += tex_escape(m.name) + " & " + value_cells(m.value, kTexValueDigits, "") + " & " +
              (m.error.empty() ? std::string(" & ") : value_cells(m.error, kTexErrorDigits, "\\pm")) + " & " +
              tex_escape(m.unit) + " & " + tex_escape(m.description) + " \\\\\n";
    }
    out_ += "\\end{longtable}\n}\n\n";
  }

  static std::string plot_options(const FigureSeries& s) {
    if (s.style == "points") return "only marks, mark=*, mark size=0.8pt";
    if (s.style == "linespoints") return "mark=*, mark size=0.8pt, thick";
    return "mark=none, thick";
  }

  /// A figure label: its LaTeX rendering as written (checked by plot_spec_problem when the
  /// figure was drawn), or its text escaped when it has none.
  static std::string label_tex(const MathLabel& label) {
    return label.latex.empty() ? tex_escape(label.text) : label.latex;
  }

  void figures(const ClaimResult& c) {
    for (const Figure* f : figures_for(doc_, c.id)) figure(*f);
  }

  // A heat map's cells are read from <name>.grid.csv when LaTeX runs (rows
  // "x,y,value,x_low,x_high,y_low,y_high", reports/plot.hpp), so the report does not copy
  // the data. Before the axis: the table, the colour range (the figure's, or the values'
  // own when it has none) and one colour per cell from the colour map. pgfplots' `matrix
  // plot*` sizes its cells from a uniform lattice, which drew the rows of a non-uniform
  // grid too thin or too thick; each cell is filled from its own edges instead, exactly
  // the band between the midpoints to its neighbours that the SVG's boxes cover.
  void heat_map_colours(const Figure& f) {
    const FigureHeatMap& h = *f.heat_map;
    std::string stops;
    for (const char* hex : kHeatMapColours) stops += std::string(stops.empty() ? "" : " ") + "HTML=(" + hex + ")";
    out_ += "\\pgfplotsset{colormap={verifyheat}{" + stops + "}}\n";
    out_ += "\\pgfplotstableread[col sep=comma, header=false]{\\verifyreportdir " + f.name +
            ".grid.csv}\\verifyheatcells\n";
    out_ += "\\pgfplotstablegetrowsof{\\verifyheatcells}\\pgfmathtruncatemacro\\verifyheatlast{\\pgfplotsretval-1}\n";
    if (h.value_min < h.value_max) {
      out_ += fmt::format("\\def\\verifyheatmin{{{}}}\\def\\verifyheatmax{{{}}}\n", h.value_min, h.value_max);
    } else {
      out_ +=
          "\\pgfplotstablegetelem{0}{[index]2}\\of\\verifyheatcells\\let\\verifyheatmin=\\pgfplotsretval"
          "\\let\\verifyheatmax=\\pgfplotsretval\n";
      out_ +=
          "\\pgfplotsforeachungrouped \\verifyrow in {0,...,\\verifyheatlast}{%\n"
          "  \\pgfplotstablegetelem{\\verifyrow}{[index]2}\\of\\verifyheatcells\n"
          "  \\pgfmathsetmacro\\verifyheatmin{min(\\verifyheatmin,\\pgfplotsretval)}%\n"
          "  \\pgfmathsetmacro\\verifyheatmax{max(\\verifyheatmax,\\pgfplotsretval)}}\n";
      // A constant grid has no range to map; any colour of the map will do.
      out_ +=
          "\\pgfmathparse{\\verifyheatmax>\\verifyheatmin}"
          "\\ifnum\\pgfmathresult=0 \\pgfmathsetmacro\\verifyheatmax{\\verifyheatmin+1}\\fi\n";
    }
    out_ +=
        "\\pgfplotsforeachungrouped \\verifyrow in {0,...,\\verifyheatlast}{%\n"
        "  \\pgfplotstablegetelem{\\verifyrow}{[index]2}\\of\\verifyheatcells\n"
        "  \\pgfplotscolormapaccess[\\verifyheatmin:\\verifyheatmax]{\\pgfplotsretval}{verifyheat}%\n"
        "  \\edef\\verifycell{\\noexpand\\definecolor{verifyheat\\verifyrow}{rgb}{\\pgfmathresult}}\\verifycell}\n";
  }

  // Inside the axis: two invisible plots of the cells' corners set the axis limits, then
  // one filled rectangle per cell (expanded now, since the axis draws at its end).
  void heat_map_cells(const Figure& f) {
    const std::string grid = "{\\verifyreportdir " + f.name + ".grid.csv}";
    out_ += "\\addplot[draw=none, forget plot] table[x index=3, y index=5] " + grid + ";\n";
    out_ += "\\addplot[draw=none, forget plot] table[x index=4, y index=6] " + grid + ";\n";
    out_ += "\\pgfplotsforeachungrouped \\verifyrow in {0,...,\\verifyheatlast}{%\n";
    for (const auto& [column, name] : {std::pair<int, const char*>{3, "xlow"}, {4, "xhigh"}, {5, "ylow"}, {6, "yhigh"}})
      out_ += fmt::format(
          "  \\pgfplotstablegetelem{{\\verifyrow}}{{[index]{}}}\\of\\verifyheatcells\\let\\verify{}=\\pgfplotsretval\n",
          column,
          name);
    out_ +=
        "  \\edef\\verifycell{\\noexpand\\fill[verifyheat\\verifyrow] (axis cs:\\verifyxlow,\\verifyylow) "
        "rectangle (axis cs:\\verifyxhigh,\\verifyyhigh);}\\verifycell}\n";
  }

  // Colours are defined inside the figure environment (a group), so that they stay local.
  void figure(const Figure& f) {
    const std::string csv = "\\verifyreportdir " + f.name + ".csv";
    std::vector<int> indices;
    bool any_label = false;
    for (const FigureSeries& s : f.series) {
      indices.push_back(s.colour);
      any_label = any_label || !s.label.text.empty() || !s.label.latex.empty();
    }
    const std::vector<std::string> colours = series_colours(indices);
    out_ += "\\begin{figure}[htbp]\n\\centering\n";
    for (std::size_t k = 0; k < colours.size(); ++k)
      out_ += fmt::format("\\definecolor{{verifyseries{}}}{{HTML}}{{{}}}\n", k, colours[k]);
    for (std::size_t i = 0; i < f.vertical_markers.size(); ++i) {
      const int j = i < f.marker_colours.size() ? f.marker_colours[i] : -1;
      const bool teacher = j >= 0 && static_cast<std::size_t>(j) < kTeacherColours.size();
      out_ += fmt::format("\\definecolor{{verifymarker{}}}{{HTML}}{{{}}}\n",
                          i,
                          teacher ? kTeacherColours[static_cast<std::size_t>(j)] : kMarkerGrey);
    }
    if (f.heat_map) heat_map_colours(f);
    out_ += "\\begin{tikzpicture}\n";
    // The key sits outside the plot area, right of it (above a heat map, whose colour bar
    // takes the right), so that it never covers the data; the axis narrows to make room.
    const std::string width = f.heat_map ? "0.7" : any_label ? "0.6" : "0.92";
    out_ += "\\begin{axis}[width=" + width + "\\linewidth, height=7cm, grid=major, unbounded coords=jump,\n";
    out_ += "  filter discard warning=false, tick label style={font=\\footnotesize},\n";
    if (f.heat_map)
      out_ += "  legend style={font=\\footnotesize, at={(0.5,1.03)}, anchor=south, legend columns=2},\n";
    else
      out_ += "  legend pos=outer north east, legend style={font=\\footnotesize}, legend cell align=left,\n";
    if (f.log_x) out_ += "  xmode=log,\n";
    if (f.log_y) out_ += "  ymode=log,\n";
    if (f.heat_map) {
      const FigureHeatMap& h = *f.heat_map;
      out_ += "  enlargelimits=false, axis on top, colormap name=verifyheat,\n";
      out_ += "  colorbar, colorbar style={ylabel={" + label_tex(h.value_label) +
              "}, tick label style={font=\\footnotesize}},\n";
      out_ += "  point meta min=\\verifyheatmin, point meta max=\\verifyheatmax,\n";
    }
    out_ += "  xlabel={" + label_tex(f.xlabel) + "}, ylabel={" + label_tex(f.ylabel) + "},\n";
    out_ += "  table/.cd, col sep=comma, header=false, x index=0, y index=1]\n";
    if (f.heat_map) heat_map_cells(f);
    // The CSV holds every series, one block each; a series is its rows [first, first + rows).
    std::size_t first = 0;
    for (std::size_t k = 0; k < f.series.size(); ++k) {
      const FigureSeries& s = f.series[k];
      const bool in_key = !s.label.text.empty() || !s.label.latex.empty();
      out_ += "\\addplot[" + plot_options(s) + ", color=verifyseries" + std::to_string(k) +
              (in_key ? "" : ", forget plot") + "] table[skip coords between index={0}{" + std::to_string(first) +
              "}, skip coords between index={" + std::to_string(first + s.rows) + "}{" +
              std::to_string(first + s.rows + 1000000000) + "}] {" + csv + "};\n";
      if (in_key) out_ += "\\addlegendentry{" + label_tex(s.label) + "}\n";
      first += s.rows;
    }
    // Markers: x in axis units, y across the whole axis (y = 1 is valid on a log axis).
    for (std::size_t i = 0; i < f.vertical_markers.size(); ++i) {
      const std::string x = fmt::format("{}", f.vertical_markers[i]);
      out_ += "\\draw[densely dashed, verifymarker" + std::to_string(i) + "] ({axis cs:" + x +
              ",1}|-{rel axis cs:0,0}) -- ({axis cs:" + x + ",1}|-{rel axis cs:0,1})";
      if (i < f.marker_labels.size() && !f.marker_labels[i].empty())
        out_ += " node[above, font=\\scriptsize] {" + label_tex(f.marker_labels[i]) + "}";
      out_ += ";\n";
    }
    out_ += "\\end{axis}\n\\end{tikzpicture}\n";
    out_ += "\\caption{" + tex_escape(f.claim_id) + ": " + label_tex(f.title) + " (data: \\texttt{" +
            tex_escape(f.name) + ".csv})}\\label{" + label_of("figure", f.name) + "}\n";
    out_ += "\\end{figure}\n\n";
  }

  void configuration() {
    out_ += "\\clearpage\n\\section*{Configuration}\n\nRead from \\texttt{" + tex_escape(report_.config_source) +
            "}, SHA-256 \\texttt{\\small " + sha256_hex(report_.config_text) + "}:\n";
    // verbatim cannot hold its own end marker; a configuration that does is escaped instead.
    const std::string end_marker = "\\end{verbatim}";
    if (report_.config_text.find(end_marker) == std::string::npos && !report_.config_text.empty()) {
      std::string text = ascii_only(report_.config_text);
      if (text.back() != '\n') text += '\n';
      out_ += "{\\small\n\\begin{verbatim}\n" + text + "\\end{verbatim}\n}\n";
    } else {
      out_ += "\n{\\small\\ttfamily " + tex_escape(report_.config_text) + "}\n\n";
    }
  }

  const ReportDocument& doc_;
  const RunReport& report_;
  std::string out_;
};

}  // namespace

std::string render_tex(const ReportDocument& doc) {
  return TexEmitter(doc).document();
}

std::string render_tex_fragment(const ReportDocument& doc) {
  return TexEmitter(doc).fragment();
}

}  // namespace zg

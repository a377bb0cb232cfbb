// Report formats and the one entry point that writes them. All text formats are rendered
// in memory first, then each is written to a temporary file in the target folder and
// renamed into place, so a failed run leaves no half-written report behind. The PDF is
// compiled from the LaTeX afterwards; trouble there is a warning, never a partial file.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/claim_record.hpp"
#include "reports/report_document.hpp"

namespace zg {

enum class ReportFormat { Markdown, Json, JUnit, Tex, TexFragment, Pdf };

/// "md", "json", "junit", "tex", "tex-fragment", "pdf" -> format; std::nullopt otherwise.
std::optional<ReportFormat> report_format_from_string(const std::string& name);
/// "md, json, junit, tex, tex-fragment, pdf": for help texts and error messages.
std::string report_format_names();
/// File name inside the output folder: report.md, report.json, report.junit.xml,
/// report.tex, report-fragment.tex, report.pdf.
std::string report_file_name(ReportFormat f);

std::string render_markdown(const ReportDocument& doc);
std::string render_json(const ReportDocument& doc);
std::string render_junit(const ReportDocument& doc);
/// A complete LaTeX document (article; amsmath, booktabs, longtable, pgfplots, hyperref):
/// title block with provenance, summary table, a section per claim with its statement,
/// measurements aligned on the decimal point and its figures drawn from the CSV files.
std::string render_tex(const ReportDocument& doc);
/// Only the tables and figures, for \input into a paper; the preamble it needs is listed
/// in its first lines.
std::string render_tex_fragment(const ReportDocument& doc);

/// Reads back what render_json wrote (round trip, byte for byte). Throws InputError on
/// text that is not such a report, naming the missing or malformed field.
ReportDocument parse_report_json(const std::string& text, const std::string& source);

struct WriteOutcome {
  std::vector<std::string> written;   ///< paths, in the order of the formats asked for
  std::vector<std::string> warnings;  ///< one line each: a PDF that could not be made
};

/// Renders every requested format, then writes them into `dir` (created if missing)
/// atomically. Pdf writes report.tex too (its source) and compiles it with latexmk in a
/// hidden folder inside `dir`; a missing toolchain or a failed compilation is a warning
/// (naming the Debian package to install, or the log kept as report.pdf.log) and the
/// other formats are written all the same. Throws InputError when `dir` cannot be
/// created or written; in that case no report file is left in `dir`.
WriteOutcome write_reports(const ReportDocument& doc, const std::string& dir, const std::vector<ReportFormat>& formats);

}  // namespace zg

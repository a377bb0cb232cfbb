// Report formats and the one entry point that writes them. All formats are rendered in
// memory first, then each is written to a temporary file in the target folder and
// renamed into place, so a failed run leaves no half-written report behind.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/claim_record.hpp"

namespace zg {

enum class ReportFormat { Markdown, Json, JUnit };

/// "md", "json", "junit" -> format; std::nullopt for anything else.
std::optional<ReportFormat> report_format_from_string(const std::string& name);
/// File name inside the output folder: report.md, report.json, report.junit.xml.
std::string report_file_name(ReportFormat f);

std::string render_markdown(const RunReport& report);
std::string render_json(const RunReport& report);
std::string render_junit(const RunReport& report);

/// Reads back what render_json wrote (round trip). Throws InputError on text that is
/// not such a report, naming the missing or malformed field.
RunReport parse_report_json(const std::string& text, const std::string& source);

/// Renders every requested format, then writes them into `dir` (created if missing)
/// atomically. Returns the paths written. Throws InputError when `dir` cannot be
/// created or written; in that case no report file is left in `dir`.
std::vector<std::string> write_reports(const RunReport& report, const std::string& dir,
                                       const std::vector<ReportFormat>& formats);

}  // namespace zg

// Publishing a report: the one pipeline behind `verify run` and `verify report`. A fresh
// run's figures are drawn and its attachments written (or, when re-rendering, an earlier
// report's artefacts are copied), then the figures are listed, the baseline compared and
// every format written. Each file is written to a temporary name and renamed into place.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "reports/baseline.hpp"
#include "reports/report_document.hpp"
#include "reports/report_writer.hpp"

namespace zg {

/// An earlier report to compare with (reports/baseline.hpp).
struct PublishBaseline {
  const ReportDocument* report = nullptr;  ///< the parsed earlier report.json; must outlive the call
  std::string source;                      ///< its path as the user gave it, recorded in the comparison
  BaselineOptions options;
};

struct PublishOptions {
  std::string out_dir;                    ///< folder for the reports and artefacts (created if missing)
  std::string out_dir_field = "out_dir";  ///< how error messages name out_dir, e.g. "--out"
  std::vector<ReportFormat> formats;      ///< at least one
  /// "" = a fresh run: draw its plots and write its attachments into out_dir. Otherwise the
  /// folder of an earlier report.json whose artefacts are copied into out_dir (a re-render:
  /// nothing is drawn, the document's figures are kept).
  std::string artefacts_from;
  std::optional<PublishBaseline> baseline;  ///< none: no comparison
  /// Called, as each arises, with a plot not drawn cleanly or an artefact missing from
  /// artefacts_from (one line each, for the caller to show as a warning; the reports are
  /// complete without them). May be empty.
  std::function<void(const std::string&)> on_note;
};

/// Publishes `doc` into options.out_dir: artefacts (drawn, written or copied), figures,
/// baseline comparison, then all formats (write_reports). Fills doc.figures (fresh runs),
/// doc.baseline and the claims' artefacts. Throws InputError when out_dir cannot be
/// created or a file cannot be written; no report file is left half written.
/// Returns the report files written and the formats that could not be made.
WriteOutcome publish_run(ReportDocument& doc, const PublishOptions& options);

}  // namespace zg

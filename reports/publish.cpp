// The publishing pipeline (reports/publish.hpp).
#include "reports/publish.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "core/input_error.hpp"
#include "reports/atomic_file.hpp"
#include "reports/attachments.hpp"
#include "reports/plot.hpp"

namespace zg {
namespace {

/// Copies the artefacts the report lists from `from_dir` into `to_dir`, each atomically.
/// A missing one is a note; a figure whose CSV is missing is dropped from `doc`, since
/// the LaTeX could not draw it.
void copy_artefacts(ReportDocument& doc,
                    const std::string& from_dir,
                    const std::string& to_dir,
                    const std::function<void(const std::string&)>& on_note) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool same = fs::exists(to_dir) && fs::equivalent(from_dir, to_dir, ec);
  std::vector<std::string> missing;
  for (const ClaimResult& c : doc.run.claims) {
    for (const Artefact& a : c.artefacts) {
      const fs::path source = fs::path(from_dir) / a.path;
      std::ifstream in(source, std::ios::binary);
      if (!in) {
        if (on_note) on_note(c.id + ": artefact " + source.string() + " is missing; not copied");
        missing.push_back(a.path);
        continue;
      }
      if (same) continue;
      std::ostringstream bytes;
      bytes << in.rdbuf();
      const fs::path target = fs::path(to_dir) / a.path;
      fs::create_directories(target.parent_path(), ec);
      commit_temporary(write_temporary_beside(target.string(), bytes.str()), target.string());
    }
  }
  doc.figures.erase(std::remove_if(doc.figures.begin(),
                                   doc.figures.end(),
                                   [&](const Figure& f) {
                                     return std::find(missing.begin(), missing.end(), f.name + ".csv") != missing.end();
                                   }),
                    doc.figures.end());
}

}  // namespace

WriteOutcome publish_run(ReportDocument& doc, const PublishOptions& options) {
  if (options.artefacts_from.empty()) {
    // Figures first, so the reports can list them; a missing gnuplot is a note only.
    for (const std::string& note : render_report_plots(doc.run, options.out_dir))
      if (options.on_note) options.on_note(note);
    write_claim_attachments(doc.run, options.out_dir);  // certificates, before report.json names them
    doc.figures = figures_of(doc.run);
  } else {
    std::error_code ec;
    std::filesystem::create_directories(options.out_dir, ec);
    if (ec)
      throw InputError(options.out_dir_field,
                       options.out_dir,
                       "cannot create the folder: " + ec.message(),
                       "choose a writable folder");
    copy_artefacts(doc, options.artefacts_from, options.out_dir, options.on_note);
  }
  if (options.baseline)
    doc.baseline = compare_with_baseline(
        doc.run, options.baseline->report->run, options.baseline->source, options.baseline->options);
  return write_reports(doc, options.out_dir, options.formats);
}

}  // namespace zg

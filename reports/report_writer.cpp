// Format names and write_reports (reports/report_writer.hpp): render every format in
// memory, write each beside its target, then rename them all into place. On any failure
// the temporaries and the reports already renamed by this call are removed, so the
// folder never holds a partial set.
#include "reports/report_writer.hpp"

#include <algorithm>
#include <cassert>
#include <filesystem>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

#include "core/input_error.hpp"
#include "reports/atomic_file.hpp"
#include "reports/pdf_build.hpp"

namespace zg {
namespace {

struct FormatInfo {
  ReportFormat format;
  const char* name;       ///< as given on the command line
  const char* file_name;  ///< inside the output folder
  std::string (*render)(const ReportDocument&);  ///< nullptr: not a text format (pdf)
};

constexpr FormatInfo kFormats[] = {
    {ReportFormat::Markdown, "md", "report.md", render_markdown},
    {ReportFormat::Json, "json", "report.json", render_json},
    {ReportFormat::JUnit, "junit", "report.junit.xml", render_junit},
    {ReportFormat::Tex, "tex", "report.tex", render_tex},
    {ReportFormat::TexFragment, "tex-fragment", "report-fragment.tex", render_tex_fragment},
    {ReportFormat::Pdf, "pdf", "report.pdf", nullptr},
};

const FormatInfo& info(ReportFormat f) {
  const FormatInfo* it =
      std::find_if(std::begin(kFormats), std::end(kFormats), [f](const FormatInfo& i) { return i.format == f; });
  assert(it != std::end(kFormats));
  return *it;
}

/// Removes the files it holds when destroyed, unless released: the rollback of a
/// write_reports that did not finish. Files already gone are fine.
class FilesToRemove final {
 public:
  FilesToRemove() = default;
  FilesToRemove(const FilesToRemove&) = delete;
  FilesToRemove& operator=(const FilesToRemove&) = delete;
  ~FilesToRemove() {
    std::error_code ignored;
    for (const std::string& path : paths_) std::filesystem::remove(path, ignored);
  }

  void add(const std::string& path) { paths_.push_back(path); }
  void release() { paths_.clear(); }

 private:
  std::vector<std::string> paths_;
};

struct PendingFile {
  std::string path;
  std::string contents;
  std::string temporary;
};

}  // namespace

std::optional<ReportFormat> report_format_from_string(const std::string& name) {
  for (const FormatInfo& i : kFormats)
    if (name == i.name) return i.format;
  return std::nullopt;
}

std::string report_format_names() {
  std::string names;
  for (const FormatInfo& i : kFormats) names += (names.empty() ? "" : ", ") + std::string(i.name);
  return names;
}

std::string report_file_name(ReportFormat f) {
  return info(f).file_name;
}

WriteOutcome write_reports(const ReportDocument& doc, const std::string& dir, const std::vector<ReportFormat>& formats) {
  // The PDF is compiled from report.tex, which is therefore written too.
  const bool pdf = std::find(formats.begin(), formats.end(), ReportFormat::Pdf) != formats.end();
  std::vector<ReportFormat> text_formats;
  for (const ReportFormat f : formats)
    if (f != ReportFormat::Pdf) text_formats.push_back(f);
  if (pdf) text_formats.push_back(ReportFormat::Tex);

  // Rendering first: a renderer that throws must not leave anything on disk either.
  std::vector<PendingFile> files;
  for (const ReportFormat f : text_formats) {
    const std::string path = (std::filesystem::path(dir) / info(f).file_name).string();
    const bool repeated = std::any_of(files.begin(), files.end(), [&](const PendingFile& p) { return p.path == path; });
    if (!repeated) files.push_back({path, info(f).render(doc), ""});
  }

  const auto fail = [&dir](const std::string& reason) {
    return InputError(dir, "", "cannot write report: " + reason, "choose a writable --out folder");
  };
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw fail("cannot create the folder: " + ec.message());

  FilesToRemove rollback;
  try {
    for (PendingFile& p : files) {
      p.temporary = write_temporary_beside(p.path, p.contents);
      rollback.add(p.temporary);
    }
    for (const PendingFile& p : files) {
      commit_temporary(p.temporary, p.path);
      rollback.add(p.path);  // in place now, but the set is not complete yet
    }
  } catch (const InputError& e) {
    throw fail(e.what());
  }
  rollback.release();

  WriteOutcome outcome;
  for (const PendingFile& p : files) outcome.written.push_back(p.path);
  if (pdf) {
    const PdfOutcome made = compile_pdf(dir, info(ReportFormat::Tex).file_name);
    if (made.made) {
      outcome.written.push_back(made.pdf_path);
    } else {
      outcome.warnings.push_back("cannot make report.pdf: " + made.problem + "; the other formats were written");
    }
  }
  return outcome;
}

}  // namespace zg

// latexmk in a hidden build folder (reports/pdf_build.hpp). The folder is
// "<dir>/.latex-<pid>"; latexmk runs in <dir> itself so that pgfplots finds the CSV
// files beside report.tex, and -outdir keeps its auxiliary files out of the report.
#include "reports/pdf_build.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <system_error>

#include "reports/subprocess.hpp"

namespace zg {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// "File `pgfplots.sty' not found": the Debian package that ships the file, when known.
std::string missing_package_hint(const std::string& log) {
  const std::string marker = "File `";
  const std::size_t at = log.find(marker);
  if (at == std::string::npos) return "";
  const std::size_t end = log.find('\'', at + marker.size());
  if (end == std::string::npos || log.compare(end, 12, "' not found.") != 0) return "";
  const std::string file = log.substr(at + marker.size(), end - at - marker.size());
  static const std::map<std::string, std::string> kShippedBy = {
      {"pgfplots.sty", "texlive-pictures"},   {"tikz.sty", "texlive-pictures"},
      {"booktabs.sty", "texlive-latex-recommended"}, {"xcolor.sty", "texlive-latex-recommended"},
      {"hyperref.sty", "texlive-latex-recommended"}, {"geometry.sty", "texlive-latex-recommended"},
      {"longtable.sty", "texlive-latex-base"},  {"amsmath.sty", "texlive-latex-base"}};
  const auto it = kShippedBy.find(file);
  const std::string package = it == kShippedBy.end() ? "the TeX Live package that ships it" : it->second;
  return "LaTeX cannot find " + file + ": install the Debian package " + package;
}

}  // namespace

std::string first_latex_error(const std::string& log) {
  std::istringstream in(log);
  std::string line;
  while (std::getline(in, line)) {
    // -file-line-error style ("./report.tex:42: Undefined control sequence.") or classic "! ...".
    const bool classic = line.rfind("! ", 0) == 0;
    const bool file_line = line.find(".tex:") != std::string::npos && line.find(": ") != std::string::npos &&
                           line.find_first_of("0123456789", line.find(".tex:")) == line.find(".tex:") + 5;
    if (!classic && !file_line) continue;
    std::string where;
    for (int k = 0; k < 8 && std::getline(in, where); ++k)
      if (where.rfind("l.", 0) == 0) return line + " (" + where + ")";
    return line;
  }
  return "";
}

PdfOutcome compile_pdf(const std::string& dir, const std::string& tex_name, std::chrono::milliseconds timeout) {
  PdfOutcome outcome;
  const fs::path folder(dir);
  const std::string stem = fs::path(tex_name).stem().string();
  const fs::path target = folder / (stem + ".pdf");
  const fs::path kept_log = folder / (stem + ".pdf.log");
  const std::string build_name = ".latex-" + std::to_string(::getpid());
  const fs::path build = folder / build_name;
  std::error_code ec;
  const auto give_up = [&](const std::string& problem) {
    fs::remove(target, ec);  // a PDF of an earlier run would contradict the other formats
    fs::remove_all(build, ec);
    outcome.problem = problem;
    return outcome;
  };

  const detail::ProcessResult probe = detail::run_program({"pdflatex", "--version"}, dir, std::chrono::seconds(30));
  if (probe.status == detail::ProcessResult::Status::NotFound)
    return give_up(std::string("pdflatex is not installed; install the Debian packages ") + kLatexPackages +
                   " (scripts/setup.sh does)");

  fs::create_directories(build, ec);
  if (ec) return give_up("cannot create " + build.string() + ": " + ec.message());
  const detail::ProcessResult run = detail::run_program({"latexmk",
                                                         "-norc",
                                                         "-pdf",
                                                         "-interaction=nonstopmode",
                                                         "-halt-on-error",
                                                         "-file-line-error",
                                                         "-outdir=" + build_name,
                                                         tex_name},
                                                        dir,
                                                        timeout);
  if (run.status == detail::ProcessResult::Status::NotFound)
    return give_up(std::string("latexmk is not installed; install the Debian packages ") + kLatexPackages +
                   " (scripts/setup.sh does)");

  const fs::path built = build / (stem + ".pdf");
  const bool ok = run.status == detail::ProcessResult::Status::Exited && run.exit_code == 0 && fs::exists(built);
  if (ok) {
    fs::rename(built, target, ec);
    if (ec) return give_up("cannot move the PDF into place: " + ec.message());
    fs::remove(kept_log, ec);  // a log of an earlier failure no longer applies
    fs::remove_all(build, ec);
    outcome.made = true;
    outcome.pdf_path = target.string();
    return outcome;
  }

  const fs::path log = build / (stem + ".log");
  const std::string log_text = read_text(log);
  std::string why = run.status == detail::ProcessResult::Status::Killed
                        ? "latexmk was stopped: " + run.error
                        : "pdflatex failed";
  if (const std::string hint = missing_package_hint(log_text); !hint.empty()) {
    why = hint;
  } else if (const std::string error = first_latex_error(log_text); !error.empty()) {
    why += ": " + error;
  }
  if (fs::exists(log)) {
    fs::rename(log, kept_log, ec);
    if (!ec) outcome.log_path = kept_log.string();
  }
  return give_up(why + (outcome.log_path.empty() ? "" : "; the LaTeX log is kept in " + outcome.log_path));
}

}  // namespace zg

// Compiling report.tex into report.pdf with latexmk (pdflatex), the way a person would,
// but hidden: auxiliary files go to a temporary folder inside the report folder, the PDF
// is renamed into place only when complete, and on failure the LaTeX log is kept beside
// the report with the first error quoted. A missing toolchain names the Debian package.
#pragma once

#include <chrono>
#include <string>

namespace zg {

struct PdfOutcome {
  bool made = false;
  std::string pdf_path;  ///< when made
  std::string problem;   ///< why not made, one line naming the fix; "" when made
  std::string log_path;  ///< the kept LaTeX log when compilation failed; "" otherwise
};

/// The Debian packages that `--format pdf` needs (scripts/setup.sh installs them).
inline constexpr const char* kLatexPackages = "latexmk texlive-latex-base texlive-latex-recommended texlive-pictures";

/// Compiles `dir`/`tex_name` (which must exist) into `dir`/<stem>.pdf. Never throws for
/// LaTeX's sake; a stale <stem>.pdf is removed when the new one cannot be made, so the
/// folder never holds a PDF of another run.
PdfOutcome compile_pdf(const std::string& dir, const std::string& tex_name,
                       std::chrono::milliseconds timeout = std::chrono::minutes(5));

/// For a LaTeX log: the first error line ("! Undefined control sequence." with the
/// "l.42" line after it), or "" when there is none.
std::string first_latex_error(const std::string& log);

}  // namespace zg

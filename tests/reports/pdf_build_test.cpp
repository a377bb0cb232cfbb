// Tests for reports/pdf_build.cpp: a LaTeX error keeps the log beside the report and
// quotes the first error; a successful build leaves only the PDF; the error finder reads
// both log styles.
#include "reports/pdf_build.hpp"

#include <cstdlib>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "tests/reports/scratch_dir.hpp"

namespace zg {
namespace {

bool have_latex() { return std::system("command -v latexmk > /dev/null && command -v pdflatex > /dev/null") == 0; }

TEST_CASE("first_latex_error finds the error and its line in both log styles", "[pdf_build]") {
  CHECK(first_latex_error("This is pdfTeX\n! Undefined control sequence.\n<argument> \\oops\nl.12 \\oops\n") ==
        "! Undefined control sequence. (l.12 \\oops)");
  CHECK(first_latex_error("./report.tex:42: Missing $ inserted.\n<inserted text>\nl.42 a_b\n") ==
        "./report.tex:42: Missing $ inserted. (l.42 a_b)");
  CHECK(first_latex_error("Output written on report.pdf (1 page).\n").empty());
}

TEST_CASE("a LaTeX error keeps the log and says where; a good file leaves only the PDF", "[pdf_build]") {
  if (!have_latex()) {
    if (std::getenv("CI") != nullptr) FAIL("latexmk/pdflatex missing: scripts/setup.sh installs them");
    WARN("latexmk or pdflatex not installed: compile_pdf not exercised");
    return;
  }
  const test::ScratchDir scratch("pdf");
  std::ofstream(scratch.path() / "bad.tex") << "\\documentclass{article}\\begin{document}\n\\oops\n\\end{document}\n";
  std::ofstream(scratch.path() / "bad.pdf") << "stale";  // from an earlier run: must go
  const PdfOutcome bad = compile_pdf(scratch.path().string(), "bad.tex");
  CHECK_FALSE(bad.made);
  CHECK_THAT(bad.problem, Catch::Contains("Undefined control sequence") && Catch::Contains("bad.pdf.log"));
  CHECK(bad.log_path == (scratch.path() / "bad.pdf.log").string());
  CHECK(test::entries(scratch.path()) == std::set<std::string>{"bad.tex", "bad.pdf.log"});

  std::ofstream(scratch.path() / "good.tex") << "\\documentclass{article}\\begin{document}Hello\\end{document}\n";
  const PdfOutcome good = compile_pdf(scratch.path().string(), "good.tex");
  CHECK(good.made);
  CHECK(test::entries(scratch.path()) == std::set<std::string>{"bad.tex", "bad.pdf.log", "good.tex", "good.pdf"});
}

}  // namespace
}  // namespace zg

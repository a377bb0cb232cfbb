// A fixed, hand-built report for the emitter tests and their golden files. It holds one
// claim per verdict, non-ASCII titles and units (σ, λ, —), characters XML, Markdown and
// LaTeX must escape (& < | _ %), a 60-digit measurement, an artefact, a figure and the
// build provenance.
#pragma once

#include "core/claim_record.hpp"
#include "reports/report_document.hpp"

namespace zg::test {

/// 60 significant digits of π: more than double holds, more than the Markdown shows.
inline constexpr const char* kPi60 = "3.14159265358979323846264338327950288419716939937510582097494";

inline RunReport sample_run() {
  RunReport r;
  r.version = "0.1.0";
  r.git_commit = "0123456789ab";
  r.config_source = "configs/paper_example.toml";
  r.config_text = "[teacher]\nm_star = 2\n\n[run]\ndigits = 60\nseed = 42\n";
  r.digits = 60;
  r.seed = 42;
  r.started_at = "2024-06-01T12:00:00Z";
  r.seconds = 12.5;
  r.host = "ci-runner-1";

  ClaimResult h1;
  h1.id = "H1";
  h1.title = "Hermite orthogonality — E[He_m He_n] = n! δ_mn";
  h1.module = "hermite";
  h1.statement = "For all m, n >= 0:\nE[He_m(x) He_n(x)] = n! if m = n, and 0 otherwise.";
  h1.statement_latex = R"(\mathbb{E}[\mathrm{He}_m(x)\mathrm{He}_n(x)] = n!\,\delta_{mn})";
  h1.paper_location = "§2, eq. (3)";
  h1.verdict = Verdict::Pass;
  h1.rigor = Rigor::Identity;
  h1.margin = Margin{44.7, "digits", "residual 2.0e-105 <= tolerance 1.0e-60"};
  h1.explanation = "Quadrature and the closed form agree to 104 digits for m, n <= 12.";
  h1.digits = 60;
  h1.seconds = 0.42;
  h1.measurements = {
      Measurement{"max_residual", "2.0e-105", "", "", "largest |quadrature - closed form|"},
      Measurement{"pi_reference", kPi60, "1e-60", "", "π as the kernel code computed it"},
  };
  h1.artefacts = {Artefact{"plots/h1_residuals.csv", "csv", "residual per degree"}};

  ClaimResult s2;
  s2.id = "S2";
  s2.title = "Stage-2 loss decreases & stays < λ²";
  s2.module = "stage2";
  s2.statement = "During stage 2 the loss stays below λ².";
  s2.statement_latex = R"(L(\theta_t) < \lambda^2)";
  s2.paper_location = "§5, Lemma 12";
  s2.verdict = Verdict::Fail;
  s2.rigor = Rigor::Sampled;
  s2.margin = Margin{-1.3, "digits", "worst loss 3.2e-3 > bound 1.6e-4"};
  s2.explanation = "The loss exceeds λ² at step 140 of 256.";
  s2.digits = 60;
  s2.seconds = 3.25;
  s2.measurements = {Measurement{"worst_loss", "0.0032", "1e-40", "", "largest loss over the run"}};

  ClaimResult d1;
  d1.id = "D1";
  d1.title = "Dual certificate: |η(w)| < 1 off the support";
  d1.module = "dual_certificate";
  d1.statement = "|η(w)| < 1 for every w away from the teacher directions.";
  d1.statement_latex = R"(|\eta(w)| < 1)";
  d1.paper_location = "§4, Lemma 8";
  d1.verdict = Verdict::Inconclusive;
  d1.rigor = Rigor::Statistical;
  d1.margin = Margin{0.8, "sigma", "mean 1.2e-3, standard error 1.5e-3"};
  d1.explanation = "The margin is within 1 standard error of zero at 120 digits.";
  d1.digits = 120;
  d1.seconds = 8.0;
  d1.measurements = {Measurement{"z_score", "0.8", "0.05", "σ", "mean over standard error"}};

  ClaimResult a1;
  a1.id = "A1";
  a1.title = "Assumption m ≥ m*";
  a1.module = "assumptions";
  a1.statement = "The student has at least as many neurons as the teacher.";
  a1.statement_latex = R"(m \ge m^*)";
  a1.paper_location = "§3, Assumption 1";
  a1.verdict = Verdict::Skipped;
  a1.rigor = Rigor::Audit;
  a1.explanation = "Not applicable: the configuration has no student.";

  r.claims = {h1, s2, d1, a1};
  return r;
}

/// The build every sample document claims: fixed, so that goldens do not follow the compiler.
inline BuildProvenance sample_build() {
  BuildProvenance b;
  b.compiler = "GNU 12.2.0";
  b.flags = "-O3 -DNDEBUG -std=c++17";
  b.build_type = "Release";
  b.libraries = {{"boost", "1.74"}, {"mpfr", "4.2.0"}, {"gmp", "6.2.1"}, {"mpfi", "1.5.3"}, {"eigen", "3.4.0"}};
  return b;
}

/// `run` with the sample build and no figures.
inline ReportDocument document(const RunReport& run) {
  ReportDocument doc;
  doc.run = run;
  doc.build = sample_build();
  return doc;
}

/// The sample run with its build and one figure of H1 (two series, a marker).
inline ReportDocument sample_report() {
  ReportDocument doc = document(sample_run());
  Figure f;
  f.claim_id = "H1";
  f.name = "h1_residuals";
  f.title = "Residual per degree";
  f.xlabel = "degree k";
  f.ylabel = "|residual|";
  f.log_y = true;
  f.series = {FigureSeries{"closed form − quadrature", "points", 12}, FigureSeries{"bound", "lines", 2}};
  f.vertical_markers = {4.5};
  f.marker_labels = {"k = 4.5"};
  doc.figures = {f};
  return doc;
}

}  // namespace zg::test

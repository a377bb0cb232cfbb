// `verify sweep certificate`, the outputs: a SweepResult (verify/sweep_command.hpp) as an
// aligned terminal table, a CSV with every digit of rho_eta, a plot of rho_eta against Δ
// (reports/plot.hpp) and a Markdown summary that says, per family, from which Δ on the
// grid the pre-certificate of docs/math.md §4 is non-degenerate.
#pragma once

#include <string>
#include <vector>

#include "core/plot_spec.hpp"
#include "reports/plot.hpp"
#include "verify/sweep_command.hpp"

namespace zg {

/// File stems inside the output folder. The plot has its own stem because render_plot
/// writes <stem>.csv as its data file, which must not replace the sweep's CSV.
inline constexpr const char* kSweepStem = "sweep_certificate";
inline constexpr const char* kSweepPlotStem = "sweep_certificate_rho";

/// The terminal table: family, Δ, rho_eta (8 digits), worst angle, max |eta|, condition, note.
std::string sweep_text_table(const SweepResult& result);

/// Header "family,delta_deg,rho_eta,worst_angle_deg,max_abs_eta,condition", then one row
/// per (family, Δ) in result order. Δ in the shortest form that reads back to the same
/// double; rho_eta and max_abs_eta with the working digits, the angle with 15, the
/// condition with 6; "nan" where nothing was measured (a singular system).
std::string sweep_csv(const SweepResult& result);

/// rho_eta against Δ, one series per family; singular points are left out. Log y axis
/// when every plotted rho_eta is > 0, else linear (so that a sign change shows).
PlotSpec sweep_plot(const SweepResult& result);

/// One sentence: the smallest non-degenerate Δ and whether the family stays non-degenerate
/// above it, or that it is non-degenerate over the whole grid, or at no grid point.
std::string describe_onset(const FamilyOnset& onset);

/// The Markdown summary: settings, the onset sentence per family, the table, and the plot
/// embedded when it was drawn (its reason otherwise).
std::string sweep_markdown(const SweepResult& result, const PlotOutcome& plot);

struct SweepFiles {
  std::vector<std::string> written;   ///< paths of the files written, the SVG included if drawn
  std::vector<std::string> warnings;  ///< why the plot was not drawn, if it was not
};

/// Creates `dir` if needed, renders the plot, then writes <dir>/sweep_certificate.csv and
/// <dir>/sweep_certificate.md, each whole or not at all. Throws InputError naming --out
/// when the folder cannot be made, or naming the file that cannot be written.
SweepFiles write_sweep_files(const SweepResult& result, const std::string& dir);

}  // namespace zg

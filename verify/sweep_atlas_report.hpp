// The non-degeneracy atlas's outputs (verify/sweep_atlas.hpp), rendered from the records
// alone: per cell the counts of each classification, the fraction non-degenerate with its
// Wilson 95% interval, and quantiles of rho_eta; as CSV (per cell and per teacher),
// Markdown and LaTeX tables, a terminal table, and one heat map per rank and sign pattern
// (fraction non-degenerate against Δ_min and m*).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/plot_spec.hpp"
#include "verify/sample_statistics.hpp"
#include "verify/sweep_atlas.hpp"

namespace zg {

inline constexpr const char* kAtlasStem = "sweep_atlas";

struct AtlasCellSummary {
  AtlasCell cell;
  std::array<unsigned, kAtlasStatuses> counts{};  ///< by AtlasStatus
  unsigned generated = 0;       ///< teachers drawn (all but "not generated")
  unsigned non_degenerate = 0;  ///< non-degenerate or certified
  ProportionInterval interval;  ///< Wilson 95% for non_degenerate / generated
  /// rho_eta over the teachers where it was measured (type-7 quantiles); empty when none.
  std::optional<std::array<Mp, 4>> rho_quantiles;  ///< min, 10%, median, 90%
  double fraction() const { return generated == 0 ? 0.0 : static_cast<double>(non_degenerate) / generated; }
};

/// One summary per cell, in the cells' order. Throws std::logic_error when the teachers
/// are not N per cell in task order (a broken gather, never a user's input).
std::vector<AtlasCellSummary> summarize_atlas(const AtlasResult& result);

std::string atlas_teachers_csv(const AtlasResult& result);
std::string atlas_cells_csv(const AtlasResult& result, const std::vector<AtlasCellSummary>& cells);
std::string atlas_latex_table(const AtlasResult& result, const std::vector<AtlasCellSummary>& cells);
/// Per rank and sign pattern, the fraction non-degenerate (percent) with m* down and Δ
/// across: what the heat maps show, for the terminal.
std::string atlas_text_summary(const AtlasResult& result, const std::vector<AtlasCellSummary>& cells);
/// The heat maps, one per rank and sign pattern (cells with no teacher drawn left blank).
std::vector<PlotSpec> atlas_plots(const AtlasResult& result, const std::vector<AtlasCellSummary>& cells);

struct AtlasFiles {
  std::vector<std::string> written;
  std::vector<std::string> warnings;  ///< figures that could not be drawn
};

/// Writes sweep_atlas.{csv,md,tex}, sweep_atlas_teachers.csv and the figures into `dir`
/// (created if missing); the tables appear together or not at all.
AtlasFiles write_atlas_files(const AtlasResult& result, const std::string& dir);

}  // namespace zg

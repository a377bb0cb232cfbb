// The atlas's outputs (verify/sweep_atlas_report.hpp).
#include "verify/sweep_atlas_report.hpp"

#include <filesystem>
#include <stdexcept>
#include <system_error>

#include <fmt/format.h>

#include "core/input_error.hpp"
#include "reports/aligned_table.hpp"
#include "reports/atomic_file.hpp"
#include "reports/plot.hpp"

namespace zg {
namespace {

std::string decimal(const Mp& x, unsigned digits) {
  if (isnan(x)) return "nan";
  if (isinf(x)) return x > 0 ? "inf" : "-inf";
  return to_decimal(x, digits);
}

std::string degrees(double deg) { return fmt::format("{}", deg); }

std::string percent(double fraction) { return fmt::format("{:.1f}", 100 * fraction); }

std::string quantile(const AtlasCellSummary& s, std::size_t which, unsigned digits) {
  return s.rho_quantiles ? decimal((*s.rho_quantiles)[which], digits) : "";
}

unsigned count(const AtlasCellSummary& s, AtlasStatus status) { return s.counts[static_cast<std::size_t>(status)]; }

// The cells of one panel (rank, signs) in grid order.
std::vector<const AtlasCellSummary*> panel(const std::vector<AtlasCellSummary>& cells, int rank, AtlasSigns signs) {
  std::vector<const AtlasCellSummary*> out;
  for (const AtlasCellSummary& s : cells)
    if (s.cell.rank == rank && s.cell.signs == signs) out.push_back(&s);
  return out;
}

// Rows m*, columns Δ: "87.5" (percent non-degenerate), "—" where no teacher was drawn.
std::vector<std::vector<std::string>> panel_rows(const AtlasOptions& o, const std::vector<const AtlasCellSummary*>& p) {
  std::vector<std::vector<std::string>> rows;
  std::size_t next = 0;
  for (int width : o.widths) {
    std::vector<std::string> row{std::to_string(width)};
    for (std::size_t j = 0; j < o.separations_deg.size(); ++j) {
      const AtlasCellSummary& s = *p[next++];
      row.push_back(s.generated == 0 ? "—" : percent(s.fraction()));
    }
    rows.push_back(row);
  }
  return rows;
}

std::vector<std::string> panel_header(const AtlasOptions& o) {
  std::vector<std::string> h{"m* \\ Δ"};
  for (double d : o.separations_deg) h.push_back(degrees(d) + "°");
  return h;
}

std::string panel_title(int rank, int dimension, AtlasSigns signs) {
  return fmt::format("rank {} (d = {}), {} signs", rank, dimension, to_string(signs));
}

const std::vector<std::string> kCellHeader{"r", "d", "signs", "m*", "Δ (deg)", "N", "drawn", "non-deg", "certified",
                                           "degenerate", "inconcl.", "fraction", "Wilson 95%", "ρ_η 10%",
                                           "median", "90%"};

std::vector<std::vector<std::string>> cell_rows(const std::vector<AtlasCellSummary>& cells, unsigned teachers) {
  std::vector<std::vector<std::string>> rows;
  for (const AtlasCellSummary& s : cells) {
    const bool drawn = s.generated > 0;
    rows.push_back({std::to_string(s.cell.rank),
                    std::to_string(s.cell.dimension),
                    to_string(s.cell.signs),
                    std::to_string(s.cell.width),
                    degrees(s.cell.separation_deg),
                    std::to_string(teachers),
                    std::to_string(s.generated),
                    std::to_string(count(s, AtlasStatus::NonDegenerate)),
                    std::to_string(count(s, AtlasStatus::Certified)),
                    std::to_string(count(s, AtlasStatus::Degenerate)),
                    std::to_string(count(s, AtlasStatus::Inconclusive)),
                    drawn ? percent(s.fraction()) + "%" : "—",
                    drawn ? fmt::format("[{}, {}]%", percent(s.interval.lower), percent(s.interval.upper)) : "—",
                    quantile(s, 1, 3),
                    quantile(s, 2, 3),
                    quantile(s, 3, 3)});
  }
  return rows;
}

std::string atlas_markdown(const AtlasResult& result, const std::vector<AtlasCellSummary>& cells,
                           const std::vector<PlotOutcome>& plots) {
  const AtlasOptions& o = result.options;
  std::string md = "# How often is a random teacher non-degenerate?\n\n";
  md +=
      "`verify sweep atlas` (Zhou & Ge, arXiv 2406.01766; docs/math.md §4, docs/scale-out.md). Each cell draws N "
      "teachers with the generator of `[teacher.generate]` (width m*, rank r, `min_separation_deg` Δ_min, the sign "
      "pattern, magnitude 1; teacher k has `seed = " +
      std::to_string(o.seed) +
      " + k`) and classifies each: **non-degenerate** when the sampled decay constant ρ_η = inf (1 − |η|) / "
      "δ² is > 0 (an estimate: it can only overstate the constant); **certified** when, in addition, the decay "
      "proof of D2c holds with ρ = ρ_η / 2; **degenerate** when the proof with ρ = 0 found a box where "
      "|η| > 1 is proved; **inconclusive** otherwise (ρ_η ≤ 0 without a proved witness, or a singular "
      "system). The fraction is non-degenerate (with certified) over the teachers drawn, with Wilson's 95% score "
      "interval; a cell where the separation leaves no room for m* lines draws none (—).\n\n";
  const std::string proofs =
      o.certify == 0 ? std::string("no decay proofs (`--certify 0`)")
                     : fmt::format("decay proofs for teachers k < {} of each cell ({} boxes each, {} s wall-time net)",
                                   o.certify, o.proof_boxes, degrees(o.proof_seconds));
  md += fmt::format(
      "Settings: N = {} per cell, {} cells, {} digits, {} start points and {} refined starts per search, {}; {} "
      "teachers in {:.1f} s.\n\n",
      o.teachers, result.cells.size(), o.digits, o.start_points, o.refined_starts, proofs, result.teachers.size(),
      result.seconds);
  md += "## Fraction non-degenerate (%), by rank and sign pattern\n\n";
  using detail::Align;
  std::vector<detail::TableColumn> panel_columns{{panel_header(o)[0], Align::Right}};
  for (std::size_t j = 1; j < panel_header(o).size(); ++j) panel_columns.push_back({panel_header(o)[j], Align::Right});
  std::size_t figure = 0;
  for (int rank : o.ranks)
    for (AtlasSigns signs : o.signs) {
      const int d = o.dimension == 0 ? rank : o.dimension;
      md += "### " + panel_title(rank, d, signs) + "\n\n";
      md += detail::render_markdown_table(panel_columns, panel_rows(o, panel(cells, rank, signs))) + "\n";
      const PlotOutcome& plot = plots[figure++];
      bool drawn = false;
      for (const Artefact& a : plot.artefacts)
        if (a.kind == "svg") {
          md += "![fraction non-degenerate, " + panel_title(rank, d, signs) + "](" + a.path + ")\n\n";
          drawn = true;
        }
      if (!drawn) md += "Figure not drawn (" + std::string(to_string(plot.status)) + "): " + plot.message + "\n\n";
    }
  md += "## Every cell\n\n";
  std::vector<detail::TableColumn> columns;
  for (std::size_t j = 0; j < kCellHeader.size(); ++j)
    columns.push_back({kCellHeader[j], j == 2 ? Align::Left : Align::Right});
  md += detail::render_markdown_table(columns, cell_rows(cells, o.teachers));
  md += fmt::format(
      "\nEvery teacher, with every digit of ρ_η: [{0}_teachers.csv]({0}_teachers.csv); per cell: "
      "[{0}.csv]({0}.csv).\n",
      kAtlasStem);
  return md;
}

}  // namespace

std::vector<AtlasCellSummary> summarize_atlas(const AtlasResult& result) {
  const unsigned n = result.options.teachers;
  if (result.teachers.size() != result.cells.size() * n)
    throw std::logic_error(fmt::format("atlas: {} records for {} cells of {}", result.teachers.size(),
                                       result.cells.size(), n));
  std::vector<AtlasCellSummary> out;
  for (std::size_t c = 0; c < result.cells.size(); ++c) {
    AtlasCellSummary s;
    s.cell = result.cells[c];
    std::vector<Mp> rhos;
    for (unsigned k = 0; k < n; ++k) {
      const AtlasTeacher& t = result.teachers[c * n + k];
      if (t.cell != c || t.k != k) throw std::logic_error("atlas: records out of task order");
      ++s.counts[static_cast<std::size_t>(t.status)];
      if (!isnan(t.rho_eta)) rhos.push_back(t.rho_eta);
    }
    s.generated = n - count(s, AtlasStatus::NotGenerated);
    s.non_degenerate = count(s, AtlasStatus::NonDegenerate) + count(s, AtlasStatus::Certified);
    s.interval = wilson_interval(s.non_degenerate, s.generated);
    if (!rhos.empty())
      s.rho_quantiles = std::array<Mp, 4>{sample_quantile(rhos, 0.0), sample_quantile(rhos, 0.1),
                                          sample_quantile(rhos, 0.5), sample_quantile(rhos, 0.9)};
    out.push_back(s);
  }
  return out;
}

std::string atlas_teachers_csv(const AtlasResult& result) {
  const AtlasOptions& o = result.options;
  std::string out = "rank,dimension,signs,width,separation_deg,k,seed,status,rho_eta,max_abs_eta,condition,proof,note\n";
  for (const AtlasTeacher& t : result.teachers) {
    const AtlasCell& c = result.cells[t.cell];
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},\"{}\"\n", c.rank, c.dimension, to_string(c.signs),
                       c.width, degrees(c.separation_deg), t.k, o.seed + t.k, to_string(t.status),
                       decimal(t.rho_eta, o.digits), decimal(t.max_abs_eta, o.digits), decimal(t.condition, 6),
                       t.proof, t.note);
  }
  return out;
}

std::string atlas_cells_csv(const AtlasResult& result, const std::vector<AtlasCellSummary>& cells) {
  std::string out =
      "rank,dimension,signs,width,separation_deg,teachers,generated,non_degenerate,certified,degenerate,"
      "inconclusive,fraction,wilson_lower,wilson_upper,rho_min,rho_q10,rho_median,rho_q90\n";
  for (const AtlasCellSummary& s : cells)
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", s.cell.rank, s.cell.dimension,
                       to_string(s.cell.signs), s.cell.width, degrees(s.cell.separation_deg),
                       result.options.teachers, s.generated, count(s, AtlasStatus::NonDegenerate),
                       count(s, AtlasStatus::Certified), count(s, AtlasStatus::Degenerate),
                       count(s, AtlasStatus::Inconclusive), s.generated == 0 ? "nan" : fmt::format("{:.6f}", s.fraction()),
                       fmt::format("{:.6f}", s.interval.lower), fmt::format("{:.6f}", s.interval.upper),
                       quantile(s, 0, 10), quantile(s, 1, 10), quantile(s, 2, 10), quantile(s, 3, 10));
  return out;
}

std::string atlas_latex_table(const AtlasResult& result, const std::vector<AtlasCellSummary>& cells) {
  std::string out =
      "% verify sweep atlas: fraction of random teachers with a non-degenerate pre-certificate\n"
      "% (needs \\usepackage{booktabs} and \\usepackage{longtable})\n"
      "\\begin{longtable}{rrlrrrrrrrlr}\n\\toprule\n"
      "$r$ & $d$ & signs & $m^*$ & $\\Delta_{\\min}$ & drawn & non-deg. & cert. & deg. & incon. & fraction "
      "(Wilson 95\\,\\%) & median $\\rho_\\eta$ \\\\\n\\midrule\n\\endhead\n";
  for (const AtlasCellSummary& s : cells) {
    const std::string fraction =
        s.generated == 0 ? "---"
                         : fmt::format("${}\\,\\%$ $[{}, {}]$", percent(s.fraction()), percent(s.interval.lower),
                                       percent(s.interval.upper));
    const std::string median = s.rho_quantiles ? "$" + decimal((*s.rho_quantiles)[2], 3) + "$" : "---";
    out += fmt::format("{} & {} & {} & {} & ${}^\\circ$ & {} & {} & {} & {} & {} & {} & {} \\\\\n", s.cell.rank,
                       s.cell.dimension, to_string(s.cell.signs), s.cell.width, degrees(s.cell.separation_deg),
                       s.generated, count(s, AtlasStatus::NonDegenerate), count(s, AtlasStatus::Certified),
                       count(s, AtlasStatus::Degenerate), count(s, AtlasStatus::Inconclusive), fraction, median);
  }
  (void)result;
  return out + "\\bottomrule\n\\end{longtable}\n";
}

std::string atlas_text_summary(const AtlasResult& result, const std::vector<AtlasCellSummary>& cells) {
  const AtlasOptions& o = result.options;
  std::string out;
  for (int rank : o.ranks)
    for (AtlasSigns signs : o.signs) {
      out += "fraction non-degenerate (%), " + panel_title(rank, o.dimension == 0 ? rank : o.dimension, signs) + "\n";
      std::vector<std::vector<std::string>> rows{panel_header(o)};
      for (std::vector<std::string>& row : panel_rows(o, panel(cells, rank, signs))) rows.push_back(std::move(row));
      out += detail::render_text_table(rows) + "\n";
    }
  return out;
}

std::vector<PlotSpec> atlas_plots(const AtlasResult& result, const std::vector<AtlasCellSummary>& cells) {
  const AtlasOptions& o = result.options;
  std::vector<PlotSpec> plots;
  for (int rank : o.ranks)
    for (AtlasSigns signs : o.signs) {
      const int d = o.dimension == 0 ? rank : o.dimension;
      PlotSpec p;
      p.name = fmt::format("{}_r{}_{}", kAtlasStem, rank, to_string(signs));
      p.title = "Fraction of random teachers with a non-degenerate certificate: " + panel_title(rank, d, signs);
      p.xlabel = {"least separation Δ_min (degrees)", "least separation $\\Delta_{\\min}$ (degrees)"};
      p.ylabel = {"width m*", "width $m^*$"};
      PlotHeatMap h;
      h.x = o.separations_deg;
      for (int m : o.widths) h.y.push_back(m);
      for (const AtlasCellSummary* s : panel(cells, rank, signs))
        h.value.push_back(s->generated == 0 ? std::numeric_limits<double>::quiet_NaN() : s->fraction());
      h.value_label = {"fraction non-degenerate", "fraction non-degenerate"};
      h.value_min = 0;
      h.value_max = 1;
      p.heat_map = h;
      plots.push_back(p);
    }
  return plots;
}

AtlasFiles write_atlas_files(const AtlasResult& result, const std::string& dir) {
  create_out_folder(dir);
  const std::vector<AtlasCellSummary> cells = summarize_atlas(result);
  AtlasFiles files;
  std::vector<PlotOutcome> outcomes;
  for (const PlotSpec& spec : atlas_plots(result, cells)) {
    outcomes.push_back(render_plot(spec, dir));
    for (const Artefact& a : outcomes.back().artefacts)
      files.written.push_back((std::filesystem::path(dir) / a.path).string());
    if (outcomes.back().status != PlotStatus::Rendered)
      files.warnings.push_back(fmt::format("plot {}: {}", spec.name, outcomes.back().message));
  }
  const std::string stem = (std::filesystem::path(dir) / kAtlasStem).string();
  const std::vector<std::pair<std::string, std::string>> tables{
      {stem + ".csv", atlas_cells_csv(result, cells)},
      {stem + "_teachers.csv", atlas_teachers_csv(result)},
      {stem + ".md", atlas_markdown(result, cells, outcomes)},
      {stem + ".tex", atlas_latex_table(result, cells)}};
  // Every temporary first, then the renames: a failed write leaves no table half-done.
  std::vector<std::string> temporaries;
  try {
    for (const auto& [path, text] : tables) temporaries.push_back(write_temporary_beside(path, text));
  } catch (...) {
    for (const std::string& t : temporaries) discard_temporary(t);
    throw;
  }
  for (std::size_t i = 0; i < tables.size(); ++i) {
    commit_temporary(temporaries[i], tables[i].first);
    files.written.push_back(tables[i].first);
  }
  return files;
}

}  // namespace zg

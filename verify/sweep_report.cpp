// The certificate sweep's outputs (verify/sweep_report.hpp): table, CSV, plot, Markdown.
#include "verify/sweep_report.hpp"

#include <cmath>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "core/input_error.hpp"
#include "reports/aligned_table.hpp"
#include "reports/atomic_file.hpp"

namespace zg {
namespace {

// x with `digits` significant digits, or "nan" / "inf" / "-inf": MPFR's own spellings
// vary, and the CSV promises these.
std::string decimal(const Mp& x, unsigned digits) {
  if (isnan(x)) return "nan";
  if (isinf(x)) return x > 0 ? "inf" : "-inf";
  return to_decimal(x, digits);
}

// An angle for people: fixed point, 4 decimals (a ten-thousandth of a degree).
std::string angle(const Mp& deg) {
  return isnan(deg) ? "nan" : fmt::format("{:.4f}", static_cast<double>(deg));
}

// The shortest text that reads back to the same double ("5", "12.5").
std::string degrees(double deg) {
  return fmt::format("{}", deg);
}

std::string family_definition(SweepFamily f) {
  switch (f) {
    case SweepFamily::Equal:
      return "teachers at 0 and Δ, signs +, +";
    case SweepFamily::Opposite:
      return "teachers at 0 and Δ, signs +, −";
    case SweepFamily::Three:
      return "teachers at −Δ, 0, +Δ, signs +, −, + (w_1* at −Δ)";
  }
  return "";
}

// Display rows shared by the terminal and Markdown tables.
std::vector<std::vector<std::string>> display_rows(const SweepResult& result) {
  std::vector<std::vector<std::string>> rows;
  for (const SweepPoint& p : result.points)
    rows.push_back({to_string(p.family),
                    degrees(p.delta_deg),
                    decimal(p.rho_eta, 8),
                    angle(p.worst_angle_deg),
                    decimal(p.max_abs_eta, 10),
                    decimal(p.condition, 3),
                    p.note});
  return rows;
}

const std::vector<std::string> kDisplayHeader{
    "family", "Δ (deg)", "rho_eta", "worst angle (deg)", "max |eta|", "condition", "note"};

}  // namespace

std::string sweep_text_table(const SweepResult& result) {
  std::vector<std::vector<std::string>> rows{kDisplayHeader};
  for (std::vector<std::string>& row : display_rows(result)) rows.push_back(std::move(row));
  return detail::render_text_table(rows);
}

std::string sweep_csv(const SweepResult& result) {
  std::string out = "family,delta_deg,rho_eta,worst_angle_deg,max_abs_eta,condition\n";
  for (const SweepPoint& p : result.points)
    out += fmt::format("{},{},{},{},{},{}\n",
                       to_string(p.family),
                       degrees(p.delta_deg),
                       decimal(p.rho_eta, result.options.digits),
                       decimal(p.worst_angle_deg, 15),
                       decimal(p.max_abs_eta, result.options.digits),
                       decimal(p.condition, 6));
  return out;
}

PlotSpec sweep_plot(const SweepResult& result) {
  PlotSpec plot;
  plot.name = kSweepPlotStem;
  plot.title = "Decay constant of the pre-certificate against the teacher separation";
  plot.xlabel = {"separation Δ (degrees)", "separation $\\Delta$ (degrees)"};
  plot.ylabel = {"ρ_η (sampled)", "$\\rho_\\eta$ (sampled)"};
  bool all_positive = true;
  for (SweepFamily f : result.options.families) {
    PlotSeries s{to_string(f), {}, {}, PlotSeries::Style::LinesPoints};
    for (const SweepPoint& p : result.points) {
      if (p.family != f || p.singular) continue;
      s.x.push_back(p.delta_deg);
      s.y.push_back(static_cast<double>(p.rho_eta));  // plots are for people: double is enough
      all_positive = all_positive && p.rho_eta > 0;
    }
    plot.series.push_back(s);
  }
  plot.log_y = all_positive;
  return plot;
}

std::string describe_onset(const FamilyOnset& o) {
  const std::string name = to_string(o.family);
  if (!o.first_non_degenerate_deg)
    return name + ": degenerate (rho_eta <= 0, or no certificate) at every Δ on the grid.";
  const std::string first = degrees(*o.first_non_degenerate_deg);
  if (o.whole_grid())
    return name + ": non-degenerate (rho_eta > 0) over the whole grid, from its smallest Δ = " + first + "°.";
  std::string s = name + ": the smallest Δ on the grid with rho_eta > 0 is " + first + "°; ";
  if (o.stays_non_degenerate()) return s + "it stays non-degenerate over the whole grid above that.";
  s += "it does not stay non-degenerate above that: degenerate again at Δ =";
  for (std::size_t k = 0; k < o.degenerate_above.size(); ++k)
    s += (k == 0 ? " " : ", ") + degrees(o.degenerate_above[k]) + "°";
  return s + ".";
}

std::string sweep_markdown(const SweepResult& result, const PlotOutcome& plot) {
  const SweepOptions& o = result.options;
  std::string md = "# Where the pre-certificate stops being non-degenerate\n\n";
  md +=
      "`verify sweep certificate` (Zhou & Ge, arXiv 2406.01766; docs/math.md §4). For each family and separation Δ, "
      "rho_eta = inf (1 − |eta|) / delta² from the sampled decay search: an estimate of an infimum, so it can "
      "only overstate the true constant. Non-degenerate means rho_eta > 0.\n\n";
  md += fmt::format(
      "Grid: Δ from {}° to {}° in {} points; dimension d = {} (domain: the {}); {} digits; seed {}; "
      "{} start points; {} points in {:.1f} s.\n\n",
      degrees(o.from_deg),
      degrees(o.to_deg),
      o.steps,
      o.dimension,
      o.dimension == 2 ? "unit circle" : "unit disc of the span",
      o.digits,
      o.seed,
      o.start_points,
      result.points.size(),
      result.seconds);
  md += "Families (planar, in the (e1, e2) plane; worst angles are span angles from w_1*, folded into [0, 180)):\n\n";
  for (SweepFamily f : o.families) md += "- `" + std::string(to_string(f)) + "`: " + family_definition(f) + "\n";
  md += "\n## Non-degeneracy along the grid\n\n";
  for (SweepFamily f : o.families) md += "- " + describe_onset(family_onset(result.points, f)) + "\n";
  md += "\n## Measurements\n\n";
  using detail::Align;
  const std::vector<detail::TableColumn> columns{{kDisplayHeader[0], Align::Left},
                                                 {kDisplayHeader[1], Align::Right},
                                                 {kDisplayHeader[2], Align::Right},
                                                 {kDisplayHeader[3], Align::Right},
                                                 {kDisplayHeader[4], Align::Right},
                                                 {kDisplayHeader[5], Align::Right},
                                                 {kDisplayHeader[6], Align::Left}};
  md += detail::render_markdown_table(columns, display_rows(result));
  md +=
      "\nThe worst angle is where rho_eta is attained: a teacher's own angle when the one-sided limit at that "
      "teacher sets it (note \"limit at w_j*\"). max |eta| is the largest |eta| the search found off the teacher "
      "directions: close to 1 next to a teacher, above 1 only where the decay bound fails.\n";
  md += fmt::format("Every digit of rho_eta: [{0}.csv]({0}.csv).\n\n", kSweepStem);
  md += "## Figure\n\n";
  bool drawn = false;
  for (const Artefact& a : plot.artefacts)
    if (a.kind == "svg") {
      md += "![rho_eta against the separation Δ](" + a.path + ")\n";
      drawn = true;
    }
  if (!drawn) md += "Not drawn (" + std::string(to_string(plot.status)) + "): " + plot.message + "\n";
  return md;
}

SweepFiles write_sweep_files(const SweepResult& result, const std::string& dir) {
  create_out_folder(dir);
  SweepFiles files;
  const PlotOutcome plot = render_plot(sweep_plot(result), dir);
  for (const Artefact& a : plot.artefacts) files.written.push_back((std::filesystem::path(dir) / a.path).string());
  if (plot.status != PlotStatus::Rendered)
    files.warnings.push_back(fmt::format("plot {}: {}", kSweepPlotStem, plot.message));

  // Both temporaries first, then both renames: a failed write leaves neither file half-done.
  const std::string csv_path = (std::filesystem::path(dir) / (std::string(kSweepStem) + ".csv")).string();
  const std::string md_path = (std::filesystem::path(dir) / (std::string(kSweepStem) + ".md")).string();
  const std::string csv_tmp = write_temporary_beside(csv_path, sweep_csv(result));
  std::string md_tmp;
  try {
    md_tmp = write_temporary_beside(md_path, sweep_markdown(result, plot));
  } catch (...) {
    discard_temporary(csv_tmp);
    throw;
  }
  try {
    commit_temporary(csv_tmp, csv_path);
  } catch (...) {
    discard_temporary(md_tmp);
    throw;
  }
  commit_temporary(md_tmp, md_path);
  files.written.push_back(csv_path);
  files.written.push_back(md_path);
  return files;
}

}  // namespace zg

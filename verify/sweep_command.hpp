// `verify sweep certificate`, the computation: the decay constant rho_eta of docs/math.md §4
// along a grid of separations Δ for planar teacher families, to locate the separation at
// which the pre-certificate stops being non-degenerate. No files and no printing here:
// verify/sweep_report.hpp renders a SweepResult, verify/sweep_cli.hpp wires the command.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/numeric_types.hpp"
#include "core/problem_spec.hpp"
#include "verify/sweep_engine.hpp"
#include "verify/sweep_ranks.hpp"

namespace zg {

/// Teacher families in the (e1, e2) plane, unit weights a_i* = ±1.
enum class SweepFamily {
  Equal,     ///< directions at 0 and Δ, signs +, +
  Opposite,  ///< directions at 0 and Δ, signs +, −
  Three,     ///< directions at −Δ, 0, +Δ, signs +, −, + (the paper's figure)
};

/// "equal", "opposite", "three".
const char* to_string(SweepFamily family);

/// The families named in `names`, in that order. Throws InputError naming --families for
/// an unknown or repeated name, or an empty list.
std::vector<SweepFamily> parse_sweep_families(const std::vector<std::string>& names);

struct SweepOptions {
  std::vector<SweepFamily> families{SweepFamily::Equal, SweepFamily::Opposite, SweepFamily::Three};
  double from_deg = 5;              ///< smallest separation Δ, degrees (> 0)
  double to_deg = 90;               ///< largest Δ, degrees, included (<= 90: Δ and 180 − Δ are one line)
  unsigned steps = 18;              ///< evenly spaced grid points, both ends included (>= 2)
  unsigned digits = 30;             ///< working precision; rho_eta is O(1e-3) at 5°, far above 1e-30
  std::uint64_t seed = 1;           ///< seed of the decay search's low-discrepancy start set
  std::size_t start_points = 1000;  ///< start points of the sampled search (claim D2 uses 4000)
  int dimension = 2;                ///< d: the domain is the circle for d = 2, the unit disc for d > 2
  std::string out_dir = "sweep";    ///< folder for the CSV, the plot and the Markdown summary
};

/// Throws InputError naming the first option that breaks its rule: --families non-empty,
/// 0 < --from-deg < --to-deg <= 90, --steps in 2..1000, --digits in kMinDigits..kMaxDigits,
/// --start-points in 1..10^6, --dimension in 2..1000. For `three` every grid point keeps
/// 2Δ <= 180; its end point Δ = 90 (the outer teachers on one line) is measured and
/// reported as degenerate, so that the default grid serves all three families.
void validate_sweep_options(const SweepOptions& options);

/// Δ_k = from + k (to − from) / (steps − 1), k = 0 .. steps − 1, degrees; the last is `to`
/// exactly.
std::vector<double> sweep_grid(const SweepOptions& options);

/// The family's teacher at separation Δ (degrees) in R^dimension, directions as planar
/// angles so that they are computed at the working precision.
TeacherSpec sweep_teacher(SweepFamily family, double delta_deg, int dimension);

/// What the sampled search measured for one family at one Δ. All values are at the sweep's
/// working precision; a singular interpolation system leaves every value NaN.
struct SweepPoint {
  SweepFamily family = SweepFamily::Equal;
  double delta_deg = 0;
  bool singular = false;  ///< no certificate: the interpolation system is singular
  Mp rho_eta;             ///< sampled inf (1 − |eta|) / delta^2 (an estimate; it can only overstate)
  Mp worst_angle_deg;     ///< span angle from w_1* in [0, 180) of the point, or the teacher, setting rho_eta
                          ///< (inside the disc, d > 2: the angle of its direction; the note gives |y|)
  Mp max_abs_eta;         ///< largest |eta| found off the teacher directions
  Mp condition;           ///< 2-norm condition number of the interpolation system
  std::string note;       ///< why the point is degenerate, or what limited the search; "" if nothing
  /// rho_eta > 0 (false for NaN): the decay bound of docs/math.md §4 holds with a positive constant.
  bool non_degenerate() const { return rho_eta > 0; }
};

struct SweepResult {
  SweepOptions options;
  std::vector<SweepPoint> points;  ///< family by family in options order, Δ ascending
  double seconds = 0;              ///< wall time of run_sweep
};

/// The options every point depends on (the output folder aside), as canonical JSON text:
/// the checkpoint's fingerprint (verify/sweep_checkpoint.hpp).
std::string sweep_fingerprint(const SweepOptions& options);

/// Runs the sweep at options.digits: for each family and Δ, certificate_for and
/// decay_search_for (lemmas/certificate_checks.hpp), one engine task per point
/// (verify/sweep_engine.hpp) on `ranks` (this process alone when null), with the
/// checkpoint and progress of `execution`. Validates first (InputError). On rank 0 the
/// result holds every point; on other ranks none. Guarantee: estimates, deterministic for
/// a seed, whatever the ranks, their number and the checkpoint; a singular system is a
/// recorded outcome, never an exception.
SweepResult run_sweep(const SweepOptions& options, const SweepExecution& execution = {}, SweepRanks* ranks = nullptr);

/// Where along its grid a family is non-degenerate.
struct FamilyOnset {
  SweepFamily family = SweepFamily::Equal;
  std::size_t grid_points = 0;
  std::optional<double> first_non_degenerate_deg;  ///< smallest Δ with rho_eta > 0, if any
  bool degenerate_below = false;                   ///< some smaller Δ was measured (degenerate, then)
  std::vector<double> degenerate_above;            ///< larger Δ where rho_eta <= 0 or no certificate
  /// Non-degenerate from the first such Δ to the end of the grid.
  bool stays_non_degenerate() const { return first_non_degenerate_deg && degenerate_above.empty(); }
  /// rho_eta > 0 at every grid point of the family.
  bool whole_grid() const { return stays_non_degenerate() && !degenerate_below; }
};

/// The onset for `family` from the points of that family in `points` (any order).
FamilyOnset family_onset(const std::vector<SweepPoint>& points, SweepFamily family);

}  // namespace zg

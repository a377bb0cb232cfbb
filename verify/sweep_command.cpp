// The certificate sweep's computation (verify/sweep_command.hpp, docs/math.md §4).
#include "verify/sweep_command.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/input_error.hpp"
#include "lemmas/certificate_checks.hpp"
#include "verify/sweep_point_record.hpp"

namespace zg {
namespace {

constexpr unsigned kMaxSteps = 1000;
constexpr std::size_t kMaxStartPoints = 1000000;
constexpr int kMaxDimension = 1000;  // only d = 2 against d > 2 changes the domain

[[noreturn]] void bad_option(const std::string& option, const std::string& problem, const std::string& fix) {
  throw InputError(option, "", problem, fix);
}

// Span angle of y from the first axis (w_1*), degrees, folded into [0, 180): eta is even,
// so y and -y are one point of the problem.
Mp span_angle_deg(const Vec<Mp>& y) {
  Mp deg = atan2(y(1), y(0)) * 180 / pi<Mp>();
  if (deg < 0) deg += 180;
  if (deg >= 180) deg -= 180;
  return deg;
}

SweepPoint measure(SweepFamily family, double delta_deg, const SweepOptions& o) {
  const Mp nan = std::numeric_limits<Mp>::quiet_NaN();
  SweepPoint p;
  p.family = family;
  p.delta_deg = delta_deg;
  p.rho_eta = p.worst_angle_deg = p.max_abs_eta = p.condition = nan;  // nothing unmeasured can pass

  ProblemSpec problem;
  problem.teacher = sweep_teacher(family, delta_deg, o.dimension);
  problem.certificate.start_points = o.start_points;
  Certificate<Mp> c;
  try {
    c = certificate_for(problem, o.digits);
  } catch (const SingularCertificate&) {
    p.singular = true;
    p.note = "no certificate: the interpolation system is singular";
    return p;
  }
  const DecaySearchResult r = decay_search_for(c, problem, o.seed);
  p.rho_eta = r.rho_eta;
  p.max_abs_eta = abs(r.max_abs.eta);
  p.condition = c.condition;
  if (c.rank() == 2) {
    // The infimum sits either at a searched point or, as a one-sided limit, at a teacher.
    const Vec<Mp> y = r.worst_teacher >= 0 ? Vec<Mp>(c.U.col(r.worst_teacher)) : r.worst.y;
    p.worst_angle_deg = span_angle_deg(y);
  }
  std::vector<std::string> notes;
  if (!p.non_degenerate())
    notes.push_back(p.max_abs_eta > 1 ? "rho_eta <= 0: |eta| > 1 off the teachers" : "rho_eta <= 0");
  if (r.worst_teacher >= 0) notes.push_back(fmt::format("limit at w_{}*", r.worst_teacher + 1));
  const Mp radius = r.worst.y.size() > 0 ? Mp(r.worst.y.norm()) : Mp(1);
  if (r.worst_teacher < 0 && c.domain_is_ball() && radius < 1 - Mp("1e-9"))
    notes.push_back("worst point inside the disc, |y| = " + to_decimal(radius, 3));
  if (r.refine_cap_hit) notes.push_back("a refinement hit its step cap");
  for (const std::string& n : notes) p.note += (p.note.empty() ? "" : "; ") + n;
  return p;
}

}  // namespace

const char* to_string(SweepFamily family) {
  switch (family) {
    case SweepFamily::Equal:
      return "equal";
    case SweepFamily::Opposite:
      return "opposite";
    case SweepFamily::Three:
      return "three";
  }
  return "?";
}

std::vector<SweepFamily> parse_sweep_families(const std::vector<std::string>& names) {
  const std::string fix = "use any of equal, opposite, three, comma-separated";
  if (names.empty()) bad_option("--families", "no family given", fix);
  std::vector<SweepFamily> families;
  for (const std::string& name : names) {
    std::optional<SweepFamily> f;
    for (SweepFamily candidate : {SweepFamily::Equal, SweepFamily::Opposite, SweepFamily::Three})
      if (name == to_string(candidate)) f = candidate;
    if (!f) bad_option("--families", "unknown family '" + name + "'", fix);
    if (std::find(families.begin(), families.end(), *f) != families.end())
      bad_option("--families", "'" + name + "' is given twice", "name each family once");
    families.push_back(*f);
  }
  return families;
}

void validate_sweep_options(const SweepOptions& o) {
  if (o.families.empty()) bad_option("--families", "no family given", "use any of equal, opposite, three");
  if (!std::isfinite(o.from_deg) || !(o.from_deg > 0))
    bad_option(
        "--from-deg", fmt::format("{} is not > 0", o.from_deg), "give the smallest separation in degrees, e.g. 5");
  if (!std::isfinite(o.to_deg) || !(o.to_deg > o.from_deg) || !(o.to_deg <= 90))
    bad_option("--to-deg",
               fmt::format("{} is not in (--from-deg, 90] = ({}, 90]", o.to_deg, o.from_deg),
               "separations beyond 90 degrees repeat smaller ones (Δ and 180 − Δ span one line)");
  // With to <= 90, every Δ of the `three` family keeps 2Δ <= 180 (see the header).
  if (o.steps < 2 || o.steps > kMaxSteps)
    bad_option("--steps", fmt::format("{} is outside 2..{}", o.steps, kMaxSteps), "the grid includes both ends");
  if (o.digits < kMinDigits || o.digits > kMaxDigits)
    bad_option("--digits",
               fmt::format("{} is outside {}..{}", o.digits, kMinDigits, kMaxDigits),
               fmt::format("choose between {} and {} significant digits", kMinDigits, kMaxDigits));
  if (o.start_points < 1 || o.start_points > kMaxStartPoints)
    bad_option("--start-points", fmt::format("{} is outside 1..{}", o.start_points, kMaxStartPoints), "");
  if (o.dimension < 2 || o.dimension > kMaxDimension)
    bad_option("--dimension",
               fmt::format("{} is outside 2..{}", o.dimension, kMaxDimension),
               "the teachers lie in the (e1, e2) plane");
}

std::vector<double> sweep_grid(const SweepOptions& o) {
  std::vector<double> grid;
  const double step = (o.to_deg - o.from_deg) / (o.steps - 1);
  for (unsigned k = 0; k + 1 < o.steps; ++k) grid.push_back(o.from_deg + k * step);
  grid.push_back(o.to_deg);  // exactly, not from + (steps - 1) step
  return grid;
}

TeacherSpec sweep_teacher(SweepFamily family, double delta_deg, int dimension) {
  TeacherSpec t;
  t.dimension = dimension;
  PlanarDirections planar;
  switch (family) {
    case SweepFamily::Equal:
      planar.angles_deg = {0.0, delta_deg};
      t.weights = {1.0, 1.0};
      break;
    case SweepFamily::Opposite:
      planar.angles_deg = {0.0, delta_deg};
      t.weights = {1.0, -1.0};
      break;
    case SweepFamily::Three:
      planar.angles_deg = {-delta_deg, 0.0, delta_deg};
      t.weights = {1.0, -1.0, 1.0};
      break;
  }
  t.directions = planar;
  return t;
}

std::string sweep_fingerprint(const SweepOptions& o) {
  std::vector<std::string> families;
  for (SweepFamily f : o.families) families.push_back(to_string(f));
  return nlohmann::json{{"families", families},
                        {"from_deg", o.from_deg},
                        {"to_deg", o.to_deg},
                        {"steps", o.steps},
                        {"digits", o.digits},
                        {"seed", o.seed},
                        {"start_points", o.start_points},
                        {"dimension", o.dimension}}
      .dump();
}

SweepResult run_sweep(const SweepOptions& options, const SweepExecution& execution, SweepRanks* ranks) {
  validate_sweep_options(options);
  const auto start = std::chrono::steady_clock::now();
  SweepResult result;
  result.options = options;
  const std::vector<double> grid = sweep_grid(options);
  ScopedDigits precision(options.digits);
  // Task i is family i / |grid| at grid point i % |grid|: the result's order.
  SweepJob job;
  job.name = "certificate";
  job.fingerprint = sweep_fingerprint(options);
  job.tasks = grid.size() * options.families.size();
  job.compute = [&](std::uint64_t task) {
    return sweep_point_record(measure(options.families[task / grid.size()], grid[task % grid.size()], options));
  };
  std::unique_ptr<SweepRanks> alone;
  if (ranks == nullptr) ranks = (alone = single_process_ranks()).get();
  // Every point, the serial ones too, is rendered from its record: one path to the outputs.
  for (const std::string& record : run_sweep_job(job, execution, *ranks))
    result.points.push_back(parse_sweep_point_record(record));
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

FamilyOnset family_onset(const std::vector<SweepPoint>& points, SweepFamily family) {
  std::vector<const SweepPoint*> mine;
  for (const SweepPoint& p : points)
    if (p.family == family) mine.push_back(&p);
  std::sort(
      mine.begin(), mine.end(), [](const SweepPoint* a, const SweepPoint* b) { return a->delta_deg < b->delta_deg; });
  FamilyOnset onset;
  onset.family = family;
  onset.grid_points = mine.size();
  for (const SweepPoint* p : mine) {
    if (!onset.first_non_degenerate_deg) {
      if (p->non_degenerate())
        onset.first_non_degenerate_deg = p->delta_deg;
      else
        onset.degenerate_below = true;
    } else if (!p->non_degenerate()) {
      onset.degenerate_above.push_back(p->delta_deg);
    }
  }
  return onset;
}

}  // namespace zg

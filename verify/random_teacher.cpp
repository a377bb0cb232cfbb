// Seeded random teacher directions and signs (verify/random_teacher.hpp). Boost.Random
// distributions are used because their output, unlike std::'s, is the same everywhere.
#include "verify/random_teacher.hpp"

#include <algorithm>
#include <cmath>

#include <boost/math/constants/constants.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>

namespace zg::detail {
namespace {

double degrees(double radians) {
  return radians * 180 / boost::math::constants::pi<double>();
}

// The angle between the lines through the unit vectors u and v: min(angle(u, v), angle(u, -v)).
double line_separation_deg(double abs_dot) {
  return degrees(std::acos(std::min(1.0, abs_dot)));
}

// Whether the lines through u and v are at least min_deg apart. The acos is needed only
// when |u.v| is within 1e-9 of cos(min_deg): elsewhere the comparison of cosines decides
// the same (acos is monotone and its rounding is far below that margin), and it is what
// makes thousands of directions affordable.
bool separated(const std::vector<double>& u, const std::vector<double>& v, double min_deg, double cos_min) {
  double dot = 0;
  for (std::size_t i = 0; i < u.size(); ++i) dot += u[i] * v[i];
  const double abs_dot = std::abs(dot);
  if (abs_dot < cos_min - 1e-9) return true;
  if (abs_dot > cos_min + 1e-9) return false;
  return line_separation_deg(abs_dot) >= min_deg;
}

// A Gaussian vector of length `rank`, normalised; nullopt in the (measure-zero) case that
// every coordinate drawn is zero.
std::optional<std::vector<double>> random_unit_vector(int rank, boost::random::mt19937_64& engine) {
  boost::random::normal_distribution<double> normal;
  std::vector<double> v(static_cast<std::size_t>(rank));
  double norm2 = 0;
  for (double& x : v) {
    x = normal(engine);
    norm2 += x * x;
  }
  if (norm2 == 0) return std::nullopt;
  const double norm = std::sqrt(norm2);
  for (double& x : v) x /= norm;
  return v;
}

}  // namespace

DirectionBudget direction_budget(int width) {
  DirectionBudget b;
  b.draws_per_round = std::max<long>(1000, 10L * width);
  b.max_draws = std::max<long>(100000, 100L * width);
  return b;
}

std::optional<std::vector<std::vector<double>>> separated_random_directions(const SeparatedDirections& request,
                                                                            boost::random::mt19937_64& engine) {
  // Sampled in span(e_1, ..., e_rank) as vectors of length rank, padded with zeros at the end.
  const DirectionBudget budget = direction_budget(request.width);
  const bool check = request.min_separation_deg > 0;  // every pair of lines is >= 0 apart
  const double cos_min = std::cos(request.min_separation_deg * boost::math::constants::pi<double>() / 180);
  double work = 0;  // coordinate products spent on comparisons, against kMaxSeparationWork
  std::vector<std::vector<double>> kept;
  for (long draw = 0; draw < budget.max_draws; ++draw) {
    if (draw % budget.draws_per_round == 0) kept.clear();
    std::optional<std::vector<double>> candidate = random_unit_vector(request.rank, engine);
    if (!candidate) continue;
    if (check) {
      work += static_cast<double>(kept.size()) * request.rank;
      if (work > kMaxSeparationWork) return std::nullopt;
      const bool apart = std::all_of(kept.begin(), kept.end(), [&](const std::vector<double>& u) {
        return separated(u, *candidate, request.min_separation_deg, cos_min);
      });
      if (!apart) continue;
    }
    kept.push_back(std::move(*candidate));
    if (static_cast<int>(kept.size()) < request.width) continue;
    for (std::vector<double>& w : kept) w.resize(static_cast<std::size_t>(request.dimension), 0.0);
    return kept;
  }
  return std::nullopt;
}

std::vector<int> random_signs(int width, boost::random::mt19937_64& engine) {
  boost::random::uniform_int_distribution<int> coin(0, 1);
  std::vector<int> signs;
  for (int i = 0; i < width; ++i) signs.push_back(coin(engine) == 0 ? 1 : -1);
  return signs;
}

}  // namespace zg::detail

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

constexpr int kDrawsPerRound = 1000;

// The angle between the lines through the unit vectors u and v: min(angle(u, v), angle(u, -v)).
double line_separation_deg(const std::vector<double>& u, const std::vector<double>& v) {
  double dot = 0;
  for (std::size_t i = 0; i < u.size(); ++i) dot += u[i] * v[i];
  return std::acos(std::min(1.0, std::abs(dot))) * 180 / boost::math::constants::pi<double>();
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

std::optional<std::vector<std::vector<double>>> separated_random_directions(const SeparatedDirections& request,
                                                                            boost::random::mt19937_64& engine) {
  // Sampled in span(e_1, ..., e_rank) as vectors of length rank, padded with zeros at the end.
  std::vector<std::vector<double>> kept;
  for (int draw = 0; draw < kMaxDirectionDraws; ++draw) {
    if (draw % kDrawsPerRound == 0) kept.clear();
    std::optional<std::vector<double>> candidate = random_unit_vector(request.rank, engine);
    if (!candidate) continue;
    const bool separated = std::all_of(kept.begin(), kept.end(), [&](const std::vector<double>& u) {
      return line_separation_deg(u, *candidate) >= request.min_separation_deg;
    });
    if (!separated) continue;
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

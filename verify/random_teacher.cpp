// Seeded random teacher directions and signs (verify/random_teacher.hpp). Boost.Random
// distributions are used because their output, unlike std::'s, is the same everywhere.
#include "verify/random_teacher.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <unordered_map>

#include <boost/math/constants/constants.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>

namespace zg::detail {
namespace {

double degrees(double radians) {
  return radians * 180 / boost::math::constants::pi<double>();
}

// The angle between the lines through the unit vectors u and v, min(angle(u, v),
// angle(u, -v)), in degrees, as 2 asin(min(|u - v|, |u + v|) / 2): accurate to about
// eps in absolute terms at every angle, where acos(|u.v|) loses half the digits of a
// small one (at 1e-5 deg, 0.4%).
double line_separation_deg(const double* u, const double* v, std::size_t n) {
  double minus = 0, plus = 0;
  for (std::size_t i = 0; i < n; ++i) {
    minus += (u[i] - v[i]) * (u[i] - v[i]);
    plus += (u[i] + v[i]) * (u[i] + v[i]);
  }
  return degrees(2 * std::asin(std::min(1.0, std::sqrt(std::min(minus, plus)) / 2)));
}

// Whether the lines through u and v are at least min_deg apart. The angle is needed only
// when |u.v| is within 1e-9 of cos(min_deg): elsewhere the comparison of cosines decides
// the same (the angle is monotone in |u.v| and the roundings are far below that margin),
// and it is what makes thousands of directions affordable.
bool separated(const double* u, const double* v, std::size_t n, double min_deg, double cos_min) {
  double dot = 0;
  for (std::size_t i = 0; i < n; ++i) dot += u[i] * v[i];
  const double abs_dot = std::abs(dot);
  if (abs_dot < cos_min - 1e-9) return true;
  if (abs_dot > cos_min + 1e-9) return false;
  return line_separation_deg(u, v, n) >= min_deg;
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

// The kept directions by cell of a grid on their first min(rank, 3) coordinates, so a
// candidate is compared only with the directions that can be too close to it. The cell
// side is h = max(2 s, 1e-5), with s = 2 sin(min_deg / 2) the distance of two unit
// vectors min_deg apart, so that the pairs skipped are pairs `separated` accepts. Two
// vectors outside each other's 3^k neighbouring cells are at least h apart (c >= h), so
// |u.v| = 1 - c^2/2 up to 1e-15 of rounding: never above cos_min + 1e-9 = 1 - s^2/2 +
// 1e-9, as c >= 2 s; below cos_min - 1e-9 (accepted) unless h is small, and then the
// angle 2 asin(c / 2) >= 2 asin(h / 2) is at least twice min_deg less a rounding of
// 1e-16 rad, far below min_deg >= 5e-6 rad (h = 2 s >= 1e-5): accepted too. The draws and
// the directions kept are therefore the same as with a comparison against every kept
// direction, at a cost of O(width) comparisons for directions spread over a circle or
// sphere instead of O(width^2).
class CellIndex {
 public:
  CellIndex(int rank, double min_deg)
      : k_(std::min(rank, 3)),
        side_(std::max(4 * std::sin(min_deg * boost::math::constants::pi<double>() / 360), 1e-5)) {}

  void clear() { cells_.clear(); }
  /// Keeps a copy of u in its cell: the directions of a cell lie side by side in memory.
  void insert(const std::vector<double>& u) {
    std::vector<double>& cell = cells_[key(cell_of(u, 1))];
    cell.insert(cell.end(), u.begin(), u.end());
  }

  /// Calls f(w) with the coordinates of every direction kept in a cell next to u's or to
  /// -u's, until f returns false; returns false when it did.
  template <class F>
  bool each_near(const std::vector<double>& u, F&& f) const {
    for (double sign : {1.0, -1.0}) {
      const std::array<long, 3> c = cell_of(u, sign);
      std::array<long, 3> n{};
      for (int code = 0; code < power3(k_); ++code) {
        int rest = code;
        for (int i = 0; i < k_; ++i, rest /= 3)
          n[static_cast<std::size_t>(i)] = c[static_cast<std::size_t>(i)] + rest % 3 - 1;
        const auto found = cells_.find(key(n));
        if (found == cells_.end()) continue;
        const std::vector<double>& cell = found->second;
        for (std::size_t at = 0; at < cell.size(); at += u.size())
          if (!f(&cell[at])) return false;
      }
    }
    return true;
  }

 private:
  static int power3(int k) { return k == 1 ? 3 : k == 2 ? 9 : 27; }

  std::array<long, 3> cell_of(const std::vector<double>& u, double sign) const {
    std::array<long, 3> c{};
    for (int i = 0; i < k_; ++i)
      c[static_cast<std::size_t>(i)] = static_cast<long>(std::floor(sign * u[static_cast<std::size_t>(i)] / side_));
    return c;
  }
  // Coordinates lie in [-1, 1] and side_ >= 1e-5: cell numbers (|n| <= 10^5) fit in 21 bits each.
  static std::uint64_t key(const std::array<long, 3>& c) {
    std::uint64_t k = 0;
    for (long x : c) k = (k << 21) | (static_cast<std::uint64_t>(x + (1L << 20)) & ((1UL << 21) - 1));
    return k;
  }

  int k_;
  double side_;
  std::unordered_map<std::uint64_t, std::vector<double>> cells_;  // rank coordinates per direction
};

}  // namespace

DirectionBudget direction_budget(int width) {
  DirectionBudget b;
  b.draws_per_round = std::max<long>(1000, 10L * width);
  b.max_draws = std::max<long>(100000, 100L * width);
  return b;
}

SeparatedSearch separated_random_directions(const SeparatedDirections& request, boost::random::mt19937_64& engine) {
  // Sampled in span(e_1, ..., e_rank) as vectors of length rank, padded with zeros at the end.
  const DirectionBudget budget = direction_budget(request.width);
  const bool check = request.min_separation_deg > 0;  // every pair of lines is >= 0 apart
  const double cos_min = std::cos(request.min_separation_deg * boost::math::constants::pi<double>() / 180);
  SeparatedSearch out;
  CellIndex index(request.rank, request.min_separation_deg);
  std::vector<std::vector<double>> kept;
  for (long draw = 0; draw < budget.max_draws; ++draw) {
    out.draws = draw + 1;
    if (draw % budget.draws_per_round == 0) {
      kept.clear();
      index.clear();
    }
    std::optional<std::vector<double>> candidate = random_unit_vector(request.rank, engine);
    if (!candidate) continue;
    if (check) {
      bool over_budget = false;
      const bool apart = index.each_near(*candidate, [&](const double* w) {
        out.work += request.rank;
        if (out.work > kMaxSeparationWork) over_budget = true;
        return !over_budget && separated(w, candidate->data(), candidate->size(), request.min_separation_deg, cos_min);
      });
      if (over_budget) {
        out.status = SeparatedSearch::Status::WorkExhausted;
        return out;
      }
      if (!apart) continue;
      index.insert(*candidate);
    }
    kept.push_back(std::move(*candidate));
    if (static_cast<int>(kept.size()) < request.width) continue;
    for (std::vector<double>& w : kept) w.resize(static_cast<std::size_t>(request.dimension), 0.0);
    out.status = SeparatedSearch::Status::Found;
    out.directions = std::move(kept);
    return out;
  }
  out.status = SeparatedSearch::Status::DrawsExhausted;
  return out;
}

std::vector<int> random_signs(int width, boost::random::mt19937_64& engine) {
  boost::random::uniform_int_distribution<int> coin(0, 1);
  std::vector<int> signs;
  for (int i = 0; i < width; ++i) signs.push_back(coin(engine) == 0 ? 1 : -1);
  return signs;
}

}  // namespace zg::detail

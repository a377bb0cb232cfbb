// Random teachers for [teacher.generate] (docs/config.md): seeded unit directions in the
// span of the first `rank` axes, every pair of lines through them at least a given angle
// apart, and seeded random signs. Doubles throughout: the result is the exact
// specification that every working precision then reads.
#pragma once

#include <optional>
#include <vector>

#include <boost/random/mersenne_twister.hpp>

namespace zg::detail {

struct SeparatedDirections {
  int dimension = 0;              ///< d, length of each direction
  int width = 0;                  ///< m*, number of directions
  int rank = 0;                   ///< directions lie in span(e_1, ..., e_rank), 1 <= rank <= d
  double min_separation_deg = 0;  ///< min over pairs of min(angle(u, v), angle(u, -v)), in [0, 90]
};

/// How long separated_random_directions searches for `width` directions: rounds of
/// max(1000, 10 width) draws, each starting from nothing (early choices can block the
/// rest), and max(100000, 100 width) draws in all.
struct DirectionBudget {
  long draws_per_round = 0;
  long max_draws = 0;
};
DirectionBudget direction_budget(int width);

/// Upper bound on the work of the separation test, in coordinate products (rank per
/// comparison of a candidate with a kept direction): about a second. A grid of cells on
/// the first min(rank, 3) coordinates limits the comparisons to kept directions near the
/// candidate, so in rank 2 and 3 a width of 10^6 well below the packing limit costs some
/// 10^8; in higher rank the grid prunes less, and a width of w costs up to w^2 rank / 2.
inline constexpr double kMaxSeparationWork = 1e9;

/// What a search found, and what it spent.
struct SeparatedSearch {
  enum class Status {
    Found,           ///< `directions` holds width unit vectors of length dimension
    DrawsExhausted,  ///< direction_budget's draws ran out: the separation is too large for the width
    WorkExhausted,   ///< kMaxSeparationWork ran out: too many close comparisons
  };
  Status status = Status::DrawsExhausted;
  std::vector<std::vector<double>> directions;
  long draws = 0;   ///< candidates drawn
  double work = 0;  ///< coordinate products spent on comparisons
};

/// Rejection sampling: a candidate (Gaussian in the first `rank` coordinates, normalised
/// in double) is kept when it is separated from every direction kept so far; with
/// min_separation_deg = 0 every candidate is. Stops at the first full set, or when
/// direction_budget's draws or kMaxSeparationWork run out.
SeparatedSearch separated_random_directions(const SeparatedDirections& request, boost::random::mt19937_64& engine);

/// `width` independent fair signs, +1 or -1.
std::vector<int> random_signs(int width, boost::random::mt19937_64& engine);

}  // namespace zg::detail

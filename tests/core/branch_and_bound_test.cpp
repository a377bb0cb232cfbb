// Tests for core/branch_and_bound.hpp with toy evaluators whose answers are known exactly
// (bounds of x^2 + y^2 over a box, computed in doubles on dyadic corners): the leaves tile
// the roots in tree order, runs are deterministic, a violation stops the run, the
// smallest width and the budgets are reported, and the coordinate choice is as stated.
#include "core/branch_and_bound.hpp"

#include <algorithm>
#include <cmath>

#include <catch2/catch.hpp>

using namespace zg::bnb;

namespace {

// max of x^2 + y^2 over the box (exact for dyadic corners of [-1, 1]^2 at these depths).
double max_norm2(const Box& b) {
  double s = 0;
  for (const Range& r : b) s += std::max(r.lo * r.lo, r.hi * r.hi);
  return s;
}
double min_norm2(const Box& b) {
  double s = 0;
  for (const Range& r : b)
    if (r.lo > 0 || r.hi < 0) s += std::min(r.lo * r.lo, r.hi * r.hi);
  return s;
}

// "x^2 + y^2 <= limit", proved where the box's maximum is below it, violated where its
// minimum is above.
Evaluator disc_evaluator(double limit) {
  return [limit](std::size_t, const Box& b, unsigned) -> Verdict {
    if (max_norm2(b) <= limit) return Proved{max_norm2(b), 1, 7};
    if (min_norm2(b) > limit) return Violated{min_norm2(b) - limit, std::nullopt};
    return Split{-1, max_norm2(b) - limit};
  };
}

std::vector<Root> square_roots() { return {{1, {{-1, 1}, {-1, 1}}}, {2, {{-1, 1}, {-1, 1}}}}; }

double volume(const Box& b) {
  double v = 1;
  for (const Range& r : b) v *= r.width();
  return v;
}

}  // namespace

TEST_CASE("a true claim is proved; the leaves tile each root in tree order", "[branch_and_bound]") {
  const Result r = run(square_roots(), disc_evaluator(2.0), Options{});
  REQUIRE(r.outcome == Outcome::Proved);
  CHECK(r.statistics.fraction_proved == 1.0);
  CHECK(r.statistics.unsettled == 0);
  CHECK(r.open.empty());
  // The claim holds everywhere on [-1, 1]^2 (max 2): the roots are leaves themselves.
  REQUIRE(r.leaves.size() == 2);
  CHECK(r.leaves[0].root == 0);
  CHECK(r.leaves[1].root == 1);
  CHECK(r.leaves[0].proof.method == 1);
  CHECK(r.leaves[0].proof.index == 7);
}

TEST_CASE("leaves of a proved cover add up to the roots and come in tree order", "[branch_and_bound]") {
  // Claim: x + y <= 2.5 on [0, 1]^2 after requiring boxes of width <= 1/8 (a toy
  // evaluator that splits until then and proves everything).
  const Evaluator fine = [](std::size_t, const Box& b, unsigned) -> Verdict {
    if (b[0].width() <= 0.125 && b[1].width() <= 0.125) return Proved{b[0].hi + b[1].hi, 0, -1};
    return Split{};
  };
  const std::vector<Root> roots = {{5, {{0, 1}, {0, 1}}}};
  const Result r = run(roots, fine, Options{});
  REQUIRE(r.outcome == Outcome::Proved);
  REQUIRE(r.leaves.size() == 64);
  double v = 0;
  for (const Leaf& l : r.leaves) v += volume(l.box);
  CHECK(v == 1.0);
  CHECK(r.statistics.max_depth == 6);
  CHECK(r.statistics.boxes == 127);  // a full binary tree with 64 leaves
  // Tree order: the first leaf is the lower corner, the last the upper corner.
  CHECK(r.leaves.front().box[0].lo == 0);
  CHECK(r.leaves.front().box[1].lo == 0);
  CHECK(r.leaves.back().box[0].hi == 1);
  CHECK(r.leaves.back().box[1].hi == 1);
  // Deterministic: the same answers give the same leaves.
  const Result again = run(roots, fine, Options{});
  REQUIRE(again.leaves.size() == r.leaves.size());
  for (std::size_t k = 0; k < r.leaves.size(); ++k)
    for (std::size_t c = 0; c < 2; ++c) {
      CHECK(again.leaves[k].box[c].lo == r.leaves[k].box[c].lo);
      CHECK(again.leaves[k].box[c].hi == r.leaves[k].box[c].hi);
    }
}

TEST_CASE("a violation stops the run with its box", "[branch_and_bound]") {
  // x^2 + y^2 <= 0.5 fails near the corners; the first violating box is reported.
  const Result r = run(square_roots(), disc_evaluator(0.5), Options{});
  REQUIRE(r.outcome == Outcome::Violated);
  REQUIRE(r.witness);
  CHECK(r.witness_lower > 0);
  CHECK(min_norm2(r.witness->box) > 0.5);
  CHECK(r.statistics.fraction_proved < 1);
}

TEST_CASE("a box that cannot be settled is refused at the smallest width", "[branch_and_bound]") {
  // "x < 0.5" on [0, 1] with a boundary at an exact dyadic: the box touching 0.5 from the
  // left never proves (sup = 0.5) and never violates; it is halved to 2^-50 and reported.
  const Evaluator strict = [](std::size_t, const Box& b, unsigned) -> Verdict {
    if (b[0].hi < 0.5) return Proved{b[0].hi, 0, -1};
    if (b[0].lo >= 0.5) return Violated{b[0].lo - 0.5, std::nullopt};
    return Split{0, b[0].hi - 0.5};
  };
  Options o;
  o.min_width = 0x1p-20;
  const Result r = run({{1, {{0, 0.5}}}}, strict, o);
  CHECK(r.outcome == Outcome::Budget);
  CHECK(r.statistics.unsettled == 1);
  REQUIRE(r.statistics.hardest);
  CHECK(r.statistics.hardest->box[0].hi == 0.5);
  CHECK(r.statistics.hardest->box[0].width() < 0x1p-20);
  CHECK(r.statistics.fraction_proved > 1 - 0x1p-19);
  CHECK(r.statistics.fraction_proved < 1);
}

TEST_CASE("budgets end the run and leave the rest open", "[branch_and_bound]") {
  Options o;
  o.max_boxes = 10;
  std::size_t calls = 0;
  o.progress_every = 5;
  o.progress = [&calls](const Progress&) { ++calls; };
  const Evaluator never = [](std::size_t, const Box& b, unsigned) -> Verdict { return Split{-1, b[0].hi}; };
  const Result r = run(square_roots(), never, o);
  CHECK(r.outcome == Outcome::Budget);
  CHECK(r.statistics.boxes == 10);
  CHECK(calls == 2);
  CHECK_FALSE(r.open.empty());
  REQUIRE(r.statistics.hardest);
  // The second root was never started: it is open as a whole.
  const bool second_open = std::any_of(r.open.begin(), r.open.end(), [](const OpenBox& b) { return b.root == 1; });
  CHECK(second_open);
}

TEST_CASE("the default split coordinate is the widest relative to its root", "[branch_and_bound]") {
  const Box root = {{0, 1}, {-1, 1}};
  CHECK(widest_relative_coordinate(root, root) == 0);                        // equal ratios: the lowest index
  CHECK(widest_relative_coordinate({{0, 0.5}, {-1, 1}}, root) == 1);
  CHECK(widest_relative_coordinate({{0, 0.5}, {-1, -0.5}}, root) == 0);      // 1/2 against 1/4
  CHECK(relative_volume({{0, 0.5}, {-1, 0}}, root) == 0.25);
}

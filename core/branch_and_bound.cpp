// The depth-first branch-and-bound engine (core/branch_and_bound.hpp).
#include "core/branch_and_bound.hpp"

#include <chrono>
#include <cmath>
#include <limits>

namespace zg::bnb {
namespace {

// True when (lo + hi) / 2 is a double strictly between lo and hi and equal to the exact
// midpoint (Knuth's two-sum: the rounding error of lo + hi is zero, and halving is exact
// away from the subnormals).
bool exact_midpoint(const Range& r, double& mid) {
  const double s = r.lo + r.hi;
  const double bb = s - r.lo;
  const double err = (r.lo - (s - bb)) + (r.hi - bb);
  if (err != 0 || !std::isfinite(s)) return false;
  mid = s / 2;
  if (mid * 2 != s) return false;  // halving lost a bit (subnormal)
  return r.lo < mid && mid < r.hi;
}

struct Entry {
  Box box;
  unsigned depth;
  double upper;  // the parent's upper bound (+inf for a root)
};

}  // namespace

int widest_relative_coordinate(const Box& box, const Box& root) {
  int best = 0;
  double best_ratio = -1;
  for (std::size_t k = 0; k < box.size(); ++k) {
    const double w = root[k].width();
    const double ratio = w > 0 ? box[k].width() / w : 0;
    if (ratio > best_ratio) {
      best_ratio = ratio;
      best = static_cast<int>(k);
    }
  }
  return best;
}

double relative_volume(const Box& box, const Box& root) {
  double v = 1;
  for (std::size_t k = 0; k < box.size(); ++k) {
    const double w = root[k].width();
    if (w > 0) v *= box[k].width() / w;
  }
  return v;
}

Result run(const std::vector<Root>& roots, const Evaluator& evaluate, const Options& options) {
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&start] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  Result result;
  Statistics& stats = result.statistics;
  const double inf = std::numeric_limits<double>::infinity();
  const double root_count = static_cast<double>(roots.size());
  double proved_volume = 0;  // in units of one root's volume
  bool budget_hit = false;
  auto note_open = [&](std::size_t root, Box box, double upper) {
    OpenBox open{root, std::move(box), upper};
    if (!stats.hardest || upper > stats.hardest->upper) stats.hardest = open;
    result.open.push_back(std::move(open));
  };

  for (std::size_t r = 0; r < roots.size(); ++r) {
    const Box& root = roots[r].box;
    std::vector<Entry> stack;
    stack.push_back({root, 0, inf});
    while (!stack.empty()) {
      if (budget_hit || stats.boxes >= options.max_boxes || elapsed() > options.max_seconds) {
        budget_hit = true;
        for (Entry& e : stack) note_open(r, std::move(e.box), e.upper);
        stack.clear();
        break;
      }
      Entry entry = std::move(stack.back());
      stack.pop_back();
      ++stats.boxes;
      if (entry.depth > stats.max_depth) stats.max_depth = entry.depth;
      if (options.progress && options.progress_every > 0 && stats.boxes % options.progress_every == 0)
        options.progress({stats.boxes, result.leaves.size(), elapsed(), proved_volume / root_count});

      const Verdict verdict = evaluate(r, entry.box, entry.depth);
      if (const Proved* p = std::get_if<Proved>(&verdict)) {
        proved_volume += relative_volume(entry.box, root);
        result.leaves.push_back({r, std::move(entry.box), entry.depth, *p});
        continue;
      }
      if (const Violated* v = std::get_if<Violated>(&verdict)) {
        result.outcome = Outcome::Violated;
        result.witness = OpenBox{r, std::move(entry.box), v->lower};
        result.witness_lower = v->lower;
        stats.seconds = elapsed();
        stats.fraction_proved = proved_volume / root_count;
        return result;
      }
      const Split& s = std::get<Split>(verdict);
      const int k = s.coordinate >= 0 && s.coordinate < static_cast<int>(entry.box.size())
                        ? s.coordinate
                        : widest_relative_coordinate(entry.box, root);
      const Range& range = entry.box[static_cast<std::size_t>(k)];
      double mid = 0;
      if (range.width() < options.min_width || !exact_midpoint(range, mid)) {
        ++stats.unsettled;
        note_open(r, std::move(entry.box), s.upper);
        if (options.stop_at_unsettled) budget_hit = true;
        continue;
      }
      Entry upper_half{entry.box, entry.depth + 1, s.upper};
      upper_half.box[static_cast<std::size_t>(k)].lo = mid;
      Entry lower_half{std::move(entry.box), entry.depth + 1, s.upper};
      lower_half.box[static_cast<std::size_t>(k)].hi = mid;
      stack.push_back(std::move(upper_half));
      stack.push_back(std::move(lower_half));  // processed first: leaves in tree order
    }
    if (budget_hit) {
      // The roots not started are open as a whole.
      for (std::size_t later = r + 1; later < roots.size(); ++later) note_open(later, roots[later].box, inf);
      break;
    }
  }
  stats.seconds = elapsed();
  stats.fraction_proved = proved_volume / root_count;
  result.outcome = (budget_hit || stats.unsettled > 0) ? Outcome::Budget : Outcome::Proved;
  return result;
}

}  // namespace zg::bnb

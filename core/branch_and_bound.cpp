// The depth-first branch-and-bound engine (core/branch_and_bound.hpp).
#include "core/branch_and_bound.hpp"

#include <algorithm>
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
  std::size_t root;
  Box box;
  unsigned depth;
  double upper;        // the parent's upper bound (+inf for a root)
  std::size_t order;   // creation number: the tie-break of the hunt
};

// Max-heap order for the hunt: larger upper first, then earlier made.
struct HuntLess {
  bool operator()(const Entry& a, const Entry& b) const {
    if (a.upper != b.upper) return a.upper < b.upper;
    return a.order > b.order;
  }
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
  std::size_t made = 0;
  auto note_open = [&](std::size_t root, Box box, double upper) {
    ++stats.open;
    if (!stats.hardest || upper > stats.hardest->upper) stats.hardest = OpenBox{root, box, upper};
    if (result.open.size() < options.max_open_kept) result.open.push_back({root, std::move(box), upper});
  };
  auto finish = [&](Outcome outcome) {
    stats.seconds = elapsed();
    stats.fraction_proved = proved_volume / root_count;
    result.outcome = outcome;
    return result;
  };

  // Depth first: one stack, the roots pushed in reverse so that root 0 comes first.
  // The hunt: a heap of the same entries.
  std::vector<Entry> work;
  for (std::size_t r = roots.size(); r-- > 0;) work.push_back({r, roots[r].box, 0, inf, made++});
  bool hunting = options.order == Order::LargestUpperFirst;
  if (hunting) std::make_heap(work.begin(), work.end(), HuntLess{});
  stats.hunted = hunting;
  bool budget_hit = false;
  while (!work.empty()) {
    if (stats.boxes >= options.max_boxes || elapsed() > options.max_seconds) {
      budget_hit = true;
      break;
    }
    Entry entry;
    if (hunting) {
      std::pop_heap(work.begin(), work.end(), HuntLess{});
    }
    entry = std::move(work.back());
    work.pop_back();
    ++stats.boxes;
    if (entry.depth > stats.max_depth) stats.max_depth = entry.depth;
    if (options.progress && options.progress_every > 0 && stats.boxes % options.progress_every == 0)
      options.progress({stats.boxes, result.leaves.size(), elapsed(), proved_volume / root_count});

    const Box& root = roots[entry.root].box;
    const Verdict verdict = evaluate(entry.root, entry.box, entry.depth);
    if (const Proved* p = std::get_if<Proved>(&verdict)) {
      proved_volume += relative_volume(entry.box, root);
      result.leaves.push_back({entry.root, std::move(entry.box), entry.depth, *p});
      continue;
    }
    if (const Violated* v = std::get_if<Violated>(&verdict)) {
      result.witness = OpenBox{entry.root, v->within ? *v->within : std::move(entry.box), v->lower};
      result.witness_lower = v->lower;
      return finish(Outcome::Violated);
    }
    const Split& s = std::get<Split>(verdict);
    const int k = s.coordinate >= 0 && s.coordinate < static_cast<int>(entry.box.size())
                      ? s.coordinate
                      : widest_relative_coordinate(entry.box, root);
    const Range& range = entry.box[static_cast<std::size_t>(k)];
    double mid = 0;
    if (range.width() < options.min_width || !exact_midpoint(range, mid)) {
      ++stats.unsettled;
      note_open(entry.root, std::move(entry.box), s.upper);
      if (options.stop_at_unsettled) {
        budget_hit = true;
        break;
      }
      if (!hunting && options.hunt_after_unsettled) {
        hunting = true;
        stats.hunted = true;
        std::make_heap(work.begin(), work.end(), HuntLess{});
      }
      continue;
    }
    Entry upper_half{entry.root, entry.box, entry.depth + 1, s.upper, made++};
    upper_half.box[static_cast<std::size_t>(k)].lo = mid;
    Entry lower_half{entry.root, std::move(entry.box), entry.depth + 1, s.upper, made++};
    lower_half.box[static_cast<std::size_t>(k)].hi = mid;
    work.push_back(std::move(upper_half));
    if (hunting) std::push_heap(work.begin(), work.end(), HuntLess{});
    work.push_back(std::move(lower_half));  // depth first: processed first, leaves in tree order
    if (hunting) std::push_heap(work.begin(), work.end(), HuntLess{});
  }
  for (Entry& e : work) note_open(e.root, std::move(e.box), e.upper);
  return finish((budget_hit || stats.unsettled > 0 || stats.open > 0) ? Outcome::Budget : Outcome::Proved);
}

}  // namespace zg::bnb

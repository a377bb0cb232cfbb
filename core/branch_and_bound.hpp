// One branch-and-bound engine for every interval proof of docs/proofs.md: the main cover
// of the sphere or ball, the cap pieces and the strip pieces. A box is a product of
// ranges with exact double endpoints; a box is halved at the exact midpoint of one
// coordinate, so each root's leaves form a binary tree the checker can rebuild.
//
// The engine knows nothing of the mathematics: an evaluator answers each box with a
// verdict (proved, with the bound it proved; violated, with a proved lower bound; or
// split). Its guarantee is bookkeeping only: the returned leaves are exactly the boxes
// the evaluator proved, they tile the roots that were finished, and the statistics count
// what was done.
//
// Worklist order: depth first (a stack; the lower half of a split first) while a proof is
// possible. Justification: a proof must settle every box, so the order does not change the
// work when it succeeds; depth first needs memory proportional to the depth only, emits
// each root's leaves in tree order (what the certificate stores and the checker
// rebuilds), and is deterministic. Once a proof is impossible (a box was refused at the
// smallest width) only a violation can still be found, and depth first would spend the
// budget on the undecidable neighbourhood of that box: the engine then switches to
// largest upper bound first over everything left (Options::hunt_after_unsettled), which
// goes where the excess is largest. A run may also be a hunt from the start
// (Order::LargestUpperFirst): a cheap look for a violation before a proof is attempted.
// Ties in the upper bound are broken by the order boxes were made (deterministic).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <variant>
#include <vector>

namespace zg::bnb {

/// [lo, hi], exact doubles, lo <= hi.
struct Range {
  double lo = 0, hi = 0;
  double width() const { return hi - lo; }
  /// The exact midpoint (lo + hi) / 2 (exact for doubles of equal exponent range; the
  /// engine checks that it lies strictly inside before splitting).
  double mid() const { return lo / 2 + hi / 2; }
};
using Box = std::vector<Range>;

/// The evaluator proved the box. `bound`: the proved bound of the quantity (rounded
/// outward to a double, for the certificate and the statistics); `second`: a second
/// proved number the evaluator wants recorded (0 if none); `method`, `index`: the
/// evaluator's own tags. All stored with the leaf; the engine does not read them.
struct Proved {
  double bound = 0;
  int method = 0;
  int index = -1;
  double second = 0;
};
/// The evaluator proved the claim false on the box, or on `within`, a box inside it (a
/// node of its halving tree, say): `lower`, a proved lower bound of the excess, rounded
/// down. The run stops.
struct Violated {
  double lower = 0;
  std::optional<Box> within;
};
/// Neither: halve the box. `coordinate` < 0 lets the engine choose (the coordinate widest
/// relative to its root's width; the lowest index among equals). `upper`: the upper
/// bound seen on this box, for the statistics (+inf when unknown).
struct Split {
  int coordinate = -1;
  double upper = 0;
};
using Verdict = std::variant<Proved, Violated, Split>;

/// A root box and the caller's tag for it (a face, say).
struct Root {
  int tag = 0;
  Box box;
};

/// A proved box: its root's index in the root list, the box, and the evaluator's verdict.
struct Leaf {
  std::size_t root = 0;
  Box box;
  unsigned depth = 0;
  Proved proof;
};

/// A box the engine gave up on: refused at the smallest width, or left over when the
/// budget ran out. `upper`: the upper bound its evaluation (or its parent's) reported.
struct OpenBox {
  std::size_t root = 0;
  Box box;
  double upper = 0;
};

struct Progress {
  std::size_t boxes = 0;
  std::size_t leaves = 0;
  double seconds = 0;
  double fraction_proved = 0;
};

enum class Order { DepthFirst, LargestUpperFirst };

struct Options {
  Order order = Order::DepthFirst;
  /// After the first unsettled box, go on largest upper bound first (see above).
  bool hunt_after_unsettled = true;
  /// At most this many open boxes are kept in Result::open (all are counted).
  std::size_t max_open_kept = 1000;
  std::size_t max_boxes = 10'000'000;  ///< budget: evaluator calls
  double max_seconds = 600;            ///< budget: wall time, checked before every box
  /// A box is never halved below this width in any coordinate (2^-50: a double midpoint
  /// of [-1, 1]-sized boxes stays exact far beyond it); such a box is reported unsettled.
  double min_width = 0x1p-50;
  /// Called every `progress_every` boxes (0: never).
  std::function<void(const Progress&)> progress;
  std::size_t progress_every = 0;
  /// Stop at the first unsettled box instead of going on (a proof is then impossible;
  /// going on can still find a violation, which is more informative).
  bool stop_at_unsettled = false;
};

enum class Outcome { Proved, Violated, Budget };

struct Statistics {
  std::size_t boxes = 0;         ///< evaluator calls
  unsigned max_depth = 0;        ///< deepest box evaluated
  double seconds = 0;
  double fraction_proved = 0;    ///< volume of the leaves / volume of the roots (chart volume)
  std::size_t unsettled = 0;     ///< boxes refused at min_width
  std::size_t open = 0;          ///< unsettled and left-over boxes, all counted
  bool hunted = false;           ///< the run went on largest upper bound first
  std::optional<OpenBox> hardest;  ///< the open box with the largest upper bound
};

struct Result {
  Outcome outcome = Outcome::Budget;
  /// In order of the roots, each root's in tree order (depth first only; after a hunt
  /// began they are in the order proved: a hunt's outcome is never Proved).
  std::vector<Leaf> leaves;
  std::optional<OpenBox> witness;       ///< Violated: the box, `upper` holding the lower bound
  double witness_lower = 0;             ///< Violated: the proved lower bound
  std::vector<OpenBox> open;            ///< unsettled and left-over boxes (Budget), the first max_open_kept
  Statistics statistics;
};

/// The evaluator: the root index, the box and its depth below the root.
using Evaluator = std::function<Verdict(std::size_t root, const Box& box, unsigned depth)>;

/// Runs the roots in order, depth first (or as Options say). Proved: every box of every root was proved.
/// Violated: the evaluator said so (the run stops there). Budget: boxes or seconds ran
/// out, or some box was unsettled at min_width. Deterministic: the same evaluator
/// answers give the same result (seconds aside; a time budget makes the cut point
/// depend on the machine).
Result run(const std::vector<Root>& roots, const Evaluator& evaluate, const Options& options);

/// The coordinate run() halves when the evaluator does not name one: the widest relative
/// to the root's width (the lowest index among equals). Exact.
int widest_relative_coordinate(const Box& box, const Box& root);

/// Volume of a box relative to a root box (product of width ratios). Estimate (double).
double relative_volume(const Box& box, const Box& root);

}  // namespace zg::bnb

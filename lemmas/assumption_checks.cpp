// A1 (docs/math.md §4, §6): the assumption audit of the configured teacher and student at the
// working precision. Norms and weights are read from the specification as written; the
// separation and rank from the teacher build_teacher makes, the one every claim uses.
#include "lemmas/assumption_checks.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>
#include <variant>

#include "lemmas/check_ledger.hpp"

namespace zg {
namespace {

// One direction normalised twice (as (1,2,3) and (3,6,9)) can come out different in the
// last bits: the norm's d roundings, its square root and the division move each
// coordinate by up to about (d + 4) eps. Four times that, in radians, is an angle that is
// zero to working precision.
Mp degenerate_angle(Eigen::Index d) {
  return 4 * Mp(d + 4) * working_eps<Mp>();
}

Mp degrees(const Mp& radians) {
  return radians * 180 / pi<Mp>();
}

// Neurons are numbered from 1 in explanations, as in the paper.
std::string index_text(Eigen::Index i) {
  return std::to_string(i + 1);
}

Eigen::Index width_of(const TeacherSpec& spec) {
  if (const auto* planar = std::get_if<PlanarDirections>(&spec.directions))
    return static_cast<Eigen::Index>(planar->angles_deg.size());
  return static_cast<Eigen::Index>(std::get<ExplicitDirections>(spec.directions).directions.size());
}

Eigen::Index width_of(const StudentSpec& spec) {
  if (const auto* given = std::get_if<ExplicitStudent>(&spec))
    return static_cast<Eigen::Index>(given->directions.size());
  return std::get<NearTeacherStudent>(spec).width;
}

// The pair of teacher directions closest up to sign.
struct ClosestPair {
  Mp angle;  // radians, in [0, pi/2]
  Eigen::Index i = 0, j = 0;
  bool antipodal = false;  // the nearest of +-w_j* is -w_j*
};

// The rows of W with a nonzero entry. The others add nothing to a dot product, a distance
// or a singular value, so the pairwise work is m*^2 r for teachers whose span is
// coordinate-aligned (angles_deg, [teacher.generate]) instead of m*^2 d.
std::vector<Eigen::Index> support_rows(const Mat<Mp>& W) {
  std::vector<Eigen::Index> rows;
  for (Eigen::Index k = 0; k < W.rows(); ++k) {
    bool nonzero = false;
    for (Eigen::Index i = 0; i < W.cols() && !nonzero; ++i) nonzero = W(k, i) != 0;
    if (nonzero) rows.push_back(k);
  }
  return rows;
}

// The screening pass of closest_pair, in double: the 2 m* points +-w_i* (rounded to double
// on the support rows) sorted by their projection x on a fixed unit vector. Two points
// closer than c differ in x by less than c (|v| = 1), so a sweep in x order stops a
// point's scan once x has moved on by more than the distance still of interest; for
// directions spread over a sphere this visits O(m*) pairs, never more than the m*^2
// pairs of the plain double loop.
class LineSweep {
  struct Point {
    double x;
    Eigen::Index direction;
    bool negated;
  };

 public:
  explicit LineSweep(const Mat<Mp>& W) : r_(0), m_(W.cols()) {
    const std::vector<Eigen::Index> rows = support_rows(W);
    r_ = static_cast<Eigen::Index>(rows.size());
    // v_k proportional to 1 / sqrt(k + 2): no coordinate axis or diagonal is orthogonal to
    // it, so teachers laid out in a coordinate plane do not all share one x.
    std::vector<double> v(static_cast<std::size_t>(r_));
    double v_norm2 = 0;
    for (std::size_t k = 0; k < v.size(); ++k) {
      v[k] = 1 / std::sqrt(static_cast<double>(k) + 2);
      v_norm2 += v[k] * v[k];
    }
    for (double& vk : v) vk /= std::sqrt(v_norm2);
    coords_.resize(static_cast<std::size_t>(2 * m_ * r_));
    points_.resize(static_cast<std::size_t>(2 * m_));
    for (Eigen::Index i = 0; i < m_; ++i) {
      double x = 0;
      for (Eigen::Index k = 0; k < r_; ++k) {
        // Screening only: the decision is taken on W itself, in closest_pair.
        const double c = static_cast<double>(W(rows[static_cast<std::size_t>(k)], i));
        coords_[static_cast<std::size_t>(i * r_ + k)] = c;
        x += v[static_cast<std::size_t>(k)] * c;
      }
      points_[static_cast<std::size_t>(2 * i)] = Point{x, i, false};
      points_[static_cast<std::size_t>(2 * i + 1)] = Point{-x, i, true};
    }
    std::sort(points_.begin(), points_.end(), [](const Point& a, const Point& b) { return a.x < b.x; });
    // Each double coordinate is within eps/2 (relative) of W's, the distance of the
    // rounded points is computed with r + 2 roundings and the projection x with r + 1,
    // all on vectors of norm about 1: every computed distance and x is within
    // (r + 4) eps of its value for W. Eight times that bounds both with room.
    tolerance_ = 8 * static_cast<double>(r_ + 4) * std::numeric_limits<double>::epsilon();
  }

  /// The error bound of distance() and of the projections, as above.
  double tolerance() const { return tolerance_; }

  /// min over i != j of the computed distance between +-w_i* and +-w_j*.
  double min_distance() const {
    double best = std::numeric_limits<double>::infinity();
    visit([&] { return best; }, [&](const Point&, const Point&, double dist) { best = std::min(best, dist); });
    return best;
  }

  /// Calls f(i, j) for every pair i < j whose computed distance between the lines is at
  /// most `bound`: once for +w_i* against the nearer of +-w_j*, and once more when the
  /// farther one is within `bound` too.
  template <class F>
  void pairs_within(double bound, F&& f) const {
    visit([bound] { return bound; },
          [&](const Point& p, const Point& q, double dist) {
            // {p, q} and {-p, -q} are at the same distance: take the one with +w_i*.
            const Point& first = p.direction < q.direction ? p : q;
            const Point& second = p.direction < q.direction ? q : p;
            if (dist <= bound && !first.negated) f(first.direction, second.direction);
          });
  }

 private:
  // ||p - q|| for the points p = +-w_i*, q = +-w_j* of two entries.
  double distance(const Point& p, const Point& q) const {
    const double* a = &coords_[static_cast<std::size_t>(p.direction * r_)];
    const double* b = &coords_[static_cast<std::size_t>(q.direction * r_)];
    const double sign = p.negated == q.negated ? 1 : -1;
    double sum = 0;
    for (Eigen::Index k = 0; k < r_; ++k) {
      const double diff = a[k] - sign * b[k];
      sum += diff * diff;
    }
    return std::sqrt(sum);
  }

  // Every pair of points of different directions whose x differ by at most
  // reach() + tolerance (then their distance may be within reach()).
  template <class Reach, class F>
  void visit(Reach&& reach, F&& f) const {
    for (std::size_t a = 0; a < points_.size(); ++a) {
      for (std::size_t b = a + 1; b < points_.size(); ++b) {
        if (points_[b].x - points_[a].x > reach() + 2 * tolerance_) break;
        if (points_[a].direction == points_[b].direction) continue;
        f(points_[a], points_[b], distance(points_[a], points_[b]));
      }
    }
  }

  Eigen::Index r_;
  Eigen::Index m_;
  std::vector<double> coords_;  // direction i's support coordinates at [i r, (i + 1) r)
  std::vector<Point> points_;   // +-w_i*, by increasing x
  double tolerance_ = 0;
};

// The closest pair up to sign, decided at working precision: the double sweep finds the
// least distance c_min between lines; every pair whose computed distance is within
// 2 tolerance of it (the true closest pair among them, as its distance is at most c_min +
// tolerance while its computed one is at least that less tolerance) is measured by
// separation_angle on W. Ties go to the first pair (i, j) in lexicographic order, as in
// a plain loop over i < j.
ClosestPair closest_pair(const Mat<Mp>& W) {
  const LineSweep sweep(W);
  const double bound = sweep.min_distance() + 2 * sweep.tolerance();
  ClosestPair best;
  best.angle = pi<Mp>();  // above every separation, so the first pair replaces it
  sweep.pairs_within(bound, [&](Eigen::Index i, Eigen::Index j) {
    const Mp angle = separation_angle(W.col(i), W.col(j));
    const bool earlier = i < best.i || (i == best.i && j < best.j);
    if (angle < best.angle || (angle == best.angle && earlier))
      best = ClosestPair{angle, i, j, W.col(i).dot(W.col(j)) < 0};
  });
  return best;
}

void audit_separation(const Mat<Mp>& W,
                      const AssumptionOptions& options,
                      CheckLedger& ledger,
                      std::vector<Measurement>& ms) {
  if (W.cols() < 2) {
    ledger.require("separation", true, "a single direction has no pair to separate");
    return;
  }
  const ClosestPair c = closest_pair(W);
  const Mp delta_deg = degrees(c.angle);
  ms.push_back(
      measurement("separation_deg", delta_deg, "Δ = min over i != j of the angle between w_i* and ±w_j*", "deg"));
  const std::string pair = "w_" + index_text(c.i) + "* and " + (c.antipodal ? "-" : "") + "w_" + index_text(c.j) + "*";
  if (c.angle <= degenerate_angle(W.rows())) {
    ledger.require("separation",
                   false,
                   pair + " coincide to working precision (Δ = " + short_decimal(delta_deg) +
                       " deg): duplicate or antipodal directions make the certificate system singular");
    return;
  }
  const std::string found = "Δ = " + short_decimal(delta_deg) + " deg, between " + pair;
  if (options.min_separation_deg <= 0) {
    ledger.require("separation", true, found + ", is nonzero to working precision");
    return;
  }
  const Mp floor(options.min_separation_deg);
  const bool ok = delta_deg >= floor;
  ledger.require(
      "separation", ok, found + (ok ? ", >= " : ", < ") + "the required minimum " + short_decimal(floor) + " deg");
}

void audit_rank(const Mat<Mp>& W, unsigned digits, CheckLedger& ledger, std::vector<Measurement>& ms) {
  const Eigen::Index r = numerical_rank(W, digits), d = W.rows();
  ms.push_back(count_measurement("teacher_rank", r, "r = dim span{w_i*}, numerical rank at 10^-(digits/2)"));
  ms.push_back(count_measurement("dimension", d, "d, the input dimension"));
  const std::string rd = "r = " + std::to_string(r) + ", d = " + std::to_string(d);
  ledger.require("rank",
                 true,
                 r < d ? rd + ": the certificate's domain is the unit ball of the r-dimensional span (docs/math.md §4)"
                       : rd + ": the certificate's domain is the unit sphere (docs/math.md §4)");
}

// Separation and rank, on the teacher every other claim builds.
void audit_geometry(const ProblemSpec& problem,
                    unsigned digits,
                    const AssumptionOptions& options,
                    CheckLedger& ledger,
                    std::vector<Measurement>& ms) {
  const Network<Mp> teacher = build_teacher<Mp>(problem.teacher);
  if (teacher.width() < 1) {
    ledger.require("teacher", false, "the teacher has no neurons");
    return;
  }
  audit_separation(teacher.W, options, ledger, ms);
  audit_rank(teacher.W, digits, ledger, ms);
}

void audit_weights(const TeacherSpec& spec, CheckLedger& ledger, std::vector<Measurement>& ms) {
  if (spec.weights.empty()) return;  // no neurons: audit_geometry has said so
  std::string bad;
  Mp lo(0), hi(0);
  for (std::size_t i = 0; i < spec.weights.size(); ++i) {
    const Mp a = spec.weights[i].as<Mp>();
    if (!isfinite(a) || a == 0)
      bad += (bad.empty() ? "a_" : ", a_") + index_text(static_cast<Eigen::Index>(i)) + "* = " + short_decimal(a);
    const Mp size = abs(a);
    if (i == 0 || size < lo) lo = size;
    if (i == 0 || size > hi) hi = size;
  }
  ms.push_back(measurement("weight_min_abs", lo, "min_i |a_i*|"));
  ms.push_back(measurement("weight_max_abs", hi, "max_i |a_i*|"));
  ledger.require(
      "teacher weights",
      bad.empty(),
      bad.empty() ? "every a_i* is finite and nonzero, |a_i*| in [" + short_decimal(lo) + ", " + short_decimal(hi) + "]"
                  : "not finite and nonzero: " + bad);
}

// max_i | ||w_i*|| - 1 | over the directions as written (NaN if one is not finite).
Mp raw_norm_deviation(const TeacherSpec& spec) {
  const auto* given = std::get_if<ExplicitDirections>(&spec.directions);
  if (given == nullptr) return Mp(0);  // angles give cos t e_1 + sin t e_2: unit by construction
  Mp worst(0);
  for (const std::vector<SpecNumber>& row : given->directions) {
    Mp sum(0);
    for (const SpecNumber& x : row) {
      const Mp v = x.as<Mp>();
      sum += v * v;
    }
    const Mp deviation = abs(sqrt(sum) - 1);
    if (isnan(deviation)) return deviation;
    worst = std::max(worst, deviation);
  }
  return worst;
}

void audit_norms(const TeacherSpec& spec, CheckLedger& ledger, std::vector<Measurement>& ms) {
  const Mp deviation = raw_norm_deviation(spec);
  ms.push_back(measurement("teacher_norm_max_deviation",
                           deviation,
                           "max_i | ||w_i*|| - 1 | of the directions as configured, before normalisation"));
  const bool planar = std::holds_alternative<PlanarDirections>(spec.directions);
  ledger.require("teacher norms",
                 isfinite(deviation),
                 planar ? "directions given by angles are unit by construction"
                        : "max | ||w_i*|| - 1 | = " + short_decimal(deviation) +
                              " as configured; the directions were normalised before use (docs/math.md §3)");
}

void audit_width(const ProblemSpec& problem, Eigen::Index m_star, CheckLedger& ledger, std::vector<Measurement>& ms) {
  if (!problem.student) {
    ledger.require("width", true, "no student is configured, so m >= m* is not at stake");
    return;
  }
  const Eigen::Index m = width_of(*problem.student);
  ms.push_back(count_measurement("student_width", m, "m, neurons of the student"));
  const bool ok = m >= m_star;
  ledger.require("width",
                 ok,
                 "student width m = " + std::to_string(m) + (ok ? " >= " : " < ") +
                     "teacher width m* = " + std::to_string(m_star));
}

// A specification build_teacher or SpecNumber rejects (std::invalid_argument) is a
// violated assumption of this audit, not an error of the run.
void guarded(CheckLedger& ledger, const std::string& what, const std::function<void()>& audit) {
  try {
    audit();
  } catch (const std::invalid_argument& e) {
    ledger.require(what, false, std::string("the configuration cannot be built: ") + e.what());
  }
}

}  // namespace

Mp separation_angle(const Vec<Mp>& u, const Vec<Mp>& v) {
  const Mp a = (u - v).norm();
  const Mp b = (u + v).norm();
  return 2 * atan2(std::min(a, b), std::max(a, b));
}

Eigen::Index numerical_rank(const Mat<Mp>& W, unsigned digits) {
  // Zero rows change no singular value: without them the SVD costs m* r'^2 for the r'
  // rows a coordinate-aligned span occupies, not m* d^2.
  const std::vector<Eigen::Index> rows = support_rows(W);
  if (rows.empty()) return 0;
  Mat<Mp> S(static_cast<Eigen::Index>(rows.size()), W.cols());
  for (std::size_t k = 0; k < rows.size(); ++k) S.row(static_cast<Eigen::Index>(k)) = W.row(rows[k]);
  const Eigen::JacobiSVD<Mat<Mp>> svd(S);
  const Vec<Mp> s = svd.singularValues();  // non-increasing
  const Mp floor = pow(Mp(10), -static_cast<int>(digits / 2)) * s(0);
  Eigen::Index r = 0;
  while (r < s.size() && s(r) > floor) ++r;
  return r;
}

CheckOutcome check_assumptions(const CheckContext& ctx, const AssumptionOptions& options) {
  CheckLedger ledger(ctx.digits);
  std::vector<Measurement> ms;
  const TeacherSpec& teacher = ctx.problem.teacher;
  const Eigen::Index m_star = width_of(teacher);
  ms.push_back(count_measurement("teacher_width", m_star, "m*, neurons of the teacher"));
  guarded(ledger, "teacher", [&] { audit_geometry(ctx.problem, ctx.digits, options, ledger, ms); });
  guarded(ledger, "teacher weights", [&] { audit_weights(teacher, ledger, ms); });
  guarded(ledger, "teacher norms", [&] { audit_norms(teacher, ledger, ms); });
  audit_width(ctx.problem, m_star, ledger, ms);
  return ledger.finish(std::move(ms));
}

}  // namespace zg

// The claims table's rows (lemmas/claims.toml) these checks decide.
namespace zg {
namespace {
const BindCheck bind_A1("A1", [](const CheckContext& ctx) { return check_assumptions(ctx); });
}  // namespace
}  // namespace zg

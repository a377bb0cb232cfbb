// A1 (docs/math.md §4, §6): the assumption audit of the configured teacher and student at the
// working precision. Norms and weights are read from the specification as written; the
// separation and rank from the teacher build_teacher makes, the one every claim uses.
#include "lemmas/assumption_checks.hpp"

#include <algorithm>
#include <functional>
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

ClosestPair closest_pair(const Mat<Mp>& W) {
  ClosestPair best;
  best.angle = pi<Mp>();  // above every separation, so the first pair replaces it
  for (Eigen::Index i = 0; i < W.cols(); ++i) {
    for (Eigen::Index j = i + 1; j < W.cols(); ++j) {
      const Mp angle = separation_angle(W.col(i), W.col(j));
      if (angle < best.angle) best = ClosestPair{angle, i, j, W.col(i).dot(W.col(j)) < 0};
    }
  }
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
  if (W.size() == 0) return 0;
  const Eigen::JacobiSVD<Mat<Mp>> svd(W);
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

// Claim W1 (issue 4, "why weight decay"): from students whose neurons near one teacher
// direction carry opposite signs and partly cancel, gradient descent with weight decay
// removes the cancellation; plain gradient descent (lambda = 0) need not.
//
// The check is declared in no header: the runner and the tests reach it through its row of
// lemmas/claims.toml (BindCheck below; tests/support/outcomes.hpp check_claim), so W1 is a
// claim of three files, check, table row and test (docs/adding-a-claim.md).
#include <cmath>

#include "core/regularized_loss.hpp"
#include "core/student_geometry.hpp"
#include "lemmas/check_ledger.hpp"
#include "lemmas/claim_registry.hpp"

namespace zg {
namespace {

constexpr double kStep = 0.1;
constexpr int kSteps = 100000;          // time 1e4: weight decay 1e-3 acts for 10/lambda
constexpr double kNeighbourhoodDeg = 10;
constexpr double kSpreadDeg = 3;        // the two neurons at +-3 deg from their teacher direction

// Two balanced neurons per teacher direction at +-3 deg in the plane of w_i* and the next
// teacher direction (or any orthogonal axis): masses 1.5 |a_i*| with sign s_i and 0.5 |a_i*|
// with the opposite sign, so the net is a_i* and the cancelling mass |a_i*|.
Network<double> cancelling_start(const Network<double>& teacher) {
  const Eigen::Index m_star = teacher.width(), d = teacher.dim();
  Network<double> s{Vec<double>(2 * m_star), Mat<double>(d, 2 * m_star)};
  const double spread = kSpreadDeg * pi<double>() / 180;
  for (Eigen::Index i = 0; i < m_star; ++i) {
    const Vec<double> u = teacher.W.col(i);
    Vec<double> t = teacher.W.col((i + 1) % m_star) - teacher.W.col((i + 1) % m_star).dot(u) * u;
    if (t.norm() < 0.1) t = Vec<double>::Unit(d, (i + 1) % d) - u(static_cast<Eigen::Index>((i + 1) % d)) * u;
    t.normalize();
    const double a = std::abs(teacher.a(i)), sign = teacher.a(i) < 0 ? -1 : 1;
    const double big = std::sqrt(1.5 * a), small = std::sqrt(0.5 * a);
    s.a(2 * i) = sign * big;
    s.W.col(2 * i) = big * (std::cos(spread) * u + std::sin(spread) * t);
    s.a(2 * i + 1) = -sign * small;
    s.W.col(2 * i + 1) = small * (std::cos(spread) * u - std::sin(spread) * t);
  }
  return s;
}

struct Outcome {
  Mp loss, cancelling, far, max_angle_deg;
};

// Neuron masses u_j = a_j |w_j| grouped by nearest teacher line; cancelling mass per
// line is sum |u_j| - |sum u_j|; far mass is the mass outside every neighbourhood.
Outcome assess(const Network<Mp>& s, const Network<Mp>& teacher) {
  const StudentGeometry<Mp> g =
      student_geometry(s, teacher.W, Mp("1e-3"), Mp(Mp(kNeighbourhoodDeg) * pi<Mp>() / 180));
  return Outcome{population_loss(s, teacher), g.cancelling_mass, g.far_mass, Mp(g.max_angle * 180 / pi<Mp>())};
}

Network<double> descend(Network<double> s, const Network<double>& teacher, double lambda) {
  for (int k = 0; k < kSteps; ++k) s = gradient_step(s, population_loss_gradient(s, teacher), lambda, kStep);
  return s;
}

/// W1: the same cancelling start, gradient descent in double (the long runs) with
/// lambda = the configuration's and with lambda = 0, final states re-evaluated at working
/// precision. PASS when weight decay leaves under a tenth of the cancelling mass that plain
/// descent keeps; if plain descent removes it too, the claim's sharp form FAILs.
CheckOutcome check_weight_decay_ablation(const CheckContext& ctx) {
  const Network<Mp> teacher = build_teacher<Mp>(ctx.problem.teacher);
  const Network<double> teacher_d = network_cast<double>(teacher);
  const Network<double> start = cancelling_start(teacher_d);
  const double lambda = ctx.problem.lambda.as<double>();
  const Outcome initial = assess(network_cast<Mp>(start), teacher);
  const Outcome with = assess(network_cast<Mp>(descend(start, teacher_d, lambda)), teacher);
  const Outcome without = assess(network_cast<Mp>(descend(start, teacher_d, 0.0)), teacher);

  CheckLedger ledger(ctx.digits);
  ledger.at_most("weight decay leaves under a tenth of the cancelling mass plain descent keeps", with.cancelling,
                 Mp(without.cancelling / 10));
  std::vector<Measurement> ms;
  ms.push_back(measurement("cancelling_mass_initial", initial.cancelling, "sum over teacher neighbourhoods of sum|u_j| - |sum u_j|"));
  ms.push_back(measurement("cancelling_mass_weight_decay", with.cancelling, "after 1e5 steps of 0.1 with the configured lambda"));
  ms.push_back(measurement("cancelling_mass_plain", without.cancelling, "after the same steps with lambda = 0"));
  ms.push_back(measurement("far_mass_weight_decay", with.far, "mass farther than 10 deg from every teacher line"));
  ms.push_back(measurement("far_mass_plain", without.far, "the same without weight decay"));
  ms.push_back(measurement("max_angle_deg_weight_decay", with.max_angle_deg, "largest angle of a neuron with mass > 1e-3", "deg"));
  ms.push_back(measurement("max_angle_deg_plain", without.max_angle_deg, "the same without weight decay", "deg"));
  ms.push_back(measurement("loss_weight_decay", with.loss, "L at the end (without the decay term)"));
  ms.push_back(measurement("loss_plain", without.loss, "L at the end without weight decay"));
  CheckOutcome o = ledger.finish(std::move(ms));
  if (o.verdict == Verdict::Fail && !(without.cancelling > initial.cancelling / 10))
    o.explanation = "plain gradient descent removes the cancellation too, so the sharp form fails: " + o.explanation;
  return o;
}

// The claims table's row (lemmas/claims.toml) this check decides.
const BindCheck bind_W1("W1", [](const CheckContext& ctx) { return check_weight_decay_ablation(ctx); });
}  // namespace
}  // namespace zg

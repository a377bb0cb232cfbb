// R1 (docs/math.md §3): weight decay, balance and the gradient-descent balance recursion.
#include "lemmas/regularization_checks.hpp"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include "core/regularized_loss.hpp"
#include "lemmas/check_ledger.hpp"

namespace zg {
namespace {

constexpr int kRandomStudents = 3;
constexpr int kDescentSteps = 25;
constexpr unsigned kGuard = 6;  // O((m + m*)^2 d) roundings in L and its gradient

Network<Mp> random_student(Eigen::Index d, Eigen::Index m, boost::random::mt19937_64& engine) {
  boost::random::normal_distribution<double> normal;
  Network<Mp> n{Vec<Mp>(m), Mat<Mp>(d, m)};
  for (Eigen::Index j = 0; j < m; ++j) {
    n.a(j) = Mp(normal(engine));
    for (Eigen::Index i = 0; i < d; ++i) n.W(i, j) = Mp(normal(engine) / 2);
  }
  return n;
}

// Each neuron rescaled to |a_j| = |w_j|, keeping its function (a_j w_j fixed by homogeneity).
Network<Mp> balanced(const Network<Mp>& n) {
  Network<Mp> b = n;
  for (Eigen::Index j = 0; j < n.width(); ++j) {
    const Mp norm = n.W.col(j).norm();
    const Mp scale = sqrt(abs(n.a(j)) / norm);
    b.a(j) = n.a(j) / scale;
    b.W.col(j) = n.W.col(j) * scale;
  }
  return b;
}

}  // namespace

CheckOutcome check_weight_decay_balance(const CheckContext& ctx, const LossGradientFn& loss_gradient) {
  CheckLedger ledger(ctx.digits);
  std::vector<Measurement> ms;
  const Mp tol = identity_tolerance(ctx.digits, kGuard);
  const Network<Mp> teacher = build_teacher<Mp>(ctx.problem.teacher);
  const Mp lambda = ctx.problem.lambda.as<Mp>();
  boost::random::mt19937_64 engine(ctx.seed);
  const Eigen::Index d = teacher.dim(), m = 2 * teacher.width();

  // Weight decay = l1 penalty on the masses, at balance.
  // Compared at lambda = 1 (both sides are linear in lambda, and lambda may be 0).
  Mp l1_residual(0);
  for (int k = 0; k < kRandomStudents; ++k) {
    const Network<Mp> b = balanced(random_student(d, m, engine));
    l1_residual = std::max(l1_residual, Mp(abs(weight_decay(b, Mp(1)) - mass_penalty(b, Mp(1)))));
  }
  ledger.identity("weight decay = lambda sum |a_j||w_j| at balance", l1_residual, tol);
  ms.push_back(measurement("weight_decay_l1_residual", l1_residual,
                           "max |(|a|^2 + |W|^2)/2 - sum |a_j||w_j|| over balanced students (both sides are linear in lambda)"));

  // 1-homogeneity: a_j dL/da_j = w_j . dL/dw_j.
  Mp homogeneity(0);
  for (int k = 0; k < kRandomStudents; ++k) {
    const Network<Mp> s = random_student(d, m, engine);
    const LossGradient<Mp> g = loss_gradient(s, teacher);
    for (Eigen::Index j = 0; j < m; ++j)
      homogeneity = std::max(homogeneity, Mp(abs(s.a(j) * g.grad_a(j) - s.W.col(j).dot(g.grad_W.col(j)))));
  }
  ledger.identity("a_j dL/da_j = w_j . dL/dw_j (random students)", homogeneity, tol);
  ms.push_back(measurement("homogeneity_residual", homogeneity, "max_j |a_j dL/da_j - w_j . dL/dw_j|"));

  // Gradient descent from an unbalanced student: the exact one-step recursion of the gaps.
  const Mp step("0.05");
  const Mp factor = (1 - step * lambda) * (1 - step * lambda);
  Network<Mp> s = random_student(d, m, engine);
  Mp recursion(0), remainder(0);
  const Mp initial_gap = balance_gaps(s).cwiseAbs().sum();
  for (int k = 0; k < kDescentSteps; ++k) {
    const LossGradient<Mp> g = loss_gradient(s, teacher);
    const Vec<Mp> before = balance_gaps(s);
    const Network<Mp> next = gradient_step(s, g, lambda, step);
    const Vec<Mp> after = balance_gaps(next);
    for (Eigen::Index j = 0; j < m; ++j) {
      const Mp second_order = step * step * (g.grad_a(j) * g.grad_a(j) - g.grad_W.col(j).squaredNorm());
      recursion = std::max(recursion, Mp(abs(after(j) - factor * before(j) - second_order)));
      remainder = std::max(remainder, Mp(abs(second_order)));
    }
    s = next;
  }
  const Mp final_gap = balance_gaps(s).cwiseAbs().sum();
  ledger.identity("gap' = (1 - eta lambda)^2 gap + eta^2 ((dL/da)^2 - |dL/dw|^2) along 25 steps", recursion, tol);
  ms.push_back(measurement("balance_recursion_residual", recursion,
                           "max over steps and neurons of |gap' - (1 - eta lambda)^2 gap - eta^2 (g_a^2 - |g_w|^2)|"));
  ms.push_back(measurement("balance_factor_predicted", factor, "(1 - eta lambda)^2 with eta = 0.05"));
  ms.push_back(measurement("balance_remainder_max", remainder, "largest O(eta^2) term eta^2 |g_a^2 - |g_w|^2|"));
  ms.push_back(measurement("balance_gap_initial", initial_gap, "sum_j |a_j^2 - |w_j|^2| before descent"));
  ms.push_back(measurement("balance_gap_final", final_gap, "the same after 25 steps"));
  // Continuous time predicts d/dt gap = -2 lambda gap; per step of eta the factor
  // (1 - eta lambda)^2 gives the rate -ln((1 - eta lambda)^2) / eta -> 2 lambda. The
  // measured rate includes the O(eta^2) terms, which dominate when lambda is small.
  ms.push_back(measurement("balance_decay_rate_predicted", Mp(-log(factor) / step), "-ln((1 - eta lambda)^2) / eta"));
  ms.push_back(measurement("balance_decay_rate", Mp(-log(final_gap / initial_gap) / (step * kDescentSteps)),
                           "-ln(gap_final / gap_initial) / (steps eta), measured"));
  return ledger.finish(std::move(ms));
}

}  // namespace zg

// The claims table's rows (lemmas/claims.toml) these checks decide.
namespace zg {
namespace {
const BindCheck bind_R1("R1", [](const CheckContext& ctx) { return check_weight_decay_balance(ctx); });
}  // namespace
}  // namespace zg

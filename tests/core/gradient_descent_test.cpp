// Tests for the double gradient-descent engine: one step against a step computed by hand
// from docs/math.md's formulas, the halving safeguard against an objective whose smoothness the
// estimate misses, monotone descent, honest stops, determinism, and Newton's optimum
// against an independent long descent.
#include "core/gradient_descent.hpp"

#include <cmath>
#include <limits>

#include "core/certificate.hpp"
#include "core/finite_difference.hpp"
#include "core/regularized_optimum.hpp"
#include "tests/support/problems.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mat;
using zg::Network;
using zg::Vec;

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

Network<double> one_teacher() {
  Network<double> t{Vec<double>(1), Mat<double>(2, 1)};
  t.a << 1;
  t.W << 1, 0;
  return t;
}

// Student of one neuron at angle phi (rad), balanced with |a| = |w| = r.
Network<double> one_student(double phi, double r) {
  Network<double> s{Vec<double>(1), Mat<double>(2, 1)};
  s.a << r;
  s.W << r * std::cos(phi), r * std::sin(phi);
  return s;
}

}  // namespace

TEST_CASE("one descent step equals the step computed by hand from docs/math.md §3", "[descent]") {
  // Teacher a* = 1, w* = e1; student a = r, w = r (cos phi, sin phi); rho = cos phi.
  // With K(rho) = (rho asin rho + sqrt(1 - rho^2) - 1) / (2 pi) and K(1) = 1/4 - 1/(2 pi):
  //   dL/da = 2 (a |w|^2 K(1) - |w| K(rho)),
  //   dL/dw = 2 a (a K(1) w - (asin(rho) w* + (sqrt(1 - rho^2) - 1) w^) / (2 pi)).
  const double phi = 0.7, r = 0.8, lambda = 0.01, step = 1e-3;  // step far below 1 / smoothness
  const double pi = 3.14159265358979323846, rho = std::cos(phi), s = std::sin(phi);
  const double k_rho = (rho * std::asin(rho) + s - 1) / (2 * pi), k_one = 0.25 - 1 / (2 * pi);
  const double a = r;
  const double w0 = r * rho, w1 = r * s;
  const double grad_a = 2 * (a * r * r * k_one - r * k_rho);
  const double grad_w0 = 2 * a * (a * k_one * w0 - (std::asin(rho) * 1 + (s - 1) * rho) / (2 * pi));
  const double grad_w1 = 2 * a * (a * k_one * w1 - (std::asin(rho) * 0 + (s - 1) * s) / (2 * pi));

  zg::DescentOptions o;
  o.lambda = lambda;
  o.max_step = step;
  o.max_steps = 1;
  const Network<double> teacher = one_teacher();
  const zg::DescentRun run =
      zg::gradient_descent(one_student(phi, r), zg::population_objective(teacher), teacher.W, o);
  REQUIRE(run.steps == 1);
  // Each entry is x - step (g + lambda x): a few roundings of O(1) terms in g.
  const double tol = 64 * kEps;
  CHECK_THAT(run.final_state.a(0), zg::test::WithinAbs(a - step * (grad_a + lambda * a), tol));
  CHECK_THAT(run.final_state.W(0, 0), zg::test::WithinAbs(w0 - step * (grad_w0 + lambda * w0), tol));
  CHECK_THAT(run.final_state.W(1, 0), zg::test::WithinAbs(w1 - step * (grad_w1 + lambda * w1), tol));
  CHECK(run.time == step);
}

TEST_CASE("the safeguard halves a step the smoothness estimate got wrong, and descent stays monotone", "[descent]") {
  // A quadratic objective of curvature 100: the network-based estimate (~1) allows steps
  // far beyond 2/100, so without the safeguard the run would diverge.
  const double curvature = 100;
  const zg::ObjectiveFn stiff = [curvature](const Network<double>& n) {
    zg::LossGradient<double> g;
    g.loss = curvature / 2 * (n.a.squaredNorm() + n.W.squaredNorm());
    g.grad_a = curvature * n.a;
    g.grad_W = curvature * n.W;
    return g;
  };
  zg::DescentOptions o;
  o.max_steps = 200;
  o.record_every = 1;
  const Network<double> teacher = one_teacher();
  const zg::DescentRun run = zg::gradient_descent(one_student(0.3, 1), stiff, teacher.W, o);
  CHECK(run.halvings > 0);
  CHECK(run.final_objective < 1e-12);  // from 50: down to the noise floor the safeguard tolerates
  // Rises within the objective's rounding noise are accepted (64 eps at masses <= 1, see
  // gradient_descent.cpp); anything larger would have been rejected.
  for (std::size_t k = 1; k < run.trajectory.size(); ++k)
    CHECK(run.trajectory[k].objective <= run.trajectory[k - 1].objective + 64 * kEps);
}

TEST_CASE("a run whose budget ends far from the optimum is not reported as converged", "[descent]") {
  zg::ScopedDigits digits(40);
  const zg::Network<zg::Mp> teacher = zg::build_teacher<zg::Mp>(zg::test::default_like_problem().teacher);
  const zg::Certificate<zg::Mp> c = zg::build_precertificate(teacher, zg::Mp("1e-20"));
  const zg::OptimumResult opt = zg::newton_optimum(teacher, c.basis, zg::Mp("1e-3"), zg::Mp("1e-28"));
  const Network<double> t = zg::network_cast<double>(teacher);
  // A start whose neurons sit between the teacher lines, off the span: a large gap.
  Network<double> start{Vec<double>(3), Mat<double>::Zero(16, 3)};
  start.a << 0.5, -0.5, 0.5;
  start.W(0, 0) = start.W(1, 1) = start.W(5, 2) = 0.5;
  zg::DescentOptions o;
  o.lambda = 1e-3;
  o.optimum = static_cast<double>(opt.objective);
  o.gap_tolerance = 1e-8;
  o.max_steps = 50;
  const zg::DescentRun run = zg::gradient_descent(start, zg::population_objective(t), t.W, o);
  CHECK(run.stop == zg::DescentStop::StepBudget);
  CHECK(run.final_gap > 1e-4);
  CHECK(run.trajectory.back().gap == run.final_gap);
}

TEST_CASE("the same inputs give the same run bit for bit", "[descent]") {
  const Network<double> teacher = one_teacher();
  zg::DescentOptions o;
  o.lambda = 1e-2;
  o.max_steps = 500;
  o.record_every = 7;
  const zg::DescentRun a = zg::gradient_descent(one_student(1.2, 0.5), zg::population_objective(teacher), teacher.W, o);
  const zg::DescentRun b = zg::gradient_descent(one_student(1.2, 0.5), zg::population_objective(teacher), teacher.W, o);
  REQUIRE(a.trajectory.size() == b.trajectory.size());
  CHECK(a.final_state.a == b.final_state.a);
  CHECK(a.final_state.W == b.final_state.W);
  for (std::size_t k = 0; k < a.trajectory.size(); ++k) CHECK(a.trajectory[k].objective == b.trajectory[k].objective);
}

TEST_CASE("Newton's optimum agrees with an independent long descent run", "[descent][optimum]") {
  // Newton works in the span at 40 digits with a finite-difference Hessian; descent works in
  // R^16 in double from the balanced teacher, with no knowledge of the span.
  zg::ScopedDigits digits(40);
  const zg::Network<zg::Mp> teacher = zg::build_teacher<zg::Mp>(zg::test::default_like_problem().teacher);
  const zg::Certificate<zg::Mp> c = zg::build_precertificate(teacher, zg::Mp("1e-20"));
  const zg::Mp lambda("1e-2");
  const zg::OptimumResult opt = zg::newton_optimum(teacher, c.basis, lambda, zg::Mp("1e-28"));
  REQUIRE(opt.converged);
  const Network<double> t = zg::network_cast<double>(teacher);
  Network<double> start = t;
  for (Eigen::Index j = 0; j < t.width(); ++j) {
    const double root = std::sqrt(std::abs(t.a(j)));
    start.a(j) = t.a(j) < 0 ? -root : root;
    start.W.col(j) = root * t.W.col(j);
  }
  zg::DescentOptions o;
  o.lambda = static_cast<double>(lambda);
  o.max_steps = 20000;
  const zg::DescentRun run = zg::gradient_descent(start, zg::population_objective(t), t.W, o);
  // Descent converges linearly at rate ~ 4 lambda; after time ~ 1e4 the gap is at double's
  // noise floor: a difference of O(1) terms, each rounded, so about 1e3 eps.
  const double newton = static_cast<double>(opt.objective);
  CHECK(std::abs(run.final_objective - newton) < 1e3 * kEps);
  for (Eigen::Index j = 0; j < t.width(); ++j) {
    const Vec<double> u = run.final_state.W.col(j).normalized();
    const Vec<double> v = opt.student.W.col(j).cast<double>().normalized();
    CHECK((u - v).norm() < 1e-6);  // directions: the objective is quadratic in them, so sqrt of its accuracy
    CHECK(std::abs(run.final_state.a(j) * run.final_state.W.col(j).norm() -
                   static_cast<double>(opt.student.a(j) * opt.student.W.col(j).norm())) < 1e-6);
  }
}

TEST_CASE("the smoothness estimate bounds the Hessian's top eigenvalue near the optimum, within 4x", "[descent]") {
  // Independent: power iteration on central differences of the closed-form gradient.
  const zg::Network<double> t = zg::network_cast<double>([] {
    zg::ScopedDigits digits(30);
    return zg::build_teacher<zg::Mp>(zg::test::default_like_problem().teacher);
  }());
  Network<double> s = t;
  for (Eigen::Index j = 0; j < t.width(); ++j) {
    const double root = std::sqrt(std::abs(t.a(j)));
    s.a(j) = t.a(j) < 0 ? -root : root;
    s.W.col(j) = root * t.W.col(j);
  }
  s.W(5, 1) += 0.05;  // off the optimum, off the span
  const Eigen::Index d = t.dim(), m = t.width();
  auto grad = [&](const Vec<double>& x) {
    const zg::LossGradient<double> g = zg::population_loss_gradient(zg::unflatten_parameters(x, d, m), t);
    return Vec<double>(zg::flatten_parameters(Network<double>{g.grad_a, g.grad_W}));
  };
  const Vec<double> x = zg::flatten_parameters(s);
  Vec<double> v = Vec<double>::Ones(x.size()).normalized();
  double top = 0;
  for (int k = 0; k < 300; ++k) {
    const double h = 1e-6;  // the gradient is C^1 here: O(h^2) error, far below the 4x window
    const Vec<double> hv = (grad(x + h * v) - grad(x - h * v)) / (2 * h);
    top = v.dot(hv);
    v = hv.normalized();
  }
  const double estimate = zg::smoothness_estimate(s, zg::population_loss(s, t), 0);
  INFO("top eigenvalue " << top << ", estimate " << estimate);
  CHECK(estimate >= top);
  CHECK(estimate <= 4 * top);
}

// Tests for Newton's regularised optimum: the lambda-certificate equals the sign of each
// neuron on the support (the optimality condition of docs/math.md §4), and the optimum is
// balanced, as every stationary point of L_lambda is (docs/math.md §3).
#include "core/regularized_optimum.hpp"

#include "tests/support/problems.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mp;

TEST_CASE("eta_lambda equals sign(a_j) at each neuron of Newton's optimum", "[optimum]") {
  zg::ScopedDigits digits(40);
  const zg::Network<Mp> teacher = zg::build_teacher<Mp>(zg::test::default_like_problem().teacher);
  const zg::Certificate<Mp> c = zg::build_precertificate(teacher, Mp("1e-20"));
  for (const char* text : {"1e-2", "1e-4"}) {
    const Mp lambda(text), tol("1e-28");
    const zg::OptimumResult opt = zg::newton_optimum(teacher, c.basis, lambda, tol);
    REQUIRE(opt.converged);
    for (Eigen::Index j = 0; j < opt.student.width(); ++j) {
      const Mp norm = opt.student.W.col(j).norm();
      const zg::Vec<Mp> y = c.basis.transpose() * opt.student.W.col(j) / norm;
      // dL_lambda/da_j = lambda (a_j - |w_j| eta_lambda(w_j^)): a gradient of size tol moves
      // eta_lambda by tol / (lambda |w_j|); |w_j| ~ 1 here, and a factor 10 for the rest.
      const Mp sign(opt.student.a(j) < 0 ? -1 : 1);
      INFO("lambda = " << text << ", neuron " << j);
      CHECK_THAT(zg::eta_lambda(teacher, opt.student, c.basis, lambda, y),
                 zg::test::WithinAbs(sign, Mp(10 * tol / lambda)));
      // Balance: a_j^2 = |w_j|^2 at a stationary point (a_j dL/da_j = w_j . grad_w L).
      CHECK_THAT(Mp(abs(opt.student.a(j))), zg::test::WithinAbs(norm, Mp(10 * tol / lambda)));
    }
  }
}

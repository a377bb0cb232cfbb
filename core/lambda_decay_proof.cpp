// eta_lambda as a kernel sum for the Arb prover (core/lambda_decay_proof.hpp).
#include "core/lambda_decay_proof.hpp"

#include <algorithm>
#include <cassert>

#include "core/arb_ball.hpp"

namespace zg {
namespace {

std::string decimal(const Mp& x, unsigned digits) { return x == 0 ? std::string("0") : to_decimal(x, digits); }

std::vector<std::string> padded_row(const Vec<Mp>& v, Eigen::Index d, unsigned digits) {
  std::vector<std::string> row;
  for (Eigen::Index k = 0; k < v.size(); ++k) row.push_back(decimal(v(k), digits));
  while (static_cast<Eigen::Index>(row.size()) < d) row.push_back("0");
  return row;
}

}  // namespace

decay::KernelSumInput lambda_kernel_sum(const Network<Mp>& teacher, const Network<Mp>& student, const Mat<Mp>& basis,
                                        const Mp& lambda, unsigned digits) {
  const Eigen::Index d = basis.rows();
  const Eigen::Index ms = teacher.width(), m = student.width();
  decay::KernelSumInput in;
  std::vector<Vec<Mp>> teacher_dirs, neuron_dirs;
  std::vector<Mp> alpha;
  for (Eigen::Index i = 0; i < ms; ++i) {
    const Vec<Mp> u = basis.transpose() * teacher.W.col(i);
    teacher_dirs.push_back(u / u.norm());
    in.directions.push_back(padded_row(u, d, digits));
    alpha.push_back(Mp(2 * teacher.a(i) / lambda));
  }
  std::vector<bool> used(static_cast<std::size_t>(ms), false);
  std::vector<Mp> neuron_alpha;
  const Mp cos45 = sqrt(Mp(2)) / 2;
  for (Eigen::Index j = 0; j < m; ++j) {
    const Vec<Mp> v = basis.transpose() * student.W.col(j);
    const Mp norm = v.norm();
    assert(norm > 0);
    in.directions.push_back(padded_row(v, d, digits));
    const Mp B = 2 * student.a(j) * norm / lambda;
    // The nearest unused teacher line within 45 degrees, by |cos| (a choice, not a claim).
    int best = -1;
    Mp best_cos = cos45;
    for (Eigen::Index i = 0; i < ms; ++i) {
      const Mp c = abs(Mp(teacher_dirs[static_cast<std::size_t>(i)].dot(v) / norm));
      if (!used[static_cast<std::size_t>(i)] && c > best_cos) {
        best = static_cast<int>(i);
        best_cos = c;
      }
    }
    in.touching.push_back({static_cast<int>(ms + j), student.a(j) < 0 ? -1 : 1});
    if (best < 0) {
      neuron_alpha.push_back(Mp(-B));
      continue;
    }
    used[static_cast<std::size_t>(best)] = true;
    alpha[static_cast<std::size_t>(best)] -= B;
    neuron_alpha.push_back(Mp(0));
    in.dipoles.push_back({best, static_cast<int>(ms + j), decimal(B, digits)});
  }
  for (const Mp& a : alpha) in.alpha.push_back(decimal(a, digits));
  for (const Mp& a : neuron_alpha) in.alpha.push_back(decimal(a, digits));
  return in;
}

DecayCertificate prove_lambda_decay(const Network<Mp>& teacher, const Network<Mp>& student, const Mat<Mp>& basis,
                                    const Mp& lambda, const DecayProverOptions& options) {
  DecayCertificate c = prove_kernel_sum_decay(lambda_kernel_sum(teacher, student, basis, lambda), options);
  c.claim = "D3";
  // One weight per centre, as the certificate's header states the function: the
  // teacher's a_i*, then the neurons' a_j (recorded, not used by the bound).
  for (Eigen::Index i = 0; i < teacher.width(); ++i) c.weights.push_back(decimal(teacher.a(i), 60));
  for (Eigen::Index j = 0; j < student.width(); ++j) c.weights.push_back(decimal(student.a(j), 60));
  return c;
}

std::string lambda_max_tau_prime(const Network<Mp>& student, const Mat<Mp>& basis, const Mp& lambda,
                                 const Mp& grad_norm) {
  Mp min_norm(Vec<Mp>(basis.transpose() * student.W.col(0)).norm());
  for (Eigen::Index j = 1; j < student.width(); ++j)
    min_norm = std::min(min_norm, Mp(Vec<Mp>(basis.transpose() * student.W.col(j)).norm()));
  // 1e12 eps: the values at the neurons were measured ~4e-30 from sign(a_j) at 40 digits and
  // lambda = 1e-3 with |grad| ~ 4e-39, i.e. ~1e10 eps / lambda (the optimum's own rounding).
  const Mp ceiling = 2 * (grad_norm + Mp("1e12") * working_eps<Mp>()) / (lambda * min_norm);
  // Rounded up to 3 significant digits through Arb (an upper bound of the Mp number).
  return upper_decimal(ArbBall::exact(ceiling, 256), 3);
}

}  // namespace zg

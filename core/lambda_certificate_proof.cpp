// eta_lambda as a kernel sum and its certified bound (core/lambda_certificate_proof.hpp).
// With A_i = 2 a_i* / lambda and B_j = 2 a_j |v_j| / lambda, a neuron j paired with teacher i
// contributes A_i K_i - B_j K_j = (A_i - B_j) K_i + B_j (K_i - K_j): a centre at the
// teacher's angle with coefficient A_i - B_j = O(1) and a dipole of mass B_j and gap
// phi_i - phi_j = O(lambda), whose enclosure is O(box) wide instead of O(box / lambda).
#include "core/lambda_certificate_proof.hpp"

#include "core/regularized_optimum.hpp"

#include <algorithm>
#include <cassert>
#include <limits>
#include <vector>

namespace zg {

using namespace detail::interval;

AngleTerms lambda_angle_terms(const Network<Mp>& teacher, const Network<Mp>& student, const Mat<Mp>& basis,
                              const Mp& lambda) {
  assert(basis.cols() == 2);
  AngleTerms t = empty_angle_terms();
  const Mpi two_over_lambda = Mpi(2) / Mpi(lambda);
  struct Direction {
    Mpi phi, coefficient;
    Mp mid;
    int sign;
  };
  auto direction = [&](const Vec<Mp>& w, const Mpi& weight, const Mp& a) {
    const Vec<Mp> v = basis.transpose() * w;  // rounded span coordinates: the function enclosed uses these
    const Mpi v0(v(0)), v1(v(1));
    const Mpi phi = atan2(v1, v0);
    return Direction{phi, two_over_lambda * weight, Mp((lo(phi) + hi(phi)) / 2), a < 0 ? -1 : 1};
  };
  std::vector<Direction> teachers, neurons;
  for (Eigen::Index i = 0; i < teacher.width(); ++i) teachers.push_back(direction(teacher.W.col(i), Mpi(teacher.a(i)), teacher.a(i)));
  for (Eigen::Index j = 0; j < student.width(); ++j) {
    const Vec<Mp> v = basis.transpose() * student.W.col(j);
    assert(v.norm() > 0);
    const Mpi norm = sqrt(Mpi(v(0)) * Mpi(v(0)) + Mpi(v(1)) * Mpi(v(1)));
    neurons.push_back(direction(student.W.col(j), Mpi(Mpi(student.a(j)) * norm), student.a(j)));
  }
  const Mp pi_mid = (lo(t.pi) + hi(t.pi)) / 2;
  std::vector<bool> used(teachers.size(), false);
  std::vector<Mpi> teacher_coefficient;
  for (const Direction& d : teachers) teacher_coefficient.push_back(d.coefficient);
  for (const Direction& n : neurons) {
    // The nearest unused teacher line, by angle mod pi at the midpoints (a choice, not a claim).
    int best = -1;
    Mp best_angle = pi_mid / 4;  // pair within 45 degrees only
    Mp best_turns = 0;
    for (std::size_t i = 0; i < teachers.size(); ++i) {
      if (used[i]) continue;
      const Mp turns = round(Mp((n.mid - teachers[i].mid) / pi_mid));
      const Mp angle = abs(Mp(teachers[i].mid + turns * pi_mid - n.mid));
      if (angle < best_angle) {
        best = static_cast<int>(i);
        best_angle = angle;
        best_turns = turns;
      }
    }
    t.touching.push_back(TouchingPoint{n.phi, Mpi(n.sign), -1});
    if (best < 0) {
      t.centres.push_back(KernelCentre{n.phi, Mpi(-n.coefficient), Mpi(0), Mpi(0), true});
      continue;
    }
    const std::size_t i = static_cast<std::size_t>(best);
    used[i] = true;
    KernelDipole dipole;
    dipole.phi_a = teachers[i].phi + t.pi * Mpi(best_turns);  // K(cos) has period pi
    dipole.phi_b = n.phi;
    dipole.gap = dipole.phi_a - dipole.phi_b;
    dipole.mass = n.coefficient;
    t.dipoles.push_back(dipole);
    teacher_coefficient[i] -= n.coefficient;
  }
  for (std::size_t i = 0; i < teachers.size(); ++i)
    t.centres.push_back(KernelCentre{teachers[i].phi, teacher_coefficient[i], Mpi(0), Mpi(0), true});
  return t;
}

DecayProofResult prove_lambda_certificate(const Network<Mp>& teacher, const Network<Mp>& student, const Mat<Mp>& basis,
                                          const Mp& lambda, const DecayProofOptions& options) {
  if (basis.cols() != 2) {
    DecayProofResult result;
    result.status = DecayProofResult::Status::Unsupported;
    result.detail = "the certified check is implemented for rank-2 spans";
    return result;
  }
  const AngleTerms t = lambda_angle_terms(teacher, student, basis, lambda);
  return basis.rows() > basis.cols() ? prove_kernel_sum_decay_on_disc(t, options)
                                     : prove_kernel_sum_decay_on_circle(t, options);
}

Mp lambda_touching_delta(const Network<Mp>& student, const Mat<Mp>& basis, const Vec<Mp>& y) {
  Mp best = pi<Mp>();
  for (Eigen::Index j = 0; j < student.width(); ++j) {
    const Vec<Mp> v = basis.transpose() * student.W.col(j);
    Mp rho = abs(Mp(v.dot(y) / v.norm()));
    if (rho > 1) rho = 1;
    best = std::min(best, Mp(acos(rho)));
  }
  return best;
}

Mp sampled_lambda_decay(const Network<Mp>& teacher, const Network<Mp>& student, const Mat<Mp>& basis,
                        const Mp& lambda, const std::vector<Vec<Mp>>& points) {
  std::vector<Vec<Mp>> all = points;
  for (Eigen::Index j = 0; j < student.width(); ++j) {
    const Vec<Mp> v = basis.transpose() * student.W.col(j);
    const Mp phi = atan2(v(1), v(0));
    for (int k = -20; k <= 20; ++k) {
      if (k == 0) continue;
      const Mp theta = phi + Mp(k) * pi<Mp>() / 1800;  // steps of 0.1 degree
      Vec<Mp> y(2);
      y << cos(theta), sin(theta);
      all.push_back(y);
    }
  }
  Mp best(std::numeric_limits<double>::infinity());
  for (const Vec<Mp>& y : all) {
    const Mp delta = lambda_touching_delta(student, basis, y);
    if (delta < Mp("1e-4")) continue;
    const Mp el = abs(eta_lambda(teacher, student, basis, lambda, y));
    best = std::min(best, Mp((1 - el) / (delta * delta)));
  }
  return best;
}

}  // namespace zg

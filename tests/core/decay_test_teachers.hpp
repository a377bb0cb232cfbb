// Teachers the decay-proof tests share (tests/core/*decay*, kernel_sum_ball_test.cpp), as
// exact decimal directions, with their pre-certificates at 50 digits and the kernel-sum
// input the prover states (alpha, beta rounded to 60 digits, every centre touching).
#pragma once

#include <string>
#include <vector>

#include "core/certificate.hpp"
#include "core/certificate_search.hpp"
#include "core/decay_proof.hpp"
#include "core/kernel_sum_ball.hpp"

namespace zg::test {

struct DecayTeacher {
  int dimension = 0;
  std::vector<std::vector<std::string>> directions;  ///< `dimension` decimals each
  std::vector<int> signs;
};

/// Pads each direction with exact zeros to `d` coordinates.
inline DecayTeacher padded(DecayTeacher t, int d) {
  t.dimension = d;
  for (auto& row : t.directions)
    while (static_cast<int>(row.size()) < d) row.push_back("0");
  return t;
}

/// configs/default.toml: angles 0, 60, 120 deg in the (e1, e2) plane, weights 1, -1, 1;
/// cos and sin written with 60 digits (computed at 70).
inline DecayTeacher default_teacher(int d) {
  ScopedDigits digits(70);
  DecayTeacher t;
  for (int deg : {0, 60, 120}) {
    const Mp a = Mp(deg) * pi<Mp>() / 180;
    t.directions.push_back({deg == 0 ? std::string("1") : to_decimal(Mp(cos(a)), 60),
                            deg == 0 ? std::string("0") : to_decimal(Mp(sin(a)), 60)});
  }
  t.signs = {1, -1, 1};
  return padded(t, d);
}

/// Rank 3, three directions in general position in R^3, mixed signs; the sampled rho_eta
/// on S^2 is about 0.064 (core/certificate_search.hpp, 4000 starts): chosen from a small
/// grid of third directions and sign patterns for a constant near 0.06.
inline DecayTeacher rank3_teacher(int d) {
  return padded({3, {{"1", "0", "0"}, {"0.8", "0.6", "0"}, {"0.7", "0.3", "0.65"}}, {1, 1, -1}}, d);
}

/// Rank 4 on S^3: four directions in general position, mixed signs.
inline DecayTeacher rank4_teacher() {
  return {4, {{"1", "0", "0", "0"}, {"0.2", "0.9", "0.1", "0"}, {"0.3", "-0.2", "0.8", "0.1"}, {"-0.1", "0.3", "0.2", "0.9"}},
          {1, -1, 1, -1}};
}

/// Planted degenerate teachers: their pre-certificate exceeds 1 by about 1.7e-5 somewhere.
/// Found by a seeded random search (std::mt19937_64 seed 1, directions with coordinates
/// uniform on [-1, 1] rounded to 3 decimals, 4 to 6 of them with pairwise separation >= 8
/// deg and mixed random signs; kept when search_decay's largest |eta| minus 1 lay in
/// [1e-7, 1e-3]): trial 53 in 2-D (excess 1.74e-5, sampled rho_eta -2.9e-3) and trial 11 in
/// 3-D (excess 1.71e-5, sampled rho_eta -6.1e-3).
inline DecayTeacher degenerate_teacher_2d() {
  return {2, {{"-0.634", "0.485"}, {"-0.733", "-0.09"}, {"0.626", "-0.06"}, {"0.911", "-0.327"}, {"-0.17", "0.931"}},
          {-1, 1, 1, -1, 1}};
}
inline DecayTeacher degenerate_teacher_3d() {
  return {3,
          {{"0.168", "0.323", "-0.144"}, {"0.064", "-0.478", "0.811"}, {"0.369", "0.267", "0.831"}, {"0.571", "0.405", "-0.241"}},
          {-1, -1, 1, 1}};
}

/// The teacher network (unit columns at the current precision) and its pre-certificate.
inline Network<Mp> teacher_network(const DecayTeacher& t) {
  const Eigen::Index m = static_cast<Eigen::Index>(t.directions.size());
  Network<Mp> n{Vec<Mp>(m), Mat<Mp>::Zero(t.dimension, m)};
  for (Eigen::Index i = 0; i < m; ++i) {
    for (Eigen::Index l = 0; l < t.dimension; ++l)
      n.W(l, i) = parse_decimal<Mp>(t.directions[static_cast<std::size_t>(i)][static_cast<std::size_t>(l)]);
    n.W.col(i) /= n.W.col(i).norm();
    n.a(i) = t.signs[static_cast<std::size_t>(i)];
  }
  return n;
}

/// The pre-certificate at 50 digits.
inline Certificate<Mp> certificate_of(const DecayTeacher& t) {
  ScopedDigits digits(50);
  return build_precertificate(teacher_network(t), Mp("1e-20"));
}

/// The sampled rho_eta on the sphere of the span (the teacher restricted to its first r
/// coordinates, d = r) at 50 digits. On the ball the search samples mostly the interior
/// and can overstate the constant, which is set by the boundary sphere.
inline Mp sampled_sphere_rho(const DecayTeacher& t, int rank) {
  ScopedDigits digits(50);
  DecayTeacher s = t;
  s.dimension = rank;
  for (auto& row : s.directions) row.resize(static_cast<std::size_t>(rank));
  return search_decay(build_precertificate(teacher_network(s), Mp("1e-20")), DecaySearchOptions{}).rho_eta;
}

/// The kernel sum the prover states for the teacher: alpha, beta with 60 digits, every
/// centre touching with its sign.
inline decay::KernelSumInput precertificate_input(const DecayTeacher& t, const Certificate<Mp>& c) {
  decay::KernelSumInput in;
  in.directions = t.directions;
  in.alpha = decimal_entries(c.alpha, 60);
  for (Eigen::Index i = 0; i < c.width(); ++i) {
    in.beta.push_back(decimal_entries(c.beta.col(i), 60));
    in.touching.push_back({static_cast<int>(i), t.signs[static_cast<std::size_t>(i)]});
  }
  return in;
}
inline decay::KernelSumInput precertificate_input(const DecayTeacher& t) { return precertificate_input(t, certificate_of(t)); }

}  // namespace zg::test

// Problems the tests share: planar teachers (directions in the (e1, e2) plane at given
// angles, as the configuration's angles_deg builds them) and the default-like problem.
#pragma once

#include <vector>

#include "core/network.hpp"
#include "core/problem_spec.hpp"

namespace zg::test {

/// A ProblemSpec whose teacher has the given planar angles (degrees) and weights.
inline ProblemSpec planar_problem(int dimension, const std::vector<double>& degrees,
                                  const std::vector<double>& weights) {
  ProblemSpec p;
  p.teacher.dimension = dimension;
  PlanarDirections planar;
  for (double d : degrees) planar.angles_deg.emplace_back(d);
  p.teacher.directions = planar;
  for (double w : weights) p.teacher.weights.emplace_back(w);
  return p;
}

/// The embedded default's shape: d = 16, teachers at 0/60/120 deg with signs + - +, and six
/// students within 5 deg of them.
inline ProblemSpec default_like_problem() {
  ProblemSpec p = planar_problem(16, {0, 60, 120}, {1, -1, 1});
  p.student = StudentSpec{NearTeacherStudent{6, 5.0, 11}};
  return p;
}

/// The planar teacher as a network at Mp's current precision.
inline Network<Mp> planar_teacher(Eigen::Index d, const std::vector<int>& degrees, const std::vector<int>& signs) {
  const auto m = static_cast<Eigen::Index>(degrees.size());
  Network<Mp> t{Vec<Mp>(m), Mat<Mp>::Zero(d, m)};
  for (Eigen::Index i = 0; i < m; ++i) {
    const Mp a = Mp(degrees[static_cast<std::size_t>(i)]) * pi<Mp>() / 180;
    t.W(0, i) = cos(a);
    t.W(1, i) = sin(a);
    t.a(i) = signs[static_cast<std::size_t>(i)];
  }
  return t;
}

}  // namespace zg::test

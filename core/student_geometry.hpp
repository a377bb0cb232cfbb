// Where a student's mass sits relative to the teacher's lines (docs/math.md §4, §6): the
// quantities the convergence claims (T1, W1, S3) judge a final state by. Neuron j carries
// mass u_j = a_j |w_j| at direction w_j^; its distance to the teacher is
// delta_j = min_i angle(w_j^, +-w_i*), in [0, pi/2].
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/network.hpp"
#include "core/numeric_types.hpp"

namespace zg {

template <class T>
struct StudentGeometry {
  T max_angle;        ///< largest delta_j (rad) over neurons with |u_j| >= mass_floor; 0 if none
  T far_mass;         ///< sum of |u_j| with delta_j > neighbourhood
  T cancelling_mass;  ///< sum over teacher lines i of (sum |u_j| - |sum u_j|), j nearest to line i
  T weighted_delta_sq;  ///< sum_j |a_j| |w_j| delta_j^2: the left side of the D4 bound
  T total_mass;       ///< sum_j |u_j|
};

/// delta(w^) = min_i angle(w^, +-w_i*) for a unit w^ and unit teacher columns, with the
/// index of the nearest line. Evaluated as 2 atan2(|w^ - s w_i*|, |w^ + s w_i*|) with
/// s = sign(w^.w_i*), accurate for small angles (an acos of a rounded cosine loses half
/// the digits there). Guarantee: estimate, absolute error O(d eps).
template <class T>
std::pair<T, Eigen::Index> nearest_teacher_line(const Vec<T>& unit_w, const Mat<T>& teacher_dirs) {
  using std::atan2;
  T best = pi<T>();
  Eigen::Index nearest = 0;
  for (Eigen::Index i = 0; i < teacher_dirs.cols(); ++i) {
    const T s = unit_w.dot(teacher_dirs.col(i)) < 0 ? T(-1) : T(1);
    const T minus = (unit_w - s * teacher_dirs.col(i)).norm();
    const T plus = (unit_w + s * teacher_dirs.col(i)).norm();
    const T angle = 2 * atan2(minus, plus);
    if (angle < best) best = angle, nearest = i;
  }
  return {best, nearest};
}

/// The geometry of a student against unit teacher directions. Neurons with w_j = 0 carry
/// no mass and are skipped. Guarantee: estimate; each sum has relative error O(m d eps).
template <class T>
StudentGeometry<T> student_geometry(const Network<T>& student, const Mat<T>& teacher_dirs, const T& mass_floor,
                                    const T& neighbourhood) {
  using std::abs;
  StudentGeometry<T> g{T(0), T(0), T(0), T(0), T(0)};
  std::vector<T> line_total(static_cast<std::size_t>(teacher_dirs.cols()), T(0)), line_net(line_total);
  for (Eigen::Index j = 0; j < student.width(); ++j) {
    const T norm = student.W.col(j).norm();
    if (!(norm > 0)) continue;
    const Vec<T> unit = student.W.col(j) / norm;
    const auto [delta, nearest] = nearest_teacher_line<T>(unit, teacher_dirs);
    // relu>=2 is even (relu(z) - relu(-z) = z is the removed order-1 part), so a neuron at
    // -w_i* acts exactly like one at w_i*: its signed mass is a_j |w_j| either way.
    const T mass = abs(student.a(j)) * norm;
    const T signed_mass = student.a(j) * norm;
    g.total_mass += mass;
    g.weighted_delta_sq += mass * delta * delta;
    if (mass >= mass_floor) g.max_angle = std::max(g.max_angle, delta);
    if (delta > neighbourhood) {
      g.far_mass += mass;
      continue;
    }
    line_total[static_cast<std::size_t>(nearest)] += mass;
    line_net[static_cast<std::size_t>(nearest)] += signed_mass;
  }
  for (std::size_t i = 0; i < line_total.size(); ++i) g.cancelling_mass += line_total[i] - abs(line_net[i]);
  return g;
}

}  // namespace zg

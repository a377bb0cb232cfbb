// The teacher's span and the teacher embedded in R^d with its geometry kept (docs/math.md
// §5): the one embedding claims S1 and S2 (lemmas/algorithm_checks.hpp) and `verify sweep
// samples` (verify/sweep_samples.hpp) put the configured teacher through.
#pragma once

#include "core/network.hpp"
#include "core/problem_spec.hpp"

namespace zg {

struct SpanTeacher {
  Network<Mp> teacher;  ///< as configured, at working precision
  Mat<Mp> basis;        ///< d x r: orthonormal basis of span{w_i*}
  Mat<double> coords;   ///< r x m*: the teacher's span coordinates (unit columns), rounded
};

/// The configured teacher at working precision (`digits` of it), its span's basis
/// (core/covering.hpp span_basis, rank at 10^-(digits/2) as A1's numerical_rank) and its
/// directions' coordinates in that basis.
SpanTeacher span_teacher(const TeacherSpec& spec, unsigned digits);

/// The teacher in R^d, in double, with its span coordinates on the first r = rank axes
/// and zeros below: the same geometry at every d. Requires d >= r (asserted; callers
/// refuse a smaller d with their own message).
Network<double> embedded_teacher(const SpanTeacher& s, Eigen::Index d);

}  // namespace zg

// The teacher's span and its embedding in R^d (lemmas/span_teacher.hpp).
#include "lemmas/span_teacher.hpp"

#include <cassert>

#include "core/covering.hpp"

namespace zg {

SpanTeacher span_teacher(const TeacherSpec& spec, unsigned digits) {
  SpanTeacher s;
  s.teacher = build_teacher<Mp>(spec);
  // Rank at 10^-(digits/2), as A1's numerical_rank.
  s.basis = span_basis(s.teacher.W, Mp(pow(Mp(10), -static_cast<int>(digits / 2))));
  s.coords = Mat<Mp>(s.basis.transpose() * s.teacher.W).cast<double>();
  return s;
}

Network<double> embedded_teacher(const SpanTeacher& s, Eigen::Index d) {
  const Eigen::Index r = s.coords.rows();
  assert(d >= r);
  Network<double> t{s.teacher.a.cast<double>(), Mat<double>::Zero(d, s.coords.cols())};
  t.W.topRows(r) = s.coords;
  return t;
}

}  // namespace zg

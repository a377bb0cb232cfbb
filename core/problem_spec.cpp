// Materialises a ProblemSpec at the working precision (core/problem_spec.hpp, docs/math.md §3):
// the teacher with unit directions, and the student, either as given or generated near
// the teacher from seeded doubles, so that every precision builds the same network.
#include "core/problem_spec.hpp"

#include <cmath>
#include <stdexcept>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

namespace zg {

std::string SpecNumber::text() const {
  if (const double* x = std::get_if<double>(&repr)) return to_decimal(*x, 17);
  return std::get<std::string>(repr);
}

namespace {

// True when x is certainly a positive finite number (for an interval: every point is).
template <class T>
bool certainly_positive_finite(const T& x) {
  if constexpr (is_interval_v<T>) {
    return boost::multiprecision::lower(x) > 0 && boost::multiprecision::isfinite(boost::multiprecision::upper(x));
  } else {
    using std::isfinite;
    return isfinite(x) && x > 0;
  }
}

template <class T>
T dot(const Vec<T>& u, const Vec<T>& v) {
  T s(0);
  for (Eigen::Index i = 0; i < u.size(); ++i) s += u(i) * v(i);
  return s;
}

// v / ||v||, computed at T's precision. Throws std::invalid_argument, naming `what`, when
// the norm is zero or not finite (for an interval: when it may be).
template <class T>
Vec<T> normalised(const Vec<T>& v, const std::string& what) {
  using std::sqrt;
  const T norm = sqrt(dot(v, v));
  if (!certainly_positive_finite(norm)) throw std::invalid_argument(what + ": zero or non-finite vector");
  return v / norm;
}

template <class T>
Vec<T> to_vec(const std::vector<SpecNumber>& xs) {
  Vec<T> v(static_cast<Eigen::Index>(xs.size()));
  for (Eigen::Index i = 0; i < v.size(); ++i) v(i) = xs[static_cast<std::size_t>(i)].as<T>();
  return v;
}

template <class T>
Vec<T> direction_from_degrees(Eigen::Index d, const SpecNumber& degrees) {
  using std::cos;
  using std::sin;
  const T t = degrees.as<T>() * pi<T>() / 180;
  Vec<T> w = Vec<T>::Zero(d);
  w(0) = cos(t);
  w(1) = sin(t);
  return w;
}

// The unnormalised teacher directions as columns, at T's precision.
template <class T>
Mat<T> raw_teacher_directions(const TeacherSpec& spec) {
  const Eigen::Index d = spec.dimension;
  if (const auto* planar = std::get_if<PlanarDirections>(&spec.directions)) {
    if (d < 2) throw std::invalid_argument("teacher: angles_deg needs dimension >= 2");
    Mat<T> W(d, static_cast<Eigen::Index>(planar->angles_deg.size()));
    for (Eigen::Index i = 0; i < W.cols(); ++i)
      W.col(i) = direction_from_degrees<T>(d, planar->angles_deg[static_cast<std::size_t>(i)]);
    return W;
  }
  const auto& rows = std::get<ExplicitDirections>(spec.directions).directions;
  Mat<T> W(d, static_cast<Eigen::Index>(rows.size()));
  for (Eigen::Index i = 0; i < W.cols(); ++i) {
    const std::vector<SpecNumber>& row = rows[static_cast<std::size_t>(i)];
    if (static_cast<Eigen::Index>(row.size()) != d)
      throw std::invalid_argument("teacher: direction " + std::to_string(i) + " does not have dimension entries");
    W.col(i) = to_vec<T>(row);
  }
  return W;
}

template <class T>
Network<T> explicit_student(const ExplicitStudent& spec, Eigen::Index d) {
  if (spec.weights.size() != spec.directions.size())
    throw std::invalid_argument("student: one weight per direction is required");
  Network<T> s;
  s.a = to_vec<T>(spec.weights);
  s.W.resize(d, s.a.size());
  for (Eigen::Index j = 0; j < s.W.cols(); ++j) {
    const std::vector<SpecNumber>& row = spec.directions[static_cast<std::size_t>(j)];
    if (static_cast<Eigen::Index>(row.size()) != d)
      throw std::invalid_argument("student: direction " + std::to_string(j) +
                                  " does not match the teacher's dimension");
    s.W.col(j) = to_vec<T>(row);
  }
  return s;
}

// Neuron j copies teacher direction i = j mod m*, turned by phi_j ~ U[0, angle_deg] towards
// a random unit tangent at it; teacher weight a_i* is shared evenly by its k_i copies and
// each copy is balanced: |a_j| = ||w_j|| = sqrt(|a_i*| / k_i). The random draws are doubles
// from one seeded engine, in a fixed order, so the network is the same at every precision.
template <class T>
Network<T> near_teacher_student(const NearTeacherStudent& spec, const Network<T>& teacher) {
  using std::abs;
  using std::cos;
  using std::sin;
  using std::sqrt;
  const Eigen::Index d = teacher.dim(), m_star = teacher.width(), m = spec.width;
  if (m < 1 || m_star < 1) throw std::invalid_argument("student: width and teacher width must be at least 1");
  if (d < 2) throw std::invalid_argument("student: a rotation near the teacher needs dimension >= 2");

  boost::random::mt19937_64 engine(spec.seed);
  boost::random::uniform_real_distribution<double> unit_interval(0.0, 1.0);
  boost::random::normal_distribution<double> normal;

  Network<T> s;
  s.a.resize(m);
  s.W.resize(d, m);
  for (Eigen::Index j = 0; j < m; ++j) {
    const Eigen::Index i = j % m_star;
    const Eigen::Index copies = m / m_star + (i < m % m_star ? 1 : 0);
    const double phi_deg = spec.angle_deg * unit_interval(engine);
    Vec<T> g(d);
    for (Eigen::Index k = 0; k < d; ++k) g(k) = T(normal(engine));

    const Vec<T> w_star = teacher.W.col(i);
    const Vec<T> tangent = normalised<T>(g - dot(g, w_star) * w_star, "student: tangent");
    const T phi = T(phi_deg) * pi<T>() / 180;
    const T scale = sqrt(abs(teacher.a(i)) / T(copies));
    s.W.col(j) = scale * (cos(phi) * w_star + sin(phi) * tangent);
    s.a(j) = teacher.a(i) < 0 ? -scale : scale;
  }
  return s;
}

}  // namespace

template <class T>
Network<T> build_teacher(const TeacherSpec& spec) {
  if (spec.dimension < 1) throw std::invalid_argument("teacher: dimension must be at least 1");
  const Mat<T> raw = raw_teacher_directions<T>(spec);
  if (static_cast<std::size_t>(raw.cols()) != spec.weights.size())
    throw std::invalid_argument("teacher: one weight per direction is required");
  Network<T> t;
  t.a = to_vec<T>(spec.weights);
  t.W.resize(raw.rows(), raw.cols());
  for (Eigen::Index i = 0; i < raw.cols(); ++i)
    t.W.col(i) = normalised<T>(raw.col(i), "teacher: direction " + std::to_string(i));
  return t;
}

template <class T>
Network<T> build_student(const StudentSpec& spec, const Network<T>& teacher) {
  if (const auto* given = std::get_if<ExplicitStudent>(&spec)) return explicit_student<T>(*given, teacher.dim());
  return near_teacher_student(std::get<NearTeacherStudent>(spec), teacher);
}

template Network<double> build_teacher<double>(const TeacherSpec&);
template Network<Mp> build_teacher<Mp>(const TeacherSpec&);
template Network<Mpi> build_teacher<Mpi>(const TeacherSpec&);
template Network<double> build_student<double>(const StudentSpec&, const Network<double>&);
template Network<Mp> build_student<Mp>(const StudentSpec&, const Network<Mp>&);
template Network<Mpi> build_student<Mpi>(const StudentSpec&, const Network<Mpi>&);

}  // namespace zg

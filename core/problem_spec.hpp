// A problem as the user specified it, independent of the working precision: the teacher,
// an optional student, lambda. Numbers stay exact (a binary double or a decimal string)
// until build_teacher / build_student turn them into values of the working precision,
// so a precision escalation re-reads them instead of widening rounded values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/network.hpp"
#include "core/numeric_types.hpp"

namespace zg {

/// A number from a configuration: a binary double (TOML/JSON float, taken exactly) or
/// decimal text (taken at full working precision).
struct SpecNumber {
  std::variant<double, std::string> repr;

  SpecNumber() : repr(0.0) {}
  SpecNumber(double x) : repr(x) {}             // NOLINT: implicit by design
  SpecNumber(std::string s) : repr(std::move(s)) {}  // NOLINT

  /// The value at T's current precision. Exact for a double into Mp/Mpi; correctly
  /// rounded from decimal text.
  template <class T>
  T as() const {
    if (const double* x = std::get_if<double>(&repr)) return T(*x);
    return parse_decimal<T>(std::get<std::string>(repr));
  }
  /// The number as the user wrote it (doubles with 17 significant digits).
  std::string text() const;
};

/// Teacher directions given explicitly (normalised at working precision) ...
struct ExplicitDirections {
  std::vector<std::vector<SpecNumber>> directions;  ///< m* rows of length d
};
/// ... or as angles in the plane of the first two coordinate axes:
/// w_i = cos(t_i) e_1 + sin(t_i) e_2, t_i in degrees (computed at working precision).
struct PlanarDirections {
  std::vector<SpecNumber> angles_deg;
};

struct TeacherSpec {
  int dimension = 0;
  std::variant<ExplicitDirections, PlanarDirections> directions;
  std::vector<SpecNumber> weights;  ///< a_i*, length m*
};

/// Student given explicitly: weight vectors need not be unit.
struct ExplicitStudent {
  std::vector<std::vector<SpecNumber>> directions;  ///< m rows of length d
  std::vector<SpecNumber> weights;
};
/// Student generated near the teacher: neuron j copies teacher direction (j mod m*),
/// rotated by a seeded random angle in [0, angle_deg] towards a seeded random tangent
/// direction; the teacher weight is split evenly among its copies and each neuron is
/// balanced (|a_j| = ||w_j||).
struct NearTeacherStudent {
  int width = 0;
  double angle_deg = 0;
  std::uint64_t seed = 0;
};
using StudentSpec = std::variant<ExplicitStudent, NearTeacherStudent>;

/// How the certificate claims (D2) search and judge (config table [certificate]).
struct CertificateSettings {
  double rho_floor = 0;          ///< D2 passes when the measured rho_eta exceeds this
  double far_radius_deg = 10;    ///< max_abs_eta_far is taken at angle >= this from every +-w_i*
  std::size_t start_points = 4000;  ///< low-discrepancy start points of the sampled search
  double certify_fraction = 0.9;    ///< D2c proves rho = this x the sampled rho_eta
};

struct ProblemSpec {
  TeacherSpec teacher;
  std::optional<StudentSpec> student;
  SpecNumber lambda{1e-3};
  CertificateSettings certificate;
};

/// The teacher at T's current precision, directions normalised (MATH.md §3: ||w_i*|| = 1).
/// Throws std::invalid_argument on a zero or non-finite direction.
template <class T>
Network<T> build_teacher(const TeacherSpec& spec);

/// The student at T's current precision (requires the teacher for NearTeacherStudent).
template <class T>
Network<T> build_student(const StudentSpec& spec, const Network<T>& teacher);

}  // namespace zg

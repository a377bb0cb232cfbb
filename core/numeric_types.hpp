// The three scalar types of the numeric core and the precision controls they share.
// DESIGN.md "One numeric core, three number types": double for exploration, MPFR for
// every verdict, MPFI intervals for enclosures. Expression templates are switched off
// (et_off): code that reasons about rounding must see each operation evaluated in turn.
#pragma once

#include <boost/multiprecision/mpfi.hpp>
#include <boost/multiprecision/mpfr.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <type_traits>

namespace zg {

/// High-precision real: MPFR, precision chosen at run time (decimal digits).
using Mp = boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<0>,
                                         boost::multiprecision::et_off>;
/// Interval over MPFR endpoints (MPFI): every operation returns an enclosure.
using Mpi = boost::multiprecision::number<boost::multiprecision::mpfi_float_backend<0>,
                                          boost::multiprecision::et_off>;

template <class T>
inline constexpr bool is_interval_v = std::is_same_v<T, Mpi>;

template <class T>
inline constexpr bool is_multiprecision_v = std::is_same_v<T, Mp> || std::is_same_v<T, Mpi>;

/// Smallest and largest working precision accepted anywhere (decimal digits).
inline constexpr unsigned kMinDigits = 16;
inline constexpr unsigned kMaxDigits = 1000;

/// Sets the process-wide default precision of Mp and Mpi for its lifetime and restores
/// the previous one after. Boost 1.74 keeps one default per process, so set it before
/// any value is made and never from several threads.
class ScopedDigits {
 public:
  explicit ScopedDigits(unsigned digits10)
      : old_mp_(Mp::default_precision()), old_mpi_(Mpi::default_precision()) {
    Mp::default_precision(digits10);
    Mpi::default_precision(digits10);
  }
  ~ScopedDigits() {
    Mp::default_precision(old_mp_);
    Mpi::default_precision(old_mpi_);
  }
  ScopedDigits(const ScopedDigits&) = delete;
  ScopedDigits& operator=(const ScopedDigits&) = delete;

 private:
  unsigned old_mp_;
  unsigned old_mpi_;
};

/// Machine epsilon of the value in hand: 2^(1-p) for a p-bit significand.
/// Exact. For Mp it reads the precision of x itself, not the process default, so a
/// tolerance made from it follows the value even if the default has changed since.
inline double eps_of(double) { return std::numeric_limits<double>::epsilon(); }
inline Mp eps_of(const Mp& x) {
  const long bits = static_cast<long>(mpfr_get_prec(x.backend().data()));
  Mp e(1, x.precision());
  return ldexp(e, static_cast<int>(1 - bits));
}

/// Machine epsilon at the current default precision of T. Exact.
template <class T>
T working_eps() {
  if constexpr (std::is_same_v<T, double>) {
    return std::numeric_limits<double>::epsilon();
  } else {
    return T(eps_of(Mp(1)));
  }
}

/// Decimal digits carried by the current default precision of T.
template <class T>
unsigned working_digits() {
  if constexpr (std::is_same_v<T, double>) {
    return 16;
  } else {
    return T::default_precision();
  }
}

/// pi correctly rounded at the current precision of T (an enclosure for Mpi).
template <class T>
T pi() {
  if constexpr (std::is_same_v<T, double>) {
    return 3.141592653589793238462643383279502884;
  } else {
    return boost::math::constants::pi<T>();
  }
}

/// Decimal text of x with `digits` significant digits, scientific notation.
/// Correctly rounded for Mp (MPFR's own conversion); for double, 17 digits at most are
/// meaningful. For Mpi, the midpoint followed by the radius: "m +/- r".
std::string to_decimal(double x, unsigned digits = 17);
std::string to_decimal(const Mp& x, unsigned digits);
std::string to_decimal(const Mpi& x, unsigned digits);

/// Parses a decimal (or TOML/JSON-style float) string into T at its current precision.
/// Correctly rounded for Mp (mpfr_set_str); for Mpi the enclosure of the exact decimal.
/// Throws std::invalid_argument when the text is not a finite number.
template <class T>
T parse_decimal(const std::string& text);
template <>
double parse_decimal<double>(const std::string& text);
template <>
Mp parse_decimal<Mp>(const std::string& text);
template <>
Mpi parse_decimal<Mpi>(const std::string& text);

/// 1 + sign * x for the decimal x in `text` (sign = +1 or -1), the sum formed exactly in
/// decimal and then rounded once into Mp at its current precision: correctly rounded.
/// parse_decimal followed by a subtraction would carry x's rounding, relative error
/// eps / |1 + sign x|, which is unbounded near x = -sign (e.g. 1 + rho as rho -> -1).
/// Throws std::invalid_argument when the text is not a finite number (as parse_decimal).
Mp parse_one_plus_decimal(const std::string& text, int sign);

}  // namespace zg

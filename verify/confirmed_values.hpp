// Ziv's strategy for the values a report prints (docs/math.md §2.2 "Printed digits (reports)"):
// a claim is run a second time at a higher precision, and each of its measured values
// keeps only the digits the second evaluation confirms; the rest are cut and the
// difference becomes the value's error. A verdict that changes with the precision was
// not earned at either and becomes INCONCLUSIVE.
#pragma once

#include <cstddef>

#include "core/claim_record.hpp"

namespace zg {

/// What confirm_values did to one claim's result.
struct ValueConfirmation {
  std::size_t compared = 0;   ///< values found in both evaluations and compared
  std::size_t shortened = 0;  ///< of those, printed with fewer digits and an error
  bool verdict_changed = false;
};

/// The precision of the confirming evaluation for a claim run at `digits`: a quarter more,
/// and at least 10 digits more, so that every value carries digits the first lacked.
unsigned confirming_digits(unsigned digits);

/// Compares `shown` (the result the report shows, at shown.digits) with `higher` (the same
/// claim run again at higher.digits > shown.digits) and rewrites shown's values:
/// - a decimal value whose digits `higher` confirms is kept as it is;
/// - one it does not is printed with the digits the two agree on, and its error becomes
///   the larger of the one it had and |higher - shown| plus the rounding of the printed
///   text (zg::confirmed_decimal);
/// - counts (integer text: exact facts of this run), times (unit "s"), non-decimal text and
///   values `higher` does not have are left alone and not counted as compared.
/// A verdict that differs between the two becomes INCONCLUSIVE, saying both. Sets
/// shown.confirmed_digits = higher.digits.
ValueConfirmation confirm_values(ClaimResult& shown, const ClaimResult& higher);

}  // namespace zg

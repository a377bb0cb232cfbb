// A point of the certificate sweep (verify/sweep_command.hpp) as the record the sweep
// engine stores, sends between ranks and checkpoints (verify/sweep_engine.hpp): one line of
// JSON, every Mp with the digits that read back to the same value at the working
// precision, so that a point rendered from its record is the point that was computed.
#pragma once

#include <string>

#include "verify/sweep_command.hpp"

namespace zg {

/// {"family":"equal","delta_deg":5,"singular":false,"rho_eta":"…","worst_angle_deg":"…",
/// "max_abs_eta":"…","condition":"…","note":"…"}; a NaN value is "nan". Exact: parsing
/// the text at the same precision gives back every value bit for bit.
std::string sweep_point_record(const SweepPoint& point);

/// The point of a record, its values read at the current precision. Throws
/// std::invalid_argument for a text sweep_point_record did not write.
SweepPoint parse_sweep_point_record(const std::string& record);

/// Decimal digits that read back to x exactly at x's precision p bits: 1 + ceil(p log10 2)
/// (MPFR's mpfr_get_str bound); "nan", "inf", "-inf" for those.
std::string round_trip_decimal(const Mp& x);

/// Inverse of round_trip_decimal at the current precision (correctly rounded).
Mp parse_round_trip_decimal(const std::string& text);

}  // namespace zg

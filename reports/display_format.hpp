// How the human-facing reports (Markdown, JUnit messages) show numbers: decimal strings
// cut to a readable number of digits without going through double, margins with their
// unit, and durations in seconds. The JSON report never uses these; it keeps every digit.
#pragma once

#include <cstddef>
#include <string>

#include "core/claim_record.hpp"

namespace zg::detail {

/// Significant digits a Markdown table shows of a measurement; the JSON keeps all.
inline constexpr std::size_t kTableDigits = 20;

/// `value` cut to at most `max_digits` significant digits, the cut marked by "…"
/// ("3.1415926535897932384…", "1.2345678901234567890…e26"). Truncation works on the
/// string, so no digit is invented or rounded through double. Text that is not a plain
/// decimal ("nan", "", intervals) and decimals already short enough come back unchanged.
/// Requires max_digits >= 1.
std::string shorten_decimal(const std::string& value, std::size_t max_digits);

/// False for a margin with neither unit nor text: the check did not measure one
/// (a skipped claim, say), and its value means nothing.
bool margin_measured(const Margin& margin);

/// "12.3 digits", "2.1 σ" (unit "sigma"), "0.003 rad"; "—" when the margin was not
/// measured or its value is not finite.
std::string format_margin(const Margin& margin);

/// "0.42 s".
std::string format_seconds(double seconds);

}  // namespace zg::detail

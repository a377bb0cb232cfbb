// Certificate-sweep points as records (verify/sweep_point_record.hpp).
#include "verify/sweep_point_record.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace zg {
namespace {

using nlohmann::json;

SweepFamily family_named(const std::string& name) {
  for (SweepFamily f : {SweepFamily::Equal, SweepFamily::Opposite, SweepFamily::Three})
    if (name == to_string(f)) return f;
  throw std::invalid_argument("sweep record: unknown family '" + name + "'");
}

}  // namespace

std::string round_trip_decimal(const Mp& x) {
  using boost::multiprecision::isinf;
  using boost::multiprecision::isnan;
  if (isnan(x)) return "nan";
  if (isinf(x)) return x > 0 ? "inf" : "-inf";
  const auto bits = static_cast<double>(mpfr_get_prec(x.backend().data()));
  return to_decimal(x, 1 + static_cast<unsigned>(std::ceil(bits * std::log10(2.0))));
}

Mp parse_round_trip_decimal(const std::string& text) {
  if (text == "nan") return std::numeric_limits<Mp>::quiet_NaN();
  if (text == "inf") return std::numeric_limits<Mp>::infinity();
  if (text == "-inf") return -std::numeric_limits<Mp>::infinity();
  return parse_decimal<Mp>(text);
}

std::string sweep_point_record(const SweepPoint& p) {
  return json{{"family", to_string(p.family)},
              {"delta_deg", p.delta_deg},
              {"singular", p.singular},
              {"rho_eta", round_trip_decimal(p.rho_eta)},
              {"worst_angle_deg", round_trip_decimal(p.worst_angle_deg)},
              {"max_abs_eta", round_trip_decimal(p.max_abs_eta)},
              {"condition", round_trip_decimal(p.condition)},
              {"note", p.note}}
      .dump();
}

SweepPoint parse_sweep_point_record(const std::string& record) {
  const json j = json::parse(record, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) throw std::invalid_argument("sweep record: not a JSON object");
  try {
    SweepPoint p;
    p.family = family_named(j.at("family").get<std::string>());
    p.delta_deg = j.at("delta_deg").get<double>();
    p.singular = j.at("singular").get<bool>();
    p.rho_eta = parse_round_trip_decimal(j.at("rho_eta").get<std::string>());
    p.worst_angle_deg = parse_round_trip_decimal(j.at("worst_angle_deg").get<std::string>());
    p.max_abs_eta = parse_round_trip_decimal(j.at("max_abs_eta").get<std::string>());
    p.condition = parse_round_trip_decimal(j.at("condition").get<std::string>());
    p.note = j.at("note").get<std::string>();
    return p;
  } catch (const json::exception& e) {
    throw std::invalid_argument(std::string("sweep record: ") + e.what());
  }
}

}  // namespace zg

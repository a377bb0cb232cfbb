// The decay certificate's JSON (lemmas/decay_certificate_json.hpp, docs/proofs.md §7).
#include "lemmas/decay_certificate_json.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace zg {
namespace {

// ordered_json keeps the keys in the order written, which is the order of the format's
// description: a person reading the file meets the statement before the leaves.
using Json = nlohmann::ordered_json;

Json box_json(const DecimalBox& box) {
  Json out = Json::array();
  for (const DecimalRange& r : box) out.push_back(Json::array({r.lo, r.hi}));
  return out;
}

const char* outcome_name(DecayOutcome o) {
  switch (o) {
    case DecayOutcome::Proved: return "proved";
    case DecayOutcome::Violated: return "violated";
    case DecayOutcome::Budget: return "budget";
  }
  return "budget";
}

Json leaf_json(const DecayLeaf& l) {
  Json j{{"face", l.face}, {"box", box_json(l.box)}, {"method", to_json_name(l.method)}};
  if (l.method == LeafMethod::Enclosure)
    j["bound"] = l.bound;
  else
    j["index"] = l.index;
  return j;
}

Json cap_json(const DecayCap& cap) {
  Json pieces = Json::array();
  for (const CapPiece& p : cap.pieces)
    pieces.push_back(Json{{"face", Json::array({p.face, p.face_sign})},
                          {"box", box_json(p.box)},
                          {"d2_upper", p.d2_upper},
                          {"d2_lower", p.d2_lower}});
  return Json{{"touching", cap.touching},
              {"T", cap.T},
              {"h0_upper", cap.h0_upper},
              {"h0_lower", cap.h0_lower},
              {"slope_upper", cap.slope_upper},
              {"pieces", std::move(pieces)}};
}

Json strip_json(const DecayStrip& strip) {
  Json pieces = Json::array();
  for (const StripPiece& p : strip.pieces)
    pieces.push_back(Json{{"face", Json::array({p.face, p.face_sign})},
                          {"box", box_json(p.box)},
                          {"ds_lower", p.ds_lower},
                          {"h_lower", p.h_lower}});
  return Json{{"touching", strip.touching}, {"s0", strip.s0}, {"T", strip.T}, {"pieces", std::move(pieces)}};
}

Json statistics_json(const DecayStatistics& s) {
  // No wall time: the file is deterministic (report.json names it by its SHA-256, and two
  // runs of one configuration must give the same bytes); the time is in the report.
  Json j{{"boxes", s.boxes},
         {"max_depth", s.max_depth},
         {"fraction_proved", s.fraction_proved},
         {"unsettled", s.unsettled},
         {"detail", s.detail}};
  if (s.hardest)
    j["hardest"] = Json{{"part", s.hardest->part},
                        {"face", Json::array({s.hardest->face, s.hardest->face_sign})},
                        {"box", box_json(s.hardest->box)},
                        {"upper", s.hardest->upper}};
  return j;
}

// One element per line: a certificate holds thousands of leaves, and a leaf on a line of
// its own is what a person (or grep, or diff) wants to see.
std::string lines_of(const Json& array, const std::string& indent) {
  if (array.empty()) return "[]";
  std::string out = "[\n";
  for (std::size_t i = 0; i < array.size(); ++i)
    out += indent + "  " + array[i].dump() + (i + 1 < array.size() ? ",\n" : "\n");
  return out + indent + "]";
}

// A cap or strip: its scalars on one line each, its pieces one per line.
std::string part_of(const Json& part, const std::string& indent) {
  std::string out = "{";
  bool first = true;
  for (const auto& [key, value] : part.items()) {
    out += (first ? "\n" : ",\n") + indent + "  " + Json(key).dump() + ": " +
           (key == "pieces" ? lines_of(value, indent + "  ") : value.dump());
    first = false;
  }
  return out + "\n" + indent + "}";
}

std::string render(const Json& j) {
  std::string out = "{";
  bool first = true;
  for (const auto& [key, value] : j.items()) {
    std::string text;
    if (key == "leaves") {
      text = lines_of(value, "  ");
    } else if ((key == "caps" || key == "strips") && !value.empty()) {
      text = "[\n";
      for (std::size_t i = 0; i < value.size(); ++i)
        text += "    " + part_of(value[i], "    ") + (i + 1 < value.size() ? ",\n" : "\n");
      text += "  ]";
    } else {
      text = value.dump();
    }
    out += (first ? "\n" : ",\n") + std::string("  ") + Json(key).dump() + ": " + text;
    first = false;
  }
  return out + "\n}\n";
}

}  // namespace

std::string decay_certificate_json(const DecayCertificate& c) {
  Json j;
  j["format"] = "zgverify-decay-certificate";
  j["version"] = 1;
  j["claim"] = c.claim;
  j["arithmetic"] = "arb";
  j["precision_bits"] = c.precision_bits;
  j["outcome"] = outcome_name(c.outcome);
  j["teacher"] = Json{{"directions", c.directions}, {"weights", c.weights}};
  j["basis_skips"] = c.basis_skips;
  j["rank"] = c.rank;
  j["dimension"] = c.dimension;
  j["domain"] = to_json_name(c.domain);
  j["coefficients"] = Json{{"alpha", c.alpha}, {"beta", c.beta}};
  if (!c.dipoles.empty()) {
    Json dipoles = Json::array();
    for (const DecayDipole& d : c.dipoles) dipoles.push_back(Json{{"a", d.a}, {"b", d.b}, {"mass", d.mass}});
    j["dipoles"] = std::move(dipoles);
  }
  Json touching = Json::array();
  for (const DecayTouching& t : c.touching) touching.push_back(Json{{"centre", t.centre}, {"sign", t.sign}});
  j["touching"] = std::move(touching);
  j["rho"] = c.rho;
  j["tau_prime"] = c.tau_prime;
  j["tau"] = c.tau;
  Json leaves = Json::array();
  for (const DecayLeaf& l : c.leaves) leaves.push_back(leaf_json(l));
  j["leaves"] = std::move(leaves);
  Json caps = Json::array();
  for (const DecayCap& cap : c.caps) caps.push_back(cap_json(cap));
  j["caps"] = std::move(caps);
  Json strips = Json::array();
  for (const DecayStrip& s : c.strips) strips.push_back(strip_json(s));
  j["strips"] = std::move(strips);
  if (c.witness)
    j["witness"] = Json{{"face", c.witness->face}, {"box", box_json(c.witness->box)},
                        {"excess_lower", c.witness->excess_lower}};
  else
    j["witness"] = nullptr;
  j["statistics"] = statistics_json(c.statistics);
  return render(j);
}

}  // namespace zg

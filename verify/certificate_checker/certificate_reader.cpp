// Strict JSON reader of decay certificates (docs/proofs.md §7).
#include "certificate_checker/certificate_reader.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

#include "certificate_checker/decimal.hpp"

namespace zg::checker {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& field, const std::string& problem) {
  throw CertificateFormatError(field, problem);
}

std::string type_name(const json& v) {
  return v.type_name();
}

// A first pass over the text (SAX, no values kept) that bounds the nesting depth and
// rejects duplicate keys (the DOM parser would silently keep the last one); then the DOM.
class StructureCheck final : public nlohmann::json_sax<json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override {
    enter();
    keys_.emplace_back();
    return true;
  }
  bool key(string_t& k) override {
    std::vector<std::string>& seen = keys_.back();
    if (std::find(seen.begin(), seen.end(), k) != seen.end())
      fail("JSON", fmt::format("duplicate key \"{}\" in one object", k));
    seen.push_back(k);
    return true;
  }
  bool end_object() override {
    keys_.pop_back();
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override {
    enter();
    return true;
  }
  bool end_array() override {
    --depth_;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    fail("JSON", fmt::format("not valid JSON ({})", e.what()));
  }

 private:
  void enter() {
    if (++depth_ > kMaxJsonDepth)
      fail("JSON", fmt::format("nested deeper than {} levels; no field of the format is", kMaxJsonDepth));
  }
  int depth_ = 0;
  std::vector<std::vector<std::string>> keys_;
};

json parse_strict(const std::string& text) {
  StructureCheck check;
  json::sax_parse(text, &check);
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    fail("JSON", fmt::format("not valid JSON ({})", e.what()));
  }
}

class Reader {
 public:
  const json& member(const json& obj, const char* key, const std::string& path) const {
    const auto it = obj.find(key);
    if (it == obj.end()) fail(join(path, key), "missing");
    return *it;
  }

  // `keys` must all be present; `optional` may be.
  void object(const json& v,
              const std::string& path,
              std::initializer_list<const char*> keys,
              std::initializer_list<const char*> optional = {}) const {
    if (!v.is_object()) fail(path, "expected an object, found " + type_name(v));
    auto listed = [&](const std::string& key) {
      auto eq = [&](const char* k) { return key == k; };
      return std::find_if(keys.begin(), keys.end(), eq) != keys.end() ||
             std::find_if(optional.begin(), optional.end(), eq) != optional.end();
    };
    for (auto it = v.begin(); it != v.end(); ++it)
      if (!listed(it.key())) fail(join(path, it.key()), "unknown field (docs/proofs.md §7 does not define it)");
    for (const char* k : keys) member(v, k, path);
  }

  void array(const json& v, const std::string& path, std::size_t min_size, std::size_t max_size) const {
    if (!v.is_array()) fail(path, "expected an array, found " + type_name(v));
    if (v.size() < min_size || v.size() > max_size) {
      if (min_size == max_size) fail(path, fmt::format("expected {} entries, found {}", min_size, v.size()));
      fail(path, fmt::format("expected {} to {} entries, found {}", min_size, max_size, v.size()));
    }
  }

  long integer(const json& v, const std::string& path, long lo, long hi) const {
    if (!v.is_number_integer()) fail(path, "expected an integer, found " + type_name(v));
    long x = 0;
    if (v.is_number_unsigned()) {
      const auto u = v.get<std::uint64_t>();
      if (u > static_cast<std::uint64_t>(hi)) fail(path, fmt::format("{} is out of range [{}, {}]", u, lo, hi));
      x = static_cast<long>(u);
    } else {
      x = static_cast<long>(v.get<std::int64_t>());
    }
    if (x < lo || x > hi) fail(path, fmt::format("{} is out of range [{}, {}]", x, lo, hi));
    return x;
  }

  std::string string(const json& v, const std::string& path) const {
    if (!v.is_string()) fail(path, "expected a string, found " + type_name(v));
    return v.get<std::string>();
  }

  std::string decimal(const json& v, const std::string& path) const {
    if (v.is_number()) fail(path, "expected a decimal string, found a JSON number (write it as a string)");
    const std::string s = string(v, path);
    std::string why;
    if (!parse_decimal(s, &why)) fail(path, fmt::format("\"{}\": {}", abbreviate(s), why));
    return s;
  }

  double corner(const json& v, const std::string& path) const {
    const std::string s = decimal(v, path);
    const std::optional<double> d = exact_double(s);
    if (!d) fail(path, fmt::format("\"{}\" is not exactly a double (box corners are binary64 numbers)", abbreviate(s)));
    return *d;
  }

  // A box of `dims` intervals [lo, hi] with exact double corners inside [root_lo, root_hi].
  Box box(const json& v, const std::string& path, int dims, bool allow_point) const {
    array(v, path, static_cast<std::size_t>(dims), static_cast<std::size_t>(dims));
    Box b;
    b.dims = dims;
    for (int k = 0; k < dims; ++k) {
      const std::string pk = fmt::format("{}[{}]", path, k);
      array(v[k], pk, 2, 2);
      b.lo[k] = corner(v[k][0], pk + "[0]");
      b.hi[k] = corner(v[k][1], pk + "[1]");
      if (!(b.lo[k] < b.hi[k]) && !(allow_point && b.lo[k] == b.hi[k]))
        fail(pk, fmt::format("empty interval [{}, {}] (need lo < hi)", exact_decimal(b.lo[k]), exact_decimal(b.hi[k])));
    }
    return b;
  }

  static std::string join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }
  static std::string abbreviate(const std::string& s) { return s.size() <= 60 ? s : s.substr(0, 57) + "..."; }
};

// The leaf's box must lie in its face's chart: [-1,1]^(r-1) (sphere), [0,1] x [-1,1]^(r-1)
// (ball).
void check_in_chart(const Box& b, Domain domain, const std::string& path) {
  for (int k = 0; k < b.dims; ++k) {
    const double lo = (domain == Domain::ball && k == 0) ? 0.0 : -1.0;
    if (b.lo[k] < lo || b.hi[k] > 1.0)
      fail(
          fmt::format("{}[{}]", path, k),
          fmt::format("[{}, {}] leaves the chart's range [{}, 1]", exact_decimal(b.lo[k]), exact_decimal(b.hi[k]), lo));
  }
}

Piece read_piece(const Reader& rd,
                 const json& v,
                 const std::string& path,
                 int rank,
                 int dims,
                 const char* recorded,
                 const char* second) {
  rd.object(v, path, {"face", "box", recorded}, {second});
  Piece p;
  const json& f = rd.member(v, "face", path);
  rd.array(f, path + ".face", 2, 2);
  p.face = static_cast<int>(rd.integer(f[0], path + ".face[0]", 1, rank - 1));
  const long sign = rd.integer(f[1], path + ".face[1]", -1, 1);
  if (sign == 0) fail(path + ".face[1]", "the side of face (k, ±1) must be 1 or -1, found 0");
  p.face_sign = static_cast<int>(sign);
  p.box = rd.box(rd.member(v, "box", path), path + ".box", dims, false);
  p.recorded = rd.decimal(rd.member(v, recorded, path), path + "." + recorded);
  if (v.contains(second)) p.recorded_second = rd.decimal(v[second], path + "." + second);
  return p;
}

Certificate read_json(const json& root) {
  const Reader rd;
  Certificate c;
  rd.object(root,
            "",
            {"format",
             "version",
             "claim",
             "arithmetic",
             "precision_bits",
             "teacher",
             "basis_skips",
             "rank",
             "dimension",
             "domain",
             "coefficients",
             "touching",
             "rho",
             "tau_prime",
             "tau",
             "leaves",
             "caps",
             "strips",
             "witness"},
            // written by the prover's JSON writer (lemmas/decay_certificate_json.cpp):
            {"outcome", "dipoles", "statistics"});

  if (rd.string(root["format"], "format") != "zgverify-decay-certificate")
    fail("format", "expected \"zgverify-decay-certificate\"");
  rd.integer(root["version"], "version", 1, 1);
  c.claim = rd.string(root["claim"], "claim");
  if (c.claim.empty() || c.claim.size() > 64 || !std::all_of(c.claim.begin(), c.claim.end(), [](char ch) {
        return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-' || ch == '.';
      }))
    fail("claim", "expected a claim id of 1 to 64 letters, digits, '_', '-' or '.'");
  c.arithmetic = rd.string(root["arithmetic"], "arithmetic");
  if (c.arithmetic != "arb" && c.arithmetic != "mpfi") fail("arithmetic", "expected \"arb\" or \"mpfi\"");
  c.precision_bits = rd.integer(root["precision_bits"], "precision_bits", kMinPrecisionBits, kMaxPrecisionBits);
  if (root.contains("outcome")) {
    const std::string o = rd.string(root["outcome"], "outcome");
    if (o == "proved")
      c.outcome = Outcome::proved;
    else if (o == "violated")
      c.outcome = Outcome::violated;
    else if (o == "budget")
      c.outcome = Outcome::budget;
    else
      fail("outcome", "expected \"proved\", \"violated\" or \"budget\"");
  }
  // "statistics" is for people; the checker reads nothing in it.
  if (root.contains("statistics") && !root["statistics"].is_object())
    fail("statistics", "expected an object, found " + type_name(root["statistics"]));

  // Header sizes first: every array length below follows from them.
  c.dimension = static_cast<int>(rd.integer(root["dimension"], "dimension", 2, kMaxDimension));
  c.rank = static_cast<int>(rd.integer(root["rank"], "rank", 2, std::min(kMaxRank, c.dimension)));

  const json& teacher = root["teacher"];
  rd.object(teacher, "teacher", {"directions", "weights"});
  const json& dirs = teacher["directions"];
  rd.array(dirs, "teacher.directions", static_cast<std::size_t>(c.rank), kMaxTeachers);
  const int m = static_cast<int>(dirs.size());
  for (int i = 0; i < m; ++i) {
    const std::string pi = fmt::format("teacher.directions[{}]", i);
    rd.array(dirs[i], pi, static_cast<std::size_t>(c.dimension), static_cast<std::size_t>(c.dimension));
    std::vector<std::string> row;
    bool nonzero = false;
    for (int k = 0; k < c.dimension; ++k) {
      row.push_back(rd.decimal(dirs[i][k], fmt::format("{}[{}]", pi, k)));
      const std::optional<DecimalParts> parts = parse_decimal(row.back(), nullptr);
      if (parts->digits != "0") nonzero = true;
      if (parts->digits != "0" &&
          (parts->exponent + static_cast<long>(parts->digits.size()) > 400 || parts->exponent < -1000))
        fail(fmt::format("{}[{}]", pi, k), "teacher coordinates must lie within 1e-1000 .. 1e400 in magnitude");
    }
    if (!nonzero) fail(pi, "the zero vector is not a direction");
    c.directions.push_back(std::move(row));
  }
  const json& weights = teacher["weights"];
  rd.array(weights, "teacher.weights", static_cast<std::size_t>(m), static_cast<std::size_t>(m));
  for (int i = 0; i < m; ++i) {
    const std::string pi = fmt::format("teacher.weights[{}]", i);
    c.weights.push_back(rd.decimal(weights[i], pi));
    if (decimal_sign(c.weights.back()) == 0) fail(pi, "a teacher weight is nonzero");
  }

  const json& skips = root["basis_skips"];
  rd.array(skips, "basis_skips", 0, static_cast<std::size_t>(m));
  for (std::size_t i = 0; i < skips.size(); ++i)
    c.basis_skips.push_back(static_cast<int>(rd.integer(skips[i], fmt::format("basis_skips[{}]", i), 0, m - 1)));
  std::sort(c.basis_skips.begin(), c.basis_skips.end());
  if (std::adjacent_find(c.basis_skips.begin(), c.basis_skips.end()) != c.basis_skips.end())
    fail("basis_skips", "lists a direction twice");
  if (m - static_cast<int>(c.basis_skips.size()) != c.rank)
    fail("rank",
         fmt::format("{} directions minus {} basis_skips give rank {}, not {}",
                     m,
                     c.basis_skips.size(),
                     m - static_cast<int>(c.basis_skips.size()),
                     c.rank));

  const std::string domain = rd.string(root["domain"], "domain");
  if (domain == "sphere")
    c.domain = Domain::sphere;
  else if (domain == "ball")
    c.domain = Domain::ball;
  else
    fail("domain", "expected \"sphere\" or \"ball\"");
  if ((c.domain == Domain::sphere) != (c.dimension == c.rank))
    fail("domain",
         fmt::format("\"{}\" does not match dimension {} and rank {} (the sphere when d = r, the ball when d > r)",
                     domain,
                     c.dimension,
                     c.rank));

  const json& coef = root["coefficients"];
  rd.object(coef, "coefficients", {"alpha", "beta"});
  rd.array(coef["alpha"], "coefficients.alpha", static_cast<std::size_t>(m), static_cast<std::size_t>(m));
  rd.array(coef["beta"], "coefficients.beta", static_cast<std::size_t>(m), static_cast<std::size_t>(m));
  for (int i = 0; i < m; ++i) {
    c.alpha.push_back(rd.decimal(coef["alpha"][i], fmt::format("coefficients.alpha[{}]", i)));
    const std::string pb = fmt::format("coefficients.beta[{}]", i);
    rd.array(coef["beta"][i], pb, static_cast<std::size_t>(c.rank), static_cast<std::size_t>(c.rank));
    std::vector<std::string> row;
    for (int k = 0; k < c.rank; ++k) row.push_back(rd.decimal(coef["beta"][i][k], fmt::format("{}[{}]", pb, k)));
    c.beta.push_back(std::move(row));
  }

  if (root.contains("dipoles")) {
    const json& dipoles = root["dipoles"];
    rd.array(dipoles, "dipoles", 0, static_cast<std::size_t>(m) * static_cast<std::size_t>(m));
    for (std::size_t p = 0; p < dipoles.size(); ++p) {
      const std::string pd = fmt::format("dipoles[{}]", p);
      rd.object(dipoles[p], pd, {"a", "b", "mass"});
      Dipole d;
      d.a = static_cast<int>(rd.integer(dipoles[p]["a"], pd + ".a", 0, m - 1));
      d.b = static_cast<int>(rd.integer(dipoles[p]["b"], pd + ".b", 0, m - 1));
      if (d.a == d.b) fail(pd + ".b", "a dipole joins two different centres");
      d.mass = rd.decimal(dipoles[p]["mass"], pd + ".mass");
      c.dipoles.push_back(std::move(d));
    }
  }

  const json& touching = root["touching"];
  // δ is the angle to the nearest touching point, so there is at least one.
  rd.array(touching, "touching", 1, static_cast<std::size_t>(m));
  std::vector<bool> seen(static_cast<std::size_t>(m), false);
  for (std::size_t t = 0; t < touching.size(); ++t) {
    const std::string pt = fmt::format("touching[{}]", t);
    rd.object(touching[t], pt, {"centre", "sign"});
    Touching tp;
    tp.centre = static_cast<int>(rd.integer(touching[t]["centre"], pt + ".centre", 0, m - 1));
    const long sign = rd.integer(touching[t]["sign"], pt + ".sign", -1, 1);
    if (sign == 0) fail(pt + ".sign", "expected 1 or -1, found 0");
    tp.sign = static_cast<int>(sign);
    if (seen[static_cast<std::size_t>(tp.centre)]) fail(pt + ".centre", "centre listed twice");
    seen[static_cast<std::size_t>(tp.centre)] = true;
    c.touching.push_back(tp);
  }
  const int nt = static_cast<int>(c.touching.size());

  c.rho = rd.decimal(root["rho"], "rho");
  if (decimal_sign(c.rho) < 0) fail("rho", "negative (the statement needs rho >= 0)");
  c.tau_prime = rd.decimal(root["tau_prime"], "tau_prime");
  c.tau = rd.decimal(root["tau"], "tau");
  if (decimal_sign(c.tau) < 0) fail("tau", "negative (the statement needs tau >= 0)");

  const int r = c.rank;
  const int main_dims = c.domain == Domain::sphere ? r - 1 : r;

  // Caps and strips before the leaves, which refer to them.
  const json& caps = root["caps"];
  rd.array(caps, "caps", 0, static_cast<std::size_t>(nt));
  std::vector<bool> has_cap(static_cast<std::size_t>(nt), false);
  for (std::size_t q = 0; q < caps.size(); ++q) {
    const std::string pc = fmt::format("caps[{}]", q);
    rd.object(caps[q], pc, {"touching", "T", "h0_upper", "slope_upper", "pieces"}, {"h0_lower"});
    Cap cap;
    if (nt == 0) fail(pc + ".touching", "no touching points are listed");
    cap.touching = static_cast<int>(rd.integer(caps[q]["touching"], pc + ".touching", 0, nt - 1));
    if (has_cap[static_cast<std::size_t>(cap.touching)]) fail(pc + ".touching", "a second cap for one touching point");
    has_cap[static_cast<std::size_t>(cap.touching)] = true;
    cap.T = rd.corner(caps[q]["T"], pc + ".T");
    if (!(cap.T > 0) || !(cap.T < 0.7853981633974483))  // the double just below pi/4
      fail(pc + ".T", "the cap half-width must satisfy 0 < T < pi/4");
    cap.h0_upper = rd.decimal(caps[q]["h0_upper"], pc + ".h0_upper");
    cap.slope_upper = rd.decimal(caps[q]["slope_upper"], pc + ".slope_upper");
    if (caps[q].contains("h0_lower")) cap.h0_lower = rd.decimal(caps[q]["h0_lower"], pc + ".h0_lower");
    const json& pieces = caps[q]["pieces"];
    rd.array(pieces, pc + ".pieces", 1, kMaxPieces);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      const std::string pp = fmt::format("{}.pieces[{}]", pc, i);
      Piece p = read_piece(rd, pieces[i], pp, r, r - 1, "d2_upper", "d2_lower");
      if (p.box.lo[0] < 0 || p.box.hi[0] > cap.T) fail(pp + ".box[0]", "the t interval leaves [0, T]");
      for (int k = 1; k < p.box.dims; ++k)
        if (p.box.lo[k] < -1 || p.box.hi[k] > 1) fail(fmt::format("{}.box[{}]", pp, k), "leaves [-1, 1]");
      cap.pieces.push_back(std::move(p));
    }
    c.caps.push_back(std::move(cap));
  }

  const json& strips = root["strips"];
  rd.array(strips, "strips", 0, c.domain == Domain::ball ? static_cast<std::size_t>(nt) : 0);
  std::vector<bool> has_strip(static_cast<std::size_t>(nt), false);
  for (std::size_t q = 0; q < strips.size(); ++q) {
    const std::string ps = fmt::format("strips[{}]", q);
    rd.object(strips[q], ps, {"touching", "s0", "pieces"}, {"T"});
    Strip strip;
    strip.touching = static_cast<int>(rd.integer(strips[q]["touching"], ps + ".touching", 0, nt - 1));
    if (has_strip[static_cast<std::size_t>(strip.touching)])
      fail(ps + ".touching", "a second strip for one touching point");
    has_strip[static_cast<std::size_t>(strip.touching)] = true;
    if (!has_cap[static_cast<std::size_t>(strip.touching)])
      fail(ps + ".touching", "no cap for this touching point (a strip rests on the cap proof, §5)");
    strip.s0 = rd.corner(strips[q]["s0"], ps + ".s0");
    if (!(strip.s0 > 0) || !(strip.s0 < 1)) fail(ps + ".s0", "expected 0 < s0 < 1");
    double T = 0;
    for (const Cap& cap : c.caps)
      if (cap.touching == strip.touching) T = cap.T;
    if (strips[q].contains("T") && rd.corner(strips[q]["T"], ps + ".T") != T)
      fail(ps + ".T", "differs from the T of the cap at the same touching point (§5 uses the cap's T)");
    const json& pieces = strips[q]["pieces"];
    rd.array(pieces, ps + ".pieces", 1, kMaxPieces);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      const std::string pp = fmt::format("{}.pieces[{}]", ps, i);
      Piece p = read_piece(rd, pieces[i], pp, r, r, "ds_lower", "h_lower");
      if (p.box.lo[0] < strip.s0 || p.box.hi[0] > 1) fail(pp + ".box[0]", "the s interval leaves [s0, 1]");
      if (p.box.lo[1] < 0 || p.box.hi[1] > T) fail(pp + ".box[1]", "the t interval leaves [0, T] of the cap");
      for (int k = 2; k < p.box.dims; ++k)
        if (p.box.lo[k] < -1 || p.box.hi[k] > 1) fail(fmt::format("{}.box[{}]", pp, k), "leaves [-1, 1]");
      strip.pieces.push_back(std::move(p));
    }
    c.strips.push_back(std::move(strip));
  }

  const json& leaves = root["leaves"];
  rd.array(leaves, "leaves", 0, kMaxLeaves);
  c.leaves.reserve(leaves.size());
  for (std::size_t i = 0; i < leaves.size(); ++i) {
    const std::string pl = fmt::format("leaves[{}]", i);
    const json& v = leaves[i];
    if (!v.is_object()) fail(pl, "expected an object, found " + type_name(v));
    Leaf leaf;
    const std::string method = rd.string(rd.member(v, "method", pl), pl + ".method");
    if (method == "enclosure") {
      rd.object(v, pl, {"face", "box", "method", "bound"});
      leaf.method = LeafMethod::enclosure;
      leaf.bound = rd.decimal(v["bound"], pl + ".bound");
    } else if (method == "cap" || method == "strip") {
      rd.object(v, pl, {"face", "box", "method", "index"});
      leaf.method = method == "cap" ? LeafMethod::cap : LeafMethod::strip;
      if (leaf.method == LeafMethod::cap && c.domain != Domain::sphere)
        fail(pl + ".method", "\"cap\" leaves are for the sphere; ball leaves near a touching point are \"strip\"");
      if (leaf.method == LeafMethod::strip && c.domain != Domain::ball)
        fail(pl + ".method", "\"strip\" leaves exist only in the ball");
      if (nt == 0) fail(pl + ".index", "no touching points are listed");
      leaf.index = static_cast<int>(rd.integer(v["index"], pl + ".index", 0, nt - 1));
      const std::vector<bool>& has = leaf.method == LeafMethod::cap ? has_cap : has_strip;
      if (!has[static_cast<std::size_t>(leaf.index)])
        fail(pl + ".index", fmt::format("no {} for touching point {}", method, leaf.index));
    } else {
      fail(pl + ".method", "expected \"enclosure\", \"cap\" or \"strip\"");
    }
    leaf.face = static_cast<int>(rd.integer(v["face"], pl + ".face", 1, r));
    leaf.box = rd.box(v["box"], pl + ".box", main_dims, false);
    check_in_chart(leaf.box, c.domain, pl + ".box");
    c.leaves.push_back(std::move(leaf));
  }

  const json& witness = root["witness"];
  if (!witness.is_null()) {
    rd.object(witness, "witness", {"face", "box", "excess_lower"});
    Witness w;
    w.face = static_cast<int>(rd.integer(witness["face"], "witness.face", 1, r));
    w.box = rd.box(witness["box"], "witness.box", main_dims, true);
    check_in_chart(w.box, c.domain, "witness.box");
    w.excess_lower = rd.decimal(witness["excess_lower"], "witness.excess_lower");
    c.witness = std::move(w);
  }
  if (c.outcome == Outcome::proved && c.witness) fail("outcome", "\"proved\" with a witness");
  if (c.outcome == Outcome::violated && !c.witness) fail("outcome", "\"violated\" without a witness");
  if (c.outcome == Outcome::budget && c.witness) fail("outcome", "\"budget\" with a witness");
  return c;
}

}  // namespace

Certificate read_certificate_text(const std::string& text) {
  return read_json(parse_strict(text));
}

Certificate read_certificate_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("file", "cannot open " + path);
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) fail("file", "cannot read " + path);
  if (static_cast<std::size_t>(size) > kMaxFileBytes) fail("file", path + " is larger than 1 GiB");
  in.seekg(0, std::ios::beg);
  std::string text(static_cast<std::size_t>(size), '\0');
  if (!in.read(text.data(), size)) fail("file", "cannot read " + path);
  return read_certificate_text(text);
}

}  // namespace zg::checker

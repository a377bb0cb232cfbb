// The non-degeneracy atlas's computation (verify/sweep_atlas.hpp).
#include "verify/sweep_atlas.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <memory>
#include <set>

#include <boost/random/mersenne_twister.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/certificate.hpp"
#include "core/certificate_search.hpp"
#include "core/decay_proof.hpp"
#include "core/input_error.hpp"
#include "lemmas/certificate_checks.hpp"
#include "lemmas/check_ledger.hpp"
#include "lemmas/decay_proof_text.hpp"
#include "verify/random_teacher.hpp"
#include "verify/sweep_point_record.hpp"

namespace zg {
namespace {

constexpr unsigned kMaxTeachers = 1000000;
constexpr std::size_t kMaxCells = 100000;
constexpr std::size_t kMaxStartPoints = 1000000;
constexpr int kMaxWidth = 100;
constexpr int kMaxDimension = 1000;
// A degenerate teacher's witness comes from the proof's hunt (largest excess first); these
// boxes are all it may spend, so a teacher the hunt cannot settle costs a bounded time.
constexpr std::size_t kWitnessBoxes = 4000;
// Steps of each local refinement in the sampled search (the claims' default is 2000). On a
// degenerate teacher the refinement walks towards a teacher direction, where the ratio
// falls without bound, and would spend every step; a verdict needs only its sign, and on
// a non-degenerate teacher 300 steps reach the search's smallest step (27 halvings from
// 0.02 to 1e-10) with room to move. A third of the cost of the atlas's rank-3 cells.
constexpr unsigned kRefineSteps = 300;
// Significant digits of the stated teacher and coefficients in a proof: the working digits
// and a guard, as D2c states them (lemmas/certificate_proof_check.cpp).
unsigned statement_digits(unsigned digits) { return digits + 10; }

[[noreturn]] void bad_option(const std::string& option, const std::string& problem, const std::string& fix) {
  throw InputError(option, "", problem, fix);
}

template <class T>
void refuse_repeats(const std::vector<T>& values, const std::string& option) {
  std::set<T> seen;
  for (const T& v : values)
    if (!seen.insert(v).second) bad_option(option, fmt::format("{} is given twice", v), "name each value once");
}

const Mp& nan_mp() {
  static const Mp nan = std::numeric_limits<Mp>::quiet_NaN();
  return nan;
}

std::vector<int> pattern(const AtlasCell& cell, boost::random::mt19937_64& engine) {
  if (cell.signs == AtlasSigns::Random) return detail::random_signs(cell.width, engine);
  std::vector<int> signs;
  for (int i = 0; i < cell.width; ++i)
    signs.push_back(cell.signs == AtlasSigns::Alternating && i % 2 == 1 ? -1 : 1);
  return signs;
}

// The decay proof of D2c for the teacher, with rho stated from `target` (rounded down to 6
// digits; "0" for a witness hunt) and the atlas's budget.
DecayCertificate prove(const ProblemSpec& problem, const Certificate<Mp>& c, const std::string& rho,
                       const AtlasOptions& o, bool witness_only) {
  const Network<Mp> teacher = build_teacher<Mp>(problem.teacher);
  DecayProverOptions options;
  options.rho = rho;
  options.max_tau_prime = to_decimal(identity_tolerance(o.digits, 10), 3);
  options.precision_bits = static_cast<long>(std::ceil(statement_digits(o.digits) * 3.33)) + 32;
  options.max_seconds = o.proof_seconds;
  options.max_boxes = o.proof_boxes;
  if (witness_only) options.max_boxes = options.hunt_boxes = kWitnessBoxes;
  return prove_precertificate_decay(decimal_columns(teacher.W, statement_digits(o.digits)),
                                    decimal_entries(teacher.a, statement_digits(o.digits)), c, options,
                                    statement_digits(o.digits));
}

// A proof that ended on its budget with its wall time spent was stopped by the clock (the
// --proof-seconds net), the one verdict a faster or slower machine could change.
bool stopped_by_clock(const DecayCertificate& proof, const AtlasOptions& o) {
  return proof.outcome == DecayOutcome::Budget && proof.statistics.seconds >= o.proof_seconds;
}

}  // namespace

const char* to_string(AtlasSigns signs) {
  switch (signs) {
    case AtlasSigns::Alternating:
      return "alternating";
    case AtlasSigns::Random:
      return "random";
    case AtlasSigns::Positive:
      return "positive";
  }
  return "?";
}

const char* to_string(AtlasStatus status) {
  switch (status) {
    case AtlasStatus::NonDegenerate:
      return "non-degenerate";
    case AtlasStatus::Certified:
      return "certified";
    case AtlasStatus::Degenerate:
      return "degenerate";
    case AtlasStatus::Inconclusive:
      return "inconclusive";
    case AtlasStatus::NotGenerated:
      return "not generated";
  }
  return "?";
}

std::vector<AtlasCell> atlas_cells(const AtlasOptions& o) {
  std::vector<AtlasCell> cells;
  for (int rank : o.ranks)
    for (AtlasSigns signs : o.signs)
      for (int width : o.widths)
        for (double separation : o.separations_deg)
          cells.push_back({rank, o.dimension == 0 ? rank : o.dimension, signs, width, separation});
  return cells;
}

void validate_atlas_options(const AtlasOptions& o) {
  if (o.ranks.empty()) bad_option("--ranks", "no rank given", "give ranks r >= 2, e.g. 2,3");
  for (int r : o.ranks)
    if (r < 2 || r > kMaxDimension)
      bad_option("--ranks", fmt::format("{} is outside 2..{}", r, kMaxDimension),
                 "rank 1 has no separation to vary: give r >= 2");
  refuse_repeats(o.ranks, "--ranks");
  if (o.signs.empty()) bad_option("--signs", "no sign pattern given", "use any of alternating, random, positive");
  if (o.widths.empty()) bad_option("--widths", "no width given", "give widths m* >= 2, e.g. 2..6");
  for (int m : o.widths)
    if (m < 2 || m > kMaxWidth)
      bad_option("--widths", fmt::format("{} is outside 2..{}", m, kMaxWidth),
                 "a separation needs two directions; the certificate system grows as m* r");
  refuse_repeats(o.widths, "--widths");
  if (o.separations_deg.empty()) bad_option("--separations", "no separation given", "give degrees, e.g. 5,10,20");
  for (double s : o.separations_deg)
    if (!std::isfinite(s) || !(s > 0) || !(s <= 90))
      bad_option("--separations", fmt::format("{} is not in (0, 90]", s),
                 "Δ_min is the least angle between two lines, in degrees");
  refuse_repeats(o.separations_deg, "--separations");
  if (!std::is_sorted(o.separations_deg.begin(), o.separations_deg.end()))
    bad_option("--separations", "the separations are not increasing", "list them from the smallest");
  const int max_rank = *std::max_element(o.ranks.begin(), o.ranks.end());
  if (o.dimension != 0 && (o.dimension < max_rank || o.dimension > kMaxDimension))
    bad_option("--dimension", fmt::format("{} is outside {}..{}", o.dimension, max_rank, kMaxDimension),
               "the directions of rank r lie in R^d, so d >= the largest rank (0: d = r, the sphere)");
  if (o.teachers < 1 || o.teachers > kMaxTeachers)
    bad_option("--teachers", fmt::format("{} is outside 1..{}", o.teachers, kMaxTeachers), "teachers per cell");
  if (atlas_cells(o).size() > kMaxCells)
    bad_option("--widths", fmt::format("the grid has {} cells, more than {}", atlas_cells(o).size(), kMaxCells),
               "split the atlas into several runs");
  if (o.digits < kMinDigits || o.digits > kMaxDigits)
    bad_option("--digits", fmt::format("{} is outside {}..{}", o.digits, kMinDigits, kMaxDigits),
               fmt::format("choose between {} and {} significant digits", kMinDigits, kMaxDigits));
  if (o.start_points < 16 || o.start_points > kMaxStartPoints)
    bad_option("--start-points", fmt::format("{} is outside 16..{}", o.start_points, kMaxStartPoints), "");
  if (o.refined_starts < 1 || o.refined_starts > 1000)
    bad_option("--refined-starts", fmt::format("{} is outside 1..1000", o.refined_starts), "");
  if (o.certify > o.teachers)
    bad_option("--certify", fmt::format("{} is more than --teachers = {}", o.certify, o.teachers),
               "prove at most every teacher of a cell");
  if (!std::isfinite(o.proof_seconds) || !(o.proof_seconds > 0) || o.proof_seconds > 86400)
    bad_option("--proof-seconds", fmt::format("{} is not in (0, 86400]", o.proof_seconds), "a proof's time budget");
}

TeacherSpec atlas_teacher_spec(const AtlasCell& cell, std::uint64_t seed) {
  // The steps of [teacher.generate] (verify/config_schema.cpp) in their order: one engine
  // seeded with generate.seed draws the directions, then the random signs.
  boost::random::mt19937_64 engine(seed);
  detail::SeparatedDirections request;
  request.dimension = cell.dimension;
  request.width = cell.width;
  request.rank = cell.rank;
  request.min_separation_deg = cell.separation_deg;
  const detail::SeparatedSearch search = detail::separated_random_directions(request, engine);
  TeacherSpec t;
  t.dimension = cell.dimension;
  if (search.status != detail::SeparatedSearch::Status::Found) {
    t.directions = ExplicitDirections{};
    return t;
  }
  ExplicitDirections directions;
  for (const std::vector<double>& row : search.directions) directions.directions.emplace_back(row.begin(), row.end());
  t.directions = directions;
  for (int s : pattern(cell, engine)) t.weights.push_back(SpecNumber(static_cast<double>(s)));
  return t;
}

AtlasTeacher classify_atlas_teacher(const AtlasCell& cell, std::uint64_t cell_index, unsigned k,
                                    const AtlasOptions& o) {
  const TeacherSpec teacher = atlas_teacher_spec(cell, o.seed + k);
  const auto* directions = std::get_if<ExplicitDirections>(&teacher.directions);
  if (directions == nullptr || directions->directions.empty()) {
    AtlasTeacher out;
    out.cell = cell_index;
    out.k = k;
    out.rho_eta = out.max_abs_eta = out.condition = nan_mp();
    out.status = AtlasStatus::NotGenerated;
    out.note = fmt::format("no {} lines {}° apart in rank {} within the generator's budget", cell.width,
                           cell.separation_deg, cell.rank);
    return out;
  }
  return classify_teacher(teacher, cell_index, k, o);
}

AtlasTeacher classify_teacher(const TeacherSpec& teacher, std::uint64_t cell_index, unsigned k,
                              const AtlasOptions& o) {
  AtlasTeacher out;
  out.cell = cell_index;
  out.k = k;
  out.rho_eta = out.max_abs_eta = out.condition = nan_mp();  // nothing unmeasured can pass
  ProblemSpec problem;
  problem.teacher = teacher;
  Certificate<Mp> c;
  try {
    c = certificate_for(problem, o.digits);
  } catch (const SingularCertificate&) {
    out.status = AtlasStatus::Inconclusive;
    out.note = "the interpolation system is singular at working precision";
    return out;
  }
  out.condition = c.condition;
  DecaySearchOptions search;
  search.start_points = o.start_points;
  search.refined_starts = o.refined_starts;
  search.seed = o.seed;
  search.max_refine_steps = kRefineSteps;
  const DecaySearchResult r = decay_search_on_domain(c, search);
  out.rho_eta = r.rho_eta;
  out.max_abs_eta = abs(r.max_abs.eta);
  if (r.rho_eta > 0) {
    out.status = AtlasStatus::NonDegenerate;
    if (k >= o.certify) return out;
    const std::string rho = rho_statement(Mp(r.rho_eta / 2));
    const DecayCertificate proof = prove(problem, c, rho, o, false);
    if (proof.outcome == DecayOutcome::Proved) {
      out.status = AtlasStatus::Certified;
      out.proof = proof.rho;
    } else {
      out.note = proof.outcome == DecayOutcome::Violated ? "the proof of rho_eta / 2 found a violation"
                 : stopped_by_clock(proof, o)
                     ? "the proof of rho_eta / 2 was stopped by --proof-seconds (this verdict depends on the machine)"
                     : "the proof of rho_eta / 2 ran out of --proof-boxes";
    }
    return out;
  }
  // rho_eta <= 0: degenerate only with a proved witness of |eta| > 1.
  const DecayCertificate proof = prove(problem, c, "0", o, true);
  if (proof.outcome == DecayOutcome::Violated && proof.witness) {
    out.status = AtlasStatus::Degenerate;
    out.proof = proof.witness->excess_lower;
  } else {
    out.status = AtlasStatus::Inconclusive;
    out.note = stopped_by_clock(proof, o) ? "rho_eta <= 0; the hunt for |eta| > 1 was stopped by --proof-seconds "
                                            "(this verdict depends on the machine)"
                                          : "rho_eta <= 0, but the hunt proved no point with |eta| > 1";
  }
  return out;
}

std::string atlas_teacher_record(const AtlasTeacher& t) {
  return nlohmann::ordered_json{{"cell", t.cell},
                                {"k", t.k},
                                {"status", to_string(t.status)},
                                {"rho_eta", round_trip_decimal(t.rho_eta)},
                                {"max_abs_eta", round_trip_decimal(t.max_abs_eta)},
                                {"condition", round_trip_decimal(t.condition)},
                                {"proof", t.proof},
                                {"note", t.note}}
      .dump();
}

AtlasTeacher parse_atlas_teacher_record(const std::string& record) {
  try {
    const nlohmann::json j = nlohmann::json::parse(record);
    AtlasTeacher t;
    t.cell = j.at("cell").get<std::uint64_t>();
    t.k = j.at("k").get<unsigned>();
    const std::string status = j.at("status").get<std::string>();
    bool known = false;
    for (int s = 0; s < kAtlasStatuses; ++s)
      if (status == to_string(static_cast<AtlasStatus>(s))) {
        t.status = static_cast<AtlasStatus>(s);
        known = true;
      }
    if (!known) throw std::invalid_argument("unknown status '" + status + "'");
    t.rho_eta = parse_round_trip_decimal(j.at("rho_eta").get<std::string>());
    t.max_abs_eta = parse_round_trip_decimal(j.at("max_abs_eta").get<std::string>());
    t.condition = parse_round_trip_decimal(j.at("condition").get<std::string>());
    t.proof = j.at("proof").get<std::string>();
    t.note = j.at("note").get<std::string>();
    return t;
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("not an atlas record: ") + e.what());
  }
}

std::string atlas_fingerprint(const AtlasOptions& o) {
  std::vector<std::string> signs;
  for (AtlasSigns s : o.signs) signs.push_back(to_string(s));
  return nlohmann::json{{"ranks", o.ranks},
                        {"signs", signs},
                        {"widths", o.widths},
                        {"separations_deg", o.separations_deg},
                        {"dimension", o.dimension},
                        {"teachers", o.teachers},
                        {"seed", o.seed},
                        {"digits", o.digits},
                        {"start_points", o.start_points},
                        {"refined_starts", o.refined_starts},
                        {"certify", o.certify},
                        {"proof_boxes", o.proof_boxes},
                        {"proof_seconds", o.proof_seconds}}
      .dump();
}

AtlasResult run_atlas(const AtlasOptions& options, const SweepExecution& execution, SweepRanks* ranks) {
  validate_atlas_options(options);
  const auto start = std::chrono::steady_clock::now();
  AtlasResult result;
  result.options = options;
  result.cells = atlas_cells(options);
  ScopedDigits precision(options.digits);
  SweepJob job;
  job.name = "atlas";
  job.fingerprint = atlas_fingerprint(options);
  job.tasks = result.cells.size() * options.teachers;
  job.compute = [&](std::uint64_t task) {
    const std::uint64_t cell = task / options.teachers;
    return atlas_teacher_record(
        classify_atlas_teacher(result.cells[cell], cell, static_cast<unsigned>(task % options.teachers), options));
  };
  std::unique_ptr<SweepRanks> alone;
  if (ranks == nullptr) ranks = (alone = single_process_ranks()).get();
  for (const std::string& record : run_sweep_job(job, execution, *ranks))
    result.teachers.push_back(parse_atlas_teacher_record(record));
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace zg

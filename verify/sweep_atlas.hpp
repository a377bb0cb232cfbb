// `verify sweep atlas` (docs/scale-out.md, docs/math.md §4): how often is a random teacher
// non-degenerate? Over a grid of cells (rank r, sign pattern, width m*, separation Δ_min),
// N seeded teachers per cell, each drawn by the generator of [teacher.generate] (teacher k
// of every cell is the one `generate.seed = seed + k` gives, so any row of the atlas is one
// config away), and each classified:
//   non-degenerate  the sampled decay constant rho_eta > 0 (core/certificate_search.hpp);
//   certified       and the decay proof of D2c (core/decay_proof.hpp) holds for it;
//   degenerate      the proof with rho = 0 found a witness box where |eta| > 1 is proved;
//   inconclusive    rho_eta <= 0 without a proved witness, or a singular system;
//   not generated   the separation left no room for m* lines (rejection sampling gave up).
// Every teacher is one task of the sweep engine (verify/sweep_engine.hpp), so `mpirun -n N`,
// -n 1 and the build without MPI write the same files.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/numeric_types.hpp"
#include "core/problem_spec.hpp"
#include "verify/sweep_engine.hpp"

namespace zg {

enum class AtlasSigns { Alternating, Random, Positive };
const char* to_string(AtlasSigns signs);

/// What a teacher of the atlas was found to be.
enum class AtlasStatus { NonDegenerate, Certified, Degenerate, Inconclusive, NotGenerated };
const char* to_string(AtlasStatus status);  ///< "non-degenerate", "certified", ...
inline constexpr int kAtlasStatuses = 5;

struct AtlasOptions {
  std::vector<int> ranks{2, 3};
  std::vector<AtlasSigns> signs{AtlasSigns::Alternating, AtlasSigns::Random, AtlasSigns::Positive};
  std::vector<int> widths{2, 3, 4, 5, 6};
  std::vector<double> separations_deg{5, 10, 15, 20, 30, 40, 50, 60};
  int dimension = 0;          ///< d; 0 = d = r in each rank (the span's sphere)
  unsigned teachers = 200;    ///< N per cell
  std::uint64_t seed = 1;     ///< teacher k of a cell has generate.seed = seed + k; also the search's seed
  unsigned digits = 30;       ///< working precision of the certificate and its search
  std::size_t start_points = 200;  ///< the sampled search's start set ([certificate] start_points)
  std::size_t refined_starts = 3;  ///< best starts refined locally
  unsigned certify = 0;            ///< per cell, teachers k < certify with rho_eta > 0 get the decay proof
  /// Budget of one decay proof in boxes: deterministic, so a run's verdicts do not depend on
  /// the machine (the witness hunt of a degenerate teacher has its own, kWitnessBoxes).
  unsigned long proof_boxes = 200000;
  /// Wall-time safety net of one proof; a proof stopped by it is noted as such in its record,
  /// and only then can two runs differ.
  double proof_seconds = 600;
  std::string out_dir = "sweep-atlas";
};

/// One cell of the grid.
struct AtlasCell {
  int rank = 2;
  int dimension = 2;
  AtlasSigns signs = AtlasSigns::Alternating;
  int width = 2;
  double separation_deg = 5;
};

/// One teacher's classification: what its record holds.
struct AtlasTeacher {
  std::uint64_t cell = 0;  ///< index into atlas_cells()
  unsigned k = 0;          ///< 0 .. N-1 within the cell
  AtlasStatus status = AtlasStatus::Inconclusive;
  Mp rho_eta;              ///< sampled; NaN when not measured
  Mp max_abs_eta;          ///< the largest |eta| the search found; NaN when not measured
  Mp condition;            ///< of the interpolation system; NaN when not measured
  std::string proof;       ///< certified: the proved rho; degenerate: the witness's proved excess
  std::string note;
};

/// The cells in task order: rank, then sign pattern, then width, then separation.
std::vector<AtlasCell> atlas_cells(const AtlasOptions& options);

/// Refuses options no atlas can run with (InputError naming the option and the fix).
void validate_atlas_options(const AtlasOptions& options);

/// Teacher k of `cell`: the generator of [teacher.generate] with width m*, rank r,
/// min_separation_deg Δ, the cell's sign pattern, magnitude 1 and seed `seed`. Empty
/// directions when the generator gave up (its draws or its work ran out).
TeacherSpec atlas_teacher_spec(const AtlasCell& cell, std::uint64_t seed);

/// Classifies teacher k of `cell` (the task of the sweep), at the current precision.
AtlasTeacher classify_atlas_teacher(const AtlasCell& cell, std::uint64_t cell_index, unsigned k,
                                    const AtlasOptions& options);

/// The classification of a given teacher as teacher k of cell `cell_index` (what
/// classify_atlas_teacher does once the teacher is drawn; tests plant teachers with it).
AtlasTeacher classify_teacher(const TeacherSpec& teacher, std::uint64_t cell_index, unsigned k,
                              const AtlasOptions& options);

/// The record of a teacher (one line of JSON; every Mp in round-trip digits) and back.
std::string atlas_teacher_record(const AtlasTeacher& teacher);
AtlasTeacher parse_atlas_teacher_record(const std::string& record);

/// Canonical text of every option the records depend on (the checkpoint's fingerprint).
std::string atlas_fingerprint(const AtlasOptions& options);

struct AtlasResult {
  AtlasOptions options;
  std::vector<AtlasCell> cells;
  std::vector<AtlasTeacher> teachers;  ///< task order: cell-major, k minor
  double seconds = 0;
};

/// Runs the atlas on `ranks` (nullptr: this process alone). On ranks other than 0 the
/// result has no teachers.
AtlasResult run_atlas(const AtlasOptions& options, const SweepExecution& execution, SweepRanks* ranks);

}  // namespace zg

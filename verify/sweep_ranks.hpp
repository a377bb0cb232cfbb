// The processes a sweep runs on (docs/scale-out.md): this one alone, or the ranks of the
// MPI job it was started in (`mpirun -n N verify sweep ...`). Tasks are drawn one at a time
// from a counter every rank shares, so that a rank that drew cheap tasks draws more:
// teachers differ in cost by orders of magnitude, and a fixed split would leave ranks idle.
// What each rank computed is gathered on rank 0, which alone writes outputs.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace zg {

class SweepRanks {
 public:
  virtual ~SweepRanks() = default;

  virtual int rank() const = 0;
  virtual int size() const = 0;

  /// The shared counter: 0, 1, 2, ... across all ranks, each number drawn exactly once.
  /// The counter starts at 0 when the object is made.
  virtual std::uint64_t draw() = 0;
  /// Counts one finished task on the shared tally and returns the tally after it: for
  /// progress, a number every rank sees grow.
  virtual std::uint64_t finish_one() = 0;

  /// Rank 0's `text`, on every rank. Collective: every rank calls it.
  virtual std::string broadcast(const std::string& text) = 0;
  /// Every rank's `text`, in rank order, on rank 0; empty on the other ranks. Collective.
  virtual std::vector<std::string> gather(const std::string& text) = 0;
};

/// This process alone: rank 0 of 1.
std::unique_ptr<SweepRanks> single_process_ranks();

/// The ranks of the MPI job this process was started in when the build has MPI and the
/// environment says it was started by an MPI launcher (mpirun, mpiexec, srun with PMIx);
/// else single_process_ranks(). MPI is initialised on the first call and finalised when
/// the program ends. Collective under MPI: every rank makes the call.
std::unique_ptr<SweepRanks> sweep_ranks();

}  // namespace zg

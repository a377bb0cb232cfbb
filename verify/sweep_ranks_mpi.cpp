// The ranks of an MPI job as a SweepRanks (verify/sweep_ranks.hpp). The shared counter is
// a window of two 64-bit integers on rank 0, advanced by MPI_Fetch_and_op under a shared
// passive-target lock: no rank coordinates, so rank 0 computes as much as any other. The
// window lives as long as the object; MPI itself is initialised once, on the first
// sweep_ranks() of a process started by an MPI launcher, and finalised at program end.
#include <mpi.h>

#include <climits>
#include <cstdlib>
#include <stdexcept>

#include "verify/sweep_ranks.hpp"

namespace zg {
namespace {

// MPI_Init on construction, MPI_Finalize at program end (a function-local static).
struct MpiSession {
  MpiSession() {
    int initialised = 0;
    MPI_Initialized(&initialised);
    if (!initialised) MPI_Init(nullptr, nullptr);
  }
  ~MpiSession() {
    int finalised = 0;
    MPI_Finalized(&finalised);
    if (!finalised) MPI_Finalize();
  }
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
};

void ensure_mpi() { static MpiSession session; }

// The launchers' environment: Open MPI's mpirun, MPICH's Hydra, PMIx (srun, prterun).
bool started_by_mpi_launcher() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"})
    if (std::getenv(name) != nullptr) return true;
  return false;
}

int checked_count(std::size_t n) {
  if (n > static_cast<std::size_t>(INT_MAX))
    throw std::runtime_error("a sweep message of " + std::to_string(n) + " bytes exceeds what MPI counts in an int");
  return static_cast<int>(n);
}

class MpiRanks final : public SweepRanks {
 public:
  MpiRanks() {
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
    const MPI_Aint bytes = rank_ == 0 ? 2 * static_cast<MPI_Aint>(sizeof(std::uint64_t)) : 0;
    MPI_Win_allocate(bytes, sizeof(std::uint64_t), MPI_INFO_NULL, MPI_COMM_WORLD, &counters_, &window_);
    if (rank_ == 0) {
      MPI_Win_lock(MPI_LOCK_EXCLUSIVE, 0, 0, window_);
      counters_[0] = counters_[1] = 0;
      MPI_Win_unlock(0, window_);
    }
    MPI_Barrier(MPI_COMM_WORLD);  // no rank draws before the counters are zero
  }
  ~MpiRanks() override {
    MPI_Barrier(MPI_COMM_WORLD);  // no rank frees the window while another still draws
    MPI_Win_free(&window_);
  }
  MpiRanks(const MpiRanks&) = delete;
  MpiRanks& operator=(const MpiRanks&) = delete;

  int rank() const override { return rank_; }
  int size() const override { return size_; }
  std::uint64_t draw() override { return fetch_add(0); }
  std::uint64_t finish_one() override { return fetch_add(1) + 1; }

  std::string broadcast(const std::string& text) override {
    unsigned long long n = text.size();
    MPI_Bcast(&n, 1, MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD);
    std::string out = rank_ == 0 ? text : std::string(static_cast<std::size_t>(n), '\0');
    MPI_Bcast(out.data(), checked_count(out.size()), MPI_CHAR, 0, MPI_COMM_WORLD);
    return out;
  }

  std::vector<std::string> gather(const std::string& text) override {
    const int mine = checked_count(text.size());
    std::vector<int> counts(rank_ == 0 ? size_ : 0);
    MPI_Gather(&mine, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
    std::vector<int> offsets(counts.size());
    std::size_t total = 0;
    for (std::size_t r = 0; r < counts.size(); ++r) {
      offsets[r] = checked_count(total);
      total += static_cast<std::size_t>(counts[r]);
    }
    checked_count(total);
    std::string all(total, '\0');
    MPI_Gatherv(text.data(), mine, MPI_CHAR, all.data(), counts.data(), offsets.data(), MPI_CHAR, 0, MPI_COMM_WORLD);
    std::vector<std::string> parts;
    for (std::size_t r = 0; r < counts.size(); ++r)
      parts.push_back(all.substr(static_cast<std::size_t>(offsets[r]), static_cast<std::size_t>(counts[r])));
    return parts;
  }

 private:
  std::uint64_t fetch_add(int which) {
    const std::uint64_t one = 1;
    std::uint64_t before = 0;
    MPI_Win_lock(MPI_LOCK_SHARED, 0, 0, window_);
    MPI_Fetch_and_op(&one, &before, MPI_UINT64_T, 0, which, MPI_SUM, window_);
    MPI_Win_unlock(0, window_);
    return before;
  }

  int rank_ = 0, size_ = 1;
  std::uint64_t* counters_ = nullptr;
  MPI_Win window_ = MPI_WIN_NULL;
};

}  // namespace

std::unique_ptr<SweepRanks> sweep_ranks() {
  if (!started_by_mpi_launcher()) return single_process_ranks();
  ensure_mpi();
  return std::make_unique<MpiRanks>();
}

}  // namespace zg

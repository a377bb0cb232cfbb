// One process as a SweepRanks (verify/sweep_ranks.hpp); the MPI ranks are in
// verify/sweep_ranks_mpi.cpp, built when VERIFY_MPI is on.
#include "verify/sweep_ranks.hpp"

namespace zg {
namespace {

class SingleProcess final : public SweepRanks {
 public:
  int rank() const override { return 0; }
  int size() const override { return 1; }
  std::uint64_t draw() override { return next_++; }
  std::uint64_t finish_one() override { return ++finished_; }
  std::string broadcast(const std::string& text) override { return text; }
  std::vector<std::string> gather(const std::string& text) override { return {text}; }

 private:
  std::uint64_t next_ = 0, finished_ = 0;
};

}  // namespace

std::unique_ptr<SweepRanks> single_process_ranks() { return std::make_unique<SingleProcess>(); }

#ifndef VERIFY_HAS_MPI
std::unique_ptr<SweepRanks> sweep_ranks() { return single_process_ranks(); }
#endif

}  // namespace zg

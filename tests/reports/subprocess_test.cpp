// Tests for reports/subprocess.cpp: exit status and stderr come back, arguments reach the
// program verbatim (no shell), it runs in the given folder, a missing program or folder
// is a status, a hung program is killed at the timeout and stderr is capped.
#include "reports/subprocess.hpp"

#include <chrono>
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "tests/reports/scratch_dir.hpp"

namespace zg::detail {
namespace {

using Status = ProcessResult::Status;
using std::chrono::milliseconds;

constexpr milliseconds kGenerous{30'000};

TEST_CASE("run_program returns the exit status and what the program wrote to stderr", "[subprocess]") {
  const test::ScratchDir scratch("spawn-status");
  const ProcessResult r = run_program({"sh", "-c", "echo to-stdout; echo oops >&2; exit 3"}, scratch.path(), kGenerous);
  CHECK(r.status == Status::Exited);
  CHECK(r.exit_code == 3);
  CHECK(r.stderr_text == "oops\n");  // stdout went to /dev/null
  CHECK(r.error.empty());
}

TEST_CASE("run_program passes arguments verbatim and runs in the given folder", "[subprocess]") {
  const test::ScratchDir scratch("spawn-args");
  const std::string hostile = "$(touch injected); `touch injected2` *";
  const ProcessResult r =
      run_program({"sh", "-c", "printf '%s|' \"$1\" >&2; pwd >&2", "sh", hostile}, scratch.path(), kGenerous);
  REQUIRE(r.status == Status::Exited);
  CHECK(r.exit_code == 0);
  CHECK(r.stderr_text == hostile + "|" + std::filesystem::canonical(scratch.path()).string() + "\n");
  CHECK(test::entries(scratch.path()).empty());
}

TEST_CASE("run_program reports a program that is not on PATH or a missing folder", "[subprocess]") {
  const test::ScratchDir scratch("spawn-missing");
  const ProcessResult missing = run_program({"zg-no-such-program"}, scratch.path(), kGenerous);
  CHECK(missing.status == Status::NotFound);
  CHECK_THAT(missing.error, Catch::Contains("zg-no-such-program"));

  const ProcessResult no_folder = run_program({"true"}, (scratch.path() / "absent").string(), kGenerous);
  CHECK(no_folder.status == Status::CouldNotStart);
  CHECK_THAT(no_folder.error, Catch::Contains("absent"));
}

TEST_CASE("run_program kills a program that outlives the timeout", "[subprocess]") {
  const test::ScratchDir scratch("spawn-timeout");
  const auto t0 = std::chrono::steady_clock::now();
  const ProcessResult r = run_program({"sleep", "20"}, scratch.path(), milliseconds(200));
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(10));
  CHECK(r.status == Status::Killed);
  CHECK_THAT(r.error, Catch::Contains("did not finish within 200 ms"));
}

TEST_CASE("run_program keeps at most kMaxStderr bytes of stderr and still sees the exit", "[subprocess]") {
  const test::ScratchDir scratch("spawn-cap");
  const ProcessResult r = run_program({"sh", "-c", "head -c 200000 /dev/zero >&2; exit 5"}, scratch.path(), kGenerous);
  CHECK(r.status == Status::Exited);
  CHECK(r.exit_code == 5);
  CHECK(r.stderr_text.size() == kMaxStderr);
}

}  // namespace
}  // namespace zg::detail

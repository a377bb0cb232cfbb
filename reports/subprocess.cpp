// run_program (reports/subprocess.hpp) on POSIX: posix_spawnp with file actions for the
// folder and the standard streams, then read stderr through a close-on-exec pipe until
// EOF and wait for the child, both against one deadline.
#include "reports/subprocess.hpp"

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;  // POSIX: the parent's environment, inherited by the child

namespace zg::detail {
namespace {

using Clock = std::chrono::steady_clock;

/// Owns a file descriptor; closes it on destruction or on reset().
class UniqueFd final {
 public:
  explicit UniqueFd(int fd = -1) : fd_(fd) {}
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd() { reset(); }

  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

/// posix_spawn_file_actions_t with its destroy call tied to scope.
class SpawnActions final {
 public:
  SpawnActions() { ::posix_spawn_file_actions_init(&actions_); }
  SpawnActions(const SpawnActions&) = delete;
  SpawnActions& operator=(const SpawnActions&) = delete;
  ~SpawnActions() { ::posix_spawn_file_actions_destroy(&actions_); }

  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_;
};

int milliseconds_until(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, 60 * 60 * 1000));
}

/// Appends everything readable from `fd` to `out` (beyond kMaxStderr it is dropped) until
/// EOF or the deadline. Returns false if the deadline came first.
bool drain_until(int fd, Clock::time_point deadline, std::string& out) {
  char buffer[4096];
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, milliseconds_until(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) return true;  // cannot poll: stop reading; the child sees EPIPE at worst
    if (ready == 0) return false;
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) return true;  // EOF: the child closed stderr, normally by exiting
    const std::size_t room = kMaxStderr - std::min(kMaxStderr, out.size());
    out.append(buffer, std::min(room, static_cast<std::size_t>(n)));
  }
}

struct WaitOutcome {
  bool ended = false;  ///< false: still running at the deadline
  bool lost = false;   ///< ended, but its status was reaped elsewhere (SIGCHLD ignored)
  int status = 0;      ///< waitpid status when ended and not lost
};

WaitOutcome wait_until(pid_t pid, Clock::time_point deadline) {
  for (;;) {
    int status = 0;
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) return {true, false, status};
    if (done < 0 && errno != EINTR) return {true, true, 0};
    if (Clock::now() >= deadline) return {};
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void wait_blocking(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
}

}  // namespace

ProcessResult run_program(const std::vector<std::string>& argv,
                          const std::string& working_dir,
                          std::chrono::milliseconds timeout) {
  assert(!argv.empty());
  ProcessResult result;
  std::error_code ec;
  if (!std::filesystem::is_directory(working_dir, ec)) {
    // Checked here because a failed chdir in the child would also read as ENOENT.
    result.error = "no folder " + working_dir;
    return result;
  }

  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {  // close-on-exec: other children never inherit it
    result.error = std::string("cannot create a pipe: ") + std::strerror(errno);
    return result;
  }
  UniqueFd read_end(fds[0]), write_end(fds[1]);

  SpawnActions actions;
  const int action_results[] = {
      ::posix_spawn_file_actions_addopen(actions.get(), STDIN_FILENO, "/dev/null", O_RDONLY, 0),
      ::posix_spawn_file_actions_addopen(actions.get(), STDOUT_FILENO, "/dev/null", O_WRONLY, 0),
      ::posix_spawn_file_actions_adddup2(actions.get(), write_end.get(), STDERR_FILENO),
      ::posix_spawn_file_actions_addchdir_np(actions.get(), working_dir.c_str()),
  };
  for (const int error : action_results)  // 0 or an errno value (ENOMEM in practice)
    if (error != 0) {
      result.error = "cannot prepare to run " + argv[0] + ": " + std::strerror(error);
      return result;
    }

  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));  // spawn does not write
  args.push_back(nullptr);

  pid_t pid = 0;
  const int spawn_error = ::posix_spawnp(&pid, args[0], actions.get(), nullptr, args.data(), environ);
  write_end.reset();  // the child holds its copy; ours would keep the pipe from reaching EOF
  if (spawn_error != 0) {
    result.status = spawn_error == ENOENT ? ProcessResult::Status::NotFound : ProcessResult::Status::CouldNotStart;
    result.error = "cannot run " + argv[0] + ": " + std::strerror(spawn_error);
    return result;
  }

  const Clock::time_point deadline = Clock::now() + timeout;
  const bool reached_eof = drain_until(read_end.get(), deadline, result.stderr_text);
  read_end.reset();
  const WaitOutcome waited = reached_eof ? wait_until(pid, deadline) : WaitOutcome{};
  if (!waited.ended) {
    ::kill(pid, SIGKILL);
    wait_blocking(pid);
    result.status = ProcessResult::Status::Killed;
    result.error = argv[0] + " did not finish within " + std::to_string(timeout.count()) + " ms and was killed";
  } else if (waited.lost) {
    result.status = ProcessResult::Status::Killed;
    result.error = argv[0] + " ended but its exit status was lost (is SIGCHLD ignored?)";
  } else if (WIFEXITED(waited.status)) {
    result.status = ProcessResult::Status::Exited;
    result.exit_code = WEXITSTATUS(waited.status);
  } else {
    result.status = ProcessResult::Status::Killed;
    result.error = argv[0] + " was ended by signal " + std::to_string(WTERMSIG(waited.status));
  }
  return result;
}

}  // namespace zg::detail

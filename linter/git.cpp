#include "loclint/git.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

extern char** environ;

namespace loclint {

int run_git(const std::filesystem::path& dir, const std::vector<std::string>& args, std::string& out,
            std::string* error) {
  out.clear();
  if (error) error->clear();
  std::vector<std::string> argv_storage = {"git", "-c", "core.quotepath=off", "-C", dir.string()};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);

  // Standard output, and standard error when it is wanted, each through a pipe; both are read as
  // they fill (poll), since reading one to its end first deadlocks once git fills the other.
  int out_pipe[2] = {-1, -1}, err_pipe[2] = {-1, -1};
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) return -1;
  if (error && ::pipe2(err_pipe, O_CLOEXEC) != 0) {
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    return -1;
  }
  // posix_spawn, not fork: the engine lints with several threads, and a forked child of a
  // threaded process may only call async-signal-safe functions before exec.
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  if (error) posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  else posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  if (error) ::close(err_pipe[1]);

  std::string err_text;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};  // a negative fd is not polled
  std::string* sinks[2] = {&out, &err_text};
  char buf[65536];
  bool read_failed = false;  // git's output is incomplete: its exit code must not pass for success
  while (spawned == 0 && (fds[0].fd >= 0 || fds[1].fd >= 0)) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      read_failed = true;
      break;
    }
    for (int k = 0; k < 2; ++k) {
      if (fds[k].fd < 0 || !(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t n = ::read(fds[k].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[k]->append(buf, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        read_failed = read_failed || n < 0;
        ::close(fds[k].fd);
        fds[k].fd = -1;
      }
    }
  }
  for (const pollfd& p : fds)
    if (p.fd >= 0) ::close(p.fd);
  if (error) {
    while (!err_text.empty() && (err_text.back() == '\n' || err_text.back() == '\r' || err_text.back() == ' '))
      err_text.pop_back();
    *error = std::move(err_text);
  }
  if (spawned != 0) return -1;
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (read_failed || !WIFEXITED(status)) return -1;
  const int code = WEXITSTATUS(status);
  return code == 127 ? -1 : code;  // 127: the child could not exec git (an older posix_spawn reports it so)
}

}  // namespace loclint

#include "loclint/git.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <iterator>

extern char** environ;

namespace loclint {

int run_git(const std::filesystem::path& dir, const std::vector<std::string>& args, std::string& out,
            std::string* error) {
  out.clear();
  if (error) error->clear();
  // Standard error goes to a temporary file, not a second pipe: reading two pipes in turn can
  // deadlock when git fills the one not being read.
  std::string err_path = "/dev/null";
  if (error) {
    std::error_code ec;
    std::string tmpl = (std::filesystem::temp_directory_path(ec) / "loclint-git-XXXXXX").string();
    int fd = ::mkstemp(tmpl.data());
    if (fd >= 0) {
      ::close(fd);
      err_path = tmpl;
    }
  }
  std::vector<std::string> argv_storage = {"git", "-c", "core.quotepath=off", "-C", dir.string()};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);

  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return -1;
  // posix_spawn, not fork: the engine lints with several threads, and a forked child of a
  // threaded process may only call async-signal-safe functions before exec.
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(), O_WRONLY | O_TRUNC, 0);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  auto read_error = [&] {
    if (err_path == "/dev/null") return;
    std::ifstream in(err_path, std::ios::binary);
    error->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    ::unlink(err_path.c_str());
    while (!error->empty() && (error->back() == '\n' || error->back() == '\r' || error->back() == ' ')) error->pop_back();
  };
  if (spawned != 0) {
    ::close(pipe_fds[0]);
    read_error();
    return -1;
  }
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(pipe_fds[0], buf, sizeof buf);
    if (n > 0) {
      out.append(buf, static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    break;
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  read_error();
  if (!WIFEXITED(status)) return -1;
  const int code = WEXITSTATUS(status);
  return code == 127 ? -1 : code;  // 127: the spawned shell-less exec failed
}

}  // namespace loclint

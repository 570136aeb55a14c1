// A folder walk for discovery and the metadata census: every entry below a folder that is not a
// folder, found with POSIX readdir (see walk_folder).
#pragma once

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace loclint {

// What an entry that is not a folder is: a file, a symbolic link to one or a dangling link
// (File: a reader reports what it cannot read), or a FIFO, socket or device (Special: never to be
// opened for reading; it could block).
enum class EntryType { File, Special };

// Visits every entry below `root` that is not a folder, in no particular order (sort what it finds):
// visit(path, rel, name, type), where `path` is `root` joined with the path below it by '/',
// `rel` that path below `root` (bytes, as the file system spells them) and `name` its last
// component. A folder is entered when enter(name) says so; symbolic links to folders are not
// followed (nothing is visited twice, loops end). A folder that cannot be read (`root` or one
// below it; EACCES or any other error) is passed to unreadable(folder, errno), and the walk goes
// on with the others: a caller that lints what it finds says so, one that only counts may not.
//
// POSIX opendir/readdir with the type readdir gives (d_type), a stat only for a symbolic link or
// a file system that gives none: std::filesystem's recursive_directory_iterator built and split
// a path object per entry, most of the serial time of a run on small files (issue 20). When
// `root` is absolute and lexically normal, so is every `path`.
template <typename Enter, typename Unreadable, typename Visit>
void walk_folder(const std::string& root, Enter&& enter, Unreadable&& unreadable, Visit&& visit) {
  struct Closer {
    void operator()(DIR* d) const { closedir(d); }
  };
  const size_t root_length = root.ends_with('/') ? root.size() : root.size() + 1;
  std::vector<std::string> folders{root};
  std::string path;
  while (!folders.empty()) {
    const std::string folder = std::move(folders.back());
    folders.pop_back();
    std::unique_ptr<DIR, Closer> dir(opendir(folder.c_str()));
    if (!dir) {
      unreadable(folder, errno);
      continue;
    }
    const int fd = dirfd(dir.get());
    for (;;) {
      errno = 0;
      const dirent* e = readdir(dir.get());
      if (!e) {
        if (errno != 0) unreadable(folder, errno);
        break;
      }
      const std::string_view name = e->d_name;
      if (name == "." || name == "..") continue;
      path.assign(folder);
      if (!path.ends_with('/')) path += '/';
      path += name;
      unsigned char type = e->d_type;
      struct stat st;
      if (type == DT_UNKNOWN) {
        // An entry that cannot be stat'ed (gone meanwhile) is still visited: its reader reports it.
        if (fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) type = DT_REG;
        else type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISLNK(st.st_mode) ? DT_LNK : S_ISREG(st.st_mode) ? DT_REG : DT_FIFO;
      }
      if (type == DT_DIR) {
        if (enter(name)) folders.push_back(path);
        continue;
      }
      EntryType kind = EntryType::File;
      if (type == DT_LNK) {
        // Followed to tell a link to a folder (not searched) from a link to a document.
        if (fstatat(fd, e->d_name, &st, 0) == 0) {
          if (S_ISDIR(st.st_mode)) continue;
          if (!S_ISREG(st.st_mode)) kind = EntryType::Special;
        }
      } else if (type != DT_REG) {
        kind = EntryType::Special;
      }
      visit(path, std::string_view(path).substr(root_length), name, kind);
    }
  }
}

}  // namespace loclint

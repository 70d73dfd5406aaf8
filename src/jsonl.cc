#include "pith/jsonl.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <random>

#include "pith/error.h"

namespace pith {

JsonlReader::JsonlReader(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}

bool JsonlReader::Next(std::string* line) {
  // Straight into the caller's string: a record is copied once on its way in, not twice.
  if (!std::getline(in_, *line)) {
    if (in_.bad()) throw InputError(name_ + ": read error after line " + std::to_string(line_number_));
    return false;
  }
  ++line_number_;
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return true;
}

std::string JsonlReader::Where() const { return name_ + ":" + std::to_string(line_number_); }

OutputFile::OutputFile(const std::string& path) : path_(path) {
  if (path.empty() || path == "-") {
    file_ = stdout;
    return;
  }
  // Renaming a file over /dev/null or a pipe would replace it with a plain file.
  struct stat st;
  in_place_ = ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode);
  if (in_place_) {
    file_ = std::fopen(path.c_str(), "wb");
    if (file_ == nullptr) throw InputError(path + ": cannot open: " + std::strerror(errno));
    return;
  }
  // Renaming over a symbolic link would replace the link, not the file it points to.
  if (char* real = ::realpath(path.c_str(), nullptr)) {
    target_ = real;
    std::free(real);
  } else {
    target_ = path;
  }
  std::random_device rd;
  temp_path_ = target_ + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(rd());
  file_ = std::fopen(temp_path_.c_str(), "wb");
  if (file_ == nullptr) {
    throw InputError(path + ": cannot create: " + std::strerror(errno));
  }
}

OutputFile::~OutputFile() {
  if (file_ != nullptr && file_ != stdout) {
    std::fclose(file_);
    if (!committed_ && !in_place_) std::remove(temp_path_.c_str());
  }
}

void OutputFile::Write(std::string_view data) {
  if (data.empty()) return;
  if (std::fwrite(data.data(), 1, data.size(), file_) != data.size()) {
    throw InputError((path_.empty() || path_ == "-" ? std::string("stdout") : path_) +
                     ": write error: " + std::strerror(errno));
  }
}

void OutputFile::Commit() {
  if (std::fflush(file_) != 0) {
    throw InputError((file_ == stdout ? std::string("stdout") : path_) +
                     ": write error: " + std::strerror(errno));
  }
  if (file_ == stdout) return;
  const int rc = std::fclose(file_);
  file_ = nullptr;
  if (in_place_ && rc != 0) throw InputError(path_ + ": cannot write: " + std::strerror(errno));
  if (!in_place_ && (rc != 0 || std::rename(temp_path_.c_str(), target_.c_str()) != 0)) {
    const std::string why = std::strerror(errno);
    std::remove(temp_path_.c_str());
    throw InputError(path_ + ": cannot write: " + why);
  }
  committed_ = true;
}

}  // namespace pith

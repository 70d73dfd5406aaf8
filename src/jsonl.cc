#include "pith/jsonl.h"

#include <unistd.h>

#include <cerrno>
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
  std::random_device rd;
  temp_path_ = path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(rd());
  file_ = std::fopen(temp_path_.c_str(), "wb");
  if (file_ == nullptr) {
    throw InputError(path + ": cannot create: " + std::strerror(errno));
  }
}

OutputFile::~OutputFile() {
  if (file_ != nullptr && file_ != stdout) {
    std::fclose(file_);
    if (!committed_) std::remove(temp_path_.c_str());
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
  if (rc != 0 || std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(temp_path_.c_str());
    throw InputError(path_ + ": cannot write: " + why);
  }
  committed_ = true;
}

}  // namespace pith

// Line-numbered JSON Lines input and all-or-nothing output.
//
//   pith::JsonlReader in(stream, "corpus.jsonl");
//   std::string line;
//   while (in.Next(&line)) { ... in.line_number() ... }
//
//   pith::OutputFile out("clean.jsonl");   // "" or "-" = stdout
//   out.Write(line);
//   out.Commit();                          // renames the temporary file into place
#pragma once

#include <cstddef>
#include <cstdio>
#include <istream>
#include <string>
#include <string_view>

namespace pith {

// Reads lines from a stream, counting them. Accepts "\n" and "\r\n" endings; lines may be of any
// length. Not thread-safe.
class JsonlReader {
 public:
  // `name` is used in messages ("name:line"). The stream must outlive the reader.
  JsonlReader(std::istream& in, std::string name);

  // Reads the next line, without its ending, into *line (replacing its contents, reusing its
  // capacity) and returns true, or returns false at the end of input. Blank lines are returned
  // too. Throws InputError when the stream fails for another reason than its end.
  bool Next(std::string* line);

  // 1-based number of the line last returned by Next.
  std::size_t line_number() const { return line_number_; }
  const std::string& name() const { return name_; }
  // "name:line" of the line last returned.
  std::string Where() const;

 private:
  std::istream& in_;
  std::string name_;
  std::size_t line_number_ = 0;
};

// An output that appears whole or not at all. For a path, writes go to a temporary file beside
// it, which Commit renames over the path; if Commit is never called (an error, an interrupted
// run) the temporary file is removed and the path is untouched. "" or "-" means stdout. A path
// that names something other than a file (/dev/null, a named pipe) is written in place, and
// through a symbolic link the file it points to is the one replaced.
class OutputFile {
 public:
  explicit OutputFile(const std::string& path);  // throws InputError if it cannot be created
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Throws InputError on a write error (disk full, closed pipe).
  void Write(std::string_view data);
  // Flushes, and for a path renames the temporary file into place. Throws InputError.
  void Commit();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::string target_;  // the file Commit replaces: path_, or the file a link points to
  std::string temp_path_;
  std::FILE* file_ = nullptr;
  bool in_place_ = false;  // a device or pipe: no temporary file, no rename
  bool committed_ = false;
};

}  // namespace pith

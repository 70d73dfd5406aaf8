#include "pith/ingest.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <istream>
#include <map>
#include <set>
#include <streambuf>

#include "encoding.h"
#include "pith/jsonl.h"

namespace pith {
namespace fs = std::filesystem;
namespace {

// Binary files are told by NUL bytes this early on.
constexpr std::size_t kSniffBytes = 8192;
constexpr unsigned kZlibBuffer = 128 * 1024;

// A file or stdin read through zlib, which passes data that is not gzip through unchanged: one
// code path for plain and compressed input.
class ByteSource {
 public:
  // "-" is stdin. On failure ok() is false and error() says why.
  explicit ByteSource(const std::string& path) {
    const int fd = path == "-" ? ::dup(STDIN_FILENO) : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      error_ = std::string("cannot open: ") + std::strerror(errno);
      return;
    }
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) size_ = static_cast<std::size_t>(st.st_size);
    gz_ = ::gzdopen(fd, "rb");
    if (gz_ == nullptr) {
      ::close(fd);
      error_ = "cannot open: out of memory";
      return;
    }
    ::gzbuffer(gz_, kZlibBuffer);
  }
  ~ByteSource() {
    if (gz_ != nullptr) ::gzclose(gz_);
  }
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;

  bool ok() const { return gz_ != nullptr && error_.empty(); }
  const std::string& error() const { return error_; }
  // Whether the error is the system's (an I/O error) rather than corrupt gzip data.
  bool io_error() const { return io_error_; }

  // The number of bytes the input will yield when that is known before reading it: a plain
  // regular file.
  std::optional<std::size_t> KnownSize() {
    if (!size_ || !::gzdirect(gz_)) return std::nullopt;
    return size_;
  }

  // Reads up to n bytes into buf; returns how many, 0 at the end and on error (see ok()).
  std::size_t Read(char* buf, std::size_t n) {
    if (!ok()) return 0;
    const int got = ::gzread(gz_, buf, static_cast<unsigned>(std::min<std::size_t>(n, INT_MAX)));
    if (got > 0) return static_cast<std::size_t>(got);
    // A stream cut short is not an error to gzread (Z_BUF_ERROR): it shows at the end.
    int code = Z_OK;
    const char* message = ::gzerror(gz_, &code);
    if (code == Z_OK) return 0;
    io_error_ = code == Z_ERRNO;
    // zlib prefixes its messages with the name it was opened by, here "<fd:N>: ".
    std::string_view what = message;
    if (const std::size_t colon = what.find(": "); colon != std::string_view::npos)
      what.remove_prefix(colon + 2);
    error_ = io_error_ ? std::string("read error: ") + std::strerror(errno)
                       : "corrupt gzip data: " + std::string(what);
    return 0;
  }

 private:
  gzFile gz_ = nullptr;
  std::optional<std::size_t> size_;
  std::string error_;
  bool io_error_ = false;
};

// Lets JsonlReader read a ByteSource. Read errors end the stream; the source keeps them.
class SourceBuffer : public std::streambuf {
 public:
  explicit SourceBuffer(ByteSource* source) : source_(source), buffer_(256 * 1024) {}

 protected:
  int_type underflow() override {
    const std::size_t n = source_->Read(buffer_.data(), buffer_.size());
    if (n == 0) return traits_type::eof();
    setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  ByteSource* source_;
  std::vector<char> buffer_;
};

// One input found while listing: a file to read, or a problem to report in its turn.
struct Entry {
  std::string path;  // as given, or as found below a directory argument
  std::string rel;   // relative to the directory argument; the path as given for file arguments
  std::string id;
  Severity severity = Severity::kWarning;
  std::string problem;  // when set, the entry is reported instead of read
};

bool IsHidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// Appends the entries below `dir`, sorted by name at each level so that runs are repeatable.
void Walk(const fs::path& dir, const fs::path& root, std::vector<Entry>* out) {
  std::error_code ec;
  std::vector<fs::directory_entry> children;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!IsHidden(it->path())) children.push_back(*it);
  }
  if (ec) {
    out->push_back({dir.string(), "", "", Severity::kError, "cannot open: " + ec.message()});
    return;
  }
  std::sort(children.begin(), children.end(),
            [](const fs::directory_entry& a, const fs::directory_entry& b) {
              return a.path().filename().string() < b.path().filename().string();
            });
  for (const fs::directory_entry& child : children) {
    const std::string path = child.path().string();
    // Links to directories are not followed: they can form cycles.
    if (child.is_symlink(ec) && child.is_directory(ec)) {
      out->push_back({path, "", "", Severity::kWarning, "link to a directory, not followed"});
    } else if (child.is_directory(ec)) {
      Walk(child.path(), root, out);
    } else if (child.is_regular_file(ec)) {
      out->push_back({path, child.path().lexically_relative(root).generic_string(), "",
                      Severity::kWarning, ""});
    } else if (ec) {
      out->push_back({path, "", "", Severity::kError, "cannot open: " + ec.message()});
    } else {
      out->push_back({path, "", "", Severity::kWarning, "not a regular file, ignored"});
    }
  }
}

// "a.txt.gz" -> "a", "a.txt" -> "a", "a" -> "a", "a.b.txt" -> "a.b".
std::string StripExtensions(std::string name) {
  auto strip = [&name](bool only_gz) {
    const std::size_t dot = name.rfind('.');
    if (dot == std::string::npos || dot == 0 || name[dot - 1] == '/' ||
        name.find('/', dot) != std::string::npos)
      return;
    if (!only_gz || name.compare(dot, std::string::npos, ".gz") == 0) name.erase(dot);
  };
  strip(true);
  strip(false);
  return name;
}

// Ids: the stem, unless another input has the same one; then the stem of the path relative to
// the directory argument; then of the path as given; then the path as given; then a number.
void AssignIds(std::vector<Entry>* entries) {
  std::vector<Entry*> pending;
  for (Entry& e : *entries) {
    if (e.problem.empty()) pending.push_back(&e);
  }
  auto candidate = [](const Entry& e, int level) {
    if (e.path == "-") return std::string("stdin");
    switch (level) {
      case 0: return StripExtensions(fs::path(e.path).filename().string());
      case 1: return StripExtensions(e.rel);
      case 2: return StripExtensions(e.path);
      default: return e.path;
    }
  };
  std::set<std::string> taken;
  for (int level = 0; level < 4 && !pending.empty(); ++level) {
    std::map<std::string, int> count;
    for (const Entry* e : pending) ++count[candidate(*e, level)];
    std::vector<Entry*> still;
    for (Entry* e : pending) {
      std::string id = candidate(*e, level);
      if (count[id] == 1 && !taken.count(id)) {
        taken.insert(id);
        e->id = std::move(id);
      } else {
        still.push_back(e);
      }
    }
    pending = std::move(still);
  }
  for (Entry* e : pending) {  // the same path given twice
    const std::string base = candidate(*e, 3);
    std::string id = base;
    for (int n = 2; taken.count(id); ++n) id = base + "#" + std::to_string(n);
    taken.insert(id);
    e->id = std::move(id);
  }
}

std::string TooLarge(std::size_t size, std::size_t limit, bool exact) {
  return (exact ? std::to_string(size) : "more than " + std::to_string(limit)) +
         " bytes, over --max-doc-bytes " + std::to_string(limit) + ", dropped";
}

void ReportReplacements(const encoding::Decoded& d, const std::string& where, Document* doc,
                        std::vector<Diagnostic>* notes) {
  if (d.replaced == 0) return;
  const bool utf8 = d.encoding == "UTF-8";
  doc->AddFlag(utf8 ? "invalid-utf8" : "invalid-bytes");
  doc->signals[utf8 ? "invalid_utf8" : "invalid_bytes"] = d.replaced;
  notes->push_back({Severity::kWarning, where, "",
                    "invalid " + d.encoding + " at byte " + std::to_string(d.first_bad) + " (" +
                        std::to_string(d.replaced) +
                        (d.replaced == 1 ? " sequence" : " sequences") + " replaced)"});
}

}  // namespace

struct InputReader::Impl {
  IngestOptions options;
  std::vector<Entry> entries;
  std::size_t next = 0;
  std::size_t skipped = 0;
  std::size_t io_errors = 0;

  // The JSONL file being read, if any.
  std::unique_ptr<ByteSource> source;
  std::unique_ptr<SourceBuffer> buffer;
  std::unique_ptr<std::istream> stream;
  std::unique_ptr<JsonlReader> lines;
  std::string lines_source;

  void Fail(Severity severity, std::string where, std::string message, bool io,
            std::vector<Diagnostic>* notes) {
    if (severity == Severity::kError) ++(io ? io_errors : skipped);
    notes->push_back({severity, std::move(where), "", std::move(message)});
  }

  bool NextLine(RawInput* raw, std::vector<Diagnostic>* notes);
  bool ReadFile(const Entry& entry, ByteSource* in, RawInput* raw, std::vector<Diagnostic>* notes);
};

InputReader::InputReader(std::vector<std::string> paths, IngestOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  if (paths.empty()) paths.push_back("-");
  std::vector<Entry>& entries = impl_->entries;
  for (const std::string& p : paths) {
    struct stat st;
    if (p == "-") {
      entries.push_back({p, p, "", Severity::kWarning, ""});
    } else if (::stat(p.c_str(), &st) != 0) {
      entries.push_back(
          {p, "", "", Severity::kError, std::string("cannot open: ") + std::strerror(errno)});
    } else if (S_ISDIR(st.st_mode)) {
      Walk(p, p, &entries);
    } else if (S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode)) {  // a FIFO: <(zcat x.gz)
      entries.push_back({p, p, "", Severity::kWarning, ""});
    } else {
      entries.push_back(
          {p, "", "", Severity::kError, "cannot open: not a regular file or directory"});
    }
  }
  AssignIds(&entries);
}

InputReader::~InputReader() = default;

bool InputReader::Impl::NextLine(RawInput* raw, std::vector<Diagnostic>* notes) {
  std::string& line = raw->bytes;
  while (lines->Next(&line)) {
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    if (line.size() > options.max_doc_bytes) {
      Fail(Severity::kError, lines->Where(), TooLarge(line.size(), options.max_doc_bytes, true),
           false, notes);
      continue;
    }
    raw->kind = RawInput::Kind::kJsonLine;
    raw->id.clear();
    raw->source = lines_source;
    raw->where = lines->Where();
    return true;
  }
  if (!source->ok()) {
    Fail(Severity::kError, lines->name() + ":" + std::to_string(lines->line_number() + 1),
         source->error(), source->io_error(), notes);
  }
  lines.reset();
  stream.reset();
  buffer.reset();
  source.reset();
  return false;
}

bool InputReader::Impl::ReadFile(const Entry& entry, ByteSource* in, RawInput* raw,
                                 std::vector<Diagnostic>* notes) {
  const std::string where = entry.path == "-" ? "stdin" : entry.path;
  const std::size_t limit = options.max_doc_bytes;
  const std::optional<std::size_t> size = in->KnownSize();
  if (size && *size > limit) {
    Fail(Severity::kError, where, TooLarge(*size, limit, true), false, notes);
    return false;
  }
  std::string& bytes = raw->bytes;
  bytes.clear();
  // Reads until `want` bytes are held or the input ends. A known size is read in one go (and one
  // byte more, to see the end); otherwise the buffer doubles.
  auto fill = [&](std::size_t want) {
    while (bytes.size() < want) {
      const std::size_t have = bytes.size();
      const std::size_t next = size ? *size + 1 : have * 2;
      bytes.resize(std::min(want, std::max(next, have + kSniffBytes)));
      const std::size_t got = in->Read(bytes.data() + have, bytes.size() - have);
      bytes.resize(have + got);
      if (got == 0) return;
    }
  };
  // One byte over the limit tells that the document is too large.
  const std::size_t enough = limit == SIZE_MAX ? limit : limit + 1;
  fill(std::min(kSniffBytes, enough));
  if (in->ok()) {
    const std::string_view head = bytes;
    if (head.find('\0') != std::string_view::npos && !encoding::LooksLikeUtf16(head)) {
      Fail(Severity::kError, where, "binary file, skipped", false, notes);
      return false;
    }
    fill(enough);
  }
  if (!in->ok()) {
    Fail(Severity::kError, where, in->error(), in->io_error(), notes);
    return false;
  }
  if (bytes.size() > limit) {
    Fail(Severity::kError, where, TooLarge(bytes.size(), limit, false), false, notes);
    return false;
  }
  raw->kind = RawInput::Kind::kFile;
  raw->id = entry.id;
  raw->source = entry.path == "-" ? "" : entry.path;
  raw->where = where;
  return true;
}

bool InputReader::Next(RawInput* raw, std::vector<Diagnostic>* notes) {
  Impl& s = *impl_;
  while (true) {
    if (s.lines) {
      if (s.NextLine(raw, notes)) return true;
      continue;
    }
    if (s.next >= s.entries.size()) return false;
    const Entry& entry = s.entries[s.next++];
    if (!entry.problem.empty()) {
      s.Fail(entry.severity, entry.path, entry.problem, true, notes);
      continue;
    }
    auto in = std::make_unique<ByteSource>(entry.path);
    if (!in->ok()) {
      s.Fail(Severity::kError, entry.path, in->error(), true, notes);
      continue;
    }
    if (s.options.jsonl) {
      s.source = std::move(in);
      s.buffer = std::make_unique<SourceBuffer>(s.source.get());
      s.stream = std::make_unique<std::istream>(s.buffer.get());
      s.lines = std::make_unique<JsonlReader>(*s.stream, entry.path == "-" ? "stdin" : entry.path);
      s.lines_source = entry.path == "-" ? "" : entry.path;
      continue;
    }
    if (s.ReadFile(entry, in.get(), raw, notes)) return true;
  }
}

std::size_t InputReader::skipped() const { return impl_->skipped; }
std::size_t InputReader::io_errors() const { return impl_->io_errors; }

namespace {

Document JsonRecord(std::string_view json, const std::string& source, const IngestOptions& options) {
  Document doc = DocumentFromJson(json, options.text_field, options.id_field);
  if (doc.source.empty()) doc.source = source;
  return doc;
}

}  // namespace

DecodeResult Decode(RawInput raw, const IngestOptions& options) {
  DecodeResult result;
  if (raw.kind == RawInput::Kind::kJsonLine) {
    // A line that parses is valid UTF-8 (both JSON readers reject invalid bytes), so almost every
    // line is read in one pass; only a line that fails is checked, and read again repaired.
    try {
      result.doc = JsonRecord(raw.bytes, raw.source, options);
    } catch (const InputError& e) {
      std::string repaired;
      const encoding::Utf8Scan s = encoding::ScanUtf8(raw.bytes, &repaired);
      if (s.invalid == 0) {
        result.notes.push_back({Severity::kError, raw.where, "", e.what()});
        return result;
      }
      try {
        Document doc = JsonRecord(repaired, raw.source, options);
        ReportReplacements({"", "UTF-8", s.invalid, s.first_invalid}, raw.where, &doc, &result.notes);
        result.doc = std::move(doc);
      } catch (const InputError& again) {
        result.notes.push_back({Severity::kError, raw.where, "", again.what()});
      }
    }
    return result;
  }
  Document doc;
  doc.id = std::move(raw.id);
  doc.source = std::move(raw.source);
  encoding::Decoded d = encoding::ToUtf8(std::move(raw.bytes));
  doc.text = std::move(d.text);
  if (d.encoding != "UTF-8") doc.signals["encoding"] = d.encoding;
  ReportReplacements(d, raw.where, &doc, &result.notes);
  if (doc.text.empty()) result.notes.push_back({Severity::kWarning, raw.where, "", "empty file"});
  result.doc = std::move(doc);
  return result;
}

}  // namespace pith

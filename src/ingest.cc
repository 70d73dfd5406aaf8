#include "pith/ingest.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "pith/jsonl.h"

namespace pith {
namespace fs = std::filesystem;

struct InputReader::Impl {
  IngestOptions options;
  std::vector<std::string> files;  // expanded, in order
  std::vector<std::string> ids;    // per file
  std::size_t next_file = 0;
  std::size_t skipped = 0;
  std::size_t io_errors = 0;
  std::vector<Diagnostic> pending;  // problems found while expanding directories

  // JSONL state for the file being read.
  std::unique_ptr<std::ifstream> stream;
  std::unique_ptr<JsonlReader> reader;
  std::string reader_source;
};

InputReader::InputReader(std::vector<std::string> paths, IngestOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  if (paths.empty()) paths.push_back("-");
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p != "-" && fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        if (it->is_regular_file(ec)) found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      impl_->files.insert(impl_->files.end(), found.begin(), found.end());
    } else {
      impl_->files.push_back(p);
    }
  }
  for (const std::string& f : impl_->files) {
    impl_->ids.push_back(f == "-" ? "stdin" : fs::path(f).stem().string());
  }
}

InputReader::~InputReader() = default;

bool InputReader::Next(RawInput* raw, std::vector<Diagnostic>* notes) {
  Impl& s = *impl_;
  while (true) {
    if (s.reader) {
      std::string_view line;
      if (s.reader->Next(&line)) {
        raw->kind = RawInput::Kind::kJsonLine;
        raw->bytes.assign(line);
        raw->id.clear();
        raw->source = s.reader_source;
        raw->where = s.reader->Where();
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
        return true;
      }
      s.reader.reset();
      s.stream.reset();
    }
    if (s.next_file >= s.files.size()) return false;
    const std::size_t i = s.next_file++;
    const std::string& path = s.files[i];
    std::istream* in = &std::cin;
    if (path != "-") {
      s.stream = std::make_unique<std::ifstream>(path, std::ios::binary);
      if (!*s.stream) {
        notes->push_back({Severity::kError, path, "", "cannot open"});
        ++s.io_errors;
        s.stream.reset();
        continue;
      }
      in = s.stream.get();
    }
    if (s.options.jsonl) {
      s.reader = std::make_unique<JsonlReader>(*in, path == "-" ? "stdin" : path);
      s.reader_source = path;
      continue;
    }
    raw->kind = RawInput::Kind::kFile;
    raw->bytes.assign(std::istreambuf_iterator<char>(*in), std::istreambuf_iterator<char>());
    raw->id = s.ids[i];
    raw->source = path;
    raw->where = path;
    s.stream.reset();
    return true;
  }
}

std::size_t InputReader::skipped() const { return impl_->skipped; }
std::size_t InputReader::io_errors() const { return impl_->io_errors; }

DecodeResult Decode(RawInput raw, const IngestOptions& options) {
  DecodeResult result;
  if (raw.kind == RawInput::Kind::kJsonLine) {
    try {
      Document doc = DocumentFromJson(raw.bytes, options.text_field, options.id_field);
      if (doc.source.empty() && !raw.source.empty() && raw.source != "-") doc.source = raw.source;
      result.doc = std::move(doc);
    } catch (const InputError& e) {
      result.notes.push_back({Severity::kError, raw.where, "", e.what()});
    }
    return result;
  }
  Document doc;
  doc.id = std::move(raw.id);
  doc.source = std::move(raw.source);
  doc.text = std::move(raw.bytes);
  result.doc = std::move(doc);
  return result;
}

}  // namespace pith

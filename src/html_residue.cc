#include "html_residue.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string_view>

#include <unicode/utf8.h>

#include "line_edit.h"

namespace pith::internal {
namespace {

// The named references scraped text carries in practice; HTML's full list has 2,000 more that
// plain text never shows.
struct NamedEntity {
  std::string_view name;
  char32_t code_point;
};
constexpr NamedEntity kEntities[] = {
    {"nbsp", 0xA0},   {"amp", '&'},       {"lt", '<'},        {"gt", '>'},       {"quot", '"'},
    {"apos", '\''},   {"NBSP", 0xA0},     {"AMP", '&'},       {"LT", '<'},       {"GT", '>'},
    {"QUOT", '"'},    {"copy", 0xA9},     {"reg", 0xAE},      {"trade", 0x2122}, {"hellip", 0x2026},
    {"mdash", 0x2014}, {"ndash", 0x2013}, {"lsquo", 0x2018},  {"rsquo", 0x2019}, {"ldquo", 0x201C},
    {"rdquo", 0x201D}, {"sbquo", 0x201A}, {"bdquo", 0x201E},  {"laquo", 0xAB},   {"raquo", 0xBB},
    {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"middot", 0xB7}, {"bull", 0x2022},  {"times", 0xD7},
    {"divide", 0xF7}, {"deg", 0xB0},      {"plusmn", 0xB1},   {"para", 0xB6},    {"sect", 0xA7},
    {"cent", 0xA2},   {"pound", 0xA3},    {"yen", 0xA5},      {"euro", 0x20AC},  {"ensp", 0x2002},
    {"emsp", 0x2003}, {"thinsp", 0x2009}, {"zwj", 0x200D},    {"zwnj", 0x200C},  {"shy", 0xAD},
    {"iexcl", 0xA1},  {"iquest", 0xBF},   {"acute", 0xB4},    {"uml", 0xA8},     {"ordf", 0xAA},
    {"ordm", 0xBA},   {"sup1", 0xB9},     {"sup2", 0xB2},     {"sup3", 0xB3},    {"frac12", 0xBD},
    {"frac14", 0xBC}, {"frac34", 0xBE},   {"micro", 0xB5},    {"prime", 0x2032}, {"larr", 0x2190},
    {"rarr", 0x2192}, {"uarr", 0x2191},   {"darr", 0x2193},   {"hearts", 0x2665}, {"szlig", 0xDF},
    {"aacute", 0xE1}, {"agrave", 0xE0},   {"acirc", 0xE2},    {"auml", 0xE4},    {"atilde", 0xE3},
    {"aring", 0xE5},  {"aelig", 0xE6},    {"ccedil", 0xE7},   {"eacute", 0xE9},  {"egrave", 0xE8},
    {"ecirc", 0xEA},  {"euml", 0xEB},     {"iacute", 0xED},   {"igrave", 0xEC},  {"icirc", 0xEE},
    {"iuml", 0xEF},   {"ntilde", 0xF1},   {"oacute", 0xF3},   {"ograve", 0xF2},  {"ocirc", 0xF4},
    {"ouml", 0xF6},   {"otilde", 0xF5},   {"oslash", 0xF8},   {"uacute", 0xFA},  {"ugrave", 0xF9},
    {"ucirc", 0xFB},  {"uuml", 0xFC},     {"yacute", 0xFD},   {"yuml", 0xFF},    {"Aacute", 0xC1},
    {"Agrave", 0xC0}, {"Acirc", 0xC2},    {"Auml", 0xC4},     {"Atilde", 0xC3},  {"Aring", 0xC5},
    {"AElig", 0xC6},  {"Ccedil", 0xC7},   {"Eacute", 0xC9},   {"Egrave", 0xC8},  {"Ecirc", 0xCA},
    {"Euml", 0xCB},   {"Iacute", 0xCD},   {"Ntilde", 0xD1},   {"Oacute", 0xD3},  {"Ouml", 0xD6},
    {"Oslash", 0xD8}, {"Uacute", 0xDA},   {"Uuml", 0xDC},     {"oelig", 0x153},  {"OElig", 0x152},
};

// Elements whose tags scraped text shows. A name outside the list ("<三体>", "<y>") is not a tag.
constexpr std::string_view kTagNames[] = {
    "a", "abbr", "address", "area", "article", "aside", "audio", "b", "bdi", "bdo", "big",
    "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code", "col",
    "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "embed", "fieldset",
    "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
    "header", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "legend", "li",
    "link", "main", "mark", "meta", "nav", "noscript", "object", "ol", "option", "p", "param",
    "picture", "pre", "q", "s", "samp", "script", "section", "select", "small", "source", "span",
    "strike", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td",
    "textarea", "tfoot", "th", "thead", "time", "title", "tr", "tt", "u", "ul", "var", "video",
    "wbr",
};

// Tags that break a line in a browser: removing one between two words leaves a space.
constexpr std::string_view kBreakingTags[] = {
    "br", "p", "div", "li", "td", "th", "tr", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "blockquote", "section", "article", "header", "footer", "ul", "ol", "table",
};

void AppendUtf8(char32_t c, std::string* out) {
  char buffer[4];
  std::int32_t n = 0;
  UBool error = false;
  U8_APPEND(buffer, n, 4, static_cast<UChar32>(c), error);
  if (!error) out->append(buffer, static_cast<std::size_t>(n));
}

// Decodes the reference at `line[amp]` == '&'. Returns its length, 0 when it is none.
std::size_t DecodeEntity(std::string_view line, std::size_t amp, char32_t* c) {
  const std::size_t semi = line.find(';', amp + 1);
  if (semi == std::string_view::npos || semi - amp > 12 || semi == amp + 1) return 0;
  std::string_view body = line.substr(amp + 1, semi - amp - 1);
  if (body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    body.remove_prefix(hex ? 2 : 1);
    std::uint32_t value = 0;
    const auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), value, hex ? 16 : 10);
    if (body.empty() || ec != std::errc() || end != body.data() + body.size()) return 0;
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    // A reference to a line break must not break the line.
    *c = (value == '\n' || value == '\r') ? U' ' : static_cast<char32_t>(value);
    return semi - amp + 1;
  }
  for (const NamedEntity& e : kEntities) {
    if (e.name == body) {
      *c = e.code_point;
      return semi - amp + 1;
    }
  }
  return 0;
}

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// A tag starting at `line[lt]` == '<': its length and element name, or 0.
std::size_t MatchTag(std::string_view line, std::size_t lt, std::string* name, bool* closing) {
  std::size_t i = lt + 1;
  if (line.compare(i, 3, "!--") == 0) {
    const std::size_t end = line.find("-->", i + 3);
    if (end == std::string_view::npos) return 0;
    name->clear();
    return end + 3 - lt;
  }
  *closing = i < line.size() && line[i] == '/';
  if (*closing) ++i;
  const std::size_t name_begin = i;
  while (i < line.size() && std::isalnum(static_cast<unsigned char>(line[i]))) ++i;
  *name = Lower(line.substr(name_begin, i - name_begin));
  if (std::find(std::begin(kTagNames), std::end(kTagNames), *name) == std::end(kTagNames)) return 0;
  // Attributes: name, or name=value with the value quoted or bare, separated by spaces.
  while (i < line.size()) {
    const std::size_t spaces = i;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i < line.size() && line[i] == '>') return i + 1 - lt;
    if (line.compare(i, 2, "/>") == 0) return i + 2 - lt;
    if (i == spaces || *closing) return 0;  // attributes need a space before them
    const std::size_t attr = i;
    while (i < line.size() && IsNameChar(line[i])) ++i;
    if (i == attr) return 0;
    if (i < line.size() && line[i] == '=') {
      ++i;
      if (i < line.size() && (line[i] == '"' || line[i] == '\'')) {
        const std::size_t close = line.find(line[i], i + 1);
        if (close == std::string_view::npos) return 0;
        i = close + 1;
      } else {
        const std::size_t value = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '>' && line[i] != '<' &&
               line[i] != '"' && line[i] != '\'') {
          ++i;
        }
        if (i == value) return 0;
      }
    }
  }
  return 0;
}

bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

}  // namespace

int DecodeHtmlEntities(std::string* line) {
  int decoded = 0;
  // Double-escaped text needs a second round; a third finds nothing more.
  for (int round = 0; round < 3; ++round) {
    char32_t c = 0;
    const int this_round = ReplaceSpans(
        line, '&', [&c](std::string_view in, std::size_t amp) { return DecodeEntity(in, amp, &c); },
        [&c](std::string_view, std::size_t, std::size_t, std::string* out) { AppendUtf8(c, out); });
    if (this_round == 0) break;
    decoded += this_round;
  }
  return decoded;
}

int RemoveHtmlTags(std::string* line) {
  std::string name;
  return ReplaceSpans(
      line, '<',
      [&name](std::string_view in, std::size_t lt) -> std::size_t {
        bool closing = false;
        std::size_t length = MatchTag(in, lt, &name, &closing);
        // Script and style content that closes on the line goes with its tags.
        if (length > 0 && !closing && (name == "script" || name == "style")) {
          const std::size_t close = Lower(in.substr(lt)).find("</" + name);
          if (close != std::string::npos) {
            std::string close_name;
            bool close_closing = false;
            const std::size_t close_length = MatchTag(in, lt + close, &close_name, &close_closing);
            if (close_length > 0) length = close + close_length;
          }
        }
        return length;
      },
      [&name](std::string_view in, std::size_t lt, std::size_t length, std::string* out) {
        // A tag that breaks a line (<br>, </p>) between two words leaves a space.
        const std::size_t after = lt + length;
        const bool breaking = std::find(std::begin(kBreakingTags), std::end(kBreakingTags), name) !=
                              std::end(kBreakingTags);
        if (breaking && !out->empty() && IsWordByte(out->back()) && after < in.size() &&
            IsWordByte(in[after])) {
          out->push_back(' ');
        }
      });
}

}  // namespace pith::internal

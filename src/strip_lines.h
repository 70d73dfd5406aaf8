// Lines and their features: what strip's rules and classifier look at. Private to the library.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pith::internal {

// How a line began: lynx prints list items as "* ", "+ ", "o "; numbered items as "1. ".
enum class Bullet : char { kNone, kSymbol, kNumber };

// One line of a document with the measures the classifier uses. Views point into the document's
// text, which must outlive the Line.
struct Line {
  int n = 0;               // 1-based line number in the text
  std::string_view text;   // the whole line, without its line break
  std::string_view core;   // without surrounding whitespace and a leading list bullet
  bool blank = true;       // only whitespace
  Bullet bullet = Bullet::kNone;  // the list marker the line began with

  // Counts over `core`, bracketed placeholders such as [logo.gif] left out.
  int chars = 0;       // code points of core
  int cjk = 0;         // Han, kana, hangul
  int wide = 0;        // characters two columns wide on screen: CJK and full-width forms
  int letters = 0;     // letters of alphabetic scripts
  int digits = 0;
  int words = 0;       // runs of letters or digits outside CJK
  int stops = 0;       // function words (English) and function characters (Chinese)
  int caps = 0;        // words that begin with a capital letter
  int numbers = 0;     // words that begin with a digit
  int terminals = 0;   // sentence ends: 。！？ and . ! ? before a space or the end
  int periods = 0;     // of which full stops: headlines end in ！ or ？, rarely in 。
  int commas = 0;      // ， 、 , ； ;
  int separators = 0;  // | › » > / · • and spaced dashes: what joins links in menus
  int spaces = 0;      // inside the line
  int images = 0;      // [..] placeholders
  int urls = 0;        // http://, https://, www.
  char32_t last = 0;           // the last character, closing quotes and brackets aside
  bool ends_terminal = false;  // `last` ends a sentence
  bool ends_ellipsis = false;  // ends with one … or "...": a cut-off teaser

  // Content in Latin-letter units: a CJK character carries about as much as three letters.
  std::uint64_t letters_hash = 0;  // of its letters, digits and CJK characters, ASCII lower-cased:
                                   // equal for the same words however spaced or punctuated

  int Weight() const { return 3 * cjk + letters + digits; }
  bool MostlyCjk() const { return 3 * cjk >= letters && cjk > 0; }
  // Share of function words (or characters), the jusText measure of running text.
  double StopDensity() const {
    if (MostlyCjk()) return cjk ? static_cast<double>(stops) / cjk : 0.0;
    return words ? static_cast<double>(stops) / words : 0.0;
  }
};

// Splits `text` into lines (on \n; a trailing \r is dropped) and measures each. `lines` is
// cleared and refilled, so a caller reusing it allocates only when a document has more lines
// than any before.
void SplitLines(std::string_view text, std::vector<Line>* lines);

// The paragraphs of a wrapped text, each on one line again.
struct Unwrapped {
  // A wrapped paragraph's lines joined: by a space where the wrapper broke the line at one, by
  // nothing where it broke a word (Chinese text, a long address).
  std::string text;
  std::vector<Line> units;   // a Line a paragraph, multi-line ones pointing into `text`; n is
                             // the number of the paragraph's first line
  std::vector<int> unit_of;  // the unit of every line
};

// Lynx without -width, and other tools, wrap paragraphs at a right margin. When `lines` looks
// wrapped, or a page too short to show a margin shows breaks of its own (a bracket left open
// over a line that closes it; Chinese cut mid-sentence at the page's widest), joins each broken
// paragraph back into one unit, fills `out` and returns true; otherwise returns false and leaves
// `out` empty. The units of `out` are valid while `out` and the text of `lines` are.
// `stands_alone`, when given, names lines that are whole by themselves: a short one of them does
// not go on into the next line, though a wrapper may have broken it there (a site's furniture
// over a run of Chinese text, which a wrapper sets on the next line when it does not fit).
bool JoinWrapped(const std::vector<Line>& lines, Unwrapped* out,
                 const std::function<bool(const Line&)>& stands_alone = {});

// True when the line reads as running text: sentences with their punctuation and, in alphabetic
// scripts, the function words that navigation lacks, and not mostly digits.
bool IsProse(const Line& line);

// True when the line reads as a line of program text or a shell command quoted in an article:
// a "$ " prompt, a closing ";", or marks that code has and menus and prose lack ("{", "==",
// "::", "&&"). A blog's code comes in short lines, bulleted ("- run: make") or joined by pipes,
// that would otherwise pass for a menu's.
bool IsCode(const Line& line);

}  // namespace pith::internal

// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_LIST_MARKER_HPP
#define ZHSCAN_LIST_MARKER_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "common.hpp"
#include "detail/cpu.hpp"
#include "detail/marker_scan.hpp"
#include "detail/marker_types.hpp"

/**
 * Outline markers of Chinese prose: yi-dun, (yi), 1., (1), circled 1, di yi zhang, yi shi
 * ... and the hierarchy they imply.
 *
 * Reading rules (each is a rule a careful reader states, none is tuned to a document):
 *  - Shape: a numeral with its own delimiter or brackets, in any style of `marker_style`,
 *    ASCII or full-width punctuation, spaces allowed inside brackets. Han ordinals are read
 *    with zhscan::parse_han_number (integers 1..999, no digit-by-digit years).
 *  - Left context: a marker starts a line (after indentation), or follows white space or
 *    a bullet (flattened one-line documents), a sentence end (headings run in after the
 *    full stop), a semicolon/colon, or, for run-in lists, a comma or a bracket. A numeral
 *    right after an ideograph, letter or digit is inside a word ("ju yi fan san,", "tong yi
 *    shi", "pai ming di yi") and never a marker; a circled numeral there is a footnote
 *    reference unless text follows and its list goes on.
 *  - What follows: a digit after the dot makes a decimal number (13.73, 1.5); the next
 *    numeral glued to a word makes a listing ("yi, er nian ji": grades one and two; "jia,
 *    yi shuang fang"); clause punctuation right after the delimiter, or another marker at
 *    once, opens no item; an item needs words within 64 bytes (a run of numerals and
 *    brackets numbers nothing); di X + a word other than zhang/jie/tiao/kuan/bu fen/bian/
 *    pian is an ordinal adjective (di yi fang zhen, di 1 ye); di X tiao + "gui ding"/"de"/
 *    punctuation, and di 4.2 tiao, are cross-references; zui hou + numeral and zai ci
 *    without a comma are adverbs.
 *  - Converter chunk numbers: an Arabic number at the start of a paragraph that follows an
 *    unfinished paragraph (no closing punctuation) interrupts a sentence. After running
 *    text (a sentence end inside, a comma at the end, or 40+ characters not starting like
 *    a heading) it is kept only as the exact next item of the open list of the same style,
 *    and not when that item's real number follows; after a short unfinished line (maybe a
 *    heading) its list must go on. A short line opened by a marker is a numbered heading,
 *    finished as it is. A lone Han numeral ending a paragraph, whose delimiter
 *    or "shi" reappears after such a number, is the real marker (split). A line cut inside
 *    a character was truncated by a length limit: that says nothing about the next line.
 *  - Page furniture: a page number line ("di 2 ye gong 5 ye", "- 3 -", "3/5") or the
 *    document's title repeated as a running header is not the paragraph a number follows;
 *    the paragraph before it is. When a list's next item is searched for, an item after
 *    such a short line counts if it is the exact successor.
 *  - GB/T order: a list of a low rank (1., (1), circled) that opens while no Han-numbered
 *    heading is open, and is followed by a higher-ranked series (yi-dun, (yi), chapters)
 *    before its own next item, is a lone number (a converter's chunk number before the
 *    title, a numbered preamble sentence) unless its next item does follow as a real
 *    sibling: not a chunk number, and the higher series restarts at 1 under it rather than
 *    running on across it. Such a number would otherwise invert the order and shift the
 *    whole document down a level. Likewise a Han-numbered heading nests under an open
 *    low-rank list only when that list goes on after it (as above); otherwise the list was
 *    a run of statements (a preamble "1. ... 2. ...") and the heading closes it and takes
 *    its level.
 *  - Teaser lists: numbered titles (no sentence inside) right after a web page's label
 *    (xiang guan wen zhang, tui jian yue du, cai ni xi huan, shang/xia yi pian ..., or any
 *    short label standing alone made of xiang guan / re men / tui jian / wang qi / zui xin /
 *    geng duo + up to four ideographs) and the items that follow them are the site's
 *    boilerplate.
 *  - Names and references: "(1) ban" is class 1 unless ban begins a word (ban zi, ban ji
 *    ...); a bracketed numeral after di (even across a line wrap) is an item reference
 *    "di (yi) xiang". "1.2023 nian" is item 1 opening with a year, not a decimal.
 *  - Sequence: a marker at a line start is trusted when it continues the open sequence of
 *    its level, restarts it at 1, or opens a new level at 1; a number that skips ahead is
 *    not when the skipped number follows right after it (1, 2, 4, 3); a list that opens at 7 needs
 *    its 8 to follow, unless it continues the numbering of a closed level of its style
 *    (1..30 running across top-level sections). Markers in running text need sequence
 *    evidence: predecessor, successor in the same section, or a continued numbering.
 *    Run-in enumerations (yi shi/er shi, di yi/di er, qi yi/qi er, shou xian/qi ci/zui
 *    hou) need a second member. The first list of a rare style (decimal outline, circled,
 *    Roman, Latin, Heavenly Stems) needs its second item. A Han numeral without delimiter
 *    is a marker only as exactly the next number of an open yi-dun level, and not right
 *    after another such numeral that was rejected (a teaser list of its own).
 *  - Levels: the style stack of the current path. A style already open on the path closes
 *    back to its level (its siblings); a new style opens a deeper level; a sloppy sibling
 *    style of the same family ("1." then "2" + dunhao) continuing the number stays at that level.
 *    Run-in enumerations sit one level below the section they appear in; a heading at a
 *    line start or after a sentence closes them, a bracketed list inside a clause nests
 *    under them. Level and parent follow from the stack, never from a fixed style rank.
 *  - Decimal outlines (GB/T 1.1): a bare number + space + short heading alone on its line
 *    ("1 zong ze") is a chapter number when the document's decimal outline confirms it (its
 *    "N.x" child or a bare sibling N-1 / N+1); "N.x" under an open "N" and "N.x.y" under an
 *    open "N.x" (every open ancestor carrying the leading components) are its children,
 *    whatever their own sequence. A measure word or unit after the number, a digit, a second
 *    field or punctuation on the line make it a count, a table row or a sentence.
 *  - Run-in headings: a heading without final punctuation may run straight into its first
 *    sub-marker ("(yi)", "(1)", "yi shi"); that glued first item counts when its next
 *    sibling follows in the section, not when yi belongs to the word before ("tong yi shi")
 *    or the bracket refers to an item of an article ("di san tiao (yi) xiang").
 *  - Brackets (bracket_styles, one row per pair, from the bracket rows of
 *    data/marker_styles.tsv: lenticular, tortoise shell, full-width and ASCII square
 *    brackets) around a Han or Arabic numeral, with an optional dunhao or dot after them;
 *    each pair is a level of its own. After a word they are citations ("[1]"),
 *    with more than two digits a document number ("[2024]").
 *  - Nested restarts: a list restarting at 1 inside an open list of the same style is a child
 *    of that list's last item when, after its own items (and lists nested in them), the
 *    outer list goes on with its next number; when the inner list reaches that number
 *    itself, it is nested only if a lead-in line ending with a colon announced it, and the
 *    outer list takes the number unless it comes again later. After an unnumbered heading a
 *    restart belongs to that heading.
 *  - Markdown: "## 1 title" is a bare chapter number; a bare number under a decimal heading
 *    with fewer '#' marks ("#### 1" under "### 1.1") numbers a list inside that heading.
 *  - di X shi (di yi shi / di er shi) and yi lai / er lai are run-in enumerations like yi shi;
 *    "san  shi" spread out by a PDF is yi shi too. di X zhang/jie/tiao at a line start whose
 *    text is set off by a space or starts with a proper name (zhong hua ...) is a heading.
 *  - Unnumbered headings (numbering lost on export) are not levels. A short title line
 *    without number or punctuation, after a finished paragraph, is a heading of the
 *    document: when the list it follows was itself found under such a heading, the two
 *    headings are siblings, so a list of another style under the new one (or a run-in list
 *    in its first paragraph) takes the previous list's level instead of nesting into that
 *    list's last item.
 *
 * Where the rules are: the style rows (punctuation, numeral system, family, GB/T rank) in
 * data/marker_styles.tsv; phase 1, one file per concept, in detail/marker_scan.hpp (the
 * rules' one-line contracts) and the detail/marker_*.hpp it includes; phase 2 below.
 *
 * Speed: a SIMD prefilter (AVX-512 or AVX2, chosen at run time; scalar elsewhere) finds the
 * few positions where a marker can start (trigger characters not preceded by a word
 * character) and skips blocks of numerals and punctuation without any text; each position
 * is then decided by bounded look-behind/look-ahead, so the work is linear in the input.
 */
namespace zhscan {

namespace detail {
namespace mk {

/** Identity of a level on the style stack: the style plus its case/bracket variant. */
enum key : std::uint8_t {
  k_han_dun, k_han_fin, k_han_paren, k_paren_han, k_enclosed_han, k_circled_han,
  k_arabic_dot, k_arabic_dun, k_arabic_paren, k_paren_arabic, k_enclosed_paren,
  k_enclosed_stop, k_circled,
  k_dec1, k_dec2, k_dec3, k_dec4, k_dec5, k_dec6,
  k_md_sub,  // bare numbers of a Markdown heading deeper than the decimal heading above it
  k_roman_upper, k_roman_lower, k_paren_roman_upper, k_paren_roman_lower,
  k_latin_upper, k_latin_lower, k_latin_paren_upper, k_latin_paren_lower,
  k_tiangan, k_paren_tiangan,
  k_bracket_han,  // one key per row of bracket_styles
  k_bracket_arabic = k_bracket_han + bracket_style_count,
  k_part = k_bracket_arabic + bracket_style_count, k_chapter, k_section, k_article, k_clause,
  k_enum_shi, k_di_comma, k_qi_ordinal, k_seq_word,
  key_count
};

constexpr std::uint8_t key_of(marker_style s, std::uint16_t flags, std::uint8_t depth) noexcept {
  const bool lower = (flags & marker_flag::lowercase) != 0;
  switch (s) {
    case marker_style::han_dun:
    case marker_style::han_bare: return depth == 1 ? k_han_fin : k_han_dun;  // depth: financial
    case marker_style::han_paren: return k_han_paren;
    case marker_style::paren_han: return k_paren_han;
    case marker_style::enclosed_han: return k_enclosed_han;
    case marker_style::circled_han: return k_circled_han;
    case marker_style::arabic_dot: return k_arabic_dot;
    case marker_style::arabic_dun: return k_arabic_dun;
    case marker_style::arabic_paren: return k_arabic_paren;
    case marker_style::paren_arabic: return k_paren_arabic;
    case marker_style::enclosed_paren: return k_enclosed_paren;
    case marker_style::enclosed_stop: return k_enclosed_stop;
    case marker_style::circled: return k_circled;
    case marker_style::decimal_outline:
      // depth 1: a bare GB/T 1.1 chapter number ("1 zong ze"); bits 3..5: Markdown '#'s
      depth &= 7;
      return static_cast<std::uint8_t>(depth == 1   ? k_dec1
                                       : depth <= 2 ? k_dec2
                                       : depth >= 6 ? k_dec6
                                                    : k_dec2 + (depth - 2));
    case marker_style::roman: return lower ? k_roman_lower : k_roman_upper;
    case marker_style::paren_roman: return lower ? k_paren_roman_lower : k_paren_roman_upper;
    case marker_style::latin_dot: return lower ? k_latin_lower : k_latin_upper;
    case marker_style::latin_paren: return lower ? k_latin_paren_lower : k_latin_paren_upper;
    case marker_style::tiangan: return k_tiangan;
    case marker_style::paren_tiangan: return k_paren_tiangan;
    case marker_style::bracket_han:  // depth: the row of bracket_styles
      return static_cast<std::uint8_t>(k_bracket_han + (depth < bracket_style_count ? depth : 0));
    case marker_style::bracket_arabic:
      return static_cast<std::uint8_t>(k_bracket_arabic + (depth < bracket_style_count ? depth : 0));
    case marker_style::part: return k_part;
    case marker_style::chapter: return k_chapter;
    case marker_style::section: return k_section;
    case marker_style::article: return k_article;
    case marker_style::clause: return k_clause;
    case marker_style::enum_shi: return k_enum_shi;
    case marker_style::di_comma: return k_di_comma;
    case marker_style::qi_ordinal: return k_qi_ordinal;
    case marker_style::seq_word: return k_seq_word;
  }
  return k_han_dun;
}

/** The style of level key `k` (several keys share one: case, bracket row, decimal depth). */
constexpr marker_style style_of_key(std::uint8_t k) noexcept {
  if (k >= k_bracket_han && k < k_bracket_arabic) return marker_style::bracket_han;
  if (k >= k_bracket_arabic && k < k_part) return marker_style::bracket_arabic;
  switch (k) {
    case k_han_dun: case k_han_fin: return marker_style::han_dun;
    case k_han_paren: return marker_style::han_paren;
    case k_paren_han: return marker_style::paren_han;
    case k_enclosed_han: return marker_style::enclosed_han;
    case k_circled_han: return marker_style::circled_han;
    case k_arabic_dot: return marker_style::arabic_dot;
    case k_arabic_dun: return marker_style::arabic_dun;
    case k_arabic_paren: return marker_style::arabic_paren;
    case k_paren_arabic: return marker_style::paren_arabic;
    case k_enclosed_paren: return marker_style::enclosed_paren;
    case k_enclosed_stop: return marker_style::enclosed_stop;
    case k_circled: return marker_style::circled;
    case k_roman_upper: case k_roman_lower: return marker_style::roman;
    case k_paren_roman_upper: case k_paren_roman_lower: return marker_style::paren_roman;
    case k_latin_upper: case k_latin_lower: return marker_style::latin_dot;
    case k_latin_paren_upper: case k_latin_paren_lower: return marker_style::latin_paren;
    case k_tiangan: return marker_style::tiangan;
    case k_paren_tiangan: return marker_style::paren_tiangan;
    case k_part: return marker_style::part;
    case k_chapter: return marker_style::chapter;
    case k_section: return marker_style::section;
    case k_article: return marker_style::article;
    case k_clause: return marker_style::clause;
    case k_enum_shi: return marker_style::enum_shi;
    case k_di_comma: return marker_style::di_comma;
    case k_qi_ordinal: return marker_style::qi_ordinal;
    case k_seq_word: return marker_style::seq_word;
    default: return marker_style::decimal_outline;  // k_dec1 .. k_dec6, k_md_sub
  }
}

/**
 * Styles a sloppy writer interchanges at one level ("1." then "2" + dunhao): a marker continuing
 * the open sequence of a style of its family is that level's next sibling. The families are
 * the `family` column of data/marker_styles.tsv; a style without one is a family of its own.
 */
constexpr std::uint8_t family_of(std::uint8_t k) noexcept {
  const std::uint8_t f = style_trait(style_of_key(k)).family;
  return f != 0 ? f : static_cast<std::uint8_t>(10 + k);
}

/**
 * Rank of a heading style in the GB/T 9704 order 1 (yi-dun) > 2 ((yi)) > 3 (1.) > 4 ((1)) >
 * 5 (circled), chapter forms above them all (0); -1 for the styles outside that order (the
 * `rank` column of data/marker_styles.tsv). Yi-dun in financial numerals (Word's legal
 * numbering) ranks with the chapter forms.
 */
constexpr int gbt_rank(std::uint8_t k) noexcept {
  return k == k_han_fin ? 0 : style_trait(style_of_key(k)).rank;
}

/** Phase-1 sink writing candidates into the result vector (and rejections, if asked). */
struct collect_sink {
  std::vector<marker>& out;
  std::vector<rejected_marker>* rejected;

  void accept(const candidate& c) {
    marker m;
    m.span = c.span;
    m.ordinal = c.ordinal;
    m.style = c.style;
    m.level = c.context;     // phase 2 reads the context from here ...
    m.confidence = c.depth;  // ... and the decimal-outline depth from here
    m.parent = c.prefix;     // ... and a decimal outline's leading components
    m.flags = c.flags;
    out.push_back(m);
  }
  void reject(byte_span sp, std::uint32_t ord, marker_style st, reject_reason r) {
    if (rejected) rejected->push_back(rejected_marker{sp, ord, st, r});
  }
};

/** Phase 2: sequences, run support, the style stack. */
class structurer {
 public:
  structurer(std::vector<marker>& out, std::vector<rejected_marker>* rejected) noexcept
      : out_(out), rejected_(rejected) {
    for (std::size_t k = 0; k < key_count; ++k) {
      pos_of_[k] = -1;
      closed_last_[k] = 0;
    }
  }

  /**
   * A list nests in an item of its own style only above this depth. Every other push opens
   * a key that is not open (the Markdown sub-list key at most once per decimal level), so
   * the stack never holds more than nest_limit + key_count + 6 slots.
   */
  static constexpr int nest_limit = 64;
  static constexpr int max_depth = nest_limit + static_cast<int>(key_count) + 8;

  void run() noexcept {
    n_ = out_.size();
    std::size_t w = 0;
    for (std::size_t r = 0; r < n_; ++r) {
      marker c = out_[r];
      const std::uint8_t hk = key_of_raw(c);
      const bool han_key = hk == k_han_dun || hk == k_han_fin;
      const bool ok = decide(r, c, w);
      if (han_key) han_rejected_ = !ok;
      if (ok) {
        c.flags = static_cast<std::uint16_t>(
            c.flags & ~(flag_letter_roman | flag_after_cut | flag_after_short));
        out_[w++] = c;
      }
    }
    out_.resize(w);
  }

  /**
   * Streaming (stream.hpp): `out` holds the candidates not yet decided, `n` of them; `final`
   * when no more will come. The look-ahead of a decision reads only these.
   */
  void stream_window(std::size_t n, bool final) noexcept {
    n_ = n;
    final_ = final;
  }
  /**
   * Streaming: decides candidate `r` of the window (a copy in `c`) as run() does, as output
   * marker number `w`. Returns 1 accepted (c filled), 0 rejected, -1 undecided: its
   * look-ahead ran past the window before the text's end (nothing changed; call again with
   * more candidates).
   */
  int stream_decide(std::size_t r, std::size_t w, marker& c) noexcept {
    const bool may_starve = !final_ && r + 1025 >= n_;
    slot saved_stack[max_depth];
    int saved_pos[key_count];
    std::uint32_t saved_closed[key_count];
    const int saved_depth = depth_;
    if (may_starve) {
      for (int i = 0; i < depth_; ++i) saved_stack[i] = stack_[i];
      for (std::size_t k = 0; k < key_count; ++k) {
        saved_pos[k] = pos_of_[k];
        saved_closed[k] = closed_last_[k];
      }
    }
    starved_ = false;
    const marker orig = c;
    const std::uint8_t hk = key_of_raw(c);
    const bool han_key = hk == k_han_dun || hk == k_han_fin;
    const bool ok = decide(r, c, w);
    if (starved_ && may_starve) {
      for (int i = 0; i < saved_depth; ++i) stack_[i] = saved_stack[i];
      for (std::size_t k = 0; k < key_count; ++k) {
        pos_of_[k] = saved_pos[k];
        closed_last_[k] = saved_closed[k];
      }
      depth_ = saved_depth;
      c = orig;
      return -1;
    }
    if (han_key) han_rejected_ = !ok;
    if (!ok) return 0;
    c.flags = static_cast<std::uint16_t>(c.flags & ~(flag_letter_roman | flag_after_cut | flag_after_short));
    return 1;
  }

 private:
  /** A look-ahead that reached `stop` without an answer: before the end of a stream's
   *  window, the answer may lie beyond it. Returns false (the look-ahead's answer). */
  bool fell_through(std::size_t stop) const noexcept {
    if (!final_ && stop >= n_) starved_ = true;
    return false;
  }

  struct slot {
    std::uint8_t key;
    std::uint8_t md;  // Markdown '#' count of the level's current heading, 0 if none
    bool is_inline;
    bool after_heading;  // an item of this level followed an unnumbered heading line
    bool parents_higher; // a low-rank list shown to have higher-ranked headings under it
    std::uint32_t last;
    std::size_t idx;  // index of the level's current marker in the compacted output
  };

  static std::uint8_t key_of_raw(const marker& m) noexcept {
    return key_of(m.style, m.flags, m.confidence);
  }

  void pop_to(int size) noexcept {
    while (depth_ > size) {
      --depth_;
      const std::uint8_t k = stack_[depth_].key;
      // A list nested in an item of a list of its own style (see nests_in_item): the
      // outer list is that style's open level again.
      int outer = depth_ - 1;
      while (outer >= 0 && stack_[outer].key != k) --outer;
      if (outer < 0) closed_last_[k] = stack_[depth_].last;
      pos_of_[k] = outer;
    }
  }

  void push(std::uint8_t k, bool inl, std::uint32_t ord, std::size_t idx) noexcept {
    if (depth_ >= max_depth) return;  // cannot happen (see nest_limit): stay in bounds
    stack_[depth_] = slot{k, 0, inl, false, false, ord, idx};
    pos_of_[k] = depth_;
    ++depth_;
  }

  /**
   * Styles a writer rarely uses for a single item: a new list in them is believed only
   * when its second item follows (the common styles yi-dun, (yi), 1., (1) and chapters are
   * taken at a line start on their own).
   */
  static bool needs_second_item(marker_style st) noexcept {
    switch (st) {
      case marker_style::decimal_outline:
      case marker_style::circled:
      case marker_style::circled_han:
      case marker_style::roman:
      case marker_style::paren_roman:
      case marker_style::latin_dot:
      case marker_style::latin_paren:
      case marker_style::tiangan:
      case marker_style::paren_tiangan:
      case marker_style::bracket_han:
      case marker_style::bracket_arabic:
        return true;
      default:
        return false;
    }
  }

  static bool successor(std::uint8_t k, std::uint32_t last, std::uint32_t ord) noexcept {
    if (k == k_seq_word) return ord > last;  // shou xian 1, qi ci 2, zai ci 3, zui hou 99
    return ord == last + 1;
  }

  /**
   * Looks at the candidates after `r` (at most 64): true when the first one of key `k` (or
   * of its family) continues `ord`, before the section ends. Candidates that may be chunk
   * numbers or lost-delimiter words are passed over. A section ends at a candidate whose style is
   * open above `limit` on the stack (it would close this level) or, for a run-in list, at
   * the next heading-style marker that starts a line or follows a sentence.
   */
  bool supported_by_next(std::size_t r, std::uint8_t k, std::uint32_t ord, int limit,
                         bool run_in) const noexcept {
    const std::size_t stop = r + 65 < n_ ? r + 65 : n_;
    for (std::size_t i = r + 1; i < stop; ++i) {
      const marker& x = out_[i];
      if (x.flags & flag_after_cut) continue;           // maybe a chunk number
      if (x.style == marker_style::han_bare) continue;  // maybe a word
      const std::uint8_t kx = key_of_raw(x);
      if (kx == k || family_of(kx) == family_of(k)) {
        // After a short unfinished line (a heading, a page header) only the exact
        // successor counts: anything else there may be a chunk number.
        if (successor(k, ord, x.ordinal)) return true;
        if (x.flags & flag_after_short) continue;
        return false;
      }
      const std::uint8_t cx = x.level & ctx_mask;  // phase-1 context
      const bool heading_pos = cx == ctx_bol || cx == ctx_space || cx == ctx_sent;
      if (pos_of_[kx] >= 0 && pos_of_[kx] < limit && heading_pos) return false;
      if (run_in && heading_pos && !is_inline_style(x.style)) return false;
    }
    return fell_through(stop);
  }

  /**
   * For a list of a low GB/T rank (1., (1), circled) opening a level while no Han-numbered
   * heading is open: true when a heading of a higher rank (yi-dun, (yi), chapter forms)
   * follows before the list's own next item, and that next item never comes (the next
   * candidate of its family is not its successor, or there is none). Such a lone "1." would
   * become the parent of a whole yi-dun series, inverting the order a reader expects; it is
   * a converter's chunk number or a stray number before the title, not the document's top
   * level. A real series (its "2." follows as a sibling, with text of its own) keeps its
   * higher-ranked children. Candidates that may be chunk numbers are passed over unless
   * they are the exact successor. Stops at the list's next candidate, so consecutive
   * checks cover disjoint stretches (linear time); looks at most 1024 candidates ahead.
   */
  bool parents_higher_series(std::size_t r, std::uint8_t k, std::uint32_t ord) const noexcept {
    const int rk = gbt_rank(k);
    const std::uint8_t fam = family_of(k);
    const std::size_t stop = r + 1025 < n_ ? r + 1025 : n_;
    bool higher = false;
    for (std::size_t i = r + 1; i < stop; ++i) {
      const marker& x = out_[i];
      if (x.style == marker_style::han_bare) continue;
      const std::uint8_t kx = key_of_raw(x);
      if (family_of(kx) == fam) {
        if (x.flags & flag_after_cut) continue;
        if (successor(k, ord, x.ordinal)) return higher && series_continues_after(i, stop, rk);
        if (x.flags & flag_after_short) continue;
        return higher;
      }
      const int rx = gbt_rank(kx);
      const std::uint8_t cx = x.level & ctx_mask;
      if (rx >= 0 && rx < rk && (cx == ctx_bol || cx == ctx_space || cx == ctx_sent))
        higher = true;
    }
    fell_through(stop);
    return higher;
  }

  /**
   * After the successor at `i` of a low-rank list that has higher-ranked headings under its
   * first item: true when the next higher-ranked heading goes on numbering (er, (er))
   * instead of restarting at 1. A real sibling starts its own sub-sections; a number the
   * higher series runs across does not separate anything (a chunk number at a sentence
   * boundary).
   */
  bool series_continues_after(std::size_t i, std::size_t stop, int rk) const noexcept {
    for (std::size_t t = i + 1; t < stop; ++t) {
      const marker& y = out_[t];
      const int ry = gbt_rank(key_of_raw(y));
      const std::uint8_t cy = y.level & ctx_mask;
      if (ry >= 0 && ry < rk && (cy == ctx_bol || cy == ctx_space || cy == ctx_sent))
        return y.ordinal != 1;
    }
    return fell_through(stop);
  }

  /**
   * A Han-numbered heading (`r`, rank <= 2) about to open under the low-rank list of slot
   * `t` (1., (1), circled): true when that list goes on after it, i.e. the list's next
   * item follows as a real sibling (not a chunk number) and the higher series restarts
   * under it. Otherwise the list was a run of statements (a preamble 1., 2.) or a stray
   * number, and the heading is not its child.
   */
  bool list_goes_on(std::size_t r, int t) const noexcept {
    const std::uint8_t k = stack_[t].key;
    const std::uint8_t fam = family_of(k);
    const std::size_t stop = r + 1025 < n_ ? r + 1025 : n_;
    for (std::size_t i = r + 1; i < stop; ++i) {
      const marker& x = out_[i];
      if (x.style == marker_style::han_bare || family_of(key_of_raw(x)) != fam) continue;
      if (x.flags & flag_after_cut) continue;
      if (successor(k, stack_[t].last, x.ordinal)) return !series_continues_after(i, stop, gbt_rank(k));
      if (x.flags & flag_after_short) continue;
      return false;
    }
    return fell_through(stop);
  }

  /** True when a style of GB/T rank yi-dun or (yi) (or a chapter form) is open. */
  bool han_heading_open() const noexcept {
    for (int i = 0; i < depth_; ++i) {
      const int rk = gbt_rank(stack_[i].key);
      if (rk >= 0 && rk <= 2) return true;
    }
    return false;
  }

  /**
   * Nested restarts: "1" at an open level `j` of key `k` whose last item is `last` starts a
   * list inside that item (a child) when, after the new list's own items (2, 3, ...), the
   * outer list goes on with `last` + 1 before anything closes level `j` (a heading of a
   * style open above it). When the new list itself reaches `last` + 1 both readings fit:
   * the list is nested only when a lead-in line ending with a colon announced it inside the
   * item ("3, ... bao kuo yi xia fang mian:"), else it is read as going on (a restart).
   * Chunk-number suspects and lost-delimiter numerals are passed over. Looks at most 1024
   * candidates ahead.
   */
  bool nests_in_item(std::size_t r, std::uint8_t k, std::uint32_t last, int j) const noexcept {
    const std::size_t stop = r + 1025 < n_ ? r + 1025 : n_;
    const bool lead_in = (out_[r].level & ctx_after_colon) != 0;
    // The runs of the new list and of lists nested in it in turn (another 1), innermost last;
    // a fourth restart ends the look-ahead (a series of lists), which keeps it short.
    std::uint32_t run[4];
    int depth = 1;
    run[0] = 1;
    for (std::size_t i = r + 1; i < stop; ++i) {
      const marker& x = out_[i];
      if (x.style == marker_style::han_bare || (x.flags & flag_after_cut)) continue;
      const std::uint8_t kx = key_of_raw(x);
      const std::uint8_t cx = x.level & ctx_mask;  // phase-1 context
      const bool heading_pos = cx == ctx_bol || cx == ctx_space || cx == ctx_sent;
      if (kx != k) {
        if (heading_pos && pos_of_[kx] >= 0 && pos_of_[kx] < j) return false;
        continue;
      }
      if (x.ordinal == 1) {
        if (depth == 4) return false;  // a run of restarts: a series of lists, not one nested
        run[depth++] = 1;
        continue;
      }
      int d = depth - 1;
      while (d >= 0 && run[d] + 1 != x.ordinal) --d;
      if (d == 0 && lead_in && x.ordinal == last + 1) d = -1;  // the outer list's, as announced
      if (d >= 0) {
        depth = d + 1;
        ++run[d];
        continue;
      }
      return x.ordinal == last + 1 && heading_pos;
    }
    return fell_through(stop);
  }

  /**
   * After candidate `r` (number `ord` of key `k`): true when the candidates of key `k` that
   * follow run on from `ord` (ord + 1, ord + 2, ..., with lists nested in that run passed
   * over) and then number `ord` again. Chunk-number suspects are passed over; at most 1024
   * candidates are looked at.
   */
  bool outer_number_follows(std::size_t r, std::uint8_t k, std::uint32_t ord) const noexcept {
    const std::size_t stop = r + 1025 < n_ ? r + 1025 : n_;
    std::uint32_t run[4];  // this run and the lists nested in it (another 1), innermost last
    int depth = 1;
    run[0] = ord;
    for (std::size_t i = r + 1; i < stop; ++i) {
      const marker& x = out_[i];
      if (x.style == marker_style::han_bare || (x.flags & flag_after_cut)) continue;
      if (key_of_raw(x) != k) continue;
      if (x.ordinal == 1) {
        if (depth == 4) return false;  // a run of restarts: a series of lists, not one nested
        run[depth++] = 1;
        continue;
      }
      int d = depth - 1;
      while (d >= 0 && run[d] + 1 != x.ordinal) --d;
      if (d < 0) return x.ordinal == ord;
      depth = d + 1;
      ++run[d];
    }
    return fell_through(stop);
  }

  /** True when the next candidate of the family of key `k` (within 64) repeats `ord`. */
  bool same_number_follows(std::size_t r, std::uint8_t k, std::uint32_t ord) const noexcept {
    const std::size_t stop = r + 65 < n_ ? r + 65 : n_;
    const std::uint8_t fam = family_of(k);
    for (std::size_t i = r + 1; i < stop; ++i) {
      const marker& x = out_[i];
      if (x.flags & flag_after_cut) continue;  // another chunk number
      if (family_of(key_of_raw(x)) == fam) return x.ordinal == ord;
    }
    return fell_through(stop);
  }

  void reject(const marker& c, reject_reason why) noexcept {
    if (rejected_) rejected_->push_back(rejected_marker{c.span, c.ordinal, c.style, why});
  }

  /**
   * Unnumbered headings: a marker opening the first line after an unnumbered heading (see
   * scanner::after_unnumbered_heading) is under that heading. When a list of the path was
   * itself found under such a heading, the new heading is its sibling, so the new marker
   * does not nest into that list's last item: the list is closed first (its numbering can
   * still restart or continue if the marker has its style). Returns the stack index to
   * close down to, or -1.
   */
  int heading_floor(const marker& c) const noexcept {
    int inner = -1;
    for (int s = depth_ - 1; s >= 0; --s) {
      if (stack_[s].after_heading) {
        inner = s;
        break;
      }
    }
    if (inner < 0) return -1;
    const std::uint8_t k = key_of_raw(c);
    const std::uint8_t fam = family_of(k);
    for (int s = 0; s <= inner; ++s)
      if (stack_[s].key == k || family_of(stack_[s].key) == fam) return -1;
    return inner;
  }

  /**
   * A bare chapter number N (decimal outline of one component) is a heading only when the
   * document's decimal outline confirms it: it continues the open or closed bare numbering
   * (N-1 came before), or, among the next 64 candidates, the first decimal outline of one or
   * two components is its child "N.x" or its sibling N+1.
   */
  bool bare_number_confirmed(std::size_t r, std::uint32_t ord) const noexcept {
    const int j = pos_of_[k_dec1];
    if (ord > 1 && (j >= 0 ? stack_[j].last : closed_last_[k_dec1]) + 1 == ord) return true;
    const std::size_t stop = r + 65 < n_ ? r + 65 : n_;
    for (std::size_t i = r + 1; i < stop; ++i) {
      const marker& x = out_[i];
      if (x.style != marker_style::decimal_outline) continue;
      if ((x.confidence & 7) == 1) return x.ordinal == ord + 1;  // phase 1: depth in confidence
      if ((x.confidence & 7) == 2) return x.parent == ord;       // phase 1: prefix N in parent
    }
    return fell_through(stop);
  }

  /**
   * Decimal outlines: "N.x" under an open "N", "N.x.y" under an open "N.x" (the prefix
   * matches the open parent's number) is that parent's child, whatever its own sequence
   * says; a bare N is its numbering's next heading once confirmed. Returns false when the
   * rule does not apply (or rejects), with `handled` telling which.
   */
  bool decide_decimal(std::size_t r, marker& c, std::size_t w, bool after_heading,
                      bool& handled) noexcept {
    handled = false;
    const std::uint8_t cx = c.level & ctx_mask;
    const std::uint8_t k = key_of_raw(c);
    const std::uint8_t md = static_cast<std::uint8_t>(c.confidence >> 3);
    if (k == k_dec1 && md > 0 && decide_markdown_sub(c, w, md)) {
      handled = true;
      return true;
    }
    if (k == k_dec1) {
      handled = true;
      if (!bare_number_confirmed(r, c.ordinal)) {
        reject(c, reject_reason::no_sequence);
        return false;
      }
    } else {
      const std::uint8_t pk = static_cast<std::uint8_t>(k == k_dec2 ? k_dec1 : k - 1);
      const int pj = pos_of_[pk];
      if (pj < 0 || stack_[pj].last != (c.parent & 0x3FFu)) return false;
      // Every open ancestor level must carry the leading components too (2.1.1 is not a
      // child of 1.1), as far as they are known (three components).
      std::size_t pre = c.parent;
      int below = pj;
      for (std::uint8_t ak = pk; ak > k_dec1 && (pre >>= 10) != 0;) {
        --ak;
        const int aj = pos_of_[ak];
        if (aj >= 0 && (aj >= below || stack_[aj].last != (pre & 0x3FFu))) return false;
        if (aj >= 0) below = aj;
      }
      handled = true;
      pop_to(pj + 1);
    }
    int j = pos_of_[k];
    std::uint16_t seqf = 0;
    if (j >= 0) {
      stack_[j].md = md;
      if (!successor(k, stack_[j].last, c.ordinal))
        seqf = c.ordinal == 1 ? marker_flag::sequence_restart
               : c.ordinal > stack_[j].last ? marker_flag::sequence_gap
                                             : marker_flag::sequence_repeat;
      pop_to(j + 1);
      stack_[j].last = c.ordinal;
      stack_[j].idx = w;
      if (after_heading) stack_[j].after_heading = true;
    } else {
      // A bare chapter number closes the decimal levels of the previous chapter and the
      // run-in lists of the body.
      for (int s = 0; k == k_dec1 && s < depth_; ++s) {
        const std::uint8_t sk = stack_[s].key;
        if ((sk >= k_dec1 && sk <= k_dec6) || stack_[s].is_inline) {
          pop_to(s);
          break;
        }
      }
      while (depth_ > 0 && stack_[depth_ - 1].is_inline) pop_to(depth_ - 1);
      if (c.ordinal > 1 && closed_last_[k] + 1 == c.ordinal) seqf = marker_flag::sequence_continued;
      push(k, false, c.ordinal, w);
      stack_[depth_ - 1].after_heading = after_heading;
      stack_[depth_ - 1].md = md;
      j = depth_ - 1;
    }
    c.level = static_cast<std::uint8_t>(j + 1);
    c.parent = j > 0 ? stack_[j - 1].idx : npos;
    const int conf = (cx == ctx_bol ? 90 : 80) - (seqf ? 10 : 0);
    if (cx != ctx_bol && cx != ctx_space && cx != ctx_sent) c.flags |= marker_flag::weak_context;
    c.flags |= seqf;
    c.confidence = static_cast<std::uint8_t>(conf);
    return true;
  }

  /**
   * Markdown: a bare number under a heading with fewer '#' marks than its own ("#### 1
   * Keys" under "### 1.1") numbers a list inside that decimal heading, not the next
   * chapter. The innermost open decimal level must be a Markdown heading of lower depth.
   * Returns false when the rule does not apply.
   */
  bool decide_markdown_sub(marker& c, std::size_t w, std::uint8_t md) noexcept {
    int d = depth_ - 1;
    while (d >= 0 && !(stack_[d].key >= k_dec1 && stack_[d].key <= k_dec6)) --d;
    if (d < 0 || stack_[d].md == 0 || stack_[d].md >= md) return false;
    int j = pos_of_[k_md_sub];
    std::uint16_t seqf = 0;
    if (j > d) {
      if (!successor(k_md_sub, stack_[j].last, c.ordinal))
        seqf = c.ordinal == 1 ? marker_flag::sequence_restart
               : c.ordinal > stack_[j].last ? marker_flag::sequence_gap
                                             : marker_flag::sequence_repeat;
      pop_to(j + 1);
      stack_[j].last = c.ordinal;
      stack_[j].idx = w;
    } else {
      pop_to(d + 1);
      push(k_md_sub, false, c.ordinal, w);
      stack_[depth_ - 1].md = md;
      j = depth_ - 1;
    }
    c.style = marker_style::decimal_outline;
    c.level = static_cast<std::uint8_t>(j + 1);
    c.parent = j > 0 ? stack_[j - 1].idx : npos;
    c.flags |= seqf;
    c.confidence = static_cast<std::uint8_t>(seqf ? 80 : 90);
    return true;
  }

  /** Decides candidate `r` (a copy in `c`); on acceptance fills level/parent/confidence. */
  bool decide(std::size_t r, marker& c, std::size_t w) noexcept {
    const bool after_heading = (c.level & ctx_after_heading) != 0;
    const int floor = (c.level & ctx_heading_after_text) ? heading_floor(c) : -1;
    if (floor < 0) return decide_at(r, c, w, after_heading);
    // Close the list under the previous heading; undo that if the marker is rejected.
    const int old_depth = depth_;
    std::uint32_t saved[max_depth];
    for (int s = floor; s < old_depth; ++s) saved[s] = closed_last_[stack_[s].key];
    pop_to(floor);
    if (decide_at(r, c, w, true)) return true;
    for (int s = floor; s < old_depth; ++s) {
      pos_of_[stack_[s].key] = s;
      closed_last_[stack_[s].key] = saved[s];
    }
    depth_ = old_depth;
    return false;
  }

  bool decide_at(std::size_t r, marker& c, std::size_t w, bool after_heading) noexcept {
    if (c.style == marker_style::decimal_outline) {
      bool handled = false;
      const bool ok = decide_decimal(r, c, w, after_heading, handled);
      if (handled) return ok;
    }
    const std::uint8_t cx = c.level & ctx_mask;
    const bool strong = cx == ctx_bol;
    const bool medium = cx == ctx_space || cx == ctx_sent;
    const bool run_in = is_inline_style(c.style);
    std::uint8_t k = key_of_raw(c);

    // i, v, x: a Latin letter or a Roman numeral, whichever sequence it continues.
    if (c.flags & flag_letter_roman) {
      const bool is_roman = c.style == marker_style::roman || c.style == marker_style::paren_roman;
      const bool paren = c.style == marker_style::paren_roman || c.style == marker_style::latin_paren;
      marker alt = c;
      if (is_roman) {  // i -> 9th letter
        alt.style = paren ? marker_style::latin_paren : marker_style::latin_dot;
        alt.ordinal = 9;
      } else {
        alt.style = paren ? marker_style::paren_roman : marker_style::roman;
        alt.ordinal = c.ordinal == 22 ? 5 : 10;
      }
      const std::uint8_t ka = key_of_raw(alt);
      const bool alt_fits = pos_of_[ka] >= 0 ? stack_[pos_of_[ka]].last + 1 == alt.ordinal
                                             : closed_last_[ka] + 1 == alt.ordinal;
      const bool own_fits = pos_of_[k] >= 0 && stack_[pos_of_[k]].last + 1 == c.ordinal;
      if (alt_fits && !own_fits) {
        c.style = alt.style;
        c.ordinal = alt.ordinal;
        k = ka;
      }
    }

    int j = pos_of_[k];
    bool family_match = false;
    // After a list nested in an item of its own style, the outer list goes on: "4" after
    // "1, 2" under "3" (the innermost continuing level of that style takes it).
    // When both the nested list and the outer one could take it (a nested list announced by
    // a lead-in reaches the outer list's next number), the outer list does, unless its
    // number comes again after the nested list's run (then this one is the nested list's).
    if (j > 0) {
      int outer = j - 1;
      while (outer >= 0 && !(stack_[outer].key == k && successor(k, stack_[outer].last, c.ordinal)))
        --outer;
      if (outer >= 0 && (!successor(k, stack_[j].last, c.ordinal) ||
                         !outer_number_follows(r, k, c.ordinal)))
        j = outer;
    }
    if (c.style == marker_style::han_bare) {
      // Only as the exact next number of an open yi-dun level, and not right after a
      // rejected numeral of the same shape (a numbering of its own, e.g. a teaser list).
      if (j < 0 || stack_[j].last + 1 != c.ordinal || han_rejected_) {
        reject(c, reject_reason::no_sequence);
        return false;
      }
    }
    if (j < 0 && !run_in) {
      const std::uint8_t fam = family_of(k);
      for (int i = depth_ - 1; i >= 0; --i) {
        if (family_of(stack_[i].key) == fam && stack_[i].last + 1 == c.ordinal) {
          j = i;
          family_match = true;
          break;
        }
      }
    }

    // A number that interrupts an unfinished paragraph is the converter's unless it is
    // exactly the next item of the open list and the real item of that number does not
    // follow. After a short unfinished line (perhaps a heading) a list may also start at 1
    // or continue the numbering of a closed level.
    if (c.flags & (flag_after_cut | flag_after_short)) {
      // After a definite cut only the very same style counts (not a sibling style).
      const bool same_style = !family_match || (c.flags & flag_after_cut) == 0;
      const bool next_of_open = j >= 0 && same_style && stack_[j].last + 1 == c.ordinal &&
                                !same_number_follows(r, stack_[j].key, c.ordinal);
      // A list started right after an unfinished line must show its next item.
      const bool fits = next_of_open ||
                        ((c.flags & flag_after_short) &&
                         (supported_by_next(r, k, c.ordinal, depth_, false) ||
                          (j < 0 && c.ordinal > 1 && closed_last_[k] + 1 == c.ordinal)));
      if (!fits) {
        reject(c, reject_reason::chunk_number);
        return false;
      }
    }

    std::uint16_t seqf = 0;
    int conf = strong ? 90 : medium ? 80 : cx == ctx_clause ? 70 : cx == ctx_mid ? 50 : 60;
    if (j >= 0) {
      const std::uint32_t last = stack_[j].last;
      bool ok, nest = false;
      if (successor(k, last, c.ordinal) || family_match) {
        ok = true;
        conf += 10;
      } else if (c.ordinal == 1 && !run_in && !family_match && (strong || medium) &&
                 !(k >= k_part && k <= k_clause) &&  // chapter forms never nest in themselves
                 !after_heading && depth_ < nest_limit && nests_in_item(r, k, last, j)) {
        // (After an unnumbered heading a restart belongs to that heading, not to the item.)
        ok = true;
        nest = true;
      } else if (c.ordinal == 1) {
        seqf = marker_flag::sequence_restart;
        ok = (strong && !run_in) || supported_by_next(r, k, 1, j, run_in);
        conf -= 5;
      } else if (c.ordinal > last + 1) {
        seqf = marker_flag::sequence_gap;
        // A skipped number whose list resumes at the expected number right after it
        // (1, 2, 4, 3) is out of sequence: a chunk number at a sentence boundary.
        ok = ((strong && !run_in) ||
              ((medium || run_in) && supported_by_next(r, k, c.ordinal, j, run_in))) &&
             !same_number_follows(r, stack_[j].key, last + 1);
        conf -= 20;
      } else {
        seqf = marker_flag::sequence_repeat;
        ok = strong && !run_in;
        conf -= 30;
      }
      if (!ok) {
        reject(c, reject_reason::no_sequence);
        return false;
      }
      pop_to(j + 1);
      if (nest) {  // a new level of the same style under the item `last`
        push(k, false, c.ordinal, w);
        stack_[depth_ - 1].after_heading = after_heading;
        j = depth_ - 1;
      } else if (family_match) {
        // Continue the level under this marker's own style.
        pos_of_[stack_[j].key] = -1;
        stack_[j].key = k;
        pos_of_[k] = j;
      }
      if (!nest) {
        stack_[j].last = c.ordinal;
        stack_[j].idx = w;
        if (after_heading) stack_[j].after_heading = true;
      }
      c.level = static_cast<std::uint8_t>(j + 1);
      c.parent = j > 0 ? stack_[j - 1].idx : npos;
    } else {
      bool ok;
      const bool first = c.ordinal == 1;
      const bool continues = c.ordinal > 1 && closed_last_[k] + 1 == c.ordinal;
      if (run_in) {
        if (first || (k == k_seq_word && c.ordinal == 2)) {
          ok = supported_by_next(r, k, c.ordinal, depth_, true);
        } else if (continues) {
          ok = true;
          seqf = marker_flag::sequence_continued;
        } else {
          ok = supported_by_next(r, k, c.ordinal, depth_, true);
          seqf = marker_flag::sequence_gap;
          conf -= 20;
        }
      } else if (first && needs_second_item(c.style) && closed_last_[k] == 0) {
        // The first list of a rare style must show its second item: a one-item list is a
        // date (10.1), a footnote line or a letter. Once the document has used the style,
        // a single item under a new parent is plausible.
        ok = supported_by_next(r, k, 1, depth_, false);
      } else if (strong) {
        // A list does not start at 7: a number without predecessor opens a level only if
        // its successor follows (an excerpt starting mid-list), or it continues the
        // numbering of a closed level of its style (1..30 across top-level sections).
        if (first) {
          ok = true;
        } else if (continues) {
          ok = true;
          seqf = marker_flag::sequence_continued;
        } else {
          ok = supported_by_next(r, k, c.ordinal, depth_, false);
          seqf = marker_flag::sequence_gap;
          conf -= 15;
        }
      } else if (medium) {
        if (first) {
          ok = true;
        } else if (continues) {
          ok = true;
          seqf = marker_flag::sequence_continued;
        } else {
          ok = supported_by_next(r, k, c.ordinal, depth_, false);
          seqf = marker_flag::sequence_gap;
          conf -= 20;
        }
      } else {
        if (first) {
          ok = supported_by_next(r, k, 1, depth_, false);
        } else {
          ok = continues;
          seqf = marker_flag::sequence_continued;
        }
      }
      // A lone low-rank item must not become the parent of a Han-numbered series.
      if (ok && !run_in && gbt_rank(k) >= 3 && !han_heading_open() &&
          parents_higher_series(r, k, c.ordinal)) {
        reject(c, (c.flags & (flag_after_cut | flag_after_short)) || strong
                      ? reject_reason::chunk_number
                      : reject_reason::no_sequence);
        return false;
      }
      if (!ok) {
        reject(c, reject_reason::no_sequence);
        return false;
      }
      // A heading that starts a line or a sentence closes the run-in lists of the body.
      if (!run_in && (strong || medium)) {
        while (depth_ > 0 && stack_[depth_ - 1].is_inline) pop_to(depth_ - 1);
        // A Han-numbered heading nests under a low-rank list (1., (1)) only when that
        // list goes on after it; else it closes the list and takes its level.
        const int rk = gbt_rank(k);
        while (rk >= 0 && rk <= 2 && depth_ > 0 && gbt_rank(stack_[depth_ - 1].key) > 2 &&
               !stack_[depth_ - 1].parents_higher) {
          if (list_goes_on(r, depth_ - 1)) {
            stack_[depth_ - 1].parents_higher = true;
            break;
          }
          pop_to(depth_ - 1);
        }
      }
      if (depth_ >= max_depth) {
        reject(c, reject_reason::no_sequence);
        return false;
      }
      push(k, run_in, c.ordinal, w);
      stack_[depth_ - 1].after_heading = after_heading;
      c.level = static_cast<std::uint8_t>(depth_);
      c.parent = depth_ > 1 ? stack_[depth_ - 2].idx : npos;
    }
    if (c.flags & marker_flag::delimiter_missing) conf -= 30;
    if (c.flags & marker_flag::split_by_chunk) conf -= 20;
    if (!strong && !medium && !run_in) c.flags |= marker_flag::weak_context;
    c.flags |= seqf;
    c.confidence = static_cast<std::uint8_t>(conf < 5 ? 5 : conf > 100 ? 100 : conf);
    return true;
  }

  std::vector<marker>& out_;
  std::vector<rejected_marker>* rejected_;
  std::size_t n_ = 0;
  bool final_ = true;            // streaming: no candidate after the window
  mutable bool starved_ = false; // streaming: a look-ahead reached the window's end
  bool han_rejected_ = false;  // the last yi-dun-shaped candidate was rejected
  slot stack_[max_depth] = {};
  int depth_ = 0;
  int pos_of_[key_count];
  std::uint32_t closed_last_[key_count];
};

}  // namespace mk
}  // namespace detail

/**
 * Finds the outline markers of `text` (UTF-8; any bytes are accepted) and their hierarchy.
 *
 * Replaces the contents of `out` (its capacity is reused) with the markers in text order:
 * span, style, ordinal, level (1 = top), parent (index into `out`, npos for level 1 and
 * for a run-in list before the first heading), flags and confidence. Invariants: spans are
 * inside the text, in increasing order and disjoint; a parent precedes its child and has
 * level = child level - 1; ordinals are >= 1.
 *
 * If `rejected` is not null it is replaced with the marker-shaped candidates a reader
 * rejects, each with its reason (decimal number, enumeration, chunk number, ...).
 *
 * Linear time; bounded look-behind/look-ahead around rare trigger characters, found by
 * a SIMD prefilter chosen at run time (`level` caps it; every level gives the same
 * result). Allocates only by growing `out` / `rejected`. No throw (std::bad_alloc from
 * vector growth terminates under noexcept).
 */
inline void find_markers(std::string_view text, std::vector<marker>& out,
                         std::vector<rejected_marker>* rejected = nullptr,
                         simd_level level = simd_level::best) noexcept {
  out.clear();
  if (rejected) rejected->clear();
  detail::mk::collect_sink sink{out, rejected};
  detail::mk::scanner<detail::mk::collect_sink> sc(text, sink, rejected != nullptr);
  sc.run(level);
  detail::mk::structurer st(out, rejected);
  st.run();
}

/** The outline markers of `text` as a new vector (see the overload above). */
inline std::vector<marker> find_markers(std::string_view text) {
  std::vector<marker> v;
  find_markers(text, v);
  return v;
}

}  // namespace zhscan

#endif  // ZHSCAN_LIST_MARKER_HPP

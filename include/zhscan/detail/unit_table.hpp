// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_DETAIL_UNIT_TABLE_HPP
#define ZHSCAN_DETAIL_UNIT_TABLE_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../common.hpp"

namespace zhscan {

/** Category of a metric's unit (the gold set's `category` field plus a few physical ones). */
enum class unit_category : std::uint8_t {
  currency,   ///< yuan, wan yuan, US dollar ...
  area,       ///< square metre, mu, hectare ...
  length,     ///< metre, kilometre ...
  mass,       ///< tonne, kilogram ...
  volume,     ///< cubic metre, litre ...
  duration,   ///< year (as a duration), month, day, hour ...
  data_size,  ///< KB, MB, GB ...
  multiple,   ///< bei (times)
  percent,    ///< %, per mille, percentage point, cheng (tenths)
  score,      ///< fen (exam points)
  count,      ///< measure-word counts: suo, ge, xiang ...
  person,     ///< ren, ming, wei, ren ci
  ratio,      ///< 45:55
  rate,       ///< 90 yuan per student-month; amounts after a per-word (sheng jun, mei nian)
  other,      ///< age, power, fractions ...
};

/** English name of a category as the gold set spells it ("currency", "data_size", ...). */
constexpr std::string_view to_string(unit_category c) noexcept {
  switch (c) {
    case unit_category::currency: return "currency";
    case unit_category::area: return "area";
    case unit_category::length: return "length";
    case unit_category::mass: return "mass";
    case unit_category::volume: return "volume";
    case unit_category::duration: return "duration";
    case unit_category::data_size: return "data_size";
    case unit_category::multiple: return "multiple";
    case unit_category::percent: return "percent";
    case unit_category::score: return "score";
    case unit_category::count: return "count";
    case unit_category::person: return "person";
    case unit_category::ratio: return "ratio";
    case unit_category::rate: return "rate";
    case unit_category::other: return "other";
  }
  return "other";
}

namespace detail {

/**
 * Flags of a lexicon entry: the context rules of metric.hpp that the unit takes part in.
 * An entry without flags is a plain unit: number + unit is a metric.
 */
enum unit_flag : std::uint32_t {
  u_magnitude = 1u << 0,          ///< the unit text holds a magnitude (wan yuan = 10^4 yuan)
  u_latin = 1u << 1,              ///< ASCII unit: must not be followed by an ASCII letter/digit
  u_arabic_only = 1u << 2,        ///< only after Arabic digits (jiao, ke: san jiao is a triangle)
  u_han_guard = 1u << 3,          ///< after a lone Han yi/er it is a word (yi yuan hua, er yuan)
  u_year = 1u << 4,               ///< nian: a duration, unless the number is a calendar year
  u_date = 1u << 5,               ///< month, day, hao, clock hour, century: the number is a date
  u_ordinal = 1u << 6,            ///< grade / prize / rank word: the number is an ordinal
  u_grade = 1u << 7,              ///< ji lei duan qi jie: a rank unless the context counts
  u_big = 1u << 8,                ///< da (san da mubiao): only after a single Han digit 2..9
  u_medal = 1u << 9,              ///< jin yin tong: only inside a medal tally (3 jin 2 yin)
  u_cheng = 1u << 10,             ///< cheng: tenths, value x10 in percent
  u_fen = 1u << 11,               ///< fen (score): only before a non-Han char or a hedge word
  u_time_part = 1u << 12,         ///< fen / miao after a clock hour (8 shi 30 fen) is a time
  u_no_yi = 1u << 13,             ///< yi + this unit is never a count (yi pi, yi qi, yi fangmian)
  u_denominator_only = 1u << 14,  ///< only as the denominator of a rate (yuan / sheng)
  u_tael = 1u << 15,              ///< liang (tael): only where no numeral or measure word follows
  u_temp = 1u << 16,              ///< a temperature: ling xia / fu before the number is a minus
  u_money = 1u << 17,             ///< yuan / kuai: jiao / mao / fen may follow (wu yuan san jiao)
};

/**
 * One lexicon entry.
 *
 *  - `text`: the unit as written (simplified or traditional; one entry per spelling);
 *  - `norm`: the normalised unit the value is expressed in (simplified, magnitude folded);
 *  - `category`: see unit_category;
 *  - `multiplier`: applied to the number (wan yuan = 1e4, everything else 1);
 *  - `flags`: unit_flag bits;
 *  - `not_before`: characters that, directly after the unit text, make it the first
 *    character of an ordinary word instead of a unit (suo + yi = suoyi "therefore"); CJK
 *    (3-byte) characters only, a static_assert checks it.
 */
struct unit_entry {
  std::string_view text;
  std::string_view norm;
  unit_category category;
  double multiplier;
  std::uint32_t flags;
  std::string_view not_before;
  /** Derived: the UTF-8 bytes of `norm` as one big-endian integer when it is one 3-byte
   *  character, else 0, so that the context rules test a unit with one compare. */
  std::uint32_t norm_key = norm.size() == 3 ? (std::uint32_t(static_cast<unsigned char>(norm[0])) << 16) |
                                                   (std::uint32_t(static_cast<unsigned char>(norm[1])) << 8) |
                                                   static_cast<unsigned char>(norm[2])
                                             : 0u;
};

/**
 * THE unit lexicon. Sorted by the UTF-8 bytes of `text` (a static_assert checks it), so
 * that the rows sharing a first character are contiguous (find_unit's index relies on it).
 * To extend: add a line with the spelling (add the traditional spelling as its own line),
 * keep the order (sort by UTF-8 bytes; the build fails otherwise), pick the category and, if
 * the unit takes part in a context rule, a flag.
 * Non-metric words that end a number (month, day, grade ...) are entries too: their flags
 * tell the scanner to report nothing for the number before them.
 */
inline constexpr unit_entry unit_table[] = {
    {"%", "%", unit_category::percent, 1, 0, ""},  // percent
    {"GB", "GB", unit_category::data_size, 1, u_latin, ""},  // bytes (Latin)
    {"GW", "GW", unit_category::other, 1, u_latin, ""},  // gigawatt (Latin)
    {"Gb", "Gb", unit_category::data_size, 1, u_latin, ""},  // bytes (Latin)
    {"Gbps", "Gbps", unit_category::data_size, 1, u_latin, ""},  // bits per second (Latin)
    {"KB", "KB", unit_category::data_size, 1, u_latin, ""},  // bytes (Latin)
    {"Kb", "Kb", unit_category::data_size, 1, u_latin, ""},  // bytes (Latin)
    {"L", "L", unit_category::volume, 1, u_latin, ""},  // litre (Latin)
    {"MB", "MB", unit_category::data_size, 1, u_latin, ""},  // bytes (Latin)
    {"MW", "MW", unit_category::other, 1, u_latin, ""},  // megawatt (Latin)
    {"MWh", "MWh", unit_category::other, 1, u_latin, ""},  // megawatt-hour (Latin)
    {"Mb", "Mb", unit_category::data_size, 1, u_latin, ""},  // bytes (Latin)
    {"Mbps", "Mbps", unit_category::data_size, 1, u_latin, ""},  // bits per second (Latin)
    {"PB", "PB", unit_category::data_size, 1, u_latin, ""},  // bytes (Latin)
    {"TB", "TB", unit_category::data_size, 1, u_latin, ""},  // bytes (Latin)
    {"cm", "cm", unit_category::length, 1, u_latin, ""},  // centimetre (Latin)
    {"g", "g", unit_category::mass, 1, u_latin, ""},  // gram (Latin)
    {"h", "h", unit_category::duration, 1, u_latin|u_denominator_only, ""},  // hour (Latin; rate denominators only)
    {"kW", "kW", unit_category::other, 1, 0, ""},  // kilowatt
    {"kWh", "kWh", unit_category::other, 1, 0, ""},  // kilowatt-hour
    {"kg", "kg", unit_category::mass, 1, u_latin, ""},  // kilogram (Latin)
    {"km", "km", unit_category::length, 1, u_latin, ""},  // kilometre (Latin)
    {"km2", "km2", unit_category::area, 1, u_latin, ""},  // square kilometre (Latin)
    {"km\u00B2", "km\u00B2", unit_category::area, 1, u_latin, ""},  // square kilometre (Latin)
    {"m", "m", unit_category::length, 1, u_latin, ""},  // metre (Latin)
    {"m2", "m2", unit_category::area, 1, u_latin, ""},  // square metre (Latin)
    {"m3", "m3", unit_category::volume, 1, u_latin, ""},  // cubic metre (Latin)
    {"mL", "mL", unit_category::volume, 1, u_latin, ""},  // millilitre (Latin)
    {"mg", "mg", unit_category::mass, 1, u_latin, ""},  // milligram (Latin)
    {"ml", "ml", unit_category::volume, 1, u_latin, ""},  // millilitre (Latin)
    {"mm", "mm", unit_category::length, 1, u_latin, ""},  // millimetre (Latin)
    {"m\u00B2", "m\u00B2", unit_category::area, 1, u_latin, ""},  // square metre (Latin)
    {"m\u00B3", "m\u00B3", unit_category::volume, 1, u_latin, ""},  // cubic metre (Latin)
    {"s", "s", unit_category::duration, 1, u_latin|u_denominator_only, ""},  // second (Latin; rate denominators only)
    {"\u00B0C", "\u00B0C", unit_category::other, 1, u_latin|u_temp, ""},  // degree Celsius (Latin)
    {"\u00B0F", "\u00B0F", unit_category::other, 1, u_latin|u_temp, ""},  // degree Fahrenheit (Latin)
    {"\u03BCg", "\u03BCg", unit_category::mass, 1, u_latin, ""},  // microgram (Latin)
    {"\u2030", "\u2030", unit_category::percent, 1, 0, ""},  // per mille
    {"\u2103", "\u2103", unit_category::other, 1, u_temp, ""},  // degree Celsius
    {"\u2109", "\u2109", unit_category::other, 1, u_temp, ""},  // degree Fahrenheit
    {"\u33A1", "\u5E73\u65B9\u7C73", unit_category::area, 1, 0, "\u6839"},  // square metre
    {"\u4E07\u4EBF\u5143", "\u5143", unit_category::currency, 1e+12, u_magnitude, ""},  // wan yi yuan, 10^12 yuan
    {"\u4E07\u5143", "\u5143", unit_category::currency, 10000, u_magnitude, ""},  // wan yuan, 10^4 yuan
    {"\u4E16\u7D00", "-", unit_category::other, 1, u_date, ""},  // calendar / clock word: date or time
    {"\u4E16\u7EAA", "-", unit_category::other, 1, u_date, ""},  // calendar / clock word: date or time
    {"\u4E24", "\u4E24", unit_category::mass, 1, u_tael, "\u53E5\u6B65\u4E0B\u58F0\u8072\u7B14\u7B46\u6210\u56DE\u773C\u8BED\u8A9E\u884C\u8A00\u4E9B\u4F1A\u6703\u5CB8\u59D4\u65B0\u5B66\u5B78"},  // liang, tael (50 g): only where no numeral or measure word follows
    {"\u4E2A", "\u4E2A", unit_category::count, 1, 0, "\u6027\u4F53\u9AD4\u522B\u5225\u6848\u7A0E\u7A05"},  // ge, generic measure word
    {"\u4E2A\u5B63\u5EA6", "\u4E2A\u5B63\u5EA6", unit_category::duration, 1, 0, ""},  // quarter (duration)
    {"\u4E2A\u5B66\u671F", "\u4E2A\u5B66\u671F", unit_category::duration, 1, 0, ""},  // semester
    {"\u4E2A\u5C0F\u65F6", "\u4E2A\u5C0F\u65F6", unit_category::duration, 1, 0, ""},  // hour
    {"\u4E2A\u5DE5\u4F5C\u65E5", "\u4E2A\u5DE5\u4F5C\u65E5", unit_category::duration, 1, 0, ""},  // working day
    {"\u4E2A\u661F\u671F", "\u4E2A\u661F\u671F", unit_category::duration, 1, 0, ""},  // ge xingqi, week
    {"\u4E2A\u6708", "\u4E2A\u6708", unit_category::duration, 1, 0, ""},  // ge yue, month (duration)
    {"\u4E2A\u767E\u5206\u70B9", "\u4E2A\u767E\u5206\u70B9", unit_category::percent, 1, 0, ""},  // percentage point
    {"\u4E2A\u949F\u5934", "\u4E2A\u949F\u5934", unit_category::duration, 1, 0, ""},  // hour
    {"\u4EA9", "\u4EA9", unit_category::area, 1, 0, ""},  // mu (1/15 ha)
    {"\u4EBA", "\u4EBA", unit_category::person, 1, 0, "\u6C11\u5927\u5458\u54E1\u624D"},  // ren, person
    {"\u4EBA\u6B21", "\u4EBA\u6B21", unit_category::person, 1, 0, ""},  // ren ci, person-times
    {"\u4EBA\u6C11\u5E01", "\u5143", unit_category::currency, 1, 0, ""},  // yuan (renminbi)
    {"\u4EBA\u6C11\u5E63", "\u5143", unit_category::currency, 1, 0, ""},  // yuan (renminbi)
    {"\u4EBF\u5143", "\u5143", unit_category::currency, 1e+08, u_magnitude, ""},  // yi yuan, 10^8 yuan
    {"\u4EF6", "\u4EF6", unit_category::count, 1, 0, ""},  // jian, piece / case
    {"\u4EF6\u6B21", "\u4EF6\u6B21", unit_category::count, 1, 0, ""},  // jian ci, item-times
    {"\u4EFD", "\u4EFD", unit_category::count, 1, 0, "\u989D\u984D"},  // fen, copy / portion
    {"\u4F4D", "\u4F4D", unit_category::person, 1, 0, "\u4E8E\u65BC\u7F6E\u6570\u6578\u5C45\u5217"},  // wei, person (polite measure word)
    {"\u4F8B", "\u4F8B", unit_category::count, 1, 0, "\u5982"},  // li, case
    {"\u500B", "\u4E2A", unit_category::count, 1, 0, "\u6027\u4F53\u9AD4\u522B\u5225\u6848\u7A0E\u7A05"},  // ge, generic measure word
    {"\u500B\u5B63\u5EA6", "\u4E2A\u5B63\u5EA6", unit_category::duration, 1, 0, ""},  // quarter (duration)
    {"\u500B\u5B78\u671F", "\u4E2A\u5B66\u671F", unit_category::duration, 1, 0, ""},  // semester
    {"\u500B\u5C0F\u6642", "\u4E2A\u5C0F\u65F6", unit_category::duration, 1, 0, ""},  // hour
    {"\u500B\u5DE5\u4F5C\u65E5", "\u4E2A\u5DE5\u4F5C\u65E5", unit_category::duration, 1, 0, ""},  // working day
    {"\u500B\u661F\u671F", "\u4E2A\u661F\u671F", unit_category::duration, 1, 0, ""},  // ge xingqi, week
    {"\u500B\u6708", "\u4E2A\u6708", unit_category::duration, 1, 0, ""},  // ge yue, month (duration)
    {"\u500B\u767E\u5206\u9EDE", "\u4E2A\u767E\u5206\u70B9", unit_category::percent, 1, 0, ""},  // percentage point
    {"\u500B\u9418\u982D", "\u4E2A\u949F\u5934", unit_category::duration, 1, 0, ""},  // hour
    {"\u500D", "\u500D", unit_category::multiple, 1, 0, ""},  // bei, times
    {"\u5104\u5143", "\u5143", unit_category::currency, 1e+08, u_magnitude, ""},  // yi yuan, 10^8 yuan
    {"\u5143", "\u5143", unit_category::currency, 1, u_han_guard|u_money, "\u5316\u65E6\u7D20\u5BB5\u9996\u5E05\u5E25\u8001\u6C14\u6C23\u4EF6\u5668\u7EC4\u7D44"},  // yuan
    {"\u5143\u4EBA\u6C11\u5E01", "\u5143", unit_category::currency, 1, 0, ""},  // yuan (renminbi)
    {"\u5143\u4EBA\u6C11\u5E63", "\u5143", unit_category::currency, 1, 0, ""},  // yuan (renminbi)
    {"\u5146\u5B57\u8282", "\u5146\u5B57\u8282", unit_category::data_size, 1, 0, ""},  // megabyte
    {"\u5146\u7126", "\u5146\u7126", unit_category::other, 1, 0, ""},  // megajoule
    {"\u5146\u74E6", "\u5146\u74E6", unit_category::other, 1, 0, ""},  // megawatt
    {"\u5146\u74E6\u65F6", "\u5146\u74E6\u65F6", unit_category::other, 1, 0, ""},  // megawatt-hour
    {"\u5146\u74E6\u6642", "\u5146\u74E6\u65F6", unit_category::other, 1, 0, ""},  // megawatt-hour
    {"\u514B", "\u514B", unit_category::mass, 1, u_arabic_only, "\u670D\u9686\u96BE\u96E3"},  // gram
    {"\u5169", "\u4E24", unit_category::mass, 1, u_tael, "\u53E5\u6B65\u4E0B\u58F0\u8072\u7B14\u7B46\u6210\u56DE\u773C\u8BED\u8A9E\u884C\u8A00\u4E9B\u4F1A\u6703\u5CB8\u59D4\u65B0\u5B66\u5B78"},  // liang, tael (50 g): only where no numeral or measure word follows
    {"\u516C\u5206", "\u516C\u5206", unit_category::length, 1, 0, ""},  // centimetre
    {"\u516C\u5347", "\u516C\u5347", unit_category::volume, 1, 0, ""},  // litre
    {"\u516C\u5428", "\u516C\u5428", unit_category::mass, 1, 0, ""},  // metric tonne
    {"\u516C\u5678", "\u516C\u5428", unit_category::mass, 1, 0, ""},  // metric tonne
    {"\u516C\u65A4", "\u516C\u65A4", unit_category::mass, 1, 0, ""},  // kilogram
    {"\u516C\u91CC", "\u516C\u91CC", unit_category::length, 1, 0, ""},  // kilometre
    {"\u516C\u9803", "\u516C\u9877", unit_category::area, 1, 0, ""},  // hectare
    {"\u516C\u9877", "\u516C\u9877", unit_category::area, 1, 0, ""},  // hectare
    {"\u518A", "\u518C", unit_category::count, 1, 0, ""},  // ce, volume (book)
    {"\u518C", "\u518C", unit_category::count, 1, 0, ""},  // ce, volume (book)
    {"\u5206", "\u5206", unit_category::score, 1, u_fen|u_time_part, ""},  // fen, point (score)
    {"\u5206\u9418", "\u5206\u949F", unit_category::duration, 1, 0, ""},  // minute
    {"\u5206\u949F", "\u5206\u949F", unit_category::duration, 1, 0, ""},  // minute
    {"\u5242", "\u5242", unit_category::count, 1, 0, "\u91CF\u578B"},  // ji, dose (not jiliang dosage, jixing)
    {"\u5242\u6B21", "\u5242\u6B21", unit_category::count, 1, 0, ""},  // ji ci, doses given
    {"\u5291", "\u5242", unit_category::count, 1, 0, "\u91CF\u578B"},  // ji (trad), dose
    {"\u5291\u6B21", "\u5242\u6B21", unit_category::count, 1, 0, ""},  // ji ci (trad)
    {"\u5339", "\u5339", unit_category::count, 1, 0, "\u914D"},  // pi, horse / bolt
    {"\u5343\u4F0F", "\u5343\u4F0F", unit_category::other, 1, 0, ""},  // kilovolt
    {"\u5343\u5143", "\u5143", unit_category::currency, 1000, u_magnitude, ""},  // qian yuan, 10^3 yuan
    {"\u5343\u514B", "\u5343\u514B", unit_category::mass, 1, 0, ""},  // kilogram
    {"\u5343\u7126", "\u5343\u7126", unit_category::other, 1, 0, ""},  // kilojoule
    {"\u5343\u74E6", "\u5343\u74E6", unit_category::other, 1, 0, ""},  // kilowatt
    {"\u5343\u74E6\u65F6", "\u5343\u74E6\u65F6", unit_category::other, 1, 0, ""},  // kilowatt-hour
    {"\u5343\u74E6\u6642", "\u5343\u74E6\u65F6", unit_category::other, 1, 0, ""},  // kilowatt-hour
    {"\u5343\u7C73", "\u5343\u7C73", unit_category::length, 1, 0, ""},  // kilometre
    {"\u5347", "\u5347", unit_category::volume, 1, u_arabic_only, "\u5B66\u5B78\u7EA7\u7D1A\u683C\u65D7\u804C\u8077\u9AD8\u503C\u534E\u83EF\u6E29\u6EAB\u4EFB\u5165\u8FC1\u9077\u964D\u8D77\u7A7A\u672C\u73ED\u81F3\u5230\u4E3A\u70BA"},  // litre
    {"\u534E\u6C0F\u5EA6", "\u534E\u6C0F\u5EA6", unit_category::other, 1, u_temp, ""},  // degree Fahrenheit
    {"\u5362\u5E03", "\u5362\u5E03", unit_category::currency, 1, 0, ""},  // rouble
    {"\u5362\u6BD4", "\u5362\u6BD4", unit_category::currency, 1, 0, ""},  // rupee
    {"\u5377", "\u5377", unit_category::count, 1, 0, "\u5165\u70DF\u7159\u5B97\u9762\u5C3A\u5E18\u5FC3"},  // juan, volume / roll (not juanru, juanyan x2, juanzong, juanmian, juanchi, juanlian, juanxin)
    {"\u5398\u7C73", "\u5398\u7C73", unit_category::length, 1, 0, ""},  // centimetre
    {"\u53CC", "\u53CC", unit_category::count, 1, 0, "\u65B9\u5411\u51CF\u6E1B\u8BED\u8A9E\u767E\u521B\u5275\u9AD8\u8D62\u8D0F\u91CD\u4F11\u804C\u8077\u5E08\u5E2B"},  // shuang, pair
    {"\u53E3", "\u53E3", unit_category::count, 1, 0, "\u53F7\u865F\u5F84\u5F91\u7891\u5934\u982D\u8BED\u8A9E\u5CB8\u6C14\u6C23"},  // kou, mouth / well / family member
    {"\u53EA", "\u53EA", unit_category::count, 1, u_no_yi, "\u6709\u662F\u8981\u80FD\u9700"},  // zhi, animal / item
    {"\u53F0", "\u53F0", unit_category::count, 1, 0, "\u9636\u968E\u6E7E\u7063\u98CE\u98A8"},  // tai, machine
    {"\u53F0\u5E01", "\u53F0\u5E01", unit_category::currency, 1, 0, ""},  // New Taiwan dollar
    {"\u53F0\u6B21", "\u53F0\u6B21", unit_category::count, 1, 0, ""},  // tai ci, machine-times
    {"\u53F7", "-", unit_category::other, 1, u_date, ""},  // calendar / clock word: date or time
    {"\u5409\u7126", "\u5409\u7126", unit_category::other, 1, 0, ""},  // gigajoule
    {"\u540D", "\u540D", unit_category::person, 1, 0, "\u4E49\u7FA9\u79F0\u7A31\u5355\u55AE\u989D\u984D\u8A89\u8B7D\u724C\u7247\u5217\u6B21\u4F18\u512A\u8457\u80DC\u52DD\u8A00\u5229\u6C14\u6C23"},  // ming, person (measure word)
    {"\u5428", "\u5428", unit_category::mass, 1, 0, "\u4F4D"},  // tonne
    {"\u5468", "\u5468", unit_category::duration, 1, 0, "\u5E74\u5C81\u6B72\u8FB9\u908A"},  // zhou, week
    {"\u5468\u5C81", "\u5468\u5C81", unit_category::other, 1, 0, ""},  // sui, years of age
    {"\u5678", "\u5428", unit_category::mass, 1, 0, "\u4F4D"},  // tonne
    {"\u5706", "\u5143", unit_category::currency, 1, u_han_guard|u_money, "\u5316\u65E6\u7D20\u5BB5\u9996\u5E05\u5E25\u8001\u6C14\u6C23\u4EF6\u5668\u7EC4\u7D44"},  // yuan
    {"\u5713", "\u5143", unit_category::currency, 1, u_han_guard|u_money, "\u5316\u65E6\u7D20\u5BB5\u9996\u5E05\u5E25\u8001\u6C14\u6C23\u4EF6\u5668\u7EC4\u7D44"},  // yuan
    {"\u573A", "\u573A", unit_category::count, 1, 0, "\u6240\u5730\u9986\u9928\u666F\u5408\u9762"},  // chang, session
    {"\u573A\u6B21", "\u573A\u6B21", unit_category::count, 1, 0, ""},  // chang ci, sessions (times)
    {"\u5757", "\u5757", unit_category::count, 1, u_no_yi|u_money, ""},  // kuai, piece
    {"\u5802", "\u5802", unit_category::count, 1, 0, "\u5144\u59D0\u5F1F\u59B9"},  // tang, lesson (san tang ke); not tangxiong ...
    {"\u5834", "\u573A", unit_category::count, 1, 0, "\u6240\u5730\u9986\u9928\u666F\u5408\u9762"},  // chang, session
    {"\u5834\u6B21", "\u573A\u6B21", unit_category::count, 1, 0, ""},  // chang ci, sessions (times)
    {"\u584A", "\u5757", unit_category::count, 1, u_no_yi|u_money, ""},  // kuai, piece
    {"\u5904", "\u5904", unit_category::count, 1, 0, "\u7406\u5206\u7F6E\u4E8E\u65BC\u957F\u9577\u5BA4"},  // chu, place
    {"\u5927", "\u5927", unit_category::count, 1, u_big, "\u5B66\u5B78\u4F1A\u6703\u578B\u529B\u91CF\u5E45\u5BB6\u4F17\u8846"},  // da, major (three major ...)
    {"\u5929", "\u5929", unit_category::duration, 1, 0, "\u7136\u5730\u4E0B\u7A7A\u6D25\u4F7F"},  // tian, day
    {"\u5934", "\u5934", unit_category::count, 1, 0, "\u8111\u8166\u53F7\u865F\u7B49\u6761\u689D"},  // tou, head (cattle)
    {"\u5957", "\u5957", unit_category::count, 1, 0, ""},  // tao, set
    {"\u5B54", "\u5B54", unit_category::count, 1, u_no_yi, "\u5B50\u96C0\u5F84\u5F91\u6D1E\u9699\u660E\u5E99\u5EDF"},  // kong, well / bridge arch; not kongzi, kongque ...; yi kong zhi jian
    {"\u5B57", "\u5B57", unit_category::count, 1, 0, "\u65B9\u7ECF\u7D93\u8DEF\u67B6\u5F62\u5934\u982D\u53F7\u865F\u4E4B\u6BCD\u6837\u6A23\u5E55\u5178\u7B26\u53E5\u773C\u8FF9\u8DE1\u753B\u756B\u636E\u64DA\u6BB5\u4F1A\u6703\u8857\u7EE3\u7E61\u519B\u8ECD"},  // zi, character (word count)
    {"\u5B57\u7BC0", "\u5B57\u8282", unit_category::data_size, 1, 0, ""},  // byte
    {"\u5B57\u8282", "\u5B57\u8282", unit_category::data_size, 1, 0, ""},  // byte
    {"\u5B63\u5EA6", "-", unit_category::other, 1, u_date, ""},  // ji du, quarter of a year (a date: yi jidu = Q1)
    {"\u5B66\u5E74", "\u5B66\u5E74", unit_category::duration, 1, 0, ""},  // school year
    {"\u5B66\u5E74\u5EA6", "-", unit_category::other, 1, u_date, ""},  // school year (a calendar period)
    {"\u5B66\u65F6", "\u5B66\u65F6", unit_category::duration, 1, 0, ""},  // class hour
    {"\u5B66\u671F", "\u5B66\u671F", unit_category::duration, 1, 0, ""},  // semester
    {"\u5B78\u5E74", "\u5B66\u5E74", unit_category::duration, 1, 0, ""},  // school year
    {"\u5B78\u5E74\u5EA6", "-", unit_category::other, 1, u_date, ""},  // school year (a calendar period)
    {"\u5B78\u6642", "\u5B66\u65F6", unit_category::duration, 1, 0, ""},  // class hour
    {"\u5B78\u671F", "\u5B66\u671F", unit_category::duration, 1, 0, ""},  // semester
    {"\u5B97", "\u5B97", unit_category::count, 1, 0, "\u65E8\u6559"},  // zong, case
    {"\u5BA4", "\u5BA4", unit_category::count, 1, 0, "\u5185\u5167\u5916\u53CB\u4E3B"},  // shi, room / office
    {"\u5BB6", "\u5BB6", unit_category::count, 1, 0, "\u957F\u9577\u5EAD\u4E61\u9109\u5C5E\u5C6C\u5177\u56ED\u5712\u653F\u52A1\u52D9"},  // jia, establishment
    {"\u5BB6\u6B21", "\u5BB6\u6B21", unit_category::count, 1, 0, ""},  // jia ci, establishment-times
    {"\u5BF9", "\u5BF9", unit_category::count, 1, 0, "\u4E8E\u65BC\u8C61\u8BDD\u8A71\u53E3\u63A5\u6BD4\u7167\u5F85\u7B56\u5916\u5185\u5167\u5E94\u61C9\u6807\u6A19"},  // dui, pair
    {"\u5C01", "\u5C01", unit_category::count, 1, 0, "\u95ED\u9589\u9762\u5EFA\u9501\u9396\u5B58\u88C5\u88DD\u9876\u9802\u6761\u689D"},  // feng, letter
    {"\u5C0D", "\u5BF9", unit_category::count, 1, 0, "\u4E8E\u65BC\u8C61\u8BDD\u8A71\u53E3\u63A5\u6BD4\u7167\u5F85\u7B56\u5916\u5185\u5167\u5E94\u61C9\u6807\u6A19"},  // dui, pair
    {"\u5C0F\u65F6", "\u5C0F\u65F6", unit_category::duration, 1, 0, ""},  // hour
    {"\u5C0F\u6642", "\u5C0F\u65F6", unit_category::duration, 1, 0, ""},  // hour
    {"\u5C3E", "\u5C3E", unit_category::count, 1, 0, "\u58F0\u8072\u5DF4\u6B3E\u6570\u6578\u90E8\u53F7\u865F\u6C14\u6C23"},  // wei, fish
    {"\u5C42", "\u5C42", unit_category::count, 1, 0, "\u6B21\u9762\u7EA7\u7D1A"},  // ceng, storey
    {"\u5C46", "\u5C4A", unit_category::count, 1, u_grade, "\u65F6\u6642"},  // jie, term / session
    {"\u5C4A", "\u5C4A", unit_category::count, 1, u_grade, "\u65F6\u6642"},  // jie, term / session
    {"\u5C64", "\u5C42", unit_category::count, 1, 0, "\u6B21\u9762\u7EA7\u7D1A"},  // ceng, storey
    {"\u5C81", "\u5C81", unit_category::other, 1, 0, ""},  // sui, years of age
    {"\u5DE5\u4F5C\u65E5", "\u5DE5\u4F5C\u65E5", unit_category::duration, 1, 0, ""},  // working day
    {"\u5E45", "\u5E45", unit_category::count, 1, 0, "\u5EA6"},  // fu, picture
    {"\u5E62", "\u5E62", unit_category::count, 1, 0, ""},  // zhuang, building
    {"\u5E73\u65B9", "\u5E73\u65B9\u7C73", unit_category::area, 1, 0, "\u6839"},  // square metre
    {"\u5E73\u65B9\u516C\u91CC", "\u5E73\u65B9\u516C\u91CC", unit_category::area, 1, 0, ""},  // square kilometre
    {"\u5E73\u65B9\u5343\u7C73", "\u5E73\u65B9\u5343\u7C73", unit_category::area, 1, 0, ""},  // square kilometre
    {"\u5E73\u65B9\u7C73", "\u5E73\u65B9\u7C73", unit_category::area, 1, 0, "\u6839"},  // square metre
    {"\u5E73\u7C73", "\u5E73\u65B9\u7C73", unit_category::area, 1, 0, "\u6839"},  // square metre
    {"\u5E74", "\u5E74", unit_category::duration, 1, u_year, "\u7EA7\u7D1A\u5EA6\u4EE3\u9F84\u9F61\u85AA\u8D27\u8CA8\u753B\u756B\u4F1A\u6703\u9274\u9452\u8F7B\u8F15\u7EC8\u7D42"},  // nian, year (a duration only)
    {"\u5E74\u4EE3", "-", unit_category::other, 1, u_date, ""},  // calendar / clock word: date or time
    {"\u5E74\u7D1A", "-", unit_category::other, 1, u_ordinal, ""},  // grade, prize or rank word: ordinal
    {"\u5E74\u7EA7", "-", unit_category::other, 1, u_ordinal, ""},  // grade, prize or rank word: ordinal
    {"\u5E8A", "\u5E8A", unit_category::count, 1, u_denominator_only, ""},  // chuang, bed (rate denominators only)
    {"\u5EA6", "\u5EA6", unit_category::other, 1, u_arabic_only|u_temp, "\u5047\u8FC7\u904E\u65E5"},  // du, degree / kilowatt-hour (after Arabic digits: yi du is "once")
    {"\u5EA7", "\u5EA7", unit_category::count, 1, 0, "\u8C08\u8AC7\u4F4D"},  // zuo, building / mountain
    {"\u5F20", "\u5F20", unit_category::count, 1, 0, ""},  // zhang, sheet
    {"\u5F35", "\u5F20", unit_category::count, 1, 0, ""},  // zhang, sheet
    {"\u5F37", "-", unit_category::other, 1, u_ordinal, ""},  // grade, prize or rank word: ordinal
    {"\u5F3A", "-", unit_category::other, 1, u_ordinal, ""},  // grade, prize or rank word: ordinal
    {"\u5FAE\u514B", "\u5FAE\u514B", unit_category::mass, 1, 0, ""},  // microgram
    {"\u5FAE\u7C73", "\u5FAE\u7C73", unit_category::length, 1, 0, ""},  // micrometre
    {"\u6210", "%", unit_category::percent, 1, u_cheng, "\u5458\u54E1\u4E3A\u70BA\u7ACB\u7EE9\u7E3E\u679C\u672C\u5C31\u529F\u957F\u9577\u719F\u6548\u578B\u54C1\u90FD\u4EA4\u4EFD\u5206\u624D\u4EBA\u5E74\u4E0D\u7FA4"},  // cheng, tenth (x10 %)
    {"\u6236", "\u6237", unit_category::count, 1, 0, "\u53E3\u7C4D\u5916\u578B"},  // hu, household
    {"\u6236\u6B21", "\u6237\u6B21", unit_category::count, 1, 0, ""},  // household-times
    {"\u6237", "\u6237", unit_category::count, 1, 0, "\u53E3\u7C4D\u5916\u578B"},  // hu, household
    {"\u6237\u6B21", "\u6237\u6B21", unit_category::count, 1, 0, ""},  // household-times
    {"\u6240", "\u6240", unit_category::count, 1, 0, "\u4EE5\u6709\u5728\u5C5E\u5C6C\u5F97\u8C13\u8B02\u957F\u9577\u9700"},  // suo, institution
    {"\u6247", "\u6247", unit_category::count, 1, 0, "\u5B50\u5F62\u9762\u533A\u5340\u8D1D\u8C9D\u53F6\u8449"},  // shan, door / window; not shanzi, shanxing ...
    {"\u6279", "\u6279", unit_category::count, 1, u_no_yi, "\u51C6\u793A\u590D\u5FA9\u8BC4\u8A55\u5224\u6B21"},  // pi, batch
    {"\u6279\u6B21", "\u6279\u6B21", unit_category::count, 1, 0, ""},  // pi ci, batch
    {"\u628A", "\u628A", unit_category::count, 1, u_no_yi, "\u624B\u5173\u95DC\u63E1\u6301\u63A7\u8109\u8108"},  // ba, handle / chair
    {"\u6444\u6C0F\u5EA6", "\u6444\u6C0F\u5EA6", unit_category::other, 1, u_temp, ""},  // degree Celsius
    {"\u651D\u6C0F\u5EA6", "\u6444\u6C0F\u5EA6", unit_category::other, 1, u_temp, ""},  // degree Celsius
    {"\u652F", "\u652F", unit_category::count, 1, 0, "\u6301\u51FA\u4ED8\u90E8\u63F4\u6491\u6490\u6559\u67F1"},  // zhi, team
    {"\u65A4", "\u65A4", unit_category::mass, 1, 0, ""},  // jin (half kilogram)
    {"\u65B0\u52A0\u5761\u5143", "\u65B0\u52A0\u5761\u5143", unit_category::currency, 1, 0, ""},  // Singapore dollar
    {"\u65B0\u53F0\u5E01", "\u65B0\u53F0\u5E01", unit_category::currency, 1, 0, ""},  // New Taiwan dollar
    {"\u65B0\u81FA\u5E63", "\u65B0\u53F0\u5E01", unit_category::currency, 1, 0, ""},  // New Taiwan dollar
    {"\u65B9\u9762", "\u65B9\u9762", unit_category::count, 1, u_no_yi, ""},  // fang mian, aspect
    {"\u65E5", "\u65E5", unit_category::duration, 1, u_date, ""},  // ri, day (rate denominators; otherwise a calendar day)
    {"\u65E5\u5143", "\u65E5\u5143", unit_category::currency, 1, 0, ""},  // yen
    {"\u65F6", "-", unit_category::other, 1, u_date, ""},  // calendar / clock word: date or time
    {"\u661F\u671F", "\u661F\u671F", unit_category::duration, 1, 0, ""},  // xingqi, week
    {"\u661F\u7D1A", "-", unit_category::other, 1, u_ordinal, ""},  // grade, prize or rank word: ordinal
    {"\u661F\u7EA7", "-", unit_category::other, 1, u_ordinal, ""},  // grade, prize or rank word: ordinal
    {"\u6642", "-", unit_category::other, 1, u_date, ""},  // calendar / clock word: date or time
    {"\u6708", "\u6708", unit_category::duration, 1, u_date, ""},  // yue, month (rate denominators; otherwise a calendar month)
    {"\u6708\u4EFD", "-", unit_category::other, 1, u_date, ""},  // calendar / clock word: date or time
    {"\u671F", "\u671F", unit_category::count, 1, u_grade, "\u95F4\u9593\u672B\u4E2D\u9650\u671B\u5F85\u76FC\u520A\u8D27\u8CA8"},  // qi, phase / issue
    {"\u672C", "\u672C", unit_category::count, 1, 0, "\u79D1\u5730\u571F\u8EAB\u9662\u7EBF\u7DDA\u5C4A\u5C46\u6B21\u5E74\u5E02\u53BF\u7E23\u533A\u5340\u6821\u5355\u55AE\u4EBA\u90E8\u8D28\u8CEA\u9886\u9818"},  // ben, book
    {"\u6761", "\u6761", unit_category::count, 1, 0, "\u4EF6\u4F8B\u6B3E"},  // tiao, item / rule
    {"\u679A", "\u679A", unit_category::count, 1, 0, ""},  // mei, piece (medal)
    {"\u67B6", "\u67B6", unit_category::count, 1, 0, "\u6784\u69CB"},  // jia, aircraft
    {"\u67B6\u6B21", "\u67B6\u6B21", unit_category::count, 1, 0, ""},  // jia ci, sorties
    {"\u6807\u51C6\u7BB1", "\u6807\u51C6\u7BB1", unit_category::count, 1, 0, ""},  // biaozhun xiang, standard case (cigarettes)
    {"\u680B", "\u680B", unit_category::count, 1, 0, "\u6881\u6A11"},  // dong, building
    {"\u6821", "\u6821", unit_category::count, 1, u_denominator_only, ""},  // xiao, school (rate denominators only)
    {"\u682A", "\u682A", unit_category::count, 1, 0, ""},  // zhu, plant
    {"\u6839", "\u6839", unit_category::count, 1, 0, "\u636E\u64DA\u672C\u6E90\u6CBB\u57FA\u5E95\u690D\u7CFB"},  // gen, stick
    {"\u6848", "\u6848", unit_category::count, 1, 0, "\u4EF6\u4F8B\u7531\u503C\u5377\u60C5\u53D1\u767C\u5934\u982D"},  // an, case
    {"\u6863", "\u6863", unit_category::count, 1, 0, "\u6848\u6B21\u671F\u4F4D"},  // dang, tier / band
    {"\u6876", "\u6876", unit_category::count, 1, 0, "\u88C5\u88DD"},  // tong, barrel
    {"\u689D", "\u6761", unit_category::count, 1, 0, "\u4EF6\u4F8B\u6B3E"},  // tiao, item / rule
    {"\u68DF", "\u680B", unit_category::count, 1, 0, "\u6881\u6A11"},  // dong, building
    {"\u68F5", "\u68F5", unit_category::count, 1, 0, ""},  // ke, tree
    {"\u6A19\u6E96\u7BB1", "\u6807\u51C6\u7BB1", unit_category::count, 1, 0, ""},  // biaozhun xiang, standard case (cigarettes)
    {"\u6A94", "\u6863", unit_category::count, 1, 0, "\u6848\u6B21\u671F\u4F4D"},  // dang, tier / band
    {"\u6B21", "\u6B21", unit_category::count, 1, 0, "\u8981\u5E8F\u6570\u6578\u65E5"},  // ci, times
    {"\u6B27\u5143", "\u6B27\u5143", unit_category::currency, 1, 0, ""},  // euro
    {"\u6B3E", "\u6B3E", unit_category::count, 1, 0, "\u9879\u9805\u5F0F\u5F85"},  // kuan, model / product
    {"\u6B50\u5143", "\u6B27\u5143", unit_category::currency, 1, 0, ""},  // euro
    {"\u6B72", "\u5C81", unit_category::other, 1, 0, ""},  // sui, years of age
    {"\u6BB5", "\u6BB5", unit_category::count, 1, u_grade, "\u843D"},  // duan, section / tier
    {"\u6BEB\u514B", "\u6BEB\u514B", unit_category::mass, 1, 0, ""},  // milligram
    {"\u6BEB\u5347", "\u6BEB\u5347", unit_category::volume, 1, 0, ""},  // millilitre
    {"\u6BEB\u7C73", "\u6BEB\u7C73", unit_category::length, 1, 0, ""},  // millimetre
    {"\u6CD5\u90CE", "\u6CD5\u90CE", unit_category::currency, 1, 0, ""},  // franc
    {"\u6CF0\u9296", "\u6CF0\u94E2", unit_category::currency, 1, 0, ""},  // baht
    {"\u6CF0\u94E2", "\u6CF0\u94E2", unit_category::currency, 1, 0, ""},  // baht
    {"\u6D77\u91CC", "\u6D77\u91CC", unit_category::length, 1, 0, ""},  // nautical mile
    {"\u6E2F\u5143", "\u6E2F\u5143", unit_category::currency, 1, 0, ""},  // Hong Kong dollar
    {"\u6E2F\u5E01", "\u6E2F\u5E01", unit_category::currency, 1, 0, ""},  // Hong Kong dollar
    {"\u6E2F\u5E63", "\u6E2F\u5E01", unit_category::currency, 1, 0, ""},  // Hong Kong dollar
    {"\u6FB3\u5143", "\u6FB3\u5143", unit_category::currency, 1, 0, ""},  // Australian dollar
    {"\u6FB3\u9580\u5E63", "\u6FB3\u95E8\u5E01", unit_category::currency, 1, 0, ""},  // pataca
    {"\u6FB3\u95E8\u5E01", "\u6FB3\u95E8\u5E01", unit_category::currency, 1, 0, ""},  // pataca
    {"\u70B9", "-", unit_category::other, 1, u_date, ""},  // calendar / clock word: date or time
    {"\u70B9\u949F", "-", unit_category::other, 1, u_date, ""},  // calendar / clock word: date or time
    {"\u7126\u8033", "\u7126\u8033", unit_category::other, 1, 0, ""},  // joule
    {"\u7247", "\u7247", unit_category::count, 1, u_no_yi, "\u533A\u5340"},  // pian, piece / area
    {"\u73ED", "\u73ED", unit_category::count, 1, u_denominator_only, ""},  // ban, class (rate denominators only)
    {"\u73ED\u6B21", "\u73ED\u6B21", unit_category::count, 1, 0, ""},  // ban ci, scheduled runs
    {"\u74E6", "\u74E6", unit_category::other, 1, u_arabic_only, "\u7247\u623F\u89E3\u65AF\u783E\u792B"},  // watt
    {"\u74F6", "\u74F6", unit_category::count, 1, 0, "\u9888\u9838"},  // ping, bottle
    {"\u751F", "\u751F", unit_category::person, 1, u_denominator_only, ""},  // sheng, student (rate denominators only)
    {"\u755D", "\u4EA9", unit_category::area, 1, 0, ""},  // mu (1/15 ha)
    {"\u767E\u5143", "\u5143", unit_category::currency, 100, u_magnitude, ""},  // bai yuan, 10^2 yuan
    {"\u767E\u5206\u70B9", "\u4E2A\u767E\u5206\u70B9", unit_category::percent, 1, 0, ""},  // percentage point
    {"\u767E\u5206\u9EDE", "\u4E2A\u767E\u5206\u70B9", unit_category::percent, 1, 0, ""},  // percentage point
    {"\u76CE\u53F8", "\u76CE\u53F8", unit_category::mass, 1, 0, ""},  // ounce
    {"\u76CF", "\u76CF", unit_category::count, 1, 0, ""},  // zhan, lamp
    {"\u76D2", "\u76D2", unit_category::count, 1, 0, ""},  // he, box
    {"\u76DE", "\u76CF", unit_category::count, 1, 0, ""},  // zhan, lamp (trad)
    {"\u76E7\u5E03", "\u5362\u5E03", unit_category::currency, 1, 0, ""},  // rouble
    {"\u773C", "\u773C", unit_category::count, 1, u_no_yi, "\u775B\u5149\u754C\u524D\u4E2D\u91CC\u88CF\u955C\u93E1\u79D1\u4E0B\u795E\u8272\u770B\u6CEA\u6DDA\u7403\u529B\u53D1\u767C\u653E\u671B"},  // yan, well / spring (ji jing 14 yan); not yanjing ..., liang yan fa guang, kan yi yan
    {"\u78C5", "\u78C5", unit_category::mass, 1, u_arabic_only, ""},  // pound
    {"\u79CD", "\u79CD", unit_category::count, 1, 0, "\u690D\u5B50\u7C7B\u985E"},  // zhong, kind
    {"\u79D1", "\u79D1", unit_category::count, 1, 0, "\u5B66\u5B78\u6280\u7814\u5BA4\u957F\u9577\u5458\u54E1\u7EA7\u7D1A\u666E\u76EE\u7EC4\u7D44"},  // ke, department / subject
    {"\u79D1\u5BA4", "\u79D1\u5BA4", unit_category::count, 1, 0, ""},  // keshi, department
    {"\u79D2", "\u79D2", unit_category::duration, 1, u_time_part, "\u949F\u9418"},  // second
    {"\u7A2E", "\u79CD", unit_category::count, 1, 0, "\u690D\u5B50\u7C7B\u985E"},  // zhong, kind
    {"\u7ACB\u65B9", "\u7ACB\u65B9\u7C73", unit_category::volume, 1, 0, ""},  // cubic metre
    {"\u7ACB\u65B9\u7C73", "\u7ACB\u65B9\u7C73", unit_category::volume, 1, 0, ""},  // cubic metre
    {"\u7AE0", "\u7AE0", unit_category::count, 1, 0, "\u7A0B\u8282\u7BC0\u6CD5\u5236"},  // zhang, chapter
    {"\u7B14", "\u7B14", unit_category::count, 1, 0, "\u8BB0\u8A18\u8BD5\u8A66\u8005\u753B\u756B\u58A8\u5F55\u9304\u4E0B\u7B52\u540D\u8FF9\u8DE1\u89E6\u89F8\u82AF"},  // bi, transaction / sum (3 bi daikuan); not biji, bishi ...
    {"\u7B46", "\u7B14", unit_category::count, 1, 0, "\u8BB0\u8A18\u8BD5\u8A66\u8005\u753B\u756B\u58A8\u5F55\u9304\u4E0B\u7B52\u540D\u8FF9\u8DE1\u89E6\u89F8\u82AF"},  // bi, transaction / sum (trad)
    {"\u7B49\u529F", "-", unit_category::other, 1, u_ordinal, ""},  // grade, prize or rank word: ordinal
    {"\u7B49\u5956", "-", unit_category::other, 1, u_ordinal, ""},  // grade, prize or rank word: ordinal
    {"\u7B49\u734E", "-", unit_category::other, 1, u_ordinal, ""},  // grade, prize or rank word: ordinal
    {"\u7B87", "\u4E2A", unit_category::count, 1, 0, "\u6027\u4F53\u9AD4\u522B\u5225\u6848\u7A0E\u7A05"},  // ge, generic measure word
    {"\u7BB1", "\u7BB1", unit_category::count, 1, 0, ""},  // xiang, box / case
    {"\u7BC0", "\u8282", unit_category::count, 1, 0, "\u65E5\u7EA6\u7D04\u80FD\u76EE\u70B9\u9EDE\u594F\u5047\u5E86\u6176"},  // jie, lesson / section
    {"\u7BC7", "\u7BC7", unit_category::count, 1, 0, "\u7AE0\u5E45"},  // pian, article
    {"\u7C73", "\u7C73", unit_category::length, 1, 0, "\u996D\u98EF\u7CAE\u7CE7\u9762\u9EB5\u7EBF\u7DDA"},  // metre
    {"\u7C7B", "\u7C7B", unit_category::count, 1, u_grade, "\u578B\u522B\u5225"},  // lei, category
    {"\u7C92", "\u7C92", unit_category::count, 1, 0, "\u5B50"},  // li, grain
    {"\u7D0D\u7C73", "\u7EB3\u7C73", unit_category::length, 1, 0, ""},  // nanometre
    {"\u7D1A", "\u7EA7", unit_category::count, 1, u_grade, "\u522B\u5225"},  // ji, level
    {"\u7D44", "\u7EC4", unit_category::count, 1, 0, "\u7EC7\u7E54\u5EFA\u6210\u957F\u9577\u56E2\u5718"},  // zu, group
    {"\u7EA7", "\u7EA7", unit_category::count, 1, u_grade, "\u522B\u5225"},  // ji, level
    {"\u7EB3\u7C73", "\u7EB3\u7C73", unit_category::length, 1, 0, ""},  // nanometre
    {"\u7EC4", "\u7EC4", unit_category::count, 1, 0, "\u7EC7\u7E54\u5EFA\u6210\u957F\u9577\u56E2\u5718"},  // zu, group
    {"\u7F8E\u5143", "\u7F8E\u5143", unit_category::currency, 1, 0, ""},  // US dollar
    {"\u7F8E\u91D1", "\u7F8E\u91D1", unit_category::currency, 1, 0, ""},  // US dollar (colloquial)
    {"\u7FBD", "\u7FBD", unit_category::count, 1, 0, "\u6BDB\u7ED2\u7D68\u7403\u7FFC"},  // yu, bird
    {"\u81FA", "\u53F0", unit_category::count, 1, 0, "\u9636\u968E\u6E7E\u7063\u98CE\u98A8"},  // tai, machine
    {"\u81FA\u5E63", "\u53F0\u5E01", unit_category::currency, 1, 0, ""},  // New Taiwan dollar
    {"\u81FA\u6B21", "\u53F0\u6B21", unit_category::count, 1, 0, ""},  // tai ci, machine-times
    {"\u8258", "\u8258", unit_category::count, 1, 0, ""},  // sou, ship
    {"\u8282", "\u8282", unit_category::count, 1, 0, "\u65E5\u7EA6\u7D04\u80FD\u76EE\u70B9\u9EDE\u594F\u5047\u5E86\u6176"},  // jie, lesson / section
    {"\u82F1\u5BF8", "\u82F1\u5BF8", unit_category::length, 1, 0, ""},  // inch
    {"\u82F1\u5C3A", "\u82F1\u5C3A", unit_category::length, 1, 0, ""},  // foot
    {"\u82F1\u91CC", "\u82F1\u91CC", unit_category::length, 1, 0, ""},  // mile
    {"\u82F1\u938A", "\u82F1\u9551", unit_category::currency, 1, 0, ""},  // pound sterling
    {"\u82F1\u9551", "\u82F1\u9551", unit_category::currency, 1, 0, ""},  // pound sterling
    {"\u83EF\u6C0F\u5EA6", "\u534E\u6C0F\u5EA6", unit_category::other, 1, u_temp, ""},  // degree Fahrenheit
    {"\u842C\u5104\u5143", "\u5143", unit_category::currency, 1e+12, u_magnitude, ""},  // wan yi yuan, 10^12 yuan
    {"\u842C\u5143", "\u5143", unit_category::currency, 10000, u_magnitude, ""},  // wan yuan, 10^4 yuan
    {"\u8655", "\u5904", unit_category::count, 1, 0, "\u7406\u5206\u7F6E\u4E8E\u65BC\u957F\u9577\u5BA4"},  // chu, place
    {"\u865F", "-", unit_category::other, 1, u_date, ""},  // calendar / clock word: date or time
    {"\u888B", "\u888B", unit_category::count, 1, 0, "\u9F20"},  // dai, bag
    {"\u89D2", "\u89D2", unit_category::currency, 1, u_arabic_only, ""},  // jiao, 0.1 yuan
    {"\u8AB2\u6642", "\u8BFE\u65F6", unit_category::duration, 1, 0, ""},  // class hour
    {"\u8BFE\u65F6", "\u8BFE\u65F6", unit_category::duration, 1, 0, ""},  // class hour
    {"\u8D77", "\u8D77", unit_category::count, 1, u_no_yi, "\u6765\u4F86\u70B9\u9EDE\u6B65\u5230\u8349"},  // qi, incident
    {"\u8D9F", "\u8D9F", unit_category::count, 1, 0, ""},  // tang, trips
    {"\u8D9F\u6B21", "\u8D9F\u6B21", unit_category::count, 1, 0, ""},  // tang ci, trips
    {"\u8ECA\u6B21", "\u8F66\u6B21", unit_category::count, 1, 0, ""},  // che ci, train / bus runs
    {"\u8F1B", "\u8F86", unit_category::count, 1, 0, ""},  // liang, vehicle
    {"\u8F2A", "\u8F6E", unit_category::count, 1, 0, ""},  // lun, round
    {"\u8F66\u6B21", "\u8F66\u6B21", unit_category::count, 1, 0, ""},  // che ci, train / bus runs
    {"\u8F6E", "\u8F6E", unit_category::count, 1, 0, ""},  // lun, round
    {"\u8F86", "\u8F86", unit_category::count, 1, 0, ""},  // liang, vehicle
    {"\u9031", "\u5468", unit_category::duration, 1, 0, "\u5E74\u5C81\u6B72\u8FB9\u908A"},  // zhou, week
    {"\u9031\u6B72", "\u5468\u5C81", unit_category::other, 1, 0, ""},  // sui, years of age
    {"\u904D", "\u904D", unit_category::count, 1, u_no_yi, "\u5E03\u4F48\u53CA\u5730"},  // bian, times (through)
    {"\u90E8", "\u90E8", unit_category::count, 1, 0, "\u95E8\u9580\u7F72\u957F\u9577\u961F\u968A\u59D4"},  // bu, work / unit
    {"\u90E8\u5206", "\u90E8\u5206", unit_category::count, 1, 0, ""},  // bu fen, part
    {"\u90E8\u9580", "\u90E8\u95E8", unit_category::count, 1, 0, ""},  // bu men, department
    {"\u90E8\u95E8", "\u90E8\u95E8", unit_category::count, 1, 0, ""},  // bu men, department
    {"\u91D0\u7C73", "\u5398\u7C73", unit_category::length, 1, 0, ""},  // centimetre
    {"\u91D1", "\u91D1", unit_category::count, 1, u_medal, ""},  // jin, gold medal
    {"\u91DD", "\u9488", unit_category::count, 1, u_arabic_only, "\u5BF9\u5C0D\u7078\u7EBF\u7DDA\u5934\u982D"},  // zhen (trad), injection
    {"\u91DD\u6B21", "\u9488\u6B21", unit_category::count, 1, u_arabic_only, ""},  // zhen ci (trad)
    {"\u9280", "\u94F6", unit_category::count, 1, u_medal, ""},  // yin, silver medal
    {"\u9285", "\u94DC", unit_category::count, 1, u_medal, ""},  // tong, bronze medal
    {"\u9418\u982D", "\u949F\u5934", unit_category::duration, 1, 0, ""},  // hour
    {"\u9488", "\u9488", unit_category::count, 1, u_arabic_only, "\u5BF9\u5C0D\u7078\u7EBF\u7DDA\u5934\u982D"},  // zhen, injection (not zhendui ...)
    {"\u9488\u6B21", "\u9488\u6B21", unit_category::count, 1, u_arabic_only, ""},  // zhen ci, injections given
    {"\u949F\u5934", "\u949F\u5934", unit_category::duration, 1, 0, ""},  // hour
    {"\u94DC", "\u94DC", unit_category::count, 1, u_medal, ""},  // tong, bronze medal
    {"\u94F6", "\u94F6", unit_category::count, 1, u_medal, ""},  // yin, silver medal
    {"\u9580", "\u95E8", unit_category::count, 1, 0, "\u6237\u6236\u53E3\u69DB\u6ABB\u7C7B\u985E\u8BCA\u8A3A"},  // men, course
    {"\u9593", "\u95F4", unit_category::count, 1, 0, "\u9694\u63A5\u65AD\u65B7"},  // jian, room
    {"\u95E8", "\u95E8", unit_category::count, 1, 0, "\u6237\u6236\u53E3\u69DB\u6ABB\u7C7B\u985E\u8BCA\u8A3A"},  // men, course
    {"\u95F4", "\u95F4", unit_category::count, 1, 0, "\u9694\u63A5\u65AD\u65B7"},  // jian, room
    {"\u961F", "\u961F", unit_category::count, 1, 0, "\u4F0D\u5458\u54E1\u957F\u9577"},  // dui, team
    {"\u968A", "\u961F", unit_category::count, 1, 0, "\u4F0D\u5458\u54E1\u957F\u9577"},  // dui, team
    {"\u96BB", "\u53EA", unit_category::count, 1, u_no_yi, "\u6709\u662F\u8981\u80FD\u9700"},  // zhi, animal / item
    {"\u96D9", "\u53CC", unit_category::count, 1, 0, "\u65B9\u5411\u51CF\u6E1B\u8BED\u8A9E\u767E\u521B\u5275\u9AD8\u8D62\u8D0F\u91CD\u4F11\u804C\u8077\u5E08\u5E2B"},  // shuang, pair
    {"\u97D3\u5143", "\u97E9\u5143", unit_category::currency, 1, 0, ""},  // won
    {"\u97E9\u5143", "\u97E9\u5143", unit_category::currency, 1, 0, ""},  // won
    {"\u9801", "\u9875", unit_category::count, 1, 0, "\u9762\u7801\u78BC\u6570\u6578\u5CA9"},  // ye, page (traditional)
    {"\u9802", "\u9876", unit_category::count, 1, 0, "\u5C42\u5C64\u7AEF\u7EA7\u7D1A\u5C16"},  // ding, tent / hat
    {"\u9805", "\u9879", unit_category::count, 1, 0, ""},  // xiang, item
    {"\u982D", "\u5934", unit_category::count, 1, 0, "\u8111\u8166\u53F7\u865F\u7B49\u6761\u689D"},  // tou, head (cattle)
    {"\u983B\u6B21", "\u9891\u6B21", unit_category::count, 1, 0, ""},  // pin ci, frequency
    {"\u9846", "\u9897", unit_category::count, 1, 0, "\u7C92"},  // ke, grain / piece
    {"\u985E", "\u7C7B", unit_category::count, 1, u_grade, "\u578B\u522B\u5225"},  // lei, category
    {"\u9875", "\u9875", unit_category::count, 1, 0, "\u9762\u7801\u78BC\u6570\u6578\u5CA9"},  // ye, page (body text only, see unit_allowed; not yemian, yema x2, yeshu x2, yeyan)
    {"\u9876", "\u9876", unit_category::count, 1, 0, "\u5C42\u5C64\u7AEF\u7EA7\u7D1A\u5C16"},  // ding, tent / hat
    {"\u9879", "\u9879", unit_category::count, 1, 0, ""},  // xiang, item
    {"\u9891\u6B21", "\u9891\u6B21", unit_category::count, 1, 0, ""},  // pin ci, frequency
    {"\u9897", "\u9897", unit_category::count, 1, 0, "\u7C92"},  // ke, grain / piece
    {"\u9996", "\u9996", unit_category::count, 1, 0, "\u5148\u6279\u6B21\u5C4A\u5C46\u4F4D\u8981"},  // shou, song / poem
    {"\u9EDE", "-", unit_category::other, 1, u_date, ""},  // calendar / clock word: date or time
    {"\u9EDE\u9418", "-", unit_category::other, 1, u_date, ""},  // calendar / clock word: date or time
    {"\uFF05", "%", unit_category::percent, 1, 0, ""},  // percent (full width)
};

inline constexpr std::size_t unit_table_size = sizeof(unit_table) / sizeof(unit_table[0]);

constexpr bool unit_table_sorted() noexcept {
  for (std::size_t i = 1; i < unit_table_size; ++i)
    if (!(unit_table[i - 1].text < unit_table[i].text)) return false;
  return true;
}
static_assert(unit_table_sorted(), "unit_table must be sorted by UTF-8 bytes, without duplicates");

/** Length of the UTF-8 sequence announced by lead byte `b` (1 for ASCII and stray bytes). */
constexpr std::size_t utf8_lead_length(unsigned char b) noexcept {
  return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/** True when every character of `set` is a 3-byte UTF-8 sequence (what char_in_set3 needs). */
constexpr bool all_three_byte_chars(std::string_view set) noexcept {
  if (set.size() % 3 != 0) return false;
  for (std::size_t i = 0; i < set.size(); i += 3)
    if (utf8_lead_length(static_cast<unsigned char>(set[i])) != 3) return false;
  return true;
}

constexpr bool not_before_sets_are_three_byte() noexcept {
  for (const unit_entry& e : unit_table)
    if (!all_three_byte_chars(e.not_before)) return false;
  return true;
}
static_assert(not_before_sets_are_three_byte(),
              "unit_entry::not_before must list 3-byte characters only (CJK): see char_in_set3");

/**
 * True when the character starting at `p` (within [p, end)) is one of the characters of
 * `set`, a string of 3-byte UTF-8 characters: byte comparisons, no decoding.
 */
constexpr bool char_in_set3(const char* p, const char* end, std::string_view set) noexcept {
  if (set.empty() || end - p < 3 || utf8_lead_length(static_cast<unsigned char>(*p)) != 3) return false;
  for (std::size_t i = 0; i < set.size(); i += 3)
    if (set[i + 2] == p[2] && set[i + 1] == p[1] && set[i] == p[0]) return true;
  return false;
}

/** Bit of the 3-byte character b0 b1 b2 in a 64-bit Bloom mask of not_before characters. */
constexpr std::uint64_t not_before_bit(unsigned char b0, unsigned char b1, unsigned char b2) noexcept {
  const std::uint32_t key = (std::uint32_t(b0) << 16) | (std::uint32_t(b1) << 8) | b2;
  return std::uint64_t(1) << ((key * 0x9E3779B1u) >> 26);
}

/** Per row of unit_table, the Bloom mask of its not_before characters: most characters after
 *  a unit are in no set, and one bit test says so. */
struct unit_not_before_masks {
  std::uint64_t m[unit_table_size];
};
constexpr unit_not_before_masks make_not_before_masks() noexcept {
  unit_not_before_masks t{};
  for (std::size_t i = 0; i < unit_table_size; ++i) {
    const std::string_view set = unit_table[i].not_before;
    for (std::size_t k = 0; k + 3 <= set.size(); k += 3)
      t.m[i] |= not_before_bit(static_cast<unsigned char>(set[k]), static_cast<unsigned char>(set[k + 1]),
                               static_cast<unsigned char>(set[k + 2]));
  }
  return t;
}
inline constexpr unit_not_before_masks unit_not_before = make_not_before_masks();

/** Key of the first character of a UTF-8 string: its bytes big-endian in a uint32. */
constexpr std::uint32_t first_char_key(const char* p, std::size_t n) noexcept {
  std::uint32_t k = 0;
  for (std::size_t i = 0; i < n; ++i) k = (k << 8) | static_cast<unsigned char>(p[i]);
  return k;
}

/**
 * The lexicon indexed by first character: an open-addressing hash table (linear probing)
 * from the first character's key to the rows [first, last) of unit_table that start with it
 * (contiguous, since the table is sorted by bytes). Built at compile time.
 */
struct unit_index_slot {
  std::uint32_t key;  // 0 = empty (no first character has key 0)
  std::uint16_t first;
  std::uint16_t last;
};
inline constexpr std::size_t unit_index_bits = 9;
struct unit_index_table {
  unit_index_slot slot[std::size_t(1) << unit_index_bits];
};

constexpr std::uint32_t unit_index_hash(std::uint32_t key) noexcept {
  return (key * 0x9E3779B1u) >> (32 - unit_index_bits);
}

constexpr unit_index_table make_unit_index() noexcept {
  unit_index_table t{};
  constexpr std::uint32_t mask = (std::uint32_t(1) << unit_index_bits) - 1;
  for (std::size_t i = 0; i < unit_table_size;) {
    const std::string_view text = unit_table[i].text;
    const std::uint32_t key =
        first_char_key(text.data(), utf8_lead_length(static_cast<unsigned char>(text[0])));
    std::size_t j = i + 1;
    while (j < unit_table_size &&
           first_char_key(unit_table[j].text.data(),
                          utf8_lead_length(static_cast<unsigned char>(unit_table[j].text[0]))) == key)
      ++j;
    std::uint32_t h = unit_index_hash(key);
    while (t.slot[h].key != 0) h = (h + 1) & mask;
    t.slot[h] = {key, static_cast<std::uint16_t>(i), static_cast<std::uint16_t>(j)};
    i = j;
  }
  return t;
}
inline constexpr unit_index_table unit_index = make_unit_index();

/**
 * Rows of unit_table reordered so that each first-character group lists its longest texts
 * first: the first row of a group that matches and passes its checks is the longest one.
 * (Two rows of a group with the same length cannot both match at one position.)
 */
struct unit_order_table {
  std::uint16_t row[unit_table_size];
};
constexpr unit_order_table make_unit_order() noexcept {
  unit_order_table t{};
  for (std::size_t i = 0; i < unit_table_size; ++i) t.row[i] = static_cast<std::uint16_t>(i);
  for (const unit_index_slot& g : unit_index.slot) {
    if (g.key == 0) continue;
    for (std::size_t i = g.first + 1u; i < g.last; ++i)  // insertion sort, longest first
      for (std::size_t j = i; j > g.first && unit_table[t.row[j - 1]].text.size() <
                                                  unit_table[t.row[j]].text.size();
           --j) {
        const std::uint16_t x = t.row[j];
        t.row[j] = t.row[j - 1];
        t.row[j - 1] = x;
      }
  }
  return t;
}
inline constexpr unit_order_table unit_order = make_unit_order();

/**
 * What find_unit reads of a row, packed and stored in unit_order (group by group, longest
 * first), so that trying the rows of a group reads one or two cache lines instead of a
 * 72-byte row of unit_table each.
 */
struct unit_probe {
  const char* text;                ///< unit_table[row].text.data()
  std::uint64_t not_before_mask;   ///< unit_not_before.m[row]
  std::uint16_t size;              ///< unit_table[row].text.size()
  std::uint16_t row;               ///< index in unit_table
  bool latin;                      ///< flags & u_latin
  /** The 3 bytes after the first character, big-endian, when the text has 3 or more there
   *  (most rows: a second Han character), else 0: one compare rejects most rows of a group. */
  std::uint32_t next3;
};
struct unit_probe_table {
  unit_probe p[unit_table_size];
};
constexpr unit_probe_table make_unit_probes() noexcept {
  unit_probe_table t{};
  for (std::size_t i = 0; i < unit_table_size; ++i) {
    const std::size_t row = unit_order.row[i];
    const unit_entry& e = unit_table[row];
    const std::size_t first = utf8_lead_length(static_cast<unsigned char>(e.text[0]));
    const std::uint32_t next3 = e.text.size() >= first + 3 ? first_char_key(e.text.data() + first, 3) : 0;
    t.p[i] = {e.text.data(), unit_not_before.m[row], static_cast<std::uint16_t>(e.text.size()),
              static_cast<std::uint16_t>(row), (e.flags & u_latin) != 0, next3};
  }
  return t;
}
inline constexpr unit_probe_table unit_probes = make_unit_probes();

constexpr std::size_t unit_index_used() noexcept {
  std::size_t n = 0;
  for (const unit_index_slot& s : unit_index.slot) n += s.key != 0;
  return n;
}
static_assert(unit_index_used() <= (std::size_t(1) << unit_index_bits) / 2,
              "unit_index: grow unit_index_bits to keep the hash table at most half full");

/** Fast reject: which code points (< U+10000) start some entry; indexed by cp >> 6. */
struct unit_start_bitmap {
  std::uint64_t bits[1024];
};
constexpr unit_start_bitmap make_unit_starts() noexcept {
  unit_start_bitmap b{};
  for (std::size_t i = 0; i < unit_table_size; ++i) {
    const std::string_view t = unit_table[i].text;
    const auto c0 = static_cast<unsigned char>(t[0]);
    unsigned cp = c0;
    if (c0 >= 0xE0 && c0 < 0xF0)
      cp = ((c0 & 0x0Fu) << 12) | ((static_cast<unsigned char>(t[1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(t[2]) & 0x3Fu);
    else if (c0 >= 0xC0 && c0 < 0xE0)
      cp = ((c0 & 0x1Fu) << 6) | (static_cast<unsigned char>(t[1]) & 0x3Fu);
    b.bits[cp >> 6] |= std::uint64_t(1) << (cp & 63);
  }
  return b;
}
inline constexpr unit_start_bitmap unit_starts = make_unit_starts();

/** True when some lexicon entry starts with code point `cp` (a cheap filter). */
constexpr bool may_start_unit(char32_t cp) noexcept {
  return cp < 0x10000 && ((unit_starts.bits[cp >> 6] >> (cp & 63)) & 1u);
}

/** Byte equality without a library call (short strings). */
constexpr bool bytes_equal(const char* a, const char* b, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

/**
 * Longest lexicon entry whose text starts at `p` (and passes its `not_before` and Latin
 * boundary checks), or nullptr. Reads only [p, end). A bitmap rejects characters that start
 * no entry; a hash probe on the first character gives the few rows to try. No throw, no alloc.
 */
inline const unit_entry* find_unit(const char* p, const char* end) noexcept {
  if (p >= end) return nullptr;
  const auto c0 = static_cast<unsigned char>(*p);
  const std::size_t first = utf8_lead_length(c0);
  const std::size_t avail = static_cast<std::size_t>(end - p);
  if (avail < first || first == 4) return nullptr;
  unsigned cp = c0;
  if (first == 3)
    cp = ((c0 & 0x0Fu) << 12) | ((static_cast<unsigned char>(p[1]) & 0x3Fu) << 6) |
         (static_cast<unsigned char>(p[2]) & 0x3Fu);
  else if (first == 2)
    cp = ((c0 & 0x1Fu) << 6) | (static_cast<unsigned char>(p[1]) & 0x3Fu);
  if (!((unit_starts.bits[(cp >> 6) & 1023] >> (cp & 63)) & 1u)) return nullptr;
  const std::uint32_t key = first == 3   ? (std::uint32_t(c0) << 16) |
                                             (std::uint32_t(static_cast<unsigned char>(p[1])) << 8) |
                                             static_cast<unsigned char>(p[2])
                             : first == 2 ? (std::uint32_t(c0) << 8) | static_cast<unsigned char>(p[1])
                                          : c0;
  constexpr std::uint32_t mask = (std::uint32_t(1) << unit_index_bits) - 1;
  std::uint32_t h = unit_index_hash(key);
  while (unit_index.slot[h].key != key) {
    if (unit_index.slot[h].key == 0) return nullptr;  // bitmap false positive (ill-formed bytes)
    h = (h + 1) & mask;
  }
  // the group's rows, longest first: the first one that matches and passes wins
  for (std::size_t i = unit_index.slot[h].first, last = unit_index.slot[h].last; i < last; ++i) {
    const unit_probe& u = unit_probes.p[i];
    if (u.size > avail) continue;
    const std::size_t rest = u.size - first;
    if (rest >= 3) {  // (u.size <= avail: the 3 bytes are in the text)
      if (first_char_key(p + first, 3) != u.next3) continue;
      if (!bytes_equal(p + first + 3, u.text + first + 3, rest - 3)) continue;
    } else if (!bytes_equal(p + first, u.text + first, rest)) {
      continue;
    }
    const char* after = p + u.size;
    if (u.latin) {
      if (after < end) {
        const unsigned c = static_cast<unsigned char>(*after);
        if ((c | 0x20u) - 'a' < 26u || c - '0' < 10u) continue;
      }
    } else if (end - after >= 3 &&
               (u.not_before_mask &
                not_before_bit(static_cast<unsigned char>(after[0]), static_cast<unsigned char>(after[1]),
                               static_cast<unsigned char>(after[2]))) &&
               char_in_set3(after, end, unit_table[u.row].not_before)) {
      continue;  // (char_in_set3 needs 3 bytes too: fewer is never in the set)
    }
    return &unit_table[u.row];
  }
  return nullptr;
}

}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_UNIT_TABLE_HPP

// SPDX-License-Identifier: MIT
// zhscan._zhscan: pybind11 bindings over the header-only library. The public API and its
// documentation live in zhscan/__init__.py; this module holds the parts that must be fast.
//
// Inputs: a str is scanned as UTF-8 and reported in code points (text[m.start:m.end] ==
// m.text); bytes and other C-contiguous buffers (memoryview, bytearray) are reported in
// bytes. An ASCII str and a bytes object are scanned in place; any other str is transcoded
// to UTF-8 once into a reused buffer (lone surrogates as 3-byte sequences, which the library
// reads as ill-formed, like Python's "surrogatepass"); for metrics, another buffer is copied
// once into a bytes object, which its Metrics reference. The scans run with the GIL released.
//
// Metric fields: `metric_fields` below, one line per field, in the command-line tool's
// order (examples/cli_metrics.hpp). Each line gives the attribute of zhscan.Metric, its
// entry in Metric.to_dict() and its column in zhscan.metrics_frame().
#include <pybind11/pybind11.h>

#include <Python.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "cli_number.hpp"  // numeral_line_value: `zhscan number`'s reading of a line
#include "zhscan/zhscan.hpp"

namespace py = pybind11;

namespace {

// ---------------------------------------------------------------------------------------
// Documents

/** One input document, held (with a reference) while it is scanned. */
struct source {
  enum kind_t { ascii_str, wide_str, buffer } kind = buffer;
  py::object obj;             // keeps the str / bytes / buffer owner alive
  const void* data = nullptr;  // str: PyUnicode_DATA; buffer: the bytes
  Py_ssize_t length = 0;       // str: code points; buffer: bytes
  int ukind = 1;               // str: PyUnicode_KIND (1, 2, 4)
  Py_buffer view{};            // buffer: the export (released with the GIL held)
  bool has_view = false;
  py::object doc;              // metrics: what the Metrics reference (make_doc)

  source() = default;
  source(const source&) = delete;
  source& operator=(const source&) = delete;
  source(source&& o) noexcept { *this = std::move(o); }
  source& operator=(source&& o) noexcept {
    if (this != &o) {
      release();
      kind = o.kind;
      obj = std::move(o.obj);
      data = o.data;
      length = o.length;
      ukind = o.ukind;
      view = o.view;
      has_view = o.has_view;
      o.has_view = false;
      doc = std::move(o.doc);
    }
    return *this;
  }
  ~source() { release(); }
  void release() noexcept {
    if (has_view) {
      PyBuffer_Release(&view);
      has_view = false;
    }
  }
  /** Offsets in code points (a str) rather than bytes. */
  bool code_points() const noexcept { return kind != buffer; }
};

/** Python type name of `o`, for error messages. */
std::string type_name(PyObject* o) { return Py_TYPE(o)->tp_name; }

/** Reads `o` as a document or raises TypeError naming `what` (the caller's function). */
source make_source(py::handle o, const char* what) {
  source s;
  PyObject* p = o.ptr();
  s.obj = py::reinterpret_borrow<py::object>(o);
  if (PyUnicode_Check(p)) {
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(p) != 0) throw py::error_already_set();
#endif
    s.kind = PyUnicode_IS_ASCII(p) ? source::ascii_str : source::wide_str;
    s.data = PyUnicode_DATA(p);
    s.length = PyUnicode_GET_LENGTH(p);
    s.ukind = static_cast<int>(PyUnicode_KIND(p));
    return s;
  }
  if (PyBytes_Check(p)) {
    s.kind = source::buffer;
    s.data = PyBytes_AS_STRING(p);
    s.length = PyBytes_GET_SIZE(p);
    return s;
  }
  if (PyObject_CheckBuffer(p)) {
    if (PyObject_GetBuffer(p, &s.view, PyBUF_SIMPLE) != 0) {
      PyErr_Clear();
      throw py::type_error(std::string(what) + "() needs a C-contiguous buffer; this " +
                           type_name(p) + " cannot give one");
    }
    s.has_view = true;
    s.kind = source::buffer;
    s.data = s.view.buf;
    s.length = s.view.len;
    return s;
  }
  throw py::type_error(std::string(what) + "() takes str, bytes or memoryview, not " +
                       type_name(p));
}

/** Writes the UTF-8 form of code point `c` at `p` (surrogates too: 3 bytes, like
 *  "surrogatepass"); returns the end. */
inline char* put_utf8(char* p, std::uint32_t c) noexcept {
  if (c < 0x80) {
    *p++ = static_cast<char>(c);
  } else if (c < 0x800) {
    *p++ = static_cast<char>(0xC0 | (c >> 6));
    *p++ = static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *p++ = static_cast<char>(0xE0 | (c >> 12));
    *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *p++ = static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *p++ = static_cast<char>(0xF0 | (c >> 18));
    *p++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *p++ = static_cast<char>(0x80 | (c & 0x3F));
  }
  return p;
}

/**
 * Writes the UTF-8 of a str's code units at the start of `out` and returns its length
 * (3-byte CJK and ASCII units take the short paths). `out` only grows: resize() zero-fills
 * what is new, so a reused buffer is not filled again.
 */
template <class Unit>
char* transcode_to(const Unit* u, std::size_t n, char* p) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t c = u[i];
    if (c < 0x80) {
      *p++ = static_cast<char>(c);
    } else if (c >= 0x800 && c < 0x10000) {
      p[0] = static_cast<char>(0xE0 | (c >> 12));
      p[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      p[2] = static_cast<char>(0x80 | (c & 0x3F));
      p += 3;
    } else {
      p = put_utf8(p, c);
    }
  }
  return p;
}

/**
 * UCS-2 without branches on the character's length (text mixing Han and ASCII digits defeats
 * the branch predictor): every unit writes three bytes and advances by its UTF-8 length.
 * Needs two bytes of slack after the output's end. Surrogates, like the other units of
 * 0x800..0xFFFF, take three bytes.
 */
inline char* transcode_ucs2(const std::uint16_t* u, std::size_t n, char* p) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t c = u[i];
    const std::uint32_t ge80 = c >= 0x80, ge800 = c >= 0x800;
    const std::uint32_t b0 = ge800 ? (0xE0 | (c >> 12)) : ge80 ? (0xC0 | (c >> 6)) : c;
    const std::uint32_t b1 = ge800 ? (0x80 | ((c >> 6) & 0x3F)) : (0x80 | (c & 0x3F));
    p[0] = static_cast<char>(b0);
    p[1] = static_cast<char>(b1);
    p[2] = static_cast<char>(0x80 | (c & 0x3F));
    p += 1 + ge80 + ge800;
  }
  return p;
}

template <class Unit>
std::size_t transcode(const Unit* u, std::size_t n, std::string& out) {
  const std::size_t need = n * (sizeof(Unit) == 1 ? 2 : sizeof(Unit) == 2 ? 3 : 4) + 2;
  if (out.size() < need) out.resize(need);
  char* const begin = &out[0];
  if constexpr (sizeof(Unit) == 2) return static_cast<std::size_t>(transcode_ucs2(u, n, begin) - begin);
  return static_cast<std::size_t>(transcode_to(u, n, begin) - begin);
}

/**
 * The UTF-8 bytes the library scans: the buffer itself, an ASCII str's storage, or a
 * transcoded copy in `scratch` (the one copy of a non-ASCII str). No GIL needed.
 */
std::string_view utf8_of(const source& s, std::string& scratch) {
  const auto n = static_cast<std::size_t>(s.length);
  if (s.kind != source::wide_str) return {static_cast<const char*>(s.data), n};
  std::size_t len;
  if (s.ukind == 1) len = transcode(static_cast<const std::uint8_t*>(s.data), n, scratch);
  else if (s.ukind == 2) len = transcode(static_cast<const std::uint16_t*>(s.data), n, scratch);
  else len = transcode(static_cast<const std::uint32_t*>(s.data), n, scratch);
  return {scratch.data(), len};
}

/**
 * For metrics: gives `s` its `doc`, the Python object the metrics keep a reference to
 * (their text attributes are read from it on access). A str or a bytes object is its own
 * doc (no copy); another buffer is copied into a bytes object (it may change or be released
 * later). Needs the GIL.
 */
void make_doc(source& s) {
  if (s.kind != source::buffer || PyBytes_Check(s.obj.ptr())) {
    s.doc = s.obj;
    return;
  }
  PyObject* b = PyBytes_FromStringAndSize(static_cast<const char*>(s.data), s.length);
  if (!b) throw py::error_already_set();
  s.doc = py::reinterpret_steal<py::object>(b);
  s.release();
  s.obj = s.doc;
  s.data = PyBytes_AS_STRING(b);
}

/** The bytes of a metric's doc: a bytes object or an ASCII str (a non-ASCII str has none). */
std::string_view doc_bytes(PyObject* doc) {
  if (PyBytes_Check(doc)) return {PyBytes_AS_STRING(doc), static_cast<std::size_t>(PyBytes_GET_SIZE(doc))};
  return {static_cast<const char*>(PyUnicode_DATA(doc)), static_cast<std::size_t>(PyUnicode_GET_LENGTH(doc))};
}

/** True when the doc is a non-ASCII str: its metrics' spans are bytes of a UTF-8 copy that is gone. */
bool wide_doc(PyObject* doc) { return PyUnicode_Check(doc) && !PyUnicode_IS_ASCII(doc); }

/**
 * Byte offset -> code-point offset in one forward walk (offsets asked in increasing order
 * cost one pass over the text in all; a smaller one restarts the walk). Identity for bytes
 * and for an ASCII str.
 */
class offset_cursor {
 public:
  offset_cursor(std::string_view text, bool code_points) noexcept
      : s_(reinterpret_cast<const unsigned char*>(text.data())),
        n_(text.size()),
        identity_(!code_points) {}
  std::size_t operator()(std::size_t b) noexcept {
    if (identity_) return b;
    if (b > n_) b = n_;
    if (b < byte_) byte_ = cp_ = 0;
    std::size_t cp = cp_, i = byte_;
    // eight bytes at a time: a code point starts at every byte but a continuation (10xxxxxx)
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    for (; i + 8 <= b; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, s_ + i, 8);
      const std::uint64_t cont = (w >> 7) & ~(w >> 6) & ones;
      cp += 8 - static_cast<std::size_t>(__builtin_popcountll(cont));
    }
    for (; i < b; ++i) cp += (s_[i] & 0xC0u) != 0x80u;
    byte_ = b;
    cp_ = cp;
    return cp;
  }

 private:
  const unsigned char* s_;
  std::size_t n_;
  bool identity_;
  std::size_t byte_ = 0, cp_ = 0;
};

/** A str from UTF-8: a str input's own bytes (surrogates kept) or a buffer's (U+FFFD). */
py::object utf8_str(std::string_view s, bool from_str) {
  PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()),
                                     from_str ? "surrogatepass" : "replace");
  if (!o) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(o);
}

/** A cached str for a library label (to_string results are static strings). */
py::object label(std::string_view s) {
  // A few dozen entries, keyed by the literal's address; the objects live for the process.
  static std::unordered_map<const char*, PyObject*> cache;
  PyObject*& o = cache[s.data()];
  if (!o) {
    o = PyUnicode_FromStringAndSize(s.data(), static_cast<Py_ssize_t>(s.size()));
    if (!o) {
      cache.erase(s.data());
      throw py::error_already_set();
    }
    PyUnicode_InternInPlace(&o);
  }
  return py::reinterpret_borrow<py::object>(o);
}

// ---------------------------------------------------------------------------------------
// Numbers

/**
 * THE decimal text of a number: exactly what the command-line tool prints for it
 * (zhscan_cli::json_decimal): the exact decimal in its shortest exact form (2.01万 ->
 * "20100", "12.5", "9007199254740993"), scientific beyond 40 digits ("1.5e60"); for an
 * inexact decimal (more than 19 significant digits, a quotient that does not terminate)
 * the double's shortest round-trip form; "null" for NaN and infinities. Metric.value_decimal
 * is Decimal(this), and `value` is what json.loads makes of it.
 */
std::string decimal_text(const zhscan::decimal& d) {
  std::string s;
  zhscan_cli::json_decimal(s, d);
  return s;
}

py::object decimal_type() {
  static PyObject* t = [] {
    py::object d = py::module_::import("decimal").attr("Decimal");
    return d.release().ptr();
  }();
  return py::reinterpret_borrow<py::object>(t);
}

/** decimal.Decimal of decimal_text(d), None for the CLI's null. */
py::object decimal_obj(const zhscan::decimal& d) {
  const std::string t = decimal_text(d);
  if (t == "null") return py::none();
  return decimal_type()(py::str(t));
}

/**
 * What json.loads makes of decimal_text(d): an int when the text is an integer (an exact
 * integral value up to 40 digits, or an inexact one whose double is an integer below
 * 2^53), else a float; None for null. Exact integers are built without text when they fit
 * 64 bits (the common case).
 */
py::object number_obj(const zhscan::decimal& d) {
  if (d.nan) return py::none();
  if (!d.inexact) {
    const zhscan::decimal n = d.normalized();
    if (n.significand == 0) return py::int_(0);
    if (n.exponent >= 0 && n.exponent < 20) {
      const std::uint64_t p = zhscan::detail::pow10_u64[n.exponent];
      if (n.significand <= (std::uint64_t{1} << 63) / p) {
        const std::uint64_t v = n.significand * p;  // <= 2^63
        if (!n.negative) return py::reinterpret_steal<py::object>(PyLong_FromUnsignedLongLong(v));
        if (v < (std::uint64_t{1} << 63)) return py::int_(-static_cast<long long>(v));
      }
    }
  }
  const std::string t = decimal_text(d);
  if (t == "null") return py::none();
  if (t.find_first_of(".eE") == std::string::npos) {
    PyObject* o = PyLong_FromString(t.c_str(), nullptr, 10);
    if (!o) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(o);
  }
  return py::float_(d.to_double());  // correctly rounded: float(t)
}

// ---------------------------------------------------------------------------------------
// Metrics

/**
 * One metric. `m` is the library's record: byte spans into the scanned UTF-8, and `unit`,
 * `per`, `per2` view the lexicon or the doc. `doc` is the input (source::doc): borrowed in a
 * scan's rows, owned (a reference) by a zhscan.Metric, like re.Match keeps its string. Text
 * attributes are read from it on access, so a Metric is one small allocation. For a
 * non-ASCII str the UTF-8 was a temporary: the text is str[start:end], the other spans are
 * taken from its UTF-8, and a numeric rate denominator (`per`, inside the metric's text) is
 * kept as its offset in it.
 */
struct metric_row {
  zhscan::metric m;
  std::size_t start = 0;  // m.span in the caller's units (code points for a str)
  std::size_t end = 0;
  PyObject* doc = nullptr;
  std::uint32_t per_at = 0, per_len = 0;  // per inside the text (wide str): bytes from span.start
  bool per_in_text = false;
  bool from_str = false;  // decode as a str input's bytes (surrogates kept), else U+FFFD
  // The change record (zhscan::find_changes). base_a/base_b and ind_a/ind_b locate the base
  // and indicator texts in the doc's units (code points of a non-ASCII str, else bytes of
  // doc_bytes); ind_start/ind_end are the indicator's offsets in the caller's units (the
  // same as ind_a/ind_b but for an unpickled Metric, whose doc is a new bytes object).
  zhscan::decimal delta;
  std::size_t base_a = 0, base_b = 0;      // a == b: no base
  std::size_t level = zhscan::npos;        // start offset of the level metric, or npos
  std::size_t ind_start = 0, ind_end = 0;  // indicator offsets, caller's units
  std::size_t ind_a = 0, ind_b = 0;        // indicator text in the doc
  bool has_change = false, has_indicator = false;
  // zhscan::base_quantity of the metric, computed while its `per` is valid; `base.unit`
  // views the library's static unit table, or the doc of an unpickled Metric
  zhscan::base_amount base{};
  zhscan::change_direction direction = zhscan::change_direction::flat;
  zhscan::change_measure measure = zhscan::change_measure::absolute;

  /** The UTF-8 of the metric's text (`tmp` holds it for a non-ASCII str). */
  std::string_view utf8(std::string& tmp) const {
    if (!wide_doc(doc)) return m.span.in(doc_bytes(doc));
    py::object sub = py::reinterpret_steal<py::object>(
        PyUnicode_Substring(doc, static_cast<Py_ssize_t>(start), static_cast<Py_ssize_t>(end)));
    if (!sub) throw py::error_already_set();
    PyObject* b = PyUnicode_AsEncodedString(sub.ptr(), "utf-8", "surrogatepass");
    if (!b) throw py::error_already_set();
    tmp.assign(PyBytes_AS_STRING(b), static_cast<std::size_t>(PyBytes_GET_SIZE(b)));
    Py_DECREF(b);
    return tmp;
  }
  /** The bytes of a span inside the metric's text. */
  std::string_view bytes(zhscan::byte_span sp, std::string& tmp) const {
    const std::string_view t = utf8(tmp);
    const std::size_t a = sp.start - m.span.start;
    return a <= t.size() ? t.substr(a, sp.size()) : std::string_view();
  }
  /** The full normalised unit (metric::append_unit). */
  std::string unit() const {
    std::string u, tmp;
    if (!per_in_text) {
      m.append_unit(u);
      return u;
    }
    zhscan::metric c = m;
    const std::string_view t = utf8(tmp);
    c.per = per_at <= t.size() ? t.substr(per_at, per_len) : std::string_view();
    c.append_unit(u);
    return u;
  }
};

/** A thread's reused vectors for metric_rows (no allocation once they have grown). */
struct metric_scratch {
  std::vector<zhscan::metric> metrics;
  std::vector<zhscan::marker> markers;
  std::vector<zhscan::section> sections;
  std::vector<zhscan::metric_change> changes;
  std::vector<std::size_t> pos, cps;  // byte offsets of the change spans, and in code points
};

/**
 * Appends the metrics of `text` (the scanned UTF-8 of `doc`) to `rows`, with their section
 * as `zhscan metrics` gives it (markers and outline of the same text, assign_sections).
 * The rows' `m.section`, like start and end, is in the caller's units.
 */
void metric_rows(std::string_view text, PyObject* doc, bool code_points, metric_scratch& sc,
                 std::vector<metric_row>& rows) {
  std::vector<zhscan::metric>& ms = sc.metrics;
  zhscan::find_metrics(text, ms);
  if (!ms.empty()) {  // no metric, no section to find
    zhscan::find_markers(text, sc.markers);
    zhscan::outline(text, sc.markers, sc.sections);
    zhscan::assign_sections(sc.markers, sc.sections, ms);
    zhscan::find_changes(text, ms, sc.changes);
  } else {
    sc.changes.clear();
  }
  // The change spans (bases, indicators) are not in text order: their offsets in the
  // caller's units are found in one sorted walk.
  sc.pos.clear();
  if (code_points) {
    for (const zhscan::metric_change& c : sc.changes) {
      if (c.has_change && !c.base.empty()) sc.pos.insert(sc.pos.end(), {c.base.start, c.base.end});
      if (!c.indicator.empty()) sc.pos.insert(sc.pos.end(), {c.indicator.start, c.indicator.end});
    }
    std::sort(sc.pos.begin(), sc.pos.end());
    sc.pos.erase(std::unique(sc.pos.begin(), sc.pos.end()), sc.pos.end());
    sc.cps.resize(sc.pos.size());
    offset_cursor pc(text, true);
    for (std::size_t k = 0; k < sc.pos.size(); ++k) sc.cps[k] = pc(sc.pos[k]);
  }
  const auto unit_of = [&](std::size_t b) {
    if (!code_points) return b;
    return sc.cps[static_cast<std::size_t>(std::lower_bound(sc.pos.begin(), sc.pos.end(), b) - sc.pos.begin())];
  };
  const std::size_t first = rows.size();
  offset_cursor off(text, code_points);
  offset_cursor sec_off(text, code_points);  // sections do not decrease either, but lag behind
  const bool wide = wide_doc(doc);
  rows.reserve(rows.size() + ms.size());
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const zhscan::metric& m = ms[i];
    const zhscan::metric_change& c = sc.changes[i];
    metric_row r;
    r.m = m;
    r.base = zhscan::base_quantity(m);
    if (c.has_change) {
      r.has_change = true;
      r.direction = c.direction;
      r.measure = c.measure;
      r.delta = c.delta_exact;
      if (!c.base.empty()) r.base_a = unit_of(c.base.start), r.base_b = unit_of(c.base.end);
      if (c.level != zhscan::npos && c.level < i) r.level = rows[first + c.level].start;
    }
    if (!c.indicator.empty()) {
      r.has_indicator = true;
      r.ind_start = r.ind_a = unit_of(c.indicator.start);
      r.ind_end = r.ind_b = unit_of(c.indicator.end);
    }
    r.start = off(m.span.start);
    r.end = off(m.span.end);
    if (m.section != zhscan::npos) r.m.section = sec_off(m.section);
    r.doc = doc;
    r.from_str = code_points;
    if (wide && !m.per.empty() && m.per.data() >= text.data() + m.span.start &&
        m.per.data() + m.per.size() <= text.data() + m.span.end) {
      r.per_in_text = true;
      r.per_at = static_cast<std::uint32_t>(m.per.data() - (text.data() + m.span.start));
      r.per_len = static_cast<std::uint32_t>(m.per.size());
      r.m.per = {};
    }
    rows.push_back(r);
  }
}

py::object span_str(const metric_row& r, zhscan::byte_span sp) {
  std::string tmp;
  return utf8_str(r.bytes(sp, tmp), r.from_str);
}

py::object text_str(const metric_row& r) {
  if (wide_doc(r.doc)) {
    PyObject* o = PyUnicode_Substring(r.doc, static_cast<Py_ssize_t>(r.start), static_cast<Py_ssize_t>(r.end));
    if (!o) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(o);
  }
  return utf8_str(r.m.span.in(doc_bytes(r.doc)), r.from_str);
}

/** The text at [a, b) of the doc, in its units (see metric_row::base_a). */
py::object doc_text(const metric_row& r, std::size_t a, std::size_t b) {
  if (wide_doc(r.doc)) {
    PyObject* o = PyUnicode_Substring(r.doc, static_cast<Py_ssize_t>(a), static_cast<Py_ssize_t>(b));
    if (!o) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(o);
  }
  const std::string_view d = doc_bytes(r.doc);
  return utf8_str(a <= b && b <= d.size() ? d.substr(a, b - a) : std::string_view(), r.from_str);
}

/** The UTF-8 bytes at [a, b) of the doc, in its units (a str's surrogates as 3 bytes). */
std::string doc_utf8(const metric_row& r, std::size_t a, std::size_t b) {
  if (wide_doc(r.doc)) {
    py::object sub = doc_text(r, a, b);
    PyObject* o = PyUnicode_AsEncodedString(sub.ptr(), "utf-8", "surrogatepass");
    if (!o) throw py::error_already_set();
    std::string s(PyBytes_AS_STRING(o), static_cast<std::size_t>(PyBytes_GET_SIZE(o)));
    Py_DECREF(o);
    return s;
  }
  const std::string_view d = doc_bytes(r.doc);
  return std::string(a <= b && b <= d.size() ? d.substr(a, b - a) : std::string_view());
}

/** `zhscan metrics`'s "change": {"direction","measure","delta","base","level"} or None. */
py::object change_obj(const metric_row& r) {
  if (!r.has_change) return py::none();
  py::dict d;
  d["direction"] = label(zhscan::to_string(r.direction));
  d["measure"] = label(zhscan::to_string(r.measure));
  d["delta"] = number_obj(r.delta);
  d["base"] = r.base_a == r.base_b ? py::object(py::none()) : doc_text(r, r.base_a, r.base_b);
  d["level"] = r.level == zhscan::npos ? py::object(py::none()) : py::object(py::int_(r.level));
  return std::move(d);
}

/** `zhscan metrics`'s "indicator": {"start","end","text"} or None. */
py::object indicator_obj(const metric_row& r) {
  if (!r.has_indicator) return py::none();
  py::dict d;
  d["start"] = py::int_(r.ind_start);
  d["end"] = py::int_(r.ind_end);
  d["text"] = doc_text(r, r.ind_a, r.ind_b);
  return std::move(d);
}

/** `zhscan metrics`'s "terms": every term of a ratio (metric::ratio_terms on its number), or None. */
py::object terms_obj(const metric_row& r) {
  if (r.m.shape != zhscan::metric_shape::ratio) return py::none();
  std::string tmp;
  const std::string_view s = r.bytes(r.m.number, tmp);
  zhscan::metric t = r.m;  // the number alone is the text ratio_terms reads
  t.number = {0, s.size()};
  zhscan::decimal d[16];
  const std::size_t n = std::min<std::size_t>(t.ratio_terms(s, d, 16), 16);
  py::tuple out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = number_obj(d[i]);
  return std::move(out);
}

using metric_getter = py::object (*)(const metric_row&);

/** A field of zhscan.Metric: attribute name, value, docstring. */
struct metric_field {
  const char* name;
  metric_getter get;
  const char* doc;
};

py::object opt_str(std::string_view s, bool from_str) {
  return s.empty() ? py::object(py::none()) : utf8_str(s, from_str);
}

// The command-line tool's metric fields, in its order. ONE LINE PER FIELD: a new field of
// zhscan::metric becomes an attribute, a to_dict() entry and a metrics_frame() column here
// (give it a dtype in zhscan/__init__.py's _FRAME_DTYPES and a line in __init__.pyi).
const metric_field metric_fields[] = {
    {"start", [](const metric_row& r) -> py::object { return py::int_(r.start); }, "start offset (code points for str input, bytes otherwise)"},
    {"end", [](const metric_row& r) -> py::object { return py::int_(r.end); }, "end offset, exclusive"},
    {"text", [](const metric_row& r) { return text_str(r); }, "the metric as written: hedge words, number, unit"},
    {"value", [](const metric_row& r) { return number_obj(r.m.value_exact()); }, "normalised value, exact: int when integral, else float; None for a range or a ratio"},
    {"low", [](const metric_row& r) { return number_obj(r.m.low_exact()); }, "low end of a range, else None"},
    {"high", [](const metric_row& r) { return number_obj(r.m.high_exact()); }, "high end of a range, else None"},
    {"ratio", [](const metric_row& r) -> py::object { return r.m.shape == zhscan::metric_shape::ratio ? py::object(py::make_tuple(number_obj(r.m.ratio_a_exact()), number_obj(r.m.ratio_b_exact()))) : py::none(); }, "(a, b) for a ratio a:b, else None"},
    {"approx", [](const metric_row& r) { return r.m.approx == zhscan::approximation::none ? py::object(py::none()) : label(zhscan::to_string(r.m.approx)); }, "approximation ('about', 'more_than', ...) or None"},
    {"unit", [](const metric_row& r) { return opt_str(r.unit(), true); }, "normalised unit (with a rate's '/' denominator) or None"},
    {"unit_text", [](const metric_row& r) { return r.m.unit_text.empty() ? py::object(py::none()) : span_str(r, r.m.unit_text); }, "the unit as written, or None"},
    {"category", [](const metric_row& r) { return label(zhscan::to_string(r.m.category)); }, "unit category ('currency', 'percent', ...)"},
    {"numeral", [](const metric_row& r) { return label(zhscan::to_string(r.m.numeral)); }, "'arabic', 'han' or 'mixed'"},
    {"number", [](const metric_row& r) { return span_str(r, r.m.number); }, "the number as written"},
    {"change_from", [](const metric_row& r) -> py::object { return r.m.change_from == zhscan::npos ? py::none() : py::object(py::int_(r.m.change_from)); }, "index (in the same result) of the metric this one changes from, or None"},
    {"base_value", [](const metric_row& r) { return number_obj(r.base.value); }, "the value in its base unit (base_unit), exact like value: int when integral, else float; None when there is no base unit or no value"},
    {"base_low", [](const metric_row& r) { return number_obj(r.base.low); }, "low end of a range in its base unit, else None"},
    {"base_high", [](const metric_row& r) { return number_obj(r.base.high); }, "high end of a range in its base unit, else None"},
    {"base_unit", [](const metric_row& r) { return opt_str(r.base.unit, true); }, "base unit ('m', 'kg', 'CNY', '%', ... see zhscan/base_unit.hpp) or None (ratios, most rates, units without a fixed base)"},
    {"section", [](const metric_row& r) -> py::object { return r.m.section == zhscan::npos ? py::none() : py::object(py::int_(r.m.section)); }, "start offset of the marker of the innermost outline section holding the metric (see outline()), None before the first marker"},
    {"change", [](const metric_row& r) { return change_obj(r); }, "the change this metric states (zhscan/change.hpp), or None: {'direction': 'up'|'down'|'flat', 'measure': 'percent'|'pp'|'absolute'|'times', 'delta': signed exact int or float (None for a range), 'base': the comparison base as written or None, 'level': start offset of the level metric it qualifies or None}"},
    {"indicator", [](const metric_row& r) { return indicator_obj(r); }, "the words naming what is measured, or None: {'start', 'end', 'text'}"},
    {"terms", [](const metric_row& r) { return terms_obj(r); }, "every term of a ratio (a, b, c, ...: 8.3:41.4:50.3 has three), else None"},
};

py::dict metric_to_dict(const metric_row& r) {
  py::dict d;
  for (const metric_field& f : metric_fields) d[f.name] = f.get(r);
  return d;
}

/** A decimal as a tuple (significand, exponent, negative, nan, inexact), for pickling. */
py::tuple decimal_state(const zhscan::decimal& d) {
  return py::make_tuple(d.significand, d.exponent, d.negative, d.nan, d.inexact);
}

zhscan::decimal decimal_from_state(py::handle h) {
  const auto t = h.cast<py::tuple>();
  if (t.size() != 5) throw py::value_error("zhscan.Metric: bad pickle state");
  zhscan::decimal d;
  d.significand = t[0].cast<std::uint64_t>();
  d.exponent = t[1].cast<std::int32_t>();
  if (d.exponent > zhscan::decimal::max_exponent || d.exponent < -zhscan::decimal::max_exponent)
    throw py::value_error("zhscan.Metric: bad pickle state");
  d.negative = t[2].cast<bool>();
  d.nan = t[3].cast<bool>();
  d.inexact = t[4].cast<bool>();
  return d;
}

/**
 * Pickle state: the record with its spans relative to the metric's text, the exact values,
 * the text's bytes and the full unit. Unpickled, the doc is those bytes (text, then unit).
 */
py::tuple metric_state(const metric_row& r) {
  const zhscan::metric& m = r.m;
  std::string tmp;
  const std::size_t o = m.span.start;
  return py::make_tuple(
      py::make_tuple(m.number.start - o, m.number.end - o, m.unit_text.start - o, m.unit_text.end - o),
      py::make_tuple(decimal_state(m.exact_a), decimal_state(m.exact_b)),
      py::make_tuple(static_cast<int>(m.shape), static_cast<int>(m.approx),
                     static_cast<int>(m.category), static_cast<int>(m.numeral)),
      m.change_from == zhscan::npos ? py::object(py::none()) : py::object(py::int_(m.change_from)),
      py::make_tuple(r.start, r.end), py::bytes(std::string(r.utf8(tmp))), py::bytes(r.unit()),
      r.from_str, m.section == zhscan::npos ? py::object(py::none()) : py::object(py::int_(m.section)),
      py::make_tuple(r.has_change, static_cast<int>(r.direction), static_cast<int>(r.measure),
                     decimal_state(r.delta),
                     py::bytes(doc_utf8(r, r.base_a, r.base_b)),
                     r.level == zhscan::npos ? py::object(py::none()) : py::object(py::int_(r.level)),
                     r.has_indicator, r.ind_start, r.ind_end,
                     py::bytes(r.has_indicator ? doc_utf8(r, r.ind_a, r.ind_b) : std::string())),
      py::make_tuple(decimal_state(r.base.value), decimal_state(r.base.low), decimal_state(r.base.high),
                     py::bytes(std::string(r.base.unit))));
}

/** A row from metric_state; its doc is a new reference (the caller owns it). */
metric_row metric_from_state(const py::tuple& t) {
  if (t.size() != 11) throw py::value_error("zhscan.Metric: bad pickle state");
  metric_row r;
  zhscan::metric& m = r.m;
  const std::string text = t[5].cast<std::string>(), unit = t[6].cast<std::string>();
  const auto sp = t[0].cast<py::tuple>();
  const auto in_text = [&](std::size_t v) {
    if (v > text.size()) throw py::value_error("zhscan.Metric: bad pickle state");
    return v;
  };
  m.span = {0, text.size()};
  m.number = {in_text(sp[0].cast<std::size_t>()), in_text(sp[1].cast<std::size_t>())};
  m.unit_text = {in_text(sp[2].cast<std::size_t>()), in_text(sp[3].cast<std::size_t>())};
  const auto v = t[1].cast<py::tuple>();
  if (v.size() != 2) throw py::value_error("zhscan.Metric: bad pickle state");
  m.exact_a = decimal_from_state(v[0]);
  m.exact_b = decimal_from_state(v[1]);
  const auto e = t[2].cast<py::tuple>();
  m.shape = static_cast<zhscan::metric_shape>(e[0].cast<int>());
  m.approx = static_cast<zhscan::approximation>(e[1].cast<int>());
  m.category = static_cast<zhscan::unit_category>(e[2].cast<int>());
  m.numeral = static_cast<zhscan::numeral_form>(e[3].cast<int>());
  // the doubles are the exact values' to_double() (metric.hpp)
  const double a = m.exact_a.to_double(), b = m.exact_b.to_double();
  if (m.shape == zhscan::metric_shape::value) m.value = a;
  if (m.shape == zhscan::metric_shape::range) m.low = a, m.high = b;
  if (m.shape == zhscan::metric_shape::ratio) m.ratio_a = a, m.ratio_b = b;
  m.change_from = t[3].is_none() ? zhscan::npos : t[3].cast<std::size_t>();
  const auto o = t[4].cast<py::tuple>();
  r.start = o[0].cast<std::size_t>();
  r.end = o[1].cast<std::size_t>();
  r.from_str = t[7].cast<bool>();
  m.section = t[8].is_none() ? zhscan::npos : t[8].cast<std::size_t>();
  // the change record; its base and indicator texts follow the text and the unit in the doc
  const auto c = t[9].cast<py::tuple>();
  if (c.size() != 10) throw py::value_error("zhscan.Metric: bad pickle state");
  r.has_change = c[0].cast<bool>();
  const int dir = c[1].cast<int>(), mea = c[2].cast<int>();
  if (dir < 0 || dir > 2 || mea < 0 || mea > 3) throw py::value_error("zhscan.Metric: bad pickle state");
  r.direction = static_cast<zhscan::change_direction>(dir);
  r.measure = static_cast<zhscan::change_measure>(mea);
  r.delta = decimal_from_state(c[3]);
  const std::string base = c[4].cast<std::string>(), ind = c[9].cast<std::string>();
  r.level = c[5].is_none() ? zhscan::npos : c[5].cast<std::size_t>();
  r.has_indicator = c[6].cast<bool>();
  r.ind_start = c[7].cast<std::size_t>();
  r.ind_end = c[8].cast<std::size_t>();
  r.base_a = text.size() + unit.size();
  r.base_b = r.base_a + base.size();
  r.ind_a = r.base_b;
  r.ind_b = r.ind_a + ind.size();
  // the base amount; its unit follows the indicator in the doc
  const auto ba = t[10].cast<py::tuple>();
  if (ba.size() != 4) throw py::value_error("zhscan.Metric: bad pickle state");
  r.base.value = decimal_from_state(ba[0]);
  r.base.low = decimal_from_state(ba[1]);
  r.base.high = decimal_from_state(ba[2]);
  const std::string base_unit = ba[3].cast<std::string>();
  py::bytes doc(text + unit + base + ind + base_unit);
  const char* d = PyBytes_AS_STRING(doc.ptr());
  m.unit = std::string_view(d + text.size(), unit.size());
  r.base.unit = std::string_view(d + r.ind_b, base_unit.size());
  m.per = m.per2 = {};
  r.doc = doc.release().ptr();
  return r;
}

// zhscan.Metric is a plain CPython type holding a metric_row inline: creating one is an
// allocation and a move (the batch's results are built while the GIL is held, so this is
// the serial part of metrics_batch). Its attributes are the getters of metric_fields.
struct metric_object {
  PyObject_HEAD
  metric_row row;
};

PyTypeObject* metric_type = nullptr;

/** A Metric for `r`, taking a new reference to its doc (`owned`: the row's is handed over). */
PyObject* new_metric(const metric_row& r, bool owned = false) {
  metric_object* o = PyObject_New(metric_object, metric_type);
  if (!o) {
    if (owned) Py_DECREF(r.doc);
    throw py::error_already_set();
  }
  new (&o->row) metric_row(r);
  if (!owned) Py_INCREF(r.doc);
  return reinterpret_cast<PyObject*>(o);
}

const metric_row& row_of(PyObject* self) { return reinterpret_cast<metric_object*>(self)->row; }

void metric_dealloc(PyObject* self) {
  PyTypeObject* tp = Py_TYPE(self);
  Py_XDECREF(reinterpret_cast<metric_object*>(self)->row.doc);
  reinterpret_cast<metric_object*>(self)->row.~metric_row();
  PyObject_Free(self);
  Py_DECREF(tp);
}

/** Runs `f`, turning a C++ exception into a Python one (returns nullptr then). */
template <class F>
PyObject* guarded(F f) noexcept {
  try {
    return f();
  } catch (py::error_already_set& e) {
    e.restore();
  } catch (py::builtin_exception& e) {
    e.set_error();
  } catch (std::exception& e) {
    PyErr_SetString(PyExc_RuntimeError, e.what());
  } catch (...) {
    PyErr_SetString(PyExc_RuntimeError, "zhscan: unknown C++ error");
  }
  return nullptr;
}

PyObject* metric_get(PyObject* self, void* field) {
  return guarded([&] { return static_cast<const metric_field*>(field)->get(row_of(self)).release().ptr(); });
}

PyObject* metric_new(PyTypeObject*, PyObject* args, PyObject* kwds) {
  return guarded([&] {
    PyObject* state = nullptr;
    if ((kwds && PyDict_Size(kwds) != 0) || !PyArg_ParseTuple(args, "O!:Metric", &PyTuple_Type, &state)) {
      if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "Metric() takes no keyword arguments");
      throw py::error_already_set();
    }
    return new_metric(metric_from_state(py::reinterpret_borrow<py::tuple>(state)), true);
  });
}

PyObject* metric_reduce(PyObject* self, PyObject*) {
  return guarded([&] {
    return py::make_tuple(py::reinterpret_borrow<py::object>(reinterpret_cast<PyObject*>(Py_TYPE(self))),
                          py::make_tuple(metric_state(row_of(self))))
        .release()
        .ptr();
  });
}

PyObject* metric_to_dict_method(PyObject* self, PyObject*) {
  return guarded([&] { return metric_to_dict(row_of(self)).release().ptr(); });
}

PyObject* metric_richcompare(PyObject* a, PyObject* b, int op) {
  if ((op != Py_EQ && op != Py_NE) || Py_TYPE(a) != metric_type || Py_TYPE(b) != metric_type)
    Py_RETURN_NOTIMPLEMENTED;
  return guarded([&] {
    const bool eq = metric_to_dict(row_of(a)).equal(metric_to_dict(row_of(b)));
    return py::bool_(op == Py_EQ ? eq : !eq).release().ptr();
  });
}

PyObject* metric_repr(PyObject* self) {
  return guarded([&] {
    std::string s = "Metric(";
    bool first = true;
    for (const metric_field& f : metric_fields) {
      if (!first) s += ", ";
      first = false;
      s += f.name;
      s += '=';
      s += py::repr(f.get(row_of(self))).cast<std::string>();
    }
    s += ')';
    return py::str(s).release().ptr();
  });
}

/** Extra attributes (not fields of the CLI): the exact decimal forms. */
const metric_field metric_extras[] = {
    {"value_decimal", [](const metric_row& r) { return decimal_obj(r.m.value_exact()); }, "value as an exact decimal.Decimal (None when value is None)"},
    {"low_decimal", [](const metric_row& r) { return decimal_obj(r.m.low_exact()); }, "low as an exact decimal.Decimal, or None"},
    {"high_decimal", [](const metric_row& r) { return decimal_obj(r.m.high_exact()); }, "high as an exact decimal.Decimal, or None"},
    {"ratio_decimal", [](const metric_row& r) -> py::object { return r.m.shape == zhscan::metric_shape::ratio ? py::object(py::make_tuple(decimal_obj(r.m.ratio_a_exact()), decimal_obj(r.m.ratio_b_exact()))) : py::none(); }, "(a, b) of a ratio as exact decimal.Decimal, or None"},
    {"change_delta_decimal", [](const metric_row& r) -> py::object { return r.has_change ? decimal_obj(r.delta) : py::none(); }, "change['delta'] as an exact decimal.Decimal, or None"},
    {"base_value_decimal", [](const metric_row& r) { return decimal_obj(r.base.value); }, "base_value as an exact decimal.Decimal, or None"},
    {"base_low_decimal", [](const metric_row& r) { return decimal_obj(r.base.low); }, "base_low as an exact decimal.Decimal, or None"},
    {"base_high_decimal", [](const metric_row& r) { return decimal_obj(r.base.high); }, "base_high as an exact decimal.Decimal, or None"},
};

PyTypeObject* make_metric_type() {
  static std::vector<PyGetSetDef> getset;
  for (const metric_field* fs : {metric_fields, metric_extras}) {
    const std::size_t n = fs == metric_fields ? sizeof metric_fields / sizeof metric_fields[0]
                                              : sizeof metric_extras / sizeof metric_extras[0];
    for (std::size_t i = 0; i < n; ++i)
      getset.push_back({fs[i].name, &metric_get, nullptr, fs[i].doc,
                        const_cast<void*>(static_cast<const void*>(&fs[i]))});
  }
  getset.push_back({nullptr, nullptr, nullptr, nullptr, nullptr});
  static PyMethodDef methods[] = {
      {"to_dict", &metric_to_dict_method, METH_NOARGS, "The fields as a dict, in `zhscan metrics`'s order."},
      {"__reduce__", &metric_reduce, METH_NOARGS, "Pickle support."},
      {nullptr, nullptr, 0, nullptr}};
  static PyType_Slot slots[] = {
      {Py_tp_dealloc, reinterpret_cast<void*>(&metric_dealloc)},
      {Py_tp_getset, getset.data()},
      {Py_tp_methods, methods},
      {Py_tp_new, reinterpret_cast<void*>(&metric_new)},
      {Py_tp_repr, reinterpret_cast<void*>(&metric_repr)},
      {Py_tp_richcompare, reinterpret_cast<void*>(&metric_richcompare)},
      {Py_tp_doc, const_cast<char*>(
                      "One quantity found by zhscan.metrics. The attributes are `zhscan metrics`'s JSON\n"
                      "fields (None for null), in _fields, with its values (numbers exact: int when\n"
                      "integral); value_decimal, low_decimal, high_decimal, ratio_decimal,\n"
                      "change_delta_decimal, base_value_decimal, base_low_decimal, base_high_decimal give the numbers as exact decimal.Decimal; to_dict() the fields as a dict. Picklable.")},
      {0, nullptr}};
  static PyType_Spec spec = {"zhscan.Metric", static_cast<int>(sizeof(metric_object)), 0,
                             Py_TPFLAGS_DEFAULT, slots};
  PyObject* t = PyType_FromSpec(&spec);
  if (!t) throw py::error_already_set();
  return reinterpret_cast<PyTypeObject*>(t);
}

py::list metric_list(std::vector<metric_row>& rows) {
  py::list out(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i)
    PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), new_metric(rows[i]));
  return out;
}

/** zhscan.metrics(text) */
py::list metrics_one(py::handle text) {
  source s = make_source(text, "metrics");
  make_doc(s);
  // Reused by the calls of one thread: no allocation (nor page faults) once they have grown.
  thread_local metric_scratch ms;
  thread_local std::vector<metric_row> rows;
  thread_local std::string scratch;
  rows.clear();
  {
    py::gil_scoped_release nogil;
    metric_rows(utf8_of(s, scratch), s.doc.ptr(), s.code_points(), ms, rows);
  }
  if (scratch.size() > (std::size_t{1} << 24)) std::string().swap(scratch);  // keep <= 16 MB
  py::list out = metric_list(rows);
  rows.clear();
  return out;
}

/**
 * Scans `docs` on `threads` C++ threads in all, the calling one included (GIL released
 * while it scans), and hands each document's rows, in input order, to `consume(index,
 * rows)` on the calling thread with the GIL held, as soon as it and its predecessors are
 * done: the Python objects of document i are built while the other threads scan on.
 */
template <class Consume>
void scan_batch(std::vector<source>& docs, unsigned threads, Consume consume) {
  const std::size_t n = docs.size();
  if (n == 0) return;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, n));

  std::vector<std::vector<metric_row>> results(n);
  std::unique_ptr<std::atomic<bool>[]> done(new std::atomic<bool>[n]);
  for (std::size_t i = 0; i < n; ++i) done[i].store(false);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::condition_variable cv;
  std::exception_ptr error;

  // Claims the next unscanned document and scans it; false when none is left.
  auto scan_next = [&](std::string& scratch, metric_scratch& ms) {
    const std::size_t i = next.fetch_add(1);
    if (i >= n || stop.load()) return false;
    try {
      metric_rows(utf8_of(docs[i], scratch), docs[i].doc.ptr(), docs[i].code_points(), ms, results[i]);
    } catch (...) {
      std::lock_guard<std::mutex> lock(mu);
      if (!error) error = std::current_exception();
      stop.store(true);
    }
    {
      std::lock_guard<std::mutex> lock(mu);
      done[i].store(true);
    }
    cv.notify_all();
    return true;
  };
  auto worker = [&] {
    std::string scratch;
    metric_scratch ms;
    while (scan_next(scratch, ms)) {
    }
  };

  struct joiner {  // joins the workers on every exit path (they never touch Python)
    std::vector<std::thread> pool;
    std::atomic<bool>& stop;
    ~joiner() {
      stop.store(true);
      for (std::thread& t : pool) t.join();
    }
  } join{{}, stop};
  for (unsigned t = 1; t < threads; ++t) join.pool.emplace_back(worker);

  std::string scratch;
  metric_scratch ms;
  for (std::size_t i = 0; i < n; ++i) {
    if (!done[i].load()) {
      py::gil_scoped_release nogil;
      // Scan documents ahead rather than wait; wait only when every one is claimed.
      while (!done[i].load() && scan_next(scratch, ms)) {
      }
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return done[i].load() || error != nullptr; });
    }
    {
      std::lock_guard<std::mutex> lock(mu);
      if (error) std::rethrow_exception(error);
    }
    consume(i, results[i]);
    std::vector<metric_row>().swap(results[i]);
  }
}

std::vector<source> sources_of(py::handle texts, const char* what) {
  if (PyUnicode_Check(texts.ptr()) || PyBytes_Check(texts.ptr()))
    throw py::type_error(std::string(what) + "() takes a sequence of texts, not a single " +
                         type_name(texts.ptr()) + " (use metrics() for one text)");
  std::vector<source> docs;
  py::iterator it;
  try {
    it = py::iter(texts);
  } catch (py::error_already_set&) {
    throw py::type_error(std::string(what) + "() takes an iterable of str, bytes or memoryview, not " +
                         type_name(texts.ptr()));
  }
  for (py::handle t : it) {
    try {
      docs.push_back(make_source(t, what));
      make_doc(docs.back());
    } catch (py::type_error&) {
      throw py::type_error(std::string(what) + "(): item " + std::to_string(docs.size()) +
                           " has type " + type_name(t.ptr()) + ", not str, bytes or memoryview");
    }
  }
  return docs;
}

unsigned thread_count(int threads, const char* what) {
  if (threads < 0) throw py::value_error(std::string(what) + "(): threads must be >= 0 (0 = all cores)");
  return static_cast<unsigned>(threads);
}

/** zhscan.metrics_batch(texts, threads=0) */
py::list metrics_batch(py::handle texts, int threads) {
  std::vector<source> docs = sources_of(texts, "metrics_batch");
  py::list out(docs.size());
  scan_batch(docs, thread_count(threads, "metrics_batch"),
             [&](std::size_t i, std::vector<metric_row>& rows) {
               PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), metric_list(rows).release().ptr());
             });
  return out;
}

/** Columns for zhscan.metrics_frame: {"doc": [...], field: [...], ...}. */
py::dict metric_columns(py::handle texts, int threads) {
  std::vector<source> docs = sources_of(texts, "metrics_frame");
  constexpr std::size_t nf = sizeof metric_fields / sizeof metric_fields[0];
  std::vector<py::list> cols(nf);
  py::list doc;
  scan_batch(docs, thread_count(threads, "metrics_frame"),
             [&](std::size_t i, std::vector<metric_row>& rows) {
               py::int_ di(i);
               for (const metric_row& r : rows) {
                 doc.append(di);
                 for (std::size_t f = 0; f < nf; ++f) cols[f].append(metric_fields[f].get(r));
               }
             });
  py::dict out;
  out["doc"] = doc;
  for (std::size_t f = 0; f < nf; ++f) out[metric_fields[f].name] = cols[f];
  return out;
}

// ---------------------------------------------------------------------------------------
// Tokens, markers, outline: tuples, wrapped into NamedTuples by zhscan/__init__.py.

/** Runs `scan(utf8, offsets)` with the GIL released and returns its result. */
template <class Scan>
auto with_text(py::handle text, const char* what, Scan scan) {
  source s = make_source(text, what);
  std::string scratch;
  py::gil_scoped_release nogil;
  const std::string_view t = utf8_of(s, scratch);
  return scan(t, s.code_points());
}

/** [(start, end, kind), ...] */
py::list tokens_tuples(py::handle text) {
  zhscan::token_columns cols;
  std::vector<std::size_t> off;
  bool cp = false;
  with_text(text, "tokens", [&](std::string_view t, bool code_points) {
    zhscan::tokenize(t, cols);
    offset_cursor c(t, code_points);
    off.resize(cols.size() + 1);
    for (std::size_t i = 0; i <= cols.size(); ++i) off[i] = c(cols.offsets()[i]);
    cp = code_points;
    return 0;
  });
  (void)cp;
  py::list out(cols.size());
  for (std::size_t i = 0; i < cols.size(); ++i)
    PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i),
                    py::make_tuple(off[i], off[i + 1], label(zhscan::to_string(cols.kinds()[i])))
                        .release()
                        .ptr());
  return out;
}

struct marker_out {
  zhscan::marker m;
  std::size_t start, end;
  std::string text;
};

/** [(start, end, text, style, ordinal, level, parent_start or None), ...] */
py::list markers_tuples(py::handle text) {
  std::vector<marker_out> ms;
  bool from_str = false;
  with_text(text, "markers", [&](std::string_view t, bool code_points) {
    std::vector<zhscan::marker> found;
    zhscan::find_markers(t, found);
    offset_cursor c(t, code_points);
    ms.reserve(found.size());
    for (const zhscan::marker& m : found) {
      const std::string_view s = m.span.in(t);
      ms.push_back({m, c(m.span.start), c(m.span.end), std::string(s)});
    }
    from_str = code_points;
    return 0;
  });
  py::list out(ms.size());
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const marker_out& m = ms[i];
    py::object parent = m.m.parent == zhscan::npos || m.m.parent >= ms.size()
                            ? py::object(py::none())
                            : py::object(py::int_(ms[m.m.parent].start));
    PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i),
                    py::make_tuple(m.start, m.end, utf8_str(m.text, from_str),
                                   label(zhscan::to_string(m.m.style)), m.m.ordinal, m.m.level,
                                   parent)
                        .release()
                        .ptr());
  }
  return out;
}

/** Byte offsets -> code points for offsets asked in any order: sort once, walk once. */
class offset_table {
 public:
  void add(std::size_t b) { bytes_.push_back(b); }
  void build(std::string_view text, bool code_points) {
    std::sort(bytes_.begin(), bytes_.end());
    bytes_.erase(std::unique(bytes_.begin(), bytes_.end()), bytes_.end());
    offset_cursor c(text, code_points);
    cps_.resize(bytes_.size());
    for (std::size_t i = 0; i < bytes_.size(); ++i) cps_[i] = c(bytes_[i]);
  }
  std::size_t operator()(std::size_t b) const {
    return cps_[static_cast<std::size_t>(std::lower_bound(bytes_.begin(), bytes_.end(), b) - bytes_.begin())];
  }

 private:
  std::vector<std::size_t> bytes_, cps_;
};

/**
 * (length, [(index, parent, level, (start, end, text, style, ordinal),
 *            (start, end, text), (start, end), (children...)), ...])
 */
py::tuple outline_tuples(py::handle text) {
  std::vector<zhscan::marker> ms;
  std::vector<zhscan::section> secs;
  std::vector<std::string> marker_text, heading_text;
  offset_table off;
  std::size_t length = 0;
  bool from_str = false;
  with_text(text, "outline", [&](std::string_view t, bool code_points) {
    zhscan::find_markers(t, ms);
    zhscan::outline(t, ms, secs);
    for (const zhscan::section& s : secs) {
      const zhscan::marker& m = ms[s.marker];
      off.add(m.span.start);
      off.add(m.span.end);
      off.add(s.heading.start);
      off.add(s.heading.end);
      off.add(s.body.start);
      off.add(s.body.end);
      marker_text.emplace_back(m.span.in(t));
      heading_text.emplace_back(s.heading.in(t));
    }
    off.add(t.size());
    off.build(t, code_points);
    length = off(t.size());
    from_str = code_points;
    return 0;
  });
  std::vector<std::vector<std::size_t>> children(secs.size());
  for (std::size_t i = 0; i < secs.size(); ++i)
    if (secs[i].parent != zhscan::npos && secs[i].parent < secs.size()) children[secs[i].parent].push_back(i);
  py::list out(secs.size());
  for (std::size_t i = 0; i < secs.size(); ++i) {
    const zhscan::section& s = secs[i];
    const zhscan::marker& m = ms[s.marker];
    py::tuple kids(children[i].size());
    for (std::size_t k = 0; k < children[i].size(); ++k)
      PyTuple_SET_ITEM(kids.ptr(), static_cast<Py_ssize_t>(k), py::int_(children[i][k]).release().ptr());
    py::object parent = s.parent == zhscan::npos ? py::object(py::none()) : py::object(py::int_(s.parent));
    PyList_SET_ITEM(
        out.ptr(), static_cast<Py_ssize_t>(i),
        py::make_tuple(i, parent, s.level,
                       py::make_tuple(off(m.span.start), off(m.span.end),
                                      utf8_str(marker_text[i], from_str),
                                      label(zhscan::to_string(m.style)), m.ordinal),
                       py::make_tuple(off(s.heading.start), off(s.heading.end),
                                      utf8_str(heading_text[i], from_str)),
                       py::make_tuple(off(s.body.start), off(s.body.end)), kids)
            .release()
            .ptr());
  }
  return py::make_tuple(length, out);
}

// ---------------------------------------------------------------------------------------
// Chunks: `zhscan chunks` (examples/cli_chunks.hpp), tuples wrapped by zhscan/__init__.py.

/**
 * The str of [a, b) of the scanned text, offsets given in both units: a slice of a str
 * input (never fails, whatever the offsets), else the bytes decoded with U+FFFD.
 */
py::object slice_str(const source& s, std::string_view t, std::size_t a, std::size_t b,
                     std::size_t ca, std::size_t cb) {
  if (s.code_points()) {
    PyObject* o = PyUnicode_Substring(s.obj.ptr(), static_cast<Py_ssize_t>(ca), static_cast<Py_ssize_t>(cb));
    if (!o) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(o);
  }
  return utf8_str(t.substr(a, b - a), false);
}

/** [(start, end, section start or None, [heading label, ...], text), ...] */
py::list chunks_tuples(py::handle text, long long max_bytes) {
  if (max_bytes < 0) throw py::value_error("chunks(): max_bytes must be >= 0");
  source s = make_source(text, "chunks");
  std::string scratch;
  std::vector<zhscan::marker> ms;
  std::vector<zhscan::section> secs;
  std::vector<zhscan::chunk> cs;
  offset_table off;
  std::string_view t;
  {
    py::gil_scoped_release nogil;
    t = utf8_of(s, scratch);
    zhscan::find_markers(t, ms);
    zhscan::outline(t, ms, secs);
    zhscan::find_chunks(t, ms, secs, static_cast<std::size_t>(max_bytes), cs);
    if (s.code_points()) {
      for (const zhscan::chunk& c : cs) {
        off.add(c.span.start);
        off.add(c.span.end);
      }
      for (std::size_t i = 0; i < secs.size(); ++i) {  // section starts and heading labels
        const zhscan::byte_span h = zhscan::heading_label(ms, secs, i);
        off.add(h.start);
        off.add(h.end);
      }
    }
    off.build(t, s.code_points());
  }
  const auto cp = [&](std::size_t b) { return s.code_points() ? off(b) : b; };
  // Each section's heading label, built once; a chunk's path is a new list of them.
  std::vector<py::object> labels(secs.size());
  const auto label_of = [&](std::size_t i) -> py::object {
    if (!labels[i]) {
      const zhscan::byte_span h = zhscan::heading_label(ms, secs, i);
      labels[i] = slice_str(s, t, h.start, h.end, cp(h.start), cp(h.end));
    }
    return labels[i];
  };
  std::vector<zhscan::byte_span> spans;
  std::vector<std::size_t> path_secs;
  py::list out(cs.size());
  for (std::size_t k = 0; k < cs.size(); ++k) {
    const zhscan::chunk& c = cs[k];
    // the path: section c.section and its ancestors, top down (heading_path's walk)
    path_secs.clear();
    for (std::size_t i = c.section, prev = zhscan::npos; i < secs.size() && i < prev; i = secs[i].parent) {
      path_secs.push_back(i);
      prev = i;
    }
    py::list path(path_secs.size());
    for (std::size_t j = 0; j < path_secs.size(); ++j)
      PyList_SET_ITEM(path.ptr(), static_cast<Py_ssize_t>(j),
                      label_of(path_secs[path_secs.size() - 1 - j]).release().ptr());
    const std::size_t st = zhscan::section_start(ms, secs, c.section);
    const std::size_t a = cp(c.span.start), b = cp(c.span.end);
    PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(k),
                    py::make_tuple(a, b, st == zhscan::npos ? py::object(py::none()) : py::object(py::int_(cp(st))),
                                   path, slice_str(s, t, c.span.start, c.span.end, a, b))
                        .release()
                        .ptr());
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// parse_number: `zhscan number`'s reading of one line (examples/cli_number.hpp).

/** (value or None, error name or None, value as a Decimal or None) */
py::tuple parse_number_tuple(py::handle s) {
  source src = make_source(s, "parse_number");
  std::string scratch;
  zhscan::decimal value;
  const zhscan::errc ec = zhscan_cli::numeral_line_value(utf8_of(src, scratch), value);
  if (ec != zhscan::errc::ok) return py::make_tuple(py::none(), label(zhscan::to_string(ec)), py::none());
  return py::make_tuple(number_obj(value), py::none(), decimal_obj(value));
}

// ---------------------------------------------------------------------------------------
// Benchmark helper: the C++ library alone.

/**
 * (seconds, metrics) for `repeat` scans of `data` (bytes), GIL released: find_metrics
 * alone, or with `sections` what metrics() does in C++ (find_metrics, then find_markers,
 * outline and assign_sections when there are metrics).
 */
py::tuple bench_find_metrics(py::bytes data, int repeat, bool sections) {
  const std::string_view t(PyBytes_AS_STRING(data.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(data.ptr())));
  std::size_t count = 0;
  double secs = 0;
  {
    py::gil_scoped_release nogil;
    metric_scratch sc;
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < repeat; ++i) {
      zhscan::find_metrics(t, sc.metrics);
      if (sections && !sc.metrics.empty()) {
        zhscan::find_markers(t, sc.markers);
        zhscan::outline(t, sc.markers, sc.sections);
        zhscan::assign_sections(sc.markers, sc.sections, sc.metrics);
      }
      count += sc.metrics.size();
    }
    secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  return py::make_tuple(secs, count);
}

}  // namespace

PYBIND11_MODULE(_zhscan, mod) {
  mod.doc() = "zhscan C++ bindings (use the zhscan package, not this module)";
  mod.attr("version") = ZHSCAN_VERSION;

  metric_type = make_metric_type();
  py::object metric = py::reinterpret_borrow<py::object>(reinterpret_cast<PyObject*>(metric_type));
  py::list names;
  for (const metric_field& f : metric_fields) names.append(f.name);
  metric.attr("_fields") = py::tuple(names);
  mod.attr("Metric") = metric;

  mod.def("metrics", &metrics_one, py::arg("text"));
  mod.def("metrics_batch", &metrics_batch, py::arg("texts"), py::arg("threads") = 0);
  mod.def("_metric_columns", &metric_columns, py::arg("texts"), py::arg("threads") = 0);
  mod.def("_tokens", &tokens_tuples, py::arg("text"));
  mod.def("_markers", &markers_tuples, py::arg("text"));
  mod.def("_outline", &outline_tuples, py::arg("text"));
  mod.def("_chunks", &chunks_tuples, py::arg("text"), py::arg("max_bytes") = 2000);
  mod.def("_parse_number", &parse_number_tuple, py::arg("s"));
  mod.def("_bench_find_metrics", &bench_find_metrics, py::arg("data"), py::arg("repeat") = 1,
          py::arg("sections") = false);
}

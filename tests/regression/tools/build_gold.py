#!/usr/bin/env python3
"""Build a set's documents and gold annotations from its hand-annotated sources.

usage: python3 build_gold.py SET_DIR [NAME...] [--uncovered]
       (SET_DIR: a folder of tests/regression, e.g. tests/regression/eval3)

src/<name>.src is the document with the annotations written inline, by hand:

  [[SPEC|TEXT]]-like tags, written with the brackets below so they never clash with the text:
  ⟦SPEC‖TEXT⟧   an outline-marker candidate.  SPEC = LEVEL[;s=style][;o=ordinal][;n=note][;k=kind]
                LEVEL 1..9 = a true marker at that level, x = not a marker; prefix a = ambiguous.
                A true marker also gets a metrics record of kind list_marker (k=none suppresses it;
                seq_word markers get none by default); a non-marker gets one only with k=KIND.
  ⟪SPEC‖TEXT⟫   a metrics record over TEXT (TEXT may contain ⟦⟧ tags).
                SPEC = KIND[;n=note] for a non-metric kind, or
                       "VALUE UNIT CATEGORY [APPROX]"[;n=note][;num=arabic|han|mixed][;alt=no]
                VALUE is a number (1e8 and 3.2e12 allowed), LOW~HIGH for a range, A:B for a ratio.
  ⟨HEX⟩         raw bytes given in hex (to put invalid UTF-8 / mojibake bytes in a document).
  Lines starting with %% are comments or options ("%% join": delete every newline of the body).

The parent of a true marker is derived from the levels (gold README rule 4): the nearest
preceding true marker one level up.  Every "digits + dot + digit" (decimal number, dotted
date, version) that is not already a candidate is added as a non-marker arabic_dot candidate,
as the shared gold does.  A metric whose text starts with a bare 达/達 (not 达到/到达) gets the
span without it in alt_spans (gold README metrics rule 2).

Writes docs/<name>.txt, gold/outline/<name>.txt.jsonl, gold/metrics/<name>.txt.jsonl and
asserts raw[byte_start:byte_end].decode() == text for every record.
"""
import json
import os
import re
import sys

SET = None  # the set's folder, from the command line
KINDS = {'date', 'year_range', 'doc_number', 'ordinal', 'list_marker', 'name_code', 'page_number',
         'file_size', 'web_metadata', 'missing_number', 'indefinite', 'idiom', 'numeral_no_measure'}
CATS = {'currency', 'area', 'length', 'count', 'person', 'percent', 'ratio', 'multiple', 'duration',
        'score', 'rate', 'other', 'mass', 'volume'}
APPROX = {'about', 'more_than', 'less_than', 'nearly', 'at_least', 'at_most'}
HAN_DIG = {'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '兩': 2, '三': 3, '四': 4, '五': 5,
           '六': 6, '七': 7, '八': 8, '九': 9, '壹': 1, '贰': 2, '貳': 2, '叁': 3, '參': 3,
           '肆': 4, '伍': 5, '陆': 6, '陸': 6, '柒': 7, '捌': 8, '玖': 9}
SEQ = {'首先': 1, '其次': 2, '再次': 3, '最后': 99, '最後': 99}
ROMAN = 'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ'
ROMAN_L = 'ⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹ'
PAREN_D = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽'
DOT_D = '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑'
PAREN_H = '㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩'
CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'
LATIN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
FW = str.maketrans('０１２３４５６７８９ＡＢＣＤＥＦＧＨ', '0123456789ABCDEFGH')
HAN = '零〇一二两兩三四五六七八九十百壹贰貳叁參肆伍陆陸柒捌玖拾佰'


def han_value(s):
    total, cur = 0, 0
    for ch in s:
        if ch in HAN_DIG:
            cur = HAN_DIG[ch]
        elif ch in '十拾':
            total += (cur or 1) * 10
            cur = 0
        elif ch in '百佰':
            total += (cur or 1) * 100
            cur = 0
        else:
            raise ValueError(s)
    return total + cur


def ordinal_of(t):
    if t in SEQ:
        return SEQ[t]
    for ch in t:
        for tab in (ROMAN, ROMAN_L, PAREN_D, DOT_D, PAREN_H):
            if ch in tab:
                return tab.index(ch) + 1
    m = re.fullmatch(r'[(（]?([ivx]+)[)）.．、]?', t)
    if m:
        return {'i': 1, 'ii': 2, 'iii': 3, 'iv': 4, 'v': 5, 'vi': 6, 'vii': 7, 'viii': 8, 'ix': 9, 'x': 10}[m.group(1)]
    m = re.fullmatch(r'[(（]?([a-hA-HＡ-Ｈａ-ｈ])[)）.．、]', t)
    if m:
        return LATIN.index(m.group(1).upper().translate(FW).upper()) + 1
    for ch in t:
        if ch in CIRCLED:
            return CIRCLED.index(ch) + 1
    d = re.search(r'[0-9０-９]+', t)
    if d:
        return int(d.group().translate(FW))
    h = re.search('[' + HAN + ']+', t)
    if h:
        return han_value(h.group())
    m = re.search(r'[A-HＡ-Ｈ]', t)
    if m:
        return LATIN.index(m.group().translate(FW)) + 1
    raise ValueError('no ordinal in %r' % t)


def style_of(t):
    if t in SEQ:
        return 'seq_word'
    if re.fullmatch(r'第.+[章]', t):
        return 'chapter'
    if re.fullmatch(r'第.+[节節]', t):
        return 'section'
    if re.fullmatch(r'第.+[条條]', t):
        return 'article'
    if re.fullmatch(r'第.+款', t):
        return 'clause'
    if re.fullmatch(r'第.+(部分|编|編|篇)', t):
        return 'part'
    if re.fullmatch(r'第.+[，,、：:]', t):
        return 'di_comma'
    if t.startswith('其'):
        return 'qi_ordinal'
    if t.endswith('是'):
        return 'enum_shi'
    if t[0] in '(（':
        return 'paren_han' if re.search('[' + HAN + ']', t) else 'paren_arabic'
    if t[0] in CIRCLED:
        return 'circled'
    if t[0] in ROMAN + ROMAN_L or re.fullmatch(r'[(（]?[ivx]+[)）.．、]?', t):
        return 'roman'
    if t[0] in PAREN_D:
        return 'paren_arabic'
    if t[0] in DOT_D:
        return 'arabic_dot'
    if t[0] in PAREN_H:
        return 'paren_han'
    if re.fullmatch(r'[(（]?[A-Za-zＡ-Ｚａ-ｚ][)）.．、]', t):
        return 'latin_dot'
    if re.fullmatch(r'[0-9０-９]+(?:[.．][0-9０-９]+)+[.．]?', t):
        return 'arabic_dot'
    if re.fullmatch(r'[0-9０-９]+[.．]', t):
        return 'arabic_dot'
    if re.fullmatch(r'[0-9０-９]+、', t):
        return 'arabic_dun'
    if re.fullmatch(r'[0-9０-９]+[)）]', t):
        return 'arabic_paren'
    if re.fullmatch(r'[A-Za-zＡ-Ｚ][.．、]', t):
        return 'latin_dot'
    if re.fullmatch('[' + HAN + ']+[、.．]', t):
        return 'han_dun'
    if re.fullmatch('[' + HAN + ']+', t):
        return 'han_bare'
    raise ValueError('no style for %r' % t)


def numeral_of(t):
    if re.search(r'[0-9０-９]', t):
        if re.search(r'[0-9０-９][.．,，0-9０-９]*(?:多|余|餘)?[十百千万萬亿億]', t):
            return 'mixed'
        return 'arabic'
    return 'han'


def split_spec(spec):
    return re.split(r';(?=(?:n|s|o|k|num|alt)=)', spec)


def kv_of(parts):
    kv = {}
    for p in parts:
        k, _, v = p.partition('=')
        kv[k.strip()] = v
    return kv


class Builder:
    def __init__(self, name):
        self.name = name
        self.buf = bytearray()
        self.outline = []
        self.metrics = []

    def parse(self, s, i, closer):
        while i < len(s):
            ch = s[i]
            if closer and ch == closer:
                return i + 1
            if ch in '⟦⟪':
                sep = s.index('‖', i)
                spec = s[i + 1:sep]
                start = len(self.buf)
                j = self.parse(s, sep + 1, '⟧' if ch == '⟦' else '⟫')
                end = len(self.buf)
                text = bytes(self.buf[start:end]).decode('utf-8')
                (self.add_outline if ch == '⟦' else self.add_metric)(spec, start, end, text)
                i = j
                continue
            if ch == '⟨':
                j = s.index('⟩', i)
                self.buf += bytes.fromhex(s[i + 1:j])
                i = j + 1
                continue
            if ch in '⟧⟫‖⟩':
                raise SyntaxError('%s: stray %r near %r' % (self.name, ch, s[max(0, i - 30):i + 10]))
            self.buf += ch.encode('utf-8')
            i += 1
        if closer:
            raise SyntaxError('%s: unclosed tag' % self.name)
        return i

    def add_outline(self, spec, start, end, text):
        parts = split_spec(spec)
        lv = parts[0].strip()
        kv = kv_of(parts[1:])
        amb = lv.startswith('a')
        if amb:
            lv = lv[1:]
        is_m = lv != 'x'
        style = kv.get('s') or style_of(text)
        rec = dict(byte_start=start, byte_end=end, text=text, style=style,
                   ordinal=int(kv['o']) if 'o' in kv else ordinal_of(text),
                   is_marker=is_m, level=int(lv) if is_m else None, parent_byte_start=None,
                   note=kv.get('n', ''), ambiguous=amb)
        self.outline.append(rec)
        kind = kv.get('k')
        if kind is None and is_m and style != 'seq_word':
            kind = 'list_marker'
        if kind and kind != 'none':
            assert kind in KINDS, (self.name, kind)
            self.metrics.append(dict(kind=kind, byte_start=start, byte_end=end, text=text))

    def add_metric(self, spec, start, end, text):
        parts = split_spec(spec)
        head = parts[0].split()
        kv = kv_of(parts[1:])
        if head[0] in KINDS:
            assert len(head) == 1, (self.name, spec)
            rec = dict(kind=head[0], byte_start=start, byte_end=end, text=text)
            if kv.get('n'):
                rec['note'] = kv['n']
            self.metrics.append(rec)
            return
        assert len(head) in (3, 4), (self.name, spec, text)
        v, unit, cat = head[0], head[1], head[2]
        approx = head[3] if len(head) > 3 else None
        assert cat in CATS, (self.name, spec)
        assert approx is None or approx in APPROX, (self.name, spec)
        rec = dict(kind='metric', byte_start=start, byte_end=end, text=text, value=None)
        if '~' in v:
            lo, hi = v.split('~')
            rec['low'] = float(lo)
            rec['high'] = float(hi)
        elif ':' in v:
            a, b = v.split(':')
            rec['ratio'] = [float(a), float(b)]
        else:
            rec['value'] = float(v)
        rec.update(approx=approx, unit=unit, category=cat, numeral=kv.get('num') or numeral_of(text))
        if text[0] in '达達' and not text.startswith(('达到', '達到')) and kv.get('alt') != 'no':
            rec['alt_spans'] = [[start + 3, end]]
        rec['note'] = kv.get('n') or None
        self.metrics.append(rec)


def build(name):
    src = open(os.path.join(SET, 'src', name + '.src'), encoding='utf-8').read()
    opts, body = set(), []
    for ln in src.split('\n'):
        if ln.startswith('%%'):
            opts.update(ln[2:].split())
            continue
        body.append(ln)
    body = '\n'.join(body)
    if 'join' in opts:
        body = body.replace('\n', '')
    b = Builder(name)
    b.parse(body, 0, None)
    raw = bytes(b.buf)
    text = raw.decode('utf-8', 'replace')
    # automatic decimal candidates (byte offsets computed on the raw bytes)
    have = {r['byte_start'] for r in b.outline}
    pat = re.compile(r'(?<![0-9.])(?<!\xef\xbc[\x90-\x99])(?<!\xef\xbc\x8e)([0-9]+|(?:\xef\xbc[\x90-\x99])+)(?:\.|\xef\xbc\x8e)'
                     r'(?=[0-9]|\xef\xbc[\x90-\x99])'.encode('latin-1'))
    for m in pat.finditer(raw):
        s, e = m.start(), m.end()
        if s in have:
            continue
        t = raw[s:e].decode('utf-8')
        b.outline.append(dict(byte_start=s, byte_end=e, text=t, style='arabic_dot',
                              ordinal=int(t[:-1].translate(FW)), is_marker=False, level=None,
                              parent_byte_start=None,
                              note='digits + dot + digit (decimal, dotted date, version), not a marker',
                              ambiguous=False))
    b.outline.sort(key=lambda r: r['byte_start'])
    last = {}
    for r in b.outline:
        r['line'] = raw[:r['byte_start']].count(b'\n') + 1
        if not r['is_marker']:
            continue
        L = r['level']
        if L > 1:
            assert L - 1 in last, ('no parent for', name, r)
            r['parent_byte_start'] = last[L - 1]
        last[L] = r['byte_start']
        for k in [k for k in last if k > L]:
            del last[k]
    b.metrics.sort(key=lambda r: (r['byte_start'], r['byte_end']))
    for r in b.outline + b.metrics:
        assert raw[r['byte_start']:r['byte_end']].decode('utf-8') == r['text'], (name, r)
        assert r['text'] == r['text'].strip(), ('span with spaces', name, r)
    ms = [r for r in b.metrics if r['kind'] == 'metric']
    for a, c in zip(ms, ms[1:]):
        assert a['byte_end'] <= c['byte_start'], ('overlapping metrics', name, a, c)
    os.makedirs(os.path.join(SET, 'docs'), exist_ok=True)
    os.makedirs(os.path.join(SET, 'gold', 'outline'), exist_ok=True)
    os.makedirs(os.path.join(SET, 'gold', 'metrics'), exist_ok=True)
    open(os.path.join(SET, 'docs', name + '.txt'), 'wb').write(raw)
    with open(os.path.join(SET, 'gold', 'outline', name + '.txt.jsonl'), 'w', encoding='utf-8') as f:
        for r in b.outline:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    with open(os.path.join(SET, 'gold', 'metrics', name + '.txt.jsonl'), 'w', encoding='utf-8') as f:
        for r in b.metrics:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    return text, raw, b


def uncovered(raw, b):
    """Numeral runs that no record covers, for the annotator to review."""
    cov = bytearray(len(raw))
    for r in b.outline + b.metrics:
        for k in range(r['byte_start'], r['byte_end']):
            cov[k] = 1
    out = []
    text = raw.decode('utf-8', 'replace')
    pos = 0
    for m in re.finditer(r'[0-9０-９]+|[零〇一二两兩三四五六七八九十百千万萬亿億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]+', text):
        s = len(text[:m.start()].encode('utf-8', 'replace'))
        e = len(text[:m.end()].encode('utf-8', 'replace'))
        if s < len(cov) and not any(cov[s:e]):
            out.append((s, text[max(0, m.start() - 6):m.end() + 6].replace('\n', '⏎')))
    return out


if __name__ == '__main__':
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if not args or not os.path.isdir(os.path.join(args[0], 'src')):
        sys.exit('usage: build_gold.py SET_DIR [NAME...] [--uncovered]')
    SET = os.path.abspath(args[0])
    names = sorted(f[:-4] for f in os.listdir(os.path.join(SET, 'src')) if f.endswith('.src'))
    sel = args[1:]
    if sel:
        names = [n for n in names if n in sel]
    for n in names:
        text, raw, b = build(n)
        nm = sum(r['is_marker'] for r in b.outline)
        print('%-30s %6d bytes %4d lines | outline %3d cand %3d true | metrics %3d rec %3d metric'
              % (n, len(raw), raw.count(b'\n') + 1, len(b.outline), nm, len(b.metrics),
                 sum(r['kind'] == 'metric' for r in b.metrics)))
        if '--uncovered' in sys.argv:
            for s, ctx in uncovered(raw, b):
                print('     uncovered %6d  %s' % (s, ctx))

#!/usr/bin/env python3
"""Score `zhscan metrics` on the one-sentence cases of SET_DIR/cases/metrics_cases.tsv.

usage: python3 score_cases.py SET_DIR CLI [--tsv FILE] [--quiet]
       CLI is the zhscan command-line tool (required; e.g. built from examples/zhscan.cpp)

Every sentence is sent through `CLI metrics --batch` ({"id":N,"text":...} per line).  For each
case the predicted metrics are matched to the expected ones by exact span text (in order; an
expected text starting with a bare 达/達 also accepts the span without it, gold README rule 2).
A matched pair is correct when value (or low/high for a range, or the ratio) agrees within
1e-6 relative, the unit agrees after the shared scorer's normalisation (traditional -> simplified,
平米/平方/㎡ -> 平方米, ％ -> %) and approx agrees.  A case passes when every expected metric is
matched and correct and nothing else is predicted.

Prints: case accuracy (all cases, and without the convention-dependent "CONV" cases), span
precision/recall/F1 by exact text, value/unit/approx accuracy on matched spans, false positives
on cases expecting nothing, then every failing case.
"""
import json
import os
import subprocess
import sys

T2S = str.maketrans('萬億個項處棟臺冊屆級類種節條間對場層張輛門歲頁號兩畝輪組銀銅噸頃時點與',
                    '万亿个项处栋台册届级类种节条间对场层张辆门岁页号两亩轮组银铜吨顷时点与')
UNIT_SYN = {'平米': '平方米', '平方': '平方米', '㎡': '平方米', '％': '%', '元/生?月': '元/生·月'}


def norm_unit(u):
    if u is None or u == '':
        return None
    u = str(u).strip().translate(T2S)
    return UNIT_SYN.get(u, u)


def close(a, b):
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def value_ok(p, g):
    if g.get('ratio') is not None:
        r = p.get('ratio')
        return isinstance(r, (list, tuple)) and len(r) == 2 and close(r[0], g['ratio'][0]) and close(r[1], g['ratio'][1])
    if g.get('low') is not None:
        return close(p.get('low'), g['low']) and close(p.get('high'), g['high'])
    return close(p.get('value'), g.get('value'))


def texts_of(g):
    t = g['text']
    out = [t]
    if t[:1] in '达達' and not t.startswith(('达到', '達到')):
        out.append(t[1:])
    return out


def fmt_val(m):
    if m.get('ratio') is not None:
        return '%s:%s' % tuple(m['ratio'])
    if m.get('low') is not None:
        return '%s~%s' % (m.get('low'), m.get('high'))
    return str(m.get('value'))


def main():
    args = sys.argv[1:]
    quiet = '--quiet' in args
    if quiet:
        args.remove('--quiet')
    tsv = None
    if '--tsv' in args:
        i = args.index('--tsv')
        tsv = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2 or any(a.startswith('--') for a in args):
        sys.exit('usage: score_cases.py SET_DIR CLI [--tsv FILE] [--quiet]')
    if tsv is None:
        tsv = os.path.join(args[0], 'cases', 'metrics_cases.tsv')
    cli = args[1]
    cases = []
    with open(tsv, encoding='utf-8') as f:
        next(f)
        for line in f:
            line = line.rstrip('\n')
            if not line:
                continue
            sent, exp, note = (line.split('\t') + [''])[:3]
            cases.append((sent, json.loads(exp), note))
    inp = ''.join(json.dumps({'id': i, 'text': s}, ensure_ascii=False) + '\n' for i, (s, _, _) in enumerate(cases))
    res = subprocess.run([cli, 'metrics', '--batch'], input=inp.encode('utf-8'), capture_output=True, check=True)
    pred = {}
    for line in res.stdout.decode('utf-8').splitlines():
        r = json.loads(line)
        if 'error' in r:
            sys.exit('batch error: %r' % r)
        pred[r['id']] = [m for m in r['metrics'] if m.get('kind', 'metric') == 'metric']
    n_ok = n_ok_strict = n_strict = 0
    n_exp = n_pred = n_match = v_ok = u_ok = a_ok = 0
    fp_on_empty = 0
    fails = []
    for i, (sent, exp, note) in enumerate(cases):
        ps = pred.get(i, [])
        conv = note.startswith('CONV')
        used = set()
        problems = []
        for g in exp:
            hit = None
            for k, p in enumerate(ps):
                if k not in used and p.get('text') in texts_of(g):
                    hit = k
                    break
            if hit is None:
                problems.append('missed %s (%s %s %s)' % (g['text'], fmt_val(g), g.get('unit'), g.get('approx')))
                continue
            used.add(hit)
            p = ps[hit]
            n_match += 1
            vo, uo = value_ok(p, g), norm_unit(p.get('unit')) == norm_unit(g.get('unit'))
            ao = (p.get('approx') or None) == (g.get('approx') or None)
            v_ok += vo
            u_ok += uo
            a_ok += ao
            if not vo:
                problems.append('value %s: expected %s, got %s' % (g['text'], fmt_val(g), fmt_val(p)))
            if not uo:
                problems.append('unit %s: expected %s, got %s' % (g['text'], g.get('unit'), p.get('unit')))
            if not ao:
                problems.append('approx %s: expected %s, got %s' % (g['text'], g.get('approx'), p.get('approx')))
        extra = [p for k, p in enumerate(ps) if k not in used]
        for p in extra:
            problems.append('extra %s (%s %s %s)' % (p.get('text'), fmt_val(p), p.get('unit'), p.get('approx')))
        if not exp and extra:
            fp_on_empty += 1
        n_exp += len(exp)
        n_pred += len(ps)
        ok = not problems
        n_ok += ok
        if not conv:
            n_strict += 1
            n_ok_strict += ok
        if not ok:
            fails.append((i + 2, sent, note, problems))
    tp = n_match
    P = tp / n_pred if n_pred else 1.0
    R = tp / n_exp if n_exp else 1.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    n_empty = sum(1 for c in cases if not c[1])
    print('cases: %d  passed: %d  accuracy=%.4f' % (len(cases), n_ok, n_ok / len(cases)))
    print('without CONV cases: %d  passed: %d  accuracy=%.4f' % (n_strict, n_ok_strict, n_ok_strict / max(1, n_strict)))
    print('spans (exact text): expected=%d predicted=%d matched=%d  P=%.4f R=%.4f F1=%.4f' % (n_exp, n_pred, tp, P, R, F))
    if tp:
        print('on matched spans: value_acc=%.4f unit_acc=%.4f approx_acc=%.4f' % (v_ok / tp, u_ok / tp, a_ok / tp))
    print('cases expecting no metric: %d, of which with a false positive: %d' % (n_empty, fp_on_empty))
    if not quiet:
        print('\nfailures (tsv line: sentence [note]):')
        for ln, sent, note, problems in fails:
            print('  %4d %s%s' % (ln, sent, ('  [' + note + ']') if note else ''))
            for pr in problems:
                print('         - ' + pr)


if __name__ == '__main__':
    main()

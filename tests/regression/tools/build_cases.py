#!/usr/bin/env python3
"""Build SET_DIR/cases/metrics_cases.tsv from the hand-tagged SET_DIR/cases/metrics_cases.src.

usage: python3 build_cases.py SET_DIR

Each non-comment line of the source is one sentence with its expected metrics tagged inline
(same tag syntax as src/*.src, see build_gold.py; UNIT "-" means no unit), optionally followed
by a TAB and a note ("CONV: ..." marks an expectation that depends on a convention the gold
README does not settle).  Output columns: sentence, expected metrics as a JSON list of
{"text","value","low","high","ratio","approx","unit"}, note.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from build_gold import Builder  # noqa: E402


def main():
    if len(sys.argv) != 2 or not os.path.isdir(os.path.join(sys.argv[1], 'cases')):
        sys.exit('usage: build_cases.py SET_DIR')
    src = os.path.join(sys.argv[1], 'cases', 'metrics_cases.src')
    out = os.path.join(sys.argv[1], 'cases', 'metrics_cases.tsv')
    rows = []
    for n, line in enumerate(open(src, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        body, _, note = line.partition('\t')
        b = Builder('cases:%d' % n)
        b.parse(body, 0, None)
        sent = bytes(b.buf).decode('utf-8')
        assert '\t' not in sent and '⟪' not in sent and '⟦' not in sent, (n, sent)
        exp = []
        for r in b.metrics:
            if r['kind'] != 'metric':
                continue
            assert sent.encode()[r['byte_start']:r['byte_end']].decode() == r['text']
            exp.append({'text': r['text'], 'value': r.get('value'), 'low': r.get('low'),
                        'high': r.get('high'), 'ratio': r.get('ratio'), 'approx': r['approx'],
                        'unit': None if r['unit'] == '-' else r['unit']})
        rows.append((sent, exp, note.strip()))
    with open(out, 'w', encoding='utf-8') as f:
        f.write('sentence\texpected\tnote\n')
        for sent, exp, note in rows:
            f.write('%s\t%s\t%s\n' % (sent, json.dumps(exp, ensure_ascii=False), note))
    print('%d cases (%d expecting no metric, %d convention-dependent) -> %s'
          % (len(rows), sum(1 for r in rows if not r[1]), sum(1 for r in rows if r[2].startswith('CONV')), out))


if __name__ == '__main__':
    main()

// SPDX-License-Identifier: MIT
// Runs Microsoft Recognizers-Text (all zh-cn number and number-with-unit models) line by
// line over each document and writes predictions in score_metrics.py's format:
// {"start","end","text","value","unit"} with UTF-8 byte offsets, end exclusive (their spans
// are UTF-16 indices into the line, end inclusive). Prints the recognition time and MB/s.
// usage: node run.js OUT_DIR DOC...
'use strict';
const fs = require('fs');
const path = require('path');
const N = require('@microsoft/recognizers-text-number');
const U = require('@microsoft/recognizers-text-number-with-unit');

const culture = 'zh-cn';
// priority: quantities with units first, then percentages, numbers, ordinals
const models = [
  ['currency', U.recognizeCurrency], ['dimension', U.recognizeDimension], ['age', U.recognizeAge],
  ['temperature', U.recognizeTemperature], ['percentage', N.recognizePercentage],
  ['number', N.recognizeNumber], ['ordinal', N.recognizeOrdinal],
];
const unitMap = { 'Chinese yuan': '元', 'Square meter': '平方米', 'Kilometer': '公里', 'Meter': '米',
                  'Mu': '亩', 'Ton': '吨', 'Kilogram': '公斤', 'Year': '年', 'Day': '天' };

function convert(line, lineByteStart, r) {
  const start = lineByteStart + Buffer.byteLength(line.slice(0, r.start), 'utf8');
  const end = lineByteStart + Buffer.byteLength(line.slice(0, r.end + 1), 'utf8');
  let value = null, unit = null;
  const res = r.resolution || {};
  if (res.value !== undefined && res.value !== null) {
    const s = String(res.value);
    value = parseFloat(s);
    if (isNaN(value)) value = null;
    if (s.endsWith('%')) unit = '%';
  }
  if (res.unit) unit = unitMap[res.unit] || res.unit;
  return { start, end, text: r.text, value, unit, type: r.typeName };
}

const [outDir, ...docs] = process.argv.slice(2);
fs.mkdirSync(outDir, { recursive: true });
let totalBytes = 0, totalMs = 0;
for (const doc of docs) {
  const buf = fs.readFileSync(doc);
  totalBytes += buf.length;
  const text = buf.toString('utf8');
  const lines = text.split('\n');
  const preds = [];
  let byteAt = 0;
  const t0 = process.hrtime.bigint();
  for (const line of lines) {
    const found = [];
    if (line.length) for (const [, fn] of models) for (const r of fn(line, culture)) found.push(r);
    const taken = [];
    for (const r of found) {  // priority order, longest first within a model: non-overlapping
      if (taken.some(t => r.start <= t.end && t.start <= r.end)) continue;
      taken.push(r);
    }
    for (const r of taken) preds.push(convert(line, byteAt, r));
    byteAt += Buffer.byteLength(line, 'utf8') + 1;
  }
  totalMs += Number(process.hrtime.bigint() - t0) / 1e6;
  preds.sort((a, b) => a.start - b.start);
  fs.writeFileSync(path.join(outDir, path.basename(doc) + '.jsonl'),
                   preds.map(p => JSON.stringify(p)).join('\n') + (preds.length ? '\n' : ''));
}
const mbs = totalBytes / 1e6 / (totalMs / 1000);
console.log(`recognizers-text: ${totalBytes} bytes in ${(totalMs / 1000).toFixed(2)} s = ${mbs.toFixed(4)} MB/s`);
fs.writeFileSync(path.join(outDir, 'speed.txt'), String(mbs));

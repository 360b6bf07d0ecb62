#!/usr/bin/env node
// Standalone sanity check for the hand-labelled external sets (no extractor involved):
//   node libs/domain/test/external/check-labels.mjs libs/domain/test/external/heldout2
// For every <id>.json in the folder: the JSON parses and has the label fields; measureCount matches;
// each anchor starts on its stated line and occurs exactly once in the text; every lead and participant
// name occurs in the text as written; joint is set exactly when there are several leads; dates are ISO.
// Text is compared the way the gold loader does: whitespace removed, ASCII (),:; as full-width.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(new URL('../../../..', import.meta.url).pathname);
const dir = resolve(process.argv[2] ?? join(root, 'libs/domain/test/external/heldout2'));

const norm = (s) =>
  s.replace(/\s+/gu, '').replace(/\(/gu, '（').replace(/\)/gu, '）').replace(/,/gu, '，').replace(/:/gu, '：').replace(/;/gu, '；');
const normName = (s) => s.replace(/\s+/gu, '').replace(/\(/gu, '（').replace(/\)/gu, '）');
const iso = /^\d{4}-\d{2}-\d{2}$/u;

let problems = 0;
let measures = 0;
const fail = (id, what) => {
  problems += 1;
  console.log(`✗ ${id}: ${what}`);
};

for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
  let doc;
  try {
    doc = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  } catch (e) {
    fail(name, `invalid JSON (${e.message})`);
    continue;
  }
  for (const key of ['file', 'docNumber', 'title', 'level', 'measureCount', 'measures']) {
    if (!(key in doc)) fail(name, `missing ${key}`);
  }
  if (!['national', 'provincial', 'municipal', 'county'].includes(doc.level)) fail(name, `bad level ${doc.level}`);
  const raw = readFileSync(join(root, doc.file), 'utf8');
  if (raw.includes('\r')) fail(name, 'text has CR line ends');
  const lines = raw.split('\n');
  const whole = norm(raw);
  // Offset of each line's start inside the normalised whole text.
  const starts = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += norm(l).length;
  }
  if (doc.measureCount !== doc.measures.length) fail(name, `measureCount ${doc.measureCount} ≠ ${doc.measures.length}`);
  const textNames = normName(raw.replace(/\n/gu, ''));
  doc.measures.forEach((m, i) => {
    const at = `#${i + 1} (line ${m.line})`;
    measures += 1;
    const a = norm(m.anchor ?? '');
    if (!a) return fail(name, `${at}: empty anchor`);
    const first = whole.indexOf(a);
    if (first < 0) return fail(name, `${at}: anchor not found: ${m.anchor}`);
    if (whole.indexOf(a, first + 1) >= 0) fail(name, `${at}: anchor not unique: ${m.anchor}`);
    const li = m.line - 1;
    const lineStart = starts[li];
    const lineEnd = li + 1 < starts.length ? starts[li + 1] : whole.length;
    if (!(first >= lineStart && first < lineEnd)) {
      const real = starts.findIndex((s, k) => first >= s && (k + 1 === starts.length || first < starts[k + 1]));
      fail(name, `${at}: anchor starts on line ${real + 1}: ${m.anchor}`);
    }
    for (const who of [...m.lead, ...m.participants]) {
      if (!textNames.includes(normName(who))) fail(name, `${at}: name not in text: ${who}`);
    }
    if (new Set(m.lead).size !== m.lead.length || new Set(m.participants).size !== m.participants.length) {
      fail(name, `${at}: duplicate name`);
    }
    for (const who of m.lead) if (m.participants.includes(who)) fail(name, `${at}: ${who} both lead and participant`);
    if (m.joint !== m.lead.length > 1) fail(name, `${at}: joint=${m.joint} with ${m.lead.length} lead(s)`);
    if (m.deadline !== null && !iso.test(m.deadline)) fail(name, `${at}: bad deadline ${m.deadline}`);
    if (m.deadline !== null && m.deadlineKind !== 'date') fail(name, `${at}: deadline without deadlineKind date`);
    if (m.deadlineKind === 'recurring' && !m.period) fail(name, `${at}: recurring without period`);
    if (![null, 'date', 'ongoing', 'recurring'].includes(m.deadlineKind)) fail(name, `${at}: bad deadlineKind`);
    for (const ms of m.milestones ?? []) {
      if (!iso.test(ms.date)) fail(name, `${at}: bad milestone date ${ms.date}`);
      if (!whole.includes(norm(ms.text))) fail(name, `${at}: milestone text not in document: ${ms.text}`);
      if (m.deadline && ms.date > m.deadline) fail(name, `${at}: milestone after the deadline`);
    }
  });
  console.log(`${name}: ${doc.measures.length} measures`);
}
console.log(`${measures} measures checked, ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);

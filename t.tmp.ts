import { readFileSync } from 'node:fs';
import { extractText } from './libs/domain/src/extractor/extract';
const r = extractText(readFileSync('corpus/001_dc3bc84186c37e13.txt','utf8'), 'x');
for (const d of r.documents) for (const m of d.measures) if (m.origin==='field') console.log(m.line, m.key, m.text.slice(0,30), m.lead.join('、'), m.participants.join('、'), m.deadline, m.checklist.length);

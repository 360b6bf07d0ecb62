// Shared by the form specs (src/extractor/*.spec.ts and test/forms*.spec.ts): one synthetic document in, its first
// extracted document out, and a measure's roles in the shape the expectations are written in.
import type { ExtractedDocument, ExtractedMeasure } from './types';
import { extractText } from './extract';

export function extractOne(text: string): ExtractedDocument {
  const doc = extractText(text, 'form.txt').documents[0];
  if (!doc) throw new Error('no document');
  return doc;
}

export function roles(m: ExtractedMeasure | undefined) {
  return m ? { lead: m.lead, participants: m.participants, deadline: m.deadline } : null;
}

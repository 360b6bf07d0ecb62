import type { ParsedAnnotation } from './annotation';

/* Test-only helper: the comparable part of a parsed annotation, shared by the annotation specs. */

export interface Expected {
  lead: string[];
  participants?: string[];
  joint: boolean;
  openList?: boolean;
  declaresFirstIsLead?: boolean;
}

/** The comparable part of a parse; null stays null so that a rejection fails the comparison. */
export function shape(actual: ParsedAnnotation | null): Required<Expected> | null {
  if (!actual) return null;
  return {
    lead: actual.lead,
    participants: actual.participants,
    joint: actual.joint,
    openList: actual.openList,
    declaresFirstIsLead: actual.declaresFirstIsLead,
  };
}

export function full(expected: Expected): Required<Expected> {
  return { participants: [], openList: false, declaresFirstIsLead: false, ...expected };
}

import type { DepartmentRecord, DepartmentResolution } from './types';

/** The department registry: current units, their aliases, and reorganised predecessors. */
export const DEPARTMENTS: readonly DepartmentRecord[] = []; // stub: filled by the registry work

/** Resolves a name as written (spaces already removed) to its canonical department. */
export function resolveDepartment(written: string): DepartmentResolution {
  return { written, canonical: null, known: false }; // stub
}

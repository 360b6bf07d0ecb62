export type DepartmentKind = 'ministry' | 'local' | 'collective';

/** One unit of the department registry. */
export interface DepartmentRecord {
  /** Current official (canonical) name. */
  name: string;
  /** Short names, plates and aliases, as they appear in documents. */
  aliases: string[];
  kind: DepartmentKind;
  /** For a unit abolished or renamed (e.g. 2018 reorganisation): canonical name(s) of its successor(s). */
  successors?: string[];
  /** ISO date the unit ceased (reorganisation), when known. */
  validUntil?: string;
}

export interface DepartmentResolution {
  /** Name as written. */
  written: string;
  /** Canonical current name; for a predecessor unit, its (first) successor. Null when unknown. */
  canonical: string | null;
  known: boolean;
}

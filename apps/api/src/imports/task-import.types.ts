import type { ImportResultDto } from '@duban/domain';

export interface ImportActor {
  /** User id, or null for the CLI / setup. */
  id: string | null;
  name: string;
}

/** What to do with a department name the directory does not know. */
export interface DepartmentMapping {
  name: string;
  departmentId?: string;
  create?: boolean;
}

export interface ImportFileOptions {
  /** sha256 of the file's bytes. */
  checksum: string;
  actor: ImportActor;
  mappings?: DepartmentMapping[];
  /**
   * New tasks reach their lead departments (`task.assigned`, the default); false for the first-run corpus
   * of `setup`, which is seed data: its tasks only get reminders (`task.changed`), nobody a message.
   */
  announce?: boolean;
}

export interface FileImportResult extends ImportResultDto {
  file: string;
  /** Units created for names nobody mapped (kept, never dropped). */
  departmentsCreated: string[];
  documents: { id: string; title: string; created: boolean; tasks: number }[];
}

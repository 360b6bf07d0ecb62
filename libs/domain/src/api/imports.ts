/** Importing policy documents: the upload's job, its preview and the commit (/api/imports). */
import type { MilestoneDto } from './desk';

export interface ImportPreviewMeasureDto {
  documentIndex: number;
  key: string;
  line: number;
  title: string;
  lead: string[];
  participants: string[];
  deadline: string | null;
  deadlineText: string | null;
  /** The earlier dated steps before the deadline (2015年广泛开展试点 before 2017年底前完成), by date. */
  milestones: MilestoneDto[];
  /** A labelled-field block's numbered items: one task, these its 工作清单 (empty otherwise). */
  checklist: string[];
  unknownDepartments: string[];
}

export interface ImportPreviewDocumentDto {
  docNumber: string | null;
  title: string;
  issuer: string | null;
  date: string | null;
  measureCount: number;
  /** Same document already imported. */
  existing: { id: string; title: string } | null;
  /** Same document earlier in this upload. */
  sameAs: string | null;
}

export interface ImportPreviewDto {
  id: string;
  fileName: string;
  encoding: string;
  documents: ImportPreviewDocumentDto[];
  measures: ImportPreviewMeasureDto[];
  unknownDepartments: { name: string; occurrences: number }[];
  expiresAt: string;
}

/** Where an upload's extraction stands: `queued` → `extracting` → `building` (matching the directory) → `ready` | `failed`. */
export type ImportJobStatus = 'queued' | 'extracting' | 'building' | 'ready' | 'failed';

/** POST /api/imports answers with this at once; GET /api/imports/jobs/:id until status is ready or failed. */
export interface ImportJobDto {
  id: string;
  fileName: string;
  sizeBytes: number;
  status: ImportJobStatus;
  /** 0–100, from the documents extracted so far. */
  percent: number;
  documentsDone: number;
  documentsTotal: number;
  measuresFound: number;
  /** Set when status is failed: the same code and zh-CN message a synchronous refusal would carry. */
  error: { code: string; message: string; statusCode: number } | null;
  /** Set when status is ready: the preview to commit (POST /api/imports/:previewId/commit). */
  preview: ImportPreviewDto | null;
  createdAt: string;
  /** Milliseconds from upload to ready/failed (null while running). */
  durationMs: number | null;
}

export interface ImportCommitRequestDto {
  /** For each unknown name: map it to an existing department, or create it. */
  mappings?: { name: string; departmentId?: string; create?: boolean }[];
}

export interface ImportResultDto {
  documentsCreated: number;
  documentsUnchanged: number;
  tasksCreated: number;
  tasksUpdated: number;
  tasksUnchanged: number;
}

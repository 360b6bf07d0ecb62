import type { ExtensionDto, ExtensionStatus } from '@duban/domain';

/** Columns every extension query selects (joined department and user names), as pg returns them. */
export interface ExtensionRow {
  id: string;
  department_id: string;
  department_name: string;
  requested_by: string;
  reason: string;
  current_deadline: string | null;
  requested_deadline: string;
  status: ExtensionStatus;
  decided_by: string | null;
  decision_reason: string | null;
  created_at: Date;
  decided_at: Date | null;
}

/** The SELECT list matching ExtensionRow, for `FROM extension_requests x JOIN departments d … users ru … users du`. */
export const EXTENSION_COLUMNS = `x.id, x.department_id, d.name AS department_name, ru.display_name AS requested_by, x.reason,
              x.current_deadline::text AS current_deadline, x.requested_deadline::text AS requested_deadline,
              x.status, du.display_name AS decided_by, x.decision_reason, x.created_at, x.decided_at`;

export function toExtensionDto(row: ExtensionRow): ExtensionDto {
  return {
    id: row.id,
    department: { id: row.department_id, name: row.department_name },
    requestedBy: row.requested_by,
    reason: row.reason,
    currentDeadline: row.current_deadline,
    requestedDeadline: row.requested_deadline,
    status: row.status,
    decidedBy: row.decided_by,
    decisionReason: row.decision_reason,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at === null ? null : row.decided_at.toISOString(),
  };
}

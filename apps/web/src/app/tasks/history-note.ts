import type { AuditAction, AuditEntryDto } from '@duban/domain/contract';
import { formatDate } from '../shared/format';

type Ref = { name?: string };

function names(list: unknown): string {
  return Array.isArray(list)
    ? (list as Ref[])
        .map((d) => d.name ?? '')
        .filter(Boolean)
        .join('、') || '无'
    : '无';
}

type Detail = Record<string, unknown>;

/** A quoted text cut to 40 characters, for a one-line note. */
function short(text: string): string {
  return `「${text.length > 40 ? `${text.slice(0, 39)}…` : text}」`;
}

/** The actions whose entries get a note (the others are said by their label alone). */
const NOTES: Partial<Record<AuditAction, (d: Detail, reason: string) => string | null>> = {
  'task.deadline_edited': (d, reason) =>
    `${formatDate(d['before'] as string | null) || '无时限'} → ${formatDate(d['after'] as string | null) || '无时限'}；${reason}`,
  'task.departments_changed': (d, reason) => {
    const before = d['before'] as { lead?: unknown } | undefined;
    const after = d['after'] as { lead?: unknown } | undefined;
    return `牵头 ${names(before?.lead)} → ${names(after?.lead)}；新增 ${names(d['added'])}，移除 ${names(d['removed'])}；${reason}`;
  },
  'task.split': (d, reason) =>
    `拆分为 ${Array.isArray(d['childIds']) ? d['childIds'].length : 0} 项；${reason}`,
  'task.terminated': (_d, reason) => reason,
  'task.assignee_named': (d) =>
    `承办人 ${(d['before'] as Ref | null)?.name ?? '未指定'} → ${(d['after'] as Ref | null)?.name ?? '未指定'}`,
  'task.main_lead_changed': (d) =>
    `主办 ${(d['before'] as Ref | null)?.name ?? '未指定'} → ${(d['after'] as Ref | null)?.name ?? '未指定'}`,
  'task.checklist_ticked': (d) =>
    typeof d['item'] === 'string'
      ? `${d['done'] === true ? '已完成' : '改为未完成'}：${short(d['item'])}`
      : null,
  'task.commented': (d) => (typeof d['text'] === 'string' ? short(d['text']) : null),
};

/** A one-line zh-CN summary of what an edit changed (before → after, reason), for the timeline. */
export function historyNote(entry: AuditEntryDto): string | null {
  const d = entry.detail ?? {};
  const reason = typeof d['reason'] === 'string' ? `理由：${d['reason']}` : '';
  return NOTES[entry.action]?.(d, reason) ?? null;
}

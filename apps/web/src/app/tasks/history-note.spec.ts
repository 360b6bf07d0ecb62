import type { AuditAction, AuditEntryDto } from '@duban/domain/contract';
import { historyNote } from './history-note';

function entry(action: AuditAction, detail: Record<string, unknown>): AuditEntryDto {
  return {
    id: 'h',
    action,
    actor: '督查室',
    at: '2026-12-02T01:00:00Z',
    fromStatus: null,
    toStatus: null,
    detail,
  };
}

describe('historyNote', () => {
  it('says what an edit changed and why', () => {
    expect(
      historyNote(
        entry('task.deadline_edited', { before: '2027-03-31', after: '2027-06-30', reason: '录入有误' }),
      ),
    ).toBe('2027年3月31日 → 2027年6月30日；理由：录入有误');
    expect(
      historyNote(
        entry('task.departments_changed', {
          reason: '职能划转',
          before: { lead: [{ id: 'a', name: '审计署' }] },
          after: { lead: [{ id: 'b', name: '海关总署' }] },
          added: [{ id: 'b', name: '海关总署' }],
          removed: [{ id: 'a', name: '审计署' }],
        }),
      ),
    ).toBe('牵头 审计署 → 海关总署；新增 海关总署，移除 审计署；理由：职能划转');
    expect(historyNote(entry('task.split', { reason: '分解', childIds: ['x', 'y'] }))).toBe(
      '拆分为 2 项；理由：分解',
    );
    expect(historyNote(entry('task.terminated', { reason: '已被取代' }))).toBe('理由：已被取代');
  });

  it('names the 工作清单 item that was ticked or unticked', () => {
    expect(
      historyNote(entry('task.checklist_ticked', { index: 0, item: '完成设备联网改造', done: true })),
    ).toBe('已完成：「完成设备联网改造」');
    expect(
      historyNote(entry('task.checklist_ticked', { index: 0, item: '完成设备联网改造', done: false })),
    ).toBe('改为未完成：「完成设备联网改造」');
  });

  it('shows nothing extra for workflow entries', () => {
    expect(historyNote(entry('task.submitted', { summary: 'x' }))).toBeNull();
  });
});

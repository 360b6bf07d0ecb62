import { describe, expect, it } from 'vitest';
import { EventRecipientRules, eventNotificationKey, type RecordedEvent } from './event-recipients';

const task = {
  id: 't1',
  title: '推进重点工作',
  deadline: '2026-04-30',
  documentTitle: null,
  leadDepartmentIds: ['lead-1', 'lead-2'],
  mainLeadId: 'lead-2' as string | null,
  participantDepartmentIds: ['part-1'],
};
const sut = new EventRecipientRules(new Map([[task.id, task]]));
const event = (kind: string, payload: Record<string, unknown> = {}): RecordedEvent => ({
  id: '42',
  taskId: task.id,
  kind,
  payload,
  actor: null,
});
const dept = (departmentId: string) => ({ kind: 'department', departmentId });

describe(EventRecipientRules.name, () => {
  it.each([
    ['task.assigned', [dept('lead-1'), dept('lead-2')]],
    // 配合意见 go to the 主办 lead only (here the second lead, flagged as 主办).
    ['report.participant', [dept('lead-2')]],
    ['task.returned', [dept('lead-1'), dept('lead-2')]],
    ['task.submitted', [{ kind: 'supervisors' }]],
    ['extension.requested', [{ kind: 'supervisors' }]],
    ['task.approved', [dept('lead-1'), dept('lead-2'), dept('part-1')]],
    ['task.changed', []],
    ['task.progress', []],
  ])('%s reaches its fixed recipients', (kind, expected) => {
    expect(sut.recipients(event(kind))).toEqual(expected);
  });

  it('sends an extension decision to the requester and the lead, once each', () => {
    expect(sut.recipients(event('extension.granted', { departmentId: 'lead-2' }))).toEqual([
      dept('lead-2'),
      dept('lead-1'),
    ]);
    expect(sut.recipients(event('extension.refused', { departmentId: 'part-1' }))).toEqual([
      dept('part-1'),
      dept('lead-1'),
      dept('lead-2'),
    ]);
  });

  it('takes a notice’s own recipients (departments, then the 督查室)', () => {
    expect(
      sut.recipients(
        event('comment.created', { notice: true, departmentIds: ['part-1', 'part-1'], supervisors: true }),
      ),
    ).toEqual([dept('part-1'), { kind: 'supervisors' }]);
  });

  it('derives unique notification keys from the event id and the recipient', () => {
    expect(eventNotificationKey('42', { kind: 'department', departmentId: 'd' })).toBe('event:42:dept-d');
    expect(eventNotificationKey('42', { kind: 'supervisors' })).toBe('event:42:supervisors');
    expect(eventNotificationKey('42', { kind: 'user', userId: 'u', name: '张三' })).toBe('event:42:user-u');
  });
});

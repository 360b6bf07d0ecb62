import { describe, expect, it } from 'vitest';
import { TASK_EVENT_KINDS, taskEventMessage, type TaskEventFacts } from './task-events';

const base: TaskEventFacts = {
  kind: 'task.returned',
  taskTitle: '完善药品价格形成机制',
  documentTitle: '关于深化医药卫生体制改革的意见',
  deadline: '2026-03-20',
  recipientName: '国家发展改革委',
  leadNames: ['国家发展改革委'],
  link: 'https://duban.example/tasks/t1',
};

/** The message for `kind` with the base facts and these on top. */
function message(
  kind: TaskEventFacts['kind'],
  facts: Partial<TaskEventFacts> = {},
): ReturnType<typeof taskEventMessage> {
  return taskEventMessage({ ...base, kind, ...facts });
}

describe('taskEventMessage', () => {
  it('states the reason of a 退回, addresses the recipient and links the task', () => {
    const { title, body } = taskEventMessage({ ...base, reason: '佐证材料缺少盖章页' });
    expect(title).toBe('【退回】办结申请被退回：完善药品价格形成机制');
    expect(body.startsWith('国家发展改革委：\n')).toBe(true);
    expect(body).toContain('退回理由：佐证材料缺少盖章页');
    expect(body).toContain('来源文件：关于深化医药卫生体制改革的意见');
    expect(body).toContain('查看任务：https://duban.example/tasks/t1');
  });

  it('names both deadlines of an extension in Chinese dates', () => {
    const granted = message('extension.granted', {
      previousDeadline: '2026-03-20',
      requestedDeadline: '2026-04-30',
    });
    expect(granted.title).toBe('【同意延期】完成时限延至2026年4月30日：完善药品价格形成机制');
    expect(granted.body).toContain('由2026年3月20日延至2026年4月30日');
    const refused = message('extension.refused', {
      previousDeadline: '2026-03-20',
      requestedDeadline: '2026-04-30',
      reason: '理由不充分',
    });
    expect(refused.body).toContain('完成时限仍为2026年3月20日');
    expect(refused.body).toContain('理由：理由不充分');
  });

  it('says who asks and what (submission, extension request, participant report)', () => {
    expect(
      message('task.submitted', { departmentName: '商务部', leadNames: ['商务部'], text: '已完成' }).title,
    ).toBe('【待审核】商务部提交办结：完善药品价格形成机制');
    const request = message('extension.requested', {
      departmentName: '商务部',
      previousDeadline: null,
      requestedDeadline: '2026-04-30',
      reason: '需征求意见',
    });
    expect(request.body).toContain('由无固定时限延至2026年4月30日');
    expect(request.body).toContain('申请理由：需征求意见');
    const report = message('report.participant', { departmentName: '财政部', text: '资金已下达' });
    expect(report.title).toBe('【配合意见】财政部报送了进展：完善药品价格形成机制');
    expect(report.body).toContain('资金已下达');
  });

  it('has a title and the link for every kind', () => {
    for (const kind of TASK_EVENT_KINDS) {
      const message = taskEventMessage({ ...base, kind });
      expect(message.title.length).toBeGreaterThan(5);
      expect(message.body).toContain(base.link);
    }
  });
});

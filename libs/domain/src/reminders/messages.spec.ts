import { describe, expect, it } from 'vitest';
import { reminderMessage, type ReminderMessageInput } from './messages';

const base: ReminderMessageInput = {
  rule: 'deadline_approaching',
  taskTitle: '完善药品价格形成机制',
  deadline: '2026-03-20',
  dayOffset: -7,
  today: '2026-03-13',
  recipientName: '国家发展改革委',
  leadNames: ['国家发展改革委'],
  link: 'https://duban.example/tasks/t1',
};

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('reminderMessage', () => {
  it.each([
    ['deadline_approaching', -7, '【督办提醒】7天后到期：完善药品价格形成机制'],
    ['deadline_approaching', -1, '【督办提醒】明天到期：完善药品价格形成机制'],
    ['deadline_today', 0, '【督办提醒】今天到期：完善药品价格形成机制'],
    ['overdue_urge', 4, '【催办】已逾期4天：完善药品价格形成机制'],
    ['overdue_escalation', 7, '【逾期督办】逾期7天未完成：完善药品价格形成机制'],
    ['report_requested', -7, '【进展报送提醒】请于2026年3月20日前报送进展：完善药品价格形成机制'],
    ['report_overdue_urge', 1, '【催办】进展报送已逾期1天：完善药品价格形成机制'],
    ['report_overdue_escalation', 7, '【逾期督办】进展报送逾期7天：完善药品价格形成机制'],
    ['task.signoff_due', 0, '【签收提醒】请于今日内签收：完善药品价格形成机制'],
    ['task.signoff_overdue', 1, '【签收逾期】主办单位未按时签收：完善药品价格形成机制'],
  ] as const)('titles %s (%i days)', (rule, dayOffset, title) => {
    const today = addDays(base.deadline, dayOffset);
    expect(reminderMessage({ ...base, rule, dayOffset, today }).title).toBe(title);
  });

  it('names the 阶段节点 and its date in milestone reminders', () => {
    const ahead = reminderMessage({
      ...base,
      rule: 'milestone_approaching',
      deadline: '2026-06-30',
      dayOffset: -3,
      today: '2026-06-27',
      milestone: '6月底前完成试点',
    });
    expect(ahead.title).toBe('【阶段节点提醒】3天后到达阶段节点：完善药品价格形成机制');
    expect(ahead.body).toContain('阶段节点“6月底前完成试点”时间为2026年6月30日，距今还有3天');
    const today = reminderMessage({
      ...base,
      rule: 'milestone_today',
      deadline: '2026-06-30',
      dayOffset: 0,
      today: '2026-06-30',
      milestone: '6月底前完成试点',
    });
    expect(today.title).toBe('【阶段节点提醒】今天到达阶段节点：完善药品价格形成机制');
    expect(today.body).toContain('时间为今天（2026年6月30日），请报送该节点的完成情况');
  });

  it('says how often a recurring duty reports', () => {
    const message = reminderMessage({ ...base, rule: 'report_requested', recurrence: 'quarter' });
    expect(message.body).toContain('须每季度报送进展，请于2026年3月20日前报送本期工作进展');
    expect(reminderMessage({ ...base, rule: 'report_requested' }).body).toContain('为持续推进事项');
  });

  it('states the real days overdue at send time, not the escalation threshold', () => {
    // Escalated at D+7 by the policy, but sent (late, escalations never expire) six years on.
    const message = reminderMessage({
      ...base,
      rule: 'overdue_escalation',
      deadline: '2020-03-20',
      dayOffset: 7,
      today: '2026-03-20',
    });
    expect(message.title).toBe('【逾期督办】逾期2191天未完成：完善药品价格形成机制');
    expect(message.body).toContain('已逾期2191天仍未完成');
    expect(message.body).not.toContain('逾期7天');
  });

  it('counts a late 催办 and a late reminder ahead of the deadline from the send day', () => {
    expect(reminderMessage({ ...base, rule: 'overdue_urge', dayOffset: 4, today: '2026-03-26' }).title).toBe(
      '【催办】已逾期6天：完善药品价格形成机制',
    );
    expect(
      reminderMessage({ ...base, rule: 'report_overdue_escalation', dayOffset: 7, today: '2026-04-20' }).body,
    ).toContain('已逾期31天仍未报送');
    expect(
      reminderMessage({ ...base, rule: 'deadline_approaching', dayOffset: -7, today: '2026-03-15' }).title,
    ).toBe('【督办提醒】5天后到期：完善药品价格形成机制');
  });

  it('tells the 督查室 which 主办 has not signed off, and by when it should have', () => {
    const { body } = reminderMessage({
      ...base,
      rule: 'task.signoff_overdue',
      dayOffset: 1,
      recipientName: '督查室',
    });
    expect(body).toContain('牵头部门：国家发展改革委');
    expect(body).toContain('应于2026年3月20日前签收');
  });

  it('addresses the recipient, names the leads in escalations and links the task', () => {
    const { body } = reminderMessage({
      ...base,
      rule: 'overdue_escalation',
      dayOffset: 7,
      today: '2026-03-27',
      recipientName: '督查室',
      leadNames: ['商务部', '财政部'],
    });
    expect(body.startsWith('督查室：\n')).toBe(true);
    expect(body).toContain('牵头部门：商务部、财政部');
    expect(body).toContain('2026年3月20日');
    expect(body).toContain('查看任务：https://duban.example/tasks/t1');
  });
});

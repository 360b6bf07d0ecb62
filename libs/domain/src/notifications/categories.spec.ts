import { describe, expect, it } from 'vitest';
import { reminderMessage } from '../reminders/messages';
import {
  categoryOfRule,
  isNotificationCategory,
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_CATEGORY_LABELS,
  type NotificationCategory,
} from './categories';
import { digestMessage } from './digest-message';
import { deadlineFact, inAppPath, inboxText } from './inbox-text';

describe('categoryOfRule', () => {
  const table: [string, NotificationCategory][] = [
    ['deadline_approaching', 'reminder'],
    ['deadline_today', 'reminder'],
    ['overdue_urge', 'reminder'],
    ['overdue_escalation', 'reminder'],
    ['report_requested', 'reminder'],
    ['report_overdue_urge', 'reminder'],
    ['report_overdue_escalation', 'reminder'],
    ['milestone_approaching', 'reminder'],
    ['milestone_today', 'reminder'],
    ['task.signoff_due', 'reminder'],
    ['task.signoff_overdue', 'reminder'],
    ['task.submitted', 'review'],
    ['task.approved', 'review'],
    ['extension.requested', 'extension'],
    ['extension.granted', 'extension'],
    ['extension.refused', 'extension'],
    ['task.returned', 'returned'],
    ['task.assigned', 'other'],
    ['task.created', 'other'],
    ['report.participant', 'other'],
    ['comment.created', 'other'],
    ['comment.mention', 'other'],
    ['task.deadline_edited', 'other'],
    ['bulletin.monthly', 'other'],
    ['digest.daily', 'other'],
  ];
  it.each(table)('%s → %s', (rule, category) => {
    expect(categoryOfRule(rule)).toBe(category);
  });

  it('puts a rule nobody listed in 其他, and a prefix alone does not match a longer word', () => {
    expect(categoryOfRule('task.something_new')).toBe('other');
    expect(categoryOfRule('extensions_report')).toBe('other');
    expect(categoryOfRule('')).toBe('other');
  });

  it('labels every category in zh-CN, in tab order', () => {
    expect(NOTIFICATION_CATEGORIES.map((c) => NOTIFICATION_CATEGORY_LABELS[c])).toEqual([
      '催办',
      '审核',
      '延期',
      '退回',
      '其他',
    ]);
    expect(isNotificationCategory('review')).toBe(true);
    expect(isNotificationCategory('all')).toBe(false);
    expect(isNotificationCategory(3)).toBe(false);
  });
});

describe('inboxText', () => {
  it('drops the salutation, the link line and the automatic footer of a reminder', () => {
    const { body } = reminderMessage({
      rule: 'overdue_urge',
      taskTitle: '建立价格监测制度',
      deadline: '2026-03-20',
      dayOffset: 4,
      today: '2026-03-24',
      recipientName: '国家发展和改革委员会',
      leadNames: ['国家发展和改革委员会'],
      link: 'http://localhost:3000/tasks/abc',
    });
    expect(inboxText(body)).toBe(
      '任务“建立价格监测制度”的完成时限为2026年3月20日，现已逾期4天，请立即办理并说明情况。',
    );
  });

  it('drops a link clause inside a sentence and keeps the text around it', () => {
    expect(
      inboxText(
        '督查通报已生成：任务3项。查看与下载（Word / PDF）：http://localhost:3000/bulletins?period=2026-11',
      ),
    ).toBe('督查通报已生成：任务3项。');
    expect(inboxText('退回原因：材料不全\n\n\n\n请补充后重新提交。')).toBe(
      '退回原因：材料不全\n\n请补充后重新提交。',
    );
  });

  it('keeps a first line that is a sentence, not a salutation', () => {
    expect(inboxText('退回原因：材料不全')).toBe('退回原因：材料不全');
  });
});

describe('inAppPath', () => {
  it('turns a link into the app into a route, and ignores other hosts', () => {
    const body = '见 https://example.org/x 与 http://localhost:3000/bulletins?period=2026-11';
    expect(inAppPath(body, 'http://localhost:3000/')).toBe('/bulletins?period=2026-11');
    expect(inAppPath('查看任务：http://localhost:30001/tasks/1', 'http://localhost:3000')).toBeNull();
    expect(inAppPath('没有链接', 'http://localhost:3000')).toBeNull();
  });
});

describe('deadlineFact', () => {
  it('counts the real days overdue, not a threshold', () => {
    expect(deadlineFact('2020-12-02', 'in_progress', '2026-12-02')?.label).toBe('逾期2191天');
    expect(deadlineFact('2026-12-01', 'submitted', '2026-12-02')).toEqual({
      kind: 'overdue',
      days: 1,
      label: '逾期1天',
    });
  });

  it('says today and days left, and nothing for undated or closed tasks', () => {
    expect(deadlineFact('2026-12-02', 'not_started', '2026-12-02')?.label).toBe('今天到期');
    expect(deadlineFact('2026-12-05', 'returned', '2026-12-02')?.label).toBe('剩余3天');
    expect(deadlineFact(null, 'in_progress', '2026-12-02')).toBeNull();
    expect(deadlineFact('2020-01-01', 'done', '2026-12-02')).toBeNull();
    expect(deadlineFact('2020-01-01', 'terminated', '2026-12-02')).toBeNull();
  });
});

describe('digestMessage', () => {
  it('lists every task with its real deadline fact, each 催办 in Shanghai time, and its link', () => {
    const { title, body } = digestMessage({
      recipientName: '张三',
      date: '2026-03-25',
      tasks: [
        {
          title: '建立价格监测制度',
          deadline: '2026-03-20',
          deadlineFact: '逾期5天',
          link: 'http://x/tasks/1',
          messages: [
            { title: '【催办】已逾期1天：建立价格监测制度', sentAt: '2026-03-21T01:00:00.000Z' },
            { title: '【催办】已逾期4天：建立价格监测制度', sentAt: '2026-03-24T01:00:00.000Z' },
          ],
        },
        {
          title: '推进政务公开',
          deadline: null,
          deadlineFact: null,
          link: 'http://x/tasks/2',
          messages: [
            { title: '【进展报送提醒】请报送进展：推进政务公开', sentAt: '2026-03-24T16:30:00.000Z' },
          ],
        },
      ],
    });
    expect(title).toBe('【督办每日汇总】2026年3月25日：2项任务，3条催办');
    expect(body).toContain('您有3条催办消息，涉及2项任务');
    expect(body).toContain(
      '1. 建立价格监测制度\n   完成时限：2026年3月20日（逾期5天）\n   · 3月21日 09:00　【催办】已逾期1天',
    );
    expect(body).toContain('2. 推进政务公开\n   完成时限：无固定时限\n   · 3月25日 00:30');
    expect(body).toContain('   查看任务：http://x/tasks/2');
  });
});

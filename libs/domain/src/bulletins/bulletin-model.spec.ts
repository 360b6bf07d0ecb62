import { describe, expect, it } from 'vitest';
import { buildBulletin, type BulletinTaskInput } from './bulletin-model';
import { parseBulletinPeriod, previousMonthKey } from './bulletin-period';

const A = { id: 'a', name: '甲局' };
const B = { id: 'b', name: '乙局' };
const C = { id: 'c', name: '丙局' };

function task(id: string, title: string, fields: Partial<BulletinTaskInput>): BulletinTaskInput {
  return {
    id,
    title,
    documentTitle: '关于测试的通知',
    leads: [A],
    status: 'in_progress',
    deadline: null,
    createdOn: '2026-10-01',
    completedOn: null,
    completedOnTime: null,
    lastProgress: null,
    returns: [],
    ...fields,
  };
}

// November 2026, generated on 1 December: judged at 2026-12-01. Figures computed by hand (see README).
const TASKS: BulletinTaskInput[] = [
  task('t1', '任务一', {
    deadline: '2026-11-20',
    status: 'done',
    completedOn: '2026-11-18',
    completedOnTime: true,
  }),
  task('t2', '任务二', {
    deadline: '2026-11-10',
    status: 'done',
    completedOn: '2026-11-15',
    completedOnTime: false,
    returns: [{ on: '2026-11-12', reason: '材料不全' }],
  }),
  task('t3', '任务三', { deadline: '2026-11-25', lastProgress: { on: '2026-11-20', text: '已完成初稿' } }),
  task('t4', '任务四', { deadline: '2026-12-31' }),
  task('t5', '任务五', {
    leads: [B],
    deadline: '2026-10-31',
    status: 'returned',
    returns: [
      { on: '2026-10-20', reason: '上期退回' },
      { on: '2026-11-05', reason: '佐证不足' },
    ],
  }),
  task('t6', '任务六', { leads: [B], status: 'done', completedOn: '2026-11-02' }),
  task('t7', '任务七', { leads: [B], status: 'done', completedOn: '2026-10-15', completedOnTime: true }),
  task('t8', '任务八', { leads: [C], createdOn: '2026-12-05', deadline: '2026-11-01' }),
  task('t9', '任务九', { leads: [C], status: 'terminated', deadline: '2026-11-01' }),
  task('t10', '任务十', { leads: [C], deadline: '2026-11-30' }),
  task('t11', '任务十一', {
    leads: [C],
    deadline: '2026-11-30',
    status: 'done',
    completedOn: '2026-12-01',
    completedOnTime: false,
  }),
];

describe(buildBulletin.name, () => {
  const sut = buildBulletin({
    period: parseBulletinPeriod('2026-11'),
    scopeLabel: '全部任务',
    today: '2026-12-01',
    issuer: '督查室',
    tasks: TASKS,
  });

  it('titles and dates the bulletin', () => {
    expect(sut.title).toBe('督查通报（2026年11月）');
    expect(sut.headerLine).toBe('督查室　　〔2026〕第11期　　2026年12月1日');
    expect(sut.judgedOn).toBe('2026-12-01');
  });

  it('totals: tasks of the period, done in it, on time, overdue at its end, returns in it', () => {
    expect(sut.totals).toEqual({
      tasks: 8,
      done: 3,
      onTime: 2,
      overdue: 4,
      returns: 2,
      onTimeRate: 0.2857,
      overdueRate: 0.5,
    });
  });

  it('has one row per lead department', () => {
    expect(sut.departments).toEqual([
      {
        departmentId: 'a',
        department: '甲局',
        tasks: 4,
        done: 2,
        onTime: 1,
        overdue: 1,
        returns: 1,
        averageOverdueDays: 6,
        onTimeRate: 0.3333,
        overdueRate: 0.25,
      },
      {
        departmentId: 'c',
        department: '丙局',
        tasks: 2,
        done: 0,
        onTime: 0,
        overdue: 2,
        returns: 0,
        averageOverdueDays: 1,
        onTimeRate: 0,
        overdueRate: 1,
      },
      {
        departmentId: 'b',
        department: '乙局',
        tasks: 2,
        done: 1,
        onTime: 1,
        overdue: 1,
        returns: 1,
        averageOverdueDays: 31,
        onTimeRate: 0.5,
        overdueRate: 0.5,
      },
    ]);
  });

  it('ranks by on-time rate and names the best and the worst', () => {
    expect(sut.ranking.map((r) => r.department)).toEqual(['乙局', '甲局', '丙局']);
    expect(sut.best).toEqual(['乙局']);
    expect(sut.worst).toEqual(['丙局']);
  });

  it('lists the overdue items by days overdue, and the returns of the period with reasons', () => {
    expect(sut.overdueItems.map((i) => [i.title, i.overdueDays, i.lastProgress?.text ?? null])).toEqual([
      ['任务五', 31, null],
      ['任务三', 6, '已完成初稿'],
      ['任务十', 1, null],
      ['任务十一', 1, null],
    ]);
    expect(sut.returnedItems.map((i) => [i.title, i.on, i.reason])).toEqual([
      ['任务五', '2026-11-05', '佐证不足'],
      ['任务二', '2026-11-12', '材料不全'],
    ]);
  });

  it('judges a period not yet over as of today', () => {
    const running = buildBulletin({
      period: parseBulletinPeriod('2026-Q4'),
      scopeLabel: '全部任务',
      today: '2026-12-01',
      issuer: '督查室',
      tasks: TASKS,
    });
    expect(running.judgedOn).toBe('2026-12-01');
    expect(running.headerLine).toContain('〔2026〕第四季度');
    // t7 (done 10-15) is now inside the period; t11, done today, is done and not overdue.
    expect(running.totals.tasks).toBe(9);
    expect(running.overdueItems.map((i) => i.title)).not.toContain('任务十一');
    const createdToday = buildBulletin({
      period: parseBulletinPeriod('2026-12'),
      scopeLabel: '全部任务',
      today: '2026-12-01',
      issuer: '督查室',
      tasks: [task('n', '今日立项', { createdOn: '2026-12-01', deadline: '2026-12-01' })],
    });
    // Created today counts; its deadline is today, so it is not overdue yet.
    expect(createdToday.totals).toMatchObject({ tasks: 1, overdue: 0 });
  });
});

describe(parseBulletinPeriod.name, () => {
  it('reads months, quarters and custom ranges', () => {
    expect(parseBulletinPeriod('2026-02')).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
      label: '2026年2月',
    });
    expect(parseBulletinPeriod('2026-q4')).toMatchObject({
      kind: 'quarter',
      key: '2026-Q4',
      from: '2026-10-01',
      to: '2026-12-31',
      label: '2026年第四季度',
    });
    expect(parseBulletinPeriod('2026-10-01..2026-11-15')).toMatchObject({
      kind: 'custom',
      label: '2026年10月1日至2026年11月15日',
    });
  });

  it('refuses what is not a period, in Chinese', () => {
    for (const bad of ['2026-13', '2026-Q5', '2026-02-30..2026-03-01', '2026-03-02..2026-03-01', 'abc']) {
      expect(() => parseBulletinPeriod(bad), bad).toThrow(/无法识别的通报期间/);
    }
  });

  it('knows the month before', () => {
    expect(previousMonthKey('2027-01-01')).toBe('2026-12');
    expect(previousMonthKey('2026-12-01')).toBe('2026-11');
  });
});

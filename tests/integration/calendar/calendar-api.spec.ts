import {
  type CalendarYearDto,
  expectedReminders,
  type ReminderPolicy,
  type WorkingDaysDto,
} from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReminderPolicyService } from '../../../apps/api/src/reminders/reminder-policy.service';
import { deleteRedisPrefix } from '../support/reminder-env';
import { createTestApp, loginAs, seedDepartments, type TestApp } from '../support/harness';

describe('working-day calendar API', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp({
      config: {
        clock: { anchorMs: Date.now(), scale: 1, offsetMs: Date.parse('2026-12-20T00:00:00Z') - Date.now() },
      },
    });
    await seedDepartments(t);
    admin = await loginAs(t, 'admin');
    officer = await loginAs(t, 'officer', '商务部');
  });

  afterAll(async () => {
    const prefix = t?.config.redis.prefix;
    await t?.close();
    if (prefix) await deleteRedisPrefix(prefix);
  });

  it("shows every signed-in user the State Council's days off and 调休 working days of a year", async () => {
    expect((await t.request('GET', '/api/calendar?year=2026')).status).toBe(401);
    const res = await t.request<CalendarYearDto>('GET', '/api/calendar?year=2026', { token: officer });
    expect(res.status).toBe(200);
    expect(res.body.covered).toBe(true);
    const byDate = new Map(res.body.days.map((d) => [d.date, d]));
    expect(byDate.get('2026-10-01')).toEqual({
      date: '2026-10-01',
      kind: 'holiday',
      name: '国庆节',
      source: 'package',
    });
    expect(byDate.get('2026-10-10')).toMatchObject({ kind: 'workday', name: '国庆节' });
    expect(byDate.has('2026-10-12')).toBe(false);

    const unknown = await t.request<CalendarYearDto>('GET', '/api/calendar?year=2027', { token: officer });
    expect(unknown.body).toEqual({ year: 2027, covered: false, days: [] });
  });

  it('answers 「N个工作日内」 across holidays and 调休 days', async () => {
    const res = await t.request<WorkingDaysDto>('GET', '/api/calendar/working-days?from=2026-09-30&days=3', {
      token: officer,
    });
    expect(res.status).toBe(200);
    expect(res.body.date).toBe('2026-10-10');
    for (const bad of ['from=2026-02-30&days=3', 'from=2026-09-30&days=-1', 'from=2026-09-30&days=abc']) {
      const refused = await t.request<{ message: string }>('GET', `/api/calendar/working-days?${bad}`, {
        token: officer,
      });
      expect(refused.status, bad).toBe(400);
      expect(refused.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("lets admins enter a new year's announcement, validated and audited, and take it back", async () => {
    const days = [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-06', kind: 'workday', name: '春节' },
    ];
    const path = '/api/admin/calendar/2027';
    expect((await t.request('PUT', path, { token: officer, body: { days } })).status).toBe(403);
    const refusals: [unknown, number, string?][] = [
      [{ days: [{ date: '2026-12-31', kind: 'holiday', name: '元旦' }] }, 400, 'CALENDAR_DATE_OUTSIDE_YEAR'],
      [{ days: [days[0], days[0]] }, 400, 'CALENDAR_DUPLICATE_DATE'],
      [{ days: [{ date: '2027-02-30', kind: 'holiday', name: '春节' }] }, 400],
      [{ days: [{ date: '2027-02-01', kind: 'off', name: '春节' }] }, 400],
      [{ days: [{ date: '2027-02-01', kind: 'holiday', name: '' }] }, 400],
      [{ days: [{ date: '2027-02-01', kind: 'holiday', name: '  ' }] }, 400],
    ];
    for (const [body, status, code] of refusals) {
      const res = await t.request<{ code: string }>('PUT', path, { token: admin, body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      if (code) expect(res.body.code).toBe(code);
    }
    expect(
      (await t.request('PUT', '/api/admin/calendar/1999', { token: admin, body: { days } })).status,
    ).toBe(400);

    const saved = await t.request<CalendarYearDto>('PUT', path, { token: admin, body: { days } });
    expect(saved.status).toBe(200);
    expect(saved.body.covered).toBe(true);
    expect(saved.body.days.map((d) => `${d.date} ${d.kind} ${d.source}`)).toEqual([
      '2027-01-01 holiday admin',
      '2027-02-06 workday admin',
    ]);
    const [audit] = await t.dataSource.query(
      `SELECT detail FROM audit_log WHERE action = 'calendar.year_replaced' ORDER BY at DESC LIMIT 1`,
    );
    expect(audit.detail).toEqual({ year: 2027, before: 0, after: 2 });

    // Thursday 2026-12-31 + 1 working day: Friday 01-01 is now a day off, then the weekend.
    const next = await t.request<WorkingDaysDto>('GET', '/api/calendar/working-days?from=2026-12-31&days=1', {
      token: officer,
    });
    expect(next.body.date).toBe('2027-01-04');

    const cleared = await t.request<CalendarYearDto>('PUT', path, { token: admin, body: { days: [] } });
    expect(cleared.body).toEqual({ year: 2027, covered: false, days: [] });
  });

  it('keeps an admin correction of a packaged day apart from the package', async () => {
    const path = '/api/admin/calendar/2026';
    const res = await t.request<CalendarYearDto>('PUT', path, {
      token: admin,
      body: { days: [{ date: '2026-10-10', kind: 'holiday', name: '国庆节' }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.days.find((d) => d.date === '2026-10-10')).toMatchObject({
      kind: 'holiday',
      source: 'admin',
    });
    expect(res.body.days.find((d) => d.date === '2026-10-01')).toMatchObject({ source: 'package' });
    await t.request('PUT', path, { token: admin, body: { days: [] } });
  });

  it('moves reminders off days off under the shift policy, using the admins’ entries', async () => {
    await t.request('PUT', '/api/admin/calendar/2027', {
      token: admin,
      body: { days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] },
    });
    const shown = await t.request<ReminderPolicy>('PUT', '/api/admin/reminder-policy', {
      token: admin,
      body: { nonWorkingDays: 'shift' },
    });
    expect(shown.status).toBe(200);
    expect(shown.body.nonWorkingDays).toBe('shift');
    expect(shown.body).not.toHaveProperty('calendar');
    expect(
      (
        await t.request('PUT', '/api/admin/reminder-policy', {
          token: admin,
          body: { nonWorkingDays: 'skip' },
        })
      ).status,
    ).toBe(400);

    // What the scheduler and the worker use: the policy in force with the calendar in force.
    const policy = await t.app.get(ReminderPolicyService).current({ fresh: true });
    const reminders = expectedReminders(
      {
        id: 't1',
        status: 'in_progress',
        deadline: '2027-01-01',
        leadDepartmentIds: ['A'],
        participantDepartmentIds: [],
        lastReportAt: null,
        createdAt: '2026-12-01T00:00:00.000Z',
      },
      policy,
      new Date('2026-12-20T00:00:00Z'),
    );
    expect(reminders.map((r) => `${r.dueDate} ${r.rule}`)).toEqual([
      '2026-12-25 deadline_approaching',
      '2026-12-31 deadline_today',
      '2027-01-04 overdue_urge',
      '2027-01-08 overdue_escalation',
    ]);
  });
});

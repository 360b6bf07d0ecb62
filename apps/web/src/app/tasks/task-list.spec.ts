import type { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { aTask, configurePageTestBed, flushMicrotasks, pageOf, signInAs } from '../../testing/fixtures';
import { TasksStore } from './data-access/tasks.store';
import { TaskListPage } from './task-list';

describe('TaskListPage', () => {
  let fixture: ComponentFixture<TaskListPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    signInAs('officer');
    http = configurePageTestBed(TasksStore);
    fixture = TestBed.createComponent(TaskListPage);
    fixture.detectChanges();
    http.expectOne('/api/documents').flush([]);
    http
      .expectOne((r) => r.url === '/api/tasks' && r.params.get('pageSize') !== '1')
      .flush(
        pageOf([
          aTask({ title: '逾期的措施', light: 'red', overdue: true }),
          aTask({ title: '临期的措施', light: 'yellow', overdue: false, deadline: '2026-12-01' }),
          aTask({
            title: '正常的措施',
            light: 'green',
            overdue: false,
            deadline: null,
            deadlineText: '持续推进',
            deadlineKind: 'ongoing',
          }),
        ]),
      );
    await flushMicrotasks();
    await fixture.whenStable();
  });

  afterEach(() => {
    vi.useRealTimers();
    // The officer's tab counts (pageSize 1) are answered here unless a test looked at them.
    for (const req of http.match((r) => r.params.get('pageSize') === '1'))
      req.flush({ items: [], total: 0, page: 1, pageSize: 1 });
    http.verify();
    localStorage.clear();
  });

  const host = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const rows = (): HTMLElement[] =>
    Array.from(host().querySelectorAll<HTMLElement>('[data-testid="task-row"]'));

  it('lists the rows as links, with the light spelled out and the count', () => {
    expect(host().querySelector('h1')?.textContent).toBe('我的任务');
    expect(host().querySelector('[data-testid="task-count"]')?.textContent).toContain('共 3 项');
    expect(rows().map((r) => r.querySelector('.light')?.textContent?.trim())).toEqual([
      '红灯·逾期',
      '黄灯·临期',
      '绿灯·正常',
    ]);
    expect(rows()[0].tagName).toBe('A');
    expect(rows()[0].textContent).toContain('已逾期');
    expect(rows()[2].textContent).toContain('持续推进');
  });

  it('reloads with overdue=true when "只看逾期" is ticked', async () => {
    host().querySelector<HTMLInputElement>('[data-testid="filter-overdue"] input')!.click();
    await fixture.whenStable();
    const req = http.expectOne((r) => r.url === '/api/tasks' && r.params.get('pageSize') !== '1');
    expect(req.request.params.get('overdue')).toBe('true');
    req.flush(pageOf([aTask({ title: '逾期的措施' })]));
    await flushMicrotasks();
    await fixture.whenStable();
    expect(rows()).toHaveLength(1);
    expect(host().textContent).toContain('清除筛选（1）');
  });

  it('searches once typing pauses, not on every key', async () => {
    const box = host().querySelector<HTMLInputElement>('[data-testid="search"]')!;
    for (const value of ['外', '外资', '外资准入']) {
      box.value = value;
      box.dispatchEvent(new Event('input'));
      vi.advanceTimersByTime(100);
    }
    http.expectNone((r) => r.url === '/api/tasks' && r.params.get('pageSize') !== '1');
    vi.advanceTimersByTime(300);
    const req = http.expectOne((r) => r.url === '/api/tasks' && r.params.get('pageSize') !== '1');
    expect(req.request.params.get('q')).toBe('外资准入');
    req.flush(pageOf([]));
    await flushMicrotasks();
    await fixture.whenStable();
    expect(host().textContent).toContain('没有符合条件的任务');
  });

  it('opens with the overdue filter when asked by the URL', async () => {
    TestBed.resetTestingModule();
    http = configurePageTestBed(TasksStore);
    fixture = TestBed.createComponent(TaskListPage);
    fixture.componentRef.setInput('overdue', 'true');
    fixture.detectChanges();
    http.expectOne('/api/documents').flush([]);
    const req = http.expectOne((r) => r.url === '/api/tasks' && r.params.get('pageSize') !== '1');
    expect(req.request.params.get('overdue')).toBe('true');
    req.flush(pageOf([]));
    await flushMicrotasks();
    await fixture.whenStable();
    expect(host().querySelector<HTMLInputElement>('[data-testid="filter-overdue"] input')!.checked).toBe(
      true,
    );
  });

  it('switches between 牵头 and 参与', async () => {
    const participant = Array.from(
      host().querySelectorAll<HTMLButtonElement>('mat-button-toggle button'),
    ).find((b) => b.textContent?.includes('参与'))!;
    participant.click();
    await fixture.whenStable();
    const req = http.expectOne((r) => r.url === '/api/tasks' && r.params.get('pageSize') !== '1');
    expect(req.request.params.get('role')).toBe('participant');
    req.flush(pageOf([]));
    await flushMicrotasks();
  });
});

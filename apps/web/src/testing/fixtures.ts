import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { EnvironmentProviders, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNativeDateAdapter } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type {
  DepartmentDto,
  MeDto,
  PageDto,
  TaskDetailDto,
  TaskSummaryDto,
  UserRole,
} from '@duban/domain/contract';

let seq = 0;

export function aTask(overrides: Partial<TaskSummaryDto> = {}): TaskSummaryDto {
  seq += 1;
  return {
    id: `task-${seq}`,
    document: { id: 'doc-1', title: '国务院关于促进外资增长若干措施的通知', docNumber: '国发〔2017〕39号' },
    path: ['一、进一步减少外资准入限制', '（一）'],
    title: `措施 ${seq}：全面实施准入前国民待遇加负面清单管理制度`,
    status: 'in_progress',
    deadline: '2017-12-31',
    deadlineText: '2017年底前',
    deadlineKind: 'date',
    originalDeadline: null,
    overdue: true,
    light: 'red',
    lead: [{ id: 'dep-ndrc', name: '国家发展改革委' }],
    participants: [{ id: 'dep-mofcom', name: '商务部' }],
    lastReportAt: null,
    completedAt: null,
    completedOnTime: null,
    completedOnTimeOriginal: null,
    mainLeadId: 'dep-ndrc',
    awaitingSignoff: false,
    assignee: null,
    version: 1,
    ...overrides,
  };
}

export function aTaskDetail(overrides: Partial<TaskDetailDto> = {}): TaskDetailDto {
  return {
    ...aTask(),
    text: '全面实施准入前国民待遇加负面清单管理制度。（国家发展改革委、商务部负责）',
    origin: 'inline',
    source: {
      id: 'doc-1',
      kind: 'policy_document',
      title: '国务院关于促进外资增长若干措施的通知',
      reference: '国发〔2017〕39号',
      date: '2017-08-08',
    },
    milestones: [],
    checklist: [],
    nextReportDue: null,
    recurrence: null,
    terminationReason: null,
    comments: [],
    sourceFile: '000_b2e2599482101c52.txt',
    sourceLine: 8,
    parentId: null,
    submissionSummary: null,
    returnReason: null,
    reports: [],
    evidence: [],
    extensions: [],
    history: [],
    signoff: {
      requestedAt: '2017-08-10T01:00:00Z',
      dueDate: '2017-08-14',
      acknowledgedAt: '2017-08-11T01:00:00Z',
      acknowledgedBy: '张三',
    },
    allowedActions: [],
    ...overrides,
  };
}

export function pageOf<T>(items: T[], total = items.length, page = 1, pageSize = 500): PageDto<T> {
  return { items, total, page, pageSize };
}

export function aUser(role: UserRole, overrides: Partial<MeDto> = {}): MeDto {
  return {
    id: `user-${role}`,
    username: role === 'officer' ? 'ndrc.officer' : role,
    displayName: role === 'officer' ? '张三' : '李督查',
    role,
    department:
      role === 'officer' ? { id: 'dep-ndrc', name: '国家发展改革委' } : { id: 'dep-dcs', name: '督查室' },
    isHead: false,
    email: null,
    phone: null,
    mustChangePassword: false,
    ...overrides,
  };
}

/** Puts a session in localStorage the way Session stores it, before Session is first injected. */
export function signInAs(role: UserRole, overrides: Partial<MeDto> = {}): MeDto {
  const user = aUser(role, overrides);
  localStorage.setItem(
    'duban.session',
    JSON.stringify({ token: `token-${role}`, user, expiresAt: Date.now() + 3_600_000 }),
  );
  return user;
}

/** Lets pending promise continuations (await firstValueFrom …) run. */
export async function flushMicrotasks(times = 5): Promise<void> {
  for (let i = 0; i < times; i += 1) await Promise.resolve();
}

/** A ministry with no aliases, successor or predecessors; `name` defaults to the id. */
export function aDepartment(overrides: Partial<DepartmentDto> & { id: string }): DepartmentDto {
  return {
    name: overrides.id,
    kind: 'ministry',
    aliases: [],
    successor: null,
    predecessors: [],
    createdFromImport: false,
    jurisdiction: null,
    collective: false,
    ...overrides,
  };
}

/**
 * The TestBed a routed page needs (HTTP against the testing controller, a router, a date adapter), plus
 * the page's own `providers`; answers the controller.
 */
export function configurePageTestBed(
  ...providers: (Provider | EnvironmentProviders)[]
): HttpTestingController {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      provideNativeDateAdapter(),
      ...providers,
    ],
  });
  return TestBed.inject(HttpTestingController);
}

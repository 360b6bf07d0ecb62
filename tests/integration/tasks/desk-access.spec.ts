import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowEnv, type SeededUser } from '../support/workflow-env';

type Actor = 'lead' | 'participant' | 'other' | 'supervisor' | 'admin' | 'anonymous';
const ACTORS: Actor[] = ['lead', 'participant', 'other', 'supervisor', 'admin', 'anonymous'];
const supervisorOnly = (ok: number) => ({
  lead: 403,
  participant: 403,
  other: 403,
  supervisor: ok,
  admin: 403,
  anonymous: 401,
});

interface RouteCase {
  name: string;
  method: 'GET' | 'POST';
  url: (taskId: string) => string;
  body: (env: WorkflowEnv) => unknown;
  expected: Record<Actor, number>;
}

const ROUTES: RouteCase[] = [
  {
    name: 'POST /api/tasks',
    method: 'POST',
    url: () => '/api/tasks',
    body: (env) => ({
      source: { kind: 'other', title: '来源' },
      text: '任务',
      leadDepartmentIds: [env.departments.A],
    }),
    expected: supervisorOnly(201),
  },
  {
    name: 'POST /api/tasks/:id/deadline',
    method: 'POST',
    url: (id) => `/api/tasks/${id}/deadline`,
    body: () => ({ deadline: '2030-06-30', reason: '更正' }),
    expected: supervisorOnly(200),
  },
  {
    name: 'POST /api/tasks/:id/departments',
    method: 'POST',
    url: (id) => `/api/tasks/${id}/departments`,
    body: (env) => ({
      leadDepartmentIds: [env.departments.B],
      participantDepartmentIds: [env.departments.A],
      reason: '调整',
    }),
    expected: supervisorOnly(200),
  },
  {
    name: 'POST /api/tasks/:id/split',
    method: 'POST',
    url: (id) => `/api/tasks/${id}/split`,
    body: (env) => ({
      reason: '分解',
      parts: [
        { text: '一', leadDepartmentIds: [env.departments.A] },
        { text: '二', leadDepartmentIds: [env.departments.B] },
      ],
    }),
    expected: supervisorOnly(201),
  },
  {
    name: 'POST /api/tasks/:id/terminate',
    method: 'POST',
    url: (id) => `/api/tasks/${id}/terminate`,
    body: () => ({ reason: '取代' }),
    expected: supervisorOnly(200),
  },
  {
    name: 'GET /api/tasks/:id/comments',
    method: 'GET',
    url: (id) => `/api/tasks/${id}/comments`,
    body: () => undefined,
    expected: { lead: 200, participant: 200, other: 404, supervisor: 200, admin: 200, anonymous: 401 },
  },
  {
    name: 'POST /api/tasks/:id/comments',
    method: 'POST',
    url: (id) => `/api/tasks/${id}/comments`,
    body: () => ({ text: '意见' }),
    expected: { lead: 201, participant: 201, other: 404, supervisor: 201, admin: 403, anonymous: 401 },
  },
  {
    name: 'GET /api/intake/template.xlsx',
    method: 'GET',
    url: () => '/api/intake/template.xlsx',
    body: () => undefined,
    expected: supervisorOnly(200),
  },
];

describe('access matrix of the desk routes', () => {
  let env: WorkflowEnv;

  beforeAll(async () => {
    env = await WorkflowEnv.start();
  });

  afterAll(async () => {
    await env?.stop();
  });

  const userOf = (actor: Actor): SeededUser | null =>
    ({
      lead: env.users.leadOfficer,
      participant: env.users.participantOfficer,
      other: env.users.otherOfficer,
      supervisor: env.users.supervisor,
      admin: env.users.admin,
      anonymous: null,
    })[actor];

  for (const route of ROUTES) {
    it(route.name, async () => {
      const got: Partial<Record<Actor, number>> = {};
      for (const actor of ACTORS) {
        // A fresh task per cell, so one actor's successful edit does not change the next one's answer.
        const taskId = await env.newTask({ deadline: '2030-01-31' });
        const body = route.body(env);
        const res = await env.http(route.method, route.url(taskId), {
          as: userOf(actor),
          ...(body === undefined ? {} : { body }),
        });
        got[actor] = res.status;
      }
      expect(got).toEqual(route.expected);
    });
  }
});

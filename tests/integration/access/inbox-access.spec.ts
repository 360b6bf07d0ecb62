import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskEventRelay } from '../../../apps/api/src/events/task-event-relay';
import { TaskEventNotifier } from '../../../apps/api/src/notifications/task-event-notifier';
import { WorkflowEnv, type SeededUser } from '../support/workflow-env';

type Actor = 'lead' | 'participant' | 'other' | 'supervisor' | 'admin' | 'anonymous';
const ACTORS: Actor[] = ['lead', 'participant', 'other', 'supervisor', 'admin', 'anonymous'];

interface RouteCase {
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  url: (taskId: string) => string;
  body?: Record<string, string>;
  expected: Record<Actor, number>;
}

/** Every signed-in user has an inbox and a digest choice of their own; only anonymous callers are refused. */
const personal = (ok: number): Record<Actor, number> => ({
  lead: ok,
  participant: ok,
  other: ok,
  supervisor: ok,
  admin: ok,
  anonymous: 401,
});

const ROUTES: RouteCase[] = [
  {
    name: 'GET /api/notifications?groupBy=task',
    method: 'GET',
    url: () => '/api/notifications?groupBy=task',
    expected: personal(200),
  },
  {
    name: 'GET /api/notifications?category=reminder',
    method: 'GET',
    url: () => '/api/notifications?category=reminder',
    expected: personal(200),
  },
  {
    name: 'GET /api/notifications/unread-counts',
    method: 'GET',
    url: () => '/api/notifications/unread-counts',
    expected: personal(200),
  },
  {
    name: 'POST /api/notifications/read-all?category=returned',
    method: 'POST',
    url: () => '/api/notifications/read-all?category=returned',
    expected: personal(200),
  },
  {
    // Only the lead department was told of this task: for anyone else the card does not exist.
    name: 'POST /api/notifications/tasks/:taskId/read',
    method: 'POST',
    url: (taskId) => `/api/notifications/tasks/${taskId}/read`,
    expected: { lead: 200, participant: 404, other: 404, supervisor: 404, admin: 404, anonymous: 401 },
  },
  { name: 'GET /api/me/digest', method: 'GET', url: () => '/api/me/digest', expected: personal(200) },
  {
    name: 'PUT /api/me/digest',
    method: 'PUT',
    url: () => '/api/me/digest',
    body: { digest: 'daily' },
    expected: personal(200),
  },
];

describe('access matrix: inbox routes × role', () => {
  let env: WorkflowEnv;
  let users: Record<Actor, SeededUser | null>;

  beforeAll(async () => {
    env = await WorkflowEnv.start();
    users = {
      lead: env.users.leadOfficer,
      participant: env.users.participantOfficer,
      other: env.users.otherOfficer,
      supervisor: env.users.supervisor,
      admin: env.users.admin,
      anonymous: null,
    };
  });

  afterAll(async () => {
    await env?.stop();
  });

  const cells = ROUTES.flatMap((route) =>
    ACTORS.map((actor) => [route.name, actor, route.expected[actor], route] as const),
  );

  it('covers every route for every actor', () => {
    expect(cells).toHaveLength(ROUTES.length * ACTORS.length);
  });

  it.each(cells)('%s as %s → %i', async (_name, actor, expected, route) => {
    const taskId = await env.newTask({ status: 'returned', deadline: '2099-12-31' });
    await env.app.get(TaskEventNotifier).notify(env.db.manager, {
      taskId,
      rule: 'task.returned',
      title: '任务被退回：测试任务',
      body: '退回原因：材料不全。',
      departmentIds: [env.departments.A],
    });
    // The notice is an outbox event: drain it as a worker would (this app runs none).
    await env.app.get(TaskEventRelay, { strict: false }).drainAll();
    const user = users[actor];
    const response = await env.app.inject({
      method: route.method,
      url: route.url(taskId),
      headers: {
        ...(user ? { authorization: `Bearer ${user.token}` } : {}),
        ...(route.body ? { 'content-type': 'application/json' } : {}),
      },
      ...(route.body ? { payload: JSON.stringify(route.body) } : {}),
    });
    expect(response.statusCode).toBe(expected);
    // A refused request reveals nothing of the message.
    if (expected >= 400) expect(response.body).not.toContain('材料不全');
  });
});

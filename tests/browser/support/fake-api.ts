/**
 * A stand-in for the API with canned data, serving the built web app: lets the UI be looked at
 * (screenshots at desktop and phone widths) without Postgres, Redis or the API build. Not used by the e2e suite.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import type { OverdueStatsDto, TaskDetailDto, TaskSummaryDto } from '@duban/domain/contract';
import { ROOT } from './stack';

const DIST = join(ROOT, 'dist/apps/web/browser');
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html; charset=utf-8',
  '.ico': 'image/x-icon',
};
const DEPTS = [
  '国家发展改革委',
  '商务部',
  '财政部',
  '工业和信息化部',
  '人力资源社会保障部',
  '自然资源部',
  '生态环境部',
  '交通运输部',
];
const DOCS = [
  { id: 'doc-1', title: '国务院关于促进外资增长若干措施的通知', docNumber: '国发〔2017〕39号' },
  { id: 'doc-2', title: '国务院办公厅关于进一步激发社会领域投资活力的意见', docNumber: '国办发〔2017〕21号' },
];

function task(i: number): TaskSummaryDto {
  const overdue = i % 3 !== 0;
  return {
    id: `t${i}`,
    document: DOCS[i % 2],
    path: ['一、进一步减少外资准入限制', `（${i}）`],
    title: `第${i}项：进一步扩大市场准入对外开放范围，持续推进外资领域“放管服”改革，降低外资研发中心享受优惠政策门槛`,
    status: (['not_started', 'in_progress', 'submitted', 'returned'] as const)[i % 4],
    deadline: overdue ? '2017-12-31' : '2027-06-30',
    deadlineText: overdue ? '2017年底前' : '2027年6月底前',
    deadlineKind: 'date',
    originalDeadline: null,
    overdue,
    light: overdue ? 'red' : i % 3 === 0 ? 'green' : 'yellow',
    lead: [{ id: 'd0', name: DEPTS[i % DEPTS.length] }],
    participants: [{ id: 'd1', name: DEPTS[(i + 1) % DEPTS.length] }],
    lastReportAt: null,
    completedAt: null,
    completedOnTime: null,
    completedOnTimeOriginal: null,
    mainLeadId: 'd0',
    awaitingSignoff: i % 4 === 0,
    assignee: i % 4 === 0 ? null : { id: 'u-wang', name: '王经办' },
    version: 1,
  };
}

function detail(id: string, role = 'officer'): TaskDetailDto {
  const plain = task(Number(id.slice(1)) || 1);
  // t5 has two leads (主办 d0, co-lead d2) and 配合意见 from the co-lead and the participant.
  const coLed = id === 't5';
  const base: TaskSummaryDto = coLed
    ? {
        ...plain,
        lead: [plain.lead[0], { id: 'd2', name: DEPTS[2 % DEPTS.length] }],
        awaitingSignoff: false,
        assignee: { id: 'u1', name: '王经办' },
      }
    : plain;
  const cooperation = coLed
    ? [
        {
          id: 'r2',
          department: base.lead[1],
          author: '陈协办',
          text: '已完成本部门负责的配套细则起草，提请主办单位汇总。',
          createdAt: '2017-11-05T02:30:00Z',
          cooperation: true,
        },
        {
          id: 'r3',
          department: base.participants[0],
          author: '刘配合',
          text: '已梳理本领域准入限制清单 12 项，建议删减 5 项。',
          createdAt: '2017-11-06T02:30:00Z',
          cooperation: true,
        },
      ]
    : [];
  const actions: TaskDetailDto['allowedActions'] =
    role === 'supervisor'
      ? coLed
        ? ['change_main_lead']
        : []
      : [
          'report_progress',
          'upload_evidence',
          'submit',
          'request_extension',
          ...(coLed ? (['name_assignee'] as const) : []),
        ];
  return {
    ...base,
    text: '全面实施准入前国民待遇加负面清单管理制度，进一步扩大市场准入对外开放范围。（国家发展改革委、商务部牵头，各有关部门按职责分工负责）',
    origin: 'inline',
    source: {
      id: base.document.id,
      kind: 'policy_document',
      title: base.document.title,
      reference: base.document.docNumber,
      date: null,
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
    reports: [
      {
        id: 'r1',
        department: { id: 'd0', name: '国家发展改革委' },
        author: '王经办',
        text: '已完成负面清单修订初稿，正在征求意见。',
        createdAt: '2017-11-02T02:30:00Z',
        cooperation: false,
      },
      ...cooperation,
    ],
    evidence: [
      {
        id: 'e1',
        fileName: '负面清单修订稿.pdf',
        mimeType: 'application/pdf',
        size: 183_220,
        sha256: 'x',
        department: { id: 'd0', name: '国家发展改革委' },
        uploadedBy: '王经办',
        createdAt: '2017-11-02T02:31:00Z',
      },
    ],
    extensions: [],
    history: [
      {
        id: 'h1',
        action: 'task.imported',
        actor: '李督查',
        at: '2017-08-10T01:00:00Z',
        fromStatus: null,
        toStatus: 'not_started',
        detail: null,
      },
      {
        id: 'h2',
        action: 'task.progress_reported',
        actor: '王经办',
        at: '2017-11-02T02:30:00Z',
        fromStatus: 'not_started',
        toStatus: 'in_progress',
        detail: null,
      },
    ],
    signoff: {
      requestedAt: '2017-08-10T01:00:00Z',
      dueDate: '2017-08-14',
      acknowledgedAt: base.awaitingSignoff ? null : '2017-08-11T01:00:00Z',
      acknowledgedBy: base.awaitingSignoff ? null : '王经办',
    },
    allowedActions: actions,
  };
}

const rowRates = (total: number, done: number, overdue: number) => ({
  onTime: Math.round(done * 0.8),
  dueSoon: Math.round(total * 0.05),
  undated: Math.round(total * 0.1),
  overdueRate: Math.round((overdue / total) * 10_000) / 10_000,
  onTimeRate: Math.round(((done * 0.8) / (done + overdue)) * 10_000) / 10_000,
});
const stats: OverdueStatsDto = {
  totals: {
    tasks: 2000,
    done: 412,
    overdue: 1034,
    submitted: 57,
    completionRate: 0.206,
    onTime: 330,
    open: 1588,
    terminated: 0,
    yellow: 140,
    dueSoon: 90,
    stale: 50,
    undated: 300,
    overdueRate: 0.517,
    onTimeRate: 0.2285,
  },
  byDepartment: DEPTS.map((name, i) => {
    const [total, done, overdue] = [300 - i * 20, 60 - i * 5, 160 - i * 15];
    return { id: `d${i}`, name, total, done, overdue, ...rowRates(total, done, overdue) };
  }),
  byDocument: DOCS.map((d, i) => {
    const [total, done, overdue] = [900 - i * 100, 200, 500 - i * 80];
    return {
      id: d.id,
      name: `${d.docNumber} ${d.title}`,
      total,
      done,
      overdue,
      ...rowRates(total, done, overdue),
    };
  }),
  rules: { yellowWithinDays: 7, staleAfterDays: 30 },
  asOf: '2017-12-01',
};

function json(res: ServerResponse, body: unknown, status = 200): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function api(req: IncomingMessage, res: ServerResponse, url: URL, total: number): void {
  const p = url.pathname;
  const me = {
    id: 'u1',
    username: 'demo',
    displayName: '王经办',
    role: url.searchParams.get('role') ?? 'officer',
    department: { id: 'd0', name: '国家发展改革委' },
  };
  if (p === '/api/auth/login') {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const { username } = JSON.parse(body || '{}') as { username?: string };
      const role = username === 'supervisor' ? 'supervisor' : username === 'admin' ? 'admin' : 'officer';
      const user =
        role === 'officer'
          ? me
          : { ...me, displayName: role === 'admin' ? '周管理' : '李督查', role, department: null };
      json(res, { accessToken: `fake-${role}`, expiresIn: 28_800, user });
    });
    return;
  }
  if (p === '/api/notifications/unread-count') return json(res, { count: 3 });
  if (p === '/api/notifications/unread-counts')
    return json(res, {
      total: 3,
      byCategory: { reminder: 3, review: 0, extension: 0, returned: 0, other: 0 },
    });
  if (p === '/api/notifications') {
    const body = '您部门牵头的任务已逾期 30 天，请尽快报告进展。';
    const message = {
      id: 'n1',
      task: { id: 't1', title: task(1).title },
      rule: 'overdue_urge',
      category: 'reminder',
      title: '催办：任务已逾期',
      body,
      text: body,
      appPath: '/tasks/t1',
      createdAt: '2026-11-21T01:00:00Z',
      readAt: null,
    };
    if (url.searchParams.get('groupBy') !== 'task')
      return json(res, { items: [message], total: 1, page: 1, pageSize: 50 });
    const t = task(1);
    const card = {
      key: 't1',
      task: {
        id: 't1',
        title: t.title,
        document: { id: t.document.id, title: t.document.title },
        deadline: t.deadline,
        deadlineText: t.deadlineText,
        status: t.status,
        light: t.light,
        overdue: t.overdue,
        deadlineFact: '逾期30天',
      },
      latest: message,
      count: 3,
      unread: 3,
      categories: ['reminder'],
    };
    return json(res, { items: [card], total: 1, page: 1, pageSize: 20 });
  }
  if (p === '/api/documents')
    return json(
      res,
      DOCS.map((d) => ({ ...d, issuer: '国务院', date: '2017-08-08', sourceFile: '000.txt', taskCount: 20 })),
    );
  if (p === '/api/departments')
    return json(
      res,
      DEPTS.map((name, i) => ({
        id: `d${i}`,
        name,
        kind: 'ministry',
        aliases: i === 0 ? ['发展改革委', '国家发改委'] : [],
        successor: null,
        predecessors: [],
        createdFromImport: false,
        jurisdiction: null,
        collective: false,
      })),
    );
  if (p === '/api/stats/overdue') return json(res, stats);
  if (p === '/api/extensions') return json(res, []);
  if (p === '/api/tasks') {
    const page = Number(url.searchParams.get('page') ?? 1);
    const size = Number(url.searchParams.get('pageSize') ?? 50);
    const status = url.searchParams.get('status');
    const n = status === 'submitted' ? 3 : url.searchParams.get('overdue') ? Math.min(total, 50) : total;
    const items = Array.from({ length: Math.max(0, Math.min(size, n - (page - 1) * size)) }, (_, k) =>
      task((page - 1) * size + k + 1),
    );
    return json(res, {
      items: status === 'submitted' ? items.map((t) => ({ ...t, status: 'submitted' })) : items,
      total: n,
      page,
      pageSize: size,
    });
  }
  if (/^\/api\/tasks\/[^/]+\/assignee-candidates$/.test(p))
    return json(res, [
      { id: 'u1', name: '王经办' },
      { id: 'u2', name: '吴新人' },
    ]);
  const m = /^\/api\/tasks\/([^/]+)$/.exec(p);
  if (m)
    return json(
      res,
      detail(m[1], req.headers.authorization === 'Bearer fake-supervisor' ? 'supervisor' : 'officer'),
    );
  json(res, { statusCode: 404, code: 'NOT_FOUND', message: '接口不存在' }, 404);
}

export function startFakeApi(port: number, total = 2000): Promise<Server> {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('dist/apps/web/browser missing: run "npx nx build web" first.');
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) return api(req, res, url, total);
    const file = join(DIST, url.pathname);
    const target =
      file.startsWith(DIST) && existsSync(file) && statSync(file).isFile() ? file : join(DIST, 'index.html');
    res.writeHead(200, { 'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream' });
    res.end(readFileSync(target));
  });
  return new Promise((r) => server.listen(port, '127.0.0.1', () => r(server)));
}

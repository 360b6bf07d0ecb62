import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiErrorDto, BulletinDto, NotificationDto, PageDto } from '@duban/domain';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulletinsService } from '../../../apps/api/src/bulletins/bulletins.service';
import { WorkflowEnv } from '../support/workflow-env';

// Generated on 1 December 2026 (12:00 Shanghai): November is judged at 2026-12-01.
const NOW = new Date('2026-12-01T04:00:00Z');

/** Every table of a .docx as rows of cell texts (the XML read back, as Word stores it). */
async function docxTables(buffer: Buffer): Promise<string[][][]> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = (fragment: string) =>
    [...fragment.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...table[1].matchAll(/<w:tr>([\s\S]*?)<\/w:tr>|<w:tr [^>]*>([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...(row[1] ?? row[2]).matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => text(cell[1])),
    ),
  );
}

describe('GET /api/bulletins (督查通报)', () => {
  let env: WorkflowEnv;
  let secondDocument: string;

  const at = (iso: string) => new Date(iso);
  const setTask = (id: string, sql: string, params: unknown[]) =>
    env.db.query(`UPDATE tasks SET ${sql} WHERE id = $1`, [id, ...params]);
  const returned = (taskId: string, when: string, reason: string) =>
    env.db.query(
      `INSERT INTO audit_log (task_id, actor_name, action, from_status, to_status, detail, at)
       VALUES ($1, '督查室', 'task.returned', 'submitted', 'returned', jsonb_build_object('reason', $2::text), $3)`,
      [taskId, reason, at(when)],
    );

  beforeAll(async () => {
    const anchorMs = Date.now();
    env = await WorkflowEnv.start({ clock: { anchorMs, scale: 1, offsetMs: NOW.getTime() - anchorMs } });
    const { A, B, C } = env.departments;
    secondDocument = await env.newDocument('第二份文件', null);
    const created = at('2026-10-01T02:00:00Z');
    const t1 = await env.newTask({
      title: '任务一',
      lead: [A],
      participants: [],
      deadline: '2026-11-20',
      createdAt: created,
    });
    await setTask(t1, `status = 'done', completed_at = $2, completed_on_time = true`, [
      at('2026-11-18T02:00:00Z'),
    ]);
    const t2 = await env.newTask({
      title: '任务二',
      lead: [A],
      participants: [],
      deadline: '2026-11-10',
      createdAt: created,
    });
    await setTask(t2, `status = 'done', completed_at = $2, completed_on_time = false`, [
      at('2026-11-15T02:00:00Z'),
    ]);
    await returned(t2, '2026-11-12T02:00:00Z', '材料不全');
    const t3 = await env.newTask({
      title: '任务三',
      lead: [A],
      participants: [B],
      deadline: '2026-11-25',
      status: 'in_progress',
      createdAt: created,
    });
    await env.db.query(
      `INSERT INTO progress_reports (task_id, department_id, author_id, text, created_at) VALUES ($1, $2, $3, '已完成初稿', $4)`,
      [t3, A, env.users.leadOfficer.id, at('2026-11-20T02:00:00Z')],
    );
    const t4 = await env.newTask({
      title: '任务四',
      lead: [B],
      participants: [],
      deadline: '2026-10-31',
      status: 'returned',
      createdAt: created,
      documentId: secondDocument,
    });
    await returned(t4, '2026-10-20T02:00:00Z', '上期退回');
    await returned(t4, '2026-11-05T02:00:00Z', '佐证不足');
    const t5 = await env.newTask({
      title: '任务五',
      lead: [B],
      participants: [],
      deadline: null,
      createdAt: created,
    });
    await setTask(t5, `status = 'done', completed_at = $2, completed_on_time = NULL`, [
      at('2026-10-15T02:00:00Z'),
    ]);
    await env.newTask({
      title: '任务六',
      lead: [C],
      participants: [],
      deadline: '2026-11-30',
      createdAt: at('2026-11-03T02:00:00Z'),
    });
    // Created today, after the period: not counted.
    await env.newTask({
      title: '任务七',
      lead: [C],
      participants: [],
      deadline: '2026-11-01',
      createdAt: NOW,
    });
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('gives the hand-computed figures for November', async () => {
    const response = await env.http<BulletinDto>('GET', '/api/bulletins', {
      as: env.users.supervisor,
      query: { period: '2026-11' },
    });
    expect(response.status).toBe(200);
    const b = response.body;
    expect(b.title).toBe('督查通报（2026年11月）');
    expect(b.headerLine).toBe('督查室　　〔2026〕第11期　　2026年12月1日');
    expect(b.judgedOn).toBe('2026-12-01');
    expect(b.totals).toEqual({
      tasks: 5,
      done: 2,
      onTime: 1,
      overdue: 3,
      returns: 2,
      onTimeRate: 0.2,
      overdueRate: 0.6,
    });
    expect(
      b.departments.map((r) => [
        r.department,
        r.tasks,
        r.done,
        r.onTime,
        r.overdue,
        r.returns,
        r.averageOverdueDays,
      ]),
    ).toEqual([
      ['测试部门A', 3, 2, 1, 1, 1, 6],
      ['测试部门B', 1, 0, 0, 1, 1, 31],
      ['测试部门C', 1, 0, 0, 1, 0, 1],
    ]);
    expect(b.ranking.map((r) => r.department)).toEqual(['测试部门A', '测试部门B', '测试部门C']);
    expect(b.best).toEqual(['测试部门A']);
    expect(b.worst).toEqual(['测试部门C']);
    expect(b.overdueItems.map((i) => [i.title, i.overdueDays, i.lastProgress?.text ?? null])).toEqual([
      ['任务四', 31, null],
      ['任务三', 6, '已完成初稿'],
      ['任务六', 1, null],
    ]);
    expect(b.returnedItems.map((i) => [i.title, i.on, i.reason])).toEqual([
      ['任务四', '2026-11-05', '佐证不足'],
      ['任务二', '2026-11-12', '材料不全'],
    ]);
  });

  it('narrows to a document or a set of departments', async () => {
    const byDocument = await env.http<BulletinDto>('GET', '/api/bulletins', {
      as: env.users.admin,
      query: { period: '2026-11', document: secondDocument },
    });
    expect(byDocument.body.scopeLabel).toBe('《第二份文件》');
    expect(byDocument.body.totals).toMatchObject({ tasks: 1, overdue: 1, returns: 1 });
    const byDepartments = await env.http<BulletinDto>('GET', '/api/bulletins', {
      as: env.users.supervisor,
      query: { period: '2026-11', departments: `${env.departments.B},${env.departments.C}` },
    });
    expect(byDepartments.body.scopeLabel).toBe('测试部门B、测试部门C');
    expect(byDepartments.body.departments.map((r) => r.department)).toEqual(['测试部门B', '测试部门C']);
    expect(byDepartments.body.totals).toMatchObject({ tasks: 2, overdue: 2 });
  });

  it('refuses officers, bad periods and unknown scopes with clear answers', async () => {
    const officer = await env.http<ApiErrorDto>('GET', '/api/bulletins', {
      as: env.users.leadOfficer,
      query: { period: '2026-11' },
    });
    expect(officer.status).toBe(403);
    const bad = await env.http<ApiErrorDto>('GET', '/api/bulletins', {
      as: env.users.supervisor,
      query: { period: '2026-13' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BULLETIN_PERIOD_INVALID');
    expect(bad.body.message).toContain('2026-11');
    const future = await env.http<ApiErrorDto>('GET', '/api/bulletins', {
      as: env.users.supervisor,
      query: { period: '2027-01' },
    });
    expect(future.status).toBe(400);
    const unknown = await env.http<ApiErrorDto>('GET', '/api/bulletins', {
      as: env.users.supervisor,
      query: { period: '2026-11', document: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.status).toBe(400);
    const format = await env.http<ApiErrorDto>('GET', '/api/bulletins', {
      as: env.users.supervisor,
      query: { period: '2026-11', format: 'xls' },
    });
    expect(format.status).toBe(400);
  });

  it('renders a .docx whose tables read back as the figures', async () => {
    const response = await env.http('GET', '/api/bulletins', {
      as: env.users.supervisor,
      query: { period: '2026-11', format: 'docx' },
    });
    expect(response.status).toBe(200);
    expect(String(response.headers['content-type'])).toContain('wordprocessingml');
    expect(String(response.headers['content-disposition'])).toContain('.docx');
    const tables = await docxTables(response.raw);
    expect(tables).toHaveLength(4);
    expect(tables[0]).toEqual([
      [
        '序号',
        '牵头单位',
        '任务数',
        '已办结',
        '按期办结',
        '逾期未办结',
        '退回次数',
        '平均逾期天数',
        '按期办结率',
      ],
      ['1', '测试部门A', '3', '2', '1', '1', '1', '6.0', '33.3%'],
      ['2', '测试部门B', '1', '0', '0', '1', '1', '31.0', '0.0%'],
      ['3', '测试部门C', '1', '0', '0', '1', '0', '1.0', '0.0%'],
    ]);
    expect(tables[2].slice(1).map((row) => [row[1], row[4], row[5]])).toEqual([
      ['任务四', '31', '暂无进展报告'],
      ['任务三', '6', '2026-11-20：已完成初稿'],
      ['任务六', '1', '暂无进展报告'],
    ]);
    expect(tables[3].slice(1).map((row) => [row[1], row[4]])).toEqual([
      ['任务四', '佐证不足'],
      ['任务二', '材料不全'],
    ]);
    const xml = await (await JSZip.loadAsync(response.raw)).file('word/document.xml')!.async('string');
    expect(xml).toContain('〔2026〕第11期');
  });

  it('renders a PDF with the embedded CJK font that poppler turns into a page image', async () => {
    const response = await env.http('GET', '/api/bulletins', {
      as: env.users.supervisor,
      query: { period: '2026-11', format: 'pdf' },
    });
    expect(response.status).toBe(200);
    expect(String(response.headers['content-type'])).toBe('application/pdf');
    expect(response.raw.subarray(0, 5).toString()).toBe('%PDF-');
    // pdfkit embeds a subset of the font (名 like ABCDEF+SourceHanSansSC-Regular), not the 17 MB file.
    expect(response.raw.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+SourceHanSansSC-Regular/);
    expect(response.raw.length).toBeLessThan(2_000_000);
    const dir = mkdtempSync(join(tmpdir(), 'duban-bulletin-'));
    try {
      writeFileSync(join(dir, 'b.pdf'), response.raw);
      const fonts = execFileSync('pdffonts', [join(dir, 'b.pdf')]).toString();
      expect(fonts).toMatch(/SourceHanSansSC-Regular\s+CID Type 0C/);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '50',
        '-f',
        '1',
        '-l',
        '1',
        join(dir, 'b.pdf'),
        join(dir, 'page'),
      ]);
      const png = readFileSync(join(dir, 'page-1.png'));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'b.pdf'), '-']).toString();
      expect(text).toContain('督查通报（2026年11月）');
      expect(text).toMatch(/测试部门A\s+3\s+2\s+1\s+1\s+1\s+6\.0\s+33\.3%/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("delivers last month's bulletin once into every supervisor's inbox", async () => {
    const service = env.app.get(BulletinsService, { strict: false });
    const first = await service.deliverMonthly();
    expect(first).toEqual({ period: '2026-11', delivered: 1 });
    expect(await service.deliverMonthly()).toBeNull();
    const inbox = await env.http<PageDto<NotificationDto>>('GET', '/api/notifications', {
      as: env.users.supervisor,
    });
    const notice = inbox.body.items.find((n) => n.rule === 'bulletin');
    expect(notice?.title).toBe('督查通报（2026年11月）');
    expect(notice?.body).toContain('/bulletins?period=2026-11');
    const officerInbox = await env.http<PageDto<NotificationDto>>('GET', '/api/notifications', {
      as: env.users.leadOfficer,
    });
    expect(officerInbox.body.items.filter((n) => n.rule === 'bulletin')).toEqual([]);
  });
});

import { HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { EvidenceDto, TaskAction, TaskDetailDto } from '@duban/domain/contract';
import { errorMessage } from '../../core/api-error';
import { TaskChanges } from '../../core/task-changes';
import { TasksApi } from './tasks.api';

/** One task's detail and the actions on it; every action reloads the task so status, history and allowed actions stay true. */
@Injectable()
export class TaskDetailStore {
  private readonly api = inject(TasksApi);
  private readonly changes = inject(TaskChanges);

  readonly task = signal<TaskDetailDto | null>(null);
  readonly loading = signal(false);
  readonly notFound = signal(false);
  readonly error = signal<string | null>(null);
  readonly busy = signal<TaskAction | null>(null);
  readonly message = signal<string | null>(null);
  /** The action the current message or error is about, so the page shows it beside that action's form. */
  readonly lastAction = signal<TaskAction | null>(null);

  readonly allowed = computed(() => new Set<TaskAction>(this.task()?.allowedActions ?? []));
  readonly pendingExtensions = computed(() =>
    (this.task()?.extensions ?? []).filter((e) => e.status === 'pending'),
  );

  can(action: TaskAction): boolean {
    return this.allowed().has(action);
  }

  async load(id: string): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    this.notFound.set(false);
    try {
      this.task.set(await this.api.get(id));
    } catch (err) {
      this.task.set(null);
      // Other departments' tasks answer 404 (not 403) so their existence is not revealed.
      if (err instanceof HttpErrorResponse && (err.status === 404 || err.status === 403))
        this.notFound.set(true);
      else this.error.set(errorMessage(err, '任务加载失败'));
    } finally {
      this.loading.set(false);
    }
  }

  private async run(
    action: TaskAction,
    done: string,
    fn: (task: TaskDetailDto) => Promise<unknown>,
  ): Promise<boolean> {
    const task = this.task();
    if (!task) return false;
    this.busy.set(action);
    this.error.set(null);
    this.message.set(null);
    this.lastAction.set(action);
    try {
      await fn(task);
      this.message.set(done);
      // Lists and counts elsewhere (task list, dashboard) reload when next shown.
      this.changes.notify();
      await this.reload();
      return true;
    } catch (err) {
      this.error.set(errorMessage(err));
      return false;
    } finally {
      this.busy.set(null);
    }
  }

  private async reload(): Promise<void> {
    const task = this.task();
    if (task) this.task.set(await this.api.get(task.id));
  }

  reportProgress(text: string): Promise<boolean> {
    return this.run('report_progress', '进展已报告', (t) => this.api.reportProgress(t.id, text));
  }

  submit(summary: string): Promise<boolean> {
    return this.run('submit', '已提交办结，等待督查室审核', (t) => this.api.submit(t.id, summary, t.version));
  }

  requestExtension(reason: string, requestedDeadline: string): Promise<boolean> {
    return this.run('request_extension', '延期申请已提交', (t) =>
      this.api.requestExtension(t.id, reason, requestedDeadline),
    );
  }

  approve(comment?: string): Promise<boolean> {
    return this.run('approve', '已审核通过', (t) => this.api.approve(t.id, t.version, comment));
  }

  returnTask(reason: string): Promise<boolean> {
    return this.run('return', '已退回', (t) => this.api.returnTask(t.id, reason, t.version));
  }

  decideExtension(extensionId: string, decision: 'grant' | 'refuse', reason?: string): Promise<boolean> {
    return this.run(
      decision === 'grant' ? 'grant_extension' : 'refuse_extension',
      decision === 'grant' ? '已同意延期' : '已不同意延期',
      () => this.api.decideExtension(extensionId, decision, reason),
    );
  }

  evidenceAdded(evidence: EvidenceDto): void {
    this.task.update((t) => (t ? { ...t, evidence: [...t.evidence, evidence] } : t));
    this.changes.notify();
    void this.reload();
  }

  /** A wrong file of one's own department, before 报办结 (the API audits it). */
  deleteEvidence(evidence: EvidenceDto): Promise<boolean> {
    return this.run('upload_evidence', `已删除「${evidence.fileName}」`, () =>
      this.api.deleteEvidence(evidence),
    );
  }

  download(evidence: EvidenceDto): void {
    this.api
      .downloadEvidence(evidence)
      .catch((err: unknown) => this.error.set(errorMessage(err, '下载失败')));
  }
}

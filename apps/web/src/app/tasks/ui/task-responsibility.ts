import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { TaskDetailDto, UserRefDto } from '@duban/domain/contract';
import { errorMessage } from '../../core/api-error';
import { ZhDatePipe, ZhDateTimePipe } from '../../shared/format.pipes';
import { TasksApi } from '../data-access/tasks.api';

/** What changed, so the page can say it and reload. */
export type ResponsibilityChange = 'acknowledged' | 'assignee' | 'main_lead';

/**
 * 签收 and 承办人 on the task detail: the 主办 lead's officers sign the task off and name its 承办人 (any
 * officer of their department); the 督查室 chooses which lead is 主办. Everyone else reads the state.
 */
@Component({
  selector: 'db-task-responsibility',
  imports: [MatButtonModule, MatFormFieldModule, MatSelectModule, ZhDatePipe, ZhDateTimePipe],
  template: `
    @let t = task();
    <dl class="facts">
      <dt>主办单位</dt>
      <dd data-testid="main-lead">
        {{ mainLeadName() }}
        @if (t.lead.length > 1) {
          <span class="muted">（协办：{{ coLeadNames() }}）</span>
        }
      </dd>
      <dt>签收</dt>
      <dd data-testid="signoff-state">
        @if (t.signoff.acknowledgedAt) {
          <span class="ok">已签收</span>
          <span class="muted"
            >{{ t.signoff.acknowledgedAt | zhDateTime }} · {{ t.signoff.acknowledgedBy ?? '' }}</span
          >
        } @else if (t.awaitingSignoff) {
          <span class="pending">待签收</span>
          <span class="muted">请于 {{ t.signoff.dueDate | zhDate }} 前签收</span>
        } @else {
          <span class="muted">未签收</span>
        }
      </dd>
      <dt>承办人</dt>
      <dd data-testid="assignee">{{ t.assignee?.name ?? '未指定' }}</dd>
    </dl>

    @if (canAcknowledge()) {
      <div class="row-actions">
        <button
          mat-flat-button
          type="button"
          (click)="acknowledge()"
          [disabled]="busy()"
          data-testid="acknowledge"
        >
          签收
        </button>
        <span class="muted hint">签收表示本单位已收到并负责主办此项任务。</span>
      </div>
    }
    @if (canName()) {
      <mat-form-field subscriptSizing="dynamic" class="picker">
        <mat-label>指定承办人</mat-label>
        <mat-select
          [value]="t.assignee?.id ?? null"
          (valueChange)="nameAssignee($event)"
          [disabled]="busy()"
          data-testid="assignee-picker"
        >
          <mat-option [value]="null">不指定</mat-option>
          @for (c of candidates(); track c.id) {
            <mat-option [value]="c.id">{{ c.name }}</mat-option>
          }
        </mat-select>
        <mat-hint>承办人优先收到本任务的邮件提醒，本单位其他人员仍可查看和办理。</mat-hint>
      </mat-form-field>
    }
    @if (canChangeMain()) {
      <mat-form-field subscriptSizing="dynamic" class="picker">
        <mat-label>主办单位</mat-label>
        <mat-select
          [value]="t.mainLeadId"
          (valueChange)="changeMainLead($event)"
          [disabled]="busy()"
          data-testid="main-lead-picker"
        >
          @for (d of t.lead; track d.id) {
            <mat-option [value]="d.id">{{ d.name }}</mat-option>
          }
        </mat-select>
        <mat-hint>仅主办单位提交办结、申请延期；调整后由新主办单位重新签收。</mat-hint>
      </mat-form-field>
    }
    @if (error(); as e) {
      <p class="error-text" role="alert" data-testid="responsibility-error">{{ e }}</p>
    }
  `,
  styles: `
    @use 'db';

    @include db.fact-list;
    .ok {
      color: #0d652d;
      font-weight: 600;
      margin-right: 8px;
    }
    .pending {
      color: #8a4b00;
      font-weight: 600;
      margin-right: 8px;
    }
    .row-actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      margin: 8px 0;
    }
    .hint {
      font-size: 12px;
    }
    .picker {
      display: block;
      width: 100%;
      max-width: 360px;
      margin-top: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskResponsibility {
  private readonly api = inject(TasksApi);
  readonly task = input.required<TaskDetailDto>();
  readonly changed = output<ResponsibilityChange>();

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly candidates = signal<UserRefDto[]>([]);

  private readonly allowed = computed(() => new Set(this.task().allowedActions));
  protected readonly canAcknowledge = computed(() => this.allowed().has('acknowledge'));
  protected readonly canName = computed(() => this.allowed().has('name_assignee'));
  protected readonly canChangeMain = computed(
    () => this.allowed().has('change_main_lead') && this.task().lead.length > 1,
  );
  protected readonly mainLeadName = computed(() => {
    const t = this.task();
    return t.lead.find((d) => d.id === t.mainLeadId)?.name ?? t.lead[0]?.name ?? '—';
  });
  protected readonly coLeadNames = computed(() => {
    const t = this.task();
    return t.lead
      .filter((d) => d.id !== t.mainLeadId)
      .map((d) => d.name)
      .join('、');
  });

  constructor() {
    effect(() => {
      const id = this.task().id;
      if (this.canName()) untracked(() => void this.loadCandidates(id));
    });
  }

  private async loadCandidates(taskId: string): Promise<void> {
    try {
      this.candidates.set(await this.api.assigneeCandidates(taskId));
    } catch {
      // The picker then offers only 不指定 and the current 承办人 stays shown above.
    }
  }

  protected acknowledge(): void {
    void this.run('acknowledged', (t) => this.api.acknowledge(t.id, t.version));
  }

  protected nameAssignee(userId: string | null): void {
    if (userId === (this.task().assignee?.id ?? null)) return;
    void this.run('assignee', (t) => this.api.nameAssignee(t.id, userId, t.version));
  }

  protected changeMainLead(departmentId: string): void {
    if (departmentId === this.task().mainLeadId) return;
    void this.run('main_lead', (t) => this.api.changeMainLead(t.id, departmentId, t.version));
  }

  private async run(change: ResponsibilityChange, fn: (t: TaskDetailDto) => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await fn(this.task());
      this.changed.emit(change);
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatCheckboxModule, type MatCheckboxChange } from '@angular/material/checkbox';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { TaskDetailDto } from '@duban/domain/contract';
import { errorMessage } from '../../core/api-error';
import { ZhDateTimePipe } from '../../shared/format.pipes';
import { TasksApi } from '../data-access/tasks.api';

/**
 * 工作清单 on the task detail: a labelled-field block's numbered items are one task, and the departments that
 * report its progress tick them off here while it is open. Everyone else (the 督查室 included) reads how far
 * it has got; who ticked an item and when stays beside it.
 */
@Component({
  selector: 'db-task-checklist',
  imports: [MatCheckboxModule, MatProgressBarModule, ZhDateTimePipe],
  template: `
    @let items = task().checklist;
    <p class="summary" data-testid="checklist-summary">已完成 {{ doneCount() }} / {{ items.length }} 项</p>
    <mat-progress-bar mode="determinate" [value]="percent()" aria-label="工作清单完成进度" />
    <ol class="items" data-testid="checklist">
      @for (row of rows(); track row.key) {
        @let item = row.item;
        <li [class.done]="item.done" data-testid="checklist-item">
          @if (canTick()) {
            <mat-checkbox
              [checked]="item.done"
              [disabled]="busy() !== null"
              (change)="tick(row.index, $event)"
              >{{ item.text }}</mat-checkbox
            >
          } @else {
            <span class="mark" aria-hidden="true">{{ item.done ? '☑' : '☐' }}</span>
            <span
              >{{ item.text
              }}<span class="visually-hidden">{{ item.done ? '（已完成）' : '（未完成）' }}</span></span
            >
          }
          @if (item.done && item.doneAt) {
            <span class="muted who">{{ item.doneAt | zhDateTime }} · {{ item.doneBy ?? '' }}</span>
          }
        </li>
      }
    </ol>
    @if (error(); as e) {
      <p class="error-text" role="alert" data-testid="checklist-error">{{ e }}</p>
    }
  `,
  styles: `
    .summary {
      margin: 0 0 6px;
      font-weight: 600;
    }
    .items {
      margin: 12px 0 0;
      padding-left: 1.5em;
    }
    li {
      margin: 4px 0;
      overflow-wrap: anywhere;
    }
    li.done > span:not(.who) {
      color: #5f6368;
    }
    .mark {
      margin-right: 6px;
    }
    .who {
      display: block;
      font-size: 12px;
      margin-left: 40px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskChecklist {
  private readonly api = inject(TasksApi);
  readonly task = input.required<TaskDetailDto>();
  /** The task as the API answered after a tick. */
  readonly changed = output<TaskDetailDto>();

  protected readonly busy = signal<number | null>(null);
  protected readonly error = signal<string | null>(null);
  /** Bumped to redraw the rows after a refused tick. */
  private readonly revision = signal(0);
  /** The items keyed by revision: a new revision is new rows, so every box is drawn from the task again. */
  protected readonly rows = computed(() => {
    const revision = this.revision();
    return this.task().checklist.map((item, index) => ({ item, index, key: `${revision}:${index}` }));
  });
  protected readonly canTick = computed(() => this.task().allowedActions.includes('report_progress'));
  protected readonly doneCount = computed(() => this.task().checklist.filter((item) => item.done).length);
  protected readonly percent = computed(() => {
    const total = this.task().checklist.length;
    return total === 0 ? 0 : Math.round((this.doneCount() / total) * 100);
  });

  protected async tick(index: number, change: MatCheckboxChange): Promise<void> {
    const t = this.task();
    this.busy.set(index);
    this.error.set(null);
    try {
      this.changed.emit(await this.api.tickChecklistItem(t.id, index, change.checked, t.version));
    } catch (err) {
      this.error.set(errorMessage(err, '工作清单更新失败'));
      // The box must show what the server holds, not what was clicked: its binding did not change, so the
      // rows are drawn anew from the task.
      this.revision.update((r) => r + 1);
    } finally {
      this.busy.set(null);
    }
  }
}

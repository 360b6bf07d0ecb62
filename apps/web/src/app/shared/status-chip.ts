import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { TaskStatus } from '@duban/domain/contract';
import { STATUS_LABELS } from './labels';

@Component({
  selector: 'db-status-chip',
  template: `<span class="status" [class]="'status status-' + status()">{{ label() }}</span>`,
  styles: `
    .status {
      display: inline-block;
      padding: 2px 8px;
      border-radius: 4px;
      font-size: 12px;
      white-space: nowrap;
      border: 1px solid #c4c7c5;
      color: #1f1f1f;
      background: #fff;
    }
    .status-submitted {
      border-color: #0b57d0;
      color: #0842a0;
    }
    .status-done {
      border-color: #0d652d;
      color: #0d652d;
    }
    .status-returned {
      border-color: #a50e0e;
      color: #a50e0e;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusChip {
  readonly status = input.required<TaskStatus>();
  protected readonly label = computed(() => STATUS_LABELS[this.status()]);
}

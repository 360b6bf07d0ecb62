import { ChangeDetectionStrategy, Component, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { MilestoneDto } from '@duban/domain/contract';
import { toIsoDate } from '../../shared/format';

/** A step as the form holds it: the date as the datepicker gives it, the phrase as typed. */
export interface MilestoneDraft {
  date: Date | null;
  text: string;
}

export function draftsOf(milestones: readonly MilestoneDto[] | undefined): MilestoneDraft[] {
  return (milestones ?? []).map((m) => ({ date: new Date(`${m.date}T00:00:00`), text: m.text }));
}

/**
 * The steps to send, by date (blank rows left out), or a zh-CN reason the form cannot be sent: a step needs
 * both its date and what is to be done by then, and none may come after the deadline.
 */
export function milestonesOf(
  drafts: readonly MilestoneDraft[],
  deadline: string | null,
): MilestoneDto[] | string {
  const steps: MilestoneDto[] = [];
  for (const draft of drafts) {
    const date = toIsoDate(draft.date);
    const text = draft.text.trim();
    if (!date && !text) continue;
    if (!date) return '请为每个阶段节点选择日期';
    if (!text) return '阶段节点须写明要完成的内容';
    if (deadline && date > deadline) return `阶段节点（${date}）不能晚于完成时限`;
    steps.push({ date, text });
  }
  return steps.sort((a, b) => a.date.localeCompare(b.date));
}

/** 阶段节点 of a measure in the import preview's correction dialog: date + phrase rows, added and removed. */
@Component({
  selector: 'db-milestone-editor',
  imports: [FormsModule, MatButtonModule, MatDatepickerModule, MatFormFieldModule, MatInputModule],
  template: `
    <div class="steps" data-testid="correction-milestones">
      <span class="label">阶段节点</span>
      @for (step of steps(); track $index; let i = $index) {
        <div class="step" [attr.data-testid]="'milestone-' + i">
          <mat-form-field class="date">
            <mat-label>日期</mat-label>
            <input matInput [matDatepicker]="stepPicker" [(ngModel)]="step.date" />
            <mat-datepicker-toggle matIconSuffix [for]="stepPicker" />
            <mat-datepicker #stepPicker />
          </mat-form-field>
          <mat-form-field class="text">
            <mat-label>届时完成</mat-label>
            <input matInput [(ngModel)]="step.text" placeholder="如：广泛开展试点" />
          </mat-form-field>
          <button
            mat-button
            type="button"
            [attr.aria-label]="'删除第' + (i + 1) + '个阶段节点'"
            (click)="remove(i)"
          >
            删除
          </button>
        </div>
      } @empty {
        <span class="muted">无（完成时限之前没有分步要求）</span>
      }
      <span>
        <button mat-button type="button" (click)="add()" data-testid="milestone-add">添加阶段节点</button>
      </span>
    </div>
  `,
  styles: `
    .steps {
      display: grid;
      gap: 4px;
    }
    .label,
    .muted {
      font-size: 13px;
      color: #5f6368;
    }
    .step {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0 8px;
    }
    .date {
      flex: 0 1 180px;
    }
    .text {
      flex: 1 1 200px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MilestoneEditor {
  readonly steps = model<MilestoneDraft[]>([]);

  protected add(): void {
    this.steps.update((list) => [...list, { date: null, text: '' }]);
  }

  protected remove(index: number): void {
    this.steps.update((list) => list.filter((_, i) => i !== index));
  }
}

import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

let nextId = 0;

type Step = 'choose' | 'approving' | 'rejecting';

interface Choice {
  testId: 'approve' | 'reject';
  label: string;
  /** MatButton's own names: filled is mat-flat-button, outlined mat-stroked-button. */
  appearance: 'filled' | 'outlined';
  start: () => void;
}

/**
 * Approve / return with a reason, or (mode 'extension') grant / refuse an extension.
 * Approving a task asks for confirmation and takes an optional 审核意见, since it closes the task for good;
 * the reason is required for the negative decision so the department knows what to fix. The parent says
 * which buttons exist (from the task's allowedActions), so nothing here decides who may review.
 */
@Component({
  selector: 'db-review-actions',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    @switch (step()) {
      @case ('choose') {
        <div class="row-actions">
          @for (c of choices(); track c.testId) {
            <button
              [matButton]="c.appearance"
              type="button"
              [disabled]="busy()"
              (click)="c.start()"
              [attr.data-testid]="c.testId"
            >
              {{ c.label }}
            </button>
          }
        </div>
      }
      @case ('approving') {
        <form class="step" [formGroup]="approveForm" (ngSubmit)="confirmApprove()" novalidate>
          <mat-form-field class="full-width" subscriptSizing="dynamic">
            <mat-label>审核意见（可选）</mat-label>
            <textarea
              matInput
              [id]="commentId"
              [formControl]="comment"
              rows="2"
              data-testid="comment"
            ></textarea>
          </mat-form-field>
          <p class="muted hint">确认后任务即为「已办结」，不能撤回。</p>
          <div class="row-actions">
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="confirm-approve">
              确认审核通过
            </button>
            <button mat-button type="button" (click)="cancel()">取消</button>
          </div>
        </form>
      }
      @case ('rejecting') {
        <form class="step" [formGroup]="form" (ngSubmit)="confirmReject()" novalidate>
          <mat-form-field class="full-width" subscriptSizing="dynamic">
            <mat-label>{{ mode() === 'task' ? '退回理由' : '不同意理由' }}</mat-label>
            <textarea
              matInput
              [id]="reasonId"
              [formControl]="reason"
              rows="2"
              cdkFocusInitial
              data-testid="reason"
            ></textarea>
            @if (reason.touched && reason.invalid) {
              <mat-error>请填写理由，告知责任部门需要补充或修改的内容</mat-error>
            }
          </mat-form-field>
          <div class="row-actions">
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="confirm-reject">
              {{ mode() === 'task' ? '确认退回' : '确认不同意' }}
            </button>
            <button mat-button type="button" (click)="cancel()">取消</button>
          </div>
        </form>
      }
    }
  `,
  styles: `
    .step {
      margin-top: 4px;
    }
    .hint {
      margin: 4px 0 8px;
      font-size: 13px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewActions {
  readonly mode = input<'task' | 'extension'>('task');
  readonly busy = input(false);
  readonly canApprove = input(true);
  readonly canReject = input(true);
  /** The optional 审核意见 (task mode), or undefined. */
  readonly approved = output<string | undefined>();
  readonly rejected = output<string>();

  protected readonly reasonId = `review-reason-${nextId}`;
  protected readonly commentId = `review-comment-${nextId++}`;
  protected readonly step = signal<Step>('choose');
  /** The first step's buttons: the positive decision filled, the negative one outlined, each if allowed. */
  protected readonly choices = computed(() => {
    const task = this.mode() === 'task';
    const choices: Choice[] = [];
    if (this.canApprove())
      choices.push({
        testId: 'approve',
        label: task ? '审核通过' : '同意延期',
        appearance: 'filled',
        start: () => this.startApprove(),
      });
    if (this.canReject())
      choices.push({
        testId: 'reject',
        label: task ? '退回' : '不同意',
        appearance: 'outlined',
        start: () => this.step.set('rejecting'),
      });
    return choices;
  });
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.pattern(/\S/)],
  });
  protected readonly comment = new FormControl('', { nonNullable: true });
  // The groups give each <form> a FormGroupDirective, so ngSubmit fires and the page never really submits.
  protected readonly form = new FormGroup({ reason: this.reason });
  protected readonly approveForm = new FormGroup({ comment: this.comment });

  protected startApprove(): void {
    // Granting an extension only moves a date and can be seen in the history: no extra step.
    if (this.mode() === 'extension') this.approved.emit(undefined);
    else this.step.set('approving');
  }

  protected cancel(): void {
    this.step.set('choose');
    this.reason.reset();
    this.comment.reset();
  }

  protected confirmApprove(): void {
    this.approved.emit(this.comment.value.trim() || undefined);
    this.cancel();
  }

  protected confirmReject(): void {
    if (this.reason.invalid) {
      this.reason.markAsTouched();
      return;
    }
    this.rejected.emit(this.reason.value.trim());
    this.cancel();
  }
}

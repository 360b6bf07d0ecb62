import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

let nextId = 0;

/**
 * Approve / return with a reason, or (mode 'extension') grant / refuse an extension.
 * The reason is required for the negative decision so the department knows what to fix.
 */
@Component({
  selector: 'db-review-actions',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    @if (!rejecting()) {
      <div class="row-actions">
        <button mat-flat-button type="button" [disabled]="busy()" (click)="approved.emit()" data-testid="approve">
          {{ mode() === 'task' ? '审核通过' : '同意延期' }}
        </button>
        <button mat-stroked-button type="button" [disabled]="busy()" (click)="startReject()" data-testid="reject">
          {{ mode() === 'task' ? '退回' : '不同意' }}
        </button>
      </div>
    } @else {
      <form class="reject" [formGroup]="form" (ngSubmit)="confirmReject()" novalidate>
        <mat-form-field class="full-width" subscriptSizing="dynamic">
          <mat-label>{{ mode() === 'task' ? '退回理由' : '不同意理由' }}</mat-label>
          <textarea matInput [id]="reasonId" [formControl]="reason" rows="2" cdkFocusInitial data-testid="reason"></textarea>
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
  `,
  styles: `
    .reject {
      margin-top: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewActions {
  readonly mode = input<'task' | 'extension'>('task');
  readonly busy = input(false);
  readonly approved = output();
  readonly rejected = output<string>();

  protected readonly reasonId = `review-reason-${nextId++}`;
  protected readonly rejecting = signal(false);
  protected readonly reason = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/\S/)] });
  // The group gives the <form> a FormGroupDirective, so ngSubmit fires and the page never really submits.
  protected readonly form = new FormGroup({ reason: this.reason });

  protected startReject(): void {
    this.rejecting.set(true);
  }

  protected cancel(): void {
    this.rejecting.set(false);
    this.reason.reset();
  }

  protected confirmReject(): void {
    if (this.reason.invalid) {
      this.reason.markAsTouched();
      return;
    }
    this.rejected.emit(this.reason.value.trim());
    this.rejecting.set(false);
    this.reason.reset();
  }
}

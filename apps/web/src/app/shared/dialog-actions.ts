import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogActions, MatDialogClose } from '@angular/material/dialog';

/**
 * The row at the foot of a dialog: 取消 (closes it, nothing done) and the one button that does the work,
 * labelled by the content.
 * The element is the dialog's actions section itself (as `<mat-dialog-actions align="end">`), so the
 * dialog lays out as before. `type="submit"` with `form` (a form's id, when the row is outside it) lets
 * the form's ngSubmit do the work instead of `confirmed`.
 */
@Component({
  selector: 'db-dialog-actions',
  hostDirectives: [MatDialogActions],
  imports: [MatButtonModule, MatDialogClose],
  template: `
    <button mat-button type="button" mat-dialog-close>取消</button>
    <button
      mat-flat-button
      [type]="type()"
      [attr.form]="form()"
      [disabled]="disabled()"
      [attr.data-testid]="testId()"
      (click)="confirmed.emit()"
    >
      <ng-content />
    </button>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DialogActions {
  readonly testId = input.required<string>();
  /** Busy, or not ready (nothing chosen, rows with errors). */
  readonly disabled = input(false);
  readonly type = input<'button' | 'submit'>('button');
  readonly form = input<string | null>(null);
  readonly confirmed = output();

  constructor() {
    inject(MatDialogActions).align = 'end';
  }
}

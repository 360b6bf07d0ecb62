import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogActions, MatDialogClose } from '@angular/material/dialog';

/**
 * The foot of a dialog that shows one-time passwords: copy them (the button then says 已复制) and
 * 我已记下，关闭. The server keeps only hashes, so this is the last moment anyone can read them.
 */
@Component({
  selector: 'db-one-time-actions',
  hostDirectives: [MatDialogActions],
  imports: [MatButtonModule, MatDialogClose],
  template: `
    <button mat-stroked-button type="button" (click)="copy()" [attr.data-testid]="testId()">
      {{ copied() ? '已复制' : label() }}
    </button>
    <button mat-flat-button type="button" mat-dialog-close>我已记下，关闭</button>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OneTimeActions {
  private readonly clipboard = inject(Clipboard);
  /** The copy button's label before it is used. */
  readonly label = input.required<string>();
  readonly testId = input.required<string>();
  /** What goes to the clipboard. */
  readonly text = input.required<string>();
  protected readonly copied = signal(false);

  constructor() {
    inject(MatDialogActions).align = 'end';
  }

  protected copy(): void {
    this.copied.set(this.clipboard.copy(this.text()));
  }
}

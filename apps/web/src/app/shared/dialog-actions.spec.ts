import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog, MatDialogModule } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import { DialogActions } from './dialog-actions';

@Component({
  imports: [MatDialogModule, DialogActions],
  template: `
    <mat-dialog-content>内容</mat-dialog-content>
    <db-dialog-actions testId="thing-save" [disabled]="busy()" (confirmed)="saved = saved + 1">
      保存
    </db-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostDialog {
  readonly busy = signal(false);
  saved = 0;
}

describe('DialogActions', () => {
  function open() {
    const ref = TestBed.inject(MatDialog).open(HostDialog);
    TestBed.tick();
    const row = document.querySelector<HTMLElement>('db-dialog-actions')!;
    const [cancel, primary] = Array.from(row.querySelectorAll('button'));
    return { ref, row, cancel, primary };
  }

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('is the dialog’s actions section, aligned to the end, with 取消 then the labelled button', () => {
    const { row, cancel, primary } = open();
    expect(row.classList).toContain('mat-mdc-dialog-actions');
    expect(row.classList).toContain('mat-mdc-dialog-actions-align-end');
    expect(cancel.textContent?.trim()).toBe('取消');
    expect(primary.textContent?.trim()).toBe('保存');
    expect(primary.getAttribute('data-testid')).toBe('thing-save');
    expect(primary.type).toBe('button');
  });

  it('says when the work is asked for, and not while disabled', () => {
    const { ref, primary } = open();
    primary.click();
    expect(ref.componentInstance.saved).toBe(1);
    ref.componentInstance.busy.set(true);
    TestBed.tick();
    expect(primary.disabled).toBe(true);
  });

  it('closes the dialog on 取消 without a result (as a bare mat-dialog-close)', async () => {
    const { ref, cancel } = open();
    const closed = firstValueFrom(ref.afterClosed());
    cancel.click();
    TestBed.tick();
    expect(await closed).toBe('');
  });
});

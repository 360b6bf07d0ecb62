import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { RECURRENCE_LABELS, SOURCE_KIND_LABELS, type IntakePreviewRowDto } from '@duban/domain/contract';
import { ZhDatePipe, ZhDateTimePipe } from '../shared/format.pipes';
import { LedgerStore } from './data-access/ledger.store';

/** 台账导入: bulk 立项 from the Excel 台账 a 督查室 already keeps. */
@Component({
  selector: 'db-ledger-import',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatProgressBarModule,
    RouterLink,
    ZhDatePipe,
    ZhDateTimePipe,
  ],
  providers: [LedgerStore],
  templateUrl: './ledger-import-page.html',
  styleUrl: './desk-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LedgerImportPage {
  protected readonly store = inject(LedgerStore);
  protected readonly kindLabels = SOURCE_KIND_LABELS;
  protected readonly periodLabels = RECURRENCE_LABELS;

  protected onPick(input: HTMLInputElement): void {
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.store.upload(file);
  }

  protected names(list: { name: string }[]): string {
    return list.map((d) => d.name).join('、') || '—';
  }

  protected hasError(row: IntakePreviewRowDto, column: string): boolean {
    return row.errors.some((e) => e.column === column);
  }
}

import { ScrollingModule } from '@angular/cdk/scrolling';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { departmentOptions } from '../shared/picker/picker-options';
import { SearchPicker } from '../shared/picker/search-picker';
import type {
  CorrectedPreviewMeasureDto,
  ImportCorrectionDto,
  ImportJobStatus,
  ImportPreviewMeasureDto,
} from '@duban/domain/contract';
import { ZhDatePipe, ZhDateTimePipe } from '../shared/format.pipes';
import { Icon } from '../shared/icon';
import { MeasureDialog, type MeasureDialogData } from './corrections/measure-dialog';
import { ImportStore, MappingChoice } from './data-access/import.store';

@Component({
  selector: 'db-import',
  imports: [
    ScrollingModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatMenuModule,
    MatProgressBarModule,
    SearchPicker,
    ZhDatePipe,
    ZhDateTimePipe,
    Icon,
  ],
  providers: [ImportStore],
  templateUrl: './import-page.html',
  styleUrl: './import-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPage implements OnInit {
  protected readonly store = inject(ImportStore);
  private readonly dialog = inject(MatDialog);
  protected readonly documentColumns = ['序号', '文号', '标题', '发文机关', '日期', '措施数', '重复情况'];
  protected readonly dragging = signal(false);
  protected readonly docFilter = signal<number | null>(null);
  protected readonly departmentOptions = computed(() => departmentOptions(this.store.departments()));
  protected readonly measures = computed(() => {
    const all = this.store.preview()?.measures ?? [];
    const doc = this.docFilter();
    return doc === null ? all : all.filter((m) => m.documentIndex === doc);
  });

  ngOnInit(): void {
    void this.store.loadDepartments();
  }

  protected onDragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(true);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    const file = event.dataTransfer?.files[0];
    if (file) void this.store.upload(file);
  }

  protected onPick(input: HTMLInputElement): void {
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.store.upload(file);
  }

  protected setMapping(name: string, choice: MappingChoice): void {
    this.store.setMapping(name, choice);
  }

  protected commit(): void {
    void this.store.commit();
  }

  private openDialog(data: Omit<MeasureDialogData, 'store'>): void {
    this.dialog.open<MeasureDialog, MeasureDialogData, boolean>(MeasureDialog, {
      data: { ...data, store: this.store },
      autoFocus: 'dialog',
      maxWidth: '96vw',
    });
  }

  protected edit(measure: CorrectedPreviewMeasureDto): void {
    this.openDialog({ mode: 'edit', measure });
  }

  protected addMissed(): void {
    this.openDialog({ mode: 'add', fromLine: 1, toLine: 2000 });
  }

  /** The measure after this one in the same document, if any (merging needs two adjacent measures). */
  protected nextOf(measure: CorrectedPreviewMeasureDto): CorrectedPreviewMeasureDto | null {
    const all = this.store.preview()?.measures ?? [];
    const next = all[all.indexOf(measure) + 1];
    return next && next.documentIndex === measure.documentIndex ? next : null;
  }

  protected split(measure: CorrectedPreviewMeasureDto): void {
    const next = this.nextOf(measure);
    this.openDialog({
      mode: 'split',
      measure,
      fromLine: measure.line,
      toLine: next ? next.line - 1 : measure.line + 40,
    });
  }

  protected async drop(measure: CorrectedPreviewMeasureDto): Promise<void> {
    const problem = await this.store.correct({ kind: 'drop', ref: measure.ref });
    this.store.error.set(problem);
  }

  protected async mergeNext(measure: CorrectedPreviewMeasureDto): Promise<void> {
    const next = this.nextOf(measure);
    if (!next) return;
    this.store.error.set(await this.store.correct({ kind: 'merge', ref: measure.ref, withRef: next.ref }));
  }

  protected correctionLabel(c: ImportCorrectionDto): string {
    switch (c.kind) {
      case 'edit':
        return `修改第 ${c.ref?.split('-')[0]} 行的措施${c.title ? `：“${c.title}”` : ''}`;
      case 'drop':
        return `删除第 ${c.ref?.split('-')[0]} 行的措施`;
      case 'add':
        return `补充第 ${c.fromLine}–${c.toLine} 行的措施${c.title ? `：“${c.title}”` : ''}`;
      case 'merge':
        return `合并第 ${c.ref?.split('-')[0]} 行与第 ${c.withRef?.split('-')[0]} 行的措施`;
      case 'split':
        return `在第 ${c.atLine} 行拆分第 ${c.ref?.split('-')[0]} 行的措施`;
    }
  }

  protected join(list: string[]): string {
    return list.join('、') || '—';
  }

  protected trackMeasure(_i: number, m: ImportPreviewMeasureDto): string {
    return `${m.documentIndex}:${m.key}`;
  }

  protected stageLabel(status: ImportJobStatus): string {
    const labels: Record<ImportJobStatus, string> = {
      queued: '排队等待解析',
      extracting: '正在解析文本',
      building: '正在比对部门与已导入文件',
      ready: '解析完成',
      failed: '解析失败',
    };
    return labels[status];
  }

  /** utf-8-bom / gb18030 are the extractor's names; people know them as UTF-8 and GBK (国标). */
  protected encodingLabel(encoding: string): string {
    const labels: Record<string, string> = {
      'utf-8': 'UTF-8',
      'utf-8-bom': 'UTF-8（带 BOM）',
      gb18030: 'GBK / GB18030（国标）',
    };
    return labels[encoding] ?? encoding;
  }
}

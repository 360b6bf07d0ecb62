import { ScrollingModule } from '@angular/cdk/scrolling';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { departmentOptions } from '../shared/picker/picker-options';
import { SearchPicker } from '../shared/picker/search-picker';
import type { ImportJobStatus, ImportPreviewMeasureDto } from '@duban/domain/contract';
import { ZhDatePipe, ZhDateTimePipe } from '../shared/format.pipes';
import { Icon } from '../shared/icon';
import { ImportStore, MappingChoice } from './data-access/import.store';

@Component({
  selector: 'db-import',
  imports: [ScrollingModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatProgressBarModule, SearchPicker, ZhDatePipe, ZhDateTimePipe, Icon],
  providers: [ImportStore],
  templateUrl: './import-page.html',
  styleUrl: './import-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPage implements OnInit {
  protected readonly store = inject(ImportStore);
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

  protected join(list: string[]): string {
    return list.join('、') || '—';
  }

  protected trackMeasure(_i: number, m: ImportPreviewMeasureDto): string {
    return `${m.documentIndex}:${m.key}`;
  }

  protected stageLabel(status: ImportJobStatus): string {
    const labels: Record<ImportJobStatus, string> = { queued: '排队等待解析', extracting: '正在解析文本', building: '正在比对部门与已导入文件', ready: '解析完成', failed: '解析失败' };
    return labels[status];
  }

  /** utf-8-bom / gb18030 are the extractor's names; people know them as UTF-8 and GBK (国标). */
  protected encodingLabel(encoding: string): string {
    const labels: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8（带 BOM）', gb18030: 'GBK / GB18030（国标）' };
    return labels[encoding] ?? encoding;
  }
}

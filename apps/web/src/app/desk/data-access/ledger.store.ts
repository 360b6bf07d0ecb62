import { computed, inject, Injectable, signal } from '@angular/core';
import type { IntakePreviewDto, IntakeResultDto } from '@duban/domain/contract';
import { errorMessage } from '../../core/api-error';
import { runBusy } from '../../core/run-busy';
import { TaskChanges } from '../../core/task-changes';
import { uploadBody } from '../../core/upload-body';
import { DeskApi } from './desk.api';

export const MAX_LEDGER_BYTES = 20 * 1024 * 1024;

/** 台账导入: template download → upload → preview with per-row errors → commit of the valid rows. */
@Injectable()
export class LedgerStore {
  private readonly api = inject(DeskApi);
  private readonly changes = inject(TaskChanges);

  readonly preview = signal<IntakePreviewDto | null>(null);
  readonly uploading = signal(false);
  readonly progress = signal(0);
  readonly committing = signal(false);
  readonly result = signal<IntakeResultDto | null>(null);
  readonly error = signal<string | null>(null);
  readonly onlyErrors = signal(false);
  readonly rows = computed(() => {
    const rows = this.preview()?.rows ?? [];
    return this.onlyErrors() ? rows.filter((r) => r.errors.length > 0) : rows;
  });

  downloadTemplate(): void {
    this.api.downloadTemplate().catch((err: unknown) => this.error.set(errorMessage(err, '模板下载失败')));
  }

  async upload(file: File): Promise<void> {
    if (!/\.xlsx$/i.test(file.name)) {
      this.error.set(
        /\.xls$/i.test(file.name)
          ? '请在 Excel 中将台账“另存为” .xlsx 格式后再上传'
          : '请上传 .xlsx 格式的台账（可先下载模板）',
      );
      return;
    }
    if (file.size > MAX_LEDGER_BYTES) {
      this.error.set('文件太大，台账不能超过 20 MB');
      return;
    }
    this.reset(); // a new file replaces what the last one left
    this.uploading.set(true);
    this.progress.set(0);
    try {
      const preview = await uploadBody(this.api.uploadLedger(file), this.progress);
      this.preview.set(preview);
      this.onlyErrors.set(false);
    } catch (err) {
      this.error.set(errorMessage(err, '台账解析失败'));
    } finally {
      this.uploading.set(false);
    }
  }

  async commit(): Promise<void> {
    const preview = this.preview();
    if (!preview) return;
    await runBusy(this.committing, this.error, '导入失败', async () => {
      this.result.set(await this.api.commitLedger(preview.id));
      this.preview.set(null);
      this.changes.notify();
    });
  }

  reset(): void {
    this.preview.set(null);
    this.result.set(null);
    this.error.set(null);
  }
}

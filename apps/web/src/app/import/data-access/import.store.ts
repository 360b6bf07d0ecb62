import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  CorrectedImportPreviewDto,
  DepartmentDto,
  ImportCommitRequestDto,
  ImportCorrectionRequestDto,
  ImportJobDto,
  ImportResultDto,
  ImportSourceLinesDto,
} from '@duban/domain/contract';

import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../../core/api-error';
import { runBusy } from '../../core/run-busy';
import { uploadBody } from '../../core/upload-body';

/** '' or 'create' = create a new department, else an existing department id. */
export type MappingChoice = string;

/** The API's default IMPORT_MAX_BYTES (10 MiB); a larger limit set there still gets a clear 413 here. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** How often the extraction job is polled while it runs. */
export const IMPORT_POLL_MS = 500;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Import flow: upload → extraction job (polled, with progress) → preview → map unknown departments → commit. */
@Injectable()
export class ImportStore {
  private readonly http = inject(HttpClient);

  /** The preview after the file's corrections (the API stores them per file, so a re-import shows them again). */
  readonly preview = signal<CorrectedImportPreviewDto | null>(null);
  readonly departments = signal<DepartmentDto[]>([]);
  readonly mappings = signal<Record<string, MappingChoice>>({});
  readonly uploading = signal(false);
  readonly progress = signal(0);
  /** The extraction job while it runs on the server (after the upload finished). */
  readonly job = signal<ImportJobDto | null>(null);
  readonly committing = signal(false);
  readonly result = signal<ImportResultDto | null>(null);
  readonly error = signal<string | null>(null);

  readonly unmapped = computed(
    () => (this.preview()?.unknownDepartments ?? []).filter((u) => !this.mappings()[u.name]).length,
  );
  readonly duplicates = computed(
    () => (this.preview()?.documents ?? []).filter((d) => d.existing || d.sameAs).length,
  );

  async loadDepartments(): Promise<void> {
    try {
      this.departments.set(await firstValueFrom(this.http.get<DepartmentDto[]>('/api/departments')));
    } catch {
      // Without the list, unknown names can still be created as new departments.
    }
  }

  async upload(file: File): Promise<void> {
    if (!/\.txt$/i.test(file.name)) {
      this.error.set('请上传 .txt 格式的政策文本文件');
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      this.error.set(`文件太大，单个文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
      return;
    }
    this.reset(); // a new file replaces what the last one left
    this.uploading.set(true);
    this.progress.set(0);
    this.job.set(null);
    const body = new FormData();
    body.append('file', file, file.name);
    try {
      let job = await uploadBody(
        this.http.post<ImportJobDto>('/api/imports', body, { reportProgress: true, observe: 'events' }),
        this.progress,
      );
      this.job.set(job);
      while (job.status !== 'ready' && job.status !== 'failed') {
        await wait(IMPORT_POLL_MS);
        job = await firstValueFrom(this.http.get<ImportJobDto>(`/api/imports/jobs/${job.id}`));
        this.job.set(job);
      }
      if (job.status === 'failed' || !job.preview) {
        this.error.set(job.error?.message ?? '文件解析失败');
        return;
      }
      // The job's preview carries the corrections (GET /api/imports/jobs/:id answers the corrected preview).
      const preview = job.preview as CorrectedImportPreviewDto;
      this.preview.set(preview);
      this.mappings.set(Object.fromEntries(preview.unknownDepartments.map((u) => [u.name, ''])));
    } catch (err) {
      this.error.set(errorMessage(err, '文件解析失败'));
    } finally {
      this.uploading.set(false);
      this.job.set(null);
    }
  }

  setMapping(name: string, choice: MappingChoice): void {
    this.mappings.update((m) => ({ ...m, [name]: choice }));
  }

  /** Names left undecided are created as new departments, which is what the API does by default. */
  commitRequest(): ImportCommitRequestDto {
    const mappings = Object.entries(this.mappings()).map(([name, choice]) =>
      choice && choice !== 'create' ? { name, departmentId: choice } : { name, create: true },
    );
    return { mappings };
  }

  async commit(): Promise<void> {
    const preview = this.preview();
    if (!preview) return;
    await runBusy(this.committing, this.error, '导入失败', async () =>
      this.result.set(
        await firstValueFrom(
          this.http.post<ImportResultDto>(`/api/imports/${preview.id}/commit`, this.commitRequest()),
        ),
      ),
    );
  }

  /** Stores a correction; null when it was saved, else the API's zh-CN reason (the dialog shows it). */
  async correct(body: ImportCorrectionRequestDto): Promise<string | null> {
    const preview = this.preview();
    if (!preview) return '没有可修正的预览';
    try {
      this.applyPreview(
        await firstValueFrom(
          this.http.post<CorrectedImportPreviewDto>(`/api/imports/${preview.id}/corrections`, body),
        ),
      );
      return null;
    } catch (err) {
      return errorMessage(err, '修正未保存');
    }
  }

  /** Withdraws a correction (the measure shows as extracted again). */
  async uncorrect(correctionId: string): Promise<void> {
    const preview = this.preview();
    if (!preview) return;
    this.error.set(null);
    try {
      this.applyPreview(
        await firstValueFrom(
          this.http.delete<CorrectedImportPreviewDto>(
            `/api/imports/${preview.id}/corrections/${correctionId}`,
          ),
        ),
      );
    } catch (err) {
      this.error.set(errorMessage(err, '撤销修正失败'));
    }
  }

  /** Lines of the uploaded file, for selecting a missed measure or where to split one. */
  lines(from: number, to: number): Promise<ImportSourceLinesDto> {
    const preview = this.preview();
    if (!preview) return Promise.reject(new Error('no preview'));
    return firstValueFrom(
      this.http.get<ImportSourceLinesDto>(`/api/imports/${preview.id}/lines`, { params: { from, to } }),
    );
  }

  /** A corrected preview; names a correction brought in join the mappings, the choices made so far stay. */
  private applyPreview(preview: CorrectedImportPreviewDto): void {
    this.preview.set(preview);
    const before = this.mappings();
    this.mappings.set(
      Object.fromEntries(preview.unknownDepartments.map((u) => [u.name, before[u.name] ?? ''])),
    );
  }

  reset(): void {
    this.preview.set(null);
    this.result.set(null);
    this.error.set(null);
    this.mappings.set({});
  }
}

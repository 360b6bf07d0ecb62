import { HttpErrorResponse, HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { EvidenceDto } from '@duban/domain/contract';
import { Subscription } from 'rxjs';
import { errorMessage } from '../../core/api-error';
import { formatBytes } from '../../shared/format';
import { Icon } from '../../shared/icon';
import { TasksApi } from '../data-access/tasks.api';

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
// Mirrors the API's content-sniffed kinds (pdf, docx, xlsx, png, jpeg, text) so most mistakes are caught before uploading.
export const EVIDENCE_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'png', 'jpg', 'jpeg', 'txt'];

/** Checked in the browser first so the user learns at once; the API checks again (413/415). */
export function validateEvidence(file: File): string | null {
  const ext = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
  if (!EVIDENCE_EXTENSIONS.includes(ext)) {
    return `不支持的文件类型“${ext ? '.' + ext : '无扩展名'}”，请上传 ${EVIDENCE_EXTENSIONS.join('、')} 格式的文件`;
  }
  if (file.size > MAX_EVIDENCE_BYTES) {
    return `文件太大（${formatBytes(file.size)}），单个文件不能超过 ${formatBytes(MAX_EVIDENCE_BYTES)}`;
  }
  if (file.size === 0) return '文件为空，请重新选择';
  return null;
}

type UploadState =
  | { kind: 'idle' }
  | { kind: 'uploading'; fileName: string; percent: number }
  | { kind: 'done'; fileName: string }
  | { kind: 'error'; message: string };

@Component({
  selector: 'db-evidence-upload',
  imports: [MatButtonModule, MatProgressBarModule, Icon],
  template: `
    <div
      class="drop"
      [class.dragging]="dragging()"
      (dragenter)="onDragOver($event)"
      (dragover)="onDragOver($event)"
      (dragleave)="dragging.set(false)"
      (drop)="onDrop($event)"
      data-testid="evidence-drop"
    >
      <db-icon name="upload" />
      <p>将佐证材料拖放到此处，或</p>
      <button
        mat-stroked-button
        type="button"
        (click)="picker.click()"
        [disabled]="state().kind === 'uploading'"
      >
        选择文件
      </button>
      <input
        #picker
        class="visually-hidden"
        type="file"
        [attr.accept]="accept"
        aria-label="选择佐证材料文件"
        data-testid="evidence-input"
        (change)="onPick(picker)"
      />
      <p class="hint muted">支持 {{ extensionsText }}，单个文件不超过 {{ maxText }}</p>
    </div>
    <div aria-live="polite" class="status">
      @let s = state();
      @if (s.kind === 'uploading') {
        <p>正在上传 {{ s.fileName }}：{{ s.percent }}%</p>
        <mat-progress-bar mode="determinate" [value]="s.percent" aria-label="上传进度" />
        <button mat-button type="button" (click)="cancel()">取消上传</button>
      } @else if (s.kind === 'done') {
        <p class="ok">已上传：{{ s.fileName }}</p>
      } @else if (s.kind === 'error') {
        <p class="error-text" role="alert">{{ s.message }}</p>
      }
    </div>
  `,
  styles: `
    .drop {
      border: 2px dashed #8e918f;
      border-radius: 8px;
      padding: 16px;
      text-align: center;
      background: #fff;
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 6px;
    }
    .drop.dragging {
      border-color: #0b57d0;
      background: #e8f0fe;
    }
    p {
      margin: 4px 0;
    }
    .hint {
      font-size: 12px;
    }
    .ok {
      color: #0d652d;
    }
    .status {
      margin-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvidenceUpload {
  private readonly api = inject(TasksApi);
  private subscription: Subscription | null = null;

  readonly taskId = input.required<string>();
  readonly uploaded = output<EvidenceDto>();

  protected readonly state = signal<UploadState>({ kind: 'idle' });
  protected readonly dragging = signal(false);
  protected readonly accept = EVIDENCE_EXTENSIONS.map((e) => '.' + e).join(',');
  protected readonly extensionsText = EVIDENCE_EXTENSIONS.join('、');
  protected readonly maxText = formatBytes(MAX_EVIDENCE_BYTES);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.subscription?.unsubscribe());
  }

  protected onDragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging.set(true);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    const files = event.dataTransfer?.files;
    if (!files || files.length === 0) return;
    if (files.length > 1) {
      this.state.set({ kind: 'error', message: '一次只能上传一个文件' });
      return;
    }
    this.upload(files[0]);
  }

  protected onPick(inputEl: HTMLInputElement): void {
    const file = inputEl.files?.[0];
    inputEl.value = '';
    if (file) this.upload(file);
  }

  upload(file: File): void {
    const invalid = validateEvidence(file);
    if (invalid) {
      this.state.set({ kind: 'error', message: invalid });
      return;
    }
    this.subscription?.unsubscribe();
    this.state.set({ kind: 'uploading', fileName: file.name, percent: 0 });
    this.subscription = this.api.uploadEvidence(this.taskId(), file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          const percent = event.total ? Math.round((event.loaded / event.total) * 100) : 0;
          this.state.set({ kind: 'uploading', fileName: file.name, percent });
        } else if (event.type === HttpEventType.Response && event.body) {
          this.state.set({ kind: 'done', fileName: file.name });
          this.uploaded.emit(event.body);
        }
      },
      error: (err: unknown) => this.state.set({ kind: 'error', message: uploadError(err) }),
    });
  }

  protected cancel(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.state.set({ kind: 'idle' });
  }
}

function uploadError(err: unknown): string {
  if (err instanceof HttpErrorResponse && (err.status === 413 || err.status === 415)) {
    const prefix = err.status === 413 ? '文件太大' : '不支持的文件类型';
    const detail = errorMessage(err, '');
    return detail && detail !== prefix ? detail : `${prefix}，上传失败`;
  }
  return errorMessage(err, '上传失败，请重试');
}

import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { EvidenceDto } from '@duban/domain';
import { formatBytes, toIsoDate } from '../shared/format';
import { ZhDatePipe, ZhDateTimePipe } from '../shared/format.pipes';
import { Icon } from '../shared/icon';
import { auditLabel, EXTENSION_STATUS_LABELS, STATUS_LABELS } from '../shared/labels';
import { LightBadge } from '../shared/light-badge';
import { StatusChip } from '../shared/status-chip';
import { TaskDetailStore } from './data-access/task-detail.store';
import { EvidenceUpload } from './ui/evidence-upload';
import { ReviewActions } from './ui/review-actions';

type OpenForm = 'progress' | 'submit' | 'extension' | null;

@Component({
  selector: 'db-task-detail',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    LightBadge,
    StatusChip,
    ZhDatePipe,
    ZhDateTimePipe,
    Icon,
    EvidenceUpload,
    ReviewActions,
  ],
  providers: [TaskDetailStore],
  templateUrl: './task-detail.html',
  styleUrl: './task-detail.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskDetailPage {
  protected readonly store = inject(TaskDetailStore);

  /** Bound from the :id route parameter. */
  readonly id = input.required<string>();

  protected readonly openForm = signal<OpenForm>(null);
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly extensionLabels = EXTENSION_STATUS_LABELS;
  protected readonly auditLabel = auditLabel;
  protected readonly formatBytes = formatBytes;
  protected readonly minDate = new Date();

  protected readonly progressText = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/\S/)] });
  protected readonly summary = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/\S/)] });
  protected readonly progressForm = new FormGroup({ text: this.progressText });
  protected readonly submitForm = new FormGroup({ summary: this.summary });
  protected readonly extensionForm = new FormGroup({
    reason: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/\S/)] }),
    deadline: new FormControl<Date | null>(null, { validators: [Validators.required] }),
  });

  protected readonly history = computed(() => [...(this.store.task()?.history ?? [])].sort((a, b) => a.at.localeCompare(b.at)));
  protected readonly reports = computed(() => [...(this.store.task()?.reports ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
  protected readonly hasOfficerActions = computed(() =>
    ['report_progress', 'upload_evidence', 'submit', 'request_extension'].some((a) => this.store.allowed().has(a as never)),
  );

  constructor() {
    effect(() => {
      const id = this.id();
      // Only the id should re-trigger a load, not signals read on the way (e.g. the session token in the interceptor).
      untracked(() => void this.store.load(id));
    });
  }

  protected toggle(form: OpenForm): void {
    this.openForm.update((f) => (f === form ? null : form));
  }

  protected async sendProgress(): Promise<void> {
    if (this.progressText.invalid) {
      this.progressText.markAsTouched();
      return;
    }
    if (await this.store.reportProgress(this.progressText.value.trim())) {
      this.progressText.reset();
      this.openForm.set(null);
    }
  }

  protected async sendSubmit(): Promise<void> {
    if (this.summary.invalid) {
      this.summary.markAsTouched();
      return;
    }
    if (await this.store.submit(this.summary.value.trim())) {
      this.summary.reset();
      this.openForm.set(null);
    }
  }

  protected async sendExtension(): Promise<void> {
    const { reason, deadline } = this.extensionForm.getRawValue();
    const iso = toIsoDate(deadline);
    if (this.extensionForm.invalid || !iso) {
      this.extensionForm.markAllAsTouched();
      return;
    }
    if (await this.store.requestExtension(reason.trim(), iso)) {
      this.extensionForm.reset();
      this.openForm.set(null);
    }
  }

  protected onUploaded(evidence: EvidenceDto): void {
    this.store.evidenceAdded(evidence);
  }

  protected approve(): void {
    void this.store.approve();
  }

  protected returnTask(reason: string): void {
    void this.store.returnTask(reason);
  }

  protected grant(extensionId: string): void {
    void this.store.decideExtension(extensionId, 'grant');
  }

  protected refuse(extensionId: string, reason: string): void {
    void this.store.decideExtension(extensionId, 'refuse', reason);
  }

  protected names(list: { name: string }[]): string {
    return list.map((d) => d.name).join('、') || '—';
  }
}

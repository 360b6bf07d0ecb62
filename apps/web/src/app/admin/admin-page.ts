import { ChangeDetectionStrategy, Component, computed, effect, inject, OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { departmentOptions } from '../shared/picker/picker-options';
import { SearchPicker } from '../shared/picker/search-picker';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTabsModule } from '@angular/material/tabs';
import { CHANNEL_LABELS } from '../shared/labels';
import { AdminStore } from './data-access/admin.store';
import { CalendarPanel } from './calendar-panel';
import { DeliveriesPanel } from './deliveries-panel';
import { UsersPanel } from './users/users-panel';
import { DepartmentsPanel } from './departments/departments-panel';

function parseDays(text: string): number[] | null {
  const parts = text.split(/[,，、\s]+/).filter(Boolean);
  const days = parts.map(Number);
  return days.every((d) => Number.isInteger(d) && d >= 0) ? days : null;
}

const DAYS_HINT = '请填写非负整数，用顿号或逗号分隔，如 7、3、1、0';

@Component({
  selector: 'db-admin',
  imports: [
    CalendarPanel,
    DeliveriesPanel,
    DepartmentsPanel,
    UsersPanel,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatTabsModule,
    SearchPicker,
  ],
  providers: [AdminStore],
  templateUrl: './admin-page.html',
  styleUrl: './admin-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminPage implements OnInit {
  protected readonly store = inject(AdminStore);
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly departmentOptions = computed(() => departmentOptions(this.store.departments()));

  private readonly int = [Validators.required, Validators.min(0), Validators.pattern(/^\d+$/)];
  protected readonly policyForm = new FormGroup({
    sendAtLocalTime: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^([01]\d|2[0-3]):[0-5]\d$/)],
    }),
    beforeDays: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    // Empty = no 阶段节点 reminders.
    milestoneBeforeDays: new FormControl('', { nonNullable: true }),
    overdueFirstAfterDays: new FormControl(0, { nonNullable: true, validators: this.int }),
    overdueEveryDays: new FormControl(1, { nonNullable: true, validators: [...this.int, Validators.min(1)] }),
    escalateAfterDays: new FormControl(0, { nonNullable: true, validators: this.int }),
    reportIntervalDays: new FormControl(30, {
      nonNullable: true,
      validators: [...this.int, Validators.min(1)],
    }),
    reportReminderBeforeDays: new FormControl(0, { nonNullable: true, validators: this.int }),
    nonWorkingDays: new FormControl<'shift' | 'keep'>('shift', { nonNullable: true }),
  });
  protected readonly daysError = signal<string | null>(null);
  protected readonly milestoneDaysError = signal<string | null>(null);
  protected readonly prefsForm = new FormGroup({
    inbox: new FormControl(true, { nonNullable: true }),
    email: new FormControl(true, { nonNullable: true }),
  });

  protected readonly webhookForm = new FormGroup({
    departmentId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    url: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^https?:\/\/\S+$/)],
    }),
    secret: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(16)],
    }),
  });

  constructor() {
    effect(() => {
      const p = this.store.policy();
      if (p) {
        this.policyForm.reset({
          sendAtLocalTime: p.sendAtLocalTime,
          beforeDays: p.beforeDays.join('、'),
          milestoneBeforeDays: p.milestoneBeforeDays.join('、'),
          overdueFirstAfterDays: p.overdueFirstAfterDays,
          overdueEveryDays: p.overdueEveryDays,
          escalateAfterDays: p.escalateAfterDays,
          reportIntervalDays: p.reportIntervalDays,
          reportReminderBeforeDays: p.reportReminderBeforeDays,
          nonWorkingDays: p.nonWorkingDays,
        });
      }
    });
    effect(() => {
      const prefs = this.store.preferences();
      if (prefs) this.prefsForm.reset(prefs);
    });
  }

  ngOnInit(): void {
    void this.store.load();
  }

  protected savePolicy(): void {
    const v = this.policyForm.getRawValue();
    const beforeDays = parseDays(v.beforeDays);
    const milestoneBeforeDays = parseDays(v.milestoneBeforeDays);
    this.daysError.set(beforeDays ? null : DAYS_HINT);
    this.milestoneDaysError.set(milestoneBeforeDays ? null : DAYS_HINT);
    if (this.policyForm.invalid || !beforeDays || !milestoneBeforeDays) {
      this.policyForm.markAllAsTouched();
      return;
    }
    void this.store.savePolicy({
      sendAtLocalTime: v.sendAtLocalTime,
      beforeDays,
      milestoneBeforeDays,
      overdueFirstAfterDays: Number(v.overdueFirstAfterDays),
      overdueEveryDays: Number(v.overdueEveryDays),
      escalateAfterDays: Number(v.escalateAfterDays),
      reportIntervalDays: Number(v.reportIntervalDays),
      reportReminderBeforeDays: Number(v.reportReminderBeforeDays),
      nonWorkingDays: v.nonWorkingDays,
    });
  }

  protected async addWebhook(directive: FormGroupDirective): Promise<void> {
    if (this.webhookForm.invalid) {
      this.webhookForm.markAllAsTouched();
      return;
    }
    // resetForm (not reset) also clears "submitted", so the empty form does not light up as invalid.
    if (await this.store.addWebhook(this.webhookForm.getRawValue())) directive.resetForm();
  }

  protected removeWebhook(id: string): void {
    void this.store.removeWebhook(id);
  }

  protected savePrefs(): void {
    void this.store.savePreferences(this.prefsForm.getRawValue());
  }

  protected openQueueDashboard(): void {
    void this.store.openQueueDashboard();
  }

  protected reloadDepartments(): void {
    void this.store.reloadDepartments();
  }

  protected pickWebhookDepartment(id: string | null): void {
    const control = this.webhookForm.controls.departmentId;
    control.setValue(id ?? '');
    control.markAsTouched();
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  RECURRENCE_LABELS,
  RECURRENCE_PERIODS,
  SOURCE_KIND_LABELS,
  TASK_SOURCE_KINDS,
  type RecurrencePeriodDto,
  type TaskSourceKind,
} from '@duban/domain/contract';
import { toIsoDate } from '../shared/format';
import { departmentOptions } from '../shared/picker/picker-options';
import { provideZhDatepickerIntl } from '../shared/zh-datepicker-intl';
import { CreateTaskStore } from './data-access/create-task.store';
import { DepartmentListPicker } from './ui/department-list-picker';

type DeadlineMode = 'date' | 'recurring' | 'none';

const NONE: string[] = [];
const required = [Validators.required, Validators.pattern(/\S/)];

/** 立项: a task entered by the 督查室 with its source (领导批示, 会议纪要…), departments and deadline. */
@Component({
  selector: 'db-create-task',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    DepartmentListPicker,
  ],
  providers: [CreateTaskStore, provideZhDatepickerIntl()],
  templateUrl: './create-task-page.html',
  styleUrl: './desk-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateTaskPage implements OnInit {
  protected readonly store = inject(CreateTaskStore);
  private readonly router = inject(Router);

  protected readonly kinds = TASK_SOURCE_KINDS;
  protected readonly kindLabels = SOURCE_KIND_LABELS;
  protected readonly periods = RECURRENCE_PERIODS;
  protected readonly periodLabels = RECURRENCE_LABELS;
  protected readonly options = computed(() => departmentOptions(this.store.departments()));
  protected readonly lead = signal<string[]>([]);
  protected readonly participants = signal<string[]>([]);
  protected readonly leadMissing = signal(false);
  /** 牵头 then 配合; a unit is one or the other, so the 配合 picker leaves out the lead units. */
  protected readonly departmentPickers = computed(() => [
    {
      title: '牵头单位',
      label: '添加牵头单位',
      value: this.lead(),
      exclude: NONE,
      emptyText: '尚未选择',
      testId: 'lead-picker',
      set: (ids: string[]) => this.setLead(ids),
      missing: this.leadMissing(),
    },
    {
      title: '配合单位',
      label: '添加配合单位',
      value: this.participants(),
      exclude: this.lead(),
      emptyText: '无',
      testId: 'participant-picker',
      set: (ids: string[]) => this.participants.set(ids),
      missing: false,
    },
  ]);

  protected readonly form = new FormGroup({
    kind: new FormControl<TaskSourceKind>('leader_instruction', { nonNullable: true }),
    sourceTitle: new FormControl('', { nonNullable: true, validators: required }),
    reference: new FormControl('', { nonNullable: true }),
    sourceDate: new FormControl<Date | null>(null),
    title: new FormControl('', { nonNullable: true }),
    text: new FormControl('', { nonNullable: true, validators: required }),
    deadlineMode: new FormControl<DeadlineMode>('date', { nonNullable: true }),
    deadline: new FormControl<Date | null>(null),
    recurrence: new FormControl<RecurrencePeriodDto>('quarter', { nonNullable: true }),
  });
  /** 「N个工作日内」: fills 完成时限 with the N-th working day after today (holidays and 调休 counted). */
  protected readonly workingDays = new FormControl<number | null>(null, {
    validators: [Validators.min(1), Validators.max(250)],
  });
  protected readonly workingDaysNote = signal<string | null>(null);
  protected readonly milestones = new FormArray<
    FormGroup<{ date: FormControl<Date | null>; text: FormControl<string> }>
  >([]);

  ngOnInit(): void {
    void this.store.loadDepartments();
  }

  protected addMilestone(): void {
    this.milestones.push(
      new FormGroup({
        date: new FormControl<Date | null>(null, { validators: [Validators.required] }),
        text: new FormControl('', { nonNullable: true, validators: required }),
      }),
    );
  }

  protected async applyWorkingDays(): Promise<void> {
    const days = Number(this.workingDays.value);
    if (!Number.isInteger(days) || days < 1 || days > 250) {
      this.workingDaysNote.set('请填写 1 至 250 之间的整数');
      return;
    }
    const today = toIsoDate(new Date()) ?? '';
    const date = await this.store.afterWorkingDays(today, days);
    if (!date) return;
    const [y, m, d] = date.split('-').map(Number);
    this.form.controls.deadline.setValue(new Date(y ?? 0, (m ?? 1) - 1, d ?? 1));
    this.workingDaysNote.set(`${days}个工作日内：截至 ${y}年${m}月${d}日（已按法定节假日和调休计算）`);
  }

  protected setLead(ids: string[]): void {
    this.lead.set(ids);
    this.leadMissing.set(ids.length === 0);
    this.participants.update((p) => p.filter((id) => !ids.includes(id)));
  }

  protected async save(): Promise<void> {
    const v = this.form.getRawValue();
    const needsDate = v.deadlineMode === 'date';
    if (needsDate && !v.deadline) this.form.controls.deadline.setErrors({ required: true });
    this.leadMissing.set(this.lead().length === 0);
    if (this.form.invalid || this.milestones.invalid || this.leadMissing()) {
      this.form.markAllAsTouched();
      this.milestones.markAllAsTouched();
      return;
    }
    const task = await this.store.create({
      source: {
        kind: v.kind,
        title: v.sourceTitle.trim(),
        reference: v.reference.trim() || null,
        date: toIsoDate(v.sourceDate),
      },
      title: v.title.trim() || undefined,
      text: v.text.trim(),
      leadDepartmentIds: this.lead(),
      participantDepartmentIds: this.participants(),
      deadline: needsDate ? toIsoDate(v.deadline) : null,
      recurrence: v.deadlineMode === 'recurring' ? v.recurrence : null,
      milestones: needsDate
        ? this.milestones.getRawValue().map((m) => ({ date: toIsoDate(m.date) ?? '', text: m.text.trim() }))
        : [],
    });
    if (task) void this.router.navigate(['/tasks', task.id]);
  }
}

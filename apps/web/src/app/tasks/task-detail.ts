import { NgTemplateOutlet } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  RECURRENCE_LABELS,
  SOURCE_KIND_LABELS,
  type AuditEntryDto,
  type EvidenceDto,
  type ProgressReportDto,
  type TaskAction,
  type TaskDetailDto,
} from '@duban/domain/contract';
import { TaskChanges } from '../core/task-changes';
import { departmentOptions } from '../shared/picker/picker-options';
import { TasksApi } from './data-access/tasks.api';
import { historyNote } from './history-note';
import { SupervisorEdits } from './ui/supervisor-edits';
import { TaskChecklist } from './ui/task-checklist';
import { TaskComments } from './ui/task-comments';
import { TaskResponsibility, type ResponsibilityChange } from './ui/task-responsibility';
import type { TaskEditMode } from './ui/task-edit-dialog';
import { Session } from '../core/session';
import { formatBytes, toIsoDate } from '../shared/format';
import { ZhDatePipe, ZhDateTimePipe } from '../shared/format.pipes';
import { Icon } from '../shared/icon';
import { actorLabel, auditLabel, EXTENSION_STATUS_LABELS, STATUS_LABELS } from '../shared/labels';
import { LightBadge } from '../shared/light-badge';
import { StatusChip } from '../shared/status-chip';
import { provideZhDatepickerIntl } from '../shared/zh-datepicker-intl';
import { TaskDetailStore } from './data-access/task-detail.store';
import { EvidenceUpload } from './ui/evidence-upload';
import { guidance } from './next-step';
import { ReviewActions } from './ui/review-actions';

type OpenForm = 'progress' | 'submit' | 'extension' | null;
/** Where the feedback of the last action goes: under the form that was used, or at the top when that form is gone. */
type FeedbackArea = 'officer' | 'review' | 'extension' | 'top';

interface TextForm {
  form: 'progress' | 'submit';
  control: FormControl<string>;
  group: FormGroup;
  label: string;
  error: string;
  textTestId: string;
  sendTestId: string;
  sendLabel: string;
  send: (text: string) => Promise<boolean>;
}

function textForm(
  form: TextForm['form'],
  label: string,
  error: string,
  textTestId: string,
  sendTestId: string,
  sendLabel: string,
  send: TextForm['send'],
): TextForm {
  const control = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.pattern(/\S/)],
  });
  const group = new FormGroup({ text: control });
  return { form, control, group, label, error, textTestId, sendTestId, sendLabel, send };
}

/** The buttons of the 办理 bar: each opens its form under the bar (the second click closes it). */
const OFFICER_BUTTONS: readonly {
  action: TaskAction;
  form: Exclude<OpenForm, null>;
  label: string;
  appearance: 'filled' | 'outlined';
  testId: string | null;
}[] = [
  {
    action: 'report_progress',
    form: 'progress',
    label: '报告进展',
    appearance: 'filled',
    testId: 'open-progress',
  },
  { action: 'submit', form: 'submit', label: '提交办结', appearance: 'filled', testId: 'open-submit' },
  { action: 'request_extension', form: 'extension', label: '申请延期', appearance: 'outlined', testId: null },
];

const OFFICER_ACTIONS: readonly TaskAction[] = [
  'report_progress',
  'upload_evidence',
  'submit',
  'request_extension',
];

@Component({
  selector: 'db-task-detail',
  imports: [
    NgTemplateOutlet,
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
    SupervisorEdits,
    TaskComments,
    TaskResponsibility,
    TaskChecklist,
  ],
  providers: [TaskDetailStore, provideZhDatepickerIntl()],
  templateUrl: './task-detail.html',
  styleUrl: './task-detail.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskDetailPage {
  protected readonly store = inject(TaskDetailStore);
  private readonly session = inject(Session);
  private readonly snackBar = inject(MatSnackBar);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly tasksApi = inject(TasksApi);
  private readonly changes = inject(TaskChanges);

  /** Bound from the :id route parameter. */
  readonly id = input.required<string>();

  protected readonly openForm = signal<OpenForm>(null);
  protected readonly officerButtons = OFFICER_BUTTONS;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly extensionLabels = EXTENSION_STATUS_LABELS;
  protected readonly auditLabel = auditLabel;
  protected readonly actorLabel = actorLabel;
  protected readonly formatBytes = formatBytes;
  protected readonly minDate = new Date();
  protected readonly sourceKindLabels = SOURCE_KIND_LABELS;
  protected readonly recurrenceLabels = RECURRENCE_LABELS;
  protected readonly historyNote: (h: AuditEntryDto) => string | null = historyNote;
  protected readonly isSupervisor = computed(() => this.session.user()?.role === 'supervisor');
  /** The 督查室 corrects open tasks; 已办结 and 已终止 are final. */
  protected readonly canEdit = computed(() => {
    const task = this.store.task();
    return this.isSupervisor() && task !== null && task.status !== 'done' && task.status !== 'terminated';
  });
  /** Supervisors and the task's own departments (an officer sees only those) write; admins read. */
  protected readonly canComment = computed(() => this.session.user()?.role !== 'admin');
  private readonly departments = signal<Awaited<ReturnType<TasksApi['departments']>>>([]);
  /** Assignable units, plus the task's own (a collective lead such as 各有关部门 is shown by name, to be replaced). */
  protected readonly departmentOptions = computed(() => {
    const task = this.store.task();
    const own = new Set([...(task?.lead ?? []), ...(task?.participants ?? [])].map((d) => d.id));
    return departmentOptions(
      this.departments().filter((d) => own.has(d.id) || (!d.collective && !d.successor)),
    );
  });

  /** The two one-textarea forms of the 办理 card (进展, 办结); the template draws both from this list. */
  protected readonly textForms: readonly TextForm[] = [
    textForm('progress', '进展情况', '请填写进展情况', 'progress-text', 'send-progress', '提交进展', (text) =>
      this.store.reportProgress(text),
    ),
    textForm(
      'submit',
      '办结情况说明',
      '请填写办结情况说明',
      'submit-summary',
      'send-submit',
      '确认提交',
      (text) => this.store.submit(text),
    ),
  ];
  protected readonly extensionForm = new FormGroup({
    reason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/\S/)],
    }),
    deadline: new FormControl<Date | null>(null, { validators: [Validators.required] }),
  });

  protected readonly history = computed(() =>
    [...(this.store.task()?.history ?? [])].sort((a, b) => a.at.localeCompare(b.at)),
  );
  protected readonly reports = computed(() =>
    [...(this.store.task()?.reports ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  );
  /** The 主办's own reports first, then each co-lead's or participant's 配合意见, grouped by department (newest first). */
  protected readonly reportGroups = computed(() => {
    const groups = new Map<
      string,
      { key: string; title: string; cooperation: boolean; reports: ProgressReportDto[] }
    >();
    for (const r of this.reports()) {
      const key = r.cooperation ? `c:${r.department.id}` : 'main';
      const group = groups.get(key) ?? {
        key,
        title: r.cooperation ? `配合意见 · ${r.department.name}` : '主办单位进展',
        cooperation: r.cooperation,
        reports: [],
      };
      group.reports.push(r);
      groups.set(key, group);
    }
    return [...groups.values()].sort((a, b) => Number(a.cooperation) - Number(b.cooperation));
  });
  protected readonly hasOfficerActions = computed(() =>
    OFFICER_ACTIONS.some((a) => this.store.allowed().has(a)),
  );
  protected readonly canReview = computed(() => this.store.can('approve') || this.store.can('return'));
  protected readonly guidance = computed(() => {
    const task = this.store.task();
    return task ? guidance(task, this.session.user()?.department?.id ?? null) : null;
  });
  protected readonly feedbackArea = computed<FeedbackArea | null>(() => {
    const action = this.store.lastAction();
    if (!this.store.error() && !this.store.message()) return null;
    if (action && OFFICER_ACTIONS.includes(action) && this.hasOfficerActions()) return 'officer';
    if ((action === 'approve' || action === 'return') && this.canReview()) return 'review';
    if (
      (action === 'grant_extension' || action === 'refuse_extension') &&
      this.store.task()?.extensions.length
    )
      return 'extension';
    return 'top';
  });

  constructor() {
    effect(() => {
      const id = this.id();
      // Only the id should re-trigger a load, not signals read on the way (e.g. the session token in the interceptor).
      untracked(() => void this.store.load(id));
    });
    effect(() => {
      if (this.isSupervisor()) untracked(() => void this.loadDepartments());
    });
  }

  private async loadDepartments(): Promise<void> {
    try {
      this.departments.set(await this.tasksApi.departments());
    } catch {
      // Without the registry the edit dialogs still show the task's own departments.
    }
  }

  private static readonly EDITED: Record<TaskEditMode, string> = {
    deadline: '完成时限已修改',
    departments: '责任单位已调整',
    split: '任务已拆分',
    terminate: '任务已终止',
  };

  protected onEdited(mode: TaskEditMode): void {
    this.snackBar.open(TaskDetailPage.EDITED[mode], '关闭', { duration: 4000 });
    this.changes.notify();
    void this.store.load(this.id());
  }

  private static readonly RESPONSIBILITY: Record<ResponsibilityChange, string> = {
    acknowledged: '已签收',
    assignee: '承办人已更新',
    main_lead: '主办单位已调整，待新主办单位签收',
  };

  protected onResponsibility(change: ResponsibilityChange): void {
    this.snackBar.open(TaskDetailPage.RESPONSIBILITY[change], '关闭', { duration: 4000 });
    this.changes.notify();
    void this.store.load(this.id());
  }

  /** A 工作清单 tick answered with the task as it now is: no reload needed. */
  protected onChecklist(task: TaskDetailDto): void {
    this.store.task.set(task);
    this.changes.notify();
  }

  protected onCommented(): void {
    this.changes.notify();
    void this.store.load(this.id());
  }

  protected toggle(form: OpenForm): void {
    this.openForm.update((f) => (f === form ? null : form));
    // The buttons may sit in the phone's sticky bar far from the form: bring the form's first field into view.
    if (this.openForm()) this.focusAfterRender('.action-form textarea');
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(
      () => {
        const el = this.host.nativeElement.querySelector<HTMLElement>(selector);
        if (!el) return;
        el.focus();
        // jsdom (component tests) has no layout and no scrollIntoView.
        if (typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'center' });
      },
      { injector: this.injector },
    );
  }

  /** Success: a snackbar (the inline line stays); failure: focus the inline error beside the form. */
  private async act(run: Promise<boolean>): Promise<boolean> {
    const ok = await run;
    const message = this.store.message();
    if (ok && message) this.snackBar.open(message, '关闭', { duration: 4000 });
    if (!ok) this.focusAfterRender('[data-testid="task-error"]');
    return ok;
  }

  protected async sendText(form: TextForm): Promise<void> {
    if (form.control.invalid) {
      form.control.markAsTouched();
      this.focusAfterRender(`[data-testid="${form.textTestId}"]`);
      return;
    }
    if (await this.act(form.send(form.control.value.trim()))) {
      form.control.reset();
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
    if (await this.act(this.store.requestExtension(reason.trim(), iso))) {
      this.extensionForm.reset();
      this.openForm.set(null);
    }
  }

  /** Own department's files can be removed while the task still takes evidence. */
  protected canDelete(evidence: EvidenceDto): boolean {
    const mine = this.session.user()?.department?.id ?? null;
    return this.store.can('upload_evidence') && mine !== null && evidence.department?.id === mine;
  }

  protected deleteEvidence(evidence: EvidenceDto): void {
    if (!globalThis.confirm(`删除佐证材料「${evidence.fileName}」？删除后不可恢复（操作记入日志）。`)) return;
    void this.act(this.store.deleteEvidence(evidence));
  }

  protected onUploaded(evidence: EvidenceDto): void {
    this.store.evidenceAdded(evidence);
  }

  protected approve(comment: string | undefined): void {
    void this.act(this.store.approve(comment));
  }

  protected returnTask(reason: string): void {
    void this.act(this.store.returnTask(reason));
  }

  protected grant(extensionId: string): void {
    void this.act(this.store.decideExtension(extensionId, 'grant'));
  }

  protected refuse(extensionId: string, reason: string): void {
    void this.act(this.store.decideExtension(extensionId, 'refuse', reason));
  }

  protected names(list: { name: string }[]): string {
    return list.map((d) => d.name).join('、') || '—';
  }
}

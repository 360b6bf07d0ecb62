import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { CorrectedPreviewMeasureDto, ImportCorrectionRequestDto } from '@duban/domain/contract';
import { DialogActions } from '../../shared/dialog-actions';
import { ErrorAlert } from '../../shared/error-alert';
import { toIsoDate } from '../../shared/format';
import { provideZhDatepickerIntl } from '../../shared/zh-datepicker-intl';
import { departmentOptions } from '../../shared/picker/picker-options';
import { SearchPicker } from '../../shared/picker/search-picker';
import { draftsOf, MilestoneEditor, milestonesOf, type MilestoneDraft } from './milestone-editor';
import type { ImportStore } from '../data-access/import.store';

/**
 * 修改 a measure, 补充遗漏措施 from lines of the document text, or 拆分 one at a line. The store comes with the
 * data: it is the import page's own (one per page), not a root service.
 */
export interface MeasureDialogData {
  mode: 'edit' | 'add' | 'split';
  store: ImportStore;
  measure?: CorrectedPreviewMeasureDto;
  /** Lines to offer (add: the document's, split: the measure's and what follows). */
  fromLine?: number;
  toLine?: number;
}

type Party = 'lead' | 'participants';

@Component({
  selector: 'db-measure-dialog',
  providers: [provideZhDatepickerIntl()],
  imports: [
    FormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    SearchPicker,
    ErrorAlert,
    DialogActions,
    MilestoneEditor,
  ],
  template: `
    <h2 mat-dialog-title>{{ heading }}</h2>
    <mat-dialog-content class="fields">
      @if (data.mode !== 'edit') {
        <p class="muted">
          @if (data.mode === 'add') {
            点击起始行，再点击结束行，选出遗漏措施的原文；措施标题默认取所选文字的第一句。
          } @else {
            点击第二部分开始的那一行。
          }
        </p>
        <div
          class="lines"
          role="listbox"
          [attr.aria-label]="data.mode === 'add' ? '选择原文行' : '选择拆分位置'"
          data-testid="correction-lines"
        >
          @for (l of lines(); track l.line) {
            <button
              type="button"
              class="line"
              role="option"
              [class.picked]="picked(l.line)"
              [attr.aria-selected]="picked(l.line)"
              [attr.data-testid]="'line-' + l.line"
              [disabled]="!l.text.trim()"
              (click)="pick(l.line)"
            >
              <span class="no">{{ l.line }}</span><span>{{ l.text || ' ' }}</span>
            </button>
          } @empty {
            <p class="muted">{{ linesError() ?? '正在读取原文…' }}</p>
          }
        </div>
      }
      @if (data.mode !== 'split') {
        <mat-form-field>
          <mat-label>措施标题</mat-label>
          <input
            matInput
            [(ngModel)]="title"
            [placeholder]="data.mode === 'add' ? '留空则取所选文字的第一句' : ''"
            data-testid="correction-title"
          />
        </mat-form-field>
        @for (party of parties; track party.key) {
          <div class="party" [attr.data-testid]="'correction-' + party.key">
            <span class="party-label">{{ party.label }}</span>
            <span class="chips">
              @for (name of chosen[party.key](); track name) {
                <span class="chip" [class.unknown]="!known(name)">
                  {{ name }}
                  <button
                    type="button"
                    mat-icon-button
                    class="chip-x"
                    [attr.aria-label]="'移除' + name"
                    (click)="remove(party.key, name)"
                  >
                    ×
                  </button>
                </span>
              } @empty {
                <span class="muted">未指定</span>
              }
            </span>
            <db-search-picker
              [label]="'添加' + party.label"
              placeholder="输入单位名称查找"
              [options]="options()"
              [testId]="'correction-' + party.key + '-picker'"
              (changed)="add(party.key, $event)"
            />
          </div>
        }
        <mat-form-field>
          <mat-label>完成时限</mat-label>
          <input matInput [matDatepicker]="picker" [(ngModel)]="deadline" data-testid="correction-deadline" />
          <mat-datepicker-toggle matIconSuffix [for]="picker" />
          <mat-datepicker #picker />
          <mat-hint>留空表示无明确时限</mat-hint>
        </mat-form-field>
        <db-milestone-editor [(steps)]="steps" />
      }
      <db-error-alert [message]="error()" testId="correction-error" />
    </mat-dialog-content>
    <db-dialog-actions testId="correction-save" [disabled]="busy()" (confirmed)="save()">
      保存
    </db-dialog-actions>
  `,
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 8px;
      min-width: min(560px, 84vw);
    }
    .lines {
      max-height: 260px;
      overflow: auto;
      border: 1px solid #e0e3e7;
      border-radius: 8px;
    }
    .line {
      display: grid;
      grid-template-columns: 40px 1fr;
      gap: 8px;
      width: 100%;
      text-align: left;
      border: 0;
      border-bottom: 1px solid #f1f3f4;
      background: none;
      padding: 4px 8px;
      font: inherit;
      font-size: 13px;
      cursor: pointer;
    }
    .line.picked {
      background: #e8f0fe;
    }
    .line:disabled {
      cursor: default;
    }
    .no {
      color: #5f6368;
    }
    .party {
      display: grid;
      gap: 4px;
    }
    .party-label {
      font-size: 13px;
      color: #5f6368;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      background: #eef1f4;
      border-radius: 16px;
      padding: 0 0 0 10px;
      font-size: 13px;
    }
    .chip.unknown {
      background: #fff4d6;
      color: #7a4f01;
    }
    .chip-x {
      width: 28px;
      height: 28px;
      padding: 0;
      line-height: 28px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeasureDialog implements OnInit {
  protected readonly data = inject<MeasureDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<MeasureDialog, boolean>>(MatDialogRef);
  protected readonly heading = { edit: '修改措施', add: '补充遗漏措施', split: '拆分措施' }[this.data.mode];
  protected readonly parties: { key: Party; label: string }[] = [
    { key: 'lead', label: '牵头单位' },
    { key: 'participants', label: '配合单位' },
  ];
  protected title = this.data.measure?.title ?? '';
  protected deadline: Date | null = this.data.measure?.deadline
    ? new Date(`${this.data.measure.deadline}T00:00:00`)
    : null;
  /** The measure's earlier dated steps (edited as a whole: an edit sends them only when they changed). */
  protected readonly steps = signal<MilestoneDraft[]>(draftsOf(this.data.measure?.milestones));
  protected readonly chosen = {
    lead: signal<string[]>(this.data.measure?.lead ?? []),
    participants: signal<string[]>(this.data.measure?.participants ?? []),
  };
  protected readonly lines = signal<{ line: number; text: string }[]>([]);
  protected readonly linesError = signal<string | null>(null);
  protected readonly from = signal<number | null>(null);
  protected readonly to = signal<number | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly options = computed(() => departmentOptions(this.data.store.departments()));
  private readonly names = computed(
    () => new Set(this.data.store.departments().flatMap((d) => [d.name, ...d.aliases])),
  );

  ngOnInit(): void {
    if (this.data.mode === 'edit') return;
    this.data.store
      .lines(this.data.fromLine ?? 1, this.data.toLine ?? 2000)
      .then((r) => this.lines.set(r.lines))
      .catch(() => this.linesError.set('无法读取原文，请重新上传文件后再试'));
  }

  protected known(name: string): boolean {
    return this.names().has(name);
  }

  protected picked(line: number): boolean {
    const from = this.from();
    if (from === null) return false;
    return line >= from && line <= (this.to() ?? from);
  }

  /** Add: the first click starts the range, a later line ends it, an earlier one starts it again. Split: one line. */
  protected pick(line: number): void {
    const from = this.from();
    if (this.data.mode === 'split' || from === null || line < from || this.to() !== from) {
      this.from.set(line);
      this.to.set(line);
    } else {
      this.to.set(line);
    }
  }

  protected add(party: Party, id: string | null): void {
    const name = this.data.store.departments().find((d) => d.id === id)?.name;
    if (!name) return;
    this.chosen[party].update((list) => (list.includes(name) ? list : [...list, name]));
    const other = party === 'lead' ? 'participants' : 'lead';
    this.chosen[other].update((list) => list.filter((n) => n !== name));
  }

  protected remove(party: Party, name: string): void {
    this.chosen[party].update((list) => list.filter((n) => n !== name));
  }

  private request(): ImportCorrectionRequestDto | string {
    const { mode, measure } = this.data;
    const from = this.from();
    if (mode === 'split') {
      if (from === null || !measure) return '请点击第二部分开始的那一行';
      return { kind: 'split', ref: measure.ref, atLine: from };
    }
    const fields = {
      title: this.title.trim(),
      lead: this.chosen.lead(),
      participants: this.chosen.participants(),
      deadline: toIsoDate(this.deadline),
    };
    const milestones = milestonesOf(this.steps(), fields.deadline);
    if (typeof milestones === 'string') return milestones;
    if (mode === 'add') {
      if (from === null) return '请先在原文中选出遗漏措施所在的行';
      if (!fields.lead.length) return '请至少指定一个牵头单位';
      const { title, ...rest } = fields;
      return {
        kind: 'add',
        fromLine: from,
        toLine: this.to() ?? from,
        ...rest,
        ...(milestones.length ? { milestones } : {}),
        ...(title ? { title } : {}),
      };
    }
    if (!fields.title) return '措施标题不能为空，请填写标题';
    // Only what changed: the rest of the measure stays as extracted (and follows a better extraction later).
    const same = (a: string[], b: string[] = []) => a.length === b.length && a.every((n, i) => n === b[i]);
    const body: ImportCorrectionRequestDto = { kind: 'edit', ref: measure?.ref };
    if (fields.title !== measure?.title) body.title = fields.title;
    if (!same(fields.lead, measure?.lead)) body.lead = fields.lead;
    if (!same(fields.participants, measure?.participants)) body.participants = fields.participants;
    if (fields.deadline !== (measure?.deadline ?? null)) body.deadline = fields.deadline;
    // A new deadline drops the extracted steps on the server unless they are sent along, as shown here.
    if (
      body.deadline !== undefined ||
      JSON.stringify(milestones) !== JSON.stringify(measure?.milestones ?? [])
    ) {
      body.milestones = milestones;
    }
    return Object.keys(body).length > 2 ? body : '未作任何修改';
  }

  protected async save(): Promise<void> {
    const body = this.request();
    if (typeof body === 'string') {
      this.error.set(body);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    const problem = await this.data.store.correct(body);
    this.busy.set(false);
    if (problem) this.error.set(problem);
    else this.ref.close(true);
  }
}

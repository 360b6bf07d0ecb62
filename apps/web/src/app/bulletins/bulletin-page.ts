import { DecimalPipe, PercentPipe } from '@angular/common';
import { HttpClient, HttpParams } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { BulletinDto, DepartmentDto, PolicyDocumentDto } from '@duban/domain/contract';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../core/api-error';
import { downloadBlob } from '../shared/download';
import { Icon } from '../shared/icon';
import { TasksApi } from '../tasks/data-access/tasks.api';
import { periodKey, type PeriodChoice, periodChoiceOf, previousMonth } from './period-choice';

type ScopeKind = 'all' | 'document' | 'departments';

/**
 * 督查通报: choose a period (month, quarter, custom) and a scope (all, one document, some
 * departments); the figures are previewed here and downloaded as Word or PDF. Everything is in the
 * URL (`?period=2026-11&document=…` or `&departments=a,b`), so a link from the inbox opens the same view.
 */
@Component({
  selector: 'db-bulletin-page',
  imports: [
    DecimalPipe,
    PercentPipe,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    Icon,
  ],
  templateUrl: './bulletin-page.html',
  styleUrl: './bulletin-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BulletinPage implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly api = inject(TasksApi);
  private readonly router = inject(Router);

  readonly period = input<string>();
  readonly document = input<string>();
  readonly departments = input<string>();

  protected readonly choice = signal<PeriodChoice>(periodChoiceOf(undefined, new Date()));
  protected readonly scope = signal<ScopeKind>('all');
  protected readonly documentId = signal<string | null>(null);
  protected readonly departmentIds = signal<string[]>([]);
  protected readonly documentList = signal<PolicyDocumentDto[]>([]);
  protected readonly departmentList = signal<DepartmentDto[]>([]);
  protected readonly bulletin = signal<BulletinDto | null>(null);
  protected readonly loading = signal(false);
  protected readonly downloading = signal<'docx' | 'pdf' | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly key = computed(() => periodKey(this.choice()));
  protected readonly months = Array.from({ length: 12 }, (_, i) => ({
    value: String(i + 1).padStart(2, '0'),
    label: `${i + 1}月`,
  }));
  /** The 文号-style line in its parts (issuer, serial, date), so a phone wraps between them, not inside. */
  protected readonly headerParts = computed(() => this.bulletin()?.headerLine.split(/\u3000+/) ?? []);
  protected readonly years = computed(() => {
    const now = new Date().getFullYear();
    return [now - 2, now - 1, now, now + 1].map(String);
  });

  ngOnInit(): void {
    this.choice.set(periodChoiceOf(this.period(), new Date()));
    if (this.document()) {
      this.scope.set('document');
      this.documentId.set(this.document() ?? null);
    } else if (this.departments()) {
      this.scope.set('departments');
      this.departmentIds.set((this.departments() ?? '').split(',').filter(Boolean));
    }
    void Promise.allSettled([this.api.documents(), this.api.departments()]).then(([docs, deps]) => {
      if (docs.status === 'fulfilled') this.documentList.set(docs.value);
      if (deps.status === 'fulfilled') this.departmentList.set(deps.value);
    });
    void this.preview();
  }

  protected patchChoice(patch: Partial<PeriodChoice>): void {
    this.choice.update((c) => ({ ...c, ...patch }));
  }

  protected setMonth(year: string | null, month: string | null): void {
    const current = this.choice().month;
    this.patchChoice({ month: `${year ?? current.slice(0, 4)}-${month ?? current.slice(5, 7)}` });
  }

  protected lastMonth(): void {
    this.choice.set(previousMonth(new Date()));
    void this.preview();
  }

  private params(format?: 'docx' | 'pdf'): HttpParams | null {
    const key = this.key();
    if (!key) return null;
    let params = new HttpParams().set('period', key);
    if (this.scope() === 'document' && this.documentId())
      params = params.set('document', this.documentId() as string);
    if (this.scope() === 'departments' && this.departmentIds().length > 0)
      params = params.set('departments', this.departmentIds().join(','));
    if (format) params = params.set('format', format);
    return params;
  }

  async preview(): Promise<void> {
    const params = this.params();
    if (!params) {
      this.error.set('请选择完整的期间：自定义期间需要开始和结束日期。');
      return;
    }
    this.loading.set(true);
    this.error.set(null);
    void this.router.navigate([], {
      queryParams: {
        period: params.get('period'),
        document: params.get('document'),
        departments: params.get('departments'),
      },
      replaceUrl: true,
    });
    try {
      this.bulletin.set(await firstValueFrom(this.http.get<BulletinDto>('/api/bulletins', { params })));
    } catch (err) {
      this.bulletin.set(null);
      this.error.set(errorMessage(err, '通报生成失败'));
    } finally {
      this.loading.set(false);
    }
  }

  async download(format: 'docx' | 'pdf'): Promise<void> {
    const params = this.params(format);
    if (!params) return;
    this.downloading.set(format);
    this.error.set(null);
    try {
      await downloadBlob(this.http, '/api/bulletins', `督查通报.${format}`, params);
    } catch (err) {
      this.error.set(errorMessage(err, '下载失败'));
    } finally {
      this.downloading.set(null);
    }
  }
}

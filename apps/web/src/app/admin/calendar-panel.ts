import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  CALENDAR_DAY_KIND_LABELS,
  CALENDAR_SOURCE_LABELS,
  type CalendarYearDto,
} from '@duban/domain/contract';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../core/api-error';
import { formatCalendarEntries, parseCalendarEntries } from './calendar-entries';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function thisYear(): number {
  // Office dates are Asia/Shanghai (UTC+8, no DST).
  return new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
}

/** Admins: the year's 法定节假日 and 调休 days (packaged State Council data), and their own entries for a new year. */
@Component({
  selector: 'db-calendar-panel',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: baseline;
    }
    .head p {
      margin: 0 0 12px;
      flex: 1 1 280px;
    }
    .days th,
    .days td {
      white-space: nowrap;
    }
    .warn {
      color: #8a5300;
      background: #fff4e0;
      padding: 8px 12px;
      border-radius: 6px;
    }
    .days {
      border-collapse: collapse;
      font-size: 13px;
      margin: 8px 0 16px;
    }
    .days th,
    .days td {
      text-align: left;
      padding: 4px 6px;
      border-bottom: 1px solid #eceff1;
    }
    .holiday {
      color: #b3261e;
    }
    .workday {
      color: #1b5e20;
    }
    .editor {
      width: min(560px, 100%);
    }
    textarea {
      font-family: inherit;
    }
    .error {
      color: #b3261e;
    }
  `,
  template: `
    <div class="head">
      <mat-form-field>
        <mat-label>年份</mat-label>
        <mat-select [ngModel]="year()" (ngModelChange)="select($event)" aria-label="年份">
          @for (y of years; track y) {
            <mat-option [value]="y">{{ y }} 年</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <p>周一至周五为工作日；下表为国务院公布的放假与调休上班安排。提醒、「N个工作日内」时限按此计算。</p>
    </div>
    @if (error()) {
      <p class="error" role="alert">{{ error() }}</p>
    }
    @if (calendar(); as c) {
      @if (!c.covered) {
        <p class="warn" role="status">
          尚无 {{ c.year }} 年的节假日安排：目前只把周六、周日算作休息日。国务院公布当年安排后，请在下方录入。
        </p>
      } @else {
        <table class="days" aria-label="{{ c.year }} 年放假与调休安排">
          <thead>
            <tr>
              <th>日期</th>
              <th>星期</th>
              <th>安排</th>
              <th>节日</th>
              <th>来源</th>
            </tr>
          </thead>
          <tbody>
            @for (d of c.days; track d.date) {
              <tr>
                <td>{{ d.date }}</td>
                <td>{{ weekday(d.date) }}</td>
                <td [class]="d.kind">{{ kindLabels[d.kind] }}</td>
                <td>{{ d.name }}</td>
                <td>{{ sourceLabels[d.source] }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
      <h3>管理员录入（{{ year() }} 年）</h3>
      <p>
        每行一条：日期、放假或上班、节日名称，例如「{{ year() }}-01-01 放假 元旦」「{{ year() }}-02-06 上班
        春节」。录入的日期优先于内置数据；清空并保存即恢复内置数据。
      </p>
      <mat-form-field class="editor">
        <mat-label>放假与调休上班</mat-label>
        <textarea
          matInput
          rows="8"
          [ngModel]="draft()"
          (ngModelChange)="draft.set($event)"
          aria-label="放假与调休上班"
        ></textarea>
      </mat-form-field>
      @if (problems().length) {
        <ul class="error" role="alert">
          @for (p of problems(); track p) {
            <li>{{ p }}</li>
          }
        </ul>
      }
      @if (saved()) {
        <p role="status">已保存，提醒将按新的工作日历重新安排。</p>
      }
      <button mat-flat-button type="button" [disabled]="saving()" (click)="save()">
        保存 {{ year() }} 年安排
      </button>
    }
  `,
})
export class CalendarPanel implements OnInit {
  private readonly http = inject(HttpClient);
  protected readonly kindLabels = CALENDAR_DAY_KIND_LABELS;
  protected readonly sourceLabels = CALENDAR_SOURCE_LABELS;
  protected readonly years = [thisYear() - 1, thisYear(), thisYear() + 1];
  protected readonly year = signal(thisYear());
  protected readonly calendar = signal<CalendarYearDto | null>(null);
  protected readonly draft = signal('');
  protected readonly problems = signal<string[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  private readonly adminDays = computed(() =>
    (this.calendar()?.days ?? []).filter((d) => d.source === 'admin'),
  );

  ngOnInit(): void {
    void this.load();
  }

  protected weekday(date: string): string {
    return `周${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}`;
  }

  protected select(year: number): void {
    this.year.set(year);
    void this.load();
  }

  private async load(): Promise<void> {
    this.saved.set(false);
    this.problems.set([]);
    try {
      const calendar = await firstValueFrom(
        this.http.get<CalendarYearDto>('/api/calendar', { params: { year: this.year() } }),
      );
      this.calendar.set(calendar);
      this.draft.set(formatCalendarEntries(this.adminDays()));
      this.error.set(null);
    } catch (err) {
      this.error.set(errorMessage(err, '工作日历加载失败'));
    }
  }

  protected async save(): Promise<void> {
    const parsed = parseCalendarEntries(this.draft(), this.year());
    this.problems.set(parsed.errors);
    this.saved.set(false);
    if (parsed.errors.length) return;
    this.saving.set(true);
    try {
      const calendar = await firstValueFrom(
        this.http.put<CalendarYearDto>(`/api/admin/calendar/${this.year()}`, { days: parsed.days }),
      );
      this.calendar.set(calendar);
      this.draft.set(formatCalendarEntries(this.adminDays()));
      this.saved.set(true);
      this.error.set(null);
    } catch (err) {
      this.error.set(errorMessage(err, '保存失败'));
    } finally {
      this.saving.set(false);
    }
  }
}

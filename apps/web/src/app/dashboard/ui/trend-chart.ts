import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { StatsTrendDto } from '@duban/domain/contract';

const W = 640;
const H = 200;
const PAD = { left: 44, right: 28, top: 12, bottom: 28 };

/** Open and overdue tasks at the end of each week, as two lines (SVG; the figures also as a table). */
@Component({
  selector: 'db-trend-chart',
  template: `
    <svg
      [attr.viewBox]="'0 0 ' + width + ' ' + height"
      role="img"
      aria-label="每周未办结与逾期任务数趋势"
      class="chart"
    >
      @for (t of ticks(); track t.value) {
        <line
          [attr.x1]="pad.left"
          [attr.x2]="width - pad.right"
          [attr.y1]="t.y"
          [attr.y2]="t.y"
          class="grid"
        />
        <text [attr.x]="pad.left - 6" [attr.y]="t.y + 4" text-anchor="end" class="axis">{{ t.value }}</text>
      }
      <polyline [attr.points]="openLine()" class="open" />
      <polyline [attr.points]="overdueLine()" class="overdue" />
      @for (p of labels(); track p.label) {
        <text [attr.x]="p.x" [attr.y]="height - 8" text-anchor="middle" class="axis">{{ p.label }}</text>
      }
    </svg>
    <p class="legend"><span class="k open"></span>未办结 <span class="k overdue"></span>逾期</p>
    <div class="visually-hidden">
      <table>
        <caption>
          每周末未办结与逾期任务数
        </caption>
        <thead>
          <tr>
            <th scope="col">周末</th>
            <th scope="col">未办结</th>
            <th scope="col">逾期</th>
          </tr>
        </thead>
        <tbody>
          @for (w of trend().weeks; track w.weekEnd) {
            <tr>
              <th scope="row">{{ w.weekEnd }}</th>
              <td>{{ w.open }}</td>
              <td>{{ w.overdue }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    :host {
      display: block;
      max-width: 760px;
    }
    .chart {
      width: 100%;
      height: auto;
    }
    .grid {
      stroke: #eceff1;
    }
    .axis {
      font-size: 11px;
      fill: #5f6368;
    }
    polyline {
      fill: none;
      stroke-width: 2.5;
    }
    polyline.open {
      stroke: #1a73e8;
    }
    polyline.overdue {
      stroke: #c5221f;
    }
    .legend {
      margin: 4px 0 0;
      font-size: 13px;
      color: #3c4043;
    }
    .k {
      display: inline-block;
      width: 14px;
      height: 3px;
      vertical-align: middle;
      margin: 0 4px 0 12px;
    }
    .k.open {
      background: #1a73e8;
    }
    .k.overdue {
      background: #c5221f;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrendChart {
  readonly trend = input.required<StatsTrendDto>();
  protected readonly width = W;
  protected readonly height = H;
  protected readonly pad = PAD;

  private readonly max = computed(() => Math.max(1, ...this.trend().weeks.map((w) => w.open)));
  private x(i: number): number {
    const n = Math.max(1, this.trend().weeks.length - 1);
    return PAD.left + (i / n) * (W - PAD.left - PAD.right);
  }
  private y(v: number): number {
    return PAD.top + (1 - v / this.max()) * (H - PAD.top - PAD.bottom);
  }

  protected readonly openLine = computed(() =>
    this.trend()
      .weeks.map((w, i) => `${this.x(i)},${this.y(w.open)}`)
      .join(' '),
  );
  protected readonly overdueLine = computed(() =>
    this.trend()
      .weeks.map((w, i) => `${this.x(i)},${this.y(w.overdue)}`)
      .join(' '),
  );
  protected readonly ticks = computed(() =>
    [0, 0.5, 1].map((f) => ({ value: Math.round(this.max() * f), y: this.y(this.max() * f) })),
  );
  /** Every other week's date (MM-DD), so the labels do not collide on a phone. */
  protected readonly labels = computed(() =>
    this.trend()
      .weeks.map((w, i) => ({ label: w.weekEnd.slice(5), x: this.x(i), i }))
      .filter((p) => p.i % 2 === (this.trend().weeks.length - 1) % 2),
  );
}

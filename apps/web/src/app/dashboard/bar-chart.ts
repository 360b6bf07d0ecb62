import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

// Registering only what a bar chart needs keeps chart.js's share of the lazy chunk small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family =
  "'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";
Chart.defaults.color = '#3c4043';

export interface BarSeries {
  label: string;
  data: number[];
  color: string;
}

/** A horizontal bar chart; the same figures are given as a table for screen readers. */
@Component({
  selector: 'db-bar-chart',
  template: `
    <div class="wrap" [style.height.px]="height()">
      <canvas #canvas role="img" [attr.aria-label]="label()"></canvas>
    </div>
    <!-- The wrapper clips: a table ignores width/overflow itself and would widen the page on phones. -->
    <div class="visually-hidden">
      <table>
        <caption>
          {{
            label()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">名称</th>
            @for (s of series(); track s.label) {
              <th scope="col">{{ s.label }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (name of labels(); track $index; let i = $index) {
            <tr>
              <th scope="row">{{ name }}</th>
              @for (s of series(); track s.label) {
                <td>{{ s.data[i] }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .wrap {
      position: relative;
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BarChart {
  readonly label = input.required<string>();
  readonly labels = input.required<string[]>();
  readonly series = input.required<BarSeries[]>();
  readonly height = input(320);
  /** A bar was clicked: the row's index and the series' index (the dashboard opens the filtered list). */
  readonly barClick = output<{ index: number; series: number }>();

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart<'bar'> | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
    afterRenderEffect(() => {
      const labels = this.labels();
      const datasets = this.series().map((s) => ({ label: s.label, data: s.data, backgroundColor: s.color }));
      if (this.chart) {
        this.chart.data.labels = labels;
        this.chart.data.datasets = datasets;
        this.chart.update();
        return;
      }
      this.chart = new Chart(this.canvas().nativeElement, {
        type: 'bar',
        data: { labels, datasets },
        options: {
          indexAxis: 'y',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: {
            x: { beginAtZero: true, ticks: { precision: 0 } },
            // Long names (《…》 titles, joint departments) would push the bars off a phone screen: shorten the
            // axis label to what fits; the tooltip and the screen-reader table keep the full name.
            y: {
              ticks: {
                autoSkip: false,
                callback(value) {
                  const name = this.getLabelForValue(Number(value));
                  const max = this.chart.width < 500 ? 7 : 16;
                  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
                },
              },
            },
          },
          plugins: { legend: { position: 'bottom' } },
          onClick: (_event, elements) => {
            const hit = elements[0];
            if (hit) this.barClick.emit({ index: hit.index, series: hit.datasetIndex });
          },
          onHover: (event, elements) => {
            const target = event.native?.target as HTMLElement | undefined;
            if (target) target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
          },
        },
      });
    });
  }
}

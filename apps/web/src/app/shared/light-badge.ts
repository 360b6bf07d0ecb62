import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { TrafficLight } from '@duban/domain/contract';
import { LIGHT_LABELS } from './labels';

/** Traffic light with its meaning spelled out, so colour is never the only signal. */
@Component({
  selector: 'db-light-badge',
  template: `<span class="light" [class]="'light light-' + light()" role="img" [attr.aria-label]="label()"
    ><span class="dot" aria-hidden="true"></span>{{ label() }}</span
  >`,
  styles: `
    .light {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 8px;
      border-radius: 12px;
      font-size: 12px;
      font-weight: 600;
      white-space: nowrap;
      line-height: 18px;
    }
    .dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: currentColor;
    }
    /* Text/background pairs chosen for a contrast ratio above 4.5:1. */
    .light-red {
      background: #fce8e6;
      color: #a50e0e;
    }
    .light-yellow {
      background: #fef7e0;
      color: #7a4f01;
    }
    .light-green {
      background: #e6f4ea;
      color: #0d652d;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LightBadge {
  readonly light = input.required<TrafficLight>();
  protected readonly label = computed(() => LIGHT_LABELS[this.light()]);
}

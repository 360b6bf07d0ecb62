import { ChangeDetectionStrategy, Component } from '@angular/core';

/**
 * PLACEHOLDER (issue 12, 每日汇总): the daily digest switch goes here, inside 个人设置 → 通知.
 * The digest itself (preference field, API, worker) belongs to the notifications work; until it
 * lands this section renders nothing. Keep the selector: NotificationSection already places it.
 */
@Component({
  selector: 'db-digest-section',
  template: ``,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DigestSection {}

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { DigestPreferenceComponent } from '../notifications/ui/digest-preference';

/**
 * 个人设置 → 通知: the daily digest choice (每条催办单独发送 / 每日汇总). The component and its API
 * (`GET/PUT /api/me/digest`) belong to the notifications feature; this section only places it.
 */
@Component({
  selector: 'db-digest-section',
  imports: [DigestPreferenceComponent],
  template: `<db-digest-preference />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DigestSection {}

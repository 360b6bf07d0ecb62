import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The error line of a form or dialog, read out at once (role="alert"); nothing while there is no message.
 * `display: contents` keeps the paragraph where the host stands, so layouts (flex gaps, margins) stay as
 * they were with a bare `<p>`.
 */
@Component({
  selector: 'db-error-alert',
  template: `
    @if (message(); as m) {
      <p class="error-text" role="alert" [attr.data-testid]="testId()">{{ m }}</p>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ErrorAlert {
  readonly message = input<string | null>(null);
  readonly testId = input<string | null>(null);
}

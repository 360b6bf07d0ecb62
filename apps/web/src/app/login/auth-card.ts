import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';

/**
 * The card alone in the middle of the screen, outside the shell: 登录 and 修改密码 (forced after a
 * one-time password, so the shell is not there yet). The page class is the caller's (`page` picks up
 * the app's page rules); the form is the content, the busy bar below it.
 */
@Component({
  selector: 'db-auth-card',
  imports: [MatCardModule, MatProgressBarModule],
  template: `
    <main [class]="pageClass()">
      <mat-card appearance="outlined" [style.width]="'min(' + width() + 'px, 100%)'">
        <mat-card-header>
          <mat-card-title>
            <h1>{{ heading() }}</h1>
          </mat-card-title>
          <mat-card-subtitle>{{ subtitle() }}</mat-card-subtitle>
        </mat-card-header>
        <mat-card-content>
          <ng-content />
          @if (busy()) {
            <mat-progress-bar mode="indeterminate" />
          }
        </mat-card-content>
      </mat-card>
    </main>
  `,
  styles: `
    @use 'db';

    :host {
      display: block;
    }
    main {
      @include db.centered-screen;
    }
    h1 {
      font-size: 20px;
      margin: 0 0 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuthCard {
  /** The `<main>`'s class, as the page had it. */
  readonly pageClass = input.required<string>();
  readonly heading = input.required<string>();
  readonly subtitle = input.required<string>();
  /** The card's width in px (narrower on a phone). */
  readonly width = input(420);
  /** The bar at the card's foot while the form's call runs. */
  readonly busy = input(false);
}

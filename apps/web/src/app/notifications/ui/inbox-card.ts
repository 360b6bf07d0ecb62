import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import {
  NOTIFICATION_CATEGORY_LABELS,
  type InboxTaskCardDto,
  type NotificationCategory,
} from '@duban/domain/contract';
import { ZhDatePipe, ZhDateTimePipe } from '../../shared/format.pipes';
import { StatusChip } from '../../shared/status-chip';
import type { CardHistory } from '../data-access/notifications.store';

/** One task's card in the inbox: the task's facts, its latest message, actions and its history. */
@Component({
  selector: 'db-inbox-card',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, StatusChip, ZhDatePipe, ZhDateTimePipe],
  template: `
    @let c = card();
    <article class="card" [class.unread]="c.unread > 0" [attr.aria-labelledby]="'card-' + c.key">
      <header class="card-head">
        <span class="tags">
          @for (category of c.categories; track category) {
            <span [class]="'tag tag-' + category">{{ label(category) }}</span>
          }
          @if (c.unread > 0) {
            <span class="badge">{{ c.unread }}条未读</span>
          }
        </span>
        <time class="muted" [attr.datetime]="c.latest.createdAt">{{ c.latest.createdAt | zhDateTime }}</time>
      </header>
      @if (c.task; as t) {
        <h2 class="task-title" [id]="'card-' + c.key">{{ t.title }}</h2>
        <p class="facts">
          <span class="doc">《{{ t.document.title }}》</span>
          <span class="deadline"
            >完成时限：{{ t.deadline ? (t.deadline | zhDate) : t.deadlineText || '无固定时限' }}
            @if (t.deadlineFact) {
              <strong class="fact" [class.overdue]="t.overdue">{{ t.deadlineFact }}</strong>
            }
          </span>
          <db-status-chip [status]="t.status" />
        </p>
        <div class="latest">
          <p class="latest-title">{{ c.latest.title }}</p>
          @if (c.latest.text) {
            <p class="text">{{ c.latest.text }}</p>
          }
        </div>
      } @else {
        <h2 class="task-title" [id]="'card-' + c.key">{{ c.latest.title }}</h2>
        @if (c.latest.text) {
          <p class="text">{{ c.latest.text }}</p>
        }
      }
      <div class="row-actions">
        @if (c.task; as t) {
          <a mat-flat-button [routerLink]="['/tasks', t.id]" (click)="opened.emit(c)">查看任务</a>
        } @else if (c.latest.appPath; as path) {
          <button mat-flat-button type="button" (click)="go(path)">查看</button>
        }
        @if (c.unread > 0) {
          <button mat-stroked-button type="button" (click)="read.emit(c)">标为已读</button>
        }
        @if (c.task && c.count > 1) {
          <button
            mat-button
            type="button"
            (click)="toggled.emit(c)"
            [attr.aria-expanded]="history() !== undefined"
          >
            {{ history() ? '收起历史消息' : '历史消息（' + c.count + '条）' }}
          </button>
        }
      </div>
      @if (history(); as h) {
        @if (h.loading) {
          <mat-progress-bar mode="indeterminate" />
        }
        @if (h.error) {
          <p class="error-text" role="alert">{{ h.error }}</p>
        }
        <ol class="history" aria-label="这项任务的历史消息">
          @for (n of h.items; track n.id) {
            <li [class.unread]="!n.readAt">
              <div class="history-head">
                <span [class]="'tag tag-' + n.category">{{ label(n.category) }}</span>
                <time class="muted" [attr.datetime]="n.createdAt">{{ n.createdAt | zhDateTime }}</time>
                @if (!n.readAt) {
                  <span class="dot-label">未读</span>
                  <button type="button" class="read-one" (click)="readOne.emit(n.id)">标为已读</button>
                }
              </div>
              <p class="history-title">{{ n.title }}</p>
              @if (n.text) {
                <p class="text">{{ n.text }}</p>
              }
            </li>
          }
        </ol>
      }
    </article>
  `,
  styles: `
    .card {
      background: #fff;
      border: 1px solid #e0e3e7;
      border-radius: 8px;
      padding: 12px 16px;
      margin-bottom: 12px;
    }
    .card.unread {
      border-left: 4px solid #0b57d0;
    }
    .card-head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      flex-wrap: wrap;
      gap: 4px 12px;
      font-size: 13px;
    }
    .tags {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 6px;
    }
    .tag {
      border-radius: 4px;
      padding: 0 6px;
      font-size: 12px;
      line-height: 20px;
      background: #eef0f3;
      color: #3c4043;
    }
    .tag-reminder {
      background: #fce8e6;
      color: #8c1d18;
    }
    .tag-review {
      background: #e8f0fe;
      color: #0842a0;
    }
    .tag-extension {
      background: #fef7e0;
      color: #7a4b00;
    }
    .tag-returned {
      background: #f3e8fd;
      color: #5b2c86;
    }
    .badge {
      background: #0b57d0;
      color: #fff;
      border-radius: 4px;
      font-size: 12px;
      line-height: 20px;
      padding: 0 6px;
    }
    .task-title {
      font-size: 16px;
      line-height: 1.5;
      margin: 8px 0 4px;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
      margin: 0 0 8px;
      font-size: 13px;
      color: #444746;
    }
    .doc {
      overflow-wrap: anywhere;
    }
    .fact {
      margin-left: 4px;
      color: #444746;
    }
    .fact.overdue {
      color: #b3261e;
    }
    .latest {
      background: #f8f9fb;
      border-radius: 6px;
      padding: 8px 10px;
      margin-bottom: 8px;
    }
    .latest-title,
    .history-title {
      margin: 0;
      font-weight: 600;
      font-size: 14px;
    }
    .text {
      margin: 4px 0 0;
      white-space: pre-line;
      line-height: 1.6;
      font-size: 14px;
    }
    .history {
      list-style: none;
      margin: 12px 0 0;
      padding: 0 0 0 12px;
      border-left: 2px solid #e0e3e7;
    }
    .history li {
      padding: 8px 0;
      border-bottom: 1px dashed #e0e3e7;
    }
    .history li:last-child {
      border-bottom: 0;
    }
    .history-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      font-size: 12px;
    }
    .dot-label {
      color: #0b57d0;
      font-weight: 600;
    }
    .read-one {
      margin-left: auto;
      min-height: 32px;
      padding: 0 8px;
      border: 0;
      border-radius: 4px;
      background: none;
      color: #0b57d0;
      font: inherit;
      font-size: 13px;
      cursor: pointer;
    }
    .read-one:hover {
      background: #e8f0fe;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxCard {
  private readonly router = inject(Router);
  readonly card = input.required<InboxTaskCardDto>();
  /** The card's opened history, or undefined while closed. */
  readonly history = input<CardHistory | undefined>(undefined);
  readonly opened = output<InboxTaskCardDto>();
  readonly read = output<InboxTaskCardDto>();
  readonly readOne = output<string>();
  readonly toggled = output<InboxTaskCardDto>();

  protected label(category: NotificationCategory): string {
    return NOTIFICATION_CATEGORY_LABELS[category];
  }

  /** A message without a task links somewhere else in the app (e.g. 督查通报): route there, never to a raw URL. */
  protected go(path: string): void {
    this.opened.emit(this.card());
    void this.router.navigateByUrl(path);
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_CATEGORY_LABELS,
  type InboxTaskCardDto,
  type NotificationCategory,
} from '@duban/domain/contract';
import { INBOX_PAGE_SIZE, NotificationsStore } from './data-access/notifications.store';
import { InboxCard } from './ui/inbox-card';

interface Tab {
  category: NotificationCategory | null;
  label: string;
}

const TABS: readonly Tab[] = [
  { category: null, label: '全部' },
  ...NOTIFICATION_CATEGORIES.map((category) => ({ category, label: NOTIFICATION_CATEGORY_LABELS[category] })),
];

/** 消息中心: one card per task, filtered by tab (全部 催办 审核 延期 退回 其他) with unread badges. */
@Component({
  selector: 'db-inbox',
  imports: [MatButtonModule, MatProgressBarModule, InboxCard],
  template: `
    <section class="page">
      <div class="head">
        <h1>消息中心</h1>
        <button mat-stroked-button type="button" (click)="markAll()" [disabled]="tabUnread() === 0">
          {{ store.category() ? '本类全部标为已读' : '全部标为已读' }}
        </button>
      </div>
      <div class="tabs" role="group" aria-label="按类别筛选消息">
        @for (tab of tabs; track tab.label) {
          <button
            type="button"
            class="tab"
            [class.active]="store.category() === tab.category"
            [attr.aria-pressed]="store.category() === tab.category"
            (click)="select(tab.category)"
          >
            {{ tab.label }}
            @if (unreadOf(tab.category); as n) {
              <span class="count">{{ n }}<span class="visually-hidden">条未读</span></span>
            }
          </button>
        }
      </div>
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (store.error(); as e) {
        <p class="error-text" role="alert">{{ e }}</p>
      }
      @if (!store.loading() && !store.error() && store.cards().length === 0) {
        <p class="muted empty">{{ store.category() ? '暂无' + currentLabel() + '消息' : '暂无消息' }}</p>
      }
      @for (card of store.cards(); track card.key) {
        <db-inbox-card
          [card]="card"
          [history]="store.histories()[card.key]"
          (opened)="opened($event)"
          (read)="readCard($event)"
          (readOne)="readOne($event)"
          (toggled)="toggle($event)"
        />
      }
      @if (pages() > 1) {
        <nav class="pager" aria-label="翻页">
          <button mat-button type="button" [disabled]="store.page() <= 1" (click)="go(store.page() - 1)">
            上一页
          </button>
          <span class="muted">第 {{ store.page() }} / {{ pages() }} 页（共 {{ store.total() }} 项任务）</span>
          <button
            mat-button
            type="button"
            [disabled]="store.page() >= pages()"
            (click)="go(store.page() + 1)"
          >
            下一页
          </button>
        </nav>
      }
    </section>
  `,
  styles: `
    @use 'db';

    .page {
      max-width: 960px;
    }
    .head {
      @include db.head-row;
    }
    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 0 0 16px;
    }
    .tab {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      min-height: 36px;
      padding: 0 14px;
      border: 1px solid #c4c7c5;
      border-radius: 18px;
      background: #fff;
      color: #1f1f1f;
      font: inherit;
      font-size: 14px;
      cursor: pointer;
    }
    .tab.active {
      background: #0b57d0;
      border-color: #0b57d0;
      color: #fff;
    }
    .count {
      min-width: 18px;
      padding: 0 5px;
      border-radius: 9px;
      background: #b3261e;
      color: #fff;
      font-size: 12px;
      line-height: 18px;
      text-align: center;
    }
    .empty {
      margin: 24px 0;
    }
    .pager {
      display: flex;
      align-items: center;
      justify-content: center;
      flex-wrap: wrap;
      gap: 8px;
      margin: 8px 0 24px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxPage implements OnInit {
  protected readonly store = inject(NotificationsStore);
  protected readonly tabs = TABS;
  protected readonly pages = computed(() => Math.max(1, Math.ceil(this.store.total() / INBOX_PAGE_SIZE)));
  protected readonly currentLabel = computed(() => {
    const category = this.store.category();
    return category ? NOTIFICATION_CATEGORY_LABELS[category] : '';
  });
  protected readonly tabUnread = computed(() => this.unreadOf(this.store.category()));

  ngOnInit(): void {
    void this.store.load(1);
  }

  protected unreadOf(category: NotificationCategory | null): number {
    const counts = this.store.counts();
    if (!counts) return 0;
    return category ? counts.byCategory[category] : counts.total;
  }

  protected select(category: NotificationCategory | null): void {
    void this.store.selectCategory(category);
  }

  protected go(page: number): void {
    void this.store.load(page);
    window.scrollTo({ top: 0 });
  }

  protected opened(card: InboxTaskCardDto): void {
    if (card.unread > 0) void this.store.markCardRead(card);
  }

  protected readCard(card: InboxTaskCardDto): void {
    void this.store.markCardRead(card);
  }

  protected readOne(id: string): void {
    void this.store.markRead(id);
  }

  protected toggle(card: InboxTaskCardDto): void {
    void this.store.toggleHistory(card);
  }

  protected markAll(): void {
    void this.store.markAllRead();
  }
}

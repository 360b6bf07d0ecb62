import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { NotificationDto } from '@duban/domain';
import { ZhDateTimePipe } from '../shared/format.pipes';
import { NotificationsStore } from './data-access/notifications.store';

@Component({
  selector: 'db-inbox',
  imports: [MatButtonModule, MatListModule, MatProgressBarModule, RouterLink, ZhDateTimePipe],
  template: `
    <section class="page">
      <div class="head">
        <h1>消息中心</h1>
        <button mat-stroked-button type="button" (click)="markAll()" [disabled]="store.unread() === 0">全部标为已读</button>
      </div>
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (store.error(); as e) {
        <p class="error-text" role="alert">{{ e }}</p>
      }
      @if (!store.loading() && store.items().length === 0) {
        <p class="muted">暂无消息</p>
      }
      <ul class="list">
        @for (n of store.items(); track n.id) {
          <li [class.unread]="!n.readAt">
            <div class="title">
              @if (!n.readAt) {
                <span class="badge">未读</span>
              }
              <strong>{{ n.title }}</strong>
            </div>
            <p>{{ n.body }}</p>
            <div class="row-actions">
              <span class="muted">{{ n.createdAt | zhDateTime }}</span>
              @if (n.task) {
                <a [routerLink]="['/tasks', n.task.id]" (click)="open(n)">查看任务：{{ n.task.title }}</a>
              }
              @if (!n.readAt) {
                <button mat-button type="button" (click)="read(n)">标为已读</button>
              }
            </div>
          </li>
        }
      </ul>
    </section>
  `,
  styles: `
    .head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      flex-wrap: wrap;
      gap: 8px;
    }
    .list {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    li {
      background: #fff;
      border: 1px solid #e0e3e7;
      border-radius: 8px;
      padding: 12px 16px;
      margin-bottom: 8px;
    }
    li.unread {
      border-left: 4px solid #0b57d0;
    }
    .badge {
      background: #0b57d0;
      color: #fff;
      border-radius: 4px;
      font-size: 12px;
      padding: 0 6px;
      margin-right: 6px;
    }
    p {
      margin: 6px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxPage implements OnInit {
  protected readonly store = inject(NotificationsStore);

  ngOnInit(): void {
    void this.store.load();
  }

  protected read(n: NotificationDto): void {
    void this.store.markRead(n.id);
  }

  protected open(n: NotificationDto): void {
    if (!n.readAt) void this.store.markRead(n.id);
  }

  protected markAll(): void {
    void this.store.markAllRead();
  }
}

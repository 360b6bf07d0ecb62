import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit } from '@angular/core';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { personRoleLabel } from '@duban/domain/contract';
import { Session } from '../core/session';
import { NotificationsStore } from '../notifications/data-access/notifications.store';
import { Icon } from '../shared/icon';

interface NavItem {
  path: string;
  label: string;
}

@Component({
  selector: 'db-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatButtonModule,
    MatBadgeModule,
    MatMenuModule,
    Icon,
  ],
  template: `
    <a class="skip" href="#main">跳到主要内容</a>
    <mat-toolbar class="bar">
      <a class="brand" routerLink="/">督办</a>
      <nav class="nav" aria-label="主导航">
        @for (item of nav(); track item.path) {
          <a
            mat-button
            [routerLink]="item.path"
            routerLinkActive="active"
            [routerLinkActiveOptions]="{ exact: false }"
            >{{ item.label }}</a
          >
        }
      </nav>
      <span class="spacer"></span>
      <a
        mat-icon-button
        routerLink="/inbox"
        class="bell"
        [attr.aria-label]="bellLabel()"
        [matBadge]="notifications.unread() || null"
        matBadgeColor="warn"
        matBadgeSize="medium"
        [matBadgeHidden]="notifications.unread() === 0"
        aria-hidden="false"
        data-testid="bell"
        ><db-icon name="bell"
      /></a>
      @if (user(); as u) {
        <button mat-button type="button" [matMenuTriggerFor]="userMenu" class="user" data-testid="user-menu">
          <span class="user-name">{{ nameLine() }}</span>
          <span class="user-meta">{{ roleLabel() }}</span>
        </button>
        <mat-menu #userMenu="matMenu">
          <div class="menu-info" mat-menu-item disabled>{{ u.username }}</div>
          <a mat-menu-item routerLink="/settings" data-testid="menu-settings">个人设置</a>
          <a mat-menu-item routerLink="/password">修改密码</a>
          <button mat-menu-item type="button" (click)="logout()"><db-icon name="logout" /> 退出登录</button>
        </mat-menu>
      }
    </mat-toolbar>
    <main id="main" tabindex="-1">
      <router-outlet />
    </main>
  `,
  styles: `
    .skip {
      position: absolute;
      left: -1000px;
      top: 0;
      z-index: 10;
      background: #fff;
      padding: 8px;
    }
    .skip:focus {
      left: 8px;
    }
    .bar {
      background: #0b3d91;
      color: #fff;
      --mat-toolbar-container-text-color: #fff;
      --mat-toolbar-container-background-color: #0b3d91;
      --mat-button-text-label-text-color: #fff;
      --mat-icon-button-icon-color: #fff;
      gap: 8px;
      flex-wrap: wrap;
      height: auto;
      min-height: 56px;
      padding: 4px 12px;
      position: sticky;
      top: 0;
      z-index: 5;
    }
    .brand {
      color: #fff;
      text-decoration: none;
      font-weight: 700;
      font-size: 20px;
      margin-right: 8px;
    }
    .nav {
      display: flex;
      flex-wrap: wrap;
      gap: 2px;
    }
    .nav a {
      color: #fff;
    }
    .nav a.active {
      background: rgba(255, 255, 255, 0.18);
    }
    .spacer {
      flex: 1 1 auto;
    }
    .bell {
      color: #fff;
      /* Room for a three-digit badge at the right edge of a phone screen. */
      margin-right: 12px;
    }
    .user {
      color: #fff;
      text-align: left;
      line-height: 1.2;
      height: auto;
      padding: 4px 8px;
    }
    .user-name {
      display: block;
      font-weight: 600;
    }
    .user-meta {
      display: block;
      font-size: 12px;
      opacity: 0.9;
    }
    main:focus {
      outline: none;
    }
    @media (max-width: 600px) {
      .brand {
        font-size: 18px;
      }
      .nav a {
        padding: 0 8px;
        min-width: 0;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell implements OnInit {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly notifications = inject(NotificationsStore);

  protected readonly user = this.session.user;
  protected readonly roleLabel = computed(() => {
    const u = this.session.user();
    return u ? personRoleLabel(u.role, u.isHead) : '';
  });
  /**
   * 「显示名 · 部门」, the department once: accounts named after their department (seeded before people
   * had names, 国家发展和改革委员会经办人) show just their name.
   */
  protected readonly nameLine = computed(() => {
    const u = this.session.user();
    if (!u) return '';
    const department = u.department?.name;
    return department && !u.displayName.includes(department)
      ? `${u.displayName} · ${department}`
      : u.displayName;
  });
  protected readonly bellLabel = computed(() => `消息，${this.notifications.unread()} 条未读`);
  protected readonly nav = computed<NavItem[]>(() => {
    const items: NavItem[] = [];
    const role = this.session.role();
    if (role === 'supervisor' || role === 'admin') items.push({ path: '/dashboard', label: '督查看板' });
    items.push({ path: '/tasks', label: role === 'officer' ? '我的任务' : '全部任务' });
    if (role === 'supervisor' || role === 'admin') items.push({ path: '/bulletins', label: '督查通报' });
    if (role === 'supervisor')
      items.push({ path: '/desk/new', label: '立项' }, { path: '/desk/ledger', label: '台账导入' });
    if (role === 'supervisor' || role === 'admin') items.push({ path: '/import', label: '导入文件' });
    if (role === 'admin') items.push({ path: '/admin', label: '系统管理' });
    return items;
  });

  ngOnInit(): void {
    this.notifications.startPolling(this.destroyRef);
  }

  protected logout(): void {
    this.notifications.stopPolling();
    this.session.logout();
    void this.router.navigateByUrl('/login');
  }
}

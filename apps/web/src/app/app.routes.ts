import { Routes } from '@angular/router';
import { authGuard, homeRedirect, roleGuard, signedInGuard } from './core/guards';

export const appRoutes: Routes = [
  {
    path: 'login',
    title: '登录 · 督办',
    loadComponent: () => import('./login/login').then((m) => m.LoginPage),
  },
  {
    path: 'login/sso',
    title: '统一身份认证登录 · 督办',
    loadComponent: () => import('./login/sso-callback').then((m) => m.SsoCallbackPage),
  },
  {
    path: 'password',
    title: '修改密码 · 督办',
    canActivate: [signedInGuard],
    loadComponent: () => import('./login/change-password').then((m) => m.ChangePasswordPage),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: homeRedirect },
      { path: 'tasks', loadChildren: () => import('./tasks/tasks.routes').then((m) => m.tasksRoutes) },
      {
        path: 'dashboard',
        title: '督查看板 · 督办',
        canActivate: [roleGuard('supervisor', 'admin')],
        loadComponent: () => import('./dashboard/dashboard').then((m) => m.DashboardPage),
      },
      {
        path: 'bulletins',
        title: '督查通报 · 督办',
        canActivate: [roleGuard('supervisor', 'admin')],
        loadComponent: () => import('./bulletins/bulletin-page').then((m) => m.BulletinPage),
      },
      {
        path: 'import',
        title: '导入文件 · 督办',
        canActivate: [roleGuard('supervisor', 'admin')],
        loadComponent: () => import('./import/import-page').then((m) => m.ImportPage),
      },
      {
        path: 'desk/new',
        title: '立项 · 督办',
        canActivate: [roleGuard('supervisor')],
        loadComponent: () => import('./desk/create-task-page').then((m) => m.CreateTaskPage),
      },
      {
        path: 'desk/ledger',
        title: '台账导入 · 督办',
        canActivate: [roleGuard('supervisor')],
        loadComponent: () => import('./desk/ledger-import-page').then((m) => m.LedgerImportPage),
      },
      {
        path: 'admin',
        title: '系统管理 · 督办',
        canActivate: [roleGuard('admin')],
        loadComponent: () => import('./admin/admin-page').then((m) => m.AdminPage),
      },
      {
        path: 'settings',
        title: '个人设置 · 督办',
        loadComponent: () => import('./settings/settings-page').then((m) => m.SettingsPage),
      },
      {
        path: 'inbox',
        title: '消息 · 督办',
        loadComponent: () => import('./notifications/inbox').then((m) => m.InboxPage),
      },
      {
        path: 'forbidden',
        title: '无权访问 · 督办',
        loadComponent: () => import('./shell/not-found').then((m) => m.NotFoundPage),
        data: { forbidden: true },
      },
      {
        path: '**',
        title: '页面不存在 · 督办',
        loadComponent: () => import('./shell/not-found').then((m) => m.NotFoundPage),
      },
    ],
  },
];

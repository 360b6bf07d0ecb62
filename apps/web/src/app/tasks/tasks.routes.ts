import { Routes } from '@angular/router';
import { TasksStore } from './data-access/tasks.store';

export const tasksRoutes: Routes = [
  {
    path: '',
    // Provided here so filters and loaded rows survive a visit to a task's detail and back.
    providers: [TasksStore],
    children: [
      {
        path: '',
        title: '任务 · 督办',
        loadComponent: () => import('./task-list').then((m) => m.TaskListPage),
      },
      {
        path: ':id',
        title: '任务详情 · 督办',
        loadComponent: () => import('./task-detail').then((m) => m.TaskDetailPage),
      },
    ],
  },
];

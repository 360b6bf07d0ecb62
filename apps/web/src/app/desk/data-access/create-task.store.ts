import { inject, Injectable, signal } from '@angular/core';
import type { CreateTaskRequestDto, DepartmentDto, TaskDetailDto } from '@duban/domain/contract';
import { errorMessage } from '../../core/api-error';
import { TaskChanges } from '../../core/task-changes';
import { TasksApi } from '../../tasks/data-access/tasks.api';
import { DeskApi } from './desk.api';

/** 立项 by hand: the department registry for the pickers, and the create call. */
@Injectable()
export class CreateTaskStore {
  private readonly tasks = inject(TasksApi);
  private readonly desk = inject(DeskApi);
  private readonly changes = inject(TaskChanges);

  readonly departments = signal<DepartmentDto[]>([]);
  readonly saving = signal(false);
  readonly error = signal<string | null>(null);

  async loadDepartments(): Promise<void> {
    try {
      // Collective parties (各有关部门) cannot receive a task: they have no account.
      this.departments.set((await this.tasks.departments()).filter((d) => !d.collective && !d.successor));
    } catch (err) {
      this.error.set(errorMessage(err, '单位列表加载失败'));
    }
  }

  /** 「N个工作日内」 from today as a date, or null (with the error shown) when the calendar cannot say. */
  async afterWorkingDays(today: string, days: number): Promise<string | null> {
    try {
      return (await this.desk.workingDays(today, days)).date;
    } catch (err) {
      this.error.set(errorMessage(err, '工作日计算失败'));
      return null;
    }
  }

  async create(body: CreateTaskRequestDto): Promise<TaskDetailDto | null> {
    this.saving.set(true);
    this.error.set(null);
    try {
      const task = await this.desk.create(body);
      this.changes.notify();
      return task;
    } catch (err) {
      this.error.set(errorMessage(err, '立项失败'));
      return null;
    } finally {
      this.saving.set(false);
    }
  }
}

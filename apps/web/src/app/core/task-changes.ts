import { Injectable, signal } from '@angular/core';

/**
 * A counter bumped after every action that changes a task (progress, evidence, submit, review, extension).
 * Stores that keep lists or counts (task list, dashboard) compare it with the value they loaded at and
 * reload when it moved, so 返回任务列表 never shows a status from before the action.
 */
@Injectable({ providedIn: 'root' })
export class TaskChanges {
  private readonly counter = signal(0);
  readonly version = this.counter.asReadonly();

  notify(): void {
    this.counter.update((v) => v + 1);
  }
}

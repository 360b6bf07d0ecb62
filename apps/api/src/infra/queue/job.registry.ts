import { Injectable } from '@nestjs/common';
import { JobName, type JobHandler } from './queue.catalogue';

/**
 * Maps each job name to its one handler. Feature modules register in `onModuleInit`; the worker
 * calls `assertComplete()` before consuming so that a missing or duplicate handler stops it at start
 * instead of failing jobs at run time.
 */
@Injectable()
export class JobRegistry {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    if (this.handlers.has(name)) throw new Error(`duplicate handler for job ${name}`);
    this.handlers.set(name, handler as unknown as JobHandler<JobName>);
  }

  handler(name: string): JobHandler<JobName> {
    const handler = this.handlers.get(name as JobName);
    if (!handler) throw new Error(`no handler for job ${name}`);
    return handler;
  }

  assertComplete(): void {
    const missing = Object.values(JobName).filter((name) => !this.handlers.has(name));
    if (missing.length > 0) throw new Error(`missing job handlers: ${missing.join(', ')}`);
  }
}

import type { TestProject } from 'vitest/node';
import { prepareData, type E2eData } from './data';
import { startStack, type Stack } from './stack';

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eData;
  }
}

let stack: Stack | null = null;

export async function setup(project: TestProject): Promise<void> {
  const t0 = Date.now();
  // Data is imported after the worker starts; a short reconcile period lets it schedule the overdue reminders at once.
  stack = await startStack({ env: { REMINDER_RECONCILE_EVERY_MS: '2000' } });
  console.log(`[e2e] stack ${stack.id} up at ${stack.baseUrl} in ${Date.now() - t0} ms (logs: ${stack.logDir})`);
  try {
    project.provide('e2e', await prepareData(stack));
  } catch (err) {
    await stack.stop();
    stack = null;
    throw err;
  }
}

export async function teardown(): Promise<void> {
  await stack?.stop();
  stack = null;
}

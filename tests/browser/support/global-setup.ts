import type { TestProject } from 'vitest/node';
import { prepareData, type E2eData } from './data';
import { startStack, type Stack } from './stack';
// The test identity provider is test support shared with the integration tier (not an Nx project).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTestIdp, type TestIdp } from '../../integration/support/oidc-provider';

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eData;
  }
}

let stack: Stack | null = null;
let idp: TestIdp | null = null;

/** The person the SSO flow signs in as at the test provider: linked by username to the e2e supervisor. */
export const IDP_LOGIN = 'u-e2e-supervisor';

/** A real OpenID provider beside the stack, so 统一身份认证登录 is on the login page and can be used. */
async function ssoEnv(baseUrl: string): Promise<Record<string, string>> {
  idp = await startTestIdp(`${baseUrl}/api/auth/oidc/callback`);
  idp.accounts.set(IDP_LOGIN, { preferred_username: 'e2e.supervisor', name: '李督查' });
  return {
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_ALLOW_HTTP_ISSUER: 'true',
  };
}

export async function setup(project: TestProject): Promise<void> {
  const t0 = Date.now();
  // Data is imported after the worker starts; a short reconcile period lets it schedule the overdue reminders at once.
  stack = await startStack({ env: { REMINDER_RECONCILE_EVERY_MS: '2000' }, envFor: ssoEnv });
  console.log(
    `[e2e] stack ${stack.id} up at ${stack.baseUrl} in ${Date.now() - t0} ms (logs: ${stack.logDir})`,
  );
  try {
    project.provide('e2e', await prepareData(stack));
  } catch (err) {
    await stack.stop();
    stack = null;
    await idp?.close();
    throw err;
  }
}

export async function teardown(): Promise<void> {
  await stack?.stop();
  stack = null;
  await idp?.close();
  idp = null;
}

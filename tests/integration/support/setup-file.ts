import { beforeAll } from 'vitest';
import { configureForTests } from '../../../apps/api/src/infra/config/app-config';
import { baseTestConfig, truncateAll } from './harness';

// Every file starts from empty tables and the run's configuration.
configureForTests(baseTestConfig());
beforeAll(async () => {
  await truncateAll();
});

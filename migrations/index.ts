/**
 * Every migration class, in order. The API is bundled by webpack, so TypeORM cannot find
 * migrations by glob: add each generated migration here (append; never edit an applied one).
 */
import type { MigrationInterface } from 'typeorm';

export const MIGRATIONS: (new () => MigrationInterface)[] = [];

// Values the global setup hands to every test file (vitest `provide` / `inject`).
declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of this run's fresh, migrated database. */
    databaseUrl: string;
    /** Redis key prefix of this run, e.g. `duban_it_1a2b3c4d5e:`. */
    redisPrefix: string;
    /** Scratch directory for evidence files of this run. */
    evidenceDir: string;
  }
}

export {};

import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** What is used here of the pg Pool that TypeORM's postgres driver keeps as `master`. */
interface PgPool {
  query<R>(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: R[] }>;
}

/** Distinct statement texts kept per connection; far above the shapes the API builds. */
const MAX_STATEMENTS = 256;

/**
 * Runs hot reads as named prepared statements on the pool under TypeORM: Postgres parses and plans a
 * statement once per connection (and settles on a generic plan) instead of on every call, ~0.5 ms of
 * database time per task list. Only for SQL whose text comes from a small, fixed set of shapes with
 * every value bound as a parameter (limits and offsets too): each distinct text is a statement kept
 * on every connection. Past the cap, texts run unprepared rather than growing that set.
 */
@Injectable()
export class PreparedQueries {
  private readonly names = new Map<string, string>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async query<T>(text: string, values: unknown[]): Promise<T[]> {
    const name = this.nameOf(text);
    const result = await this.pool().query<T>(name ? { name, text, values } : { text, values });
    return result.rows;
  }

  private nameOf(text: string): string | null {
    const known = this.names.get(text);
    if (known) return known;
    if (this.names.size >= MAX_STATEMENTS) return null;
    const name = `duban_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    this.names.set(text, name);
    return name;
  }

  private pool(): PgPool {
    return (this.dataSource.driver as unknown as { master: PgPool }).master;
  }
}

import type { CalendarDay } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CalendarDayEntity } from './calendar-day.entity';

/** The admins' calendar entries (`calendar_days`): the only code that reads or writes that table. */
@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async adminDays(): Promise<CalendarDay[]> {
    const rows = await this.dataSource
      .getRepository(CalendarDayEntity)
      .find({ order: { date: 'ASC' }, select: { date: true, kind: true, name: true } });
    return rows.map((row) => ({ date: row.date, kind: row.kind, name: row.name }));
  }

  /** Replaces the entries of `year` inside the caller's transaction; returns how many there were. */
  async replaceYear(
    manager: EntityManager,
    year: number,
    days: readonly CalendarDay[],
    actorId: string,
  ): Promise<number> {
    const range = [`${year}-01-01`, `${year}-12-31`];
    // A CTE so the driver returns rows (a bare DELETE … RETURNING comes back as [rows, count]).
    const [removed] = await manager.query<{ n: number }[]>(
      `WITH gone AS (DELETE FROM calendar_days WHERE date BETWEEN $1 AND $2 RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      range,
    );
    if (days.length > 0) {
      await manager.query(
        `INSERT INTO calendar_days (date, kind, name, created_by)
         SELECT d, k, n, $4 FROM unnest($1::date[], $2::varchar[], $3::varchar[]) AS t(d, k, n)`,
        [days.map((d) => d.date), days.map((d) => d.kind), days.map((d) => d.name), actorId],
      );
    }
    return removed?.n ?? 0;
  }
}

import {
  type CalendarDay,
  type CalendarDayDto,
  type CalendarYearDto,
  shanghaiDate,
  WorkingDayCalendar,
  type WorkingDaysDto,
} from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import {
  CalendarDateOutsideYearError,
  CalendarDuplicateDateError,
  CalendarNoWorkingDayError,
} from './calendar.errors';
import { CalendarRepository } from './calendar.repository';
import { packagedCalendarDays } from './packaged-calendar';

/** Admins' edits reach the worker's reminder scheduling within this long (every process caches). */
const CACHE_MS = 30_000;

export interface CalendarActor {
  id: string;
  name: string;
}

/**
 * The working-day calendar in force: the packaged State Council announcements, overridden date by
 * date by the admins' entries in `calendar_days`. Reminders, 「N个工作日内」 deadlines and the web
 * app's date helpers all read it here.
 */
@Injectable()
export class CalendarService {
  private readonly packaged = packagedCalendarDays();
  private readonly packagedByDate = new Map(this.packaged.map((day) => [day.date, day]));
  private cached: { calendar: WorkingDayCalendar; until: number } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly repository: CalendarRepository,
  ) {}

  async current(options: { fresh?: boolean } = {}): Promise<WorkingDayCalendar> {
    if (!options.fresh && this.cached && this.cached.until > Date.now()) return this.cached.calendar;
    const admin = await this.repository.adminDays();
    const calendar = new WorkingDayCalendar([...this.packaged, ...admin]);
    this.cached = { calendar, until: Date.now() + CACHE_MS };
    return calendar;
  }

  async year(year: number = Number(shanghaiDate(new Date()).slice(0, 4))): Promise<CalendarYearDto> {
    const prefix = `${year}-`;
    const admin = (await this.repository.adminDays()).filter((day) => day.date.startsWith(prefix));
    const byDate = new Map<string, CalendarDayDto>();
    for (const day of this.packaged) {
      if (day.date.startsWith(prefix)) byDate.set(day.date, { ...day, source: 'package' });
    }
    for (const day of admin) byDate.set(day.date, { ...day, source: 'admin' });
    const days = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
    return { year, covered: days.length > 0, days };
  }

  async addWorkingDays(from: string, days: number): Promise<WorkingDaysDto> {
    const calendar = await this.current();
    try {
      return { from, days, date: calendar.addWorkingDays(from, days) };
    } catch (error) {
      if (error instanceof RangeError) throw new CalendarNoWorkingDayError(from);
      throw error;
    }
  }

  /**
   * Replaces the admins' entries for `year` with `days` (an empty list returns the year to the
   * packaged data). Entries equal to the packaged data are not stored: the package stays the source.
   */
  async replaceYear(year: number, days: CalendarDay[], actor: CalendarActor): Promise<CalendarYearDto> {
    const seen = new Set<string>();
    days = days.map((day) => ({ ...day, name: day.name.trim() }));
    for (const day of days) {
      if (!day.date.startsWith(`${year}-`)) throw new CalendarDateOutsideYearError(day.date, year);
      if (seen.has(day.date)) throw new CalendarDuplicateDateError(day.date);
      seen.add(day.date);
    }
    const own = days.filter((day) => {
      const packaged = this.packagedByDate.get(day.date);
      return !packaged || packaged.kind !== day.kind || packaged.name !== day.name;
    });
    await this.dataSource.transaction(async (manager) => {
      const before = await this.repository.replaceYear(manager, year, own, actor.id);
      await this.audit.record(manager, {
        taskId: null,
        actor,
        action: 'calendar.year_replaced',
        detail: { year, before, after: own.length },
      });
    });
    this.cached = null;
    return this.year(year);
  }
}

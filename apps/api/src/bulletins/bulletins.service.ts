import {
  BulletinPeriodError,
  buildBulletin,
  parseBulletinPeriod,
  previousMonthKey,
  shanghaiDate,
  type BulletinDto,
} from '@duban/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { Clock } from '../infra/queue/clock';
import { departmentNames } from '../departments/departments.queries';
import { bulletinErrors } from './bulletins.errors';
import { notifySupervisors } from '../notifications/supervisor-notice.queries';
import { bulletinTasks, documentTitle } from './bulletin-source.queries';

export interface BulletinScope {
  document?: string;
  departments?: string[];
}

export const BULLETIN_ISSUER = '督查室';

/** The instant a Shanghai calendar day begins. */
const dayStart = (date: string): Date => new Date(`${date}T00:00:00+08:00`);
const nextDay = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** 督查通报: reads the period's tasks, builds the one report model (libs/domain), renders elsewhere. */
@Injectable()
export class BulletinsService {
  private readonly logger = new Logger(BulletinsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async build(periodKey: string, scope: BulletinScope = {}): Promise<BulletinDto> {
    let period;
    try {
      period = parseBulletinPeriod(periodKey);
    } catch (error) {
      if (error instanceof BulletinPeriodError) throw bulletinErrors.periodInvalid(error.message);
      throw error;
    }
    const today = shanghaiDate(this.clock.now());
    if (period.from > today) throw bulletinErrors.periodFuture(period.label);
    // Tasks created by the period's last day, or by today while it runs (the model judges them).
    const lastDay = today <= period.to ? today : period.to;
    const departments = scope.departments?.length ? scope.departments : null;
    const rows = await bulletinTasks(
      this.dataSource,
      dayStart(period.from),
      dayStart(nextDay(lastDay)),
      scope.document ?? null,
      departments,
    );
    const tasks = departments
      ? rows.map((row) => ({ ...row, leads: row.leads.filter((lead) => departments.includes(lead.id)) }))
      : rows;
    return buildBulletin({
      period,
      scopeLabel: await this.scopeLabel(scope),
      today,
      issuer: BULLETIN_ISSUER,
      tasks,
    });
  }

  /**
   * The monthly run: on or after the 1st, last month's bulletin goes into every supervisor's inbox
   * once (the notification key `bulletin:YYYY-MM` makes repeats and other workers no-ops).
   */
  async deliverMonthly(): Promise<{ period: string; delivered: number } | null> {
    const now = this.clock.now();
    const period = previousMonthKey(shanghaiDate(now));
    const bulletin = await this.build(period);
    const link = `${this.config.app.baseUrl.replace(/\/+$/, '')}/bulletins?period=${period}`;
    const t = bulletin.totals;
    const body =
      `${bulletin.title}已生成：任务${t.tasks}项，本期办结${t.done}项，逾期未办结${t.overdue}项。` +
      `查看与下载（Word / PDF）：${link}`;
    const rows = await notifySupervisors(this.dataSource, {
      key: `bulletin:${period}`,
      rule: 'bulletin',
      at: now,
      title: bulletin.title,
      body,
    });
    if (rows.length === 0) return null;
    this.logger.log(`monthly bulletin ${period} delivered to ${rows.length} supervisor inbox(es)`);
    return { period, delivered: rows.length };
  }

  private async scopeLabel(scope: BulletinScope): Promise<string> {
    if (scope.document) {
      const title = await documentTitle(this.dataSource, scope.document);
      if (title === undefined) throw bulletinErrors.documentUnknown();
      return `《${title}》`;
    }
    if (scope.departments?.length) {
      const rows = await departmentNames(this.dataSource, scope.departments);
      if (rows.length !== new Set(scope.departments).size) throw bulletinErrors.departmentUnknown();
      return rows.map((r) => r.name).join('、');
    }
    return '全部任务';
  }
}

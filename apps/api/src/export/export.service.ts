import { shanghaiDate } from '@duban/domain';
import {
  ASSIGNMENT_ROLE_LABELS,
  LIGHT_LABELS,
  STATUS_LABELS,
  type TaskListQueryDto,
} from '@duban/domain/contract';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { DepartmentsService } from '../departments/departments.service';
import { documentTitle } from '../documents/documents.queries';
import { Clock } from '../infra/queue/clock';
import { TaskListReader } from '../tasks/list/task-list.reader';
import { ledgerExtras } from './ledger.queries';
import { buildTaskLedger } from './task-ledger.workbook';

/** Rows beyond this are left out (and the response says so): a ledger is read by people, not machines. */
export const EXPORT_MAX_ROWS = 20_000;

/** Characters a file name may not carry on Windows or macOS; a long filter is cut. */
const sanitize = (part: string): string => part.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40);

@Injectable()
export class ExportService {
  constructor(
    private readonly tasks: TaskListReader,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly departments: DepartmentsService,
  ) {}

  async taskLedger(
    query: TaskListQueryDto,
    user: AuthUser,
  ): Promise<{ buffer: Buffer; fileName: string; rows: number; truncated: boolean }> {
    const now = this.clock.now();
    const found = await this.tasks.all(query, user, EXPORT_MAX_ROWS + 1);
    const truncated = found.length > EXPORT_MAX_ROWS;
    const rows = truncated ? found.slice(0, EXPORT_MAX_ROWS) : found;
    const extras = await ledgerExtras(
      this.dataSource.manager,
      rows.map((row) => row.id),
    );
    const buffer = await buildTaskLedger(rows, now, extras);
    const filters = await this.filterWords(query);
    return {
      buffer,
      fileName:
        ['督办台账', ...filters.map(sanitize), shanghaiDate(now).replace(/-/g, '')].join('-') + '.xlsx',
      rows: rows.length,
      truncated,
    };
  }

  /** The filters in words, in a fixed order, for the file name: 督办台账-发改委-牵头-逾期-20261201.xlsx. */
  private async filterWords(query: TaskListQueryDto): Promise<string[]> {
    const words: string[] = [];
    if (query.document) {
      words.push((await documentTitle(this.dataSource.manager, query.document)) ?? '未知文件');
    }
    if (query.department) {
      const [department] = await this.departments.findByIds([query.department]);
      words.push(department?.name ?? '未知部门');
    }
    if (query.role) words.push(ASSIGNMENT_ROLE_LABELS[query.role]);
    if (query.status) words.push(STATUS_LABELS[query.status]);
    if (query.overdue === true) words.push('逾期');
    if (query.overdue === false) words.push('未逾期');
    if (query.light) words.push(LIGHT_LABELS[query.light]);
    if (query.dueAfter) words.push(`时限自${query.dueAfter}`);
    if (query.dueBefore) words.push(`时限至${query.dueBefore}`);
    if (query.q) words.push(`含「${query.q}」`);
    return words;
  }
}

/** Figures: GET /api/stats (overdue, matrix, trend) and the 督查通报 model. */

export interface OverdueStatsRowDto {
  id: string;
  name: string;
  /** Tasks, 已终止 left out. */
  total: number;
  done: number;
  overdue: number;
  /** 按期办结 (done within the deadline in force, or done without one). */
  onTime: number;
  /** Open with a deadline today or within TASK_YELLOW_WITHIN_DAYS (黄灯·临期). */
  dueSoon: number;
  /** Open without a deadline (无时限). */
  undated: number;
  /** 逾期率 and 按期办结率 (libs/domain/src/stats/rates.ts), fractions. */
  overdueRate: number;
  onTimeRate: number;
}

export interface OverdueStatsDto {
  totals: {
    tasks: number;
    done: number;
    overdue: number;
    submitted: number;
    completionRate: number;
    onTime: number;
    open: number;
    terminated: number;
    /** 黄灯 = dueSoon (dated, within the window) + stale (undated, no report for TASK_STALE_AFTER_DAYS). */
    yellow: number;
    dueSoon: number;
    stale: number;
    undated: number;
    overdueRate: number;
    onTimeRate: number;
  };
  byDepartment: OverdueStatsRowDto[];
  byDocument: OverdueStatsRowDto[];
  /** The windows behind the lights, for the legend. */
  rules: { yellowWithinDays: number; staleAfterDays: number };
  /** Shanghai date the figures are as of. */
  asOf: string;
}

/** GET /api/stats/matrix: department (by role) × document counts. */
export interface StatsMatrixDto {
  departments: { id: string; name: string }[];
  documents: { id: string; name: string }[];
  cells: { departmentId: string; documentId: string; total: number; overdue: number; done: number }[];
}

/** GET /api/stats/trend: open and overdue tasks at the end of each of the last weeks. */
export interface StatsTrendDto {
  weeks: { weekEnd: string; open: number; overdue: number }[];
}

/** One row of a 督查通报's per-department table (by lead department). */
export interface BulletinDepartmentRowDto {
  departmentId: string;
  department: string;
  tasks: number;
  done: number;
  onTime: number;
  overdue: number;
  returns: number;
  averageOverdueDays: number;
  onTimeRate: number;
  overdueRate: number;
}

/** The 督查通报 model (libs/domain/src/bulletins/bulletin-model.ts), rendered to .docx and PDF. */
export interface BulletinDto {
  title: string;
  /** 文号-style line under the title: issuer, serial, date. */
  headerLine: string;
  issuer: string;
  period: { kind: 'month' | 'quarter' | 'custom'; key: string; from: string; to: string; label: string };
  scopeLabel: string;
  /** The day the figures are judged at (the day after the period, or today). */
  judgedOn: string;
  generatedOn: string;
  totals: {
    tasks: number;
    done: number;
    onTime: number;
    overdue: number;
    returns: number;
    onTimeRate: number;
    overdueRate: number;
  };
  departments: BulletinDepartmentRowDto[];
  ranking: { rank: number; department: string; onTimeRate: number; overdueRate: number }[];
  best: string[];
  worst: string[];
  overdueItems: {
    taskId: string;
    title: string;
    document: string | null;
    leads: string;
    deadline: string;
    overdueDays: number;
    lastProgress: { on: string; text: string } | null;
  }[];
  returnedItems: { taskId: string; title: string; leads: string; on: string; reason: string }[];
}

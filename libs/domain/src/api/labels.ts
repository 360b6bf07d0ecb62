/**
 * The one zh-CN vocabulary of Duban: every status, role, action and channel name shown to people.
 * The web app, the API's messages and the Excel export all read these, so a word on screen, in an
 * error message and in the workbook is always the same word. Plain data, no framework.
 */
import type { DepartmentKind } from '../departments/types';
import type { SsoErrorCode } from './auth';
import type { CalendarDayKind, CalendarDaySource } from './calendar';
import type {
  AssignmentRole,
  ExtensionStatus,
  NotificationChannel,
  TaskAction,
  TaskStatus,
  TrafficLight,
  UserRole,
} from './task-vocabulary';

export const STATUS_LABELS: Readonly<Record<TaskStatus, string>> = {
  not_started: '未开始',
  in_progress: '进行中',
  submitted: '已提交待审核',
  done: '已办结',
  returned: '已退回',
  terminated: '已终止',
};

export const LIGHT_LABELS: Readonly<Record<TrafficLight, string>> = {
  red: '红灯·逾期',
  yellow: '黄灯·临期',
  green: '绿灯·正常',
};

export const ROLE_LABELS: Readonly<Record<UserRole, string>> = {
  officer: '部门经办人',
  supervisor: '督查室',
  admin: '系统管理员',
};

export const ASSIGNMENT_ROLE_LABELS: Readonly<Record<AssignmentRole, string>> = {
  lead: '牵头',
  participant: '参与',
};

export const ACTION_LABELS: Readonly<Record<TaskAction, string>> = {
  report_progress: '报告进展',
  upload_evidence: '上传佐证材料',
  submit: '提交办结',
  request_extension: '申请延期',
  approve: '审核通过',
  return: '退回',
  grant_extension: '同意延期',
  refuse_extension: '不同意延期',
  acknowledge: '签收',
  name_assignee: '指定承办人',
  change_main_lead: '调整主办单位',
};

export const EXTENSION_STATUS_LABELS: Readonly<Record<ExtensionStatus, string>> = {
  pending: '待审批',
  granted: '已同意',
  refused: '未同意',
};

export const CHANNEL_LABELS: Readonly<Record<NotificationChannel, string>> = {
  inbox: '站内消息',
  email: '电子邮件',
  webhook: '部门 Webhook',
};

export const DEPARTMENT_KIND_LABELS: Readonly<Record<DepartmentKind, string>> = {
  ministry: '部委',
  local: '地方',
  collective: '统称',
};

export const CALENDAR_DAY_KIND_LABELS: Readonly<Record<CalendarDayKind, string>> = {
  holiday: '放假',
  workday: '调休上班',
};

export const CALENDAR_SOURCE_LABELS: Readonly<Record<CalendarDaySource, string>> = {
  package: '国务院公布',
  admin: '管理员录入',
};

/** What the login page says when single sign-on did not end in a session. */
export const SSO_ERROR_MESSAGES: Readonly<Record<SsoErrorCode, string>> = {
  SSO_DISABLED: '本系统未启用统一身份认证登录，请使用账号密码登录。',
  SSO_STATE_INVALID: '统一身份认证登录已超时或被打断，请重新点击登录。',
  SSO_PROVIDER_ERROR: '统一身份认证服务未能完成登录，请稍后重试；如持续失败，请联系系统管理员。',
  SSO_ACCOUNT_UNKNOWN: '没有与该统一身份对应的督办账号，请联系系统管理员开通。',
  SSO_ACCOUNT_INACTIVE: '该督办账号已停用，请联系系统管理员。',
  SSO_ACCOUNT_LINKED_ELSEWHERE: '该督办账号已绑定另一个统一身份，请联系系统管理员核对。',
  SSO_DEPARTMENT_UNKNOWN: '统一身份中的单位在督办系统中找不到，无法开通账号，请联系系统管理员。',
};

// The audit actions' labels (AUDIT_ACTION_LABELS, auditActionLabel, actorLabel) live with their union in audit.ts.

/** 「督查室、系统管理员」 for a list of roles, as in 「此操作仅限以下角色：督查室。」 */
export function roleList(roles: readonly UserRole[]): string {
  return roles.map((r) => ROLE_LABELS[r]).join('、');
}

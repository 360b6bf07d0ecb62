/**
 * The audit trail's vocabulary: every action the API writes to audit_log, with the zh-CN words the task
 * page's 办理记录 (and anyone reading the log) shows for it. A new action is added here first, so the
 * writer's type check and the label map move together.
 */

/** Audit log actions as the API writes them ('task.submitted', 'extension.granted', …). */
export type AuditAction =
  // Imports (policy documents)
  | 'import.file'
  | 'document.imported'
  | 'document.source_changed'
  | 'task.imported'
  | 'task.text_changed'
  // The 督查室's desk
  | 'task.created'
  | 'task.deadline_edited'
  | 'task.departments_changed'
  | 'task.split'
  | 'task.split_from'
  | 'task.terminated'
  | 'task.commented'
  | 'task.department_merged'
  // Workflow
  | 'task.acknowledged'
  | 'task.assignee_named'
  | 'task.main_lead_changed'
  | 'task.progress_reported'
  | 'task.checklist_ticked'
  | 'task.submitted'
  | 'task.approved'
  | 'task.returned'
  | 'evidence.uploaded'
  | 'evidence.deleted'
  | 'extension.requested'
  | 'extension.granted'
  | 'extension.refused'
  // Administration
  | 'calendar.year_replaced'
  | 'department.created'
  | 'department.updated'
  | 'department.merged'
  | 'department.directory_imported'
  | 'user.created'
  | 'user.updated'
  | 'user.imported'
  | 'user.contact_updated'
  | 'user.activated'
  | 'user.deactivated'
  | 'user.password_reset'
  | 'user.sso_linked'
  | 'user.sso_created';

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  'import.file': '导入文件',
  'task.imported': '导入创建',
  'task.text_changed': '导入更新措施原文',
  'document.imported': '文件导入',
  'document.source_changed': '文件来源更新',
  'task.progress_reported': '报告进展',
  'task.checklist_ticked': '更新工作清单',
  'evidence.uploaded': '上传佐证材料',
  'evidence.deleted': '删除佐证材料',
  'task.submitted': '提交办结',
  'task.approved': '审核通过',
  'task.returned': '退回修改',
  'extension.requested': '申请延期',
  'extension.granted': '同意延期',
  'extension.refused': '不同意延期',
  'calendar.year_replaced': '修改工作日历',
  'user.created': '新建账号',
  'user.updated': '修改账号',
  'user.imported': '批量导入账号',
  'user.contact_updated': '修改联系方式',
  'user.activated': '启用账号',
  'user.deactivated': '停用账号',
  'user.password_reset': '重置密码',
  'user.sso_linked': '绑定统一身份',
  'user.sso_created': '统一身份开通账号',
  'task.created': '立项',
  'task.deadline_edited': '修改时限',
  'task.departments_changed': '调整责任单位',
  'task.split': '拆分任务',
  'task.split_from': '由拆分立项',
  'task.terminated': '终止任务',
  'task.commented': '督办意见',
  'task.department_merged': '责任单位合并',
  'department.created': '新增单位',
  'department.updated': '修改单位',
  'department.merged': '合并单位',
  'department.directory_imported': '导入单位名录',
  'task.acknowledged': '签收',
  'task.assignee_named': '指定承办人',
  'task.main_lead_changed': '调整主办单位',
};

/** True for an action this version writes (the log may hold older ones). */
export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action);
}

/** An unknown action is shown as 其他操作 rather than its internal name. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : '其他操作';
}

/** Actors the system writes itself (imports, the reminder worker) get a zh-CN name instead of an internal one. */
const SYSTEM_ACTORS: Readonly<Record<string, string>> = {
  'system (CLI import)': '系统导入',
  system: '系统',
};

export function actorLabel(actor: string | null): string | null {
  if (actor === null) return null;
  return SYSTEM_ACTORS[actor] ?? actor;
}

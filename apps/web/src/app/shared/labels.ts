import type { ExtensionStatus, TaskAction, TaskStatus, TrafficLight } from '@duban/domain';

export const STATUS_LABELS: Record<TaskStatus, string> = {
  not_started: '未开始',
  in_progress: '进行中',
  submitted: '已提交待审核',
  done: '已办结',
  returned: '已退回',
};

export const LIGHT_LABELS: Record<TrafficLight, string> = {
  red: '红灯·逾期',
  yellow: '黄灯·临期',
  green: '绿灯·正常',
};

export const ACTION_LABELS: Record<TaskAction, string> = {
  report_progress: '报告进展',
  upload_evidence: '上传佐证材料',
  submit: '提交办结',
  request_extension: '申请延期',
  approve: '审核通过',
  return: '退回',
  grant_extension: '同意延期',
  refuse_extension: '不同意延期',
};

export const EXTENSION_STATUS_LABELS: Record<ExtensionStatus, string> = {
  pending: '待审批',
  granted: '已同意',
  refused: '未同意',
};

/** Audit log actions as the API writes them ('task.submitted', 'extension.granted', …). */
const AUDIT_LABELS: Record<string, string> = {
  'task.imported': '导入创建',
  'task.text_changed': '导入更新措施原文',
  'document.imported': '文件导入',
  'task.progress_reported': '报告进展',
  'evidence.uploaded': '上传佐证材料',
  'task.submitted': '提交办结',
  'task.approved': '审核通过',
  'task.returned': '退回修改',
  'extension.requested': '申请延期',
  'extension.granted': '同意延期',
  'extension.refused': '不同意延期',
};

export function auditLabel(action: string): string {
  return AUDIT_LABELS[action] ?? action;
}

export const STATUSES: TaskStatus[] = ['not_started', 'in_progress', 'submitted', 'returned', 'done'];
export const LIGHTS: TrafficLight[] = ['red', 'yellow', 'green'];

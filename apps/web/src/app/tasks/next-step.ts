import type { TaskDetailDto } from '@duban/domain/contract';

export interface Guidance {
  /** The 「下一步」 line: what this user can do now and why. */
  next: string;
  /** For an officer whose department only participates: what a participant does. */
  participant: string | null;
}

/**
 * What the current user should do next on this task, derived only from the status, the evidence and the
 * actions the API allows (never from the role in the template), so it cannot promise a button that is absent.
 */
export function guidance(task: TaskDetailDto, departmentId: string | null): Guidance {
  const allowed = new Set(task.allowedActions);
  const isLead = departmentId !== null && task.lead.some((d) => d.id === departmentId);
  const isParticipant =
    !isLead && departmentId !== null && task.participants.some((d) => d.id === departmentId);
  const leads = task.lead.map((d) => d.name).join('、') || '牵头部门';
  const participant = isParticipant
    ? `您的部门是本任务的参与部门：请报告本部门的落实进展、上传佐证材料，供${leads}汇总；提交办结由牵头部门负责。`
    : null;
  return { next: nextLine(task, allowed, isParticipant), participant };
}

function nextLine(task: TaskDetailDto, allowed: Set<string>, isParticipant: boolean): string {
  if (allowed.has('approve') || allowed.has('return')) {
    return '下一步：查看办结情况说明和佐证材料，审核通过（可附审核意见）或退回并写明理由。';
  }
  if (allowed.has('grant_extension') || allowed.has('refuse_extension')) {
    return '下一步：审批右侧的延期申请（同意，或不同意并写明理由）。';
  }
  if (allowed.has('submit')) {
    return task.evidence.length === 0
      ? '下一步：先上传佐证材料，再提交办结（没有佐证材料不能提交）。'
      : `下一步：已有 ${task.evidence.length} 份佐证材料，可以提交办结，由督查室审核。`;
  }
  if (allowed.has('report_progress')) {
    if (isParticipant) return '下一步：报告本部门的落实进展并上传佐证材料。';
    if (task.status === 'returned') return '下一步：按退回理由修改，再报告进展，之后才能重新提交办结。';
    return '下一步：先报告进展并上传佐证材料，再提交办结（报告进展后才出现「提交办结」）。';
  }
  if (task.status === 'submitted') return '已提交办结，等待督查室审核；审核前不能再修改。';
  if (task.status === 'done') return '任务已办结，无需再操作。';
  return '本任务正由责任部门办理；提交办结后由督查室审核。';
}

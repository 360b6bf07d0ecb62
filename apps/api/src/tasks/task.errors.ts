import {
  ForbiddenTransitionError,
  TASK_STATUS_LABELS,
  type TaskAction,
  type TaskStatus,
} from '@duban/domain';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../infra/http/domain-error';

export const TaskErrorCode = {
  NotFound: 'TASK_NOT_FOUND',
  ForbiddenTransition: 'TASK_FORBIDDEN_TRANSITION',
  VersionConflict: 'TASK_VERSION_CONFLICT',
  ActionForbidden: 'TASK_ACTION_FORBIDDEN',
  EvidenceRequired: 'TASK_EVIDENCE_REQUIRED',
  ExtensionNotFound: 'EXTENSION_NOT_FOUND',
  ExtensionPending: 'EXTENSION_ALREADY_PENDING',
  ExtensionDecided: 'EXTENSION_ALREADY_DECIDED',
  InvalidDeadline: 'EXTENSION_INVALID_DEADLINE',
  ChecklistItemNotFound: 'TASK_CHECKLIST_ITEM_NOT_FOUND',
  ChecklistIndexInvalid: 'TASK_CHECKLIST_INDEX_INVALID',
} as const;

/** Any task the caller may not see is "not found": its existence is not disclosed to other departments. */
export class TaskNotFoundError extends NotFoundError {
  constructor(taskId: string) {
    super(TaskErrorCode.NotFound, '任务不存在，或不属于本部门。', { taskId });
  }
}

export class TaskActionForbiddenError extends ForbiddenError {
  constructor(action: TaskAction) {
    super(TaskErrorCode.ActionForbidden, '当前账号无权对该任务执行此操作。', { action });
  }
}

/** 409 with the states the task may move to next, as the issue asks. */
export class TaskTransitionConflictError extends ConflictError {
  constructor(error: ForbiddenTransitionError, action: TaskAction) {
    super(
      TaskErrorCode.ForbiddenTransition,
      `${error.message}：任务当前为「${TASK_STATUS_LABELS[error.from]}」。`,
      { action, from: error.from, to: error.to, allowed: error.allowed },
    );
  }
}

export function forbiddenTransition(
  from: TaskStatus,
  to: TaskStatus,
  action: TaskAction,
): TaskTransitionConflictError {
  return new TaskTransitionConflictError(new ForbiddenTransitionError(from, to), action);
}

export class TaskVersionConflictError extends ConflictError {
  constructor(expected: number, current: number) {
    super(TaskErrorCode.VersionConflict, '任务已被他人修改，请刷新后重试。', { expected, current });
  }
}

export class EvidenceRequiredError extends ValidationError {
  constructor() {
    super(
      TaskErrorCode.EvidenceRequired,
      '报办结前请至少上传一份佐证材料（须由牵头部门上传，参与部门的材料不计入）。',
      {
        fields: [{ field: 'evidence', reasons: ['至少需要一份牵头部门上传的佐证材料'] }],
      },
    );
  }
}

/** A 工作清单 position the task does not have. */
export class ChecklistItemNotFoundError extends NotFoundError {
  constructor(index: number, size: number) {
    super(
      TaskErrorCode.ChecklistItemNotFound,
      size === 0 ? '该任务没有工作清单。' : `工作清单没有第 ${index + 1} 项（共 ${size} 项）。`,
      { index, size },
    );
  }
}

export class ChecklistIndexInvalidError extends ValidationError {
  constructor() {
    super(TaskErrorCode.ChecklistIndexInvalid, '工作清单序号须为非负整数。');
  }
}

import { ConflictError, DomainError, NotFoundError, ValidationError } from '../infra/http/domain-error';

export class DepartmentNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('DEPARTMENT_NOT_FOUND', '该单位不存在，请刷新单位列表后重试。', { id });
  }
}

/** A name or alias another unit already answers to: imports would not know which one is meant. */
export class DepartmentNameTakenError extends ConflictError {
  constructor(name: string, owner: { id: string; name: string }) {
    super(
      'DEPARTMENT_NAME_TAKEN',
      owner.name === name
        ? `已有名为“${name}”的单位，同一名称不能属于两个单位。`
        : `“${name}”已是“${owner.name}”的简称，同一名称不能属于两个单位。`,
      { name, departmentId: owner.id, departmentName: owner.name },
    );
  }
}

/** A collective party (各有关部门, 各地区…) stands for many units: it can hold no accounts. */
export class DepartmentCollectiveHasUsersError extends ValidationError {
  constructor(name: string, users: number) {
    super(
      'DEPARTMENT_COLLECTIVE_HAS_USERS',
      `“${name}”有 ${users} 个账号，不能设为统称：统称（各有关部门、各地区等）不能有账号。请先调整这些账号所属单位。`,
      { users },
    );
  }
}

export class DepartmentMergeError extends ValidationError {}

export const mergeErrors = {
  self: () =>
    new DepartmentMergeError('DEPARTMENT_MERGE_SELF', '不能将单位并入其自身，请选择另一个继任单位。'),
  unknownTarget: (id: string) =>
    new DepartmentMergeError('DEPARTMENT_MERGE_UNKNOWN_TARGET', '所选继任单位不存在，请刷新后重新选择。', {
      into: id,
    }),
  intoCollective: (name: string) =>
    new DepartmentMergeError(
      'DEPARTMENT_MERGE_INTO_COLLECTIVE',
      `“${name}”是统称（如各有关部门、各地区），不能作为继任单位：请选择一个具体单位。`,
      { into: name },
    ),
  collective: (name: string) =>
    new DepartmentMergeError(
      'DEPARTMENT_MERGE_COLLECTIVE',
      `“${name}”是统称，不能并入某个单位：请在「待明确责任单位」中为其任务逐项指定牵头单位。`,
      { name },
    ),
  intoMerged: (name: string, successor: string) =>
    new DepartmentMergeError(
      'DEPARTMENT_MERGE_TARGET_MERGED',
      `“${name}”已并入“${successor}”，请直接选择“${successor}”作为继任单位。`,
      { into: name, successor },
    ),
  alreadyMerged: (name: string, successor: string) =>
    new ConflictError('DEPARTMENT_ALREADY_MERGED', `“${name}”已并入“${successor}”，无需再次合并。`, {
      name,
      successor,
    }),
};

/** The upload of a directory sheet (POST /api/departments/import) that cannot be read. */
export const directoryUploadErrors = {
  notMultipart: () =>
    new DomainError('DIRECTORY_NOT_MULTIPART', '请以 multipart/form-data 方式上传名录（字段名 file）。', 415),
  noFile: () => new ValidationError('DIRECTORY_NO_FILE', '请求中没有文件，请在字段 file 中上传名录。'),
  tooLarge: () => new DomainError('DIRECTORY_TOO_LARGE', '名录文件过大，请拆分后再导入。', 413),
};

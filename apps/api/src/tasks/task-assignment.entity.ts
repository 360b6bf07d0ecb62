import { TASK_STATUSES, type AssignmentRole, type TaskStatus } from '@duban/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { DepartmentEntity } from '../departments/department.entity';
import { TaskEntity } from './task.entity';

export const ASSIGNMENT_ROLES: AssignmentRole[] = ['lead', 'participant'];

/** A department responsible for a task, as lead (牵头) or participant (参与/配合). One row per department. */
@Entity({ name: 'task_assignments' })
@Unique('UQ_task_assignments_task_department', ['taskId', 'departmentId'])
@Index('IDX_task_assignments_department_role_task', ['departmentId', 'role', 'taskId'])
// A department's list (status filter, overdue-first or deadline order, window count) is read from this
// index alone instead of probing each of its ~1k tasks: ~7 → ~2.5 ms per list at 100k tasks.
@Index('IDX_task_assignments_department_status_deadline', [
  'departmentId',
  'taskStatus',
  'taskDeadline',
  'taskId',
  'role',
])
// At most one 主办 lead per task (kept by tasks/main-lead.queries.ts).
@Index('UQ_task_assignments_main', ['taskId'], { unique: true, where: '"is_main"' })
export class TaskAssignmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_task_assignments' })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  // One-way: nothing loads a task's assignments through the entity (the SQL joins task_assignments), and a
  // back-reference on TaskEntity would make the two files import each other.
  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_task_assignments_task' })
  task?: TaskEntity;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_task_assignments_department' })
  department?: DepartmentEntity;

  @Column({ type: 'enum', enum: ASSIGNMENT_ROLES, enumName: 'assignment_role' })
  role!: AssignmentRole;

  /**
   * Copies of the task's status and deadline in force, for the index above. Written only by the
   * database (triggers of migration AssignmentTaskCopy: on insert here, on update of the task), so
   * they cannot go stale; read the task itself for its state.
   */
  @Column({
    name: 'task_status',
    type: 'enum',
    enum: [...TASK_STATUSES],
    enumName: 'task_status',
    insert: false,
    update: false,
  })
  taskStatus!: TaskStatus;

  @Column({ name: 'task_deadline', type: 'date', nullable: true, insert: false, update: false })
  taskDeadline!: string | null;

  /**
   * The 主办 lead (a lead only): it signs off, names the 承办人, submits 办结 and asks for extensions.
   * The first lead named unless the 督查室 chose another.
   */
  @Column({ name: 'is_main', type: 'boolean', default: false })
  isMain!: boolean;

  /** Sort order within its role, as named in the document. */
  @Column({ type: 'smallint', default: 0 })
  position!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

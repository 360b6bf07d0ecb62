import type { AssignmentRole } from '@duban/domain';
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
export class TaskAssignmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_task_assignments' })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => TaskEntity, (task) => task.assignments, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_task_assignments_task' })
  task?: TaskEntity;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_task_assignments_department' })
  department?: DepartmentEntity;

  @Column({ type: 'enum', enum: ASSIGNMENT_ROLES, enumName: 'assignment_role' })
  role!: AssignmentRole;

  /** Sort order within its role, as named in the document. */
  @Column({ type: 'smallint', default: 0 })
  position!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

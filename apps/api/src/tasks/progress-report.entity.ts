import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DepartmentEntity } from '../departments/department.entity';
import { UserEntity } from '../users/user.entity';
import { TaskEntity } from './task.entity';

/** A progress report (进展情况) by one of the task's departments. Never updated or deleted. */
@Entity({ name: 'progress_reports' })
@Index('IDX_progress_reports_task_created', ['taskId', 'createdAt'])
export class ProgressReportEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_progress_reports' })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_progress_reports_task' })
  task?: TaskEntity;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_progress_reports_department' })
  department?: DepartmentEntity;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'FK_progress_reports_author' })
  author?: UserEntity;

  @Column({ type: 'text' })
  text!: string;

  /** 配合意见: written by a co-lead or a participant on its part, not by the 主办 lead (as of the report). */
  @Column({ type: 'boolean', default: false })
  cooperation!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

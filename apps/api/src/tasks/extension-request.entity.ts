import type { ExtensionStatus } from '@duban/domain';
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

export const EXTENSION_STATUSES: ExtensionStatus[] = ['pending', 'granted', 'refused'];

/** A department's request to move a task's deadline (申请延期), and the supervisor's decision. */
@Entity({ name: 'extension_requests' })
@Index('IDX_extension_requests_task_created', ['taskId', 'createdAt'])
@Index('IDX_extension_requests_status', ['status'])
export class ExtensionRequestEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_extension_requests' })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_extension_requests_task' })
  task?: TaskEntity;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_extension_requests_department' })
  department?: DepartmentEntity;

  @Column({ name: 'requested_by_id', type: 'uuid' })
  requestedById!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by_id', foreignKeyConstraintName: 'FK_extension_requests_requested_by' })
  requestedBy?: UserEntity;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'current_deadline', type: 'date', nullable: true })
  currentDeadline!: string | null;

  @Column({ name: 'requested_deadline', type: 'date' })
  requestedDeadline!: string;

  @Column({ type: 'enum', enum: EXTENSION_STATUSES, enumName: 'extension_status', default: 'pending' })
  status!: ExtensionStatus;

  @Column({ name: 'decided_by_id', type: 'uuid', nullable: true })
  decidedById!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_id', foreignKeyConstraintName: 'FK_extension_requests_decided_by' })
  decidedBy?: UserEntity | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}

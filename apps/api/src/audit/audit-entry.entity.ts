import type { AuditAction, TaskStatus } from '@duban/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { PolicyDocumentEntity } from '../documents/policy-document.entity';
import { TaskEntity } from '../tasks/task.entity';
import { UserEntity } from '../users/user.entity';

/**
 * The append-only audit log: one row per change of record (transition, report, evidence,
 * extension, import). A trigger created in the migration rejects UPDATE and DELETE.
 */
@Entity({ name: 'audit_log' })
@Index('IDX_audit_log_task_at', ['taskId', 'at'])
@Index('IDX_audit_log_document_at', ['documentId', 'at'])
@Index('IDX_audit_log_at', ['at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_audit_log' })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId!: string | null;

  @ManyToOne(() => TaskEntity, { nullable: true, onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_audit_log_task' })
  task?: TaskEntity | null;

  @Column({ name: 'document_id', type: 'uuid', nullable: true })
  documentId!: string | null;

  @ManyToOne(() => PolicyDocumentEntity, { nullable: true, onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'FK_audit_log_document' })
  document?: PolicyDocumentEntity | null;

  /** Null for system actions (import from the CLI, scheduled jobs). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'FK_audit_log_actor' })
  actor?: UserEntity | null;

  /** Display name of the actor at the time (kept even if the account changes), or e.g. 'system'. */
  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName!: string | null;

  /** e.g. task.imported, task.submitted, extension.granted (AuditAction: the writers' one vocabulary). */
  @Column({ type: 'varchar', length: 64 })
  action!: AuditAction;

  // Plain text: a second column of the shared task_status enum type confuses TypeORM's diff.
  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus!: TaskStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16, nullable: true })
  toStatus!: TaskStatus | null;

  @Column({ type: 'jsonb', nullable: true })
  detail!: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}

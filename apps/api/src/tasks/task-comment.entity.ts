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

/**
 * A 督办意见 (by a supervisor) or a comment / reply (by a department of the task). Append-only: the
 * thread is part of the record, like the audit trail, so there is no edit or delete.
 */
@Entity({ name: 'task_comments' })
@Index('IDX_task_comments_task_created', ['taskId', 'createdAt'])
export class TaskCommentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_task_comments' })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_task_comments_task' })
  task?: TaskEntity;

  /** The comment answered; replies stay in the same task. */
  @Column({ name: 'reply_to_id', type: 'uuid', nullable: true })
  replyToId!: string | null;

  @ManyToOne(() => TaskCommentEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reply_to_id', foreignKeyConstraintName: 'FK_task_comments_reply_to' })
  replyTo?: TaskCommentEntity | null;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'FK_task_comments_author' })
  author?: UserEntity | null;

  /** Kept as written at the time, so a renamed or deleted account leaves the thread readable. */
  @Column({ name: 'author_name', type: 'text' })
  authorName!: string;

  /** The author's department; null for the 督查室. */
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @ManyToOne(() => DepartmentEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_task_comments_department' })
  department?: DepartmentEntity | null;

  @Column({ name: 'by_supervisor', type: 'boolean', default: false })
  bySupervisor!: boolean;

  @Column({ type: 'text' })
  text!: string;

  /** Departments mentioned (@简称 resolved through the registry, or picked). */
  @Column({ name: 'mention_ids', type: 'uuid', array: true, default: () => "'{}'" })
  mentionIds!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

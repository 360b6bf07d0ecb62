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
import { DepartmentEntity } from '../../departments/department.entity';
import { TaskEntity } from '../../tasks/task.entity';
import { UserEntity } from '../../users/user.entity';

/**
 * One reminder that went out, to one recipient (a department or the supervisors). Its `key`
 * (task, recipient, rule, due date) is unique and the row is written in the same transaction that
 * fans it out to the channels, so a retried or re-delivered job never notifies twice.
 */
@Entity({ name: 'notifications' })
@Unique('UQ_notifications_key', ['key'])
@Index('IDX_notifications_task', ['taskId'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_notifications' })
  id!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId!: string | null;

  @ManyToOne(() => TaskEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_notifications_task' })
  task?: TaskEntity | null;

  @Column({ type: 'text' })
  rule!: string;

  /** `user`: one person — a task's 承办人 (named by `userId`) or a daily digest (its delivery row names the user). */
  @Column({ name: 'recipient_kind', type: 'text' })
  recipientKind!: 'department' | 'supervisors' | 'user';

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @ManyToOne(() => DepartmentEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_notifications_department' })
  department?: DepartmentEntity | null;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_notifications_user' })
  user?: UserEntity | null;

  /** When it was due (virtual clock); `sentAt - dueAt` is its lateness. */
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { TaskEntity } from '../tasks/task.entity';

/** Who caused an event, as shown in its messages. */
export interface TaskEventActor {
  id: string | null;
  name: string;
}

/**
 * The outbox of task events: one row per change, written in the SAME transaction as the change (see
 * `TaskEventOutbox.record`), so an event exists exactly when its change committed. The worker drains
 * unprocessed rows (`FOR UPDATE SKIP LOCKED`), reschedules the task's reminders, writes the fan-out rows
 * and sets `processed_at` in one transaction: each event is handled once, whatever crashes.
 */
@Entity({ name: 'task_events' })
@Index('IDX_task_events_unprocessed', ['id'], { where: 'processed_at IS NULL' })
@Index('IDX_task_events_task', ['taskId'])
export class TaskEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_task_events' })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_task_events_task' })
  task?: TaskEntity;

  /** e.g. `task.returned`, `extension.granted`, `comment.created` (see `TaskEventKind`). */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  @Column({ type: 'jsonb', nullable: true })
  actor!: TaskEventActor | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}

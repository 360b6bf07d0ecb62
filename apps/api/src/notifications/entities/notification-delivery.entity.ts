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
import { UserEntity } from '../../users/user.entity';
import { DepartmentWebhookEntity } from './department-webhook.entity';
import { NotificationEntity } from './notification.entity';

export type DeliveryChannel = 'inbox' | 'email' | 'webhook';
/**
 * `pending`: not attempted yet (or in flight); `failed`: the last attempt failed and it is retried
 * with backoff until its window (DELIVERY_MAX_AGE_MS) ends; `abandoned`: the window ended (or the
 * target is gone) without success — an admin may 重新发送 it. `held`: a 催办 e-mail of a user who
 * chose the daily digest, waiting for it; `digested`: folded into the digest e-mail `digestDeliveryId`
 * (whose own row then goes the usual way). Every row ends `sent`, `abandoned` or `digested`.
 */
export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'abandoned' | 'held' | 'digested';

/**
 * The outbox: one row per (notification, channel, user or webhook). Inbox rows are delivered by
 * their insert; e-mail and webhook rows are sent by their own jobs and marked `sent` afterwards.
 */
@Entity({ name: 'notification_deliveries' })
@Unique('UQ_notification_deliveries_dedupe_key', ['dedupeKey'])
@Index('IDX_notification_deliveries_inbox', ['userId', 'channel', 'readAt'])
@Index('IDX_notification_deliveries_status', ['status'])
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_notification_deliveries' })
  id!: string;

  @ManyToOne(() => NotificationEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({
    name: 'notification_id',
    foreignKeyConstraintName: 'FK_notification_deliveries_notification',
  })
  notification?: NotificationEntity;

  @Column({ name: 'notification_id', type: 'uuid' })
  notificationId!: string;

  @Column({ type: 'text' })
  channel!: DeliveryChannel;

  /** `${notification key}:${channel}:${user or webhook id}`; also the Message-ID / X-Duban-Delivery seed. */
  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey!: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_notification_deliveries_user' })
  user?: UserEntity | null;

  @Column({ name: 'webhook_id', type: 'uuid', nullable: true })
  webhookId!: string | null;

  @ManyToOne(() => DepartmentWebhookEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'webhook_id', foreignKeyConstraintName: 'FK_notification_deliveries_webhook' })
  webhook?: DepartmentWebhookEntity | null;

  /** E-mail address or webhook URL at fan-out time; null for the inbox. */
  @Column({ type: 'text', nullable: true })
  target!: string | null;

  @Column({ type: 'text', default: 'pending' })
  status!: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** When an admin last asked to 重新发送: the retry window restarts from here. */
  @Column({ name: 'resent_at', type: 'timestamptz', nullable: true })
  resentAt!: Date | null;

  /** For a `digested` row: the digest e-mail's delivery that carried it. */
  @Column({ name: 'digest_delivery_id', type: 'uuid', nullable: true })
  digestDeliveryId!: string | null;

  @ManyToOne(() => NotificationDeliveryEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'digest_delivery_id', foreignKeyConstraintName: 'FK_notification_deliveries_digest' })
  digestDelivery?: NotificationDeliveryEntity | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

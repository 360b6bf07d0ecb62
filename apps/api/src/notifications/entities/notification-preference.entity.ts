import type { DigestMode } from '@duban/domain';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../../users/user.entity';

/** A user's channel choices; no row = the defaults (inbox and e-mail on). */
@Entity({ name: 'notification_preferences' })
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_notification_preferences' })
  userId!: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_notification_preferences_user' })
  user?: UserEntity;

  @Column({ type: 'boolean', default: true })
  inbox!: boolean;

  @Column({ type: 'boolean', default: true })
  email!: boolean;

  /** `daily`: 催办-category e-mails are held and sent as one digest a day (DigestService). */
  @Column({ type: 'text', default: 'none' })
  digest!: DigestMode;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

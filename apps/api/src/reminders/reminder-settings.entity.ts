import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The reminder policy as edited by admins: one row (id 1) of overrides on top of the configured defaults. */
@Entity({ name: 'reminder_settings' })
@Check('CHK_reminder_settings_single_row', `"id" = 1`)
export class ReminderSettingsEntity {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'PK_reminder_settings' })
  id!: number;

  /** Partial ReminderPolicy (only the editable fields). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  policy!: Record<string, unknown>;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * An admin's entry in the working-day calendar: a weekday off (`holiday`) or a weekend day worked
 * (`workday`). It overrides the packaged State Council data for its date, so a new year's
 * announcement (published each November) can be entered before the package is updated.
 */
@Entity({ name: 'calendar_days' })
@Check('CHK_calendar_days_kind', `"kind" IN ('holiday', 'workday')`)
export class CalendarDayEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'PK_calendar_days' })
  date!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: 'holiday' | 'workday';

  @Column({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

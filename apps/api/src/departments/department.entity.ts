import type { DepartmentKind } from '@duban/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

export const DEPARTMENT_KINDS: DepartmentKind[] = ['ministry', 'local', 'collective'];

/**
 * A responsible unit: seeded from the domain registry, or created at import from an unknown name.
 * A reorganised (abolished or renamed) unit keeps its row and points at its successor.
 */
@Entity({ name: 'departments' })
@Unique('UQ_departments_name', ['name'])
@Unique('UQ_departments_slug', ['slug'])
@Index('IDX_departments_successor', ['successorId'])
export class DepartmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_departments' })
  id!: string;

  /** Canonical (current official) name. */
  @Column({ type: 'text' })
  name!: string;

  /** Stable short identifier (used for officer usernames), e.g. `d3f2a1`. */
  @Column({ type: 'varchar', length: 32 })
  slug!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases!: string[];

  @Column({ type: 'enum', enum: DEPARTMENT_KINDS, enumName: 'department_kind' })
  kind!: DepartmentKind;

  /**
   * A collective party (各有关部门, 各地区…; `isCollectiveParty` of the domain, written with every change of
   * name or kind): no accounts, never a merge target, no reminders, and a task led only by such parties
   * waits in the 「待明确责任单位」 queue. A column so that SQL (queue, reminders) reads it directly.
   */
  @Column({ type: 'boolean', default: false })
  collective!: boolean;

  /** The place a deployment's own unit belongs to (杭州市); null for national units. */
  @Column({ type: 'text', nullable: true })
  jurisdiction!: string | null;

  @Column({ name: 'successor_id', type: 'uuid', nullable: true })
  successorId!: string | null;

  @ManyToOne(() => DepartmentEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'successor_id', foreignKeyConstraintName: 'FK_departments_successor' })
  successor?: DepartmentEntity | null;

  /** The date the unit ceased (reorganisation), when known. */
  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  @Column({ name: 'created_from_import', type: 'boolean', default: false })
  createdFromImport!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import type { ImportCorrectionKind, MilestoneDto } from '@duban/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../../users/user.entity';

/** What a correction changes; fields by kind as in ImportCorrectionRequestDto. */
export interface CorrectionPayload {
  ref?: string;
  withRef?: string;
  title?: string;
  lead?: string[];
  participants?: string[];
  deadline?: string | null;
  milestones?: MilestoneDto[];
  fromLine?: number;
  toLine?: number;
  atLine?: number;
}

/**
 * A supervisor's correction of an import preview, kept per file content (checksum) and not per preview: a
 * re-import of the same file re-applies it. Applied in creation order (a later
 * correction may name a measure an earlier one added).
 */
@Entity({ name: 'import_corrections' })
@Index('IDX_import_corrections_checksum', ['checksum', 'createdAt'])
export class ImportCorrectionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_import_corrections' })
  id!: string;

  /** sha256 of the uploaded file: the document identity the corrections belong to. */
  @Column({ type: 'char', length: 64 })
  checksum!: string;

  @Column({ type: 'text' })
  kind!: ImportCorrectionKind;

  @Column({ type: 'jsonb' })
  payload!: CorrectionPayload;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'FK_import_corrections_created_by' })
  createdBy?: UserEntity | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

import type { CorrectedImportPreviewDto, ExtractedFile } from '@duban/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';

export type { CorrectedImportPreviewDto };

/** The preview as stored (the API adds id and expiry). */
export type StoredPreview = Omit<CorrectedImportPreviewDto, 'id' | 'expiresAt'>;

/** An uploaded file's extraction, kept until committed or expired (POST /api/imports → commit). */
@Entity({ name: 'import_previews' })
@Index('IDX_import_previews_expires_at', ['expiresAt'])
export class ImportPreviewEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_import_previews' })
  id!: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ type: 'char', length: 64 })
  checksum!: string;

  /** The extractor's output for the file. */
  @Column({ type: 'jsonb' })
  extraction!: ExtractedFile;

  /** The preview as shown to the user (without id/expiry), after the file's corrections. */
  @Column({ type: 'jsonb' })
  preview!: StoredPreview;

  /** The uploaded bytes: lines to add a missed measure from or split one at (null for older previews). */
  @Column({ type: 'bytea', nullable: true })
  source!: Buffer | null;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'FK_import_previews_created_by' })
  createdBy?: UserEntity | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'committed_at', type: 'timestamptz', nullable: true })
  committedAt!: Date | null;
}

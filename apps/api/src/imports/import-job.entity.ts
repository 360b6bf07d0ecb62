import type { ImportJobStatus } from '@duban/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { ImportPreviewEntity } from './import-preview.entity';

/**
 * One upload's extraction, run off the request path (POST /api/imports → GET /api/imports/jobs/:id).
 * Kept in the database, not in the process, so any API instance can answer the status poll.
 */
@Entity({ name: 'import_jobs' })
@Index('IDX_import_jobs_created_at', ['createdAt'])
export class ImportJobEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_import_jobs' })
  id!: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'text' })
  status!: ImportJobStatus;

  @Column({ type: 'smallint', default: 0 })
  percent!: number;

  @Column({ name: 'documents_done', type: 'integer', default: 0 })
  documentsDone!: number;

  @Column({ name: 'documents_total', type: 'integer', default: 0 })
  documentsTotal!: number;

  @Column({ name: 'measures_found', type: 'integer', default: 0 })
  measuresFound!: number;

  @Column({ name: 'error_code', type: 'text', nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  @Column({ name: 'error_status', type: 'smallint', nullable: true })
  errorStatus!: number | null;

  @Column({ name: 'preview_id', type: 'uuid', nullable: true })
  previewId!: string | null;

  @ManyToOne(() => ImportPreviewEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'preview_id', foreignKeyConstraintName: 'FK_import_jobs_preview' })
  preview?: ImportPreviewEntity | null;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'FK_import_jobs_created_by' })
  createdBy?: UserEntity | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Heartbeat: a running job not updated for a while belongs to an instance that died. */
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Upload to ready/failed, for the import-duration metric. */
  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs!: number | null;
}

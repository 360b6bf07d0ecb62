import { TASK_SOURCE_KINDS, type TaskSourceKind } from '@duban/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A policy document (文件) as imported. Identity: its 文号 when it has one, else its normalised
 * title (`titleKey`); a later copy of the same document (another compilation, a reprint) maps here.
 */
@Entity({ name: 'policy_documents' })
@Index('UQ_policy_documents_doc_number', ['docNumber'], { unique: true, where: '"doc_number" IS NOT NULL' })
@Index('IDX_policy_documents_title_key', ['titleKey'])
export class PolicyDocumentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_policy_documents' })
  id!: string;

  /** 文号, e.g. 国发〔2015〕40号. */
  @Column({ name: 'doc_number', type: 'text', nullable: true })
  docNumber!: string | null;

  @Column({ type: 'text' })
  title!: string;

  /** Title without whitespace and punctuation variants, for matching copies. */
  @Column({ name: 'title_key', type: 'text' })
  titleKey!: string;

  @Column({ type: 'text', nullable: true })
  issuer!: string | null;

  @Column({ type: 'date', nullable: true })
  date!: string | null;

  /**
   * What kind of source this is. Imported documents are 政策文件; sources entered by the 督查室 (领导批示,
   * 会议纪要, …) live in this same table so every task keeps one source and the list, stats and export that
   * join tasks to their document see them without a second path. For those, `docNumber` holds the 文号 or
   * 批示 reference and `sourceFile` says how the source was entered (立项 / 台账 file name).
   */
  @Column({
    name: 'source_kind',
    type: 'enum',
    enum: [...TASK_SOURCE_KINDS],
    enumName: 'task_source_kind',
    default: 'policy_document',
  })
  sourceKind!: TaskSourceKind;

  /** File the document was first imported from (base name). */
  @Column({ name: 'source_file', type: 'text' })
  sourceFile!: string;

  /** sha256 of that file's bytes. */
  @Column({ name: 'source_checksum', type: 'char', length: 64 })
  sourceChecksum!: string;

  @Column({ name: 'start_line', type: 'integer' })
  startLine!: number;

  @Column({ name: 'end_line', type: 'integer' })
  endLine!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

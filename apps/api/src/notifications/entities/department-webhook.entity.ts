import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DepartmentEntity } from '../../departments/department.entity';

/** Where a department wants its reminders POSTed (JSON, HMAC-SHA256 signed with `secret`). */
@Entity({ name: 'department_webhooks' })
@Index('IDX_department_webhooks_department', ['departmentId'])
export class DepartmentWebhookEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_department_webhooks' })
  id!: string;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_department_webhooks_department' })
  department?: DepartmentEntity;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'text' })
  secret!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

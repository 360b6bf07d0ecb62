import type { UserRole } from '@duban/domain';
import {
  Check,
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
import { DepartmentEntity } from '../departments/department.entity';

export const USER_ROLES: UserRole[] = ['officer', 'supervisor', 'admin'];

/**
 * A person's account. Officers (经办人, or the 部门负责人 with `is_head`) belong to exactly one department;
 * supervisors and admins to none.
 */
@Entity({ name: 'users' })
@Unique('UQ_users_username', ['username'])
@Unique('UQ_users_oidc_subject', ['oidcSubject'])
@Index('IDX_users_department', ['departmentId'])
@Check('CHK_users_officer_department', `"role" <> 'officer' OR "department_id" IS NOT NULL`)
@Check('CHK_users_head_officer', `NOT "is_head" OR "role" = 'officer'`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_users' })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  /** bcrypt hash. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'enum', enum: USER_ROLES, enumName: 'user_role' })
  role!: UserRole;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @ManyToOne(() => DepartmentEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_users_department' })
  department?: DepartmentEntity | null;

  /** For reminder e-mails. */
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  /** 部门负责人: an officer who heads the department (sees and assigns its work). Officers only. */
  @Column({ name: 'is_head', type: 'boolean', default: false })
  isHead!: boolean;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Set for accounts whose password someone else chose (seed, admin reset): changed at first login. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  /** `${issuer}|${sub}` of the single sign-on identity linked to this account, if any. */
  @Column({ name: 'oidc_subject', type: 'text', nullable: true })
  oidcSubject!: string | null;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

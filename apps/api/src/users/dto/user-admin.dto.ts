import type {
  CreatedUserDto,
  CreateUserRequestDto,
  UpdateMeRequestDto,
  UpdateUserRequestDto,
  UserDto,
  UserRole,
} from '@duban/domain';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType, PickType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MeResponse } from '../../auth/dto/login.dto';

const ROLES: UserRole[] = ['officer', 'supervisor', 'admin'];
const ROLE_MESSAGE = '角色须为 officer（部门经办人）、supervisor（督查室）或 admin（系统管理员）。';

// Shapes and lengths only: the rules with their zh-CN reasons (username, e-mail, phone, department) are
// checked by UserAdminService with the @duban/domain functions the web form uses too.
export class CreateUserBody implements CreateUserRequestDto {
  @ApiProperty({ example: 'zhang.wei', description: 'Lower-case letters, digits and . _ -; 2–32 characters' })
  @IsString({ message: '请填写用户名。' })
  @MaxLength(64, { message: '用户名须为 2–32 个字符。' })
  username!: string;

  @ApiProperty({ example: '张伟' })
  @IsString({ message: '请填写姓名。' })
  @MaxLength(200, { message: '姓名不能超过 64 个字符。' })
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: ROLE_MESSAGE })
  role!: UserRole;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Required for officers' })
  @IsOptional()
  @IsUUID('all', { message: '部门编号格式不正确，请从列表中选择部门。' })
  departmentId?: string | null;

  @ApiPropertyOptional({ description: '部门负责人 (officers only)' })
  @IsOptional()
  @IsBoolean({ message: 'isHead 须为 true 或 false。' })
  isHead?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString({ message: '邮箱须为文本。' })
  @MaxLength(254, { message: '邮箱不能超过 254 个字符。' })
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString({ message: '手机须为文本。' })
  @MaxLength(30, { message: '手机号码过长。' })
  phone?: string | null;
}

/** What an admin may change of an account: every field of the creation but the username, each optional. */
export class UpdateUserBody
  extends PartialType(OmitType(CreateUserBody, ['username'] as const))
  implements UpdateUserRequestDto {}

/** What a person may change of their own account: the contact fields, with the creation's rules. */
export class UpdateMeBody
  extends PartialType(PickType(CreateUserBody, ['email', 'phone'] as const))
  implements UpdateMeRequestDto {}

export class UserResponse extends MeResponse implements UserDto {
  @ApiProperty() active!: boolean;
}

export class CreatedUserResponse implements CreatedUserDto {
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
  @ApiProperty({ description: 'Shown once; the user must change it at the first login' })
  temporaryPassword!: string;
}

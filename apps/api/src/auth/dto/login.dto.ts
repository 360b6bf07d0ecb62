import type {
  ChangePasswordRequestDto,
  LoginRequestDto,
  LoginResponseDto,
  MeDto,
  PasswordResetDto,
  UserRole,
} from '@duban/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginBody implements LoginRequestDto {
  @ApiProperty({ example: 'duchashi' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'secret' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

class DepartmentRefResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class MeResponse implements MeDto {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['officer', 'supervisor', 'admin'] }) role!: UserRole;
  @ApiProperty({ type: DepartmentRefResponse, nullable: true }) department!: DepartmentRefResponse | null;
  @ApiProperty({ description: '部门负责人 (officers only)' }) isHead!: boolean;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ description: 'Only 修改密码 is open until the one-time password is changed' })
  mustChangePassword!: boolean;
}

export class ChangePasswordBody implements ChangePasswordRequestDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ description: 'At least 10 characters, two of letters / digits / symbols, not the username' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  newPassword!: string;
}

export class PasswordResetResponse implements PasswordResetDto {
  @ApiProperty() username!: string;
  @ApiProperty({ description: 'Shown once; the user must change it at the next login' })
  temporaryPassword!: string;
}

export class LoginResponse implements LoginResponseDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn!: number;
  @ApiProperty({ type: MeResponse }) user!: MeResponse;
}

import type { LoginRequestDto, LoginResponseDto, MeDto, UserRole } from '@duban/domain';
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
}

export class LoginResponse implements LoginResponseDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn!: number;
  @ApiProperty({ type: MeResponse }) user!: MeResponse;
}

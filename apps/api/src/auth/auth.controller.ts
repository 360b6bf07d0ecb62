import type { LoginResponseDto, MeDto } from '@duban/domain';
import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { UnauthorizedError } from '../infra/http/domain-error';
import { UsersService } from '../users/users.service';
import { CurrentUser, Public, type AuthUser } from './auth.decorators';
import { AuthService } from './auth.service';
import { LoginBody, LoginResponse, MeResponse } from './dto/login.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with username and password; returns a bearer token' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this client' })
  login(@Body() body: LoginBody): Promise<LoginResponseDto> {
    return this.auth.login(body.username, body.password);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOperation({ summary: 'The logged-in user' })
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    const entity = await this.users.findActiveById(user.id);
    // The guard may have passed on a cached identity just before a deactivation: same 401 as the guard's.
    if (!entity) throw new UnauthorizedError('AUTH_TOKEN_INVALID', '账号不存在或已停用，请联系管理员。');
    return this.users.toMeDto(entity);
  }
}

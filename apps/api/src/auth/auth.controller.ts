import type { LoginResponseDto, MeDto } from '@duban/domain';
import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { UsersService } from '../users/users.service';
import { CurrentUser, OpenBeforePasswordChange, Public, type AuthUser } from './auth.decorators';
import { authErrors } from './auth.errors';
import { AuthService } from './auth.service';
import { ChangePasswordBody, LoginBody, LoginResponse, MeResponse } from './dto/login.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with username and password; returns a bearer token of a new session' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address or for this username' })
  login(@Body() body: LoginBody, @Req() request: FastifyRequest): Promise<LoginResponseDto> {
    // request.ip is the socket address unless the peer is a proxy listed in TRUST_PROXY.
    return this.auth.login(body.username, body.password, request.ip);
  }

  @ApiBearerAuth()
  @OpenBeforePasswordChange()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({ summary: "End this token's session (the token is refused from now on)" })
  @ApiNoContentResponse()
  logout(@CurrentUser() user: AuthUser): Promise<void> {
    return this.auth.logout(user);
  }

  @ApiBearerAuth()
  @OpenBeforePasswordChange()
  @Post('auth/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change my password; my other sessions end' })
  @ApiNoContentResponse()
  changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordBody): Promise<void> {
    return this.auth.changePassword(user, body.currentPassword, body.newPassword);
  }

  @ApiBearerAuth()
  @OpenBeforePasswordChange()
  @Get('me')
  @ApiOperation({ summary: 'The logged-in user' })
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    const entity = await this.users.findActiveById(user.id);
    // The guard may have passed on a cached identity just before a deactivation: same 401 as the guard's.
    if (!entity) throw authErrors.tokenInvalid();
    return this.users.toMeDto(entity);
  }
}

import type { PasswordResetDto } from '@duban/domain';
import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '../audit/audit.service';
import { userErrors } from '../users/users.errors';
import { oneTimePassword } from '../users/one-time-password';
import { UsersService } from '../users/users.service';
import { CurrentUser, Roles, type AuthUser } from './auth.decorators';
import { PasswordResetResponse } from './dto/login.dto';
import { SessionsService } from './sessions.service';

const actorOf = (user: AuthUser) => ({ id: user.id, name: user.username });

/** Account security for admins: deactivate / reactivate an account, reset its password. */
@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users/:id')
export class AccountsController {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  @Post('deactivate')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deactivate an account: its sessions end at once, it cannot log in' })
  @ApiNoContentResponse()
  async deactivate(@CurrentUser() admin: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    if (id === admin.id) throw userErrors.selfDeactivate();
    if (!(await this.users.setActive(id, false))) throw userErrors.notFound();
    await this.sessions.revokeAllOf(id, 'deactivated');
    await this.audit.recordNow({
      taskId: null,
      action: 'user.deactivated',
      actor: actorOf(admin),
      detail: { userId: id },
    });
  }

  @Post('activate')
  @HttpCode(204)
  @ApiOperation({ summary: 'Reactivate an account' })
  @ApiNoContentResponse()
  async activate(@CurrentUser() admin: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    if (!(await this.users.setActive(id, true))) throw userErrors.notFound();
    await this.audit.recordNow({
      taskId: null,
      action: 'user.activated',
      actor: actorOf(admin),
      detail: { userId: id },
    });
  }

  @Post('reset-password')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a one-time password (shown once); the user must change it at next login' })
  @ApiOkResponse({ type: PasswordResetResponse })
  async resetPassword(
    @CurrentUser() admin: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PasswordResetDto> {
    const user = await this.users.findById(id);
    if (!user) throw userErrors.notFound();
    const temporaryPassword = oneTimePassword();
    await this.users.setPassword(id, temporaryPassword, true);
    await this.sessions.revokeAllOf(id, 'password_reset');
    await this.audit.recordNow({
      taskId: null,
      action: 'user.password_reset',
      actor: actorOf(admin),
      detail: { userId: id },
    });
    return { username: user.username, temporaryPassword };
  }
}

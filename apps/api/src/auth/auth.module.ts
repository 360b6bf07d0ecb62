import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { UsersModule } from '../users/users.module';
import { DepartmentsModule } from '../departments/departments.module';
import { AccountsController } from './accounts.controller';
import { AuthController } from './auth.controller';
import { AuthGuard, RolesGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginLimiter } from './login-limiter';
import { OidcProviderClient } from './oidc/oidc-provider-client';
import { OidcController } from './oidc/oidc.controller';
import { SsoAccounts } from './oidc/sso-accounts.service';
import { QueueDashboardAccess, QueueDashboardSessionController } from './queue-dashboard-access';
import { SessionEntity } from './session.entity';
import { SessionsService } from './sessions.service';

@Module({
  imports: [
    UsersModule,
    AuditModule,
    DepartmentsModule,
    TypeOrmModule.forFeature([SessionEntity]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.auth.jwtSecret }),
    }),
  ],
  controllers: [AuthController, AccountsController, QueueDashboardSessionController, OidcController],
  providers: [
    AuthService,
    SessionsService,
    LoginLimiter,
    OidcProviderClient,
    SsoAccounts,
    QueueDashboardAccess,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AuthService, SessionsService, QueueDashboardAccess],
})
export class AuthModule {}

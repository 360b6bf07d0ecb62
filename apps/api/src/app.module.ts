import { Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { BulletinsModule } from './bulletins/bulletins.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { DepartmentAdminModule } from './departments/department-admin.module';
import { DepartmentsModule } from './departments/departments.module';
import { DocumentsModule } from './documents/documents.module';
import { EvidenceModule } from './evidence/evidence.module';
import { EventsRelayModule } from './events/events-relay.module';
import { ExportModule } from './export/export.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { IntakeModule } from './intake/intake.module';
import { ConfigModule } from './infra/config/config.module';
import { ENTITIES } from './entities';
import { DatabaseModule } from './infra/database/database.module';
import { MetricsModule } from './infra/metrics/metrics.module';
import { QueueDashboardModule } from './queue-board/queue-dashboard.module';
import { QueueModule } from './infra/queue/queue.module';
import { OpsMetricsModule } from './metrics/ops-metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RemindersHealthModule } from './reminders/reminders-health.module';
import { RemindersModule } from './reminders/reminders.module';
import { StatsModule } from './stats/stats.module';
import { TasksModule } from './tasks/tasks.module';
import { UserAdminModule } from './users/admin/user-admin.module';
import { UsersModule } from './users/users.module';

// Feature modules are appended to `imports` by their owners.
@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forRoot(ENTITIES),
    HealthModule,
    AuthModule,
    UsersModule,
    DepartmentsModule,
    DepartmentAdminModule,
    DocumentsModule,
    ImportsModule,
    AuditModule,
    TasksModule,
    EvidenceModule,
    StatsModule,
    ExportModule,
    QueueModule,
    CalendarModule,
    RemindersModule,
    RemindersHealthModule,
    NotificationsModule,
    QueueDashboardModule,
    MetricsModule,
    OpsMetricsModule,
    BulletinsModule,
    IntakeModule,
    EventsRelayModule,
    UserAdminModule,
  ],
})
export class AppModule {}

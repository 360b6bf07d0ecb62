/**
 * Every TypeORM entity of the API. Bundled code cannot glob, so list each entity class here
 * (append yours; the migration check compares exactly this list with the migrations). It sits at the
 * composition root beside app.module.ts, not in infra/: infra knows no feature, the root knows them all.
 */
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { CalendarDayEntity } from './calendar/calendar-day.entity';
import { SessionEntity } from './auth/session.entity';
import { DepartmentEntity } from './departments/department.entity';
import { PolicyDocumentEntity } from './documents/policy-document.entity';
import { DepartmentWebhookEntity } from './notifications/entities/department-webhook.entity';
import { NotificationDeliveryEntity } from './notifications/entities/notification-delivery.entity';
import { NotificationPreferenceEntity } from './notifications/entities/notification-preference.entity';
import { NotificationEntity } from './notifications/entities/notification.entity';
import { TaskEventEntity } from './events/task-event.entity';
import { EvidenceFileEntity } from './evidence/evidence-file.entity';
import { ImportJobEntity } from './imports/import-job.entity';
import { ImportPreviewEntity } from './imports/import-preview.entity';
import { ImportCorrectionEntity } from './imports/corrections/import-correction.entity';
import { IntakePreviewEntity } from './intake/intake-preview.entity';
import { ReminderSettingsEntity } from './reminders/reminder-settings.entity';
import { ExtensionRequestEntity } from './tasks/extension-request.entity';
import { ProgressReportEntity } from './tasks/progress-report.entity';
import { TaskAssignmentEntity } from './tasks/task-assignment.entity';
import { TaskCommentEntity } from './tasks/task-comment.entity';
import { TaskEntity } from './tasks/task.entity';
import { UserEntity } from './users/user.entity';

export const ENTITIES: (new () => object)[] = [
  DepartmentEntity,
  UserEntity,
  PolicyDocumentEntity,
  TaskEntity,
  TaskAssignmentEntity,
  ProgressReportEntity,
  EvidenceFileEntity,
  ExtensionRequestEntity,
  AuditEntryEntity,
  ImportPreviewEntity,
  ImportCorrectionEntity,
  ImportJobEntity,
  NotificationEntity,
  NotificationDeliveryEntity,
  NotificationPreferenceEntity,
  DepartmentWebhookEntity,
  ReminderSettingsEntity,
  SessionEntity,
  CalendarDayEntity,
  TaskCommentEntity,
  IntakePreviewEntity,
  TaskEventEntity,
];

// The server-side entry point of @duban/domain: explicit named exports, plus the whole HTTP contract
// (`@duban/domain/contract`, the web app's only entry) re-exported so the API can import either.
export type {
  DeadlineKind,
  ExtractedDocument,
  ExtractedFile,
  ExtractedMeasure,
  ExtractionDiagnostic,
  ExtractionResult,
  MeasureOrigin,
  Milestone,
  ParsedDeadline,
  RecurrencePeriod,
  ParsedResponsibility,
  TextEncodingName,
} from './extractor/types';
export type { DepartmentKind, DepartmentRecord, DepartmentResolution } from './departments/types';
export { indexDirectory, jurisdictionOfIssuer, resolveInJurisdiction } from './departments/jurisdiction';
export { isCollectiveParty } from './departments/collective';
export type { DirectoryEntry, DirectoryIndex, JurisdictionResolution } from './departments/jurisdiction';
export * from './contract';
export {
  assertTransition,
  canTerminate,
  canTransition,
  isClosedStatus,
  ForbiddenTransitionError,
  isOpenStatus,
  nextStatuses,
  statusAfterProgress,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
} from './tasks/status';
export { allowedActions, roleActions, roleAllows, stateAllows, TASK_ACTIONS } from './tasks/actions';
export type { TaskActionState, TaskActor } from './tasks/actions';
export {
  completedOnTime,
  completionVerdict,
  daysBetween,
  deadlineEnd,
  DEFAULT_TIMING_RULES,
  isIsoDate,
  isOverdue,
  shanghaiDate,
  trafficLight,
} from './tasks/timing';
export type { CompletionInput, CompletionVerdict, TaskTimingInput, TimingRules } from './tasks/timing';
export type {
  ExpectedReminder,
  ReminderPolicy,
  ReminderRecipient,
  ReminderRule,
  ReminderTaskState,
} from './reminders/types';
export {
  DEFAULT_REMINDER_POLICY,
  expectedReminders,
  localDateOf,
  recipientKey,
  recurringReportDueDate,
  reminderKey,
  reportDueDate,
  signoffDueDate,
} from './reminders/policy';
export { formatChineseDate, reminderMessage } from './reminders/messages';
export { messageBody } from './notifications/message-body';
export { TASK_EVENT_KINDS, TASK_EVENT_LABELS, taskEventMessage } from './notifications/task-events';
export type { TaskEventFacts, TaskEventKind, TaskEventMessage } from './notifications/task-events';
export { calendarDateOf, calendarDayNumber, WorkingDayCalendar } from './calendar/working-days';
export type { CalendarDay } from './calendar/working-days';
export type { ReminderMessage, ReminderMessageInput } from './reminders/messages';
export { decodeText } from './extractor/decode';
export type { DecodedText } from './extractor/decode';
export { ExtractionError } from './extractor/errors';
export type { ExtractionErrorCode } from './extractor/errors';
export { coreTitle, extractBuffer, extractFiles, extractText, SeenDocuments } from './extractor/extract';
export type { ExtractOptions, NamedBytes } from './extractor/extract';
export type { ExtractorParsers } from './extractor/parsers';
export {
  DEPARTMENTS,
  departmentKind,
  findDepartment,
  isKnownDepartmentName,
  isPlausibleDepartmentName,
  normalizeDepartmentName,
  resolveDepartment,
  splitSubUnit,
  stripOpenListSuffix,
} from './departments/registry';
export type { SubUnitSplit } from './departments/registry';
export {
  normalizeAnnotationText,
  parseBracketAnnotation,
  parseDepartmentCell,
  parseResponsibilityField,
} from './extractor/annotation';
export type {
  AnnotationOptions,
  DepartmentColumn,
  DepartmentSubUnit,
  ParsedAnnotation,
} from './extractor/annotation';
export { findDeadline, parseDeadlineCell } from './extractor/deadline';
export type { DeadlineOptions } from './extractor/deadline';
export {
  formatRate,
  isOpenForStats,
  onTimeRate,
  overdueRate,
  TERMINAL_NOT_DONE_STATUSES,
} from './stats/rates';
export type { RateCounts } from './stats/rates';
export {
  BulletinPeriodError,
  chineseDate,
  parseBulletinPeriod,
  previousMonthKey,
} from './bulletins/bulletin-period';
export type { BulletinPeriod, BulletinPeriodKind } from './bulletins/bulletin-period';
export { buildBulletin } from './bulletins/bulletin-model';
export type { BulletinInput, BulletinTaskInput } from './bulletins/bulletin-model';
export type { DeadlineFact } from './notifications/inbox-text';
export { deadlineFact, inAppPath, inboxText } from './notifications/inbox-text';
export { digestMessage } from './notifications/digest-message';
export type { DigestMessageInput, DigestTaskInput } from './notifications/digest-message';

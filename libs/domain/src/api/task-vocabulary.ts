/**
 * The words of the contract: the unions every DTO, label map and rule is written in. This file imports
 * nothing, so any file of the contract (and the domain rules under tasks/, reminders/, notifications/)
 * can use it without an import cycle.
 */

/** `terminated` (已终止): closed by the supervisor without completion (superseded, split, withdrawn); final, never overdue. */
export type TaskStatus = 'not_started' | 'in_progress' | 'submitted' | 'done' | 'returned' | 'terminated';
export type TrafficLight = 'red' | 'yellow' | 'green';
export type UserRole = 'officer' | 'supervisor' | 'admin';
export type AssignmentRole = 'lead' | 'participant';
export type ExtensionStatus = 'pending' | 'granted' | 'refused';
export type TaskAction =
  | 'report_progress'
  | 'upload_evidence'
  | 'submit'
  | 'request_extension'
  | 'approve'
  | 'return'
  | 'grant_extension'
  | 'refuse_extension'
  /** 签收 by the 主办 lead department. */
  | 'acknowledge'
  /** Naming the 承办人 (an officer of the 主办 lead department). */
  | 'name_assignee'
  /** 督查室 makes another lead the 主办. */
  | 'change_main_lead';

export type NotificationChannel = 'inbox' | 'email' | 'webhook';

/**
 * Every migration class, in order. The API is bundled by webpack, so TypeORM cannot find
 * migrations by glob: add each generated migration here (append; never edit an applied one).
 */
import type { MigrationInterface } from 'typeorm';
import { Initial1795323787131 } from './1795323787131-Initial';
import { RemindersNotifications1795323969740 } from './1795323969740-RemindersNotifications';
import { ReminderSettings1795325869860 } from './1795325869860-ReminderSettings';
import { TaskListCoveringIndex1795328773877 } from './1795328773877-TaskListCoveringIndex';
import { AssignmentTaskCopy1795332442812 } from './1795332442812-AssignmentTaskCopy';
import { SessionsAndPasswordChange1796209656519 } from './1796209656519-SessionsAndPasswordChange';
import { DeliveryResentAt1796209997356 } from './1796209997356-DeliveryResentAt';
import { DeskIntakeEditComments1796220989335 } from './1796220989335-DeskIntakeEditComments';
import { StatsCounters1796220995284 } from './1796220995284-StatsCounters';
import { ImportJobs1796221022888 } from './1796221022888-ImportJobs';
import { WorkingDayCalendar1796221221925 } from './1796221221925-WorkingDayCalendar';
import { UserOidcSubject1796222997236 } from './1796222997236-UserOidcSubject';
import { ImportCorrections1796247262609 } from './1796247262609-ImportCorrections';
import { TaskChecklist1796285959356 } from './1796285959356-TaskChecklist';
import { TaskEventsOutbox1796238025121 } from './1796238025121-TaskEventsOutbox';
import { InboxDigest1796237332247 } from './1796237332247-InboxDigest';
import { UserPeople1796237324101 } from './1796237324101-UserPeople';
import { DepartmentAdministration1796237312154 } from './1796237312154-DepartmentAdministration';
import { SignoffAssigneeMainLead1796237395411 } from './1796237395411-SignoffAssigneeMainLead';

export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795323787131,
  RemindersNotifications1795323969740,
  ReminderSettings1795325869860,
  TaskListCoveringIndex1795328773877,
  AssignmentTaskCopy1795332442812,
  SessionsAndPasswordChange1796209656519,
  DeliveryResentAt1796209997356,
  DeskIntakeEditComments1796220989335,
  StatsCounters1796220995284,
  ImportJobs1796221022888,
  WorkingDayCalendar1796221221925,
  UserOidcSubject1796222997236,
  DepartmentAdministration1796237312154,
  UserPeople1796237324101,
  InboxDigest1796237332247,
  SignoffAssigneeMainLead1796237395411,
  TaskEventsOutbox1796238025121,
  ImportCorrections1796247262609,
  TaskChecklist1796285959356,
];

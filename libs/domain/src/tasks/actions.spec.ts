import { describe, expect, it } from 'vitest';
import type { TaskAction, TaskStatus } from '../api/task-vocabulary';
import { allowedActions, roleActions, roleAllows, stateAllows, type TaskActor } from './actions';

const lead: TaskActor = { role: 'officer', assignment: 'lead', mainLead: true };
const coLead: TaskActor = { role: 'officer', assignment: 'lead', mainLead: false };
const participant: TaskActor = { role: 'officer', assignment: 'participant' };
const outsider: TaskActor = { role: 'officer', assignment: null };
const supervisor: TaskActor = { role: 'supervisor', assignment: null };
const admin: TaskActor = { role: 'admin', assignment: null };

const state = (status: TaskStatus, hasPendingExtension = false, awaitingSignoff = false, leadCount = 2) => ({
  status,
  hasPendingExtension,
  awaitingSignoff,
  leadCount,
});

describe('task actions by actor', () => {
  it('gives the 主办 lead department the whole of its own workflow', () => {
    expect(roleActions(lead)).toEqual([
      'report_progress',
      'upload_evidence',
      'submit',
      'request_extension',
      'acknowledge',
      'name_assignee',
    ]);
    // A lead without the flag (one lead, or a caller that does not know) is the 主办.
    expect(roleActions({ role: 'officer', assignment: 'lead' })).toEqual(roleActions(lead));
  });

  it('lets a co-lead report its part like a participant: no 办结, extension, 签收 or 承办人', () => {
    expect(roleActions(coLead)).toEqual(['report_progress', 'upload_evidence']);
    for (const action of ['submit', 'request_extension', 'acknowledge', 'name_assignee'] as const) {
      expect(roleAllows(coLead, action)).toBe(false);
    }
  });

  it('offers 签收 only while the task waits for it', () => {
    expect(allowedActions(lead, state('not_started', false, true))).toContain('acknowledge');
    expect(allowedActions(lead, state('not_started', false, false))).not.toContain('acknowledge');
    expect(allowedActions(lead, state('done', false, true))).not.toContain('acknowledge');
    expect(allowedActions(participant, state('not_started', false, true))).not.toContain('acknowledge');
    expect(allowedActions(supervisor, state('not_started', false, true))).not.toContain('acknowledge');
  });

  it('lets only the supervisor change the 主办, on a task not yet closed', () => {
    expect(roleAllows(supervisor, 'change_main_lead')).toBe(true);
    expect(roleAllows(admin, 'change_main_lead')).toBe(false);
    expect(roleAllows(lead, 'change_main_lead')).toBe(false);
    expect(stateAllows('change_main_lead', state('in_progress'))).toBe(true);
    expect(stateAllows('change_main_lead', state('in_progress', false, false, 1))).toBe(false);
    expect(stateAllows('change_main_lead', state('done'))).toBe(false);
    expect(stateAllows('change_main_lead', state('terminated'))).toBe(false);
  });

  it('lets a participant report and upload on its part, nothing more', () => {
    expect(roleActions(participant)).toEqual(['report_progress', 'upload_evidence']);
    expect(roleAllows(participant, 'submit')).toBe(false);
    expect(roleAllows(participant, 'request_extension')).toBe(false);
  });

  it('gives an unassigned officer nothing', () => {
    expect(roleActions(outsider)).toEqual([]);
  });

  it('reserves approve, return and extension decisions to the supervisor', () => {
    const decisions: TaskAction[] = ['approve', 'return', 'grant_extension', 'refuse_extension'];
    for (const action of decisions) {
      expect(roleAllows(supervisor, action)).toBe(true);
      expect(roleAllows(admin, action)).toBe(false);
      expect(roleAllows(lead, action)).toBe(false);
    }
    expect(roleAllows(supervisor, 'submit')).toBe(false);
  });

  it.each<[string, TaskActor, TaskStatus, boolean, TaskAction[]]>([
    [
      'lead, not started',
      lead,
      'not_started',
      false,
      ['report_progress', 'upload_evidence', 'request_extension', 'name_assignee'],
    ],
    [
      'lead, in progress',
      lead,
      'in_progress',
      false,
      ['report_progress', 'upload_evidence', 'submit', 'request_extension', 'name_assignee'],
    ],
    [
      'lead, pending extension',
      lead,
      'in_progress',
      true,
      ['report_progress', 'upload_evidence', 'submit', 'name_assignee'],
    ],
    ['lead, submitted', lead, 'submitted', false, ['name_assignee']],
    [
      'lead, returned',
      lead,
      'returned',
      false,
      ['report_progress', 'upload_evidence', 'request_extension', 'name_assignee'],
    ],
    ['co-lead, in progress', coLead, 'in_progress', false, ['report_progress', 'upload_evidence']],
    ['lead, done', lead, 'done', false, []],
    ['participant, in progress', participant, 'in_progress', false, ['report_progress', 'upload_evidence']],
    ['participant, done', participant, 'done', false, []],
    ['supervisor, submitted', supervisor, 'submitted', false, ['approve', 'return', 'change_main_lead']],
    ['supervisor, in progress', supervisor, 'in_progress', false, ['change_main_lead']],
    ['supervisor, done', supervisor, 'done', false, []],
    [
      'supervisor, pending extension',
      supervisor,
      'in_progress',
      true,
      ['grant_extension', 'refuse_extension', 'change_main_lead'],
    ],
    ['admin, submitted', admin, 'submitted', true, []],
    ['outsider, in progress', outsider, 'in_progress', false, []],
  ])('%s', (_name, actor, status, pending, expected) => {
    expect(allowedActions(actor, state(status, pending))).toEqual(expected);
  });

  it('judges the state independently of the actor', () => {
    expect(stateAllows('submit', state('not_started'))).toBe(false);
    expect(stateAllows('approve', state('in_progress'))).toBe(false);
    expect(stateAllows('return', state('submitted'))).toBe(true);
    expect(stateAllows('grant_extension', state('in_progress'))).toBe(false);
    expect(stateAllows('upload_evidence', state('submitted'))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { TaskAction, TaskStatus } from '../api/contract';
import { allowedActions, roleActions, roleAllows, stateAllows, type TaskActor } from './actions';

const lead: TaskActor = { role: 'officer', assignment: 'lead' };
const participant: TaskActor = { role: 'officer', assignment: 'participant' };
const outsider: TaskActor = { role: 'officer', assignment: null };
const supervisor: TaskActor = { role: 'supervisor', assignment: null };
const admin: TaskActor = { role: 'admin', assignment: null };

const state = (status: TaskStatus, hasPendingExtension = false) => ({ status, hasPendingExtension });

describe('task actions by actor', () => {
  it('gives the lead department the whole of its own workflow', () => {
    expect(roleActions(lead)).toEqual(['report_progress', 'upload_evidence', 'submit', 'request_extension']);
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
      ['report_progress', 'upload_evidence', 'request_extension'],
    ],
    [
      'lead, in progress',
      lead,
      'in_progress',
      false,
      ['report_progress', 'upload_evidence', 'submit', 'request_extension'],
    ],
    ['lead, pending extension', lead, 'in_progress', true, ['report_progress', 'upload_evidence', 'submit']],
    ['lead, submitted', lead, 'submitted', false, []],
    ['lead, returned', lead, 'returned', false, ['report_progress', 'upload_evidence', 'request_extension']],
    ['lead, done', lead, 'done', false, []],
    ['participant, in progress', participant, 'in_progress', false, ['report_progress', 'upload_evidence']],
    ['participant, done', participant, 'done', false, []],
    ['supervisor, submitted', supervisor, 'submitted', false, ['approve', 'return']],
    ['supervisor, in progress', supervisor, 'in_progress', false, []],
    [
      'supervisor, pending extension',
      supervisor,
      'in_progress',
      true,
      ['grant_extension', 'refuse_extension'],
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

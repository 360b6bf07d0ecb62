/**
 * `@duban/domain/contract`: the HTTP contract between apps/api and apps/web, and its zh-CN vocabulary.
 * Every DTO, union and label map the API answers with, the web app shows and the Excel export writes
 * comes from here. It is the web app's only entry into libs/domain: nothing here reaches the extractor
 * or other server-side work, so the browser bundle carries plain shapes, label maps and a few form rules.
 * The API may import the same names from `@duban/domain` (index.ts re-exports this file).
 */
export type * from './api/common';
export type * from './api/task-vocabulary';
export type * from './api/auth';
export type * from './api/tasks';
export type * from './api/stats';
export type * from './api/imports';
export type * from './api/calendar';
export type * from './api/departments';
// Import-preview corrections (issue 10): edits, drops, additions, merges and splits stored per file.
export type * from './api/corrections';
export type * from './api/delivery';
export * from './api/audit';
export * from './api/labels';
// The 督查室's desk (立项, edits, comments, 台账).
export * from './api/desk';
// People: account administration and 个人设置 (create, edit, Excel import, own contact), with their rules.
export * from './api/people';
// The password rule is part of the contract: the API enforces it, the web form says it first.
export { MIN_PASSWORD_LENGTH, passwordProblem } from './auth/password-policy';
// The inbox (messages, task cards, categories and their labels, digest modes).
export * from './notifications/categories';
export * from './notifications/inbox-contract';

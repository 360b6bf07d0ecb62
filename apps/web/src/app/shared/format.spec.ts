import { fileNameFromDisposition } from './download';
import { auditLabel } from './labels';
import { formatBytes, formatDate, formatDateTime, toIsoDate } from './format';

describe('formatDate', () => {
  it('writes calendar dates the Chinese way without shifting them', () => {
    expect(formatDate('2026-11-22')).toBe('2026年11月22日');
    expect(formatDate('2017-01-05')).toBe('2017年1月5日');
  });

  it('shows instants on the Asia/Shanghai calendar day', () => {
    // 16:30 UTC is 00:30 the next day in Beijing.
    expect(formatDate('2026-11-21T16:30:00Z')).toBe('2026年11月22日');
    expect(formatDateTime('2026-11-21T16:30:00Z')).toBe('2026年11月22日 00:30');
  });

  it('returns empty text for missing values', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDateTime(undefined)).toBe('');
  });
});

describe('helpers', () => {
  it('turns a picked date into YYYY-MM-DD', () => {
    expect(toIsoDate(new Date(2018, 5, 30))).toBe('2018-06-30');
    expect(toIsoDate(null)).toBeNull();
  });

  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20.0 MB');
  });

  it('reads UTF-8 file names from Content-Disposition', () => {
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''%E7%9D%A3%E5%8A%9E.xlsx")).toBe('督办.xlsx');
    expect(fileNameFromDisposition('attachment; filename="tasks.xlsx"')).toBe('tasks.xlsx');
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});

describe('auditLabel', () => {
  it('names the API audit actions in Chinese and keeps unknown ones visible', () => {
    expect(auditLabel('task.submitted')).toBe('提交办结');
    expect(auditLabel('extension.granted')).toBe('同意延期');
    expect(auditLabel('task.something_new')).toBe('其他操作');
  });
});

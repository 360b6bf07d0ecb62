const SHANGHAI = 'Asia/Shanghai';

const dateFmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: SHANGHAI,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});
const dateTimeFmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: SHANGHAI,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * '2026-11-22' or an ISO timestamp → '2026年11月22日' (Asia/Shanghai).
 * Date-only strings are calendar dates, so they are not shifted through a timezone.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = DATE_ONLY.exec(value);
  if (m) return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateFmt.format(d);
}

/** ISO timestamp → '2026年11月22日 09:30' in Asia/Shanghai. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateTimeFmt.format(d);
}

/** A Date picked in the browser → 'YYYY-MM-DD' as the user saw it (local calendar day). */
export function toIsoDate(d: Date | null): string | null {
  if (!d || Number.isNaN(d.getTime())) return null;
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Page-level checks shared by the browser tests: accessibility (axe-core), phone width, on-screen vocabulary. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './stack';

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (WCAG 2 A/AA rules) on the current page and returns the serious and critical violations.
 * The script is evaluated through the DevTools protocol, which the page's CSP does not govern, so the
 * app keeps its strict policy while being checked.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: object,
          ): Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
  });
}

/** The widest thing on the page: the document's scroll width and the elements that stick out of the viewport. */
export async function overflow(
  page: Page,
): Promise<{ viewport: number; scrollWidth: number; offenders: string[] }> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const offenders: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Clipped by an ancestor that scrolls or hides overflow (virtual lists, tables in a scroll box): not on screen.
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (s.overflowX !== 'visible' || s.clip !== 'auto') {
          const pr = p.getBoundingClientRect();
          if (pr.right <= viewport + 1) clipped = true;
          break;
        }
      }
      if (!clipped && r.right > viewport + 1) {
        offenders.push(
          `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.') : ''} → ${Math.round(r.right)}px`,
        );
      }
    }
    return { viewport, scrollWidth: document.documentElement.scrollWidth, offenders: offenders.slice(0, 8) };
  });
}

/** Internal names that must never reach the screen (statuses, roles, audit actions, system actors, English widget labels). */
const INTERNAL =
  /\b(not_started|in_progress|submitted|returned|supervisor|officer|admin|pending|granted|refused|task\.[a-z_]+|extension\.[a-z_]+|system|CLI|Open calendar|Previous month|Next month|Choose month and year|Close calendar)\b/;
/** English words allowed in labels: product names the offices use as they are. */
const ALLOWED_WORDS = new Set(['Excel', 'Webhook', 'https', 'http', 'PDF', 'URL', 'Word']);

/**
 * English or internal words in the interface itself: buttons, labels, headings, tabs, options, table heads,
 * chips and every aria-label / title. Data (measure text, file names) is not inspected.
 */
export async function englishLabels(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const chrome =
      'button, label, mat-label, h1, h2, h3, th, [role="tab"], mat-option, mat-chip, .mat-mdc-chip, .mat-mdc-tab, legend, mat-hint, mat-error, .next-step, .banner, [data-testid="timeline"] .what, [data-testid="timeline"] .muted, [data-testid="source"]';
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(chrome))) {
      const t = el.innerText?.trim();
      if (t) out.push(t);
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title]'))) {
      for (const attr of ['aria-label', 'title']) {
        const v = el.getAttribute(attr);
        if (v) out.push(v);
      }
    }
    return out;
  });
  const bad: string[] = [];
  for (const text of texts) {
    // File names in download buttons (下载 落实情况说明.pdf) are data, not labels.
    const cleaned = text.replace(/\S+\.(pdf|docx?|xlsx?|txt|png|jpe?g|ofd|zip)\b/gi, '');
    if (INTERNAL.test(cleaned)) {
      bad.push(text);
      continue;
    }
    const words = cleaned.match(/[A-Za-z]{3,}/g) ?? [];
    if (words.some((w) => !ALLOWED_WORDS.has(w))) bad.push(text);
  }
  return [...new Set(bad)];
}

/** True when the element's box is inside the visible viewport. */
export async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
  }, selector);
}

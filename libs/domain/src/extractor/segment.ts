import {
  DOCNO_LINE,
  endsInHao as endsInHaoImported,
  endsTitleTerminal,
  isPageMetadata,
  normalizeDocNumber,
  ownDocNumber,
  pageMetadata,
  signatureDate as signatureDateImported,
  titleIssuer,
} from './doc-markers';
import { matchHeading as matchHeadingImported } from './headings';
import { parseEntryHeader, tocTitles } from './compilation-headers';
import { readLetterhead } from './letterhead';
import { CHAR_COLON, CHAR_YUE, mayContain } from './text';
import type { Line, PreparedText } from './text';

// Local copies of the imports used in per-line tests: under tsx every use of an import is a getter call.
const matchHeading = matchHeadingImported;
const signatureDate = signatureDateImported;
const lineMayContain = mayContain;
const YUE_CLASS = CHAR_YUE;
const COLON_CLASS = CHAR_COLON;
const endsInHao = endsInHaoImported;
const endsTerminal = endsTitleTerminal;

/** One document found in a file, as line indices into PreparedText.lines (inclusive). */
export interface DocumentSpan {
  start: number;
  end: number;
  /** First line index of the body (after title, 文号 and compiler header). */
  bodyStart: number;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  date: string | null;
}

const DOCNO_TAIL = /^〔\d{4}〕\d{1,4}号）?$/;
const TITLE_WITH_PREFIX =
  /^(.*(?:意见|通知|规划|方案|决定|办法|纲要|计划|指南|公告|措施|政策|批复|函|条例|规定))([\u4e00-\u9fff]{1,8})$/;
const ENTRY_START = /^\d{1,3}[.．]/;
// The closing bracket holds an issuer and a date, never labelled fields (`（责任科室：…；完成时间：2024年12月）` ends an item).
const ENTRY_FULL = /^\d{1,3}[.．].+（[^（）：；]*\d{4}年\d{1,2}月(?:\d{1,2}日)?）+$/;
/**
 * ENTRY_FULL's bracket holds no （ after its own: a 月 must follow the last （. Long numbered lines closing on a
 * bracket without a date (`1.…（市教育局牵头）`) fail this without the regex (its `.+` backtracks to every （).
 */
function isFullEntry(text: string): boolean {
  const open = text.lastIndexOf('（');
  return open > 0 && text.includes('月', open) && ENTRY_FULL.test(text);
}
const HAS_DATE = /\d{4}年\d{1,2}月/;
const GOV_TITLE =
  /^(?:国务院|国务院办公厅|中共中央|中共中央办公厅|[\u4e00-\u9fff]{1,12}(?:部|委|局|署|会|办))?[\u4e00-\u9fff“”"《》（）+、\d-]*关于.+(?:意见|通知|决定|规划|纲要|方案|办法)$/;
const CHAPTER_LINE =
  /^(?:[一二三四五六七八九十]{1,3}、[\u4e00-\u9fff]{2,10}|（[一二]）(?:党中央、国务院文件|国家部委文件))$/;
const ISSUER_LINE = /^(?:[\u4e00-\u9fff]{2,20}(?:院|厅|部|委|局|署|会|办|行|室|组))+$/;
const ATTACHMENT_LABEL = /^附件\d*：?$/;
/** `签发人：刘某` after a 文号 on its line. */
const SIGNER_TAIL = /签发人：[\u4e00-\u9fff]{2,4}$/u;
/** An addressee line opening a document: 各市、县人民政府，省政府各部门： */
const ADDRESSEE_LINE = /^[^。；]{2,80}：$/u;

interface Anchor {
  start: number;
  bodyStart: number;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  headerDate: string | null;
}

/** `2.3应急调度中心` / `2.1.1 指挥部职责`: a numbered section of a 预案, never a title (an excerpt may open on one). */
const DECIMAL_SECTION = /^\d{1,2}(?:[.．]\d{1,2})+(?![\d%万亿千百元个倍米吨岁年月日])/u;

function isTitleLike(line: Line): boolean {
  const t = line.text;
  const c0 = t.charCodeAt(0);
  // The cheap tests first: this runs for every text line of a file, and most are too long for a title.
  return (
    line.kind === 'text' &&
    t.length <= 45 &&
    !(c0 >= 0x30 && c0 <= 0x39 && DECIMAL_SECTION.test(t)) &&
    // A table header (序号	工作任务	负责部门	时间进度) opening an excerpt is no title: cells are tab-separated.
    !line.raw.includes('\t') &&
    !endsTerminal(t) &&
    !HAS_DATE.test(t) &&
    matchHeading(t) === null &&
    signatureDate(t) === null
  );
}

/** Indices of text lines, skipping blank/noise lines. */
function nextText(lines: readonly Line[], from: number, limit = lines.length): number {
  for (let i = from; i < limit; i++) if (lines[i]?.kind === 'text') return i;
  return -1;
}

function prevText(lines: readonly Line[], from: number): number {
  for (let i = from; i >= 0; i--) if (lines[i]?.kind === 'text') return i;
  return -1;
}

/** Splits a file into documents (title, 文号, issuer, date, line range). */
export function segmentDocuments(prepared: PreparedText): DocumentSpan[] {
  const { lines, wrapped } = prepared;
  const anchors: Anchor[] = [];
  const toc = tocTitles(lines);
  // A web page's metadata lines (索引号：…, 文号：…) above the title are no part of any document.
  const meta = pageMetadata(lines);
  let hasEntries = false;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.kind !== 'text') continue;
    const t = line.text;

    // Compiler entry header "N.Title（文号）（issuer/date）", wrapped over up to 5 lines.
    const c0 = t.charCodeAt(0);
    if (c0 >= 0x30 && c0 <= 0x39 && ENTRY_START.test(t) && t.length > 4) {
      let joined = '';
      let j = i;
      let found = -1;
      for (let k = 0; k < 5 && j !== -1; k++) {
        // The joined text ends in ） when its last line does (text lines are never empty): asking the line
        // spares flattening the concatenation for every numbered line.
        const piece = lines[j]?.text ?? '';
        joined += piece;
        if ((piece === '' ? joined : piece).endsWith('）') && isFullEntry(joined)) {
          found = j;
          break;
        }
        j = nextText(lines, j + 1, j + 8);
      }
      if (found !== -1) {
        // A preceding numbered line (a list item of the previous entry) may have been swallowed: start at the
        // last numbered line from which the header still parses.
        let start = i;
        for (
          let s = nextText(lines, i + 1, found + 1);
          s !== -1 && s <= found;
          s = nextText(lines, s + 1, found + 1)
        ) {
          if (!ENTRY_START.test(lines[s]?.text ?? '')) continue;
          let rest = '';
          for (let r = s; r <= found; r++) if (lines[r]?.kind === 'text') rest += lines[r]?.text ?? '';
          if (rest.endsWith('）') && isFullEntry(rest)) {
            start = s;
            joined = rest;
          }
        }
        hasEntries = true;
        anchors.push({ start, bodyStart: found + 1, ...parseEntryHeader(joined) });
        i = found;
        continue;
      }
    }

    // A 文号 line (optionally bracketed) under the title, or a 文号 tail glued to the title's last line.
    let docNumber: string | null = null;
    let titleEnd = i - 1;
    let gluedTitleTail: string | null = null;
    // Both 文号 forms end in 号 (or 号）): skip the regexes for the other lines.
    // A local form prints the signer beside its 文号 (`四铁西政督字〔2019〕7 号    签发人:刘中文`).
    const signer =
      lineMayContain(line, COLON_CLASS) && !endsInHao(t) && t.includes('签发人：')
        ? SIGNER_TAIL.exec(t)
        : null;
    const docLine = signer ? t.slice(0, signer.index) : t;
    const m = endsInHao(docLine) ? DOCNO_LINE.exec(docLine) : null;
    if (m) {
      docNumber = normalizeDocNumber(m[1] ?? '');
    } else if (c0 === 0x3014 && DOCNO_TAIL.test(t)) {
      const p = prevText(lines, i - 1);
      const pm = p >= 0 ? TITLE_WITH_PREFIX.exec(lines[p]?.text ?? '') : null;
      if (pm) {
        docNumber = normalizeDocNumber((pm[2] ?? '') + t);
        gluedTitleTail = pm[1] ?? '';
        titleEnd = p;
      }
    }
    if (docNumber !== null) {
      const titleLines: string[] = [];
      let start = -1;
      let k = titleEnd;
      for (let n = 0; n < 4; n++) {
        k = prevText(lines, k);
        const cand = lines[k];
        // A metadata line (时间：…来源：…) between the page's headline and the title is no part of the title.
        if (k < meta.end || !cand || isPageMetadata(cand.text)) break;
        if (cand.kind === 'url') {
          k--;
          continue;
        }
        const text = k === titleEnd && gluedTitleTail !== null ? gluedTitleTail : cand.text;
        if (!(k === titleEnd && gluedTitleTail !== null) && !isTitleLike(cand)) break;
        if (anchors.length && k < (anchors[anchors.length - 1]?.bodyStart ?? 0)) break;
        titleLines.unshift(text);
        start = k;
        if (wrapped && cand.pageStart) break;
        k--;
      }
      // A letterhead above the 文号 (`青溪县人民政府文件`): the title is the 关于 line below it.
      const letterhead = start === -1 ? null : readLetterhead(lines, start);
      if (letterhead && letterhead.titleLine > i) {
        const { titleLine, title, issuer } = letterhead;
        anchors.push({ start, bodyStart: titleLine + 1, title, docNumber, issuer, headerDate: null });
      } else if (start !== -1) {
        const title = titleLines.join('');
        anchors.push({
          start,
          bodyStart: i + 1,
          title,
          docNumber,
          issuer: titleIssuer(title),
          headerDate: null,
        });
      }
    }
  }

  // Documents without 文号: titles listed in a table of contents, a government title right after a signature,
  // a title at the very top of a plain file, and page-start titles after a finished text (wrapped compilations).
  const anchorStarts = new Set(anchors.map((a) => a.start));
  const extra: Anchor[] = [];
  const firstText = nextText(lines, meta.end);
  const near = (i: number) => anchors.some((a) => Math.abs(a.start - i) <= 6);
  // A compilation with entry headers has all its documents: no line needs reading.
  for (let i = hasEntries ? lines.length : Math.max(meta.end, toc.end + 1); i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.kind !== 'text' || anchorStarts.has(i)) continue;
    const t = line.text;
    if (toc.titles.size > 0) {
      if (toc.titles.has(t) && !near(i)) {
        const p = prevText(lines, i - 1);
        const start = p >= 0 && ATTACHMENT_LABEL.test(lines[p]?.text ?? '') ? p : i;
        extra.push({ start, bodyStart: i + 1, title: t, docNumber: null, issuer: null, headerDate: null });
      }
      continue;
    }
    if (i === firstText && isTitleLike(line) && !near(i)) {
      const letterhead = readLetterhead(lines, i);
      if (letterhead) {
        const { titleLine, title, issuer } = letterhead;
        const docNumber = letterhead.docNumber ?? ownDocNumber(title);
        extra.push({ start: i, bodyStart: titleLine + 1, title, docNumber, issuer, headerDate: null });
        i = titleLine;
        continue;
      }
      extra.push({
        start: i,
        bodyStart: i + 1,
        title: t,
        docNumber: ownDocNumber(t),
        issuer: titleIssuer(t),
        headerDate: null,
      });
      continue;
    }
    // Only a title after a signature date or at a page top (wrapped) opens a document here: those cheap tests first,
    // the title tests (a regex, matchHeading, signatureDate) only for such lines.
    const p = prevText(lines, i - 1);
    const prev = p >= 0 ? lines[p] : undefined;
    if (!prev) continue;
    const afterSignature = signatureDate(prev.text) !== null;
    const afterFooter = lines[i - 1]?.kind === 'footer' || lines[i - 2]?.kind === 'footer';
    const pageTop = line.pageStart || afterFooter;
    if (!afterSignature && !(wrapped && pageTop)) continue;
    if (!isTitleLike(line) || near(i)) continue;
    const n = nextText(lines, i + 1);
    const next = n >= 0 ? lines[n] : undefined;
    if (!next) continue;
    const twoLineTitle = isTitleLike(next) ? t + next.text : t;
    if (afterSignature && (GOV_TITLE.test(t) || GOV_TITLE.test(twoLineTitle))) {
      const title = GOV_TITLE.test(t) ? t : twoLineTitle;
      // An attachment named in the notice (《…》) belongs to the notice, a note (`（本文有删减）`, `（此件公开发布）`) aside.
      let mentioned = false;
      const startOfDoc = anchors.filter((a) => a.start < i).pop()?.start ?? 0;
      const named = `《${title.replace(/^（(?:本文有删减|此件公开发布)）/u, '')}`;
      for (let k = startOfDoc; k < i && !mentioned; k++) if (lines[k]?.text.includes(named)) mentioned = true;
      if (!mentioned) {
        const bodyStart = title === t ? i + 1 : n + 1;
        extra.push({
          start: i,
          bodyStart,
          title,
          docNumber: null,
          issuer: titleIssuer(title),
          headerDate: null,
        });
      }
      continue;
    }
    if (wrapped) {
      if (
        pageTop &&
        t.length <= 30 &&
        t.length < prepared.width &&
        (!/[，、。；]/.test(t) || t.endsWith('！')) &&
        !/^第[一二三四五六七八九十百]+条/.test(t) &&
        /[。！？”）》]$/.test(prev.text) &&
        !t.startsWith('（') &&
        signatureDate(next.text) === null &&
        !/[，、]/.test(t.slice(-1))
      ) {
        // Title may wrap onto one more short line.
        let title = t;
        let bodyStart = i + 1;
        if (isTitleLike(next) && next.text.length <= 20 && !/[。：]/.test(next.text)) {
          title += next.text;
          bodyStart = n + 1;
        }
        extra.push({ start: i, bodyStart, title, docNumber: null, issuer: null, headerDate: null });
      }
    }
  }
  const all = [...anchors, ...extra].sort((a, b) => a.start - b.start);
  // No title (the file opens on an addressee line 各市、县人民政府：, a numbered item 1、…, an over-long title): untitled.
  if (all.length === 0 && firstText !== -1) {
    const first = lines[firstText];
    const titled =
      first !== undefined &&
      !ADDRESSEE_LINE.test(first.text) &&
      first.text.length <= 80 &&
      !endsTerminal(first.text) &&
      !DECIMAL_SECTION.test(first.text) &&
      matchHeading(first.text) === null &&
      !first.raw.includes('\t');
    const title = titled ? (first?.text ?? '') : '';
    // 菏政办字〔2023〕1号 alone, or a title ending in its bracketed 文号 (华政发〔2021〕2号).
    all.push({
      start: firstText,
      bodyStart: titled ? firstText + 1 : firstText,
      title,
      docNumber: ownDocNumber(title),
      // An over-long title still names its issuer (温州市人民政府办公室关于印发…三年行动方案（2024—2026年）的通知).
      issuer: title === '' ? null : titleIssuer(title),
      headerDate: null,
    });
  }
  // The page's metadata block gives the first document the 文号 and date its own head lacks.
  const head = all[0]?.start === firstText ? all[0] : undefined;
  if (head) {
    head.docNumber ??= meta.docNumber;
    head.headerDate ??= meta.date;
  }

  const spans: DocumentSpan[] = [];
  for (let a = 0; a < all.length; a++) {
    const anchor = all[a];
    if (!anchor) continue;
    const nextStart = all[a + 1]?.start ?? lines.length;
    let end = nextStart - 1;
    while (end > anchor.start) {
      const l = lines[end];
      if (!l || l.kind !== 'text' || (hasEntries && CHAPTER_LINE.test(l.text))) end--;
      else break;
    }
    // Signature: the first stand-alone date line of the document, issuer on the line before it.
    let date: string | null = null;
    let issuer = anchor.issuer;
    for (let k = anchor.bodyStart; k <= end; k++) {
      const l = lines[k];
      if (!l || l.kind !== 'text' || !lineMayContain(l, YUE_CLASS)) continue;
      const d = signatureDate(l.text);
      if (d !== null) {
        date = d;
        const p = prevText(lines, k - 1);
        const pl = p >= anchor.bodyStart ? lines[p] : undefined;
        if (issuer === null) {
          if (pl && ISSUER_LINE.test(pl.text) && pl.text.length <= 40) issuer = pl.text;
          else {
            const own = /^(?:（此件公开发布）)?([\u4e00-\u9fff]{2,12})\d{4}年/.exec(l.text);
            if (own?.[1]) issuer = own[1];
          }
        }
        break;
      }
    }
    spans.push({
      start: anchor.start,
      end,
      bodyStart: Math.min(anchor.bodyStart, end + 1),
      title: anchor.title,
      docNumber: anchor.docNumber,
      issuer,
      date: date ?? anchor.headerDate,
    });
  }
  return spans;
}

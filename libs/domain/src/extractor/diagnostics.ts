import type { DocumentSpan } from './segment';
import type { PreparedText } from './text';
import type { ExtractionDiagnostic } from './types';
import { LIMITS } from './thresholds';

/** Role words, labels and unit words that an annotation would carry. */
const NEAR_WORD = /牵头|负责|配合|参与|协办|主办|承办|落实|责任单位|责任部门|完成时限|时间节点/u;
const NEAR_BRACKET = /（[^（）]{0,40}(?:局|委|厅|办|部|政府)[^（）]{0,20}）/u;

function isNear(text: string): boolean {
  return NEAR_WORD.test(text) || (text.includes('（') && NEAR_BRACKET.test(text));
}

/** Why a document gave no measure: no annotation form recognised, and the lines that came closest. */
export function diagnoseDocument(prepared: PreparedText, span: DocumentSpan): ExtractionDiagnostic[] {
  if (span.bodyStart > span.end) {
    return [{ code: 'NO_BODY', message: '文件只有标题，没有正文。', nearLines: [] }];
  }
  const nearLines: { line: number; text: string }[] = [];
  const last = Math.min(span.end, span.bodyStart + LIMITS.diagnosticScanLines);
  for (let i = span.bodyStart; i <= last && nearLines.length < LIMITS.diagnosticNearLines; i++) {
    const l = prepared.lines[i];
    if (l?.kind === 'text' && isNear(l.text)) nearLines.push({ line: l.no, text: l.text.slice(0, 120) });
  }
  return [
    {
      code: 'NO_ANNOTATION_FORM',
      message:
        nearLines.length > 0
          ? '未识别出责任分工的写法（括注、责任单位：、分工表或行动内容块）；以下行接近，请核对。'
          : '未识别出责任分工的写法：正文中没有牵头/负责/配合等用语、部门括注或分工表。',
      nearLines,
    },
  ];
}

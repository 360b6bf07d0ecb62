import { describe, expect, it } from 'vitest';
import { extractText } from './extract';

// A local document is often stored with its red-header letterhead above the title: the issuing body alone on a line
// (two of them for a joint issue, `中共某县委办公室 某县人民政府办公室`), `…文件`, a 文号 line, and only then the
// `关于…的通知` title. The title is the 关于 line; the letterhead names the issuer (and so the jurisdiction).
const BODY = [
  '各乡镇人民政府，县直各单位：',
  '现将方案印发给你们，请认真贯彻落实。',
  '一、完善农村道路养护机制（牵头单位：县交通运输局，配合单位：县财政局）',
];

function firstDocument(lines: string[]) {
  const doc = extractText(lines.join('\n'), 'letterhead.txt').documents[0];
  if (!doc) throw new Error('no document');
  return doc;
}

describe('a red-header letterhead above the title', () => {
  it('takes the 关于 line under a one-line issuer as the title and the issuer from the letterhead', () => {
    const doc = firstDocument([
      '青溪县人民政府办公室',
      '关于印发青溪县2024年重点工作分解方案的通知',
      ...BODY,
    ]);
    expect(doc.title).toBe('关于印发青溪县2024年重点工作分解方案的通知');
    expect(doc.issuer).toBe('青溪县人民政府办公室');
    expect(doc.jurisdiction).toBe('青溪县');
    expect(doc.measures.map((m) => m.lead)).toEqual([['县交通运输局']]);
  });

  it('keeps a joint issue as two bodies, printed on one line or on two', () => {
    const oneLine = firstDocument([
      '中共青溪县委办公室  青溪县人民政府办公室',
      '关于做好春季防火工作的通知',
      ...BODY,
    ]);
    expect(oneLine.title).toBe('关于做好春季防火工作的通知');
    expect(oneLine.issuer).toBe('中共青溪县委办公室 青溪县人民政府办公室');
    expect(oneLine.jurisdiction).toBe('青溪县');
    const twoLines = firstDocument([
      '中共青溪县委办公室',
      '青溪县人民政府办公室',
      '关于做好春季防火工作的通知',
      ...BODY,
    ]);
    expect(twoLines.title).toBe('关于做好春季防火工作的通知');
    expect(twoLines.issuer).toBe('中共青溪县委办公室 青溪县人民政府办公室');
  });

  it('reads `…文件` and the 文号 line between the letterhead and the title', () => {
    const doc = firstDocument([
      '青溪县人民政府文件',
      '青政〔2024〕3号',
      '青溪县人民政府关于印发青溪县2024年重点工作分解方案的通知',
      ...BODY,
    ]);
    expect(doc.title).toBe('青溪县人民政府关于印发青溪县2024年重点工作分解方案的通知');
    expect(doc.docNumber).toBe('青政〔2024〕3号');
    expect(doc.issuer).toBe('青溪县人民政府');
    expect(doc.jurisdiction).toBe('青溪县');
  });

  it('leaves a plain first line that is followed by body text as the title', () => {
    const doc = firstDocument(['青溪县2024年重点工作分解方案', ...BODY]);
    expect(doc.title).toBe('青溪县2024年重点工作分解方案');
  });
});

import { describe, expect, it } from 'vitest';
import { parseBracketAnnotation } from './annotation';
import { resolveDepartment } from '../departments/registry';
import { topLevelBrackets, type CorpusFile } from './annotation-corpus.testing';

describe('parseBracketAnnotation over the whole corpus', () => {
  const files: CorpusFile[] = ['000', '001', '002', '003', '004'];
  const parsed = files.flatMap((file) =>
    topLevelBrackets(file).flatMap(({ inner, line }) => {
      const result = parseBracketAnnotation(inner, { firstIsLead: false });
      return result ? [{ file, line, inner, result }] : [];
    }),
  );

  // Catalogue §5.12 counts 651; the two bare lists of 国办发〔2016〕24号 五、/六、 naming 供销合作总社 and
  // 中国邮政集团公司 (003 L1121, L1156 and their copy in 001) are annotations all the same (gold README).
  it('finds the 655 inline annotations (catalogue §5.12 plus the 供销合作总社 lists), no more, no fewer', () => {
    expect(parsed).toHaveLength(655);
    const perFile = Object.fromEntries(
      files.map((file) => [file, parsed.filter((p) => p.file === file).length]),
    );
    // 000: 22+24+44+25+28+32; 002: 8; 004: 36; 001 and 003 hold the rest.
    expect(perFile['000']).toBe(175);
    expect(perFile['002']).toBe(8);
    expect(perFile['004']).toBe(36);
  });

  it('finds the seven lead-convention declarations', () => {
    expect(parsed.filter((p) => p.result.declaresFirstIsLead).map((p) => `${p.file}:${p.line}`)).toEqual([
      '000:1000',
      '001:34239',
      '001:35157',
      '002:45',
      '003:68',
      '003:2298',
      '004:1076',
    ]);
  });

  it('resolves every name it returns through the registry', () => {
    const unknown = parsed.flatMap((p) =>
      [...p.result.lead, ...p.result.participants].filter((n) => !resolveDepartment(n).known),
    );
    expect(unknown).toEqual([]);
  });
});

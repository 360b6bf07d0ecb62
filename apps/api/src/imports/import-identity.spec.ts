import { baseName, comparableText, titleKey } from './import-identity';

describe(titleKey.name, () => {
  it('matches a compilation copy that drops the issuer and changes quotes', () => {
    expect(titleKey('国务院关于积极推进“互联网+”行动的指导意见')).toBe(
      titleKey('关于积极推进"互联网+"行动的指导意见'),
    );
  });

  it('keeps different documents apart', () => {
    expect(titleKey('国务院关于促进外资增长若干措施的通知')).not.toBe(
      titleKey('国务院关于促进外资增长的意见'),
    );
  });
});

describe(comparableText.name, () => {
  it('ignores spacing and ASCII/full-width punctuation differences between copies', () => {
    expect(comparableText('加快发展, 推进改革(发展改革委负责)')).toBe(
      comparableText('加快发展，推进改革（发展改革委负责）'),
    );
  });

  it('still sees a changed word', () => {
    expect(comparableText('加强绩效评价。')).not.toBe(comparableText('全面实施绩效评价。'));
  });
});

describe(baseName.name, () => {
  it('strips directories of either separator', () => {
    expect(baseName('corpus/000_a.txt')).toBe('000_a.txt');
    expect(baseName('C:\\docs\\a.txt')).toBe('a.txt');
    expect(baseName('a.txt')).toBe('a.txt');
  });
});

import { describe, expect, it } from 'vitest';

import { indexDirectory, jurisdictionOfIssuer, resolveInJurisdiction } from './jurisdiction';
import type { DirectoryEntry } from './jurisdiction';

const DIRECTORY: DirectoryEntry[] = [
  {
    name: '杭州市发展和改革委员会',
    shortNames: ['市发展改革委', '市发改委', '杭州市发改委'],
    jurisdiction: '杭州市',
    kind: 'local',
    successor: null,
  },
  {
    name: '宁波市发展和改革委员会',
    shortNames: ['市发展改革委'],
    jurisdiction: '宁波市',
    kind: 'local',
    successor: null,
  },
  { name: '浙江省教育厅', shortNames: ['省教育厅'], jurisdiction: '浙江省', kind: 'local', successor: null },
  {
    name: '杭州市城乡建设委员会',
    shortNames: ['市建委'],
    jurisdiction: '杭州市',
    kind: 'local',
    successor: '杭州市住房和城乡建设局',
  },
  {
    name: '杭州市住房和城乡建设局',
    shortNames: ['市住房城乡建设局', '市建设局'],
    jurisdiction: '杭州市',
    kind: 'local',
    successor: null,
  },
  {
    name: '杭州市西湖区教育局',
    shortNames: ['区教育局'],
    jurisdiction: '杭州市西湖区',
    kind: 'local',
    successor: null,
  },
];
const index = indexDirectory(DIRECTORY);

describe('jurisdictionOfIssuer', () => {
  it.each([
    ['杭州市人民政府办公厅', '杭州市'],
    ['杭州市人民政府', '杭州市'],
    // A joint issuer (party committee office and government office on one title line) is one jurisdiction.
    ['中共松源县委办公室松源县人民政府办公室', '松源县'],
    ['浙江省人民政府办公厅', '浙江省'],
    ['中共杭州市委办公厅', '杭州市'],
    ['杭州市西湖区人民政府办公室', '杭州市西湖区'],
    ['广东省人民政府', '广东省'],
    // Counties named by one character before 县 (沛县, 泾县, 和县): the place is two characters in all.
    ['沛县人民政府办公室', '沛县'],
    ['和县人民政府', '和县'],
    // The committee's own 县委 after the county's name (中共泾县县委) is not part of the place.
    ['中共泾县县委办公室泾县人民政府办公室', '泾县'],
    ['中共青山县县委办公室', '青山县'],
    ['广州市人民政府办公厅', '广州市'],
    ['乐山市市中区人民政府', '乐山市市中区'],
  ])('%s → %s', (issuer, expected) => {
    expect(jurisdictionOfIssuer(issuer)).toBe(expected);
  });

  it.each(['国务院办公厅', '国务院', '工业和信息化部', '国家发展改革委', null])(
    '%s is national or unknown',
    (issuer) => {
      expect(jurisdictionOfIssuer(issuer)).toBeNull();
    },
  );
});

describe('resolveInJurisdiction', () => {
  it('maps a short local name in its jurisdiction to the directory unit', () => {
    expect(resolveInJurisdiction('市发展改革委', '杭州市', index)).toEqual({
      written: '市发展改革委',
      canonical: '杭州市发展和改革委员会',
      known: true,
      source: 'directory',
    });
    expect(resolveInJurisdiction('市发展改革委', '宁波市', index).canonical).toBe('宁波市发展和改革委员会');
    expect(resolveInJurisdiction('区教育局', '杭州市西湖区', index).canonical).toBe('杭州市西湖区教育局');
  });

  it('maps a place-qualified name in any document', () => {
    expect(resolveInJurisdiction('杭州市发改委', null, index).canonical).toBe('杭州市发展和改革委员会');
    expect(resolveInJurisdiction('杭州市发展改革委', '浙江省', index).canonical).toBe(
      '杭州市发展和改革委员会',
    );
  });

  it('follows successors', () => {
    expect(resolveInJurisdiction('市建委', '杭州市', index).canonical).toBe('杭州市住房和城乡建设局');
  });

  it('keeps national names national, exactly', () => {
    expect(resolveInJurisdiction('国家发展改革委', '杭州市', index)).toMatchObject({
      canonical: '国家发展和改革委员会',
      source: 'national',
    });
  });

  it('keeps an unknown name and flags it, never matching it loosely to a national ministry', () => {
    for (const [name, where] of [
      ['市发展改革委', '温州市'],
      ['市发展改革委', null],
      ['省通信管理局', '浙江省'],
      ['市教育局', '杭州市'],
    ] as const) {
      expect(resolveInJurisdiction(name, where, index)).toEqual({
        written: name,
        canonical: null,
        known: false,
        source: null,
      });
    }
  });

  it('refuses a directory where two units claim one short name in one jurisdiction', () => {
    expect(() =>
      indexDirectory([
        { name: 'A局', shortNames: ['市甲局'], jurisdiction: '杭州市', kind: 'local', successor: null },
        { name: 'B局', shortNames: ['市甲局'], jurisdiction: '杭州市', kind: 'local', successor: null },
      ]),
    ).toThrow(/names both/u);
  });
});

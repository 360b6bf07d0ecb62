import { describe, expect, it } from 'vitest';
import {
  DEPARTMENTS,
  departmentKind,
  isKnownDepartmentName,
  isPlausibleDepartmentName,
  normalizeDepartmentName,
  resolveDepartment,
  splitSubUnit,
} from './registry';

/** Every name of catalogue §6.1 (inline annotations) and §6.2 (tables and fields). */
const CORPUS_NAMES = [
  '商务部',
  '工业和信息化部',
  '发展改革委',
  '国家发展改革委',
  '科技部',
  '质检总局',
  '财政部',
  '人力资源社会保障部',
  '网信办',
  '工商总局',
  '卫生计生委',
  '国家卫生健康委员会',
  '人民银行',
  '国家邮政局',
  '地方各级人民政府',
  '各省级人民政府',
  '教育部',
  '公安部',
  '交通运输部',
  '中医药局',
  '税务总局',
  '住房城乡建设部',
  '农业部',
  '海关总署',
  '新闻出版广电总局',
  '食品药品监管总局',
  '国土资源部',
  '民政部',
  '各地区',
  '文化部',
  '银监会',
  '有关部门',
  '国家中医药局',
  '证监会',
  '各部门',
  '保监会',
  '市场监管总局',
  '体育总局',
  '国家卫生计生委',
  '环境保护部',
  '林业局',
  '中央网信办',
  '外交部',
  '相关部门',
  '国家标准委',
  '国家市场监督管理总局',
  '邮政局',
  '外汇局',
  '知识产权局',
  '国家医疗保障局',
  '中央编办',
  '国家网信办',
  '国务院办公厅',
  '旅游局',
  '国家文物局',
  '能源局',
  '各相关部门',
  '自然资源部',
  '司法部',
  '安全部',
  '各地方政府',
  '统计局',
  '密码局',
  '中国残联',
  '国务院法制办',
  '国资委',
  '国家旅游局',
  '中央宣传部',
  '银保监会',
  '文化和旅游部',
  '外专局',
  '国家统计局',
  '国家药品监督管理局',
  '信访局',
  '法制办',
  '国务院国资委',
  '国家知识产权局',
  '农业农村部',
  '开发银行',
  '各省〔区、市〕人民政府',
  '中国铁路总公司',
  '各地方人民政府',
  '国家外专局',
  '国家外汇局',
  '全国打击侵权假冒工作领导小组办公室',
  '各有关部门',
  '生态环境部',
  '中国科协',
  '国务院审改办',
  '省级人民政府',
  '国家认监委',
  '档案局',
  '有关地方人民政府',
  '试点城市人民政府',
  '试点地区人民政府',
  '国务院医改办',
  '综合医改试点省份人民政府',
  '国家铁路局',
  '中国民航局',
  '粮食和储备局',
  '国务院自由贸易试验区工作部际联席会议成员单位',
  '中央外办',
  '最高人民法院',
  '铁路局',
  '民航局',
  '中央财办',
  '国家能源局',
  '卫生健康委',
  '中央军委后勤保障部卫生局',
  '全国总工会',
  '试点省〔市〕人民政府',
  // §6.2
  '贸促会',
  '港澳办',
  '台办',
  '其他有关部门',
  '各市场监管部门',
  '各行业主管部门',
  '应急管理部',
  '国家矿山安监局',
  '工业互联网专项工作组成员单位',
  '应急部',
  '国防科工局',
];

describe('department registry', () => {
  it.each(CORPUS_NAMES)('knows %s', (name) => {
    const resolution = resolveDepartment(name);
    expect(resolution.known).toBe(true);
    expect(resolution.canonical).not.toBeNull();
  });

  it.each([
    ['发展改革委', '国家发展和改革委员会'],
    ['国家发展改革委', '国家发展和改革委员会'],
    ['发改委', '国家发展和改革委员会'],
    ['国家发改委', '国家发展和改革委员会'],
    ['工信部', '工业和信息化部'],
    ['网信办', '中央网络安全和信息化委员会办公室'],
    ['国家网信办', '中央网络安全和信息化委员会办公室'],
    ['人社部', '人力资源和社会保障部'],
    ['人力资源社会保障部', '人力资源和社会保障部'],
    ['国家中医药局', '国家中医药管理局'],
    ['邮政局', '国家邮政局'],
    ['应急部', '应急管理部'],
    ['国资委', '国务院国有资产监督管理委员会'],
    ['科技部', '科学技术部'],
    ['中华人民共和国工业和信息化部', '工业和信息化部'],
  ])('resolves the alias %s to %s', (written, canonical) => {
    expect(resolveDepartment(written)).toEqual({ written, canonical, known: true });
  });

  it.each([
    ['卫生计生委', '国家卫生健康委员会'],
    ['国家卫生和计划生育委员会', '国家卫生健康委员会'],
    ['银监会', '中国银行保险监督管理委员会'],
    ['保监会', '中国银行保险监督管理委员会'],
    ['工商总局', '国家市场监督管理总局'],
    ['质检总局', '国家市场监督管理总局'],
    ['食品药品监管总局', '国家市场监督管理总局'],
    ['国土资源部', '自然资源部'],
    ['环境保护部', '生态环境部'],
    ['农业部', '农业农村部'],
    ['文化部', '文化和旅游部'],
    ['国家旅游局', '文化和旅游部'],
    ['新闻出版广电总局', '国家广播电视总局'],
    ['法制办', '司法部'],
    ['信息产业部', '工业和信息化部'],
    ['国家计委', '国家发展和改革委员会'],
    ['外专局', '科学技术部'],
  ])('maps the predecessor %s to its successor %s', (written, canonical) => {
    expect(resolveDepartment(written).canonical).toBe(canonical);
  });

  it('keeps predecessor records with all successors and the date they ended', () => {
    const food = DEPARTMENTS.find((record) => record.name === '国家食品药品监督管理总局');
    expect(food?.successors).toEqual(['国家市场监督管理总局', '国家药品监督管理局']);
    expect(food?.validUntil).toBe('2018-03-17');
    const press = DEPARTMENTS.find((record) => record.aliases.includes('新闻出版广电总局'));
    expect(press?.successors).toEqual(['国家广播电视总局', '国家新闻出版署']);
  });

  it('points every successor at a current record', () => {
    const current = new Set(DEPARTMENTS.filter((record) => !record.successors).map((record) => record.name));
    for (const record of DEPARTMENTS) {
      for (const successor of record.successors ?? []) expect(current.has(successor), successor).toBe(true);
    }
  });

  it('classifies generic parties as local or collective', () => {
    expect(departmentKind('各省〔区、市〕人民政府')).toBe('local');
    expect(departmentKind('地方各级人民政府')).toBe('local');
    expect(departmentKind('各地区')).toBe('local');
    expect(departmentKind('各部门')).toBe('collective');
    expect(departmentKind('国务院自由贸易试验区工作部际联席会议成员单位')).toBe('collective');
    expect(departmentKind('开发银行')).toBe('ministry');
    expect(departmentKind('信管局')).toBeNull();
  });

  it('flags unknown names instead of guessing', () => {
    expect(resolveDepartment('信管局')).toEqual({ written: '信管局', canonical: null, known: false });
    expect(isKnownDepartmentName('负面清单')).toBe(false);
    expect(isKnownDepartmentName('局')).toBe(false);
  });

  it('normalises names as written: whitespace and trailing 等… go, bracket qualifiers stay', () => {
    expect(normalizeDepartmentName('工 业 和 信 息 化 部')).toBe('工业和信息化部');
    expect(normalizeDepartmentName('商务部等有关部门')).toBe('商务部');
    expect(normalizeDepartmentName('体育总局等部门以及')).toBe('体育总局');
    expect(normalizeDepartmentName('公安部等相关部门')).toBe('公安部');
    expect(normalizeDepartmentName('农业部等')).toBe('农业部');
    expect(normalizeDepartmentName('各省〔区、市〕 人民政府')).toBe('各省〔区、市〕人民政府');
  });

  it('splits a bureau qualifier from its ministry but not a name qualifier', () => {
    expect(splitSubUnit('工 业 和 信 息 化 部（信管局）')).toEqual({
      unit: '工业和信息化部',
      subUnits: ['信管局'],
    });
    expect(splitSubUnit('应急管理部（国家矿山安监局、科信司）')).toEqual({
      unit: '应急管理部',
      subUnits: ['国家矿山安监局', '科信司'],
    });
    expect(splitSubUnit('各省（区、市）人民政府')).toEqual({ unit: '各省（区、市）人民政府', subUnits: [] });
    // Inside a bracket the qualifier is printed between 〔〕.
    expect(splitSubUnit('省发展改革委〔省能源局〕')).toEqual({
      unit: '省发展改革委',
      subUnits: ['省能源局'],
    });
    expect(splitSubUnit('各市〔州〕人民政府')).toEqual({ unit: '各市〔州〕人民政府', subUnits: [] });
    expect(resolveDepartment('工业和信息化部（信管局）').canonical).toBe('工业和信息化部');
  });

  it('tells a plausible unit name from prose', () => {
    expect(isPlausibleDepartmentName('国家数据资源管理局')).toBe(true);
    expect(isPlausibleDepartmentName('由省级人民政府')).toBe(false);
    expect(isPlausibleDepartmentName('负面清单')).toBe(false);
    expect(isPlausibleDepartmentName('2018年')).toBe(false);
  });

  it('has no alias that names two units', () => {
    const seen = new Map<string, string>();
    for (const record of DEPARTMENTS) {
      for (const key of [record.name, ...record.aliases]) {
        expect(seen.get(key) ?? record.name, key).toBe(record.name);
        seen.set(key, record.name);
      }
    }
  });
});

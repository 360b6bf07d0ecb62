import { describe, expect, it } from 'vitest';
import { leadPhrase } from './make-measure';

describe('the title phrase of a measure', () => {
  it('ends before an annotation the first clause would cut inside its label', () => {
    expect(
      leadPhrase(
        '二、加快发展现代服务业和先进制造业（牵头单位：县经信局；配合单位：县发改委、县商务局，2025年12月底前完成）',
      ),
    ).toBe('加快发展现代服务业和先进制造业');
  });

  it('keeps a short sentence and a closed bracket as written', () => {
    expect(leadPhrase('（三）完善考核办法。各乡镇要按季度报送进展。')).toBe('完善考核办法');
    expect(leadPhrase('4.建设（改造）农贸市场10个（县商务局负责）')).toBe(
      '建设（改造）农贸市场10个（县商务局负责）',
    );
  });
});

import { activeContentReason } from './file-kind';
import { nameForContent } from './file-name';

describe(nameForContent.name, () => {
  it.each([
    ['报告.pdf', ['pdf'], '报告.pdf'],
    ['报告.PDF', ['pdf'], '报告.PDF'],
    ['报告.html', ['txt'], '报告.txt'],
    ['附件', ['pdf'], '附件.pdf'],
    ['a.b.sh', ['txt'], 'a.b.txt'],
    ['照片.jpeg', ['jpg', 'jpeg'], '照片.jpeg'],
  ])('%s as %j → %s', (name, extensions, kept) => {
    expect(nameForContent(name, extensions)).toBe(kept);
  });
});

describe(activeContentReason.name, () => {
  const text = (s: string) => Buffer.from(s);
  it('flags HTML, SVG, scripts and embedded <script> in text', () => {
    for (const sample of [
      '<html>',
      '  <!doctype html>',
      '<svg/>',
      '<?xml version="1.0"?><svg/>',
      '#!/bin/bash',
      'x<script>y',
    ]) {
      expect(activeContentReason(text(sample), Buffer.alloc(0), 'text'), sample).not.toBeNull();
    }
  });

  it('leaves ordinary text, and non-text kinds it cannot judge, alone', () => {
    expect(activeContentReason(text('本月完成 3 项，<数据> 见附表。'), Buffer.alloc(0), 'text')).toBeNull();
    expect(activeContentReason(text('%PDF-1.4'), Buffer.alloc(0), 'pdf')).toBeNull();
  });
});

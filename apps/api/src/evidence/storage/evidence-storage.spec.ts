import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EvidenceStorage, FileTooLargeError } from './evidence-storage';
import { detectKind, looksLikeText } from './file-kind';
import { contentDisposition, sanitizeFileName } from './file-name';

/** A little-endian zip record: its 4-byte signature, then (offset, width, value) fields; the rest zero. */
function zipRecord(size: number, signature: number, fields: [number, 16 | 32, number][]): Buffer {
  const record = Buffer.alloc(size);
  record.writeUInt32LE(signature, 0);
  for (const [at, bits, value] of fields) {
    if (bits === 16) record.writeUInt16LE(value, at);
    else record.writeUInt32LE(value, at);
  }
  return record;
}

/** A stored (uncompressed) zip with the given entries: enough for Office containers. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const crc = crc32(data);
    // Version 20, CRC, compressed and plain size (equal: stored), name length.
    const local = zipRecord(30, 0x04034b50, [
      [4, 16, 20],
      [14, 32, crc],
      [18, 32, data.length],
      [22, 32, data.length],
      [26, 16, nameBytes.length],
    ]);
    // The same, with "made by" and the local header's offset.
    const central = zipRecord(46, 0x02014b50, [
      [4, 16, 20],
      [6, 16, 20],
      [16, 32, crc],
      [20, 32, data.length],
      [24, 32, data.length],
      [28, 16, nameBytes.length],
      [42, 32, offset],
    ]);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralDir = Buffer.concat(centrals);
  const count = Object.keys(entries).length;
  const end = zipRecord(22, 0x06054b50, [
    [8, 16, count],
    [10, 16, count],
    [12, 32, centralDir.length],
    [16, 32, offset],
  ]);
  return Buffer.concat([...locals, centralDir, end]);
}

const kindOf = (bytes: Buffer) => detectKind(bytes, bytes, bytes.length);

describe('evidence file kinds, by content', () => {
  it('recognises PDF, PNG and JPEG by their magic bytes', () => {
    expect(kindOf(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toBe('pdf');
    expect(kindOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe('png');
    expect(kindOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toBe('jpeg');
  });

  it('tells DOCX from XLSX by the zip entries', () => {
    expect(kindOf(zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>' }))).toBe('docx');
    expect(kindOf(zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<x/>' }))).toBe('xlsx');
  });

  it('refuses a plain zip and a zip without Office content types', () => {
    expect(kindOf(zip({ 'readme.txt': 'hi' }))).toBeNull();
    expect(kindOf(zip({ 'word/document.xml': '<w/>' }))).toBeNull();
  });

  it('accepts UTF-8 and GB18030 text', () => {
    expect(kindOf(Buffer.from('推进情况：已完成第一阶段。\r\n'))).toBe('text');
    expect(kindOf(Buffer.from([0xcd, 0xc6, 0xbd, 0xf8, 0x0a]))).toBe('text'); // 推进 in GBK
  });

  it('refuses executables, even renamed ones', () => {
    const pe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from('PE\0\0')]);
    const elf = Buffer.concat([Buffer.from([0x7f]), Buffer.from('ELF'), Buffer.from([2, 1, 1, 0])]);
    expect(kindOf(pe)).toBeNull();
    expect(kindOf(elf)).toBeNull();
    expect(kindOf(Buffer.from('#!/bin/sh\nrm -rf /\x00'))).toBeNull();
  });

  it('does not fail text cut in the middle of a character', () => {
    const text = Buffer.from('督办'.repeat(10));
    expect(looksLikeText(text.subarray(0, text.length - 1), true)).toBe(true);
    expect(looksLikeText(text.subarray(0, text.length - 1), false)).toBe(false);
  });

  it('refuses an empty file', () => {
    expect(kindOf(Buffer.alloc(0))).toBeNull();
  });
});

describe('file names', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\张三\\附件1 推进情况.pdf', '附件1 推进情况.pdf'],
    ['..', 'file'],
    ['', 'file'],
    [undefined, 'file'],
    ['报告\u202Efdp.exe', '报告fdp.exe'],
    ['a\u0000b\nc.txt', 'abc.txt'],
  ])('keeps only a safe last segment of %j', (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it('caps very long names', () => {
    expect(Array.from(sanitizeFileName('长'.repeat(500))).length).toBe(200);
  });

  it('sends a Chinese name as RFC 5987 with an ASCII fallback', () => {
    expect(contentDisposition('推进情况 (2026).pdf')).toBe(
      `attachment; filename="____ (2026).pdf"; filename*=UTF-8''%E6%8E%A8%E8%BF%9B%E6%83%85%E5%86%B5%20%282026%29.pdf`,
    );
  });

  it('never lets quotes or separators through the fallback', () => {
    const header = contentDisposition('a"b\\c/d.txt');
    expect(header).toBe(`attachment; filename="d.txt"; filename*=UTF-8''d.txt`);
    expect(contentDisposition('x"y.txt')).toContain('filename="x_y.txt"');
  });
});

describe(EvidenceStorage.name, () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'duban-evidence-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('hashes while streaming and stores by content hash', async () => {
    const sut = new EvidenceStorage(dir, 1024);
    const staged = await sut.stage(Readable.from([Buffer.from('%PDF-1.4\n'), Buffer.from('body')]));
    expect(staged).toMatchObject({
      size: 13,
      kind: 'pdf',
      sha256: createHash('sha256').update('%PDF-1.4\nbody').digest('hex'),
    });
    const { key, created } = await sut.commit(staged);
    expect(created).toBe(true);
    expect(key).toBe(`${staged.sha256.slice(0, 2)}/${staged.sha256}`);
    expect(await readFile(join(dir, key), 'utf8')).toBe('%PDF-1.4\nbody');
    expect(await readdir(join(dir, '.tmp'))).toEqual([]);
  });

  it('stores identical content once', async () => {
    const sut = new EvidenceStorage(dir, 1024);
    const first = await sut.commit(await sut.stage(Readable.from([Buffer.from('same text')])));
    const second = await sut.commit(await sut.stage(Readable.from([Buffer.from('same text')])));
    expect(second).toEqual({ key: first.key, created: false });
    expect(await readdir(join(dir, '.tmp'))).toEqual([]);
  });

  it('aborts an oversized upload while streaming and leaves nothing behind', async () => {
    const sut = new EvidenceStorage(dir, 10);
    await expect(
      sut.stage(Readable.from([Buffer.from('123456'), Buffer.from('789012')])),
    ).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await readdir(join(dir, '.tmp'))).toEqual([]);
  });

  it('cleans up the temporary file when the source fails', async () => {
    const sut = new EvidenceStorage(dir, 1024);
    const failing = new Readable({
      read() {
        this.push(Buffer.from('partial'));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(sut.stage(failing)).rejects.toThrow('connection reset');
    expect(await readdir(join(dir, '.tmp'))).toEqual([]);
  });

  it('refuses storage keys that are not content hashes', async () => {
    const sut = new EvidenceStorage(dir, 1024);
    await expect(sut.open('../secret')).rejects.toThrow(/invalid storage key/);
  });
});

import type { BulletinDto } from '@duban/domain';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { bulletinSections, summaryText } from './bulletin-labels';

/**
 * The .docx of a 督查通报 in the usual official layout (GB/T 9704 in spirit): red masthead, the
 * 文号-style line and a red rule, 小标宋 title, 仿宋 body, 黑体 section headings, ruled tables. Font
 * names are what Word on a government desktop has; elsewhere Word substitutes.
 */
const RED = 'C00000';
const TITLE_FONT = '方正小标宋简体';
const BODY_FONT = '仿宋_GB2312';
const HEADING_FONT = '黑体';

const run = (text: string, options: { font?: string; size?: number; bold?: boolean; color?: string } = {}) =>
  new TextRun({
    text,
    font: { eastAsia: options.font ?? BODY_FONT, ascii: options.font ?? BODY_FONT },
    size: options.size ?? 28, // half-points: 28 = 14 pt (四号)
    bold: options.bold,
    color: options.color,
  });

const heading = (text: string) =>
  new Paragraph({
    spacing: { before: 240, after: 120 },
    children: [run(text, { font: HEADING_FONT, size: 30 })],
  });

function table(headings: readonly string[], rows: string[][], widths: number[]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const cell = (text: string, header: boolean, index: number) =>
    new TableCell({
      width: { size: Math.round((widths[index] / total) * 100), type: WidthType.PERCENTAGE },
      shading: header ? { fill: 'EEEEEE' } : undefined,
      children: [
        new Paragraph({
          alignment: index === 1 ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [run(text, { size: 21, bold: header, font: header ? HEADING_FONT : BODY_FONT })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headings.map((h, i) => cell(h, true, i)) }),
      ...rows.map((row) => new TableRow({ children: row.map((text, i) => cell(text, false, i)) })),
    ],
  });
}

const plain = (text: string) => new Paragraph({ children: [run(text, { size: 24 })] });

export async function renderBulletinDocx(bulletin: BulletinDto): Promise<Buffer> {
  const document = new Document({
    title: bulletin.title,
    creator: bulletin.issuer,
    description: bulletin.scopeLabel,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [run('督 查 通 报', { font: TITLE_FONT, size: 72, color: RED })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 120 },
            border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 6 } },
            children: [run(bulletin.headerLine, { size: 28 })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 360, after: 240 },
            children: [run(bulletin.title, { font: TITLE_FONT, size: 40 })],
          }),
          new Paragraph({ indent: { firstLine: 560 }, children: [run(summaryText(bulletin))] }),
          ...bulletinSections(bulletin).flatMap((section) => [
            heading(section.heading),
            section.empty !== null && section.rows.length === 0
              ? plain(section.empty)
              : table(section.headings, section.rows, section.widths),
            ...(section.cut ? [plain(section.cut)] : []),
          ]),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: 480 },
            children: [run(bulletin.issuer)],
          }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(bulletin.generatedOn)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

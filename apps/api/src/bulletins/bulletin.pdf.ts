import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BulletinDto } from '@duban/domain';
import PDFDocument from 'pdfkit';
import { bulletinSections, summaryText } from './bulletin-labels';

/**
 * The PDF of a 督查通报, with Source Han Sans SC (思源黑体, OFL) from the npm package
 * node-source-han-sans-sc embedded; pdfkit embeds only the glyphs used (a subset), so a bulletin
 * is some hundred KB, not the font's 17 MB. No system font is read.
 */
const FONT_PACKAGE = 'node-source-han-sans-sc';
let fonts: { regular: Buffer; bold: Buffer } | null = null;

function loadFonts(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    // Resolved from this file (dist/apps/api/main.js when bundled): node_modules stays external.
    const resolve = createRequire(__filename).resolve;
    const dir = resolve(`${FONT_PACKAGE}/package.json`).replace(/package\.json$/, '');
    fonts = {
      regular: readFileSync(`${dir}SourceHanSansSC-Regular.otf`),
      bold: readFileSync(`${dir}SourceHanSansSC-Bold.otf`),
    };
  }
  return fonts;
}

const RED = '#c00000';
const MARGIN = 56;

type Doc = InstanceType<typeof PDFDocument>;

/** A ruled table that wraps cell text and continues (headings repeated) on the next page. */
function table(doc: Doc, headings: readonly string[], rows: string[][], widths: number[]): void {
  const total = widths.reduce((a, b) => a + b, 0);
  const scale = (doc.page.width - 2 * MARGIN) / total;
  const cols = widths.map((w) => w * scale);
  const padding = 3;
  const drawRow = (cells: readonly string[], bold: boolean): void => {
    doc.font(bold ? 'bold' : 'regular').fontSize(9);
    const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: cols[i] - 2 * padding }));
    const height = Math.max(...heights) + 2 * padding;
    if (doc.y + height > doc.page.height - MARGIN) {
      doc.addPage();
      if (!bold) drawRow(headings, true);
      doc.font('regular').fontSize(9);
    }
    const top = doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      if (bold) doc.rect(x, top, cols[i], height).fillAndStroke('#eeeeee', '#555555').fillColor('black');
      else doc.rect(x, top, cols[i], height).stroke('#555555');
      doc.text(cell, x + padding, top + padding, {
        width: cols[i] - 2 * padding,
        align: i === 1 ? 'left' : 'center',
      });
      x += cols[i];
    });
    doc.x = MARGIN;
    doc.y = top + height;
  };
  doc.lineWidth(0.5);
  drawRow(headings, true);
  for (const row of rows) drawRow(row, false);
  if (rows.length === 0) {
    doc
      .font('regular')
      .fontSize(9)
      .text('（本期无数据）', MARGIN, doc.y + 4, { width: doc.page.width - 2 * MARGIN, align: 'center' });
  }
  doc.moveDown(0.8);
}

function heading(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - MARGIN - 60) doc.addPage();
  doc.font('bold').fontSize(12).fillColor('black').text(text, MARGIN, doc.y, { align: 'left' });
  doc.moveDown(0.4);
}

export function renderBulletinPdf(bulletin: BulletinDto): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: bulletin.title, Author: bulletin.issuer, Subject: bulletin.scopeLabel },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // The red masthead and the 文号-style line under it, as on an official bulletin.
  doc.font('bold').fontSize(26).fillColor(RED).text('督 查 通 报', { align: 'center' });
  doc.moveDown(0.3);
  doc.font('regular').fontSize(11).fillColor('black').text(bulletin.headerLine, { align: 'center' });
  const ruleY = doc.y + 6;
  doc
    .moveTo(MARGIN, ruleY)
    .lineTo(doc.page.width - MARGIN, ruleY)
    .lineWidth(1.5)
    .stroke(RED);
  doc.y = ruleY + 14;
  doc.font('bold').fontSize(16).text(bulletin.title, { align: 'center' });
  doc.moveDown(0.6);
  doc.font('regular').fontSize(11).text(summaryText(bulletin), { align: 'justify', lineGap: 3 });
  doc.moveDown(0.8);

  for (const section of bulletinSections(bulletin)) {
    heading(doc, section.heading);
    if (section.empty !== null && section.rows.length === 0)
      doc.font('regular').fontSize(10).text(section.empty).moveDown();
    else table(doc, section.headings, section.rows, section.widths);
    if (section.cut) doc.font('regular').fontSize(9).text(section.cut).moveDown();
  }

  doc.moveDown();
  doc.font('regular').fontSize(11).text(bulletin.issuer, { align: 'right' });
  doc.text(bulletin.generatedOn, { align: 'right' });
  doc.end();
  return done;
}

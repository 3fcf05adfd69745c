/**
 * An invoice or estimate as a PDF (pdfkit), with DejaVu Sans embedded so accented and
 * non-Latin names print as typed. The fonts and the creation date are passed in, so the same
 * document always gives the same bytes' worth of content.
 */
import { create as parseFont, type Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import type { InvoiceDocument } from '../../../../shared/domain/invoice';
import { addressLines, checkLines, documentTitle, FOOTER, headerFacts, personLines, totalLines } from './document-text';
import type { RenderOptions } from './render-html';
import { formatMoney, formatQuantity } from './money';

/** The two faces the PDF uses, as TrueType bytes. */
export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

// Parsing a TrueType file costs ~40 ms; each font's bytes are parsed once and reused.
const parsed = new WeakMap<Uint8Array, Font>();

/** The parsed font, as pdfkit's registerFont takes it (its typings only list bytes). */
function fontOf(bytes: Uint8Array): PDFKit.Mixins.PDFFontSource {
  let font = parsed.get(bytes);
  if (!font) {
    font = parseFont(bytes);
    parsed.set(bytes, font);
  }
  return font as unknown as PDFKit.Mixins.PDFFontSource;
}

const MARGIN = 40;
const INK = '#1d2433';
const MUTED = '#5b6577';
/** Column x offsets and widths of the line-item table (A4: 515 pt between the margins). */
const COLS = [
  { key: '#', w: 26, align: 'left' },
  { key: 'Item', w: 177, align: 'left' },
  { key: 'Qty', w: 40, align: 'right' },
  { key: 'Rate', w: 62, align: 'right' },
  { key: 'Discount', w: 55, align: 'right' },
  { key: 'Tax', w: 85, align: 'left' },
  { key: 'Amount', w: 70, align: 'right' },
] as const;

/** Renders the document; resolves with the PDF bytes. */
export function renderPdf(doc: InvoiceDocument, fonts: PdfFonts, createdAt: Date, opts: RenderOptions = { internal: false }): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${documentTitle(doc)} ${doc.number || doc.source.name}`, Producer: 'Preflight', Creator: 'Preflight', CreationDate: createdAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont('Body', fontOf(fonts.regular));
  pdf.registerFont('Bold', fontOf(fonts.bold));
  const width = pdf.page.width - 2 * MARGIN;
  const bottom = (): number => pdf.page.height - MARGIN - 30;
  const ensure = (h: number): void => {
    if (pdf.y + h > bottom()) pdf.addPage();
  };

  // Title and facts.
  const top = pdf.y;
  pdf.font('Bold').fontSize(22).fillColor(INK).text(documentTitle(doc).toUpperCase(), MARGIN, top);
  pdf.font('Body').fontSize(11).text(doc.source.name, { width: width / 2 });
  let fy = top;
  for (const [k, v] of headerFacts(doc)) {
    pdf.font('Body').fontSize(9).fillColor(MUTED).text(k, MARGIN + width / 2, fy, { width: width / 4 });
    pdf.font(k === 'Status' ? 'Bold' : 'Body').fillColor(INK).text(v, MARGIN + (3 * width) / 4, fy, { width: width / 4, align: 'right' });
    fy = pdf.y + 2;
  }
  pdf.y = Math.max(pdf.y, fy) + 8;
  pdf.moveTo(MARGIN, pdf.y).lineTo(MARGIN + width, pdf.y).lineWidth(1.5).strokeColor(INK).stroke();
  pdf.y += 10;

  // Customer.
  const c = doc.customer;
  const blocks: [string, string[]][] = c
    ? [
        ['BILL TO', [c.contact_name, ...addressLines(c.billing_address)]],
        ['SHIP TO', addressLines(c.shipping_address).length > 0 ? addressLines(c.shipping_address) : ['—']],
        ['CONTACT PERSONS', personLines(doc).length > 0 ? personLines(doc) : ['none']],
      ]
    : [['BILL TO', [doc.customerProblem ?? 'No customer']]];
  const by = pdf.y;
  let maxY = by;
  blocks.forEach(([title, lines], i) => {
    const x = MARGIN + (i * width) / 3;
    pdf.font('Bold').fontSize(8).fillColor(MUTED).text(title, x, by, { width: width / 3 - 10 });
    pdf.font('Body').fontSize(9.5).fillColor(INK);
    for (const line of lines) pdf.text(line, x, pdf.y, { width: width / 3 - 10 });
    maxY = Math.max(maxY, pdf.y);
  });
  pdf.y = maxY + 14;

  // Line items.
  const header = (): void => {
    const y = pdf.y;
    pdf.rect(MARGIN, y, width, 18).fill(INK);
    let x = MARGIN;
    pdf.font('Bold').fontSize(9).fillColor('#ffffff');
    for (const col of COLS) {
      pdf.text(col.key, x + 3, y + 5, { width: col.w - 6, align: col.align });
      x += col.w;
    }
    pdf.fillColor(INK);
    pdf.y = y + 22;
  };
  header();
  for (const l of doc.line_items) {
    const cells = [String(l.item_order), l.name, formatQuantity(l.quantity), formatMoney(l.rate), l.discount ? formatMoney(l.discount) : '', l.tax_name, formatMoney(l.item_total)];
    pdf.font('Body').fontSize(9.5);
    const descH = l.description ? pdf.fontSize(8.5).heightOfString(l.description, { width: COLS[1].w - 6 }) : 0;
    const h = Math.max(...COLS.map((col, i) => pdf.fontSize(9.5).heightOfString(cells[i] || ' ', { width: col.w - 6 }))) + descH + 6;
    if (pdf.y + h > bottom()) {
      pdf.addPage();
      header();
    }
    const y = pdf.y;
    let x = MARGIN;
    COLS.forEach((col, i) => {
      pdf.font('Body').fontSize(9.5).fillColor(INK).text(cells[i] ?? '', x + 3, y, { width: col.w - 6, align: col.align });
      if (i === 1 && l.description) pdf.fontSize(8.5).fillColor(MUTED).text(l.description, x + 3, pdf.y, { width: col.w - 6 });
      x += col.w;
    });
    pdf.y = y + h;
    pdf.moveTo(MARGIN, pdf.y - 3).lineTo(MARGIN + width, pdf.y - 3).lineWidth(0.5).strokeColor('#d9dee8').stroke();
  }
  if (doc.line_items.length === 0) pdf.font('Body').fontSize(9.5).text('No line items', MARGIN + 3, pdf.y);
  pdf.y += 8;

  // Totals.
  const lines = totalLines(doc);
  ensure(lines.length * 16 + 10);
  const tx = MARGIN + width - 250;
  lines.forEach(([k, v], i) => {
    const last = i === lines.length - 1;
    const y = pdf.y;
    if (last) pdf.moveTo(tx, y).lineTo(MARGIN + width, y).lineWidth(1.5).strokeColor(INK).stroke();
    pdf.font(last ? 'Bold' : 'Body').fontSize(last ? 12 : 10).fillColor(INK);
    pdf.text(k, tx, y + (last ? 4 : 0), { width: 150 });
    pdf.text(v, tx + 150, y + (last ? 4 : 0), { width: 100, align: 'right' });
    pdf.y = y + (last ? 20 : 15);
  });
  pdf.y += 10;

  // Notes the user must see.
  const section = (title: string, body: string[]): void => {
    if (body.length === 0) return;
    ensure(30);
    pdf.font('Bold').fontSize(9).fillColor(MUTED).text(title.toUpperCase(), MARGIN, pdf.y, { width });
    pdf.font('Body').fontSize(9.5).fillColor(INK);
    for (const b of body) pdf.text(b, MARGIN, pdf.y, { width });
    pdf.y += 8;
  };
  if (opts.internal) {
    if (doc.workflow) section('Deal workflow', [doc.workflow.explanation]);
    section('Stored totals that disagree', checkLines(doc));
    section('Values that are not numbers', doc.problems);
  }
  section('Notes', doc.notes ? [doc.notes] : []);
  section('Terms and conditions', doc.terms ? [doc.terms] : []);
  section('', [FOOTER]);
  pdf.end();
  return done;
}

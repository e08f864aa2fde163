import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  type Table,
  TextRun,
} from 'docx';
import { closingBlock, type Signer } from './closing-block';
import { FONT, MARGINS, PAGE, PARAGRAPH_AFTER, SIZE, TABLE_TEXT_SIZES, tableTextStyle } from './format';
import { headerBlock, type Issuer } from './header-block';
import { centred } from './text';

export type { Signer } from './closing-block';
export type { Issuer } from './header-block';

/** What a document in the format of Decree 30/2020/NĐ-CP is made of; the body is the caller's. */
export interface Decree30Spec {
  issuer: Issuer;
  /** "Hưng Yên, ngày … tháng … năm 2026". */
  placeDate: string;
  /** "BÁO CÁO". */
  kind: string;
  /** The summary line under the kind ("Kết quả thực hiện Kế hoạch số …"). */
  summary: string;
  /** "Kính gửi: …" under the summary, when the document is addressed to one body (an agency's report). */
  addressee?: string;
  /** A boxed "DỰ THẢO" above the header: the content may still change before it is signed. */
  draft?: boolean;
  body: (Paragraph | Table)[];
  /** After the signature, on a page of its own (the appendix tables). */
  appendix?: (Paragraph | Table)[];
  recipients: string[];
  signer: Signer;
  /** Shown in the file's properties. */
  title: string;
}

/** Page numbers centred in the top margin, from page 2 (the first page has a header of its own, empty). */
function pageNumberHeader() {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.body })],
      }),
    ],
  });
}

/** "Kính gửi: …" centred, 14 pt, the name in regular type as in the ministries' templates. */
function addresseeLine(addressee: string) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: PARAGRAPH_AFTER * 2 },
    children: [
      new TextRun({ text: 'Kính gửi: ', font: FONT, size: SIZE.body }),
      new TextRun({ text: addressee, font: FONT, size: SIZE.body }),
    ],
  });
}

/** "DỰ THẢO" in a box at the top left, as drafts circulate before signing; the officer deletes it. */
function draftMark() {
  const line = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 2 };
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: { after: 120 },
    indent: { right: 7200 },
    border: { top: line, bottom: line, left: line, right: line },
    children: [new TextRun({ text: 'DỰ THẢO', font: FONT, size: SIZE.body, bold: true })],
  });
}

export function decree30Document(spec: Decree30Spec): Document {
  return new Document({
    title: spec.title,
    creator: spec.issuer.name,
    // Times New Roman 14 pt is every run's default, and each table text size a paragraph style: the runs
    // say only what differs (decree30/text.ts), which keeps long appendix tables quick to pack.
    styles: {
      default: { document: { run: { font: FONT, size: SIZE.body } } },
      paragraphStyles: TABLE_TEXT_SIZES.map((size) => ({
        id: tableTextStyle(size)!,
        name: `Table Text ${size / 2} pt`,
        basedOn: 'Normal',
        run: { size },
      })),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: MARGINS,
          },
          titlePage: true,
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
        children: [
          ...(spec.draft ? [draftMark()] : []),
          headerBlock(spec.issuer, spec.placeDate),
          centred('', {}, 120),
          centred(spec.kind.toLocaleUpperCase('vi'), { size: SIZE.title, bold: true }),
          centred(spec.summary, { size: SIZE.title, bold: true }, PARAGRAPH_AFTER * 2),
          ...(spec.addressee ? [addresseeLine(spec.addressee)] : []),
          ...spec.body,
          centred('', {}, PARAGRAPH_AFTER),
          closingBlock(spec.recipients, spec.signer),
          ...(spec.appendix?.length
            ? [new Paragraph({ pageBreakBefore: true, children: [] }), ...spec.appendix]
            : []),
        ],
      },
    ],
  });
}

/** The .docx bytes of a Decree 30 document. */
export async function decree30Docx(spec: Decree30Spec): Promise<Buffer> {
  return Packer.toBuffer(decree30Document(spec));
}

import type { Writable } from 'node:stream';
import { Packer } from 'docx';
import { write, type ReportWriter } from '../document.ts';
import { placeholder, skeleton } from './docx-skeleton.ts';
import { rowXml, tableEnd, tableStart } from './docx-table.ts';
import { readZip, writePackage } from './zip-parts.ts';

/**
 * The report as an editable Word document for the legal service. `docx` packs the document without
 * its large tables (docx-skeleton.ts, a few dozen KB whatever the size); its parts are copied into
 * the final ZIP, and word/document.xml is written as the skeleton's text with each section's
 * placeholder paragraph replaced by that section's table, streamed from the rows (docx-table.ts).
 */

const FLUSH_AT = 64 * 1024;

/** Which section a row, or a section of the summary, is: a chapter by its slug, the draft as a whole, the late comments. */
const sectionKey = (s: { section: string; chapterSlug: string | null }) => (s.section === 'chapter' ? `chapter/${s.chapterSlug}` : s.section);

/** Splits the skeleton's body at the placeholder paragraphs: the text between them, and which section each gap is for. */
function splitBody(documentXml: string, sections: number): { pieces: string[]; gaps: number[] } {
  const pieces: string[] = [];
  const gaps: number[] = [];
  let rest = documentXml;
  for (let i = 0; i < sections; i++) {
    const at = rest.indexOf(placeholder(i));
    if (at < 0) continue;
    const start = Math.max(rest.lastIndexOf('<w:p>', at), rest.lastIndexOf('<w:p ', at));
    const end = rest.indexOf('</w:p>', at) + '</w:p>'.length;
    pieces.push(rest.slice(0, start));
    gaps.push(i);
    rest = rest.slice(end);
  }
  pieces.push(rest);
  return { pieces, gaps };
}

export const writeDocx: ReportWriter = async (doc, t, out) => {
  const parts = readZip(await Packer.toBuffer(skeleton(doc, t)));
  const sections = doc.version.summary.sections;
  const draftLabel = doc.version.summary.draft.label;

  const body = async (part: Writable) => {
    const documentXml = parts.find(([name]) => name === 'word/document.xml')![1].toString('utf8');
    const { pieces, gaps } = splitBody(documentXml, sections.length);
    // One pass over all the rows in the report's order, which is the sections' order: each section's
    // rows follow one another (a section's own query would sort the rows of late comments anew per chunk).
    const rows = doc.rows()[Symbol.asyncIterator]();
    let next = await rows.next();
    for (let g = 0; g < gaps.length; g++) {
      await write(part, pieces[g]);
      const key = sectionKey(sections[gaps[g]]);
      let buffer = tableStart(t);
      for (; !next.done && sectionKey(next.value) === key; next = await rows.next()) {
        buffer += rowXml(next.value, t, draftLabel);
        if (buffer.length >= FLUSH_AT) {
          await write(part, buffer);
          buffer = '';
        }
      }
      await write(part, buffer + tableEnd);
    }
    if (!next.done) throw new Error(`report version ${doc.version.id}: comment ${next.value.commentId} is in no section of the summary`);
    await write(part, pieces[pieces.length - 1]);
  };

  await writePackage(
    out,
    parts.map(([name, data]) => [name, name === 'word/document.xml' ? body : data]),
  );
};

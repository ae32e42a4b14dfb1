import { listConsultations } from '../consultations/consultations.ts';
import { readChapterFiles, readVersionFiles } from '../content/content-files.ts';
import type { Db } from '../platform/db.ts';

/**
 * The strategy text in the search index: one row per block of every draft version of every
 * consultation (future versions too, so a draft published while the server runs is searchable on
 * time), read from the content files. Once per version: `draft_text_versions` records what is
 * indexed, so a start with nothing new reads only the versions' folders. Run at start
 * (prepareDatabase), never on a request.
 */
export async function indexDraftTexts(db: Db): Promise<{ versions: number; blocks: number }> {
  const done = new Set((await db.selectFrom('draft_text_versions').select(['consultation_id', 'version_id']).execute()).map((r) => `${r.consultation_id}/${r.version_id}`));
  let versions = 0;
  let blocks = 0;
  for (const consultation of await listConsultations(db, { archived: true })) {
    for (const version of readVersionFiles(consultation.slug)) {
      if (done.has(`${consultation.id}/${version.id}`)) continue;
      const rows = readChapterFiles(consultation.slug, version.id).flatMap((chapter) =>
        chapter.rendered.blocks.map((block) => ({
          text: block.text,
          consultation_id: consultation.id,
          version_id: version.id,
          chapter_slug: chapter.slug,
          chapter_number: chapter.number,
          chapter_title: chapter.title,
          block_number: block.number,
          block_position: block.position,
          block_anchor: block.anchor,
        })),
      );
      await db.transaction().execute(async (trx) => {
        // A version half-indexed by a stopped process is indexed again from the start.
        await trx.deleteFrom('draft_text_fts').where('consultation_id', '=', consultation.id).where('version_id', '=', version.id).execute();
        for (let i = 0; i < rows.length; i += 200) await trx.insertInto('draft_text_fts').values(rows.slice(i, i + 200)).execute();
        // Two processes starting at once may index the same version: the second one's rows replace the
        // first one's (the delete above), and the version is recorded once.
        await trx
          .insertInto('draft_text_versions')
          .values({ consultation_id: consultation.id, version_id: version.id, blocks: rows.length })
          .onConflict((oc) => oc.columns(['consultation_id', 'version_id']).doNothing())
          .execute();
      });
      versions++;
      blocks += rows.length;
    }
  }
  return { versions, blocks };
}

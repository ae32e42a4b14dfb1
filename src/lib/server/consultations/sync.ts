import type { ConsultationData } from '../content/content-files.ts';
import type { Db } from '../platform/db.ts';
import { recordAudit } from '../platform/audit.ts';

/**
 * Makes the consultations table agree with content/<slug>/consultation.json: a consultation whose
 * folder is new gets its row (open when it already has a draft version, in preparation otherwise),
 * and the title, owner, case number and description follow the file. The status, the archive and the
 * moderators are the ministry's decisions, kept in the database; a file never changes them.
 */
export async function syncConsultationFiles(
  db: Db,
  files: ReadonlyArray<{ slug: string; data: ConsultationData; hasVersions: boolean }>,
): Promise<{ created: string[] }> {
  const created: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (const { slug, data, hasVersions } of files) {
      const owner = await trx.selectFrom('organisations').select(['id', 'kind']).where('code', '=', data.owner).executeTakeFirst();
      if (!owner || owner.kind !== 'government') throw new Error(`content/${slug}/consultation.json: owner "${data.owner}" is not a government organisation of the directory`);
      const values = {
        title: data.title,
        short_title: data.shortTitle,
        owner_organisation_id: owner.id,
        case_number: data.caseNumber,
        description: data.description,
        invited: data.invited ?? null,
      };
      const existing = await trx.selectFrom('consultations').selectAll().where('slug', '=', slug).executeTakeFirst();
      if (!existing) {
        const row = await trx
          .insertInto('consultations')
          .values({ slug, ...values, status: hasVersions ? 'open' : 'preparation' })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, { actorUserId: null, action: 'consultation.create', targetType: 'consultation', targetId: row.id, after: { slug, ...values, source: 'content' } });
        created.push(slug);
        continue;
      }
      const changed = (Object.keys(values) as Array<keyof typeof values>).filter((k) => existing[k] !== values[k]);
      if (changed.length === 0) continue;
      await trx.updateTable('consultations').set({ ...values, updated_at: new Date().toISOString() }).where('id', '=', existing.id).execute();
      await recordAudit(trx, {
        actorUserId: null,
        action: 'consultation.update',
        targetType: 'consultation',
        targetId: existing.id,
        before: Object.fromEntries(changed.map((k) => [k, existing[k]])),
        after: Object.fromEntries(changed.map((k) => [k, values[k]])),
      });
    }
  });
  return { created };
}

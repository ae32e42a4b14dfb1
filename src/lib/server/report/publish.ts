import { z } from 'astro/zod';
import { dictionary } from '../../../i18n/index.ts';
import { DECISIONS } from '../../enums.ts';
import { fail, ok, type Result } from '../../result.ts';
import { can, type Actor } from '../accounts/access.ts';
import { mayModerate } from '../consultations/moderators.ts';
import { findConsultationById, type Consultation } from '../consultations/consultations.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { isUniqueViolation } from '../platform/sql.ts';
import { currentDraft, snapshotSource, writeSnapshotRows } from './snapshot.ts';
import type { DraftVersion } from '../content/content.ts';
import { summarise } from './summary.ts';
import { announceReport } from '../notifications/announcements.ts';

/**
 * Publishing the report (an administrator), and the moderators' preview. Both start a snapshot
 * (`preparing`, see snapshot.ts) and return at once; the caller then runs `queueReportJobs`, which
 * writes it off the request path. A published version gets its number when its snapshot is complete, and is audited then.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isCalendarDay = (value: string) => DAY.test(value) && new Date(`${value}T12:00:00Z`).toISOString().slice(0, 10) === value;

export const publishInput = z.object({
  /** Številka dokumenta, e.g. "3510-1/2026-15". */
  documentNumber: z.string().trim().min(1, 'required').max(60, 'tooLong'),
  place: z.string().trim().min(1, 'required').max(60, 'tooLong'),
  /** A calendar day, 2027-03-15. */
  documentDate: z.string().trim().refine(isCalendarDay, 'invalidDate'),
  signatoryName: z.string().trim().min(1, 'required').max(120, 'tooLong'),
  signatoryTitle: z.string().trim().min(1, 'required').max(120, 'tooLong'),
  /** The number of the newest version the form saw (0: none): a publish based on an older view is refused. */
  latestSeen: z.coerce.number().int().min(0),
});
export type PublishInput = z.infer<typeof publishInput>;

export async function latestPublishedNumber(db: Db, consultationId: number): Promise<number> {
  const row = await db.selectFrom('report_versions').where('consultation_id', '=', consultationId).where('kind', '=', 'published').select((eb) => eb.fn.max('number').as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Public comments of the consultation with a published stance. */
async function publishedStances(db: Db, consultationId: number): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .where('consultation_id', '=', consultationId)
    .where('state', '=', 'submitted')
    .where('hidden', '=', 0)
    .where('moderation_status', 'in', DECISIONS)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Starts publishing a new version of the consultation's report. Refused: not an administrator; no
 * draft; no published stance yet; someone published a version since the form was loaded; a
 * version is being prepared right now (the other of two publishes at once).
 */
export async function startPublishing(db: Db, actor: Actor | null, consultation: Consultation, input: PublishInput): Promise<Result<{ reportVersionId: number }>> {
  if (!can(actor, 'administer')) return fail('forbidden');
  const draft = await currentDraft(consultation);
  if (!draft) return fail('conflict', (t) => t.reportVersions.errors.noDraft);
  if ((await publishedStances(db, consultation.id)) === 0) return fail('conflict', (t) => t.reportVersions.errors.noPublishedStances);
  const latest = await latestPublishedNumber(db, consultation.id);
  if (latest !== input.latestSeen) return fail('conflict', (t) => t.reportVersions.errors.newerPublished(latest));
  return startSnapshot(db, actor, consultation, draft, { kind: 'published', ...input });
}

/** Starts (or joins) a fresh preview of the live data for a moderator of the consultation. */
export async function startPreview(db: Db, actor: Actor | null, consultation: Consultation): Promise<Result<{ reportVersionId: number }>> {
  if (!can(actor, 'moderate') || !(await mayModerate(db, actor, consultation.id))) return fail('forbidden');
  const draft = await currentDraft(consultation);
  if (!draft) return fail('conflict', (t) => t.reportVersions.errors.noDraft);
  const preparing = await db.selectFrom('report_versions').where('consultation_id', '=', consultation.id).where('state', '=', 'preparing').select(['id', 'kind']).executeTakeFirst();
  if (preparing) return ok({ reportVersionId: preparing.id });
  return startSnapshot(db, actor, consultation, draft, { kind: 'preview' });
}

async function startSnapshot(db: Db, actor: Actor | null, consultation: Consultation, draft: DraftVersion, what: ({ kind: 'published' } & PublishInput) | { kind: 'preview' }): Promise<Result<{ reportVersionId: number }>> {
  try {
    const row = await db
      .insertInto('report_versions')
      .values({
        consultation_id: consultation.id,
        kind: what.kind,
        state: 'preparing',
        draft_version_id: draft.id,
        draft_version_label: draft.label,
        created_by: actor?.id ?? null,
        ...(what.kind === 'published'
          ? { document_number: what.documentNumber, place: what.place, document_date: what.documentDate, signatory_name: what.signatoryName, signatory_title: what.signatoryTitle }
          : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return ok({ reportVersionId: row.id });
  } catch (error) {
    if (isUniqueViolation(error)) return fail('conflict', (t) => t.reportVersions.errors.beingPrepared);
    throw error;
  }
}

let running: Promise<void> | undefined;
let again = false;

/**
 * Runs the pending snapshot jobs in this process (one at a time), soon; `onReady` after each
 * snapshot is complete (the web edge forgets its cached public pages then).
 */
export function queueReportJobs(db: Db, onReady: () => void = () => {}): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await runReportJobs(db, onReady);
      } while (again);
    } finally {
      running = undefined;
    }
  })();
  return running;
}

/**
 * Writes every snapshot that is `preparing` — also one a stopped process left half-written (its
 * rows are discarded and written again). A published version gets the next number, the consultation
 * (if closed) becomes `report_published`, and the publication is audited, in one transaction;
 * an older preview of the consultation is removed when a new one is ready.
 */
export async function runReportJobs(db: Db, onReady: () => void = () => {}, now = () => new Date()): Promise<void> {
  for (;;) {
    const job = await db.selectFrom('report_versions').where('state', '=', 'preparing').selectAll().orderBy('id').executeTakeFirst();
    if (!job) return;
    try {
      const consultation = await findConsultationById(db, job.consultation_id);
      const source = consultation && (await snapshotSource(db, consultation));
      if (!source) throw new Error('the consultation has no current draft');
      await db.deleteFrom('report_rows').where('report_version_id', '=', job.id).execute();
      const takenAt = now();
      const count = await writeSnapshotRows(db, job.id, source, dictionary('sl'), takenAt);
      const summary = await summarise(db, job.id, source, takenAt);
      const published = await db.transaction().execute(async (trx) => {
        const number = job.kind === 'published' ? (await latestPublishedNumber(trx, job.consultation_id)) + 1 : null;
        const readyAt = new Date().toISOString();
        await trx
          .updateTable('report_versions')
          .set({ state: 'ready', number, summary_json: JSON.stringify(summary), row_count: count, ready_at: readyAt })
          .where('id', '=', job.id)
          .execute();
        if (job.kind === 'published') {
          await recordAudit(trx, {
            actorUserId: job.created_by,
            action: 'report.published',
            targetType: 'consultation',
            targetId: job.consultation_id,
            after: { number, documentNumber: job.document_number, documentDate: job.document_date, comments: count },
          });
          if (source.consultation.status === 'closed') {
            await trx.updateTable('consultations').set({ status: 'report_published', updated_at: readyAt }).where('id', '=', job.consultation_id).where('status', '=', 'closed').execute();
            await recordAudit(trx, { actorUserId: job.created_by, action: 'consultation.status', targetType: 'consultation', targetId: job.consultation_id, before: { status: 'closed' }, after: { status: 'report_published' } });
          }
        } else {
          await trx.deleteFrom('report_versions').where('consultation_id', '=', job.consultation_id).where('kind', '=', 'preview').where('id', '!=', job.id).execute();
        }
        return number;
      });
      // Subscribers hear of the publication (queued by the background job in batches).
      if (published !== null) await announceReport(db, job.consultation_id, published);
      onReady();
    } catch (error) {
      console.error(`posvet: report snapshot ${job.id} failed:`, error);
      await db.deleteFrom('report_rows').where('report_version_id', '=', job.id).execute();
      await db.updateTable('report_versions').set({ state: 'failed', error: String(error instanceof Error ? error.message : error) }).where('id', '=', job.id).execute();
    }
  }
}

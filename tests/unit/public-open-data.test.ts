import { describe, expect, it } from 'vitest';
import { dictionary } from '../../src/i18n/index.ts';
import { openApiDocument } from '../../src/lib/server/comments/open-data-fields.ts';
import { openDataPage, openDataStream, type OpenDataFilter, type OpenDataOptions } from '../../src/lib/server/comments/open-data-pages.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { checkOpenDataQuery } from '../../src/lib/server/web/comments/open-data.ts';
import { addComment, bareDatabase } from './public-helpers.ts';

/* The public list's filters in the open data (issue 16): organisation kind, association, paragraph, kind, late, attachment. */

const t = dictionary('sl');
const options: OpenDataOptions = { baseUrl: 'https://posvet.example', currentVersionId: async () => undefined };

function filterOf(search: string): OpenDataFilter {
  const checked = checkOpenDataQuery(new URL(`https://posvet.example/api/v1/comments?${search}`), t);
  if (!checked.ok) throw new Error(`refused: ${search}`);
  return checked.filter;
}

async function ids(db: Db, search: string): Promise<number[]> {
  const page = await openDataPage(db, filterOf(search), { limit: 100 }, options);
  if (!page.ok) throw new Error('page refused');
  const stream = await openDataStream(db, filterOf(search), options, 2);
  if (!stream.ok) throw new Error('export refused');
  // The export selects the same comments as the pages.
  expect((await Array.fromAsync(stream.value)).map((i) => i.id)).toEqual(page.value.items.map((i) => i.id));
  return page.value.items.map((i) => i.id);
}

describe('the open data filters of the public list', () => {
  it('select by organisation kind, association, paragraph, kind and late, combined with the old ones', async () => {
    const db = await bareDatabase();
    const ljubljana = await addComment(db, '61', { kind: 'amendment', proposed_text: 'Novo besedilo.' });
    const crnomelj = await addComment(db, '17', { late: 1, block_number: '6.3' });
    const zmos = await addComment(db, 'ZMOS', { kind: 'question' });
    await addComment(db, '61', { hidden: 1 });
    expect(await ids(db, 'organisationKind=municipality')).toEqual([ljubljana, crnomelj]);
    expect(await ids(db, 'association=ZMOS')).toEqual([ljubljana, zmos]);
    expect(await ids(db, 'association=zmos&consultation=ds2030')).toEqual([ljubljana, zmos]);
    expect(await ids(db, 'association=ljubljana')).toEqual([]);
    expect(await ids(db, 'block=6.3')).toEqual([crnomelj]);
    expect(await ids(db, 'kind=question')).toEqual([zmos]);
    expect(await ids(db, 'late=true')).toEqual([crnomelj]);
    expect(await ids(db, 'late=false&organisationKind=municipality')).toEqual([ljubljana]);
    expect(await ids(db, 'organisation=ljubljana&kind=amendment')).toEqual([ljubljana]);
    // Attachments are another helper's: the filter is accepted and answers.
    expect((await ids(db, 'hasAttachment=true')).length).toBeLessThanOrEqual(3);
  });

  it('refuses values it cannot read with a 400 naming the parameter', async () => {
    for (const [search, name] of [['organisationKind=king', 'organisationKind'], ['kind=essay', 'kind'], ['late=yes', 'late'], ['block=abc', 'block'], ['hasAttachment=1', 'hasAttachment'], ['association=a%20b', 'association']]) {
      const checked = checkOpenDataQuery(new URL(`https://posvet.example/api/v1/comments?${search}`), t);
      expect(checked.ok).toBe(false);
      if (!checked.ok) {
        expect(checked.response.status).toBe(400);
        expect(((await checked.response.json()) as { error: string }).error).toBe(t.forms.invalidQuery([name]));
      }
    }
  });

  it('are described in the OpenAPI document, on the list and the exports', () => {
    const doc = openApiDocument(t, 'https://posvet.example') as { paths: Record<string, { get: { parameters: Array<{ name: string }> } }> };
    for (const path of ['/api/v1/comments', '/api/v1/comments/export.jsonl', '/api/v1/comments/export.csv']) {
      const names = doc.paths[path].get.parameters.map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(['organisationKind', 'association', 'block', 'kind', 'late', 'hasAttachment']));
    }
  });
});

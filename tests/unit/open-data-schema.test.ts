import { describe, expect, it } from 'vitest';
import { dictionary } from '../../src/i18n/index.ts';
import { OPEN_DATA_COLUMNS } from '../../src/lib/server/comments/open-data.ts';
import { OPEN_DATA_FIELDS, openApiDocument } from '../../src/lib/server/comments/open-data-fields.ts';
import { openDataPage, openDataStream } from '../../src/lib/server/comments/open-data-pages.ts';
import { openApiValidator } from '../support/openapi-validator.ts';
import { seededDatabase } from './helpers.ts';

/* The OpenAPI description: every field described, and real items valid against its schemas. */

const t = dictionary('sl');
const document = openApiDocument(t, 'https://posvet.example') as { openapi: string; paths: Record<string, { get: { responses: Record<string, unknown> } }>; components: { schemas: Record<string, Record<string, unknown>> } };
const options = { baseUrl: 'https://posvet.example', currentVersionId: async () => undefined };

describe('the OpenAPI description', () => {
  it('describes every endpoint with its errors, and every field once', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(['/api/v1/comments', '/api/v1/comments/{id}', '/api/v1/comments/export.jsonl', '/api/v1/comments/export.csv']);
    expect(Object.keys(document.paths['/api/v1/comments'].get.responses)).toEqual(['200', '308', '400', '404']);
    expect(Object.keys(document.paths['/api/v1/comments/{id}'].get.responses)).toEqual(['200', '400', '404', '410']);
    const properties = document.components.schemas.Comment.properties as Record<string, { description: string }>;
    expect(Object.keys(properties)).toEqual(OPEN_DATA_FIELDS.map((f) => f.name));
    for (const [name, field] of Object.entries(properties)) expect(field.description, name).toBe(t.openDataApi.fields[name as keyof typeof properties & keyof typeof t.openDataApi.fields]);
    // The CSV has a column for every field (jointPosition and organisation flattened).
    for (const f of OPEN_DATA_FIELDS.filter((f) => !['jointPosition', 'organisation', 'currentChapter'].includes(f.name))) expect(OPEN_DATA_COLUMNS).toContain(f.name);
  });

  it('real items and pages are valid against its schemas (joint positions, stances, nulls included)', async () => {
    const { db } = await seededDatabase();
    const valid = openApiValidator(document);
    const stream = await openDataStream(db, {}, { ...options, currentVersionId: async (c) => (c.slug === 'ds2030' ? 'osnutek-2' : undefined) });
    if (!stream.ok) throw new Error('export refused');
    const items = await Array.fromAsync(stream.value);
    expect(items.some((i) => i.jointPosition)).toBe(true);
    expect(items.some((i) => i.response)).toBe(true);
    for (const item of items) expect(valid('Comment', item), `item ${item.id}`).toEqual([]);
    const page = await openDataPage(db, {}, { limit: 3 }, options);
    expect(page.ok && valid('Page', page.value)).toEqual([]);
    // And the validator does catch a wrong item.
    expect(valid('Comment', { ...items[0], late: 'ne' })).not.toEqual([]);
    expect(valid('Comment', { ...items[0], extra: 1 })).not.toEqual([]);
  });
});

import type { Dictionary } from '../../../i18n/index.ts';
import { ANCHOR_STATUSES, COMMENT_KINDS, JOINT_STATUSES, MODERATION_STATUSES, ORGANISATION_KINDS } from '../../enums.ts';
import { OPEN_DATA_LIMIT, type OpenDataItem } from './open-data.ts';

/**
 * The open data's fields, once: the JSON Schema of each (for /api/v1/openapi.json) and, with the
 * words in t.openDataApi.fields, the table on /odprti-podatki. A test checks real answers against it.
 */

type Schema = Record<string, unknown>;
const text = { type: 'string' };
const nullable = (type: string, extra: Schema = {}): Schema => ({ type: [type, 'null'], ...extra });
const instant = { type: 'string', format: 'date-time' };
const object = (properties: Record<string, Schema>): Schema => ({ type: 'object', properties, required: Object.keys(properties), additionalProperties: false });
const named = { type: 'array', items: object({ name: text, code: text }) };

/** Every field of an item, in the JSON's order. */
export const OPEN_DATA_FIELDS: Array<{ name: keyof OpenDataItem; schema: Schema }> = [
  { name: 'id', schema: { type: 'integer', minimum: 1 } },
  { name: 'consultation', schema: text },
  { name: 'url', schema: { type: 'string', format: 'uri' } },
  { name: 'version', schema: text },
  { name: 'chapter', schema: nullable('string') },
  { name: 'block', schema: nullable('string') },
  { name: 'blockKey', schema: nullable('string') },
  { name: 'anchorStatus', schema: { enum: [...ANCHOR_STATUSES, null] } },
  { name: 'currentChapter', schema: nullable('string') },
  { name: 'currentBlock', schema: nullable('string') },
  { name: 'kind', schema: { enum: [...COMMENT_KINDS] } },
  { name: 'organisation', schema: object({ name: text, kind: { enum: [...ORGANISATION_KINDS] }, code: text }) },
  { name: 'onBehalfOf', schema: { type: 'array', items: object({ name: text, code: text, confirmation: { enum: [...JOINT_STATUSES] } }) } },
  {
    name: 'jointPosition',
    schema: {
      oneOf: [{ type: 'null' }, object({ state: { enum: ['coordinating', 'agreed'] }, deadline: nullable('string', { format: 'date-time' }), confirmed: named, declined: named, noAnswer: named })],
    },
  },
  { name: 'body', schema: text },
  { name: 'proposedText', schema: nullable('string') },
  { name: 'rationale', schema: nullable('string') },
  { name: 'submittedAt', schema: instant },
  { name: 'late', schema: { type: 'boolean' } },
  { name: 'status', schema: { enum: [...MODERATION_STATUSES] } },
  { name: 'response', schema: nullable('string') },
  { name: 'supporters', schema: named },
  { name: 'changedAt', schema: instant },
  { name: 'attachments', schema: { type: 'array', items: object({ url: { type: 'string', format: 'uri' }, name: text, size: { type: 'integer', minimum: 1 }, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } }) } },
];

/** The JSON Schema of one item (with each field's description, given the words). */
export const openDataItemSchema = (words?: Record<keyof OpenDataItem, string>): Schema =>
  object(Object.fromEntries(OPEN_DATA_FIELDS.map((f) => [f.name, words ? { ...f.schema, description: words[f.name] } : f.schema])));

/** How a field's type reads in the table (`string | null`, `object`, …). */
export function fieldType(schema: Schema): string {
  if (schema.enum) return (schema.enum as unknown[]).map((v) => (v === null ? 'null' : `"${v}"`)).join(' | ');
  if (schema.oneOf) return (schema.oneOf as Schema[]).map(fieldType).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : String(schema.type);
  return type === 'array' ? `array<${fieldType(schema.items as Schema)}>` : type;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } });

/** /api/v1/openapi.json: OpenAPI 3.1 of every open-data endpoint, its words from the dictionary. */
export function openApiDocument(t: Dictionary, baseUrl: string): Schema {
  const a = t.openDataApi.openApi;
  const query = (name: string, schema: Schema, description: string) => ({ name, in: 'query', required: false, schema, description });
  const filters = [
    query('consultation', { type: 'string', pattern: '^[a-z0-9-]{1,40}$' }, a.params.consultation),
    query('chapter', { type: 'string', pattern: '^[a-z0-9-]{1,80}$' }, a.params.chapter),
    query('status', { enum: [...MODERATION_STATUSES] }, a.params.status),
    query('organisation', { type: 'string', pattern: '^[A-Za-z0-9-]{1,80}$' }, a.params.organisation),
    query('organisationKind', { enum: [...ORGANISATION_KINDS] }, t.publicComments.openDataParams.organisationKind),
    query('association', { type: 'string', pattern: '^[A-Za-z0-9-]{1,80}$' }, t.publicComments.openDataParams.association),
    query('block', { type: 'string', pattern: '^\\d{1,3}\\.\\d{1,4}$' }, t.publicComments.openDataParams.block),
    query('kind', { enum: [...COMMENT_KINDS] }, t.publicComments.openDataParams.kind),
    query('late', { enum: ['true', 'false'] }, t.publicComments.openDataParams.late),
    query('hasAttachment', { enum: ['true'] }, t.publicComments.openDataParams.hasAttachment),
    query('since', { type: 'string', format: 'date-time' }, a.params.since),
  ];
  const errors = { '400': json(ref('Error'), a.responses.badRequest), '404': json(ref('Error'), a.responses.unknownConsultation) };
  const download = (type: string, description: string) => ({ description, headers: { 'Content-Disposition': { schema: text } }, content: { [type]: { schema: text } } });
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: { title: a.title, version: '1', description: a.description, license: { name: 'CC BY 4.0', identifier: 'CC-BY-4.0' } },
    servers: [{ url: baseUrl }],
    paths: {
      '/api/v1/comments': {
        get: {
          summary: a.list,
          parameters: [
            ...filters,
            query('limit', { type: 'integer', minimum: 1, maximum: OPEN_DATA_LIMIT.max, default: OPEN_DATA_LIMIT.default }, a.params.limit),
            query('after', { type: 'string' }, a.params.after),
            query('format', { enum: ['json', 'csv'] }, a.params.format),
          ],
          responses: {
            '200': { ...json(ref('Page'), a.responses.page), headers: { Link: { schema: text, description: a.responses.link } } },
            '308': { description: a.responses.csvRedirect },
            ...errors,
          },
        },
      },
      '/api/v1/comments/{id}': {
        get: {
          summary: a.one,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
          responses: {
            '200': json(ref('Comment'), a.responses.comment),
            '400': json(ref('Error'), a.responses.badId),
            '404': json(ref('Error'), a.responses.notPublic),
            '410': json(ref('Withdrawn'), a.responses.withdrawn),
          },
        },
      },
      '/api/v1/comments/export.jsonl': { get: { summary: a.exportJsonl, parameters: filters, responses: { '200': download('application/jsonl', a.responses.jsonl), ...errors } } },
      '/api/v1/comments/export.csv': { get: { summary: a.exportCsv, parameters: filters, responses: { '200': download('text/csv', a.responses.csv), ...errors } } },
    },
    components: {
      schemas: {
        Comment: openDataItemSchema(t.openDataApi.fields),
        Page: object({ items: { type: 'array', items: ref('Comment') }, next: nullable('string') }),
        Error: object({ error: text }),
        Withdrawn: object({ error: text, withdrawnAt: instant }),
      },
    },
  };
}

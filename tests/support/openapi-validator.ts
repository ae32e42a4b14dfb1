import Ajv2020 from 'ajv/dist/2020.js';

/**
 * Validates answers against the schemas of /api/v1/openapi.json with Ajv (JSON Schema 2020-12, the
 * dialect of OpenAPI 3.1), strictly: a keyword Ajv does not know is an error, so a mistake in the
 * description fails here rather than in a harvester. `$ref`s to #/components/schemas are inlined.
 */
type Schema = Record<string, unknown>;

function inline(schema: unknown, components: Record<string, Schema>): unknown {
  if (Array.isArray(schema)) return schema.map((s) => inline(s, components));
  if (!schema || typeof schema !== 'object') return schema;
  const ref = (schema as Schema).$ref;
  if (typeof ref === 'string') return inline(components[ref.replace('#/components/schemas/', '')], components);
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === 'description' ? value : inline(value, components)]));
}

export function openApiValidator(document: { components: { schemas: Record<string, Schema> } }) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  ajv.addFormat('uri', /^https?:\/\/\S+$/);
  const schemas = document.components.schemas;
  return (name: string, value: unknown): string[] => {
    const validate = ajv.compile(inline(schemas[name], schemas) as Schema);
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}

/**
 * The comment form's fields, once: the plain HTML form (CommentForm.astro), the composer under a
 * block (CommentComposer.svelte, bundled for the browser) and the server's schema read the same
 * names, limits and element ids from here. No server imports: this module runs in the browser too.
 */
export { COMMENT_KINDS, type CommentKind } from './enums.ts';

/** Longest comment body and proposed text, in characters. */
export const MAX_BODY = 10_000;
/** Longest rationale, in characters. */
export const MAX_RATIONALE = 5_000;

/** The form's field names. */
export const COMMENT_FIELDS = {
  kind: 'kind',
  body: 'body',
  proposedText: 'proposedText',
  rationale: 'rationale',
  idempotencyKey: 'idempotencyKey',
  returnTo: 'returnTo',
  intent: 'intent',
} as const;

/** An association names a member municipality with a box of this name ("onBehalfOf.7"). */
export const onBehalfOfField = (memberId: number) => `onBehalfOf.${memberId}`;
const ON_BEHALF_OF = /^onBehalfOf\.(\d{1,9})$/;

/** The member ids a posted form names; "onBehalfOf.7" and "onBehalfOf.007" name one member once. */
export function namedMembers(values: Record<string, string>): number[] {
  const ids = Object.keys(values)
    .map((name) => ON_BEHALF_OF.exec(name)?.[1])
    .filter((id): id is string => !!id)
    .map(Number);
  return [...new Set(ids)];
}

/** The buttons that submit the form: submit now, or keep as a draft. */
export const COMMENT_INTENTS = { submit: 'submit', draft: 'draft' } as const;

/**
 * Element ids. The plain form uses them as they are (one form on its page); the composer prefixes
 * them with its block's id, as there is one composer per block.
 */
export function commentElementIds(prefix?: string) {
  const id = (name: string) => (prefix ? `${prefix}-${name}` : name);
  return {
    /** Radios get `${kind}-${value}`. */
    kind: id('vrsta'),
    body: id('besedilo'),
    proposedText: id('predlog'),
    rationale: id('obrazlozitev'),
    onBehalfOf: id('v-imenu'),
    form: id('obrazec'),
  };
}

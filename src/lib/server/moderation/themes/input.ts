import { z } from 'astro/zod';
import { perDictionary, type Dictionary } from '../../../../i18n/index.ts';
import { idField } from '../common.ts';

/** The themes' forms as the commands take them (messages in the reader's language). */

export const MAX_THEME_NAME = 100;
/** At most this many comments are moved at once (a page shows 25). */
export const MAX_MOVED = 100;

const name = (t: Dictionary) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? '').replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(MAX_THEME_NAME, { error: t.themes.errors.nameTooLong(MAX_THEME_NAME) }));

/** The boxes `<prefix>.<id>` ticked. */
const ticked = (prefix: string) => (values: unknown) => ({
  ...(values as object),
  ids: Object.keys(values as object)
    .map((k) => new RegExp(`^${prefix}\\.(\\d{1,9})$`).exec(k)?.[1])
    .filter((v): v is string => !!v)
    .map(Number),
});

/** „Predlagaj teme“: a chapter of the current draft, or '' for the whole draft. */
export const suggestInput = z.object({ scope: z.string().optional().transform((v) => v?.trim() || null) });
export type SuggestInput = z.infer<typeof suggestInput>;

/** Accepting a theme, perhaps under a new name ('' keeps the label). */
export const acceptInput = perDictionary((t) => z.object({ name: name(t).transform((v) => v || null) }));
export type AcceptInput = z.infer<ReturnType<typeof acceptInput>>;

/** Renaming a theme. */
export const renameInput = perDictionary((t) => z.object({ name: name(t).pipe(z.string().min(1, { error: t.themes.errors.nameRequired })) }));
export type RenameInput = z.infer<ReturnType<typeof renameInput>>;

/** Merging the themes ticked (`merge.<id>`, at least two) into one of them, perhaps renamed. */
export const mergeInput = perDictionary((t) =>
  z.preprocess(
    ticked('merge'),
    z
      .object({
        ids: z.array(z.number()).min(2, { error: t.themes.errors.mergeTwo }),
        into: idField.optional().catch(undefined),
        name: name(t).transform((v) => v || null),
      })
      .transform((v, ctx) => {
        const into = v.into ?? v.ids[0];
        if (v.ids.includes(into)) return { ids: v.ids, into, name: v.name };
        ctx.addIssue({ code: 'custom', path: ['into'], message: t.themes.errors.mergeInto });
        return z.NEVER;
      }),
  ),
);
export type MergeInput = z.infer<ReturnType<typeof mergeInput>>;

/** Moving the comments ticked (`move.<id>`) to another theme (`to`), or out of this one (`to` = ''). */
export const moveInput = perDictionary((t) =>
  z.preprocess(
    ticked('move'),
    z.object({
      ids: z.array(z.number()).min(1, { error: t.themes.errors.nothingSelected }).max(MAX_MOVED, { error: t.themes.errors.tooMany(MAX_MOVED) }),
      to: z.union([z.literal(''), idField]).optional().transform((v) => (v === '' || v === undefined ? null : v)),
    }),
  ),
);
export type MoveInput = z.infer<ReturnType<typeof moveInput>>;

import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Pričakovan je lokalni čas v obliki LLLL-MM-DDTHH:MM (Europe/Ljubljana).');

/** One data file per draft version: content/<version>/version.json. Its id is the folder name. */
const versions = defineCollection({
  loader: glob({
    pattern: '*/version.json',
    base: './content',
    generateId: ({ entry }) => entry.split('/')[0],
  }),
  schema: z.object({
    label: z.string().min(1),
    /** Publication date, YYYY-MM-DD. */
    publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** The comment window in Europe/Ljubljana wall-clock time. */
    opensAt: localDateTime,
    closesAt: localDateTime,
    changeNote: z.string().min(1),
  }),
});

/** One Markdown file per chapter: content/<version>/NN-<slug>.md. Its id is "<version>/<slug>". */
const chapters = defineCollection({
  loader: glob({
    pattern: '*/[0-9][0-9]-*.md',
    base: './content',
    generateId: ({ entry }) => {
      const [version, file] = entry.split('/');
      return `${version}/${file.replace(/^\d+-/, '').replace(/\.md$/, '')}`;
    },
  }),
  schema: z.object({
    number: z.number().int().positive(),
    title: z.string().min(1),
    summary: z.string().min(1).max(400),
  }),
});

export const collections = { versions, chapters };

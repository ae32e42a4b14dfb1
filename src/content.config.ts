import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { versionDataSchema } from './lib/server/content/versions.ts';

/** One data file per draft version: content/<version>/version.json. Its id is the folder name. */
const versions = defineCollection({
  loader: glob({
    pattern: '*/version.json',
    base: './content',
    generateId: ({ entry }) => entry.split('/')[0],
  }),
  schema: versionDataSchema,
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

import { Marked, type Tokens, type TokenizerExtension } from 'marked';
import { dictionary, type Message } from '../../../i18n/index.ts';
import { slugify } from '../../slug.ts';
import { deriveKey, fingerprintOf, normaliseText, tidyText, tokenText } from './block-text.ts';

/**
 * A chapter split into what people comment on. Every paragraph, list, table, block quote and code
 * block is one commentable block; headings structure the page but are not blocks.
 */
export const BLOCK_KINDS = ['paragraph', 'list', 'table', 'blockquote', 'code'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export interface Block {
  type: 'block';
  kind: BlockKind;
  /** 1-based position in the chapter; shown as "chapter.position", e.g. 3.14. */
  position: number;
  /** "3.14" */
  number: string;
  /** Element id and permalink fragment: "odstavek-3-14". */
  anchor: string;
  /** Survives edits elsewhere in the chapter: pinned by the author or derived from the text. */
  key: string;
  pinned: boolean;
  /** Hash of the block's text; tells a later version whether the block changed. */
  fingerprint: string;
  /** The block's plain text, whitespace-normalised (what a comment quotes). */
  text: string;
  html: string;
}

export interface Heading {
  type: 'heading';
  depth: number;
  text: string;
  id: string;
  html: string;
}

export type ChapterItem = Block | Heading;

export interface RenderedChapter {
  items: ChapterItem[];
  blocks: Block[];
  headings: Heading[];
}

export const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** `<!-- blok: some-key -->` on its own line pins the key of the block that follows. */
const pinMarker: TokenizerExtension = {
  name: 'blockKey',
  level: 'block',
  start(src: string) {
    return src.match(/^ {0,3}<!--\s*blok:/m)?.index;
  },
  tokenizer(src: string) {
    const match = /^ {0,3}<!--\s*blok:\s*([^\s>]*)\s*-->[ \t]*(?:\n|$)/.exec(src);
    if (!match) return undefined;
    return { type: 'blockKey', raw: match[0], key: match[1] };
  },
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const markdown = new Marked({
  gfm: true,
  extensions: [pinMarker],
  renderer: {
    // Chapters are written by the team, but raw HTML in them is still shown as text, never run.
    html({ text }) {
      return escapeHtml(text);
    },
  },
});

/** A chapter that cannot be published as written; `text` says why, to its authors. */
export class ChapterContentError extends Error {
  readonly text: Message;
  constructor(text: Message) {
    // Thrown while content/ is read (at start, in the CLI): the log says it in the default language.
    super(text(dictionary()));
    this.text = text;
  }
}

const isBlockKind = (type: string): type is BlockKind => (BLOCK_KINDS as readonly string[]).includes(type);

/**
 * Splits a chapter's Markdown into numbered, keyed blocks and headings, each with its HTML.
 * `chapterNumber` gives the "3" in "3.14".
 */
export function renderChapter(source: string, chapterNumber: number): RenderedChapter {
  const tokens = markdown.lexer(source);
  const items: ChapterItem[] = [];
  const blocks: Block[] = [];
  const headings: Heading[] = [];
  const usedKeys = new Set<string>();
  const usedHeadingIds = new Set<string>();
  let pendingPin: string | undefined;

  // Pinned keys are reserved first so that a derived key never takes one.
  for (const token of tokens) {
    if (token.type !== 'blockKey') continue;
    const key = (token as unknown as { key: string }).key;
    if (!KEY_PATTERN.test(key)) {
      throw new ChapterContentError((t) => t.contentErrors.invalidKey(chapterNumber, key));
    }
    if (usedKeys.has(key)) throw new ChapterContentError((t) => t.contentErrors.duplicateKey(chapterNumber, key));
    usedKeys.add(key);
  }

  for (const token of tokens) {
    if (token.type === 'blockKey') {
      if (pendingPin) throw orphanPin(chapterNumber, pendingPin);
      pendingPin = (token as unknown as { key: string }).key;
      continue;
    }
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      const text = normaliseText(tokenText(heading));
      let id = slugify(text) || 'razdelek';
      for (let n = 2; usedHeadingIds.has(id); n++) id = `${slugify(text)}-${n}`;
      usedHeadingIds.add(id);
      const item: Heading = {
        type: 'heading',
        depth: heading.depth,
        text,
        id,
        html: markdown.parseInline(heading.text, { async: false }) as string,
      };
      items.push(item);
      headings.push(item);
      continue;
    }
    if (!isBlockKind(token.type)) continue; // space, hr, comments, link definitions
    const kind = token.type;
    const text = tidyText(tokenText(token));
    if (text === '') continue;
    const position = blocks.length + 1;
    let key: string;
    const pinned = pendingPin !== undefined;
    if (pendingPin) {
      key = pendingPin;
      pendingPin = undefined;
    } else {
      const base = deriveKey(text);
      key = base;
      for (let n = 2; usedKeys.has(key); n++) key = `${base}-${n}`;
      usedKeys.add(key);
    }
    const block: Block = {
      type: 'block',
      kind,
      position,
      number: `${chapterNumber}.${position}`,
      anchor: `odstavek-${chapterNumber}-${position}`,
      key,
      pinned,
      fingerprint: fingerprintOf(text),
      text,
      html: markdown.parser([token]) as string,
    };
    items.push(block);
    blocks.push(block);
  }
  if (pendingPin) throw orphanPin(chapterNumber, pendingPin);
  return { items, blocks, headings };
}

function orphanPin(chapterNumber: number, key: string): ChapterContentError {
  return new ChapterContentError((t) => t.contentErrors.pinWithoutBlock(chapterNumber, key));
}

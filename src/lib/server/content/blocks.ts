import { createHash } from 'node:crypto';
import { Marked, type Token, type Tokens, type TokenizerExtension } from 'marked';
import { dictionary, type Message } from '../../../i18n/index.ts';
import { slugify } from '../../slug.ts';

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

/** The visible text of a token tree: what a reader sees, without Markdown syntax. */
export function tokenText(token: Token): string {
  switch (token.type) {
    case 'list':
      return (token as Tokens.List).items.map(tokenText).join('\n');
    case 'list_item':
    case 'blockquote':
      return ((token as Tokens.ListItem).tokens ?? []).map(tokenText).filter(Boolean).join('\n');
    case 'table': {
      const table = token as Tokens.Table;
      const row = (cells: Tokens.TableCell[]) => cells.map((c) => c.tokens.map(tokenText).join('')).join(' | ');
      return [row(table.header), ...table.rows.map(row)].join('\n');
    }
    case 'code':
    case 'codespan':
      return (token as Tokens.Code).text;
    case 'br':
      return '\n';
    case 'space':
    case 'hr':
    case 'blockKey':
      return '';
    case 'html':
      return (token as Tokens.HTML).text;
    case 'image':
      return (token as Tokens.Image).text;
    default: {
      const withTokens = token as { tokens?: Token[]; text?: string };
      if (withTokens.tokens) return withTokens.tokens.map(tokenText).join('');
      return decodeEntities(withTokens.text ?? '');
    }
  }
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Keeps line breaks (list items, table rows) but tidies spaces within and between lines. */
export function tidyText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Collapses all runs of white space; comparisons and fingerprints use this form. */
export function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function fingerprintOf(text: string): string {
  return sha256(normaliseText(text)).slice(0, 16);
}

/** A readable key from the first words plus a short hash of the whole text. */
export function deriveKey(text: string): string {
  const normal = normaliseText(text);
  const words = slugify(normal.split(' ').slice(0, 4).join(' ')).slice(0, 32).replace(/-+$/, '');
  const hash = sha256(normal).slice(0, 6);
  return words ? `${words}-${hash}` : `b-${hash}`;
}

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

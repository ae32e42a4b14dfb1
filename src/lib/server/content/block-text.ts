import { createHash } from 'node:crypto';
import type { Token, Tokens } from 'marked';
import { slugify } from '../../slug.ts';

/**
 * A block's text as readers see it and what identifies it across versions: the plain text of its
 * Markdown, a fingerprint of that text and a readable key derived from it.
 */

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

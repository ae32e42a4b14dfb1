import { diffWordsWithSpace } from 'diff';

/** A tracked-changes view of an amendment: what stays, what is deleted, what is inserted. */
export type DiffPart = { type: 'same' | 'ins' | 'del'; text: string };

export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((part) => ({
    type: part.added ? 'ins' : part.removed ? 'del' : 'same',
    text: part.value,
  }));
}

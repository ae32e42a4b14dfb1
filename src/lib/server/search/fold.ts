/**
 * Text folded as PostgreSQL's `posvet_fold(text)` folds it (db/migrations/search-postgres.ts:
 * `lower(unaccent(text))`), so that a query's terms, folded here, are found in the folded texts by
 * `like '%term%'` through the trigram indexes: „Občina“ → „obcina“, „ĐAKOVIĆ“ → „dakovic“.
 *
 * Diacritics go by Unicode's compatibility decomposition (the combining marks dropped, ligatures
 * spelled out); the letters that have none are spelled as unaccent spells them. Then lower case.
 */
const SPELLED: Record<string, string> = {
  Đ: 'D', đ: 'd', Ð: 'D', ð: 'd', Ł: 'L', ł: 'l', Ø: 'O', ø: 'o', Æ: 'AE', æ: 'ae', Œ: 'OE', œ: 'oe', ß: 'ss',
  Þ: 'TH', þ: 'th', Ħ: 'H', ħ: 'h', Ŧ: 'T', ŧ: 't', ı: 'i', Ŀ: 'L', ŀ: 'l', ĸ: 'q',
};

/** A text as `posvet_fold` gives it: without diacritics, lower case. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ĐđÐðŁłØøÆæŒœßÞþĦħŦŧıĿŀĸ]/g, (c) => SPELLED[c] ?? c)
    .toLowerCase();
}

/** A LIKE pattern for the folded texts that holds `term` anywhere, its own %, _ and \ taken literally (\ is PostgreSQL's default escape). */
export function likePattern(term: string): string {
  return `%${foldText(term).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

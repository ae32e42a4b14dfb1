/**
 * The shape of the legal statements (/dostopnost, /zasebnost): sections with headings, each a run
 * of paragraphs, lists and postal addresses. Inline parts are plain text, an e-mail address (shown
 * as a mailto link) or a link within the portal. The texts themselves are in sl.ts.
 */

export type StatementInline = string | { email: string } | { href: string; text: string };

/** A paragraph: plain text or a run of inline parts. */
export type StatementText = string | readonly StatementInline[];

export type StatementBlock =
  | StatementText
  | { list: readonly StatementText[] }
  /** A postal address, one line each; the last lines may be e-mail addresses. */
  | { address: readonly StatementText[] };

export interface StatementSection {
  title: string;
  blocks: readonly StatementBlock[];
  /** Sub-sections under their own (level 3) headings. */
  subsections?: readonly { title: string; blocks: readonly StatementBlock[] }[];
}

/** What the texts need from the running portal. */
export interface StatementContext {
  /** CONTACT_EMAIL: feedback on accessibility and questions about personal data. */
  contactEmail: string;
  /** PUBLIC_URL: the address the statement applies to. */
  publicUrl: string;
}

export interface Statement {
  title: string;
  lead: (context: StatementContext) => StatementText;
  contentsLabel: string;
  sections: (context: StatementContext) => readonly StatementSection[];
}

/**
 * The Slovenian dictionary: every word of the interface, split by area. An English dictionary
 * would sit beside it as en/ with the same shape (the `Dictionary` type in ../index.ts).
 */
import { accounts } from './accounts.ts';
import { audit } from './audit.ts';
import { comments } from './comments.ts';
import { consultations } from './consultations.ts';
import { joint } from './joint.ts';
import { legal } from './legal.ts';
import { moderation } from './moderation.ts';
import { reportDocument } from './report-document.ts';
import { reportVersions } from './report-versions.ts';
import { openData } from './open-data.ts';
import { recordComments } from './record-comments.ts';
import { site } from './site.ts';
import { stances } from './stances.ts';
import { templates } from './templates.ts';
import { duplicates } from './duplicates.ts';
import { themes } from './themes.ts';
import { search } from './search.ts';
import { publicComments } from './public-comments.ts';
import { participation } from './participation.ts';
import { attachments } from './attachments.ts';
import { onboarding } from './onboarding.ts';

export const sl = { ...site, ...legal, ...accounts, ...comments, ...consultations, ...moderation, ...stances, ...templates, ...reportDocument, ...reportVersions, ...openData, ...joint, ...recordComments, ...audit, ...duplicates, ...themes, ...search, ...publicComments, ...participation, ...attachments, ...onboarding } as const;

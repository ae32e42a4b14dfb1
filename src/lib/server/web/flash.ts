import type { Dictionary, Message } from '../../../i18n/index.ts';

/**
 * Messages shown once after a redirect (post/redirect/get). The URL carries only a key from this
 * list, so nobody can put text of their own on our pages through a link.
 */
const messages = {
  'odjava': (t) => t.account.login.signedOut,
  'geslo-ponastavljeno': (t) => t.account.login.passwordReset,
  'geslo-spremenjeno': (t) => t.account.me.passwordChanged,
  'ime-shranjeno': (t) => t.account.me.nameSaved,
  'seje-koncane': (t) => t.account.me.othersEnded,
  'vloga-spremenjena': (t) => t.account.organisationPage.roleChanged,
  'racun-onemogocen': (t) => t.account.organisationPage.disabled,
  'racun-omogocen': (t) => t.account.organisationPage.enabled,
  'povabilo-preklicano': (t) => t.account.organisationPage.revoked,
  'povabilo-poslano': (t) => t.account.organisationPage.invited,
  'opomniki-izklopljeni': (t) => t.onboarding.reminders.off,
  'opomniki-vklopljeni': (t) => t.onboarding.reminders.on,
  'clanica-dodana': (t) => t.admin.memberAdded,
  'clanica-odstranjena': (t) => t.admin.memberRemoved,
  'posvetovanje-ustvarjeno': (t) => t.consultationAdmin.created,
  'stanje-spremenjeno': (t) => t.consultationAdmin.statusChanged,
  'posvetovanje-arhivirano': (t) => t.consultationAdmin.archived,
  'posvetovanje-iz-arhiva': (t) => t.consultationAdmin.unarchived,
  'moderator-dodeljen': (t) => t.consultationAdmin.assigned,
  'moderator-odvzet': (t) => t.consultationAdmin.unassigned,
  'porocilo-v-pripravi': (t) => t.reportVersions.publishing,
  'predogled-v-pripravi': (t) => t.reportVersions.previewStarted,
  'osnutek-shranjen': (t) => t.comments.draftSaved,
  'pripomba-oddana': (t) => t.comments.submitted,
  'pripomba-umaknjena': (t) => t.comments.withdrawn,
  'osnutek-izbrisan': (t) => t.comments.draftDeleted,
  'podpora-dodana': (t) => t.comments.supportAdded,
  'podpora-umaknjena': (t) => t.comments.supportRemoved,
  'odgovor-shranjen': (t) => t.comments.jointAnswered,
  'dvostopenjska-izklopljena': (t) => t.twoFactor.disabled,
  'dvostopenjska-ponastavljena': (t) => t.twoFactor.admin.done,
  'koda-potekla': (t) => t.twoFactor.login.expired,
  'koda-prevec-napak': (t) => t.twoFactor.login.lockedOut,
  'koda-za-obnovitev-porabljena': (t) => t.twoFactor.login.recoveryUsed,
} as const satisfies Record<string, Message>;

export type FlashKey = keyof typeof messages;

/** Every key a link may carry in `?sporocilo=`. */
export const FLASH_KEYS: readonly string[] = Object.keys(messages);

/** The message a link asks for, in the reader's language (pass `Astro.locals.t`). */
export function flashMessage(url: URL, t: Dictionary): string | undefined {
  const key = url.searchParams.get('sporocilo');
  return key && key in messages ? messages[key as FlashKey](t) : undefined;
}

export function withFlash(path: string, key: FlashKey): string {
  const [base, hash] = path.split('#', 2);
  return `${base}${base.includes('?') ? '&' : '?'}sporocilo=${key}${hash ? `#${hash}` : ''}`;
}

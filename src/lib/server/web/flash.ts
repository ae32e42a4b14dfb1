import { t } from '../../../i18n/index.ts';

/**
 * Messages shown once after a redirect (post/redirect/get). The URL carries only a key from this
 * list, so nobody can put text of their own on our pages through a link.
 */
const messages = {
  'odjava': t.account.login.signedOut,
  'geslo-ponastavljeno': t.account.login.passwordReset,
  'geslo-spremenjeno': t.account.me.passwordChanged,
  'ime-shranjeno': t.account.me.nameSaved,
  'seje-koncane': t.account.me.othersEnded,
  'vloga-spremenjena': t.account.organisationPage.roleChanged,
  'racun-onemogocen': t.account.organisationPage.disabled,
  'racun-omogocen': t.account.organisationPage.enabled,
  'povabilo-preklicano': t.account.organisationPage.revoked,
  'povabilo-poslano': t.account.organisationPage.invited,
  'clanica-dodana': t.admin.memberAdded,
  'clanica-odstranjena': t.admin.memberRemoved,
  'osnutek-shranjen': t.comments.draftSaved,
  'pripomba-oddana': t.comments.submitted,
  'pripomba-umaknjena': t.comments.withdrawn,
  'osnutek-izbrisan': t.comments.draftDeleted,
  'podpora-dodana': t.comments.supportAdded,
  'podpora-umaknjena': t.comments.supportRemoved,
  'odgovor-shranjen': t.comments.jointAnswered,
  'dvostopenjska-izklopljena': t.twoFactor.disabled,
  'dvostopenjska-ponastavljena': t.twoFactor.admin.done,
  'koda-potekla': t.twoFactor.login.expired,
  'koda-prevec-napak': t.twoFactor.login.lockedOut,
  'koda-za-obnovitev-porabljena': t.twoFactor.login.recoveryUsed,
} as const;

export type FlashKey = keyof typeof messages;

/** Every key a link may carry in `?sporocilo=`. */
export const FLASH_KEYS: readonly string[] = Object.keys(messages);

export function flashMessage(url: URL): string | undefined {
  const key = url.searchParams.get('sporocilo');
  return key && key in messages ? messages[key as FlashKey] : undefined;
}

export function withFlash(path: string, key: FlashKey): string {
  const [base, hash] = path.split('#', 2);
  return `${base}${base.includes('?') ? '&' : '?'}sporocilo=${key}${hash ? `#${hash}` : ''}`;
}
